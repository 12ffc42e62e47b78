/** The Node-only I/O layer (DESIGN.md: io/ → table/). Core code never imports this folder. */
export { readRawColumns, readTable, formatFromPath, checkInputFile, csvDialectOptions, READ_FORMATS, } from './read.js';
export { writeTable, writeFileAtomic, writeJsonFile, writeFormatFromPath, WRITE_FORMATS, } from './write.js';
export { writeTableChunks } from './stream-write.js';
export { readJsonFile } from './json.js';
export { readSql, readSqlTable } from './sql.js';
export { readDatabase, writeDatabase, isDuckdbPath, } from './relational.js';
//# sourceMappingURL=index.js.map