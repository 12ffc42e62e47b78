/**
 * The HTML report: one self-contained file (inline CSS, charts as inline SVG, no script, no external resource — a
 * Content-Security-Policy of `default-src 'none'` makes the browser refuse any request), written for a privacy
 * officer as much as for the engineer: each section opens with what it shows and how to read it.
 *
 * Every string that reaches the HTML goes through `esc` (column names, category labels, notes and policy texts are
 * user-controlled). Pure: returns a string; the CLI writes the file.
 */
import type { Evaluation, ColumnHistogram } from '../metrics/evaluation.js';
import type { MetricResult } from '../metrics/types.js';
import type { Scorecard, ScorecardRow } from '../policy/types.js';
import { formatRowNumber, opSymbol } from '../policy/format.js';
import { targetInfo } from '../policy/catalogue.js';
import { formatEpsilon, formatNumber } from '../format.js';
import { listAggregates } from '../metrics/registry.js';
import { aggregateValue } from '../metrics/aggregates.js';
import { metricSummaries } from '../metrics/summary.js';
import { detectableByMetric, riskFamilyPhrases } from '../metrics/privacy/multiplicity.js';
import type { Projection } from '../metrics/projection.js';
import type { ModelSummary } from './model.js';
import { esc } from './escape.js';
import { relationalSection, type RelationalReportInput } from './relational.js';
import type { DisclosureReport } from '../constraints/disclosure.js';
import {
  categoricalDistributionSpec,
  COLORS,
  densityGridSpec,
  groupedBarsSpec,
  heatmapSpec,
  histogramSpec,
  intervalsSpec,
  numericDistributionSpec,
  renderSvg,
  rocSpec,
  type ChartSpec,
  type Curve,
  type IntervalRow,
} from './charts.js';

export interface ReportInput {
  readonly evaluation: Evaluation;
  readonly scorecard: Scorecard;
  /** The model that produced the synthetic table; null when unknown (the report says so). */
  readonly model?: ModelSummary | null;
  readonly title?: string;
  /** A 2-D projection when the evaluation does not carry one. */
  readonly projection?: Projection | null;
  /**
   * Post-hoc disclosure control applied to the synthetic table before it was evaluated (constraints/disclosure.ts):
   * its own section, and when a step read the training data the banner says the release is not DP.
   */
  readonly disclosure?: DisclosureReport | null;
  /**
   * A relational release (docs/relational.md): the "Database" section — the schema drawn as a diagram with each
   * foreign key's cardinality score, the guarantee per person, per-table, per-relationship and sequence metrics —
   * after "Data and model"; the rest of the report is about the table `evaluation` describes.
   */
  readonly relational?: RelationalReportInput | null;
}

export { esc };

const pct = (x: number): string =>
  Number.isFinite(x) ? `${formatNumber(x * 100, { fixed: x < 0.001 && x > 0 ? 3 : 1 })}%` : '—';

/** A small renderer that numbers charts so that ids stay unique within one report. */
class Charts {
  private n = 0;
  async svg(spec: ChartSpec): Promise<string> {
    this.n++;
    return renderSvg(spec, `ch${this.n}`);
  }
  async figure(spec: ChartSpec, caption: string, cls = ''): Promise<string> {
    const svg = await this.svg(spec);
    return `<figure class="chart ${cls}">${svg}<figcaption>${caption}</figcaption></figure>`;
  }
}

