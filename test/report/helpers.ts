import { readFileSync } from 'node:fs';
import type { ReportInput } from '../../src/report/html.js';
import { asEvaluation } from '../../src/metrics/index.js';
import { modelSummary } from '../../src/report/model.js';
import { applyPolicy, policySubject } from '../../src/policy/index.js';
import { DEFAULT_POLICY } from '../../src/policy/index.js';
import type { ModelFile } from '../../src/synthesizers/types.js';

/** Number of drawn mark items (path/rect/line/text… inside role-mark groups). */
export function markCount(svg: string): number {
  let n = 0;
  const re = /<g class="mark-(\w+) role-mark[^"]*"[^>]*>([\s\S]*?)<\/g>/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(svg))) n += (m[2].match(/<(path|rect|line|text|circle)\b/g) ?? []).length;
  return n;
}

export const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8'));

export function reportInput(evalName: string, model: 'dp' | 'none' | null): ReportInput {
  const evaluation = asEvaluation(fixture(evalName), evalName);
  const file = fixture('model-dp.json') as ModelFile;
  const m =
    model === 'dp'
      ? modelSummary(file)
      : model === 'none'
        ? modelSummary({ ...file, synthesizer: 'gaussian-copula', privacy: { type: 'none' }, ledger: null })
        : null;
  const scorecard = applyPolicy(policySubject(evaluation, m?.privacy ?? null), DEFAULT_POLICY);
  return { evaluation, scorecard, model: m };
}

/** The skeleton of a report: sections, headings, scorecard rows, charts and their marks. */
export function structureOf(html: string) {
  const all = (re: RegExp) => [...html.matchAll(re)].map((m) => m[1]);
  const svgs = html.match(/<svg[\s\S]*?<\/svg>/g) ?? [];
  return {
    sections: all(/<section id="([^"]+)"/g),
    h2: all(/<h2>([^<]+)<\/h2>/g),
    h3: all(/<h3[^>]*>([^<]+)<\/h3>/g),
    verdict: all(/id="verdict" data-verdict="(\w+)"/g)[0],
    banner: all(/<div class="banner (\w+)" id="privacy-banner"/g)[0],
    scorecard: [
      ...html.matchAll(/<tr data-id="([^"]+)" data-status="(\w+)"><td class="metric">([^<]+)/g),
    ].map((m) => `${m[1]} ${m[2]} ${m[3]}`),
    charts: svgs.length,
    chartsWithoutMarks: svgs.filter((s) => markCount(s) === 0).length,
  };
}

/**
 * A real evaluation: `evaluate()` + the privacy suite + the projection of gaussian-copula on penguins.json, made with
 *   npx lookalike sweep node_modules/vega-datasets/data/penguins.json --synthesizers gaussian-copula \
 *     --target Species --seed 0 --out-dir /tmp/p
 *   cp /tmp/p/points/gaussian-copula-nodp.evaluation.json test/report/fixtures/evaluation-penguins.json
 *   cp /tmp/p/points/gaussian-copula-nodp.model.json test/report/fixtures/model-penguins.json
 * then `npx prettier --write test/report/fixtures` and `npx vitest run test/report -u` (the golden structure).
 */
export function penguinsInput(): ReportInput {
  const evaluation = asEvaluation(fixture('evaluation-penguins.json'), 'evaluation-penguins.json');
  const m = modelSummary(fixture('model-penguins.json') as ModelFile);
  const scorecard = applyPolicy(policySubject(evaluation, m.privacy), DEFAULT_POLICY);
  return { evaluation, scorecard, model: m };
}
