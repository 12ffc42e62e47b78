/**
 * Charts as static SVG strings: each builder returns a Vega-Lite spec, `renderSvg` compiles it to Vega and renders
 * it headless (vega's View with renderer 'none' and `toSVG()` — no canvas, no DOM, no network: every dataset is
 * inline). Text widths are estimated by vega when no canvas is present, which is close enough for axis layout.
 *
 * The SVGs go inline into the self-contained HTML report, so `renderSvg` prefixes any `id` (clip paths, gradients)
 * with a per-chart prefix: two charts never share an id.
 */
import * as vega from 'vega';
import { compile } from 'vega-lite';
import { expressionInterpreter } from 'vega-interpreter';
import { formatNumber } from '../format.js';
export const COLORS = {
    real: '#4c78a8',
    synthetic: '#f58518',
    pass: '#2e7d32',
    fail: '#c62828',
    neutral: '#777777',
};
const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif';
const CONFIG = {
    font: FONT,
    background: 'white',
    view: { stroke: null },
    axis: { labelFontSize: 10, titleFontSize: 11, labelLimit: 180, grid: true, gridColor: '#eee' },
    axisBand: { grid: false },
    legend: {
        labelFontSize: 10,
        titleFontSize: 11,
        orient: 'bottom',
        direction: 'horizontal',
        labelLimit: 260,
    },
    title: { fontSize: 12, anchor: 'start', fontWeight: 600 },
};
const SOURCE_SCALE = { domain: ['real', 'synthetic'], range: [COLORS.real, COLORS.synthetic] };
let chartCounter = 0;
/*
 * Text widths. Without a canvas (Node), vega estimates every character as 0.8 em wide, which truncates labels at
 * about half their length. Install a per-character estimate (Helvetica's advance widths, in 1/1000 em, scaled up
 * 8% for the wider sans-serif fonts of Linux desktops) — only where vega has no canvas to measure with.
 */
const HELVETICA = '278,278,355,556,556,889,667,191,333,333,389,584,278,333,278,278,556,556,556,556,556,556,556,556,556,556,278,278,584,584,584,556,1015,667,667,722,722,667,611,778,722,278,500,667,556,833,722,778,667,778,722,667,611,722,667,944,667,667,611,278,278,278,469,556,333,556,556,500,556,556,278,556,556,222,222,500,222,833,556,556,556,556,333,500,278,556,500,722,500,500,500,334,260,334,584'
    .split(',')
    .map(Number);
export function estimateTextWidth(text, fontSize, bold = false) {
    let w = 0;
    for (const ch of text) {
        const c = ch.codePointAt(0);
        w += c >= 32 && c <= 126 ? HELVETICA[c - 32] : c >= 0x2e80 ? 1000 : 600;
    }
    return (w / 1000) * fontSize * 1.08 * (bold ? 1.07 : 1);
}
{
    const tm = vega.textMetrics;
    if (tm.width === tm.estimateWidth) {
        tm.width = (item, text) => {
            const t = text ?? item.text;
            const str = Array.isArray(t) ? t.join(' ') : t === null || t === undefined ? '' : String(t);
            const size = typeof item.fontSize === 'number' ? item.fontSize : 11;
            const weight = item.fontWeight;
            return estimateTextWidth(str, size, weight === 'bold' || (typeof weight === 'number' && weight >= 600) || weight === 600);
        };
    }
}
/** Render a Vega-Lite spec to a standalone SVG string (ids made unique with `idPrefix`). */
export async function renderSvg(spec, idPrefix = `c${++chartCounter}`) {
    const full = {
        $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
        config: CONFIG,
        ...guardNames(spec),
    };
    const vgSpec = compile(full).spec;
    // expressions are interpreted, not compiled with `new Function`: a page whose Content-Security-Policy forbids
    // eval (the app's, issue 16) renders the same SVG
    const view = new vega.View(vega.parse(vgSpec, undefined, { ast: true }), {
        renderer: 'none',
        expr: expressionInterpreter,
    });
    try {
        const svg = await view.toSVG();
        return uniquifyIds(svg, idPrefix);
    }
    finally {
        view.finalize();
    }
}
/**
 * Vega's parser looks names up in plain objects, so a title or sort value spelling a member of Object.prototype
 * ("constructor", "toString", "__proto__", …) resolves to that member and the chart cannot be built ("Operator not
 * defined"). Column names and categories come from the user's table, so every such string in a spec gets an
 * invisible zero-width space appended (consistently, so sort lists still match the data).
 */
