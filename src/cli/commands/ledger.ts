import type { Command } from '../command.js';
import { readModelLedger } from '../../io/documents.js';
import { formatLedger } from '../../privacy/ledger.js';

/**
 * `lookalike ledger model.json [--json]`: the privacy ledger of a model — every measurement of the private data
 * (query, columns, mechanism, noise scale, cost) and the total (ε, δ) *recomputed from those entries*
 * (privacy/ledger.ts), not copied from the file's claim. A non-DP model prints that it is not differentially
 * private. The file is validated as a model first (`readModelLedger`): exit 1 when it is not a valid model, when it
 * was forged or tampered with (a ledger on a non-DP model, an emptied ledger, a cost below what its noise scale
 * proves, a claim that understates the ledger).
 */
export const command: Command = {
  name: 'ledger',
  positionals: ['model'],
  async run(args, ctx) {
    const { synthesizer, ledger } = await readModelLedger(args.positionals[0]);
    const g = ledger?.guarantee();
    if (ctx.json)
      ctx.outJson({
        ...{ privacy: ledger ? 'dp' : 'none', entries: ledger?.entries ?? [] },
        ...{ epsilon: g?.epsilon ?? null, delta: g?.delta ?? null, rho: g?.rho ?? null },
      });
    else if (ledger) ctx.out(`${synthesizer} model — privacy ledger\n\n${formatLedger(ledger)}`);
    else
      ctx.out(
        `${synthesizer} model: NOT differentially private — it has no privacy ledger and no formal privacy guarantee.`,
      );
    return 0;
  },
};