/** Render the full HTML report. */
export async function renderHtmlReport(input: ReportInput): Promise<string> {
  const { evaluation: ev, scorecard: sc } = input;
  const model = input.model ?? null;
  const charts = new Charts();
  const projection = input.projection ?? ev.projection ?? null;
  const title = input.title ?? 'Synthetic data report';
  const sections: string[] = [];
  sections.push(scorecardSection(sc));
  sections.push(dataModelSection(ev, model));
  const relational = input.relational ?? null;
  if (relational) sections.push(relationalSection(relational));
  sections.push(await fidelitySection(ev, charts));
  sections.push(await distributionsSection(ev, charts));
  sections.push(await correlationsSection(ev, charts));
  sections.push(await projectionSection(projection, charts));
  sections.push(await utilitySection(ev, charts));
  sections.push(await privacySection(ev, sc, model, charts));
  const disclosure = input.disclosure ?? null;
  if (disclosure) sections.push(disclosureSection(disclosure));
  sections.push(notesSection(ev));
  const verdictClass = sc.verdict === 'pass' ? 'pass' : 'fail';
  const dp = model?.privacy.type === 'dp';
  const banner = !model
    ? `<div class="banner unknown" id="privacy-banner">Model unknown: this report cannot say whether the synthetic table is differentially private.</div>`
    : dp && disclosure?.readsTrainingData
      ? `<div class="banner nodp" id="privacy-banner">Not differentially private: ${esc(model.synthesizer)} is (ε = ${esc(formatEpsilon(model.privacy.type === 'dp' ? model.privacy.epsilon : NaN))}, δ = ${esc(formatEpsilon(model.privacy.type === 'dp' ? model.privacy.delta : NaN))})-DP, but the released table was filtered with the training data (see Disclosure control), and that filter is not.</div>`
      : dp
        ? `<div class="banner dp" id="privacy-banner">Differentially private: ${esc(model.synthesizer)} guarantees (ε = ${esc(formatEpsilon(model.privacy.type === 'dp' ? model.privacy.epsilon : NaN))}, δ = ${esc(formatEpsilon(model.privacy.type === 'dp' ? model.privacy.delta : NaN))}).</div>`
        : `<div class="banner nodp" id="privacy-banner">Not differentially private: ${esc(model.synthesizer)} gives no formal privacy guarantee. Only the attacks measured below speak to its privacy.</div>`;
  const nav = [
    ['scorecard', 'Scorecard'],
    ['data-model', 'Data and model'],
    ...(relational ? [['relational', 'Database']] : []),
    ['fidelity', 'Fidelity'],
    ['distributions', 'Columns'],
    ['correlations', 'Correlations'],
    ['projection', 'Projection'],
    ['utility', 'Utility'],
    ['privacy', 'Privacy'],
    ...(disclosure ? [['disclosure', 'Disclosure control']] : []),
    ['notes', 'Notes'],
  ]
    .map(([id, label]) => `<a href="#${id}">${label}</a>`)
    .join(' · ');
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
<header>
<h1>${esc(title)}</h1>
<p class="meta">Evaluation of ${esc(ev.createdAt)} · seed ${esc(ev.seed)} · policy “${esc(sc.policy.name)}”</p>
<div class="verdict ${verdictClass}" id="verdict" data-verdict="${verdictClass}">${esc(sc.summary)}</div>
${banner}
<nav>${nav}</nav>
</header>
<main>
${sections.join('\n')}
</main>
<footer>Generated by lookalike. This file is self-contained: it loads nothing from the network.</footer>
</body>
</html>
`;
}

// ---------------------------------------------------------------------------------------------------------------

function section(id: string, title: string, explain: string, body: string): string {
  return `<section id="${id}"><h2>${esc(title)}</h2><p class="explain">${explain}</p>${body}</section>`;
}

function scoreCell(r: ScorecardRow): string {
  if (r.measured === null) return '—';
  const ci = r.ci
    ? ` <span class="ci">[${esc(formatNumber(r.ci[0]))}, ${esc(formatNumber(r.ci[1]))}]</span>`
    : '';
  return `${esc(formatRowNumber(r, r.measured))}${ci}`;
}

function statusLabel(r: ScorecardRow): string {
  return r.status === 'missing' ? 'not measured' : r.status;
}

function scorecardSection(sc: Scorecard): string {
  const rows = sc.rows
    .map(
      (r) =>
        `<tr data-id="${esc(r.id)}" data-status="${r.status}"><td class="metric">${esc(r.label)}${
          r.columns ? ` <span class="cols">[${esc(r.columns.join(', '))}]</span>` : ''
        }${r.why ? `<div class="why">${esc(r.why)}</div>` : ''}</td><td class="score">${scoreCell(r)}</td><td class="target">${esc(opSymbol(r.op))}&nbsp;${esc(formatNumber(r.target))}</td><td class="status ${r.status}">${esc(statusLabel(r))}</td><td class="note">${esc(r.note)}</td></tr>`,
    )
    .join('');
  const missingRule =
    sc.policy.missing === 'fail'
      ? 'Under this policy a target that was <b>not measured counts as failing</b>: what was not measured was not shown to be safe.'
      : 'Under this policy a target that was not measured is shown but does not change the verdict.';
  return section(
    'scorecard',
    'Scorecard',
    `Each row is one target of the policy “${esc(sc.policy.name)}”.${
      sc.policy.description ? ` ${esc(sc.policy.description)}` : ''
    } <b>Score</b> is what was measured, with its 95% interval in brackets where the metric has one. For risks, the target is checked against the <b>pessimistic end of the interval</b> (the upper bound of a risk), unless the policy says otherwise, so “pass” means “passes even allowing for measurement uncertainty”. ${missingRule}`,
    `<table id="scorecard-table" class="scorecard"><thead><tr><th>Metric</th><th>Score</th><th>Target</th><th>Status</th><th>What was compared</th></tr></thead><tbody>${rows}</tbody></table>
<p class="verdict-line">Verdict: <b class="${sc.verdict}">${sc.verdict.toUpperCase()}</b> — ${sc.counts.pass} passed, ${sc.counts.fail} failed, ${sc.counts.missing} not measured.</p>`,
  );
}

function dataModelSection(ev: Evaluation, model: ModelSummary | null): string {
  const i = ev.inputs;
  const sizes = `<table class="kv"><tbody>
<tr><th>Real (training) table</th><td>${i.real.rows.toLocaleString('en-US')} rows × ${i.real.columns} columns</td></tr>
<tr><th>Synthetic table</th><td>${i.synthetic.rows.toLocaleString('en-US')} rows × ${i.synthetic.columns} columns</td></tr>
<tr><th>Holdout (real rows not used for training)</th><td>${
    i.holdout
      ? `${i.holdout.rows.toLocaleString('en-US')} rows (${i.holdout.source === 'split' ? 'split from the real table' : 'given'})`
      : 'none — utility and privacy attacks need one'
  }</td></tr>
<tr><th>Target column</th><td>${i.target ? `${esc(i.target.name)} (${esc(i.target.task)})` : 'none'}</td></tr>
<tr><th>Sensitive columns</th><td>${i.sensitive.length ? esc(i.sensitive.join(', ')) : 'none declared'}</td></tr>
</tbody></table>`;
  const cols = `<details><summary>Columns (${i.columns.length})</summary><table class="grid"><thead><tr><th>Column</th><th>Kind</th><th>Role</th><th>Evaluated as</th><th>Missing (real)</th><th>Missing (synthetic)</th></tr></thead><tbody>${i.columns
    .map(
      (c) =>
        `<tr><td>${esc(c.name)}</td><td>${esc(c.kind)}</td><td>${esc(c.role ?? '')}</td><td>${esc(c.evaluatedAs)}</td><td>${pct(
          c.missingReal,
        )}</td><td>${pct(c.missingSynthetic)}</td></tr>`,
    )
    .join('')}</tbody></table></details>`;
  let modelHtml: string;
  if (!model) {
    modelHtml = `<p class="box unknown">The model that produced the synthetic table was not given to the report (use <code>--model model.json</code>), so its privacy guarantee is unknown.</p>`;
  } else if (model.privacy.type === 'none') {
    modelHtml = `<div class="box nodp" id="model-guarantee"><b>Not differentially private.</b> The synthesizer <code>${esc(
      model.synthesizer,
    )}</code> learns directly from the real rows and gives no mathematical bound on what the synthetic table reveals about any one person. Its privacy rests only on the attacks measured in the Privacy section, which can show a leak but cannot prove its absence.</div>`;
  } else {
    const g = model.privacy;
    modelHtml = `<div class="box dp" id="model-guarantee"><b>Differentially private: (ε = ${esc(formatEpsilon(g.epsilon))}, δ = ${esc(
      formatEpsilon(g.delta),
    )}).</b> The synthesizer <code>${esc(
      model.synthesizer,
    )}</code> only saw the real rows through noisy measurements, listed in the ledger below. Whatever anyone does with the synthetic table, the chance of any outcome changes by at most a factor e<sup>ε</sup> ≈ ${esc(
      formatEpsilon(Math.exp(g.epsilon)),
    )} whether or not one person’s row was in the real table (except with probability δ).</div>${ledgerHtml(model)}`;
  }
  return section(
    'data-model',
    'Data and model',
    'What was compared: the real table the model learned from, the synthetic table it produced, and real rows it never saw (the holdout), which serve as the yardstick for utility and privacy.',
    `${sizes}${cols}<h3>Model</h3>${model ? `<p>Synthesizer: <code>${esc(model.synthesizer)}</code>${model.createdAt ? ` · fitted ${esc(model.createdAt)}` : ''}</p>` : ''}${modelHtml}`,
  );
}

function ledgerHtml(model: ModelSummary): string {
  const l = model.ledger;
  if (!l) return '<p>No privacy ledger was found in the model file.</p>';
  const groups = new Map<string, { n: number; rho: number; eps: number; allPure: boolean }>();
  for (const e of l.entries) {
    const k = `${e.query}\u0000${e.mechanism}`;
    const g = groups.get(k) ?? { n: 0, rho: 0, eps: 0, allPure: true };
    g.n++;
    g.rho += e.rho;
    if (e.epsilon === undefined) g.allPure = false;
    else g.eps += e.epsilon;
    groups.set(k, g);
  }
  const summary = [...groups.entries()]
    .map(([k, g]) => {
      const [q, mech] = k.split('\u0000');
      return `<tr><td>${esc(q)}</td><td>${esc(mech)}</td><td>${g.n}</td><td>${esc(formatNumber(g.rho))}</td></tr>`;
    })
    .join('');
  const MAX = 500;
  const rows = l.entries
    .slice(0, MAX)
    .map(
      (e, i) =>
        `<tr><td>${i + 1}</td><td>${esc(e.query)}</td><td>${esc(e.columns.join(', '))}</td><td>${esc(e.mechanism)}</td><td>${esc(
          formatNumber(e.noiseScale),
        )}</td><td>${esc(formatEpsilon(e.rho))}</td><td>${e.epsilon !== undefined ? esc(formatEpsilon(e.epsilon)) : ''}</td></tr>`,
    )
    .join('');
  const total = l.total
    ? `Total: ε = ${esc(formatEpsilon(l.total.epsilon))}, δ = ${esc(formatEpsilon(l.total.delta))}${l.total.rho !== undefined ? `, ρ = ${esc(formatEpsilon(l.total.rho))}` : ''}`
    : '';
  const budget = l.budget
    ? ` (budget ε = ${esc(formatEpsilon(l.budget.epsilon))}, δ = ${esc(formatEpsilon(l.budget.delta))})`
    : '';
  return `<h3>Privacy ledger</h3>
<p class="explain">Every measurement the synthesizer made of the real rows, with the noise added and its privacy cost (ρ, zero-concentrated DP${
    l.accounting ? `, accounting “${esc(l.accounting)}”` : ''
  }). The costs add up to the guarantee above.</p>
<p id="ledger-total"><b>${total}</b>${budget} · ${l.entries.length} measurements</p>
<table class="grid" id="ledger-summary"><thead><tr><th>Query</th><th>Mechanism</th><th>Count</th><th>Σρ</th></tr></thead><tbody>${summary}</tbody></table>
<details><summary>All ${l.entries.length} ledger entries${l.entries.length > MAX ? ` (first ${MAX} shown)` : ''}</summary><table class="grid" id="ledger"><thead><tr><th>#</th><th>Query</th><th>Columns</th><th>Mechanism</th><th>Noise scale</th><th>ρ</th><th>ε (pure)</th></tr></thead><tbody>${rows}</tbody></table></details>`;
}

