import { formatTable } from '../format.js';
import { optionHelp, optionSchemaJSON } from './options.js';
import { independentInfo } from './independent/info.js';
import { gaussianCopulaInfo } from './gaussian-copula/info.js';
import { cartInfo } from './cart/info.js';
import { mstInfo } from './mst/info.js';
import { aimInfo } from './aim/info.js';
import { privbayesInfo } from './privbayes/info.js';
import { argnInfo } from './argn/info.js';
import { arfInfo } from './arf/info.js';
import { ddpmInfo } from './ddpm/info.js';
import { tvaeInfo } from './tvae/info.js';
import { ctganInfo } from './ctgan/info.js';
import { pateGanInfo } from './pate-gan/info.js';
/**
 * The built-in synthesizers as info + loader: what `lookalike synthesizers` and `--help` need, without loading
 * any model code (this file imports no registry either: `lookalike synthesizers` reads it alone).
 * `registerBuiltinCatalog()` (register-catalog.ts) registers them lazily (each loads its code on first fit, or through
 * `loadSynthesizer` before `loadModel`); the CLI uses it so a command loads only the synthesizer it runs. The
 * library entry registers the same synthesizers with their code (`builtin.ts`); a test keeps the two in step.
 */
export const BUILTIN_CATALOG = [
    { info: independentInfo, load: async () => (await import('./independent/index.js')).independent },
    { info: gaussianCopulaInfo, load: async () => (await import('./gaussian-copula/index.js')).gaussianCopula },
    { info: cartInfo, load: async () => (await import('./cart/index.js')).cartSynthesizer },
    { info: mstInfo, load: async () => (await import('./mst/index.js')).mst },
    { info: aimInfo, load: async () => (await import('./aim/index.js')).aim },
    { info: privbayesInfo, load: async () => (await import('./privbayes/index.js')).privbayes },
    { info: argnInfo, load: async () => (await import('./argn/index.js')).argn },
    { info: arfInfo, load: async () => (await import('./arf/index.js')).arf },
    { info: ddpmInfo, load: async () => (await import('./ddpm/index.js')).ddpm },
    { info: tvaeInfo, load: async () => (await import('./tvae/index.js')).tvae },
    { info: ctganInfo, load: async () => (await import('./ctgan/index.js')).ctgan },
    { info: pateGanInfo, load: async () => (await import('./pate-gan/index.js')).pateGan },
];
/**
 * Synthesizers as JSON — name, guarantee, description, options (a help line each, and the schema) — what
 * `lookalike synthesizers --json` prints and a page can list (default: the built-in catalog).
 */
export function synthesizersJSON(infos = BUILTIN_CATALOG.map((c) => c.info)) {
    return infos.map((s) => ({
        name: s.name,
        privacy: s.privacy,
        description: s.description,
        options: Object.fromEntries(s.options.map((o) => [o.name, optionHelp(o)])),
        optionSchema: optionSchemaJSON(s.options),
    }));
}
/** Synthesizers as text: a table of name, guarantee and description, then each one's options with help. */
export function formatSynthesizers(infos = BUILTIN_CATALOG.map((c) => c.info)) {
    const privacy = { dp: 'DP', either: 'DP with --epsilon', none: 'not DP' };
    const lines = [
        formatTable(['name', 'privacy', 'description'], infos.map((s) => [s.name, privacy[s.privacy], s.description])),
    ];
    for (const s of infos.filter((x) => x.options.length))
        lines.push(`\n${s.name} options (--option key=value):`, ...s.options.map((o) => `  ${o.name}: ${optionHelp(o)}`));
    return lines.join('\n');
}
//# sourceMappingURL=catalog.js.map