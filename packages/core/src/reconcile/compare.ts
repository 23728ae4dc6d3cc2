import { recordDifferences, type RecordDifference } from '../domain/record-diff.ts';
import { DEFAULT_MODELS } from '../matching/default-models.ts';
import { linkProfiles } from '../matching/link.ts';
import type { LinkModel } from '../matching/model.ts';
import { linkableProfile, profileOf, type Domain, type MatchProfile } from '../matching/profile.ts';
import type { RecordInput } from '../schemas/record.ts';

/** A row of a national array, made a record. */
export interface ArrayEntry {
  /** The row as a person counts it in the file. */
  row: number;
  record: RecordInput;
  /**
   * The record's top-level fields the file gave; the rest (a legal basis, a distribution) were
   * filled in for a new record and say nothing against the bank's. All of them when absent.
   */
  carried?: ReadonlySet<string>;
}

/**
 * A record the bank holds for the participant and category reconciled, without its content: a
 * bank of a million is held this way, and a record's content is asked for only when a row of its
 * reference comes (`ArrayComparer.add`).
 */
export interface BankEntry {
  id: string;
  version: number;
  status: string;
  nationalRef: string;
}

/** A bank entry with its record, for a bank held whole. */
export interface HeldRecord extends BankEntry {
  record: RecordInput;
}

/** Why a row and the bank's record of the same reference cannot simply be updated one into the other. */
export type ConflictReason = 'birth_date' | 'sex' | 'identifier' | 'cancelled';

export interface ChangedEntry {
  row: number;
  id: string;
  version: number;
  /** The bank's record with what the row holds laid over it: what applying the row writes. */
  record: RecordInput;
  /** The bank's record as it was. */
  before: RecordInput;
  differences: RecordDifference[];
}

export interface ConflictEntry extends ChangedEntry {
  reasons: ConflictReason[];
}

export interface DuplicateEntry {
  /** The rows that describe one subject; the first is the one reconciled. */
  rows: number[];
  reason: 'same_reference' | 'same_subject';
  nationalRefs: string[];
}

export interface ArrayComparison {
  new: ArrayEntry[];
  changed: ChangedEntry[];
  unchanged: { row: number; id: string }[];
  /** Records in force in the bank that the array no longer holds: closed nationally? */
  stale: { id: string; version: number; nationalRef: string }[];
  duplicates: DuplicateEntry[];
  conflicts: ConflictEntry[];
}

/** Probability at which two rows of one array under two references are reported as one subject filed twice. */
export const DUPLICATE_PROBABILITY = 0.95;

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Text as a comparison of arrays reads it: a state writes `WDB 210063-WX224628` or `ИВАНОВ` where
 * the bank has `WDB210063WX224628` and `Иванов`. Case, spaces, hyphens, dots and ё are not
 * changes to report or write.
 */
const folded = (text: string) =>
  text
    .normalize('NFC')
    .toLocaleLowerCase('ru')
    .replaceAll('ё', 'е')
    .replace(/[\s\-.]+/g, '');

/**
 * The bank's record with the row laid over it. An array carries fewer fields than the bank (no
 * photo, no description), so a field the row does not have keeps the bank's value; a field it
 * has replaces the bank's, unless it is the same text written another way (`folded`). Names
 * are replaced kind by kind — a row's primary name leaves the bank's Latin form alone.
 */
export function overlay(bank: unknown, row: unknown, key = ''): unknown {
  if (row === undefined) return bank;
  if (key === 'names' && Array.isArray(bank) && Array.isArray(row)) {
    const kinds = new Set(row.map((name) => (isObject(name) ? name.kind : undefined)));
    return [...row, ...bank.filter((name) => !isObject(name) || !kinds.has(name.kind))];
  }
  if (isObject(bank) && isObject(row)) {
    const merged: Json = { ...bank };
    for (const [k, value] of Object.entries(row)) merged[k] = overlay(bank[k], value, k);
    return merged;
  }
  // Written another way, the same value: the bank's form stays.
  if (typeof bank === 'string' && typeof row === 'string' && folded(bank) === folded(row)) return bank;
  return row;
}

/** Fields whose change means another subject, not a correction: a supervisor looks before the array overwrites them. */
const IDENTITY_FIELDS: readonly [RegExp, ConflictReason][] = [
  [/^\/person\/birthDate$/, 'birth_date'],
  [/^\/person\/sex$/, 'sex'],
  [/^\/vehicle\/vin$/, 'identifier'],
  [/^\/firearm\/serials(\/|$)/, 'identifier'],
];

function conflictReasons(differences: readonly RecordDifference[], bankStatus: string): ConflictReason[] {
  const reasons = new Set<ConflictReason>();
  if (bankStatus === 'cancelled') reasons.add('cancelled');
  for (const d of differences) {
    // A fact added where the bank had none is news, not a contradiction.
    if (d.before === undefined) continue;
    for (const [pattern, reason] of IDENTITY_FIELDS) if (pattern.test(d.path)) reasons.add(reason);
  }
  return [...reasons];
}

/**
 * A participant's national array of one category set against what the bank holds for it, record
 * by record, by national reference:
 *
 * - `new`: a reference the bank does not hold;
 * - `unchanged`: held, and the row says nothing the bank does not;
 * - `changed`: held, and the row changes fields (each difference listed as a JSON Pointer);
 * - `conflicts`: held, but the row contradicts it — another birth date, sex, VIN or serial where
 *   the bank had one, or the bank's record was cancelled;
 * - `stale`: in force in the bank, absent from the array;
 * - `duplicates`: a reference given twice (the first row counts, the others are reported), or two
 *   references the matching engine finds to be one subject at `DUPLICATE_PROBABILITY`.
 *
 * Rows are added as they are read, so that a large array need not be held whole: only what the
 * report keeps of a row stays. Nor need the bank's records: the comparer holds each one's id,
 * version, status and reference, and asks the caller for the content of those the rows name
 * (`heldUnder` tells which, so a caller can fetch a batch's at once). Pure: the caller reads the
 * file and the bank.
 */