async function fidelitySection(ev: Evaluation, charts: Charts): Promise<string> {
  // aggregates read off the registry: scores (higher is better) as bars, errors (lower is better) as sentences
  const shown = listAggregates().filter((a) => a.family !== 'privacy');
  const rows = shown
    .filter((a) => a.better === 'higher' && aggregateValue(ev, a) !== null)
    .map((a) => ({ group: a.label, series: 'score', value: aggregateValue(ev, a) as number }));
  const chart = rows.length
    ? await charts.figure(
        groupedBarsSpec({
          title: 'Aggregate scores (1 = indistinguishable from real)',
          rows,
          xTitle: 'score',
          domain: [0, 1],
          seriesColors: { score: COLORS.real },
        }),
        'Each bar summarises many metrics; the sections below show the detail behind them.',
      )
    : '';
  const errors = shown
    .filter((a) => a.better === 'lower' && aggregateValue(ev, a) !== null)
    .map(
      (a) =>
        `<p id="aggregate-${esc(a.id)}">${esc(a.label)}: <b>${esc(formatNumber(aggregateValue(ev, a)))}</b> — ${esc(a.description)}</p>`,
    )
    .join('');
  const all = metricSummaries(ev);
  const table = all.length
    ? `<details id="metrics-details"><summary>Every fidelity and utility metric (${all.length})</summary><table class="grid" id="metrics-table"><thead><tr><th>Metric</th><th>What it measures</th><th>Results</th><th>Mean score</th><th>Weakest result</th></tr></thead><tbody>${all
        .map(
          (m) =>
            `<tr data-id="${esc(m.id)}"><td>${esc(m.label)} <code>${esc(m.id)}</code></td><td>${esc(m.description)}${
              m.better ? ` <span class="cols">(${m.better} value is better)</span>` : ''
            }</td><td>${m.results}</td><td>${esc(formatNumber(m.meanScore))}</td><td>${
              m.worst
                ? `${esc(formatNumber(m.worst.score))}${m.worst.columns?.length ? ` <span class="cols">[${esc(m.worst.columns.join(', '))}]</span>` : ''}`
                : '—'
            }</td></tr>`,
        )
        .join(
          '',
        )}</tbody></table><p class="explain">Scores are in [0, 1], 1 best; a metric with one result per column or pair shows its mean and its lowest.</p></details>`
    : '';
  return section(
    'fidelity',
    'Fidelity at a glance',
    'How closely the synthetic table reproduces the real one, as scores between 0 and 1 where 1 means “statistically indistinguishable”. A high score alone can flatter a weak model (shuffling each column independently keeps every column’s shape but destroys all relationships), so read it with the correlation and utility sections.',
    `${chart}${errors}${table}`,
  );
}

