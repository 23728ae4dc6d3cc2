import type { Language } from '@svod/core';
import type { ImportReport } from '@svod/server';
import { errorTitle, formatIssues, wordIssues, type WordedIssue } from './errors.ts';
import type { Translate } from './i18n.ts';

export interface RejectedLine {
  /** Line number in the file the operator gave. */
  line: number;
  nationalRef?: string;
  code: string;
  issues: WordedIssue[];
}

/** An import's outcome as the CLI reports it. */
export interface ImportOutcome {
  lines: number;
  created: number;
  updated: number;
  unchanged: number;
  applied: boolean;
  rejectedTotal: number;
  rejected: RejectedLine[];
}

export function outcomeOfLocal(report: ImportReport, lang: Language): ImportOutcome {
  return {
    ...report,
    rejected: report.rejected.map(({ issues, ...line }) => ({ ...line, issues: wordIssues(issues, lang) })),
  };
}

/**
 * Each rejected line on stderr with its reasons, a summary, and the counts as JSON on stdout.
 * Exit 2 when any line was rejected, so that scripts notice without reading the text.
 */
export function printOutcome(outcome: ImportOutcome, t: Translate, lang: Language): number {
  for (const bad of outcome.rejected) {
    process.stderr.write(`${t('import.rejectedLine', { line: bad.line, ref: bad.nationalRef ?? '', title: errorTitle(bad.code, lang) })}\n`);
    for (const issue of formatIssues(bad.issues)) process.stderr.write(`${issue}\n`);
  }
  const { lines, created, updated, unchanged, applied } = outcome;
  const rejected = outcome.rejected.length;
  process.stdout.write(`${JSON.stringify({ ...outcome, rejected })}\n`);
  process.stderr.write(
    `${applied ? t('import.summary', { lines, created, updated, unchanged, rejected }) : t('import.nothingApplied', { lines, rejected })}\n`,
  );
  return rejected > 0 ? 2 : 0;
}
