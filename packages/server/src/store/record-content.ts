import type { RecordContent, RecordInput } from '@svod/core';
import type { RecordRow } from '../db/database.ts';
import { jsonColumn } from '../db/columns.ts';

/** A record row's editable content; pg hands jsonb over parsed, some drivers as text. */
export const recordContent = (row: Pick<RecordRow, 'content'>): RecordContent => jsonColumn<RecordContent>(row.content);

/** The record as matching sees it: its category, reference and content. */
export const recordSubject = (row: Pick<RecordRow, 'content' | 'category' | 'national_ref'>): RecordInput => ({
  ...recordContent(row),
  category: row.category as RecordInput['category'],
  nationalRef: row.national_ref,
});
