import { cellCount, intersection, isSubset, shapeOf, sortedAttrs } from './factor.js';
/**
 * Greedy elimination order on the interaction graph: repeatedly eliminate the vertex whose elimination clique
 * (itself plus its current neighbours) has the fewest cells, ties broken by fewest fill-in edges, then by id.
 * This is the "min-weight" heuristic (Kjærulff 1990) that private-pgm's `greedy_order` also uses; it keeps the
 * model's size small, which is what bounds memory and time. Returns the order and the elimination cliques.
 */
export function eliminationOrder(d, sizes, cliques) {
    const nb = Array.from({ length: d }, () => new Set());
    for (const c of cliques)
        for (const a of c)
            for (const b of c) {
                if (a !== b)
                    nb[a].add(b);
            }
    const alive = new Uint8Array(d).fill(1);
    const order = [];
    const elim = [];
    for (let step = 0; step < d; step++) {
        let best = -1;
        let bestCells = Infinity;
        let bestFill = Infinity;
        for (let v = 0; v < d; v++) {
            if (!alive[v])
                continue;
            let cells = sizes[v];
            for (const u of nb[v])
                cells *= sizes[u];
            if (cells > bestCells)
                continue;
            let fill = 0;
            const ns = [...nb[v]];
            for (let i = 0; i < ns.length; i++)
                for (let j = i + 1; j < ns.length; j++)
                    if (!nb[ns[i]].has(ns[j]))
                        fill++;
            if (cells < bestCells || fill < bestFill) {
                best = v;
                bestCells = cells;
                bestFill = fill;
            }
        }
        const ns = [...nb[best]];
        for (let i = 0; i < ns.length; i++)
            for (let j = i + 1; j < ns.length; j++) {
                nb[ns[i]].add(ns[j]);
                nb[ns[j]].add(ns[i]);
            }
        for (const u of ns)
            nb[u].delete(best);
        alive[best] = 0;
        order.push(best);
        elim.push(sortedAttrs([best, ...ns]));
    }
    return { order, eliminationCliques: elim };
}
/** The maximal cliques among a list (subsets of another listed clique dropped), first occurrence kept. */
export function maximalCliques(cliques) {
    const sorted = cliques.map((c) => sortedAttrs(c));
    const keep = [];
    // larger first, so a subset always meets its superset already kept
    const idx = sorted.map((_, i) => i).sort((i, j) => sorted[j].length - sorted[i].length || i - j);
    for (const i of idx) {
        const c = sorted[i];
        if (!keep.some((k) => isSubset(c, k)))
            keep.push(c);
    }
    return keep;
}
/**
 * Build a junction tree whose cliques cover every clique given (and every attribute 0..d-1: attributes that
 * appear in no clique get a singleton clique). O(d² · max degree²) for the elimination plus O(m² log m) for the
 * spanning tree over m maximal cliques.
 */
export function buildJunctionTree(sizes, cliques) {
    const d = sizes.length;
    const all = [...cliques.map((c) => sortedAttrs(c)), ...Array.from({ length: d }, (_, a) => [a])];
    const { eliminationCliques } = eliminationOrder(d, sizes, all);
    const maxc = maximalCliques(eliminationCliques);
    return treeFromCliques(sizes, maxc);
}
/**
 * Join already-triangulated maximal cliques by a maximum spanning tree on separator size (Kruskal), root = the
 * largest clique, and list them in BFS order.
 */
export function treeFromCliques(sizes, maxc) {
    const m = maxc.length;
    const edges = [];
    for (let i = 0; i < m; i++)
        for (let j = i + 1; j < m; j++) {
            const w = intersection(maxc[i], maxc[j]).length;
            edges.push([i, j, w]);
        }
    edges.sort((x, y) => y[2] - x[2] || x[0] - y[0] || x[1] - y[1]);
    const uf = Array.from({ length: m }, (_, i) => i);
    const find = (x) => {
        while (uf[x] !== x) {
            uf[x] = uf[uf[x]];
            x = uf[x];
        }
        return x;
    };
    const adj = Array.from({ length: m }, () => []);
    for (const [i, j] of edges) {
        const ri = find(i);
        const rj = find(j);
        if (ri === rj)
            continue;
        uf[ri] = rj;
        adj[i].push(j);
        adj[j].push(i);
    }
    // root: the clique with most cells (its belief is the one computed last in the collect pass)
    let root = 0;
    const cellsOf = maxc.map((c) => cellCount(shapeOf(c, sizes)));
    for (let i = 1; i < m; i++)
        if (cellsOf[i] > cellsOf[root])
            root = i;
    const orderOld = [root];
    const parentOld = new Array(m).fill(-1);
    const seen = new Uint8Array(m);
    seen[root] = 1;
    for (let h = 0; h < orderOld.length; h++) {
        const v = orderOld[h];
        for (const u of adj[v]) {
            if (seen[u])
                continue;
            seen[u] = 1;
            parentOld[u] = v;
            orderOld.push(u);
        }
    }
    const newIndex = new Array(m);
    orderOld.forEach((old, i) => (newIndex[old] = i));
    const cliquesOut = orderOld.map((o) => [...maxc[o]]);
    const parent = orderOld.map((o) => (parentOld[o] < 0 ? -1 : newIndex[parentOld[o]]));
    const separators = cliquesOut.map((c, i) => (parent[i] < 0 ? [] : intersection(c, cliquesOut[parent[i]])));
    const children = cliquesOut.map(() => []);
    for (let i = 1; i < m; i++)
        children[parent[i]].push(i);
    const shapes = cliquesOut.map((c) => shapeOf(c, sizes));
    return {
        sizes: [...sizes],
        cliques: cliquesOut,
        shapes,
        cells: shapes.map(cellCount),
        parent,
        separators,
        children,
    };
}
/** Total cells of the tree's cliques (the model size; × 8 bytes for Float64 potentials). */
export function junctionTreeCells(jt) {
    let s = 0;
    for (const c of jt.cells)
        s += c;
    return s;
}
/**
 * The model size in megabytes (8 bytes per cell of every clique) of the junction tree that `cliques` would give,
 * as AIM's `hypothetical_model_size` computes it.
 */
export function hypotheticalModelSizeMB(sizes, cliques) {
    return (junctionTreeCells(buildJunctionTree(sizes, cliques)) * 8) / 2 ** 20;
}
/** Index of the smallest clique of the tree containing `attrs`, or -1. */
export function containingClique(jt, attrs) {
    const s = sortedAttrs(attrs);
    let best = -1;
    for (let i = 0; i < jt.cliques.length; i++) {
        if (isSubset(s, jt.cliques[i]) && (best < 0 || jt.cells[i] < jt.cells[best]))
            best = i;
    }
    return best;
}
//# sourceMappingURL=junction-tree.js.map