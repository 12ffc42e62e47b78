import { formatEpsilon } from '../format.js';
import { esc } from './escape.js';
const f3 = (x) => (Number.isFinite(x) ? x.toFixed(3) : '–');
const BOX_W = 180;
const BOX_H = 52;
const GAP_X = 80;
const GAP_Y = 22;
/** Depth of each table: 0 for a table without parents, else 1 + the deepest parent (self-references ignored). */
function depths(meta) {
    const d = new Map();
    const visit = (t, seen) => {
        const known = d.get(t);
        if (known !== undefined)
            return known;
        if (seen.has(t))
            return 0;
        seen.add(t);
        const parents = meta.foreignKeys.filter((f) => f.child === t && f.parent !== t).map((f) => f.parent);
        const v = parents.length ? 1 + Math.max(...parents.map((p) => visit(p, seen))) : 0;
        d.set(t, v);
        return v;
    };
    for (const t of meta.tables)
        visit(t.name, new Set());
    return d;
}
/**
 * The schema as an SVG diagram: one box per table (name, primary key, rows real → synthetic when an evaluation is
 * given), columns of boxes by depth, an arrow from each child to its parent labelled with the foreign key's
 * columns and, with an evaluation, its cardinality score (red below 0.8).
 */
export function schemaDiagramSvg(meta, ev) {
    const d = depths(meta);
    const levels = [];
    for (const t of meta.tables)
        (levels[d.get(t.name)] ??= []).push(t.name);
    const pos = new Map();
    levels.forEach((names, i) => names.forEach((n, j) => pos.set(n, { x: 20 + i * (BOX_W + GAP_X), y: 20 + j * (BOX_H + GAP_Y) })));
    const width = 40 + levels.length * BOX_W + (levels.length - 1) * GAP_X;
    const height = 40 + Math.max(...levels.map((l) => l.length)) * (BOX_H + GAP_Y) - GAP_Y;
    const rows = new Map(ev?.tables.map((t) => [t.table, t.rows]) ?? []);
    const card = new Map(ev?.relations.map((r) => [r.label, r.cardinality.score]) ?? []);
    const parts = [];
    meta.foreignKeys.forEach((f, i) => {
        const a = pos.get(f.child);
        const b = pos.get(f.parent);
        const label = `${f.child}(${f.columns.join(', ')}) → ${f.parent}`;
        const score = card.get(label);
        const bad = score !== undefined && score < 0.8;
        if (f.child === f.parent) {
            const x = a.x + BOX_W;
            const y = a.y + BOX_H / 2;
            parts.push(`<path d="M${x} ${y - 8} c 30 -20, 30 36, 0 16" fill="none" stroke="#888" marker-end="url(#rel-arrow)"/>`);
            return;
        }
        // from the child's left edge to the parent's right edge (a curve when they are in the same column)
        const x1 = a.x;
        const y1 = a.y + BOX_H / 2 + ((i % 3) - 1) * 6;
        const x2 = b.x + BOX_W;
        const y2 = b.y + BOX_H / 2;
        const mx = (x1 + x2) / 2;
        parts.push(`<path class="fk" d="M${x1} ${y1} C ${mx} ${y1}, ${mx} ${y2}, ${x2 + 6} ${y2}" fill="none" stroke="${bad ? '#c62828' : '#7a8a99'}" stroke-width="1.3" marker-end="url(#rel-arrow)"><title>${esc(label)}${score !== undefined ? ` — cardinality ${f3(score)}` : ''}</title></path>`);
        if (score !== undefined)
            parts.push(`<text x="${x1 - 6}" y="${y1 - 4}" text-anchor="end" font-size="10" fill="${bad ? '#c62828' : '#44515e'}">${f3(score)}</text>`);
    });
    for (const t of meta.tables) {
        const p = pos.get(t.name);
        const r = rows.get(t.name);
        const pk = t.primaryKey?.join(' + ') ?? 'no primary key';
        const sub = r ? `${r.real.toLocaleString('en-US')} → ${r.synthetic.toLocaleString('en-US')} rows` : pk;
        const person = meta.person?.table === t.name;
        const pub = meta.person?.public?.includes(t.name);
        parts.push(`<g class="table" data-table="${esc(t.name)}"><rect x="${p.x}" y="${p.y}" width="${BOX_W}" height="${BOX_H}" rx="6" fill="${person ? '#e3f2fd' : pub ? '#f1f8e9' : '#fff'}" stroke="${person ? '#1565c0' : '#9aa5b1'}"/>` +
            `<text x="${p.x + 10}" y="${p.y + 20}" font-size="13" font-weight="600" fill="#1d1d1f">${esc(t.name)}${t.sequence ? ' (sequence)' : ''}${person ? ' (person)' : pub ? ' (public)' : ''}</text>` +
            `<text x="${p.x + 10}" y="${p.y + 38}" font-size="11" fill="#5f6368">${esc(r ? `${pk} · ${sub}` : sub)}</text></g>`);
    }
    return (`<svg xmlns="http://www.w3.org/2000/svg" class="schema" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="schema of the database: tables and foreign keys">` +
        `<defs><marker id="rel-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0 0 L10 5 L0 10 z" fill="#7a8a99"/></marker></defs>` +
        `<style>text{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif}</style>` +
        parts.join('') +
        '</svg>');
}
function guaranteeText(p) {
    if (p.type !== 'dp')
        return {
            cls: 'nodp',
            text: 'NOT differentially private: the model is fitted on the real rows and its file holds real values.',
        };
    const per = p.unit === 'person' ? ` per person (a "${p.person}" row with all its rows in the other tables)` : '';
    return {
        cls: 'dp',
        text: `(ε = ${formatEpsilon(p.epsilon)}, δ = ${formatEpsilon(p.delta)})-differentially private${per}, computed from the ledger.`,
    };
}
/** The relational section: guarantee, schema diagram, summary and metric tables (an HTML fragment). */
export function relationalSection(input) {
    const ev = input.evaluation;
    const s = ev.summary;
    const g = guaranteeText(input.privacy);
    const tableRows = ev.tables
        .map((t) => `<tr><td>${esc(t.table)}</td><td>${t.rows.real}</td><td>${t.rows.synthetic}</td><td>${f3(t.quality)}</td><td>${f3(t.columnShapes)}</td><td>${f3(t.columnPairTrends)}</td></tr>`)
        .join('');
    const relRows = ev.relations
        .map((r) => `<tr><td>${esc(r.label)}</td><td>${f3(r.cardinality.score)}</td><td>${f3(r.integrity.score)}</td><td>${f3(r.trends.score)}</td></tr>`)
        .join('');
    const seqRows = ev.sequences.map((m) => `<tr><td>${esc(m.name)}</td><td>${f3(m.score)}</td></tr>`).join('');
    return `<section id="relational"><h2>Database</h2>
<div class="box ${g.cls}">${esc(g.text)}</div>
<p class="explain">The schema: one box per table (primary key, rows real → synthetic), an arrow from each child table to its parent, labelled with the cardinality score of that foreign key (1 − KS distance of the number of children per parent; red below 0.8).</p>
<figure class="chart schema">${schemaDiagramSvg(input.metadata, ev)}</figure>
<table class="kv"><tr><th>referential integrity (smallest share of child rows with a parent)</th><td>${f3(s.referentialIntegrity)}</td></tr>
<tr><th>primary keys unique (smallest share)</th><td>${f3(s.primaryKeyUniqueness)}</td></tr>
<tr><th>cardinality (smallest over foreign keys)</th><td>${f3(s.minCardinality)}</td></tr>
<tr><th>table quality (mean / smallest)</th><td>${f3(s.meanTableQuality)} / ${f3(s.minTableQuality)}</td></tr>
<tr><th>inter-table trends (mean)</th><td>${f3(s.interTableTrends)}</td></tr></table>
<h3>Tables</h3><table class="grid"><tr><th>table</th><th>rows real</th><th>rows synthetic</th><th>quality</th><th>column shapes</th><th>column pairs</th></tr>${tableRows}</table>
${relRows ? `<h3>Foreign keys</h3><table class="grid"><tr><th>foreign key</th><th>cardinality</th><th>integrity</th><th>inter-table trends</th></tr>${relRows}</table>` : ''}
${seqRows ? `<h3>Sequences</h3><table class="grid"><tr><th>metric</th><th>score</th></tr>${seqRows}</table>` : ''}
${input.notes?.length ? `<h3>Notes</h3><ul>${input.notes.map((n) => `<li>${esc(n)}</li>`).join('')}</ul>` : ''}
</section>`;
}
const CSS = `body{margin:0;font:14px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;color:#1d1d1f;background:#fafafa}
header,main,footer{max-width:1180px;margin:0 auto;padding:0 24px}header{padding-top:24px}h1{font-size:26px;margin:0 0 4px}
h2{font-size:20px;margin:0 0 6px;border-bottom:2px solid #e3e3e3;padding-bottom:4px}h3{font-size:16px;margin:18px 0 6px}
section{background:#fff;border:1px solid #e3e3e3;border-radius:8px;padding:16px 20px;margin:16px 0}.explain{color:#5f6368;max-width:900px}
.box{padding:10px 14px;border-radius:6px;margin:8px 0}.box.nodp{background:#fff3e0;border:1px solid #ffb74d;color:#8a4b00}
.box.dp{background:#e3f2fd;border:1px solid #90caf9;color:#0d47a1}table{border-collapse:collapse;margin:8px 0}
th,td{padding:4px 10px;border-bottom:1px solid #e3e3e3;text-align:left}th{background:#f5f5f5;font-weight:600}.kv th{background:none}
figure.chart{margin:8px 0;max-width:100%;overflow-x:auto}footer{color:#5f6368;font-size:12px;padding-bottom:32px}`;
/** A whole self-contained HTML page for a relational release. */
export function renderRelationalReport(input) {
    const title = `lookalike — ${input.name}`;
    return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="lookalike">
<title>${esc(title)}</title>
<style>${CSS}</style>
</head>
<body>
<header><h1>${esc(title)}</h1><p class="explain">A synthetic lookalike of a database of ${input.metadata.tables.length} tables.</p></header>
<main>
${relationalSection(input)}
</main>
<footer>Generated by lookalike. This file is self-contained: it loads nothing from the network.</footer>
</body>
</html>
`;
}
//# sourceMappingURL=relational.js.map