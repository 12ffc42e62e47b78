import { LookalikeError, ProblemList } from '../errors.js';
import type { Model, ModelFile, Synthesizer } from './types.js';
import type { PrivacyGuarantee } from '../privacy/guarantee.js';
import { privacyFromLedger } from '../privacy/ledger.js';
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
  const synth = registry.get(f.synthesizer as string);
  const stated = f.privacy as PrivacyGuarantee;
  let privacy: PrivacyGuarantee = stated;
  if (synth?.privacy === 'dp' || stated?.type === 'dp' || (f.ledger !== null && f.ledger !== undefined)) {
    // DESIGN.md rule 3: the guarantee is whatever the ledger adds up to, never what the file says
    if (f.ledger === null || f.ledger === undefined)
      p.add('a differentially private model needs its privacy ledger ("ledger")');
    else {
      try {
        const g = privacyFromLedger(f.ledger);
        privacy = g;
        if (stated?.type !== 'dp') p.add('"privacy" says the model is not DP but it carries a ledger');
        else if (stated.epsilon < g.epsilon * (1 - 1e-9) || stated.delta < g.delta * (1 - 1e-9)) {
          p.add(
            `"privacy" states ε = ${stated.epsilon}, δ = ${stated.delta} but the ledger adds up to ε = ${g.epsilon}, δ = ${g.delta}`,
          );
        }
      } catch (e) {
        p.add(`the privacy ledger is invalid: ${(e as Error).message}`);
      }
    }
  }
  p.throwIfAny(`${source} is not a valid lookalike model:`);
  return synth!.load({ ...(json as ModelFile), privacy }); // defined: an unknown synthesizer is a problem above
}
