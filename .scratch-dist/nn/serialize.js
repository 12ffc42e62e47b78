const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const LOOKUP = new Int16Array(128).fill(-1);
for (let i = 0; i < 64; i++)
    LOOKUP[B64.charCodeAt(i)] = i;
export function bytesToBase64(b) {
    const parts = [];
    const CHUNK = 3 * 4096;
    for (let s = 0; s < b.length; s += CHUNK) {
        const e = Math.min(b.length, s + CHUNK);
        let out = '';
        let i = s;
        for (; i + 2 < e; i += 3) {
            const n = (b[i] << 16) | (b[i + 1] << 8) | b[i + 2];
            out += B64[n >> 18] + B64[(n >> 12) & 63] + B64[(n >> 6) & 63] + B64[n & 63];
        }
        if (i < e) {
            const n = (b[i] << 16) | ((i + 1 < e ? b[i + 1] : 0) << 8);
            out += B64[n >> 18] + B64[(n >> 12) & 63] + (i + 1 < e ? B64[(n >> 6) & 63] : '=') + '=';
        }
        parts.push(out);
    }
    return parts.join('');
}
/** Decode base64; null when the text is not valid base64. */
export function base64ToBytes(s) {
    if (s.length % 4 !== 0)
        return null;
    const pad = s.endsWith('==') ? 2 : s.endsWith('=') ? 1 : 0;
    const out = new Uint8Array((s.length / 4) * 3 - pad);
    let o = 0;
    for (let i = 0; i < s.length; i += 4) {
        const c = [0, 1, 2, 3].map((k) => {
            const ch = s.charCodeAt(i + k);
            if (ch === 61 && i + 4 === s.length && k >= 4 - pad)
                return 0; // '='
            return ch < 128 ? LOOKUP[ch] : -1;
        });
        if (c.some((x) => x < 0))
            return null;
        const n = (c[0] << 18) | (c[1] << 12) | (c[2] << 6) | c[3];
        if (o < out.length)
            out[o++] = n >> 16;
        if (o < out.length)
            out[o++] = (n >> 8) & 255;
        if (o < out.length)
            out[o++] = n & 255;
    }
    return out;
}
function f32ToBase64(v) {
    const bytes = new Uint8Array(v.length * 4);
    const dv = new DataView(bytes.buffer);
    for (let i = 0; i < v.length; i++)
        dv.setFloat32(i * 4, v[i], true);
    return bytesToBase64(bytes);
}
/** The parameters' current values as model-file entries. */
export function writeWeights(params) {
    return params.map((p) => ({ name: p.name, shape: [...p.shape], data: f32ToBase64(p.value) }));
}
/**
 * Fill `params` from model-file entries. Returns the problems found (empty = loaded); on any problem no parameter
 * is changed.
 */
export function readWeights(entries, params, where = 'weights') {
    const problems = [];
    if (!Array.isArray(entries))
        return [`${where} must be a list of {name, shape, data}`];
    const byName = new Map();
    for (const e of entries) {
        const name = e?.name;
        if (typeof name !== 'string')
            problems.push(`${where}: an entry has no name`);
        else if (byName.has(name))
            problems.push(`${where}: "${name}" appears twice`);
        else
            byName.set(name, e);
    }
    const decoded = [];
    for (const p of params) {
        const e = byName.get(p.name);
        byName.delete(p.name);
        if (!e) {
            problems.push(`${where}: "${p.name}" is missing`);
            continue;
        }
        const shape = e.shape;
        if (!Array.isArray(shape) || shape.length !== p.shape.length || shape.some((d, i) => d !== p.shape[i])) {
            problems.push(`${where}: "${p.name}" has shape ${JSON.stringify(shape)} but the model declares [${p.shape.join(', ')}]`);
            continue;
        }
        const bytes = typeof e.data === 'string' ? base64ToBytes(e.data) : null;
        if (!bytes) {
            problems.push(`${where}: "${p.name}" data is not base64 text`);
            continue;
        }
        if (bytes.length !== p.size * 4) {
            problems.push(`${where}: "${p.name}" holds ${bytes.length / 4} float32 values; its shape needs ${p.size}`);
            continue;
        }
        const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
        const v = new Float32Array(p.size);
        let bad = 0;
        for (let i = 0; i < p.size; i++) {
            v[i] = dv.getFloat32(i * 4, true);
            if (!Number.isFinite(v[i]))
                bad++;
        }
        if (bad)
            problems.push(`${where}: "${p.name}" has ${bad} values that are not finite numbers`);
        decoded.push(v);
    }
    for (const name of byName.keys())
        problems.push(`${where}: "${name}" is not a parameter of this model`);
    if (problems.length)
        return problems;
    params.forEach((p, i) => {
        p.value.set(decoded[i]);
        p.touch();
    });
    return [];
}
//# sourceMappingURL=serialize.js.map