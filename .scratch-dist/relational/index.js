/** Multi-table and sequential synthesis (docs/relational.md): the public names of `src/relational/`. */
export { parseRelationalMetadata, checkRelational, validateRelational, relationalMetadataToJSON, topologicalOrder, } from './metadata.js';
export { inferRelationalMetadata } from './infer.js';
export { fitRelational, loadRelationalModel, RelationalModel, } from './synthesize.js';
export { fitRelationalDp, loadRelationalDpModel, boundContributions, RelationalDpModel, } from './dp.js';
export { evaluateRelational, } from './evaluate.js';
export { registerSequenceSynthesizer, getSequenceSynthesizer, listSequenceSynthesizers, arTreesSynthesizer, } from './sequence.js';
//# sourceMappingURL=index.js.map