function shapeScore(ev: Evaluation, column: string): MetricResult | undefined {
  return ev.metrics.find(
    (m) =>
      (m.id === 'ks_complement' || m.id === 'tv_complement') &&
      m.columns?.length === 1 &&
      m.columns[0] === column,
  );
}

async function distributionsSection(ev: Evaluation, charts: Charts): Promise<string> {
  const figs: string[] = [];
  for (const h of ev.columns) figs.push(await distributionFigure(ev, h, charts));
  return section(
    'distributions',
    'Column by column',
    `The share of rows in each range or category, <span class="sw real"></span> real vs <span class="sw synth"></span> synthetic. Overlapping bars mean the column was reproduced well. The shape score is 1 − the largest gap between the two cumulative distributions (numbers) or 1 − the total difference in shares (categories).`,
    `<div class="charts">${figs.join('')}</div>`,
  );
}

async function distributionFigure(ev: Evaluation, h: ColumnHistogram, charts: Charts): Promise<string> {
  const spec = h.kind === 'numeric' ? numericDistributionSpec(h) : categoricalDistributionSpec(h);
  const s = shapeScore(ev, h.name);
  const missing =
    h.missingReal > 0 || h.missingSynthetic > 0
      ? ` · missing: real ${pct(h.missingReal)}, synthetic ${pct(h.missingSynthetic)}`
      : '';
  const other =
    h.kind === 'categorical' && h.otherLabel ? ` · “${esc(h.otherLabel)}” pools the rarer categories` : '';
  return charts.figure(
    spec,
    `${s ? `shape score ${esc(formatNumber(s.score))}` : 'no shape score'}${missing}${other}`,
    'small',
  );
}

function diff(a: readonly (number | null)[], b: readonly (number | null)[]): (number | null)[] {
  return a.map((x, i) => (x === null || b[i] === null || b[i] === undefined ? null : (b[i] as number) - x));
}

async function correlationsSection(ev: Evaluation, charts: Charts): Promise<string> {
  const p = ev.pairs;
  const parts: string[] = [];
  if (p.numericColumns.length >= 2) {
    const cols = p.numericColumns;
    parts.push(
      `<h3>Correlation of numeric columns (Pearson)</h3><div class="charts">${[
        await charts.figure(
          heatmapSpec({
            title: 'real',
            columns: cols,
            matrix: p.pearsonReal,
            domain: [-1, 1],
            scheme: 'redblue',
          }),
          'real table',
        ),
        await charts.figure(
          heatmapSpec({
            title: 'synthetic',
            columns: cols,
            matrix: p.pearsonSynthetic,
            domain: [-1, 1],
            scheme: 'redblue',
          }),
          'synthetic table',
        ),
        await charts.figure(
          heatmapSpec({
            title: 'difference (synthetic − real)',
            columns: cols,
            matrix: diff(p.pearsonReal, p.pearsonSynthetic),
            domain: [-1, 1],
            scheme: 'purpleorange',
          }),
          'white = relationship kept; color = relationship lost or invented',
        ),
      ].join('')}</div>`,
    );
  }
  if (p.associationColumns.length >= 2) {
    const cols = p.associationColumns;
    parts.push(
      `<h3>Association of all columns (Cramér’s V; numbers binned)</h3><div class="charts">${[
        await charts.figure(
          heatmapSpec({
            title: 'real',
            columns: cols,
            matrix: p.cramersVReal,
            domain: [0, 1],
            scheme: 'blues',
          }),
          'real table',
        ),
        await charts.figure(
          heatmapSpec({
            title: 'synthetic',
            columns: cols,
            matrix: p.cramersVSynthetic,
            domain: [0, 1],
            scheme: 'blues',
          }),
          'synthetic table',
        ),
        await charts.figure(
          heatmapSpec({
            title: 'difference (synthetic − real)',
            columns: cols,
            matrix: diff(p.cramersVReal, p.cramersVSynthetic),
            domain: [-1, 1],
            scheme: 'purpleorange',
          }),
          'white = association kept',
        ),
      ].join('')}</div>`,
    );
  }
  const worst = [...p.trends].sort((a, b) => a.score - b.score).slice(0, 10);
  if (worst.length) {
    parts.push(
      `<details><summary>The ${worst.length} least preserved pairs</summary><table class="grid"><thead><tr><th>Columns</th><th>Metric</th><th>Score</th></tr></thead><tbody>${worst
        .map(
          (t) =>
            `<tr><td>${esc(t.columns.join(' × '))}</td><td>${esc(t.metric)}</td><td>${esc(formatNumber(t.score))}</td></tr>`,
        )
        .join('')}</tbody></table></details>`,
    );
  }
  if (!parts.length)
    parts.push(
      '<p class="box unknown">Fewer than two evaluated columns: no pairwise relationships to show.</p>',
    );
  return section(
    'correlations',
    'Relationships between columns',
    'Whether columns that move together in the real table also move together in the synthetic one. Left: real; middle: synthetic; right: the difference. A difference map that is mostly white means relationships were kept.',
    parts.join(''),
  );
}