export class ArrayComparer<Entry extends BankEntry = BankEntry> {
  private readonly held: Map<string, Entry>;
  private readonly firstRowOf = new Map<string, number>();
  private readonly repeated = new Map<string, number[]>();
  private readonly result: ArrayComparison = { new: [], changed: [], unchanged: [], stale: [], duplicates: [], conflicts: [] };

  constructor(private readonly bank: readonly Entry[]) {
    this.held = new Map(bank.map((entry) => [entry.nationalRef, entry]));
  }

  /** The bank's entry under a reference, whose record `add` will ask for. */
  heldUnder(nationalRef: string): Entry | undefined {
    return this.held.get(nationalRef);
  }

  /**
   * Sets a row against the bank; a row whose reference came earlier in the array is a duplicate.
   * `recordOf` gives the bank's record of an entry: asked once, for the first row of a held reference.
   */
  add(entry: ArrayEntry, recordOf: (held: Entry) => RecordInput): void {
    const ref = entry.record.nationalRef;
    const first = this.firstRowOf.get(ref);
    if (first !== undefined) {
      const rows = this.repeated.get(ref) ?? [first];
      rows.push(entry.row);
      this.repeated.set(ref, rows);
      return;
    }
    this.firstRowOf.set(ref, entry.row);
    const bankEntry = this.held.get(ref);
    if (!bankEntry) {
      this.result.new.push(entry);
      return;
    }
    const given = entry.carried ? Object.fromEntries(Object.entries(entry.record).filter(([key]) => entry.carried!.has(key))) : entry.record;
    const before = recordOf(bankEntry);
    const record = overlay(before, given) as RecordInput;
    const differences = recordDifferences(before, record);
    const reasons = conflictReasons(differences, bankEntry.status);
    const compared = { row: entry.row, id: bankEntry.id, version: bankEntry.version, record, before, differences };
    if (reasons.length > 0) this.result.conflicts.push({ ...compared, reasons });
    else if (differences.length > 0) this.result.changed.push(compared);
    else this.result.unchanged.push({ row: entry.row, id: bankEntry.id });
  }

  /**
   * The comparison once every row is added. `alsoPresent`: references of rows that made no valid
   * record, still in the array, so their records are not stale; `sameSubjects`: what a
   * `SubjectLinker` found among the rows.
   */
  finish(alsoPresent: ReadonlySet<string> = new Set(), sameSubjects: Iterable<DuplicateEntry> = []): ArrayComparison {
    const result = this.result;
    for (const { id, version, status, nationalRef } of this.bank) {
      if (status === 'active' && !this.firstRowOf.has(nationalRef) && !alsoPresent.has(nationalRef)) result.stale.push({ id, version, nationalRef });
    }
    for (const [ref, rows] of this.repeated) result.duplicates.push({ rows, reason: 'same_reference', nationalRefs: [ref] });
    // Not push(...all): a million rows' duplicates as arguments overflow the stack.
    for (const duplicate of sameSubjects) result.duplicates.push(duplicate);
    return result;
  }
}

/**
 * Rows under different references that the matching engine finds to be one subject, scored with
 * the bank's models (`svod train --activate`) where it has them. Add every row: the first of a
 * reference is the one linked (as it is the one reconciled), and only its match profile is kept.
 */
export class SubjectLinker {
  private readonly profiles: (MatchProfile | undefined)[] = [];
  private readonly rows: { row: number; nationalRef: string }[] = [];
  private readonly seen = new Set<string>();

  constructor(private readonly models: Partial<Record<Domain, LinkModel>> = DEFAULT_MODELS) {}

  add(entry: ArrayEntry): void {
    if (this.seen.has(entry.record.nationalRef)) return;
    this.seen.add(entry.record.nationalRef);
    this.profiles.push(linkableProfile(profileOf(entry.record)));
    this.rows.push({ row: entry.row, nationalRef: entry.record.nationalRef });
  }

  links(): DuplicateEntry[] {
    const { links } = linkProfiles(this.profiles, { models: { ...DEFAULT_MODELS, ...this.models }, threshold: DUPLICATE_PROBABILITY });
    return links.map(({ a, b }) => {
      const [first, second] = this.rows[a]!.row < this.rows[b]!.row ? [this.rows[a]!, this.rows[b]!] : [this.rows[b]!, this.rows[a]!];
      return { rows: [first.row, second.row], reason: 'same_subject' as const, nationalRefs: [first.nationalRef, second.nationalRef] };
    });
  }
}

/** `ArrayComparer` and `SubjectLinker` over an array held whole. `onProgress` hears how many rows are done. */
export function compareArray(
  array: readonly ArrayEntry[],
  bank: readonly HeldRecord[],
  options: {
    onProgress?: (done: number) => void;
    /** References of rows that made no valid record: still in the array, so their records are not stale. */
    alsoPresent?: ReadonlySet<string>;
  } = {},
): ArrayComparison {
  const comparer = new ArrayComparer(bank);
  const linker = new SubjectLinker();
  array.forEach((entry, index) => {
    if (index % 10_000 === 9_999) options.onProgress?.(index + 1);
    comparer.add(entry, (held) => held.record);
    linker.add(entry);
  });
  const comparison = comparer.finish(options.alsoPresent, linker.links());
  options.onProgress?.(array.length);
  return comparison;
}
