import type { Language } from '@svod/core';
import type { ImportReport } from '@svod/server';
import { errorTitle, formatIssues, wordIssues, type WordedIssue } from './errors.ts';
import type { Translate } from './i18n.ts';

/** The store lists this many rejected lines and counts the rest; a remote import keeps to the same. */
export const LISTED_REJECTS = 1000;

export interface RejectedLine {
  /** Line number in the file the operator gave. */
  line: number;
  nationalRef?: string;
  code: string;
  issues: WordedIssue[];
}

/** An import's outcome as the CLI reports it, whether the store ran it in-process or a server did. */
export interface ImportOutcome {
  lines: number;
  created: number;
  updated: number;
  unchanged: number;
  applied: boolean;
  rejectedTotal: number;
  rejected: RejectedLine[];
}

export const emptyOutcome = (): ImportOutcome => ({ lines: 0, created: 0, updated: 0, unchanged: 0, applied: true, rejectedTotal: 0, rejected: [] });

export function outcomeOfLocal(report: ImportReport, lang: Language): ImportOutcome {
  return {
    ...report,
    rejected: report.rejected.map(({ issues, ...line }) => ({ ...line, issues: wordIssues(issues, lang) })),
  };
}

/** Adds the outcome of a later part of the same file; its line numbers must already be the file's. */
export function addOutcome(total: ImportOutcome, part: ImportOutcome): ImportOutcome {
  return {
    lines: total.lines + part.lines,
    created: total.created + part.created,
    updated: total.updated + part.updated,
    unchanged: total.unchanged + part.unchanged,
    applied: total.applied && part.applied,
    rejectedTotal: total.rejectedTotal + part.rejectedTotal,
    rejected: [...total.rejected, ...part.rejected].slice(0, LISTED_REJECTS),
  };
}

/**
 * Each rejected line on stderr with its reasons, a summary, and the counts as JSON on stdout
 * (`rejected` counts every rejected line; `rejectedListed` how many were listed, at most 1,000).
 * Exit 2 when any line was rejected, so that scripts notice without reading the text.
 */
export function printOutcome(outcome: ImportOutcome, t: Translate, lang: Language): number {
  for (const bad of outcome.rejected) {
    process.stderr.write(`${t('import.rejectedLine', { line: bad.line, ref: bad.nationalRef ?? '', title: errorTitle(bad.code, lang) })}\n`);
    for (const issue of formatIssues(bad.issues)) process.stderr.write(`${issue}\n`);
  }
  if (outcome.rejected.length < outcome.rejectedTotal) {
    process.stderr.write(`${t('import.rejectsCut', { shown: outcome.rejected.length, total: outcome.rejectedTotal })}\n`);
  }
  const { lines, created, updated, unchanged, applied, rejectedTotal } = outcome;
  process.stdout.write(
    `${JSON.stringify({ lines, created, updated, unchanged, applied, rejected: rejectedTotal, rejectedListed: outcome.rejected.length })}\n`,
  );
  process.stderr.write(
    `${applied ? t('import.summary', { lines, created, updated, unchanged, rejected: rejectedTotal }) : t('import.nothingApplied', { lines, rejected: rejectedTotal })}\n`,
  );
  return rejectedTotal > 0 ? 2 : 0;
}
