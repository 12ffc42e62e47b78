import type { Command } from '../command.js';
import { int, str, usage } from '../args.js';
import {
  checkOutputFile,
  readOptionsFrom,
  READ_OPTIONS,
  printJson,
  readInput,
  readModel,
} from '../shared.js';
import { ATTACK_COUNT_OPTION, attackCountOption, attacksOption, neighbourSearch } from '../attacks.js';
import { PRIVACY_ATTACKS } from '../../metrics/privacy/index.js';
import { readTable, writeFileAtomic } from '../../io/index.js';
import { parseMetadata, schemaToMetadata } from '../../table/metadata.js';
import type { Schema } from '../../table/schema.js';
import { evaluate, formatSummary, type Evaluation } from '../../metrics/index.js';
import { evaluatePrivacy } from '../../metrics/privacy/index.js';
import { gateEvaluation, policyFromArgs, POLICY_OPTIONS } from './report.js';
import { getSynthesizer } from '../../synthesizers/registry.js';
import { refuseOverwrite } from '../overwrite.js';
import { evaluateDatabase, isDatabaseInput } from './relational.js';

/**
 * Metadata that reads the synthetic table and the holdout with the real table's kinds, formats and missing-value
 * markers (domains are left out: category lists are matched by name when the tables are compared).
 */
