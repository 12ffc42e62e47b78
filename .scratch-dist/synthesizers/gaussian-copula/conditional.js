import normalCdf from '@stdlib/stats-base-dists-normal-cdf';
import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';
import { CholeskyDecomposition, Matrix } from 'ml-matrix';
export const GIBBS_SWEEPS = 50;
/** Latent uniforms (Φ(z)) of every dimension for n rows drawn given `sets` (dimension → intervals in z). */
export function conditionalUniforms(corr, d, sets, n, rng) {
    const P = [];
    const pointValue = [];
    const B = [];
    const Bsets = [];
    for (const [dim, ivs] of [...sets.entries()].sort((a, b) => a[0] - b[0])) {
        if (ivs.length === 1 && ivs[0][0] === ivs[0][1]) {
            P.push(dim);
            pointValue.push(ivs[0][0]);
        }
        else {
            B.push(dim);
            Bsets.push(ivs);
        }
    }
    const K = [...P, ...B];
    const inK = new Set(K);
    const F = [];
    for (let j = 0; j < d; j++)
        if (!inK.has(j))
            F.push(j);
    const R = (i, j) => corr[i * d + j];
    const sub = (rows, cols) => new Matrix(rows.map((i) => cols.map((j) => R(i, j))));
    // symmetrise (products of solves leave rounding asymmetry) and add a tiny ridge
    const jitter = (m) => {
        for (let i = 0; i < m.rows; i++) {
            for (let j = 0; j < i; j++) {
                const v = 0.5 * (m.get(i, j) + m.get(j, i));
                m.set(i, j, v);
                m.set(j, i, v);
            }
            m.set(i, i, m.get(i, i) + 1e-9);
        }
        return m;
    };
    // 2. the sets' coordinates given the points
    let mB = new Float64Array(B.length);
    let SB = sub(B, B);
    if (P.length && B.length) {
        const cholP = new CholeskyDecomposition(jitter(sub(P, P)));
        const X = cholP.solve(sub(P, B)); // R_PP⁻¹ R_PB
        const zP = Matrix.columnVector(pointValue);
        mB = Float64Array.from(sub(B, P).mmul(cholP.solve(zP)).getColumn(0));
        SB = SB.sub(sub(B, P).mmul(X));
    }
    const zB = B.map(() => new Float64Array(n));
    if (B.length === 1) {
        const sd = Math.sqrt(Math.max(SB.get(0, 0), 1e-12));
        for (let i = 0; i < n; i++)
            zB[0][i] = truncatedNormal(mB[0], sd, Bsets[0], rng);
    }
    else if (B.length > 1) {
        // Gibbs: full conditional of coordinate j given the others, from the precision matrix Q = SB⁻¹
        const Q = new CholeskyDecomposition(jitter(SB.clone())).solve(Matrix.eye(B.length));
        const m = B.length;
        const x = new Float64Array(m);
        for (let i = 0; i < n; i++) {
            for (let j = 0; j < m; j++)
                x[j] = truncatedNormal(mB[j], Math.sqrt(Math.max(SB.get(j, j), 1e-12)), Bsets[j], rng);
            for (let s = 0; s < GIBBS_SWEEPS; s++) {
                for (let j = 0; j < m; j++) {
                    const qjj = Q.get(j, j);
                    let acc = 0;
                    for (let k = 0; k < m; k++)
                        if (k !== j)
                            acc += Q.get(j, k) * (x[k] - mB[k]);
                    x[j] = truncatedNormal(mB[j] - acc / qjj, 1 / Math.sqrt(qjj), Bsets[j], rng);
                }
            }
            for (let j = 0; j < m; j++)
                zB[j][i] = x[j];
        }
    }
    // 3. the free coordinates given all conditioned ones
    const u = Array.from({ length: d }, () => new Float64Array(n));
    P.forEach((dim, j) => u[dim].fill(normalCdf(pointValue[j], 0, 1)));
    B.forEach((dim, j) => {
        const z = zB[j];
        const out = u[dim];
        for (let i = 0; i < n; i++)
            out[i] = normalCdf(z[i], 0, 1);
    });
    if (F.length === 0)
        return u;
    let A = null; // R_FK R_KK⁻¹
    let S = sub(F, F);
    if (K.length) {
        const cholK = new CholeskyDecomposition(jitter(sub(K, K)));
        A = cholK.solve(sub(K, F)).transpose();
        S = S.sub(A.mmul(sub(K, F)));
    }
    S = jitter(S.clone());
    let chol = new CholeskyDecomposition(S);
    if (!chol.isPositiveDefinite()) {
        for (let i = 0; i < S.rows; i++)
            S.set(i, i, S.get(i, i) + 1e-6);
        chol = new CholeskyDecomposition(S);
    }
    const L = chol.lowerTriangularMatrix.to2DArray();
    const Arows = A ? A.to2DArray() : null;
    const zK = new Float64Array(K.length);
    const g = new Float64Array(F.length);
    for (let i = 0; i < n; i++) {
        for (let k = 0; k < P.length; k++)
            zK[k] = pointValue[k];
        for (let k = 0; k < B.length; k++)
            zK[P.length + k] = zB[k][i];
        for (let j = 0; j < F.length; j++)
            g[j] = rng.normal();
        for (let a = 0; a < F.length; a++) {
            let s = 0;
            if (Arows) {
                const row = Arows[a];
                for (let k = 0; k < K.length; k++)
                    s += row[k] * zK[k];
            }
            const l = L[a];
            for (let b = 0; b <= a; b++)
                s += l[b] * g[b];
            u[F[a]][i] = normalCdf(s, 0, 1);
        }
    }
    return u;
}
/**
 * One draw of N(mu, sd²) restricted to a union of intervals, by the inverse CDF: pick an interval by its mass,
 * then invert the CDF inside it (computed on the upper tail's mirror where that is more precise).
 */
