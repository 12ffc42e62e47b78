import type { SynthesizerInfo } from '../types.js';

/** `ddpm`: what it is and its options (the code is in index.ts). */
export const ddpmInfo: SynthesizerInfo = {
  name: 'ddpm',
  description:
    'TabDDPM-style diffusion (Kotelnikov et al. 2023): Gaussian diffusion of quantile-normalised numerics and multinomial diffusion of categories, reversed by one MLP (not DP)',
  privacy: 'none',
  options: [
    {
      name: 'epochs',
      type: 'integer',
      min: 1,
      max: 10000,
      default: 60,
      help: 'most passes over the training rows',
    },
    { name: 'batchSize', type: 'integer', min: 2, max: 65536, default: 512, help: 'rows per step' },
    { name: 'steps', type: 'integer', min: 2, max: 2000, default: 50, help: 'diffusion time steps T' },
    {
      name: 'schedule',
      type: 'enum',
      values: ['cosine', 'linear'],
      default: 'cosine',
      help: 'noise schedule: cosine (Nichol & Dhariwal 2021) or linear (Ho et al. 2020, scaled to T)',
    },
    {
      name: 'width',
      type: 'integer',
      min: 4,
      max: 4096,
      default: 256,
      help: 'units per hidden layer of the denoiser',
    },
    { name: 'depth', type: 'integer', min: 1, max: 16, default: 3, help: 'hidden layers of the denoiser' },
    {
      name: 'lr',
      type: 'number',
      min: 0,
      exclusiveMin: true,
      max: 1,
      default: 0.002,
      help: 'Adam learning rate',
    },
    {
      name: 'lrDecay',
      type: 'enum',
      values: ['linear', 'none'],
      default: 'linear',
      help: 'learning rate schedule: "linear" falls to 0 over the epochs (TabDDPM), "none" keeps it',
    },
    {
      name: 'validation',
      type: 'number',
      min: 0,
      max: 0.5,
      default: 0.1,
      help: 'share of the training rows held out for early stopping (0: none, train all epochs)',
    },
    {
      name: 'patience',
      type: 'integer',
      min: 1,
      max: 1000,
      default: 8,
      help: 'stop after this many epochs without a lower validation loss (the best weights are kept)',
    },
    {
      name: 'threads',
      type: 'integer',
      min: 1,
      max: 8,
      default: 2,
      help: 'GEMM threads while training (results do not depend on it)',
    },
  ],
};
