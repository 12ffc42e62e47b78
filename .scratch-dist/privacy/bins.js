import { LookalikeError } from '../errors.js';
import { gaussianMechanism } from './mechanisms.js';
/**
 * The public fine grid of a column with bounds [min, max] (see the module comment): non-decreasing edges, first
 * min, last max; a value repeated twice is a point cell. Depends on its arguments only.
 */
export function publicGrid(min, max, integer, cells = 256) {
    if (!(max > min))
        return [min, max];
    const half = Math.max(1, Math.floor(cells / 2));
    const span = max - min;
    const s = span / 2048;
    const t0 = Math.asinh(min / s);
    const t1 = Math.asinh(max / s);
    const raw = [];
    for (let k = 1; k < half; k++) {
        raw.push(min + (span * k) / half);
        raw.push(s * Math.sinh(t0 + ((t1 - t0) * k) / half));
    }
    const points = [min, max];
    if (min < 0 && max > 0)
        points.push(0);
    if (integer) {
        const lo = Math.ceil(min), hi = Math.floor(max);
        if (hi - lo < 1)
            return [min, max];
        // half-integer edges; each point value v gets the cell [v − ½, v + ½)
        const set = new Set();
        for (const x of raw) {
            const e = Math.floor(x) + 0.5;
            if (e > lo && e < hi)
                set.add(e);
        }
        for (const v of points) {
            const r = Math.round(v);
            if (r - 0.5 > lo && r - 0.5 < hi)
                set.add(r - 0.5);
            if (r + 0.5 > lo && r + 0.5 < hi)
                set.add(r + 0.5);
        }
        return [min, ...[...set].sort((a, b) => a - b), max];
    }
    const inner = [...new Set(raw.filter((x) => x > min && x < max && x !== 0))].sort((a, b) => a - b);
    const out = [min, min];
    for (const x of inner) {
        if (min < 0 && max > 0 && out[out.length - 1] < 0 && x > 0)
            out.push(0, 0);
        out.push(x);
    }
    if (min < 0 && max > 0 && !out.includes(0))
        out.push(0, 0);
    out.push(max, max);
    return out;
}
/** The fine cell of x (values outside [edges[0], edges[last]] clipped to the end cells; a point cell holds its value). */
export function cellOf(x, edges) {
    const cells = edges.length - 1;
    // largest k ≤ cells − 1 with edges[k] ≤ x
    let lo = 0, hi = cells;
    if (!(x >= edges[0]))
        return 0;
    while (hi - lo > 1) {
        const mid = (lo + hi) >> 1;
        if (edges[mid] <= x)
            lo = mid;
        else
            hi = mid;
    }
    // x equal to a repeated edge: the point cell (the first cell starting at x whose end is x too)
    while (lo > 0 && edges[lo - 1] === x && edges[lo] === x)
        lo--;
    return lo;
}
/** The fine histogram's counts over `edges` (exact, private). Exported for the audit test. */
export function fineCounts(values, edges) {
    const c = new Float64Array(edges.length - 1);
    for (let i = 0; i < values.length; i++) {
        const v = values[i];
        if (!Number.isNaN(v))
            c[cellOf(v, edges)]++;
    }
    return c;
}
/** Counts of consecutive blocks of `branching` cells. */
function blockCounts(cells, branching) {
    const out = new Float64Array(Math.ceil(cells.length / branching));
    for (let k = 0; k < cells.length; k++)
        out[Math.floor(k / branching)] += cells[k];
    return out;
}
/** The two noisy histograms of the module comment (charged to the ledger). Exported for the audit test. */
export function measureGrid(values, column, edges, opts, ledger, rng) {
    const exact = fineCounts(values, edges);
    const blocks = gaussianMechanism(blockCounts(exact, opts.branching), { rho: opts.rho * opts.blockShare }, ledger, { query: 'bins:blocks', columns: [column] }, rng);
    const cells = gaussianMechanism(exact, { rho: opts.rho * (1 - opts.blockShare) }, ledger, { query: 'bins:cells', columns: [column] }, rng);
    return { blocks: blocks.values, blockScale: blocks.scale, cells: cells.values, cellScale: cells.scale };
}
/**
 * Release adaptive bins for one column (see the module comment). Throws a LookalikeError (kind 'internal') for
 * invalid options; kind 'privacy' when the ledger cannot pay.
 */
