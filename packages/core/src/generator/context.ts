import type { Corruptor } from './corruption.ts';
import type { Random } from './random.ts';
import type { GeneratedRecord } from './types.ts';

/** What the generator shares between subjects: one random stream, the date bound, the counters. */
export interface Context {
  rng: Random;
  /** Day number of `today`; no generated date is later. */
  today: number;
  corrupt: Corruptor;
  /** The next national reference of an owner. */
  nextRef: (owner: string, year: number) => string;
  /** True when a record passes the record rules (keeps corrupted birth dates possible). */
  valid: (record: GeneratedRecord) => boolean;
}
