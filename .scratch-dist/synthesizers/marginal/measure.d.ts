import type { Measurement } from '../../pgm/estimate.js';
import type { PrivacyLedger } from '../../privacy/ledger.js';
import type { SecureRng } from '../../random/secure.js';
import type { CountSource } from './counts.js';
/** The noise of a measurement: a cost ρ (σ = 1/√(2ρ)) or a scale σ (cost 1/(2σ²)); sensitivity 1. */
export type Noise = {
    readonly rho: number;
} | {
    readonly sigma: number;
};
/**
 * Measure the marginals over `sets` with the discrete Gaussian mechanism, every one charged to the ledger before
 * its noise is drawn (query "marginal", the columns named by `names`). The counts come from `source`; each
 * count vector has L2 sensitivity 1 under add/remove-one-row. Returns the noisy measurements for `pgm/` — the
 * only form in which the data reaches estimation.
 */
export declare function measureMarginals(source: CountSource, sets: readonly (readonly number[])[], noise: Noise, ledger: PrivacyLedger, rng: SecureRng, names: readonly string[]): Promise<Measurement[]>;
/** One marginal; see `measureMarginals`. */
export declare function measureMarginal(source: CountSource, attrs: readonly number[], noise: Noise, ledger: PrivacyLedger, rng: SecureRng, names: readonly string[]): Promise<Measurement>;
