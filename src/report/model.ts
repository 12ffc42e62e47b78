/**
 * What the report says about the model that produced the synthetic table: its synthesizer, its claimed privacy
 * guarantee and its privacy ledger. The evaluation does not carry it; the CLI reads it from the model file
 * (`--model model.json`) or takes it from the fit it just ran.
 */
import type { ModelFile } from '../synthesizers/types.js';
import type { PrivacyGuarantee } from '../privacy/guarantee.js';
import { PrivacyLedger, type LedgerEntry } from '../privacy/ledger.js';

export interface ModelSummary {
  readonly synthesizer: string;
  readonly privacy: PrivacyGuarantee;
  /** The ledger of a DP fit (LedgerJSON of src/privacy/ledger.ts); null for non-DP models. */
  readonly ledger: LedgerView | null;
  readonly createdAt?: string;
}

/** The parts of a ledger the report shows. */
export interface LedgerView {
  readonly accounting?: string;
  readonly budget?: { readonly epsilon: number; readonly delta: number };
  readonly entries: readonly LedgerEntry[];
  readonly total?: { readonly epsilon: number; readonly delta: number; readonly rho?: number };
}

/** The model summary of a (validated) model file. A ledger that does not have the expected shape is dropped. */
export function modelSummary(file: ModelFile): ModelSummary {
  // issue 10: every total shown is recomputed from the ledger's entries, never the file's own claim or total; a
  // DP claim without a valid ledger is shown as no guarantee
  let ledger: PrivacyLedger | null = null;
  try {
    if (file.ledger !== null && file.ledger !== undefined) ledger = PrivacyLedger.fromJSON(file.ledger);
  } catch {
    ledger = null;
  }
  return {
    synthesizer: file.synthesizer,
    privacy: ledger ? ledger.guarantee() : { type: 'none' },
    ledger: ledger ? asLedger(ledger.toJSON()) : null,
    createdAt: file.createdAt,
  };
}

export function asLedger(x: unknown): LedgerView | null {
  if (typeof x !== 'object' || x === null) return null;
  const l = x as Record<string, unknown>;
  if (!Array.isArray(l.entries)) return null;
  const entries = (l.entries as unknown[]).filter(
    (e): e is LedgerEntry =>
      typeof e === 'object' &&
      e !== null &&
      typeof (e as LedgerEntry).query === 'string' &&
      typeof (e as LedgerEntry).mechanism === 'string' &&
      typeof (e as LedgerEntry).rho === 'number',
  );
  const num = (v: unknown): number | undefined => (typeof v === 'number' ? v : undefined);
  const b = l.budget as Record<string, unknown> | undefined;
  const t = l.total as Record<string, unknown> | undefined;
  return {
    ...(typeof l.accounting === 'string' ? { accounting: l.accounting } : {}),
    ...(b && num(b.epsilon) !== undefined && num(b.delta) !== undefined
      ? { budget: { epsilon: num(b.epsilon)!, delta: num(b.delta)! } }
      : {}),
    entries,
    ...(t && num(t.epsilon) !== undefined && num(t.delta) !== undefined
      ? {
          total: {
            epsilon: num(t.epsilon)!,
            delta: num(t.delta)!,
            ...(num(t.rho) !== undefined ? { rho: num(t.rho)! } : {}),
          },
        }
      : {}),
  };
}
