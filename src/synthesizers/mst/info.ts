import type { SynthesizerInfo } from '../types.js';
import { discretisationOptions, dpDomainsOption } from '../options.js';

/** `mst`: what it is and its options (the code is in index.ts). */
export const mstInfo: SynthesizerInfo = {
  name: 'mst',
  description:
    'MST (McKenna et al. 2021): noisy 1-way marginals + a DP maximum spanning tree of 2-way marginals, Private-PGM',
  privacy: 'dp',
  options: [
    dpDomainsOption(),
    {
      name: 'iters',
      type: 'integer',
      min: 1,
      default: 2000,
      help: 'mirror-descent iterations of the final estimation',
    },
    ...discretisationOptions(),
    { name: 'compress', type: 'boolean', default: true, help: 'merge 1-way cells with noisy count < 3σ' },
    {
      name: 'conditionOn',
      type: 'columns',
      defaultText: 'none',
      help: 'columns you will condition samples on (declared before the fit, public): the 2-way marginals of each with every other column are measured (charged with the other 2-way marginals), the spanning tree joins the rest',
    },
  ],
};