async function projectionSection(p: Projection | null, charts: Charts): Promise<string> {
  const explain =
    'All columns squeezed onto two axes (the two directions along which the real rows vary most, “principal components”), and the rows counted on a grid. If the synthetic table is a good lookalike, the two pictures have the same shape. No single row is plotted: only counts, and grid cells holding fewer than a handful of real rows are left blank so that no individual shows.';
  if (!p) {
    return section(
      'projection',
      '2-D view of the rows',
      explain,
      '<p class="box unknown">This evaluation carries no projection.</p>',
    );
  }
  const fig = await charts.figure(
    densityGridSpec({
      title: 'rows on the first two principal components',
      bins: p.bins,
      xRange: p.xRange,
      yRange: p.yRange,
      real: p.real,
      synthetic: p.synthetic,
      xTitle: `component 1 (${pct(p.explainedVariance[0])} of variance)`,
      yTitle: `component 2 (${pct(p.explainedVariance[1])} of variance)`,
    }),
    `${p.columns.length} columns · cells with fewer than ${p.minCount} real rows blanked (${pct(p.suppressedShare)} of real rows)`,
  );
  return section('projection', '2-D view of the rows', explain, fig);
}

async function utilitySection(ev: Evaluation, charts: Charts): Promise<string> {
  const explain =
    'Whether the synthetic table can stand in for the real one to train a model. TRTR: a model trained on real rows and tested on held-out real rows — the ceiling. TSTR: the same model trained on synthetic rows, tested on the same real rows. A ratio near 1 means nothing useful was lost.';
  const u = ev.utility;
  if (!u) {
    return section(
      'utility',
      'Usefulness for machine learning',
      explain,
      '<p class="box unknown">Not measured: the evaluation had no target column (use <code>--target</code>) or no holdout.</p>',
    );
  }
  const rows = u.models.flatMap((m) => [
    { group: m.model, series: 'TRTR (trained on real)', value: m.trtr[u.mainMetric] ?? NaN },
    { group: m.model, series: 'TSTR (trained on synthetic)', value: m.tstr[u.mainMetric] ?? NaN },
  ]);
  const chart = await charts.figure(
    groupedBarsSpec({
      title: `${u.mainMetric} on held-out real rows, target “${u.target}”`,
      rows: rows.filter((r) => Number.isFinite(r.value)),
      xTitle: u.mainMetric,
      seriesColors: {
        'TRTR (trained on real)': COLORS.real,
        'TSTR (trained on synthetic)': COLORS.synthetic,
      },
    }),
    'Bars of equal length mean the synthetic table trains models as well as the real one.',
  );
  const keys = [...new Set(u.models.flatMap((m) => Object.keys(m.trtr)))];
  const table = `<table class="grid" id="utility-table"><thead><tr><th>Model</th>${keys
    .map((k) => `<th>${esc(k)} TRTR</th><th>${esc(k)} TSTR</th>`)
    .join('')}<th>Ratio (${esc(u.mainMetric)})</th></tr></thead><tbody>${u.models
    .map(
      (m) =>
        `<tr><td>${esc(m.model)}</td>${keys.map((k) => `<td>${esc(formatNumber(m.trtr[k]))}</td><td>${esc(formatNumber(m.tstr[k]))}</td>`).join('')}<td><b>${esc(
          formatNumber(m.ratio),
        )}</b></td></tr>`,
    )
    .join('')}</tbody></table>`;
  const fi = u.featureImportance
    ? `<p>Feature importance rank agreement (Spearman, real vs synthetic): <b>${esc(formatNumber(u.featureImportance.spearman))}</b> (1 = the same features matter in the same order).</p>`
    : '';
  const sub = u.subgroups?.length
    ? `<details><summary>Performance by subgroup of the sensitive columns</summary><table class="grid"><thead><tr><th>Column</th><th>Group</th><th>Holdout rows</th><th>TRTR</th><th>TSTR</th><th>Gap</th></tr></thead><tbody>${u.subgroups
        .map(
          (g) =>
            `<tr><td>${esc(g.column)}</td><td>${esc(g.group)}</td><td>${g.rows}</td><td>${esc(formatNumber(g.trtr))}</td><td>${esc(formatNumber(g.tstr))}</td><td>${esc(
              formatNumber(g.tstr - g.trtr),
            )}</td></tr>`,
        )
        .join('')}</tbody></table></details>`
    : '';
  return section('utility', 'Usefulness for machine learning', explain, `${chart}${table}${fi}${sub}`);
}

