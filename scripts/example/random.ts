// A small seeded random source. Math.random is not seedable, and the example data must come out
// byte-identical for the same seed on every machine.

export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Standard normal. */
  gauss(): number;
  /** Successes in n trials with probability p (exact for small n, normal approximation above). */
  binomial(n: number, p: number): number;
  /** A count around `expected`, with Poisson-like spread. */
  count(expected: number): number;
  /** An index into `weights`, drawn in proportion to them. */
  pick(weights: readonly number[]): number;
}

/** mulberry32: 32-bit state, good enough for example data and tiny. */
export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const gauss = (): number => {
    // Box–Muller; 1 - next() keeps the logarithm away from zero.
    return Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());
  };
  const binomial = (n: number, p: number): number => {
    const q = Math.min(1, Math.max(0, p));
    if (n < 60) {
      let k = 0;
      for (let i = 0; i < n; i++) if (next() < q) k++;
      return k;
    }
    const k = Math.round(n * q + Math.sqrt(n * q * (1 - q)) * gauss());
    return Math.min(n, Math.max(0, k));
  };
  const count = (expected: number): number => Math.max(0, Math.round(expected + Math.sqrt(expected) * gauss()));
  const pick = (weights: readonly number[]): number => {
    let r = next() * weights.reduce((a, b) => a + b, 0);
    for (const [i, w] of weights.entries()) {
      r -= w;
      if (r < 0) return i;
    }
    return weights.length - 1;
  };
  return { next, gauss, binomial, count, pick };
}
