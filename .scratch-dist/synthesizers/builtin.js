import { registerSynthesizer } from './registry.js';
import { independent } from './independent/index.js';
import { gaussianCopula } from './gaussian-copula/index.js';
import { cartSynthesizer } from './cart/index.js';
import { mst } from './mst/index.js';
import { aim } from './aim/index.js';
import { privbayes } from './privbayes/index.js';
import { argn } from './argn/index.js';
import { arf } from './arf/index.js';
import { ddpm } from './ddpm/index.js';
import { tvae } from './tvae/index.js';
import { ctgan } from './ctgan/index.js';
import { pateGan } from './pate-gan/index.js';
/** Every synthesizer that ships with lookalike, registered by name. Importing this module registers them. */
export const BUILTIN_SYNTHESIZERS = [independent, gaussianCopula, cartSynthesizer];
BUILTIN_SYNTHESIZERS.push(mst, aim, privbayes);
BUILTIN_SYNTHESIZERS.push(argn);
BUILTIN_SYNTHESIZERS.push(arf, ddpm);
BUILTIN_SYNTHESIZERS.push(tvae, ctgan, pateGan);
for (const s of BUILTIN_SYNTHESIZERS)
    registerSynthesizer(s);
//# sourceMappingURL=builtin.js.map