interface RocDetail {
  readonly fpr: readonly number[];
  readonly tpr: readonly number[];
}
function rocOf(m: MetricResult): RocDetail | null {
  const r = m.details?.roc as Partial<RocDetail> | undefined;
  if (
    r &&
    Array.isArray(r.fpr) &&
    Array.isArray(r.tpr) &&
    r.fpr.length === r.tpr.length &&
    r.fpr.length >= 2
  ) {
    return r as RocDetail;
  }
  return null;
}
interface HistDetail {
  readonly edges: readonly number[];
  readonly train: readonly number[];
  readonly holdout: readonly number[];
}
function histOf(m: MetricResult): HistDetail | null {
  const h = m.details?.histogram as Partial<HistDetail> | undefined;
  if (
    h &&
    Array.isArray(h.edges) &&
    Array.isArray(h.train) &&
    Array.isArray(h.holdout) &&
    h.train.length === h.edges.length - 1 &&
    h.holdout.length === h.train.length
  ) {
    return h as HistDetail;
  }
  return null;
}

async function privacySection(
  ev: Evaluation,
  sc: Scorecard,
  model: ModelSummary | null,
  charts: Charts,
): Promise<string> {
  const explain =
    'Attacks that try to learn something about real people from the synthetic table, each compared with what the same attack achieves without it (the baseline) and shown with a 95% interval. Risks near 0 — and intervals that include 0 — mean the synthetic table did not help the attacker measurably. Attacks can reveal a leak; they cannot prove there is none: that is what a differential-privacy guarantee is for.';
  const pv = ev.privacy;
  if (!pv || !pv.metrics.length) {
    return section(
      'privacy',
      'Privacy risk',
      explain,
      `<p class="box unknown" id="privacy-missing">Not measured: the privacy-risk suite did not run for this evaluation (it needs a holdout of real rows the model never saw). Targets on privacy risks are “not measured”${
        sc.policy.missing === 'fail' ? ', which this policy counts as failing' : ''
      }.</p>`,
    );
  }
  const parts: string[] = [];
  if (pv.aggregate !== undefined) {
    const fam = pv.family;
    parts.push(
      fam?.comparisons
        ? `<p>Privacy protection (aggregate): <b>${esc(formatNumber(pv.aggregate))}</b> = 1 − the risk the attacks demonstrate once corrected for their number (${fam.comparisons} risks, family-wise ${Math.round(fam.level * 100)}%; 1 = no attack was shown to do better than its baseline).</p>` +
            `<p id="privacy-family">${esc(riskFamilyPhrases(fam).join('; '))}.</p>` +
            `<p id="privacy-detectable">Smallest risk each attack could detect at these table sizes (${Math.round(fam.power * 100)}% power, after the correction): ${esc(
              detectableByMetric(fam)
                .map(([id, v]) => `${id} ${v}`)
                .join('; '),
            )}. A risk below these would likely go unnoticed: a high protection score on a small table means “no leak shown”, not “no leak”.</p>`
        : `<p>Privacy protection (aggregate): <b>${esc(formatNumber(pv.aggregate))}</b> (1 = no attack did better than its baseline).</p>`,
    );
  }
  const metricRows = sc.rows.filter((r) => r.kind === 'metric');
  const targetFor = (m: MetricResult): ScorecardRow | undefined =>
    metricRows.find((r) => {
      const g = targetInfo(r.id)?.group;
      const matches = g ? g.field === 'value' && m.id.startsWith(g.prefix) : r.id === m.id;
      return matches && (!r.columns || r.columns.join('\u0000') === (m.columns ?? []).join('\u0000'));
    });
  const inUnit = pv.metrics.filter(
    (m) =>
      m.value >= 0 &&
      m.value <= 1 &&
      (!m.ci || (m.ci[0] >= -1e-9 && m.ci[1] <= 1 + 1e-9)) &&
      (m.ci || m.baseline !== undefined),
  );
  if (inUnit.length) {
    const rows: IntervalRow[] = inUnit.map((m) => {
      const t = targetFor(m);
      return {
        label: m.columns?.length ? `${m.id} [${m.columns.join(', ')}]` : m.id,
        value: m.value,
        ...(m.ci ? { lo: m.ci[0], hi: m.ci[1] } : {}),
        ...(m.baseline !== undefined ? { baseline: m.baseline } : {}),
        ...(t ? { target: t.target, status: t.status === 'missing' ? 'none' : t.status } : {}),
      };
    });
    parts.push(
      await charts.figure(
        intervalsSpec('Measured risks with 95% intervals', rows, 'value', [0, 1]),
        'Dot: estimate · bar: 95% interval · grey tick: baseline (what the attack achieves without the synthetic table, or the ideal value) · dashed tick: the policy’s target.',
        'wide',
      ),
    );
  }
  parts.push(
    `<table class="grid" id="privacy-table"><thead><tr><th>Risk</th><th>Value</th><th>95% interval</th><th>Baseline</th><th>Score</th><th>Detectable risk</th><th>Note</th></tr></thead><tbody>${pv.metrics
      .map(
        (m) =>
          `<tr data-id="${esc(m.id)}"><td>${esc(m.name)}${m.columns?.length ? ` <span class="cols">[${esc(m.columns.join(', '))}]</span>` : ''}</td><td>${esc(
            formatNumber(m.value),
          )}</td><td>${m.ci ? `${esc(formatNumber(m.ci[0]))} – ${esc(formatNumber(m.ci[1]))}` : ''}</td><td>${m.baseline !== undefined ? esc(formatNumber(m.baseline)) : ''}</td><td>${esc(
            formatNumber(m.score),
          )}</td><td>${typeof m.details?.detectableRisk === 'number' ? esc(formatNumber(m.details.detectableRisk)) : ''}</td><td>${esc(m.note ?? '')}</td></tr>`,
      )
      .join('')}</tbody></table>`,
  );
  // distances to closest record
  const dcr = pv.metrics.find((m) => m.id === 'dcr_share');
  const hist = dcr ? histOf(dcr) : null;
  if (hist) {
    parts.push(
      `<h3>Distance to the closest real row</h3><p class="explain">For each synthetic row, the distance to the nearest training row and to the nearest holdout row. If the model copied or memorised training rows, the training curve sits to the left of the holdout curve (more synthetic rows very close to a training row).</p>` +
        (await charts.figure(
          histogramSpec(
            'Distance to closest record (DCR)',
            hist.edges,
            [
              { name: 'to training rows', counts: hist.train, color: COLORS.real },
              { name: 'to holdout rows', counts: hist.holdout, color: '#54a24b' },
            ],
            'distance (0 = identical row)',
          ),
          `share closer to training than to holdout: ${esc(formatNumber(dcr!.value))} (0.5 is ideal)`,
        )),
    );
  } else if (dcr) {
    const med = dcr.details as { medianDcrTrain?: number; medianDcrHoldout?: number } | undefined;
    parts.push(
      `<h3>Distance to the closest real row</h3><p>Share of synthetic rows closer to a training row than to a holdout row: <b>${esc(
        formatNumber(dcr.value),
      )}</b> (0.5 is ideal)${
        med?.medianDcrTrain !== undefined && med.medianDcrHoldout !== undefined
          ? `; median distance to training ${esc(formatNumber(med.medianDcrTrain))}, to holdout ${esc(formatNumber(med.medianDcrHoldout))}`
          : ''
      }. (This evaluation carries no DCR histogram.)</p>`,
    );
  }
  // membership inference ROC curves
  const mia = pv.metrics.filter((m) => m.id.startsWith('mia_'));
  if (mia.length) {
    const curves: Curve[] = mia.flatMap((m) => {
      const r = rocOf(m);
      return r ? [{ name: `${m.id} (AUC ${formatNumber(m.value)})`, x: r.fpr, y: r.tpr }] : [];
    });
    parts.push(
      `<h3>Membership inference</h3><p class="explain">An attacker holds a person’s record and asks: “was this person in the training data?” The ROC curve shows the trade-off of each attack between catching members (true-positive rate) and falsely accusing non-members (false-positive rate). The dashed diagonal is guessing; the closer a curve hugs it, the safer.</p>` +
        (curves.length
          ? await charts.figure(
              rocSpec('ROC curves of the membership attacks', curves),
              'AUC 0.5 = guessing, 1 = every member identified.',
            )
          : '<p>(This evaluation carries no ROC curve points.)</p>'),
    );
  }
  // empirical vs claimed epsilon
  const emp = mia
    .map((m) => ({ id: m.id, e: m.details?.empiricalEpsilonLower }))
    .filter((x): x is { id: string; e: number } => typeof x.e === 'number' && Number.isFinite(x.e));
  if (emp.length) {
    const claimed = model?.privacy.type === 'dp' ? model.privacy.epsilon : null;
    const rows = [
      ...(claimed !== null ? [{ group: 'claimed by the model', series: 'claimed ε', value: claimed }] : []),
      ...emp.map((x) => ({ group: x.id, series: 'empirical ε (95% lower bound)', value: x.e })),
    ];
    const maxEmp = Math.max(...emp.map((x) => x.e));
    const verdict =
      claimed === null
        ? model
          ? `The model claims no ε (it is not differentially private); the attacks demonstrate a privacy loss of at least ε ≈ ${esc(formatNumber(maxEmp))}.`
          : `The model is unknown; the attacks demonstrate a privacy loss of at least ε ≈ ${esc(formatNumber(maxEmp))}.`
        : maxEmp <= claimed
          ? `Consistent: the attacks demonstrate at most ε ≈ ${esc(formatNumber(maxEmp))}, below the claimed ε = ${esc(formatEpsilon(claimed))}.`
          : `<b class="fail">Inconsistent:</b> the attacks demonstrate ε ≥ ${esc(formatNumber(maxEmp))}, above the claimed ε = ${esc(formatEpsilon(claimed))} — the claim or its implementation deserves scrutiny.`;
    parts.push(
      `<h3 id="epsilon-check">Empirical ε vs claimed ε</h3><p class="explain">Turning an attack’s success into a number on the same scale as the guarantee: with 95% confidence the real privacy loss is at least the empirical ε. A correct differential-privacy claim is never below it. Attacks are weak at small ε, so a low empirical ε does not prove a claim; a high one refutes it.</p>` +
        (await charts.figure(
          groupedBarsSpec({
            title: 'ε: claimed vs demonstrated by attacks',
            rows,
            xTitle: 'ε',
            seriesColors: { 'claimed ε': COLORS.pass, 'empirical ε (95% lower bound)': COLORS.fail },
          }),
          verdict,
        )),
    );
  }
  return section('privacy', 'Privacy risk', explain, parts.join(''));
}

