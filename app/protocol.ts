/**
 * The messages between the page (app/main.ts) and its worker (app/worker.ts). Everything the page shows is
 * computed in the worker; the page only renders these plain values, so its thread stays free.
 */
import type { ColumnKind, Domain, Role, SchemaFact } from '../src/browser.js';

/** What the page sends. */
export type ToWorker =
  /** A dropped or picked file; `memoryLimit` in bytes (see app/memory.ts). */
  | { type: 'open'; file: File; memoryLimit: number }
  /** Rebuild the table with this metadata (null: inferred, as the CLI without --metadata). */
  | { type: 'metadata'; metadata: MetadataJSON | null }
  /** Declare every column's schema facts and domain public (as `lookalike inspect --public-domains`). */
  | { type: 'declare-public' }
  | { type: 'run'; spec: RunSpec };

export interface MetadataJSON {
  version: 1;
  missingValues?: string[];
  columns: ({ name: string } & Record<string, unknown>)[];
}

export interface ColumnInfo {
  name: string;
  kind: ColumnKind;
  integer?: boolean;
  role?: Role;
  missing: number;
  domain?: Domain;
  inferredFacts?: readonly SchemaFact[];
}

export interface SchemaInfo {
  file: string;
  format: string;
  bytes: number;
  rows: number;
  columns: ColumnInfo[];
  warnings: string[];
  /** The metadata the table was built with (null: none, everything inferred). */
  metadata: MetadataJSON | null;
}

export interface SynthesizerChoice {
  name: string;
  privacy: 'dp' | 'none' | 'either';
  description: string;
}

export interface RunSpec {
  /** 'single': one fit, its report; 'sweep': every ε of `epsilons`, the trade-off chart and the recommended point. */
  mode: 'single' | 'sweep';
  synthesizer: string;
  epsilon?: number;
  delta?: number;
  epsilons?: number[];
  seed: number;
  /** The column to predict for utility (default: the schema's target role, else none). */
  target?: string;
  /** Run the privacy attacks (default true). */
  attacks: boolean;
  /**
   * Sweeps: also fit the non-DP baselines (`DEFAULT_SWEEP_BASELINES`: gaussian-copula, cart, independent) once
   * each and draw them at ε = ∞, as `lookalike sweep` does by default (`--baselines none` turns them off).
   */
  baselines?: boolean;
}

/**
 * The files of a run, as Blobs made in the worker: a Blob crosses to the page by reference, so the page never
 * copies or parses megabytes of text on its own thread (the report is shown from its Blob URL).
 */
export interface Downloads {
  /** synthetic.csv: the bytes `lookalike run` writes for the same table and seed. */
  synthetic: Blob;
  /** model.json */
  model: Blob;
  /** report.html */
  report: Blob;
  /** metadata.json (the schema used; a DP model's own schema) */
  metadata: Blob;
  /** evaluation.json */
  evaluation: Blob;
  /** sweep.html (the trade-off chart), sweeps only */
  sweep?: Blob;
}

export interface RunResult {
  title: string;
  guarantee: string;
  verdict: string;
  quality: number | null;
  rows: { input: number; fitted: number; holdout: number; synthetic: number };
  seconds: number;
  /** Sweeps: which point the downloads are, and why. */
  recommendation?: string;
  downloads: Downloads;
}

/** What the worker sends. */
export type FromWorker =
  | { type: 'ready'; synthesizers: SynthesizerChoice[] }
  | { type: 'schema'; info: SchemaInfo }
  | { type: 'step'; text: string }
  | { type: 'progress'; phase: string; done?: number; total?: number; message?: string }
  | { type: 'note'; text: string }
  | { type: 'result'; result: RunResult }
  | {
      type: 'error';
      /** Where it happened: reading the file, building the schema, or the run. */
      stage: 'open' | 'schema' | 'run';
      message: string;
      problems: string[];
      /** A DP run refused for domains or facts read off the data: the page offers "declare public". */
      needsPublic: boolean;
    };
