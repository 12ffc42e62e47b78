import { CalibrationPlan } from './inference.js';
import type { JunctionTree } from './junction-tree.js';
/**
 * A discrete graphical model (an exponential family over attributes 0..d-1 with domain sizes `sizes`):
 * p(x) ∝ exp(Σ_k θ_k(x_{C_k})) over its *model cliques* C_k, scaled to `total` records. The model cliques are the
 * maximal cliques of the measurements it was estimated from (as in private-pgm), so parameters stay as small as
 * the measurements; inference runs on a junction tree built over them, where each model clique is hosted by one
 * tree clique.
 */
export declare class GraphicalModel {
    readonly sizes: readonly number[];
    readonly cliques: readonly (readonly number[])[];
    /** Log potentials θ_k, one flat row-major array per model clique. */
    readonly potentials: readonly Float64Array[];
    readonly total: number;
    readonly jt: JunctionTree;
    readonly plan: CalibrationPlan;
    /** hosts[k] = tree clique holding model clique k; hostMaps[k] = map from its cells to clique k's cells. */
    readonly hosts: readonly number[];
    readonly hostMaps: readonly Int32Array[];
    private beliefCache;
    /** Clique reductions reused by cross-clique marginal queries (valid for this model's beliefs). */
    private readonly reductions;
    constructor(sizes: readonly number[], cliques: readonly (readonly number[])[], potentials: readonly Float64Array[] | null, total: number, structure?: {
        jt: JunctionTree;
        plan: CalibrationPlan;
    });
    /** Log potentials over the junction tree's cliques: Σ of the hosted model cliques' θ, broadcast. */
    treePotentials(potentials?: readonly Float64Array[], out?: Float64Array[]): Float64Array[];
    /** Calibrated beliefs of the junction-tree cliques (counts summing to total), computed once and cached. */
    beliefs(): Float64Array[];
    /**
     * The model's marginal over `attrs` as counts summing to `total`, row-major in *sorted* attribute order. One
     * pass over a clique when a tree clique contains attrs, variable elimination over a subtree otherwise.
     */
    marginal(attrs: readonly number[]): Float64Array;
    /** Marginals over the model cliques (counts). */
    cliqueMarginals(beliefs?: readonly Float64Array[]): Float64Array[];
    /** Model size in cells of its junction tree (× 8 bytes in memory). */
    get treeCells(): number;
}
/** Map from the cells of a factor over `attrs` to those of `sub` ⊆ attrs (re-exported for callers). */
export declare function projectionMap(sizes: readonly number[], attrs: readonly number[], sub: readonly number[]): Int32Array;
/** Maximal cliques of a list, sorted (re-exported helper). */
export declare function modelCliquesOf(cliques: readonly (readonly number[])[]): number[][];