function disclosureSection(d: DisclosureReport): string {
  const rows = d.steps
    .map((s) => {
      const cells = Object.entries(s.cellsChanged).filter(([, n]) => n > 0);
      const changed = cells.length
        ? cells.map(([c, n]) => `${esc(c)}: ${n.toLocaleString('en-US')}`).join('<br>')
        : '—';
      return `<tr data-step="${esc(s.step)}"><td>${esc(s.step)}</td><td>${esc(s.note)}</td><td>${changed}</td><td>${s.rows.toLocaleString('en-US')}</td><td>${
        s.readsTrainingData ? '<b>yes</b>' : 'no'
      }</td></tr>`;
    })
    .join('');
  const warning = d.warning
    ? `<div class="box nodp" id="disclosure-warning"><b>Warning:</b> ${esc(d.warning)}.</div>`
    : '<p>No step read the training data: these steps are post-processing of the synthetic table and leave its privacy guarantee as it was.</p>';
  return section(
    'disclosure',
    'Disclosure control',
    `Statistical disclosure control applied to the synthetic table after sampling, in this order, before it was evaluated: ${d.rowsIn.toLocaleString('en-US')} rows in, ${d.rowsOut.toLocaleString('en-US')} out. “Rows” counts the rows removed (training matches) or whose quasi-identifiers were suppressed (k-anonymisation).`,
    `<table class="grid"><thead><tr><th>Step</th><th>What it did</th><th>Cells changed</th><th>Rows</th><th>Read the training data</th></tr></thead><tbody>${rows}</tbody></table>${warning}`,
  );
}

