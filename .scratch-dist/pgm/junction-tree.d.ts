/**
 * A junction tree (clique tree) over attributes 0..d-1 with domain sizes `sizes`: maximal cliques of a
 * triangulation of the interaction graph of the given cliques, joined by a maximum-weight spanning tree on
 * separator sizes (so it has the running-intersection property). A disconnected model gets edges with empty
 * separators, so the result is always one tree. Cliques are listed root first in breadth-first order:
 * `parent[i] < i` for i > 0 and `parent[0] = -1`.
 */
export interface JunctionTree {
    readonly sizes: readonly number[];
    readonly cliques: readonly (readonly number[])[];
    readonly shapes: readonly (readonly number[])[];
    /** Cells of each clique. */
    readonly cells: readonly number[];
    readonly parent: readonly number[];
    /** Separator between clique i and its parent (sorted attrs); [] for the root. */
    readonly separators: readonly (readonly number[])[];
    readonly children: readonly (readonly number[])[];
}
/**
 * Greedy elimination order on the interaction graph: repeatedly eliminate the vertex whose elimination clique
 * (itself plus its current neighbours) has the fewest cells, ties broken by fewest fill-in edges, then by id.
 * This is the "min-weight" heuristic (Kjærulff 1990) that private-pgm's `greedy_order` also uses; it keeps the
 * model's size small, which is what bounds memory and time. Returns the order and the elimination cliques.
 */
export declare function eliminationOrder(d: number, sizes: ArrayLike<number>, cliques: readonly (readonly number[])[]): {
    order: number[];
    eliminationCliques: number[][];
};
/** The maximal cliques among a list (subsets of another listed clique dropped), first occurrence kept. */
export declare function maximalCliques(cliques: readonly (readonly number[])[]): number[][];
/**
 * Build a junction tree whose cliques cover every clique given (and every attribute 0..d-1: attributes that
 * appear in no clique get a singleton clique). O(d² · max degree²) for the elimination plus O(m² log m) for the
 * spanning tree over m maximal cliques.
 */
export declare function buildJunctionTree(sizes: readonly number[], cliques: readonly (readonly number[])[]): JunctionTree;
/**
 * Join already-triangulated maximal cliques by a maximum spanning tree on separator size (Kruskal), root = the
 * largest clique, and list them in BFS order.
 */
export declare function treeFromCliques(sizes: readonly number[], maxc: readonly (readonly number[])[]): JunctionTree;
/** Total cells of the tree's cliques (the model size; × 8 bytes for Float64 potentials). */
export declare function junctionTreeCells(jt: JunctionTree): number;
/**
 * The model size in megabytes (8 bytes per cell of every clique) of the junction tree that `cliques` would give,
 * as AIM's `hypothetical_model_size` computes it.
 */
export declare function hypotheticalModelSizeMB(sizes: readonly number[], cliques: readonly (readonly number[])[]): number;
/** Index of the smallest clique of the tree containing `attrs`, or -1. */
export declare function containingClique(jt: JunctionTree, attrs: readonly number[]): number;
