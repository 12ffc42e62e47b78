import type { SynthesizerInfo } from '../types.js';

export const ARF_MODEL_NOTE =
  'the arf model file stores per-leaf statistics of the training rows (counts, means, observed values that recur): keep it as confidential as the data';

/** `arf`: what it is and its options (the code is in index.ts). */
export const arfInfo: SynthesizerInfo = {
  name: 'arf',
  description:
    'adversarial random forests (Watson et al. 2023): a forest refitted against its own synthetic rows until it cannot tell them apart, then per-leaf densities (not DP; the model stores leaf statistics)',
  privacy: 'none',
  modelFileNote: ARF_MODEL_NOTE,
  options: [
    { name: 'nTrees', type: 'integer', min: 1, max: 1000, default: 20, help: 'trees in the forest' },
    {
      name: 'minSamplesLeaf',
      type: 'integer',
      min: 1,
      default: 5,
      help: 'minimum rows (real and synthetic) per leaf while growing a tree',
    },
    { name: 'maxDepth', type: 'integer', min: 1, max: 64, default: 64, help: 'maximum tree depth' },
    {
      name: 'maxIters',
      type: 'integer',
      min: 0,
      max: 100,
      default: 10,
      help: 'most adversarial rounds (0: the forest against the shuffled columns only)',
    },
    {
      name: 'delta',
      type: 'number',
      min: 0,
      max: 0.5,
      default: 0,
      help: 'stop when the forest’s out-of-bag accuracy is at most 0.5 + delta',
    },
    {
      name: 'earlyStop',
      type: 'boolean',
      default: true,
      help: 'stop as soon as a round does not lower the out-of-bag accuracy (keeping the better forest)',
    },
    {
      name: 'numeric',
      type: 'enum',
      values: ['normal', 'empirical'],
      default: 'normal',
      help: 'per-leaf density of numeric columns: "normal" (truncated to the leaf’s split box, recurring values kept as point masses) or "empirical" (the leaf’s observed values)',
    },
    {
      name: 'atomShare',
      type: 'number',
      min: 0,
      max: 1,
      exclusiveMin: true,
      default: 0.5,
      help: '"normal": a value holding more than this share of a leaf’s values is a point mass (1: none)',
    },
    {
      name: 'poolRows',
      type: 'integer',
      min: 1,
      default: 1,
      help: 'a leaf with fewer real rows estimates each column from the rows of its nearest ancestor holding this many, restricted to the leaf’s bounds on that column (1: the leaf’s own rows)',
    },
    {
      name: 'balanced',
      type: 'boolean',
      default: true,
      help: 'draw the leaves by systematic sampling (each leaf about its expected number of times) instead of independently',
    },
    {
      name: 'scores',
      type: 'boolean',
      default: true,
      help: '"normal": fit each leaf’s normal on the normal-scores scale Φ⁻¹(F(x)) of the column (F its quantiles) rather than on its values',
    },
    {
      name: 'spread',
      type: 'number',
      min: 0,
      max: 3,
      default: 0,
      help: 'with "scores": widen every leaf’s normal by a kernel of this many standard normal units and its box by twice that on each side (0: the leaf’s own cell)',
    },
    {
      name: 'independent',
      type: 'number',
      min: 0,
      max: 1,
      default: 0.15,
      help: 'with "scores": a numeric column whose largest Cramér’s V with any other column (16 quantile bins) is below this is drawn from its marginal in every leaf (0: never)',
    },
    {
      name: 'alpha',
      type: 'number',
      min: 0,
      max: 1000,
      default: 20,
      help: 'categorical columns: pseudo-rows each tree node borrows from its parent’s distribution (a hierarchical Dirichlet back-off from the marginal to the leaf; 0: the leaf’s own counts); tables under 10,000 rows use alpha × rows / 10,000 (penguins’ 344 rows: 0.69)',
    },
    {
      name: 'derived',
      type: 'boolean',
      default: true,
      help: 'a column that is a function of a categorical or boolean column in the training rows (e.g. a code of a category) is computed from that column instead of being modelled',
    },
    {
      name: 'heavyShare',
      type: 'number',
      min: 0,
      max: 1,
      exclusiveMin: true,
      default: 0.03,
      help: 'with "scores": a value held by more than this share of a numeric column’s rows is a point mass in every leaf holding it, and no leaf’s normal draws it (1: none)',
    },
    { name: 'maxBins', type: 'integer', min: 2, max: 255, default: 255, help: 'bins per numeric column' },
  ],
};
