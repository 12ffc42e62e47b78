import type { Command } from '../command.js';
import { printJson } from '../shared.js';
import { readJsonFile } from '../../io/index.js';
import { LookalikeError } from '../../errors.js';
import { formatLedger, PrivacyLedger } from '../../privacy/ledger.js';

/**
 * `lookalike ledger model.json [--json]`: the privacy ledger of a model — every measurement of the private data
 * (query, columns, mechanism, noise scale, cost) and the total (ε, δ) *recomputed from those entries*
 * (privacy/ledger.ts), not copied from the file's claim. A non-DP model prints that it is not differentially
 * private. Exit 1 when the file's claim understates what its ledger proves (a tampered or buggy file).
 */
export const ledgerCommand: Command = {
  name: 'ledger',
  summary: 'print the privacy ledger of a model: every measurement and the total (ε, δ)',
  usage: 'lookalike ledger <model.json> [--json]',
  description:
    'Reads a model file written by lookalike fit and prints its privacy ledger: one line per measurement of the ' +
    'private data (what was measured, which columns, the mechanism, its noise scale and its cost as zCDP ρ, pure ε ' +
    'or δ), then the total (ε, δ) computed from those entries with the tight zCDP conversion, rounded up. ' +
    'With --json: { entries, epsilon, delta, rho }. A model of a non-DP synthesizer has no ledger and is reported ' +
    'as not differentially private. See docs/privacy.md.',
  positionals: ['model'],
  options: {},
  examples: [
    'npx lookalike fit node_modules/vega-datasets/data/penguins.json --synthesizer mst --epsilon 1 --option dpDomains=0.1 --out penguins-mst.json && npx lookalike ledger penguins-mst.json',
  ],
  async run(args, ctx) {
    const path = args.positionals[0];
    const json = (await readJsonFile(path, 'model file')) as Record<string, unknown> | null;
    if (!json || typeof json !== 'object' || json.format !== 'lookalike-model') {
      throw new LookalikeError(`${path} is not a lookalike model file (format "lookalike-model")`);
    }
    const synth = typeof json.synthesizer === 'string' ? json.synthesizer : 'unknown';
    const claim = json.privacy as { type?: string; epsilon?: number; delta?: number } | undefined;
    if (json.ledger === null || json.ledger === undefined) {
      if (claim?.type === 'dp') {
        throw new LookalikeError(
          `${path} claims differential privacy but holds no privacy ledger to back it`,
        );
      }
      if (ctx.json) printJson(ctx, { privacy: 'none', entries: [], epsilon: null, delta: null, rho: null });
      else
        ctx.out(
          `${synth} model: NOT differentially private — it has no privacy ledger and no formal privacy guarantee.`,
        );
      return 0;
    }
    const ledger = PrivacyLedger.fromJSON(json.ledger, `the privacy ledger of ${path}`);
    const g = ledger.guarantee();
    if (ctx.json) {
      printJson(ctx, {
        privacy: 'dp',
        entries: ledger.entries,
        epsilon: g.epsilon,
        delta: g.delta,
        rho: g.rho,
      });
    } else {
      ctx.out(`${synth} model — privacy ledger\n\n${formatLedger(ledger)}`);
    }
    if (
      claim?.type !== 'dp' ||
      !(typeof claim.epsilon === 'number' && claim.epsilon >= g.epsilon) ||
      claim.delta !== g.delta
    ) {
      ctx.err(
        `warning: the model's stated privacy (${claim?.type === 'dp' ? `ε = ${claim.epsilon}, δ = ${claim.delta}` : 'none'}) ` +
          `does not match what its ledger proves (ε = ${g.epsilon}, δ = ${g.delta}); trust the ledger`,
      );
      return 1;
    }
    return 0;
  },
};