function guardNames(x) {
    if (typeof x === 'string')
        return x in Object.prototype ? `${x}\u200b` : x;
    if (Array.isArray(x))
        return x.map(guardNames);
    if (x !== null && typeof x === 'object')
        return Object.fromEntries(Object.entries(x).map(([k, v]) => [k, guardNames(v)]));
    return x;
}
function uniquifyIds(svg, prefix) {
    if (!svg.includes('id="'))
        return svg;
    return svg
        .replace(/\bid="([^"]+)"/g, (_m, id) => `id="${prefix}-${id}"`)
        .replace(/url\(#([^)]+)\)/g, (_m, id) => `url(#${prefix}-${id})`)
        .replace(/href="#([^"]+)"/g, (_m, id) => `href="#${prefix}-${id}"`);
}
/** Short number labels for bars and intervals: 3 significant digits. */
const short = (x) => formatNumber(x, { digits: 3 });
/** Real vs synthetic proportions per bin of a numeric (or datetime) column, as two overlaid step areas. */
export function numericDistributionSpec(h) {
    const values = [];
    for (let i = 0; i < h.real.length; i++) {
        const lo = h.edges[i];
        const hi = h.edges[i + 1];
        values.push({ source: 'real', lo, hi, p: h.real[i] ?? 0 });
        values.push({ source: 'synthetic', lo, hi, p: h.synthetic[i] ?? 0 });
    }
    const xType = h.datetime ? 'temporal' : 'quantitative';
    return {
        width: 260,
        height: 120,
        title: h.name,
        data: { values },
        mark: { type: 'rect', opacity: 0.55 },
        encoding: {
            // vega-lite warns (on stderr) that `zero` does not apply to a time scale, so it is set for numbers only
            x: {
                field: 'lo',
                type: xType,
                title: null,
                scale: h.datetime ? { nice: false } : { zero: false, nice: false },
            },
            x2: { field: 'hi' },
            y: { field: 'p', type: 'quantitative', title: 'share of rows', stack: null, axis: { format: '.0%' } },
            color: { field: 'source', type: 'nominal', scale: SOURCE_SCALE, title: null, legend: null },
        },
    };
}
/** Real vs synthetic proportions per category, as paired horizontal bars (at most `maxBars` categories). */
export function categoricalDistributionSpec(h, maxBars = 20) {
    const k = Math.min(h.categories.length, maxBars);
    const values = [];
    for (let i = 0; i < k; i++) {
        const label = h.categories[i];
        values.push({ source: 'real', category: label, order: i, p: h.real[i] ?? 0 });
        values.push({ source: 'synthetic', category: label, order: i, p: h.synthetic[i] ?? 0 });
    }
    return {
        width: 260,
        height: { step: 7 },
        title: h.categories.length > k ? `${h.name} (top ${k} of ${h.categories.length})` : h.name,
        data: { values },
        mark: { type: 'bar' },
        encoding: {
            y: {
                field: 'category',
                type: 'nominal',
                title: null,
                sort: { field: 'order', op: 'min', order: 'ascending' },
                axis: { labelLimit: 110 },
            },
            yOffset: { field: 'source', type: 'nominal', scale: { domain: ['real', 'synthetic'] } },
            x: { field: 'p', type: 'quantitative', title: 'share of rows', axis: { format: '.0%' } },
            color: { field: 'source', type: 'nominal', scale: SOURCE_SCALE, title: null, legend: null },
        },
    };
}
/** A k×k matrix as colored cells (value printed in cells when k is small). */
export function heatmapSpec(h) {
    const k = h.columns.length;
    const values = [];
    for (let i = 0; i < k; i++) {
        for (let j = 0; j < k; j++) {
            const v = h.matrix[i * k + j];
            values.push({
                row: h.columns[i],
                col: h.columns[j],
                ri: i,
                ci: j,
                v: v === null || v === undefined || !Number.isFinite(v) ? null : v,
                label: v === null || v === undefined || !Number.isFinite(v) ? '' : formatNumber(v, { fixed: 2 }),
            });
        }
    }
    const cell = Math.max(10, Math.min(36, Math.floor(320 / Math.max(1, k))));
    const layers = [
        {
            mark: { type: 'rect' },
            encoding: {
                color: {
                    field: 'v',
                    type: 'quantitative',
                    title: h.legendTitle ?? null,
                    scale: {
                        domain: [...h.domain],
                        scheme: h.scheme,
                        ...(h.scheme === 'redblue' ? { reverse: true } : {}),
                    },
                    legend: { orient: 'right', direction: 'vertical', gradientLength: Math.min(160, cell * k) },
                },
            },
        },
    ];
    if (k <= 10) {
        layers.push({
            mark: { type: 'text', fontSize: 9 },
            encoding: {
                text: { field: 'label', type: 'nominal' },
                color: {
                    condition: { test: 'datum.v !== null && abs(datum.v) > 0.6', value: 'white' },
                    value: 'black',
                },
            },
        });
    }
    return {
        title: h.title,
        width: { step: cell },
        height: { step: cell },
        data: { values },
        encoding: {
            x: {
                field: 'col',
                type: 'nominal',
                sort: { field: 'ci', op: 'min' },
                title: null,
                axis: { labelAngle: -45, labelLimit: 90, grid: false },
            },
            y: {
                field: 'row',
                type: 'nominal',
                sort: { field: 'ri', op: 'min' },
                title: null,
                axis: { labelLimit: 90, grid: false },
            },
        },
        layer: layers,
    };
}
/** Real and synthetic row densities on the same 2-D grid, side by side. */
export function densityGridSpec(g) {
    const values = [];
    const dx = (g.xRange[1] - g.xRange[0]) / g.bins;
    const dy = (g.yRange[1] - g.yRange[0]) / g.bins;
    let max = 0;
    for (const [source, arr] of [
        ['real', g.real],
        ['synthetic', g.synthetic],
    ]) {
        for (let r = 0; r < g.bins; r++) {
            for (let c = 0; c < g.bins; c++) {
                const p = arr[r * g.bins + c] ?? 0;
                if (p <= 0)
                    continue;
                max = Math.max(max, p);
                values.push({
                    source,
                    x: g.xRange[0] + c * dx,
                    x2: g.xRange[0] + (c + 1) * dx,
                    y: g.yRange[0] + r * dy,
                    y2: g.yRange[0] + (r + 1) * dy,
                    p,
                });
            }
        }
    }
    return {
        title: g.title,
        data: { values },
        facet: { column: { field: 'source', type: 'nominal', title: null, sort: ['real', 'synthetic'] } },
        spec: {
            width: 220,
            height: 220,
            mark: { type: 'rect' },
            encoding: {
                x: {
                    field: 'x',
                    type: 'quantitative',
                    title: g.xTitle ?? 'component 1',
                    scale: { domain: [...g.xRange], nice: false },
                },
                x2: { field: 'x2' },
                y: {
                    field: 'y',
                    type: 'quantitative',
                    title: g.yTitle ?? 'component 2',
                    scale: { domain: [...g.yRange], nice: false },
                },
                y2: { field: 'y2' },
                color: {
                    field: 'p',
                    type: 'quantitative',
                    title: 'share of rows',
                    scale: { scheme: 'viridis', type: 'sqrt', domain: [0, max || 1] },
                    legend: { format: '.1%', orient: 'right', direction: 'vertical' },
                },
            },
        },
    };
}
export function groupedBarsSpec(b) {
    const series = [...new Set(b.rows.map((r) => r.series))];
    const colors = series.map((s, i) => b.seriesColors?.[s] ?? ['#4c78a8', '#f58518', '#54a24b', '#b279a2'][i % 4]);
    return {
        title: b.title,
        width: 320,
        height: { step: 11 },
        data: { values: b.rows.map((r, i) => ({ ...r, order: i, label: short(r.value) })) },
        encoding: {
            y: { field: 'group', type: 'nominal', title: null, sort: { field: 'order', op: 'min' } },
            yOffset: { field: 'series', type: 'nominal', scale: { domain: series } },
        },
        layer: [
            {
                mark: { type: 'bar' },
                encoding: {
                    x: {
                        field: 'value',
                        type: 'quantitative',
                        title: b.xTitle,
                        ...(b.domain ? { scale: { domain: [...b.domain] } } : {}),
                    },
                    color: { field: 'series', type: 'nominal', title: null, scale: { domain: series, range: colors } },
                },
            },
            {
                mark: { type: 'text', align: 'left', dx: 3, fontSize: 9 },
                encoding: { x: { field: 'value', type: 'quantitative' }, text: { field: 'label' } },
            },
        ],
    };
}
/** Overlaid histograms over shared bin edges (e.g. distance to closest record: to training vs to holdout). */
export function histogramSpec(title, edges, series, xTitle) {
    const values = [];
    for (const s of series) {
        const total = s.counts.reduce((a, b) => a + b, 0) || 1;
        for (let i = 0; i < s.counts.length; i++) {
            values.push({ series: s.name, lo: edges[i], hi: edges[i + 1], p: s.counts[i] / total });
        }
    }
    return {
        title,
        width: 320,
        height: 140,
        data: { values },
        mark: { type: 'rect', opacity: 0.55 },
        encoding: {
            x: { field: 'lo', type: 'quantitative', title: xTitle, scale: { zero: true, nice: false } },
            x2: { field: 'hi' },
            y: { field: 'p', type: 'quantitative', title: 'share', stack: null, axis: { format: '.0%' } },
            color: {
                field: 'series',
                type: 'nominal',
                title: null,
                scale: {
                    domain: series.map((s) => s.name),
                    range: series.map((s, i) => s.color ?? [COLORS.real, COLORS.synthetic, '#54a24b'][i % 3]),
                },
            },
        },
    };
}
/** ROC curves (false-positive rate vs true-positive rate) with the chance diagonal. */
export function rocSpec(title, curves) {
    const values = [];
    for (const c of curves) {
        for (let i = 0; i < c.x.length; i++)
            values.push({ attack: c.name, fpr: c.x[i], tpr: c.y[i], i });
    }
    return {
        title,
        width: 240,
        height: 240,
        layer: [
            {
                data: {
                    values: [
                        { a: 0, b: 0 },
                        { a: 1, b: 1 },
                    ],
                },
                mark: { type: 'line', strokeDash: [4, 4], color: COLORS.neutral },
                encoding: {
                    x: { field: 'a', type: 'quantitative', title: 'false-positive rate', scale: { domain: [0, 1] } },
                    y: { field: 'b', type: 'quantitative', title: 'true-positive rate', scale: { domain: [0, 1] } },
                },
            },
            {
                data: { values },
                mark: { type: 'line', strokeWidth: 2 },
                encoding: {
                    x: { field: 'fpr', type: 'quantitative' },
                    y: { field: 'tpr', type: 'quantitative' },
                    order: { field: 'i' },
                    color: { field: 'attack', type: 'nominal', title: null },
                },
            },
        ],
    };
}
/**
 * Estimates with their 95% intervals (one row each): a dot, a bar from lo to hi, a grey tick at the baseline
 * and a dashed tick at the target.
 */
