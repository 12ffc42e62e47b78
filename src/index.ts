/**
 * The Node entry. The core API is the explicit list in `browser.ts` (re-exported whole here, so the two entries
 * can never drift apart); this file adds what needs Node: files through DuckDB (io/) and the CLI's `main`.
 */
export * from './browser.js';
export {
  readTable,
  readRawColumns,
  writeTable,
  writeFileAtomic,
  readJsonFile,
  readSql,
  readSqlTable,
  READ_FORMATS,
  WRITE_FORMATS,
  type ReadOptions,
  type ReadFormat,
  type WriteOptions,
  type WriteFormat,
} from './io/index.js';
export { main } from './cli/main.js';
