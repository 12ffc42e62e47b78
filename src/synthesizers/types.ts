import type { Table } from '../table/table.js';
import type { Schema } from '../table/schema.js';
import type { SecureRng } from '../random/secure.js';
import type { ProgressFn } from '../progress.js';
import type { PrivacyGuarantee } from '../privacy/guarantee.js';

export interface FitOptions {
  /** Seed for any randomness in a non-DP fit (and for non-noise choices of a DP fit). Default 0. */
  readonly seed?: number;
  /** DP synthesizers: the (ε, δ) budget of the whole fit, domain releases included. */
  readonly epsilon?: number;
  readonly delta?: number;
  /** DP noise source; a fresh WebCrypto-backed SecureRng by default. */
  readonly secureRng?: SecureRng;
  readonly onProgress?: ProgressFn;
  /** Synthesizer-specific options (documented on each synthesizer), validated by the synthesizer. */
  readonly options?: Readonly<Record<string, unknown>>;
}

export interface SampleOptions {
  /** Default 0; the same model, n and seed give the same rows. */
  readonly seed?: number;
  readonly onProgress?: ProgressFn;
}

/** A versioned, validated JSON file: schema, parameters and privacy ledger — never code, never raw rows. */
export interface ModelFile {
  readonly format: 'lookalike-model';
  readonly version: 1;
  readonly synthesizer: string;
  readonly createdAt: string;
  readonly schema: Schema;
  readonly privacy: PrivacyGuarantee;
  /** The privacy ledger (see privacy/ledger.ts) of a DP fit; null for non-DP models. */
  readonly ledger: unknown | null;
  /** Model parameters, validated by the synthesizer's `load`. */
  readonly params: unknown;
}

export interface Model {
  readonly synthesizer: string;
  readonly schema: Schema;
  readonly privacy: PrivacyGuarantee;
  /** Rows drawn from the model: the schema's columns (id and text columns included, see each synthesizer). */
  sample(n: number, opts?: SampleOptions): Table;
  toJSON(): ModelFile;
}

export interface Synthesizer {
  readonly name: string;
  /** One line for `--help` and reports. */
  readonly description: string;
  /**
   * `dp`: always differentially private (needs ε); `none`: never; `either`: differentially private when fitted
   * with an ε, not otherwise (the model's `privacy` says which).
   */
  readonly privacy: 'dp' | 'none' | 'either';
  /** A warning printed when a model is written, e.g. that the model file holds real values. */
  readonly modelFileNote?: string;
  /** Options accepted in `FitOptions.options`, for `--help` (name → description with default). */
  readonly optionsHelp?: Readonly<Record<string, string>>;
  fit(table: Table, schema: Schema, opts?: FitOptions): Promise<Model>;
  /** Rebuild a model from its file; throws a LookalikeError listing every problem with `file.params`. */
  load(file: ModelFile): Model;
}
