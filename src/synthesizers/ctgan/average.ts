import type { Param } from '../../nn/tensor.js';

/**
 * An exponential moving average of a network's parameters (the trainable weights and the batch-norm running
 * statistics), updated after each optimiser step: s ← d·s + (1 − d)·θ with d = min(decay, (1 + t)/(10 + t)) at
 * update t — the warm-up keeps the first steps' random weights from lingering when a fit is short. A GAN's
 * generator oscillates around what the critic allows; sampling from the average takes the last step's swing out
 * (Yazıcı et al., "The Unusual Effectiveness of Averaging in GAN Training", ICLR 2019).
 */
export class WeightAverage {
  private readonly shadow: Float32Array[];
  private t = 0;

  constructor(
    private readonly params: readonly Param[],
    readonly decay: number,
  ) {
    this.shadow = params.map((p) => Float32Array.from(p.value));
  }

  update(): void {
    this.t++;
    const d = Math.min(this.decay, (1 + this.t) / (10 + this.t));
    const e = 1 - d;
    for (let i = 0; i < this.params.length; i++) {
      const v = this.params[i].value;
      const s = this.shadow[i];
      for (let j = 0; j < v.length; j++) s[j] = d * s[j] + e * v[j];
    }
  }

  /** Swap the averages and the parameters' current values (a second call swaps them back). */
  swap(): void {
    this.params.forEach((p, i) => {
      const s = this.shadow[i];
      const v = p.value;
      for (let j = 0; j < v.length; j++) {
        const x = v[j];
        v[j] = s[j];
        s[j] = x;
      }
      p.touch();
    });
  }
}
