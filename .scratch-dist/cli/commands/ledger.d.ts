import type { Command } from '../command.js';
/**
 * `lookalike ledger model.json [--json]`: the privacy ledger of a model — every measurement of the private data
 * (query, columns, mechanism, noise scale, cost) and the total (ε, δ) *recomputed from those entries*
 * (privacy/ledger.ts), not copied from the file's claim. A non-DP model prints that it is not differentially
 * private. The file is validated as a model first (`readModelLedger`): exit 1 when it is not a valid model, when it
 * was forged or tampered with (a ledger on a non-DP model, an emptied ledger, a cost below what its noise scale
 * proves, a claim that understates the ledger).
 */
export declare const command: Command;
