import type { Command } from '../command.js';
import { printJson } from '../shared.js';
import { readJsonFile } from '../../io/index.js';
import { LookalikeError } from '../../errors.js';
import { formatLedger, PrivacyLedger } from '../../privacy/ledger.js';
import { openModel } from '../../synthesizers/registry.js';

/**
 * `lookalike ledger model.json [--json]`: the privacy ledger of a model — every measurement of the private data
 * (query, columns, mechanism, noise scale, cost) and the total (ε, δ) *recomputed from those entries*
 * (privacy/ledger.ts), not copied from the file's claim. A non-DP model prints that it is not differentially
 * private. The file is validated as a model first (`openModel`): exit 1 when it is not a valid model, when it was
 * forged or tampered with (a ledger on a non-DP model, an emptied ledger, a cost below what its noise scale
 * proves, a claim that understates the ledger).
 */
export const command: Command = {
  name: 'ledger',
  positionals: ['model'],
  async run(args, ctx) {
    const path = args.positionals[0];
    const json = (await readJsonFile(path, 'model file')) as Record<string, unknown> | null;
    if (!json || typeof json !== 'object' || json.format !== 'lookalike-model') {
      throw new LookalikeError(`${path} is not a lookalike model file (format "lookalike-model")`);
    }
    // the whole file is validated as a model first (issue 10): a forged or tampered file — a ledger on a model that
    // cannot be DP, an emptied ledger, costs inconsistent with their noise — is refused (exit 1), not printed
    const model = await openModel(json, path);
    const synth = model.synthesizer;
    if (json.ledger === null || json.ledger === undefined) {
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
    return 0;
  },
};
