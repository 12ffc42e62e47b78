import type { SynthesizerInfo } from '../types.js';

/** `gaussian-copula`: what it is (the code is in index.ts). It takes no options. */
export const gaussianCopulaInfo: SynthesizerInfo = {
  name: 'gaussian-copula',
  description:
    'Gaussian copula over empirical marginals with data-ordered categories and modelled missingness',
  privacy: 'none',
  options: [],
};
