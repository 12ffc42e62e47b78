import type { Evaluation } from './evaluation.js';
import { formatNumber } from '../format.js';

/** Scores with three decimals (aligned columns); — when not computed. */
const fmt = (x: number | null | undefined): string =>
  x === null || x === undefined || !Number.isFinite(x) ? '—' : formatNumber(x, { fixed: 3 });

const pad = (s: string, w: number) => s + ' '.repeat(Math.max(0, w - s.length));

/**
 * The summary table the CLI prints: aggregates (each in [0, 1], 1 best, but w3_err), the utility table when a
 * target was evaluated, the privacy aggregate when present, the weakest columns and pairs, and any warnings.
 * Plain text, no colours, at most ~40 lines.
 */
export function formatSummary(e: Evaluation): string {
  const a = e.aggregates;
  const lines: string[] = [];
  const n = (x: number) => x.toLocaleString('en-US');
  lines.push(
    `lookalike evaluation: ${n(e.inputs.synthetic.rows)} synthetic vs ${n(e.inputs.real.rows)} real rows, ` +
      `${e.inputs.columns.filter((c) => c.evaluatedAs !== 'skipped').length} columns compared` +
      (e.inputs.holdout ? `, holdout ${n(e.inputs.holdout.rows)} rows (${e.inputs.holdout.source})` : ''),
  );
  lines.push('');
  const rows: [string, string, string][] = [
    [
      'quality (SDMetrics)',
      fmt(a.quality),
      `column shapes ${fmt(a.columnShapes)}, column pair trends ${fmt(a.columnPairTrends)}`,
    ],
    [
      'statistical similarity',
      fmt(a.statisticalSimilarity),
      'shapes, JS, Wasserstein, 3-way marginals, MMD, detection',
    ],
    [
      'correlation preservation',
      fmt(a.correlationPreservation),
      "Pearson, Spearman, contingency, Cramér's V, MI",
    ],
    ['data validity', fmt(a.dataValidity), 'boundaries, categories, ranges, missing rates'],
    [
      'class balance',
      fmt(a.classBalance),
      e.inputs.target ? `target "${e.inputs.target.name}"` : 'no categorical target',
    ],
    ['ML utility', fmt(a.mlUtility), e.utility ? `TSTR / TRTR ${e.utility.mainMetric}` : 'no target'],
    ['w3_err (lower is better)', fmt(a.w3Error), 'mean TV distance of 3-way marginals'],
  ];
  if (e.privacy) {
    rows.push(['privacy', fmt(e.privacy.aggregate), `${e.privacy.metrics.length} privacy-risk metrics`]);
  }
  rows.push(['overall', fmt(a.overall), 'mean of the scores above (w3_err excluded)']);
  const w = Math.max(...rows.map((r) => r[0].length)) + 2;
  lines.push(`${pad('aggregate', w)}${pad('score', 8)}what`);
  for (const [k, v, what] of rows) lines.push(`${pad(k, w)}${pad(v, 8)}${what}`);

  if (e.utility) {
    const u = e.utility;
    lines.push('');
    lines.push(`utility: predict "${u.target}" (${u.task}) from ${u.features.length} columns`);
    const keys = u.task === 'regression' ? ['r2', 'rmse', 'mae'] : ['rocAuc', 'accuracy', 'f1'];
    lines.push(
      `${pad('model', 10)}${keys.map((k) => pad(`TRTR ${k}`, 15) + pad(`TSTR ${k}`, 15)).join('')}ratio`,
    );
    for (const m of u.models) {
      lines.push(
        `${pad(m.model, 10)}${keys.map((k) => pad(fmt(m.trtr[k]), 15) + pad(fmt(m.tstr[k]), 15)).join('')}${fmt(m.ratio)}`,
      );
    }
    if (u.featureImportance)
      lines.push(`feature-importance rank agreement (Spearman): ${fmt(u.featureImportance.spearman)}`);
  }

  const worst = (id: string | string[], k: number) =>
    e.metrics
      .filter((m) => (Array.isArray(id) ? id.includes(m.id) : m.id === id) && Number.isFinite(m.score))
      .sort((x, y) => x.score - y.score)
      .slice(0, k);
  const wc = worst(['ks_complement', 'tv_complement'], 3);
  if (wc.length) {
    lines.push('');
    lines.push(`weakest columns: ${wc.map((m) => `${m.columns!.join(', ')} ${fmt(m.score)}`).join('; ')}`);
  }
  const wp = [...e.pairs.trends]
    .filter((t) => Number.isFinite(t.score))
    .sort((x, y) => x.score - y.score)
    .slice(0, 3);
  if (wp.length)
    lines.push(`weakest pairs: ${wp.map((t) => `${t.columns.join(' × ')} ${fmt(t.score)}`).join('; ')}`);
  const total = e.timings.find((t) => t.phase === 'total');
  if (total) lines.push(`evaluated in ${total.seconds.toFixed(2)} s`);
  for (const wn of e.warnings) lines.push(`warning: ${wn}`);
  return lines.join('\n');
}
