import chisquareCdf from '@stdlib/stats-base-dists-chisquare-cdf';

/**
 * p-value of a chi-square goodness-of-fit test of binned counts against expected counts; neighbouring bins are
 * pooled until each expects ≥ 5. (Helper of the DP-SGD distribution tests.)
 */
export function chiSquareBinnedP(observed: ArrayLike<number>, expected: ArrayLike<number>): number {
  const obs: number[] = [];
  const exp: number[] = [];
  let o = 0;
  let e = 0;
  for (let i = 0; i < observed.length; i++) {
    o += observed[i];
    e += expected[i];
    if (e >= 5) {
      obs.push(o);
      exp.push(e);
      o = 0;
      e = 0;
    }
  }
  if (o > 0 || e > 0) {
    if (exp.length === 0) {
      obs.push(o);
      exp.push(e);
    } else {
      obs[obs.length - 1] += o;
      exp[exp.length - 1] += e;
    }
  }
  let stat = 0;
  for (let i = 0; i < obs.length; i++) stat += (obs[i] - exp[i]) ** 2 / exp[i];
  return 1 - chisquareCdf(stat, obs.length - 1);
}
