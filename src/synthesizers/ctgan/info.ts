import { dpTrainingOptions, layerWidths, trainingOptions } from '../learned/options.js';
import type { SynthesizerInfo } from '../types.js';

/** `ctgan`: what it is and its options (the code is in index.ts). */
export const ctganInfo: SynthesizerInfo = {
  name: 'ctgan',
  description:
    'CTGAN (Xu et al. 2019): a conditional GAN with training-by-sampling, PacGAN and a WGAN-GP critic; differentially private with --epsilon (DP-GAN: DP-SGD on the critic)',
  privacy: 'either',
  modelFileNote:
    'without --epsilon the ctgan model file holds values read off the training rows (mixture modes, bounds, category frequencies): keep it as confidential as the data',
  options: [
    ...trainingOptions(
      // no validation split by default: a GAN's early stopping kept epoch 3 of 23 on Adult (TSTR ratio 0.552 against
      // 0.918 after all 50 epochs, bench/RESULTS-tvae-ctgan.md); `validation` > 0 turns it on
      { epochs: 100, batchSize: 500, lr: 0.0002, patience: 20, validation: 0 },
      { epochs: 20, batchSize: 1000, lr: 0.0005 },
    ),
    {
      name: 'embeddingDim',
      type: 'integer',
      min: 1,
      max: 1024,
      default: 128,
      help: 'size of the noise vector',
    },
    layerWidths('generator', 'widths of the residual blocks of the generator', [256, 256]),
    layerWidths('discriminator', 'hidden widths of the critic', [256, 256]),
    {
      name: 'pac',
      type: 'integer',
      min: 1,
      max: 64,
      default: 10,
      defaultText: '10; with --epsilon 1 (the only value allowed)',
      help: 'rows per pack seen by the critic (PacGAN)',
    },
    {
      name: 'discriminatorSteps',
      type: 'integer',
      min: 1,
      max: 20,
      default: 1,
      help: 'critic updates per generator update',
    },
    {
      name: 'gradientPenalty',
      type: 'number',
      min: 0,
      default: 10,
      help: 'weight λ of the WGAN-GP gradient penalty',
    },
    { name: 'weightDecay', type: 'number', min: 0, default: 0.000001, help: 'L2 weight decay of both Adams' },
    {
      name: 'logFrequency',
      type: 'boolean',
      default: true,
      help: 'draw training conditions by log frequency of the categories (rare categories more often), as CTGAN (not used with --epsilon)',
    },
    {
      name: 'ema',
      type: 'number',
      min: 0,
      max: 0.9999,
      default: 0.998,
      help: "decay of the exponential moving average of the generator's weights that sampling uses and the model file keeps (0: the last step's weights; not used with --epsilon)",
    },
    {
      name: 'correction',
      type: 'integer',
      min: 0,
      max: 20,
      default: 3,
      help: "rounds of the final correction: the generator's category and mode output biases raked toward the training rows' 1-way frequencies (0: none; not used with --epsilon)",
    },
    ...dpTrainingOptions(),
  ],
};
