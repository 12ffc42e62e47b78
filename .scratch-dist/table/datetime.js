/**
 * Datetime formats. A format is a pattern of tokens — YYYY, YY, MM, M, DD, D, MMM (Jan…Dec), HH, H, mm, ss,
 * SSS — and literal characters. Values are read as wall-clock time in UTC (no time-zone arithmetic) and written
 * back in the same pattern, so synthetic output looks like its input. `ISO` is the format of values that came
 * typed from a file (DuckDB DATE / TIMESTAMP): written as `YYYY-MM-DD` when every value is midnight, else
 * `YYYY-MM-DDTHH:mm:ss.SSS`.
 */
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const TOKEN_RE = /YYYY|YY|MMM|MM|M|DD|D|HH|H|mm|ss|SSS/y;
function tokenize(format) {
    const out = [];
    let i = 0;
    while (i < format.length) {
        TOKEN_RE.lastIndex = i;
        const m = TOKEN_RE.exec(format);
        if (m) {
            out.push({ t: m[0] });
            i += m[0].length;
        }
        else {
            const last = out[out.length - 1];
            if (last && last.t === 'lit')
                last.s += format[i];
            else
                out.push({ t: 'lit', s: format[i] });
            i++;
        }
    }
    return out;
}
const TOKEN_PATTERN = {
    YYYY: '(\\d{4})',
    YY: '(\\d{2})',
    MM: '(\\d{2})',
    M: '(\\d{1,2})',
    DD: '(\\d{2})',
    D: '(\\d{1,2})',
    MMM: `(${MONTHS.join('|')})`,
    HH: '(\\d{2})',
    H: '(\\d{1,2})',
    mm: '(\\d{2})',
    ss: '(\\d{2})',
    SSS: '(\\d{3})',
};
function escapeRe(s) {
    return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
const cache = new Map();
export const ISO_FORMAT = 'ISO';
/** A parser/formatter for `format` (cached). */
export function datetimeCodec(format) {
    const hit = cache.get(format);
    if (hit)
        return hit;
    const codec = format === ISO_FORMAT ? isoCodec() : patternCodec(format);
    cache.set(format, codec);
    return codec;
}
function isoCodec() {
    return {
        format: ISO_FORMAT,
        parse(s) {
            const t = Date.parse(s.length === 10 ? `${s}T00:00:00Z` : s.endsWith('Z') ? s : `${s}Z`);
            return Number.isFinite(t) ? t : NaN;
        },
        format_(ms) {
            const iso = new Date(ms).toISOString();
            return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 23);
        },
    };
}
function patternCodec(format) {
    const tokens = tokenize(format);
    const re = new RegExp(`^${tokens.map((k) => (k.t === 'lit' ? escapeRe(k.s) : TOKEN_PATTERN[k.t])).join('')}$`);
    const fields = tokens.filter((k) => k.t !== 'lit').map((k) => k.t);
    const pad = (n, w) => String(n).padStart(w, '0');
    return {
        format,
        parse(s) {
            const m = re.exec(s);
            if (!m)
                return NaN;
            let y = 1970, mo = 1, d = 1, h = 0, mi = 0, se = 0, ms = 0;
            for (let i = 0; i < fields.length; i++) {
                const v = m[i + 1];
                switch (fields[i]) {
                    case 'YYYY':
                        y = +v;
                        break;
                    case 'YY':
                        y = +v < 70 ? 2000 + +v : 1900 + +v;
                        break;
                    case 'MM':
                    case 'M':
                        mo = +v;
                        break;
                    case 'MMM':
                        mo = MONTHS.indexOf(v) + 1;
                        break;
                    case 'DD':
                    case 'D':
                        d = +v;
                        break;
                    case 'HH':
                    case 'H':
                        h = +v;
                        break;
                    case 'mm':
                        mi = +v;
                        break;
                    case 'ss':
                        se = +v;
                        break;
                    case 'SSS':
                        ms = +v;
                        break;
                }
            }
            if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || se > 59)
                return NaN;
            const t = Date.UTC(y, mo - 1, d, h, mi, se, ms);
            const back = new Date(t);
            if (back.getUTCDate() !== d || back.getUTCMonth() !== mo - 1)
                return NaN; // e.g. Feb 30
            if (y < 100)
                return NaN;
            return t;
        },
        format_(t) {
            const dt = new Date(t);
            let out = '';
            for (const k of tokens) {
                switch (k.t) {
                    case 'lit':
                        out += k.s;
                        break;
                    case 'YYYY':
                        out += pad(dt.getUTCFullYear(), 4);
                        break;
                    case 'YY':
                        out += pad(dt.getUTCFullYear() % 100, 2);
                        break;
                    case 'MM':
                        out += pad(dt.getUTCMonth() + 1, 2);
                        break;
                    case 'M':
                        out += String(dt.getUTCMonth() + 1);
                        break;
                    case 'MMM':
                        out += MONTHS[dt.getUTCMonth()];
                        break;
                    case 'DD':
                        out += pad(dt.getUTCDate(), 2);
                        break;
                    case 'D':
                        out += String(dt.getUTCDate());
                        break;
                    case 'HH':
                        out += pad(dt.getUTCHours(), 2);
                        break;
                    case 'H':
                        out += String(dt.getUTCHours());
                        break;
                    case 'mm':
                        out += pad(dt.getUTCMinutes(), 2);
                        break;
                    case 'ss':
                        out += pad(dt.getUTCSeconds(), 2);
                        break;
                    case 'SSS':
                        out += pad(dt.getUTCMilliseconds(), 3);
                        break;
                }
            }
            return out;
        },
    };
}
/** Formats tried, in order, when inferring a text column's datetime format. */
export const CANDIDATE_FORMATS = [
    'YYYY-MM-DD',
    'YYYY-MM-DDTHH:mm:ss',
    'YYYY-MM-DDTHH:mm:ss.SSS',
    'YYYY-MM-DDTHH:mm:ssZ',
    'YYYY-MM-DDTHH:mm:ss.SSSZ',
    'YYYY-MM-DD HH:mm:ss',
    'YYYY-MM-DD HH:mm:ss.SSS',
    'YYYY-MM-DDTHH:mm',
    'YYYY-MM-DD HH:mm',
    'YYYY/MM/DD',
    'YYYY/MM/DD HH:mm',
    'YYYY/MM/DD HH:mm:ss',
    'M/D/YYYY',
    'M/D/YYYY H:mm',
    'M/D/YYYY H:mm:ss',
    'M/D/YY',
    'M/D/YY H:mm',
    'MMM D YYYY',
    'D MMM YYYY',
    'MMM D, YYYY',
];
/** The first candidate format that parses every given (non-empty) string, or null. */
export function detectDatetimeFormat(values) {
    if (values.length === 0)
        return null;
    for (const f of CANDIDATE_FORMATS) {
        const codec = datetimeCodec(f);
        let ok = true;
        for (const v of values) {
            if (Number.isNaN(codec.parse(v))) {
                ok = false;
                break;
            }
        }
        if (ok)
            return f;
    }
    return null;
}
//# sourceMappingURL=datetime.js.map