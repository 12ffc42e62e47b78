/** Multi-table and sequential synthesis (docs/relational.md): the public names of `src/relational/`. */
export { parseRelationalMetadata, checkRelational, validateRelational, relationalMetadataToJSON, topologicalOrder, type RelationalMetadata, type TableSpec, type ForeignKey, type SequenceSpec, type PersonSpec, type RelationalCheck, } from './metadata.js';
export { inferRelationalMetadata, type InferredRelational } from './infer.js';
export { fitRelational, loadRelationalModel, RelationalModel, type RelationalFitOptions, type RelationalSampleOptions, type RelationalSample, type RelationalModelFile, } from './synthesize.js';
export { fitRelationalDp, loadRelationalDpModel, boundContributions, RelationalDpModel, type RelationalDpFitOptions, type RelationalDpModelFile, } from './dp.js';
export { evaluateRelational, type RelationalEvaluation, type TableEvaluation, type RelationEvaluation, } from './evaluate.js';
export { registerSequenceSynthesizer, getSequenceSynthesizer, listSequenceSynthesizers, arTreesSynthesizer, type SequenceSynthesizer, type SequenceModel, type SequenceData, type SequenceModelJSON, } from './sequence.js';
