/** The Node-only I/O layer (DESIGN.md: io/ → table/). Core code never imports this folder. */
export { readRawColumns, readTable, formatFromPath, checkInputFile, csvDialectOptions, READ_FORMATS, type ReadFormat, type ReadOptions, } from './read.js';
export { writeTable, writeFileAtomic, writeJsonFile, writeFormatFromPath, WRITE_FORMATS, type WriteFormat, type WriteOptions, } from './write.js';
export { writeTableChunks } from './stream-write.js';
export { readJsonFile } from './json.js';
export { readSql, readSqlTable, type SqlOptions } from './sql.js';
export { readDatabase, writeDatabase, isDuckdbPath, type Database, type DatabaseFormat, type ReadDatabaseOptions, } from './relational.js';
