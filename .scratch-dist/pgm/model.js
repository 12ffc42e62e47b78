import { cellCount, indexMap, isSubset, shapeOf, sortedAttrs } from './factor.js';
import { CalibrationPlan, marginalFromBeliefs } from './inference.js';
import { buildJunctionTree, maximalCliques } from './junction-tree.js';
/**
 * A discrete graphical model (an exponential family over attributes 0..d-1 with domain sizes `sizes`):
 * p(x) ∝ exp(Σ_k θ_k(x_{C_k})) over its *model cliques* C_k, scaled to `total` records. The model cliques are the
 * maximal cliques of the measurements it was estimated from (as in private-pgm), so parameters stay as small as
 * the measurements; inference runs on a junction tree built over them, where each model clique is hosted by one
 * tree clique.
 */
export class GraphicalModel {
    sizes;
    cliques;
    /** Log potentials θ_k, one flat row-major array per model clique. */
    potentials;
    total;
    jt;
    plan;
    /** hosts[k] = tree clique holding model clique k; hostMaps[k] = map from its cells to clique k's cells. */
    hosts;
    hostMaps;
    beliefCache = null;
    /** Clique reductions reused by cross-clique marginal queries (valid for this model's beliefs). */
    reductions = new Map();
    constructor(sizes, cliques, potentials, total, structure) {
        this.sizes = [...sizes];
        this.cliques = cliques.map((c) => sortedAttrs(c));
        this.potentials = potentials ?? this.cliques.map((c) => new Float64Array(cellCount(shapeOf(c, sizes))));
        this.total = total;
        this.jt = structure?.jt ?? buildJunctionTree(this.sizes, this.cliques);
        this.plan = structure?.plan ?? new CalibrationPlan(this.jt);
        const hosts = [];
        const maps = [];
        for (const c of this.cliques) {
            let h = -1;
            for (let j = 0; j < this.jt.cliques.length; j++) {
                if (isSubset(c, this.jt.cliques[j]) && (h < 0 || this.jt.cells[j] < this.jt.cells[h]))
                    h = j;
            }
            if (h < 0)
                throw new Error('GraphicalModel: a model clique is not covered by the junction tree');
            hosts.push(h);
            maps.push(this.plan.map(h, c));
        }
        this.hosts = hosts;
        this.hostMaps = maps;
    }
    /** Log potentials over the junction tree's cliques: Σ of the hosted model cliques' θ, broadcast. */
    treePotentials(potentials = this.potentials, out) {
        const t = out ?? this.jt.cells.map((n) => new Float64Array(n));
        for (const a of t)
            a.fill(0);
        for (let k = 0; k < this.cliques.length; k++) {
            const dst = t[this.hosts[k]];
            const th = potentials[k];
            const map = this.hostMaps[k];
            for (let i = 0; i < dst.length; i++)
                dst[i] += th[map[i]];
        }
        return t;
    }
    /** Calibrated beliefs of the junction-tree cliques (counts summing to total), computed once and cached. */
    beliefs() {
        if (!this.beliefCache)
            this.beliefCache = this.plan.calibrate(this.treePotentials(), this.total);
        return this.beliefCache;
    }
    /**
     * The model's marginal over `attrs` as counts summing to `total`, row-major in *sorted* attribute order. One
     * pass over a clique when a tree clique contains attrs, variable elimination over a subtree otherwise.
     */
    marginal(attrs) {
        return marginalFromBeliefs(this.plan, this.beliefs(), attrs, this.total, this.reductions);
    }
    /** Marginals over the model cliques (counts). */
    cliqueMarginals(beliefs = this.beliefs()) {
        return this.cliques.map((c, k) => {
            const out = new Float64Array(cellCount(shapeOf(c, this.sizes)));
            const b = beliefs[this.hosts[k]];
            const map = this.hostMaps[k];
            for (let i = 0; i < b.length; i++)
                out[map[i]] += b[i];
            return out;
        });
    }
    /** Model size in cells of its junction tree (× 8 bytes in memory). */
    get treeCells() {
        return this.jt.cells.reduce((s, n) => s + n, 0);
    }
}
/** Map from the cells of a factor over `attrs` to those of `sub` ⊆ attrs (re-exported for callers). */
export function projectionMap(sizes, attrs, sub) {
    return indexMap(attrs, shapeOf(attrs, sizes), sub);
}
/** Maximal cliques of a list, sorted (re-exported helper). */
export function modelCliquesOf(cliques) {
    return maximalCliques(cliques);
}
//# sourceMappingURL=model.js.map