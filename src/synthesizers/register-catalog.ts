import { registerSynthesizerLoader } from './registry.js';
import { BUILTIN_CATALOG } from './catalog.js';

/** Register every built-in synthesizer lazily (a synthesizer already registered with its code is kept). */
export function registerBuiltinCatalog(): void {
  for (const { info, load } of BUILTIN_CATALOG) registerSynthesizerLoader(info, load);
}