export function intervalsSpec(title, rows, xTitle, domain) {
    const values = rows.map((r, i) => ({
        label: r.label,
        order: i,
        value: r.value,
        lo: r.lo ?? r.value,
        hi: r.hi ?? r.value,
        baseline: r.baseline ?? null,
        target: r.target ?? null,
        status: r.status ?? 'none',
        text: short(r.value) + (r.lo !== undefined && r.hi !== undefined ? ` [${short(r.lo)}, ${short(r.hi)}]` : ''),
    }));
    const x = { type: 'quantitative', title: xTitle, ...(domain ? { scale: { domain: [...domain] } } : {}) };
    const y = {
        field: 'label',
        type: 'nominal',
        title: null,
        sort: { field: 'order', op: 'min' },
        axis: { labelLimit: 200 },
    };
    const status = {
        field: 'status',
        type: 'nominal',
        title: null,
        scale: { domain: ['pass', 'fail', 'none'], range: [COLORS.pass, COLORS.fail, '#333333'] },
        legend: null,
    };
    return {
        title,
        width: 360,
        height: { step: 22 },
        data: { values },
        encoding: { y },
        layer: [
            {
                mark: { type: 'rule', strokeWidth: 3, opacity: 0.45 },
                encoding: { x: { field: 'lo', ...x }, x2: { field: 'hi' }, color: status },
            },
            {
                transform: [{ filter: 'datum.baseline !== null' }],
                mark: { type: 'tick', color: COLORS.neutral, thickness: 2, size: 14 },
                encoding: { x: { field: 'baseline', type: 'quantitative' } },
            },
            {
                transform: [{ filter: 'datum.target !== null' }],
                mark: { type: 'tick', color: '#000', thickness: 1, size: 18, strokeDash: [3, 2] },
                encoding: { x: { field: 'target', type: 'quantitative' } },
            },
            {
                mark: { type: 'point', filled: true, size: 50 },
                encoding: { x: { field: 'value', type: 'quantitative' }, color: status },
            },
            {
                mark: { type: 'text', align: 'left', dx: 8, dy: -8, fontSize: 9 },
                encoding: { x: { field: 'hi', type: 'quantitative' }, text: { field: 'text' } },
            },
        ],
    };
}
//# sourceMappingURL=charts.js.map