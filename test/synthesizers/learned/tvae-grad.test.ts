import { describe, expect, it } from 'vitest';
import { Rng } from '../../../src/random/rng.js';
import { mat } from '../../../src/nn/tensor.js';
import { TvaeNet, TvaeStep } from '../../../src/synthesizers/tvae/index.js';
import { fitTransform } from '../../../src/synthesizers/transforms/index.js';
import { tableFromRecords } from '../../../src/table/infer.js';
import { ctxOf, worstRelativeError } from '../../nn/gradcheck.js';

/** The TVAE loss (reconstruction × lossFactor + KL) against central finite differences, every parameter. */
describe('tvae training step', () => {
  it('its hand-derived gradient matches finite differences', () => {
    const rng = new Rng(3);
    const records = Array.from({ length: 60 }, () => ({
      x: rng.float() < 0.5 ? rng.normal() * 3 : 20 + rng.normal(),
      c: 'abc'[rng.int(3)],
      b: rng.float() < 0.3,
    }));
    const { table, schema } = tableFromRecords(records);
    const transform = fitTransform(table, schema.columns, new Rng(1));
    const data = transform.encode(table, new Rng(2));
    const W = transform.width;
    const B = 6;
    const x = mat(B, W, data.slice(0, B * W));
    const net = new TvaeNet(
      { width: W, embeddingDim: 3, compress: [5], decompress: [4, 5] },
      transform,
      new Rng(4),
    );
    net.logSigma.value.fill(Math.log(0.3));
    const step = new TvaeStep(net, 2);
    const loss = () => {
      for (const p of net.params) p.touch();
      return step.run(x, ctxOf(9, false), new Rng(11), false, 1);
    };
    for (const p of net.params) p.zeroGrad();
    step.run(x, ctxOf(9, false), new Rng(11), true, 1);
    for (const p of net.params) {
      // h = 3e-3: small enough to stay off the ReLU kinks here, large enough for the float32 forward pass
      const err = worstRelativeError(p.value, Float32Array.from(p.grad), loss, 3e-3);
      expect(err, p.name).toBeLessThan(1e-2);
    }
  });
});
