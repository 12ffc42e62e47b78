/**
 * The browser entry: everything but io/ and cli/ (DESIGN.md). It imports no Node built-in, so a table can be
 * synthesized and evaluated where it lives — in a page, a worker, or any JS runtime with WebCrypto.
 * An explicit list of exports (no `export *`).
 */
export { LookalikeError, ProblemList, type ErrorKind } from './errors.js';
export {
  type Column,
  type ColumnKind,
  type NumericColumn,
  type CategoricalColumn,
  type BooleanColumn,
  type DatetimeColumn,
  type IdColumn,
  type TextColumn,
  COLUMN_KINDS,
  isMissing,
  missingCount,
} from './table/column.js';
export { Table, type Row, type Cell } from './table/table.js';
export {
  type Schema,
  type ColumnSpec,
  type Role,
  type Domain,
  type DomainSource,
  type NumericDomain,
  type CategoricalDomain,
  type DatetimeDomain,
  targetColumn,
  specOf,
} from './table/schema.js';
export { type RawColumn } from './table/raw.js';
export {
  buildTable,
  tableFromRecords,
  inferSchema,
  type BuildResult,
  type BuildOptions,
} from './table/infer.js';
export {
  parseMetadata,
  schemaToMetadata,
  validateSchema,
  type Metadata,
  type ColumnMetadata,
} from './table/metadata.js';
export {
  discretizer,
  discretizerFromJSON,
  Discretizer,
  type DiscretizerJSON,
  type DiscretizeOptions,
} from './table/encode.js';
export { datetimeCodec, detectDatetimeFormat, CANDIDATE_FORMATS } from './table/datetime.js';
export { Rng, AliasTable } from './random/rng.js';
export { SecureRng } from './random/secure.js';
export { BUILTIN_SYNTHESIZERS } from './synthesizers/builtin.js';
export { registerSynthesizer, getSynthesizer, listSynthesizers, loadModel } from './synthesizers/registry.js';
export type {
  Synthesizer,
  Model,
  ModelFile,
  FitOptions,
  SampleOptions,
  PrivacyGuarantee,
  ProgressEvent,
  ProgressFn,
} from './synthesizers/types.js';
export type { MetricResult, MetricFamily } from './metrics/types.js';
