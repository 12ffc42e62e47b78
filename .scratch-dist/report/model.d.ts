/**
 * What the report says about the model that produced the synthetic table: its synthesizer, its claimed privacy
 * guarantee and its privacy ledger. The evaluation does not carry it; the CLI reads it from the model file
 * (`--model model.json`) or takes it from the fit it just ran.
 */
import type { ModelFile } from '../synthesizers/types.js';
import type { PrivacyGuarantee } from '../privacy/guarantee.js';
import { type LedgerEntry } from '../privacy/ledger.js';
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
    readonly budget?: {
        readonly epsilon: number;
        readonly delta: number;
    };
    readonly entries: readonly LedgerEntry[];
    readonly total?: {
        readonly epsilon: number;
        readonly delta: number;
        readonly rho?: number;
    };
}
/** The model summary of a (validated) model file. A ledger that does not have the expected shape is dropped. */
export declare function modelSummary(file: ModelFile): ModelSummary;
export declare function asLedger(x: unknown): LedgerView | null;
