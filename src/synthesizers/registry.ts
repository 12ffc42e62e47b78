import { LookalikeError, ProblemList } from '../errors.js';
import type { Model, ModelFile, Synthesizer } from './types.js';
import { validateSchema } from '../table/metadata.js';

const registry = new Map<string, Synthesizer>();

/** Make a synthesizer available by name (to `getSynthesizer`, `loadModel` and the CLI). */
export function registerSynthesizer(s: Synthesizer): void {
  registry.set(s.name, s);
}

export function listSynthesizers(): Synthesizer[] {
  return [...registry.values()];
}

export function getSynthesizer(name: string): Synthesizer {
  const s = registry.get(name);
  if (!s) {
    throw new LookalikeError(
      `unknown synthesizer "${name}"; available: ${[...registry.keys()].sort().join(', ')}`,
      [],
      'usage',
    );
  }
  return s;
}

/** Validate a parsed model file and rebuild the model. Every problem with the envelope is reported at once. */
export function loadModel(json: unknown, source = 'model file'): Model {
  const p = new ProblemList();
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new LookalikeError(`${source} is not a lookalike model (expected a JSON object)`);
  }
  const f = json as Record<string, unknown>;
  if (f.format !== 'lookalike-model') p.add('"format" must be "lookalike-model"');
  if (f.version !== 1)
    p.add(
      `"version" must be 1 (this lookalike reads model files of version 1), got ${JSON.stringify(f.version)}`,
    );
  if (typeof f.synthesizer !== 'string') p.add('"synthesizer" must be a string');
  else if (!registry.has(f.synthesizer)) p.add(`unknown synthesizer "${f.synthesizer}"`);
  if (typeof f.privacy !== 'object' || f.privacy === null) p.add('"privacy" must be an object');
  if (!('params' in f)) p.add('"params" is missing');
  const schemaProblems = validateSchema(f.schema, 'schema');
  for (const s of schemaProblems) p.add(s);
  p.throwIfAny(`${source} is not a valid lookalike model:`);
  return registry.get(f.synthesizer as string)!.load(json as ModelFile);
}