export function readAlikeMetadata(schema: Schema) {
  const m = schemaToMetadata(schema) as { columns: Record<string, unknown>[] };
  return parseMetadata(
    {
      ...m,
      columns: m.columns.map((c) => {
        const { domain: _domain, nullable: _nullable, role: _role, ...rest } = c;
        return rest;
      }),
    },
    'the real table’s schema',
  );
}

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
    'attribute inference, k-anonymity; --privacy off skips them, --attacks chooses) with the holdout as the control, ' +
    'and their results join the JSON under "privacy". --model gives the claimed ε to compare with the empirical one.',
  positionals: ['real', 'synthetic'],
  options: {
    ...READ_OPTIONS,
    ...POLICY_OPTIONS,
    holdout: {
      type: 'string',
      placeholder: 'H',
      description: 'real rows the synthesizer never saw (for utility); default: a seeded 20% of <real>',
    },
    target: {
      type: 'string',
      short: 't',
      placeholder: 'COL',
      description: 'column to predict for utility (default: the column whose role is target)',
    },
    metadata: {
      type: 'string',
      short: 'm',
      placeholder: 'M',
      description: 'metadata JSON for the real table: kinds, roles (target, sensitive, id)',
    },
    seed: {
      type: 'string',
      placeholder: 'S',
      description: 'seed of every subsample, split and model (default 0)',
    },
    privacy: {
      type: 'string',
      placeholder: 'on|off',
      description:
        'the privacy-risk attacks: on by default when --holdout is given (see docs/privacy-risk.md)',
    },
    attacks: {
      type: 'string',
      placeholder: 'A,B',
      description: `attacks to run (default all but shadow): ${PRIVACY_ATTACKS.join(', ')}`,
    },
    ...ATTACK_COUNT_OPTION,
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
  },
  examples: [
    'npx lookalike run node_modules/vega-datasets/data/penguins.json --out-dir penguins-out  # writes penguins-out/synthetic.csv',
    'npx lookalike evaluate node_modules/vega-datasets/data/penguins.json penguins-out/synthetic.csv --target Species --out evaluation.json',
  ],
  async run(args, ctx) {
    if (isDatabaseInput(args.positionals[0])) return evaluateDatabase(args, ctx);
    const out = str(args, 'out');
    if (out === undefined && !ctx.json) {
      throw usage(
        '--out is required (where to write the evaluation, e.g. --out evaluation.json) unless --json is given',
      );
    }
    if (out !== undefined) checkOutputFile(out, 'out', 'json');
    refuseOverwrite(
      [
        { path: args.positionals[0], what: 'the real table' },
        { path: args.positionals[1], what: 'the synthetic table' },
        { path: str(args, 'holdout'), what: 'the holdout table' },
        { path: str(args, 'metadata'), what: 'the metadata file' },
        { path: str(args, 'model'), what: 'the model file' },
        { path: str(args, 'policy'), what: 'the policy file' },
      ],
      [{ path: out, what: '--out' }],
    );
    const privacyOpt = str(args, 'privacy');
    if (privacyOpt !== undefined && privacyOpt !== 'on' && privacyOpt !== 'off')
      throw usage(`--privacy must be on or off, got "${privacyOpt}"`);
    if (privacyOpt === 'on' && str(args, 'holdout') === undefined) {
      throw usage(
        '--privacy on needs --holdout: the attacks compare the synthetic rows with real rows the synthesizer never saw',
      );
    }
    const privacy = privacyOpt !== 'off' && str(args, 'holdout') !== undefined;
    const attacks = attacksOption(str(args, 'attacks'));
    const nAttacks = attackCountOption(args);
    const modelPath = str(args, 'model');
    const model = modelPath ? await readModel(modelPath) : null;
    const shadowSynth = str(args, 'synthesizer') ?? model?.synthesizer;
    if (attacks?.includes('shadow') && !shadowSynth)
      throw usage('the shadow attack re-fits the synthesizer: give --model or --synthesizer');
    const shadowSynthesizer =
      attacks?.includes('shadow') && shadowSynth ? getSynthesizer(shadowSynth) : undefined;
    const seed = int(args, 'seed', { default: 0 });
    const policy = await policyFromArgs(args);
    const [realPath, synthPath] = args.positionals;
    const real = await readInput(realPath, str(args, 'metadata'), ctx, undefined, readOptionsFrom(args));
    const alike = readAlikeMetadata(real.schema);
    const readLike = async (path: string) => {
      ctx.step(`reading ${path}`);
      const r = await readTable(path, { metadata: alike, onWarning: (w) => ctx.err(`warning: ${w}`) });
      for (const w of r.warnings) ctx.err(`warning: ${w}`);
      return r.table;
    };
    const synthetic = await readLike(synthPath);
    const holdoutPath = str(args, 'holdout');
    const holdout = holdoutPath ? await readLike(holdoutPath) : undefined;
    const target = str(args, 'target');
    ctx.step('evaluating');
    let evaluation: Evaluation = await evaluate(real.table, synthetic, {
      schema: real.schema,
      seed,
      onProgress: ctx.progress,
      ...(holdout ? { holdout } : {}),
      ...(target !== undefined ? { target } : {}),
    });
    if (privacy && holdout) {
      ctx.step('privacy-risk suite');
      const t0 = Date.now();
      const nn = neighbourSearch();
      let p;
      try {
        p = await evaluatePrivacy(real.table, synthetic, holdout, {
          schema: real.schema,
          seed,
          onProgress: ctx.progress,
          ...(attacks ? { attacks } : {}),
          ...(nAttacks !== undefined ? { nAttacks } : {}),
          ...(nn.search ? { search: nn.search } : {}),
          ...(shadowSynthesizer ? { synthesizer: shadowSynthesizer } : {}),
          ...(model?.privacy.type === 'dp'
            ? { claimedEpsilon: model.privacy.epsilon, claimedDelta: model.privacy.delta }
            : {}),
        });
      } finally {
        await nn.close();
      }
      evaluation = {
        ...evaluation,
        privacy: p,
        timings: [...evaluation.timings, { phase: 'privacy', seconds: (Date.now() - t0) / 1000 }],
        warnings: [...evaluation.warnings, ...p.warnings],
      };
    }
    if (out !== undefined) await writeFileAtomic(out, `${JSON.stringify(evaluation)}\n`);
    if (ctx.json) printJson(ctx, evaluation);
    else ctx.out(`${formatSummary(evaluation)}\nevaluation: ${out}`);
    return gateEvaluation(evaluation, policy, args, ctx);
  },
};