function notesSection(ev: Evaluation): string {
  const warnings = ev.warnings.length
    ? `<ul>${ev.warnings.map((w) => `<li>${esc(w)}</li>`).join('')}</ul>`
    : '<p>No warnings.</p>';
  const total = ev.timings.reduce((a, t) => a + t.seconds, 0);
  const timings = ev.timings.length
    ? `<details><summary>Timings (${esc(formatNumber(total))} s in all)</summary><table class="grid"><tbody>${ev.timings
        .map((t) => `<tr><td>${esc(t.phase)}</td><td>${esc(formatNumber(t.seconds))} s</td></tr>`)
        .join('')}</tbody></table></details>`
    : '';
  return section(
    'notes',
    'Notes',
    'What the evaluation reported along the way: skipped metrics, subsampling, and how long each step took.',
    `${warnings}${timings}`,
  );
}

const CSS = `
:root{--real:${COLORS.real};--synth:${COLORS.synthetic};--pass:${COLORS.pass};--fail:${COLORS.fail};--ink:#1d1d1f;--muted:#5f6368;--line:#e3e3e3}
*{box-sizing:border-box}
body{margin:0;font:14px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;color:var(--ink);background:#fafafa}
header,main,footer{max-width:1180px;margin:0 auto;padding:0 24px}
header{padding-top:24px}
h1{font-size:26px;margin:0 0 4px}
h2{font-size:20px;margin:0 0 6px;border-bottom:2px solid var(--line);padding-bottom:4px}
h3{font-size:16px;margin:18px 0 6px}
.meta{color:var(--muted);margin:0 0 12px}
nav{margin:12px 0 4px;color:var(--muted)}
nav a{color:var(--real);text-decoration:none}
section{background:#fff;border:1px solid var(--line);border-radius:8px;padding:16px 20px;margin:16px 0}
.explain{color:var(--muted);max-width:900px}
.verdict{font-size:18px;font-weight:700;padding:10px 14px;border-radius:6px;margin:8px 0}
.verdict.pass{background:#e8f5e9;color:var(--pass);border:1px solid #a5d6a7}
.verdict.fail{background:#ffebee;color:var(--fail);border:1px solid #ef9a9a}
.banner{padding:8px 14px;border-radius:6px;margin:8px 0;font-weight:600}
.banner.nodp,.box.nodp{background:#fff3e0;border:1px solid #ffb74d;color:#8a4b00}
.banner.dp,.box.dp{background:#e3f2fd;border:1px solid #90caf9;color:#0d47a1}
.banner.unknown,.box.unknown{background:#f1f1f1;border:1px solid #ccc;color:#444}
.box{padding:10px 14px;border-radius:6px;margin:8px 0}
table{border-collapse:collapse;margin:8px 0}
th,td{padding:4px 10px;border-bottom:1px solid var(--line);text-align:left;vertical-align:top}
th{background:#f5f5f5;font-weight:600}
table.scorecard td.score,table.grid td{font-variant-numeric:tabular-nums}
td.status{font-weight:700;text-transform:uppercase;font-size:12px}
td.status.pass,b.pass{color:var(--pass)}
td.status.fail,b.fail{color:var(--fail)}
td.status.missing{color:#8a4b00}
td.note{color:var(--muted);font-size:12px;max-width:360px}
.why{color:var(--muted);font-size:12px}
.ci,.cols{color:var(--muted);font-size:12px}
.kv th{width:300px;background:none}
.charts{display:flex;flex-wrap:wrap;gap:12px}
figure.chart{margin:8px 0;display:inline-block;max-width:100%;overflow-x:auto}
figure.chart svg{max-width:100%;height:auto}
figcaption{color:var(--muted);font-size:12px;max-width:420px}
.sw{display:inline-block;width:10px;height:10px;border-radius:2px}
.sw.real{background:var(--real)}.sw.synth{background:var(--synth)}
details{margin:8px 0}
summary{cursor:pointer;color:var(--real)}
code{background:#f3f3f3;padding:0 4px;border-radius:3px}
footer{color:var(--muted);font-size:12px;padding-bottom:32px}
@media print{body{background:#fff}section{break-inside:avoid;border:none}nav{display:none}}
`;
