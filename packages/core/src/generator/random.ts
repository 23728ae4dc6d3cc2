/**
 * A small seeded PRNG (sfc32, seeded through splitmix32) with the helpers the generator needs.
 * Everything here is integer and float arithmetic only, so one seed gives the same stream on
 * every JavaScript engine — Math.random and transcendental functions are deliberately avoided.
 */

/** A deterministic random source. */
export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  /** True with probability `p`. */
  chance(p: number): boolean;
  /** One element, uniformly. The list must not be empty. */
  pick<T>(items: readonly T[]): T;
  /** One element with probability proportional to its weight. */
  weighted<T>(entries: readonly (readonly [T, number])[]): T;
  /** Approximately normal (Irwin–Hall of four uniforms), clamped to [min, max] and rounded. */
  normalInt(mean: number, sd: number, min: number, max: number): number;
  /** `count` distinct elements in random order (all of them when the list is shorter). */
  sample<T>(items: readonly T[], count: number): T[];
  /** A string of `length` characters drawn from `alphabet`. */
  chars(alphabet: string, length: number): string;
  /** A string of `length` decimal digits (leading zeros allowed). */
  digits(length: number): string;
  /**
   * A day `min`..`max` days after `day` but not after `limit`. The range is cut at the limit
   * rather than the result clamped, so recent events do not pile up on the last day.
   */
  after(day: number, min: number, max: number, limit: number): number;
}

/** Mixes a seed into well-spread 32-bit state words, so nearby seeds give unrelated streams. */
function splitmix32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/**
 * Creates a seeded random source. Any finite number is a valid seed; fractional seeds are
 * folded in so that `1.5` and `1` differ.
 *
 * @example const rng = createRandom(42); rng.int(1, 6);
 */
export function createRandom(seed: number): Random {
  const mix = splitmix32((Math.trunc(seed) ^ Math.trunc((seed % 1) * 0x7fffffff)) >>> 0);
  let a = mix();
  let b = mix();
  let c = mix();
  let d = mix();
  const nextUint = (): number => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = ((c << 21) | (c >>> 11)) >>> 0;
    c = (c + t) >>> 0;
    return t;
  };
  // sfc32 needs a few rounds before its output is independent of the seed words.
  for (let i = 0; i < 15; i++) nextUint();

  const next = () => nextUint() / 4294967296;
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const rng: Random = {
    next,
    int,
    chance: (p) => p > 0 && next() < p,
    pick<T>(items: readonly T[]): T {
      if (items.length === 0) throw new Error('pick from an empty list');
      return items[Math.floor(next() * items.length)] as T;
    },
    weighted<T>(entries: readonly (readonly [T, number])[]): T {
      // Indexed loops: this is the generator's hottest function.
      const n = entries.length;
      if (n === 0) throw new Error('weighted pick from an empty list');
      let total = 0;
      for (let i = 0; i < n; i++) total += (entries[i] as readonly [T, number])[1];
      let roll = next() * total;
      for (let i = 0; i < n; i++) {
        const entry = entries[i] as readonly [T, number];
        roll -= entry[1];
        if (roll < 0) return entry[0];
      }
      return (entries[n - 1] as readonly [T, number])[0];
    },
    normalInt(mean, sd, min, max) {
      // Irwin–Hall: the sum of four uniforms has variance 1/3, hence the √3 scale.
      const z = (next() + next() + next() + next() - 2) * 1.7320508075688772;
      return Math.min(max, Math.max(min, Math.round(mean + z * sd)));
    },
    sample<T>(items: readonly T[], count: number): T[] {
      const copy = items.slice();
      const n = Math.min(count, copy.length);
      for (let i = 0; i < n; i++) {
        const j = i + Math.floor(next() * (copy.length - i));
        const tmp = copy[i] as T;
        copy[i] = copy[j] as T;
        copy[j] = tmp;
      }
      return copy.slice(0, n);
    },
    chars(alphabet, length) {
      let out = '';
      for (let i = 0; i < length; i++) out += alphabet[Math.floor(next() * alphabet.length)];
      return out;
    },
    after(day, min, max, limit) {
      const hi = Math.max(0, Math.min(max, limit - day));
      return day + int(Math.min(min, hi), hi);
    },
    digits(length) {
      let out = '';
      for (let i = 0; i < length; i++) out += String(Math.floor(next() * 10));
      return out;
    },
  };
  return rng;
}
