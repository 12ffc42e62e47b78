/**
 * How lookalike prints numbers, in one place (ground floor: imports nothing).
 *
 * - `formatNumber`: scores, shares, distances, timings — round to nearest, `digits` significant digits (default 4),
 *   exponent form outside [1e-3, 1e6), `—` for a missing value, `∞` for Infinity.
 * - `formatEpsilon`: a claimed privacy parameter (ε, δ, ρ) — the same layout, but rounded **up**: the printed
 *   decimal, read back as a number, is never below the number printed, so printing can only overstate the privacy
 *   loss (DESIGN.md rule 3). The rounding works on the double's exact binary value (BigInt), not on a float
 *   product that may round the wrong way.
 */
function special(x) {
    if (x === null || x === undefined || Number.isNaN(x))
        return '—';
    if (x === Infinity)
        return '∞';
    if (x === -Infinity)
        return '−∞';
    return null;
}
const exponentForm = (x) => x !== 0 && (Math.abs(x) < 1e-3 || Math.abs(x) >= 1e6);
/** A number as tables and messages show it (round to nearest). See the module comment. */
export function formatNumber(x, opts = {}) {
    const s = special(x);
    if (s !== null)
        return s;
    const v = x;
    if (opts.fixed !== undefined)
        return v.toFixed(opts.fixed);
    const digits = opts.digits ?? 4;
    if (exponentForm(v))
        return v.toExponential(Math.max(0, digits - 2));
    return String(Number(v.toPrecision(digits)));
}
/**
 * A privacy parameter (ε, δ, ρ) rounded **up** to `digits` significant digits (default 4; in exponent form, outside
 * [1e-3, 1e6), `digits − 1`, like `formatNumber`). Contract: `Number(formatEpsilon(x)) >= x` for every finite x.
 * The printed decimal is x's exact value cut to `digits` digits when that decimal reads back as x itself (so the
 * δ = 1e-9 a user typed prints as 1.00e-9), else the next decimal up. Negatives round towards zero. `∞` for a
 * model without a finite guarantee.
 */
export function formatEpsilon(x, digits = 4) {
    const s = special(x);
    if (s !== null)
        return s;
    const v = x;
    if (v === 0)
        return '0';
    const expo = exponentForm(v);
    const n = Math.max(1, expo ? digits - 1 : digits);
    const sign = v < 0 ? '-' : '';
    const render = (r) => {
        if (!expo)
            return sign + plain(r.head, r.point);
        const e = r.point - 1;
        const mant = n > 1 ? `${r.head[0]}.${r.head.slice(1)}` : r.head;
        return `${sign}${mant}e${e < 0 ? '-' : '+'}${Math.abs(e)}`;
    };
    const cut = render(roundDecimal(Math.abs(v), n, false));
    // towards zero: overstates a negative; for a positive, fine only when the cut decimal reads back as v itself
    if (v < 0 || Number(cut) >= v)
        return cut;
    return render(roundDecimal(v, n, true));
}
/**
 * The exact decimal expansion of a positive finite double: x = 0.d₁d₂d₃… × 10^point, d₁ ≠ 0. A double is m·2^e with
 * integer m, so x = m·5^(−e) / 10^(−e) for e < 0: finitely many digits, computed with BigInt.
 */
function exactDecimal(x) {
    const view = new DataView(new ArrayBuffer(8));
    view.setFloat64(0, x);
    const hi = view.getUint32(0);
    const lo = view.getUint32(4);
    const expBits = (hi >>> 20) & 0x7ff;
    let mant = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
    let e2;
    if (expBits === 0)
        e2 = -1074;
    else {
        mant |= 1n << 52n;
        e2 = expBits - 1075;
    }
    const int = e2 >= 0 ? mant << BigInt(e2) : mant * 5n ** BigInt(-e2);
    const scale = e2 >= 0 ? 0 : -e2;
    const s = int.toString();
    const trimmed = s.replace(/0+$/, '');
    return { digits: trimmed, point: s.length - scale };
}
/** x > 0 to n significant digits, up (away from zero) or down (towards zero), exactly. */
function roundDecimal(x, n, up) {
    const d = exactDecimal(x);
    let head = d.digits.slice(0, n).padEnd(n, '0');
    let point = d.point;
    if (up && /[1-9]/.test(d.digits.slice(n))) {
        const h = (BigInt(head) + 1n).toString();
        if (h.length > n) {
            head = h.slice(0, n);
            point++;
        }
        else
            head = h;
    }
    return { head, point };
}
/** 0.head × 10^point as a plain decimal without trailing zeros. */
function plain(head, point) {
    let s;
    if (point >= head.length)
        s = head + '0'.repeat(point - head.length);
    else if (point > 0)
        s = `${head.slice(0, point)}.${head.slice(point)}`;
    else
        s = `0.${'0'.repeat(-point)}${head}`;
    if (s.includes('.'))
        s = s.replace(/0+$/, '').replace(/\.$/, '');
    return s;
}
/** A plain-text table with aligned columns: the header, a rule of dashes, the rows (for terminals and logs). */
export function formatTable(header, rows) {
    const w = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
    const line = (r) => r
        .map((c, i) => (c ?? '').padEnd(w[i]))
        .join('  ')
        .trimEnd();
    return [line(header), line(w.map((n) => '-'.repeat(n))), ...rows.map(line)].join('\n');
}
/**
 * Control characters that must not reach a terminal from data: C0 controls other than tab and line feed (ESC
 * starts ANSI sequences that recolour, move the cursor, retitle the window or write to the clipboard; CR overwrites
 * a line; BEL rings), DEL, the C1 controls (U+009B is an 8-bit CSI), and the Unicode bidirectional overrides and
 * isolates that reorder what is shown ("Trojan Source").
 */
// eslint-disable-next-line no-control-regex
const UNPRINTABLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
/**
 * `text` with every such character written as a visible `\uXXXX` escape. Every message and result the CLI prints
 * goes through it (column names, file names and values come from the user's files). In JSON output the escape is
 * JSON's own, so printed JSON parses to the same strings.
 */
export function printable(text) {
    return text.replace(UNPRINTABLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
//# sourceMappingURL=format.js.map