import type { Command } from '../command.js';
import { int, str, usage } from '../args.js';
import { gateExit, hooks, policyFlag, printJson, readerLike } from '../shared.js';
import { readInput } from '../shared.js';
import { ATTACK_FLAGS, attackCountFlag, attacksFlag, withWorkerSearch } from '../attacks.js';
import { readModelSummary } from '../../io/documents.js';
import { flags, privacyFlag, READ_FLAGS } from '../flags.js';
import { checkOutputFile, refuseOverwrite } from '../../io/overwrite.js';
import { evaluateDatabase } from './relational.js';
import { isDatabaseInput } from '../../io/relational.js';
import { writeFileAtomic } from '../../io/index.js';
import { formatSummary } from '../../metrics/index.js';
import { formatScorecard } from '../../policy/index.js';
import { getSynthesizer } from '../../synthesizers/registry.js';
import { assess, gate } from '../../pipeline/index.js';

export const evaluateCommand: Command = {
  name: 'evaluate',
  summary: 'measure the fidelity and utility of a synthetic table against the real one',
  usage:
    'lookalike evaluate <real> <synthetic> [--holdout H] [--target COL] [--metadata M] [--seed S] [--privacy on|off] [--attacks A,B] [--model M] [--policy P] [--json] --out evaluation.json',
  description:
    'Compares a synthetic table with the real table it imitates: per-column distributions, pairwise dependence, ' +
    '3-way marginals, distance-based and detection metrics, and — with a target column — the utility of models ' +
    'trained on the synthetic rows and tested on real held-out rows (TSTR vs TRTR). Prints a summary table with ' +
    'scores in [0, 1] (1 best), including the SDMetrics-compatible quality score, and writes every metric, ' +
    'histograms and correlation matrices to a versioned JSON file (format lookalike-evaluation, see ' +
    'docs/evaluation.md) that lookalike report renders. The synthetic table and the holdout are read with the real ' +
    "table's column kinds. Without --holdout, utility holds out 20% of the real rows (seeded). With --holdout the " +
    'privacy-risk attacks run too (distance to closest record, membership inference, singling out, linkability, ' +
    'attribute inference, k-anonymity; --privacy off or --attacks none skips them, --attacks chooses) with the ' +
    'holdout as the control, and their results join the JSON under "privacy". --model gives the claimed ε to ' +
    'compare with the empirical one. The library call is assess (docs/pipeline.md).',
  positionals: ['real', 'synthetic'],
  options: flags([...READ_FLAGS, 'policy', 'model', 'holdout', 'target', 'metadata', 'seed', 'privacy'], {
    ...ATTACK_FLAGS,
    synthesizer: {
      type: 'string',
      placeholder: 'NAME',
      description:
        'the synthesizer that made the table, for the shadow-modelling attack (default: from --model)',
    },
    out: {
      type: 'string',
      short: 'o',
      placeholder: 'FILE',
      description: 'where to write the evaluation (.json)',
    },
  }),
  examples: [
    'npx lookalike run node_modules/vega-datasets/data/penguins.json --out-dir penguins-out  # writes penguins-out/synthetic.csv',
    'npx lookalike evaluate node_modules/vega-datasets/data/penguins.json penguins-out/synthetic.csv --target Species --out evaluation.json',
  ],
  async run(args, ctx) {
    if (isDatabaseInput(args.positionals[0])) return evaluateDatabase(args, ctx);
    const out = str(args, 'out');
    if (out === undefined && !ctx.json)
      throw usage(
        '--out is required (where to write the evaluation, e.g. --out evaluation.json) unless --json is given',
      );
    if (out !== undefined) checkOutputFile(out, 'out', 'json');
    const [realPath, synthPath] = args.positionals;
    const holdoutPath = str(args, 'holdout');
    const modelPath = str(args, 'model');
    const inputs = [
      { path: realPath, what: 'the real table' },
      { path: synthPath, what: 'the synthetic table' },
      { path: holdoutPath, what: 'the holdout table' },
      { path: str(args, 'metadata'), what: 'the metadata file' },
      { path: modelPath, what: 'the model file' },
      { path: str(args, 'policy'), what: 'the policy file' },
    ];
    refuseOverwrite(inputs, [{ path: out, what: '--out' }]);
    const privacy = privacyFlag(args);
    if (privacy && holdoutPath === undefined)
      throw usage(
        '--privacy on needs --holdout: the attacks compare the synthetic rows with real rows the synthesizer never saw',
      );
    const attacks = attacksFlag(args);
    const nAttacks = attackCountFlag(args);
    const model = modelPath ? await readModelSummary(modelPath) : null;
    const shadow = str(args, 'synthesizer') ?? model?.synthesizer;
    const wantsShadow = attacks !== 'none' && attacks?.includes('shadow');
    if (wantsShadow && !shadow)
      throw usage('the shadow attack re-fits the synthesizer: give --model or --synthesizer');
    const synthesizer = wantsShadow && shadow ? getSynthesizer(shadow) : undefined;
    const seed = int(args, 'seed', { default: 0 });
    const policy = await policyFlag(args);
    const real = await readInput(realPath, args, ctx);
    const readLike = readerLike(real.schema, ctx);
    const synthetic = await readLike(synthPath);
    const holdout = holdoutPath ? await readLike(holdoutPath) : null;
    const target = str(args, 'target');
    const evaluation = await withWorkerSearch((search) =>
      assess(real.table, synthetic, holdout, {
        ...hooks(ctx),
        schema: real.schema,
        seed,
        guarantee: model?.privacy ?? null,
        ...{ target, privacy, attacks, nAttacks, search, synthesizer },
      }),
    );
    if (out !== undefined) await writeFileAtomic(out, `${JSON.stringify(evaluation)}\n`);
    if (ctx.json) printJson(ctx, evaluation);
    else ctx.out(`${formatSummary(evaluation)}\nevaluation: ${out}`);
    if (!policy) return 0;
    const g = gate(evaluation, policy, model?.privacy ?? null);
    if (!ctx.json) ctx.out(formatScorecard(g.scorecard));
    return gateExit(g, true, ctx);
  },
};