export function releaseAdaptiveBins(values, column, opts, ledger, rng) {
    const fine = opts.fine ?? 256;
    const branching = opts.branching ?? 16;
    const share = opts.blockShare ?? 0.5;
    const { min, max } = opts;
    if (!(max > min) ||
        !Number.isInteger(fine) ||
        fine < 2 ||
        !Number.isInteger(branching) ||
        branching < 1 ||
        !(share > 0 && share < 1))
        throw new LookalikeError('releaseAdaptiveBins: need max > min, a whole number of fine cells ≥ 2, a whole branching ≥ 1 and a block share in (0, 1)', [], 'internal');
    const edges = publicGrid(min, max, opts.integer ?? false, fine);
    const m = measureGrid(values, column, edges, { rho: opts.rho, branching, blockShare: share }, ledger, rng);
    const weights = treeWeights(m.blocks, m.blockScale, m.cells, m.cellScale, branching, opts.threshold);
    let total = 0;
    for (const b of m.blocks)
        total += b;
    const b = typeof opts.bins === 'function' ? opts.bins(total) : opts.bins;
    return binsFromWeights(edges, weights, total, Math.max(1, Math.floor(b)));
}
/**
 * Post-processing of the two noisy histograms into cell weights (see the module comment): blocks below
 * threshold·σ_block are empty; the clipped, thresholded cells of a block are scaled to its noisy count.
 */
export function treeWeights(blocks, blockScale, cells, cellScale, branching, threshold = 1.5) {
    const w = new Array(cells.length).fill(0);
    for (let j = 0; j < blocks.length; j++) {
        const est = blocks[j];
        if (!(est >= threshold * blockScale) || !(est > 0))
            continue;
        const a = j * branching, b = Math.min(cells.length, a + branching);
        let sum = 0;
        for (let k = a; k < b; k++) {
            const y = cells[k];
            w[k] = y >= threshold * cellScale && y > 0 ? y : 0;
            sum += w[k];
        }
        if (sum > 0)
            for (let k = a; k < b; k++)
                w[k] *= est / sum;
        else
            for (let k = a; k < b; k++)
                w[k] = est / (b - a);
    }
    return w;
}
/**
 * Post-processing: fine cells with weights → bins of roughly equal weight (left to right, a bin is closed when it
 * holds the weight left divided by the bins left; a cell holding that much alone — a point mass — is a bin of its
 * own). Cells with no weight next to a cut stay with the bin before; no weight at all gives bins of equally many
 * cells. Edges are the distinct cell edges at the cuts (a point cell's two equal edges
 * give one bin edge).
 */
export function binsFromWeights(fineEdges, weights, total, bins) {
    const fine = weights.length;
    const w = weights.map((x) => Math.max(0, x));
    const mass = w.reduce((a, b) => a + b, 0);
    const cuts = [0];
    if (mass > 0) {
        // greedy, left to right, each bin aiming at the weight left over the bins left; a cell that alone holds that
        // much (a point mass) closes the bin before it and is a bin of its own
        let left = mass;
        let binsLeft = bins;
        let run = 0;
        for (let k = 0; k < fine - 1 && binsLeft > 1; k++) {
            if (run > 0 && w[k] >= left / binsLeft) {
                cuts.push(k);
                left -= run;
                run = 0;
                if (--binsLeft <= 1)
                    break;
            }
            run += w[k];
            if (run > 0 && run >= left / binsLeft) {
                cuts.push(k + 1);
                left -= run;
                run = 0;
                binsLeft--;
            }
        }
    }
    else {
        const step = fine / Math.min(bins, fine);
        for (let j = 1; j < Math.min(bins, fine); j++)
            cuts.push(Math.round(j * step));
    }
    cuts.push(fine);
    // a cut right after a point cell {v} (edges v, v) lies just above v, so that the bin before holds v
    const at = (k) => k > 0 && k < fine && fineEdges[k - 1] === fineEdges[k] ? nextUp(fineEdges[k]) : fineEdges[k];
    const edges = [...new Set(cuts.map(at))].sort((a, b) => a - b);
    return { edges, fineEdges: [...fineEdges], fineWeights: w, total };
}
/** The smallest double above x (x finite). */
export function nextUp(x) {
    if (x === 0)
        return Number.MIN_VALUE;
    const b = new DataView(new ArrayBuffer(8));
    b.setFloat64(0, x);
    const bits = b.getBigUint64(0);
    b.setBigUint64(0, x > 0 ? bits + 1n : bits - 1n);
    return b.getFloat64(0);
}
//# sourceMappingURL=bins.js.map