export function truncatedNormal(mu, sd, ivs, rng) {
    const mass = new Float64Array(ivs.length);
    let total = 0;
    for (let k = 0; k < ivs.length; k++) {
        const a = (ivs[k][0] - mu) / sd;
        const b = (ivs[k][1] - mu) / sd;
        mass[k] = a > 0 ? normalCdf(-a, 0, 1) - normalCdf(-b, 0, 1) : normalCdf(b, 0, 1) - normalCdf(a, 0, 1);
        total += mass[k];
    }
    let k = 0;
    if (!(total > 0)) {
        // every interval lies beyond double precision's tail: take the nearest end of the nearest interval
        let best = Infinity;
        let x = ivs[0][0];
        for (const [a, b] of ivs) {
            const c = Math.min(Math.max(mu, a), b);
            if (Math.abs(c - mu) < best) {
                best = Math.abs(c - mu);
                x = c;
            }
        }
        return x;
    }
    let r = rng.float() * total;
    while (k < ivs.length - 1 && r >= mass[k])
        r -= mass[k++];
    const a = (ivs[k][0] - mu) / sd;
    const b = (ivs[k][1] - mu) / sd;
    const v = rng.float();
    let z;
    if (a > 0) {
        // upper tail: work with the survival function Φ(−x)
        const sa = normalCdf(-a, 0, 1);
        const sb = normalCdf(-b, 0, 1);
        z = -normalQuantile(sa - v * (sa - sb), 0, 1);
    }
    else {
        const pa = normalCdf(a, 0, 1);
        const pb = normalCdf(b, 0, 1);
        z = normalQuantile(pa + v * (pb - pa), 0, 1);
    }
    if (!Number.isFinite(z))
        z = Number.isFinite(a) ? a : b;
    z = Math.min(Math.max(z, a), b);
    return mu + sd * z;
}
//# sourceMappingURL=conditional.js.map