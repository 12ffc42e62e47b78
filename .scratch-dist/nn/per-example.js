/**
 * The DP-SGD step's data-touching half (Abadi et al. 2016): after a backward with `params: 'per-example'` over a
 * batch of `rows` examples (loss a *sum* of per-example terms), compute each example's gradient norm across
 * `modules` (ghost norms — no per-example gradient is materialised), scale example i by min(1, clipNorm/‖g_i‖),
 * and add the clipped sum Σ_i s_i·g_i into the parameters' `grad` (which the caller zeroed). The result's norms
 * are private: they must not leave the DP code path.
 *
 * What comes next is the caller's (issue 12): add Gaussian noise of scale σ·clipNorm from a SecureRng to each
 * summed gradient, divide by the expected batch size, then the optimiser step.
 */
export function clipPerExample(modules, rows, clipNorm, ctx) {
    if (!(clipNorm > 0))
        throw new Error(`clipPerExample: the clipping norm must be > 0, got ${clipNorm}`);
    const sq = new Float64Array(rows);
    for (const m of modules)
        m.addSquaredNorms(sq);
    const norms = new Float64Array(rows);
    const scales = new Float32Array(rows);
    for (let i = 0; i < rows; i++) {
        norms[i] = Math.sqrt(sq[i]);
        // float32 rounding of the scale could push a clipped norm a hair above C: round the scale down
        const s = norms[i] > clipNorm ? clipNorm / norms[i] : 1;
        let f = Math.fround(s);
        if (f > s)
            f = nextDown32(f);
        scales[i] = f;
    }
    for (const m of modules)
        m.accumulateScaled(scales, ctx);
    return { norms, scales };
}
const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);
function nextDown32(x) {
    f32[0] = x;
    if (x > 0)
        u32[0] -= 1;
    return f32[0];
}
//# sourceMappingURL=per-example.js.map