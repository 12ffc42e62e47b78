import { registerSynthesizerLoader } from './registry.js';
import { BUILTIN_CATALOG } from './catalog.js';
/** Register every built-in synthesizer lazily (a synthesizer already registered with its code is kept). */
export function registerBuiltinCatalog() {
    for (const { info, load } of BUILTIN_CATALOG)
        registerSynthesizerLoader(info, load);
}
//# sourceMappingURL=register-catalog.js.map