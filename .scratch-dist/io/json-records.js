/** Moved to the core (a page reads JSON records too, issue 16). */
export { plainJsonRecords } from '../table/json-records.js';
//# sourceMappingURL=json-records.js.map