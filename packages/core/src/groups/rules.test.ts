import { describe, expect, it } from 'vitest';
import { consentOnLink, groupActions, groupIssues, groupReadsRecord, groupStatus, taskOverdue } from './rules.ts';
import type { GroupInput } from './types.ts';

const term = { startsOn: '2027-01-10', endsOn: '2027-06-30', endedAt: null };

describe('a group through its term', () => {
  it('is planned before its first day, active on its first and last, ended after the last or once ended early', () => {
    expect(groupStatus(term, '2027-01-09')).toBe('planned');
    expect(groupStatus(term, '2027-01-10')).toBe('active');
    expect(groupStatus(term, '2027-06-30')).toBe('active');
    expect(groupStatus(term, '2027-07-01')).toBe('ended');
    expect(groupStatus({ ...term, endedAt: '2027-02-01T10:00:00.000Z' }, '2027-02-02')).toBe('ended');
  });

  it('lets any member work in it until it ends, leaders manage it, and no one change it after', () => {
    expect(groupActions('active', { leader: false })).toEqual(['write']);
    expect(groupActions('planned', { leader: true })).toEqual(['write', 'manage']);
    expect(groupActions('ended', { leader: true })).toEqual([]);
  });

  it('shows a linked record only while active and consented', () => {
    expect(groupReadsRecord('active', 'granted')).toBe(true);
    expect(groupReadsRecord('active', 'pending')).toBe(false);
    expect(groupReadsRecord('planned', 'granted')).toBe(false);
    expect(groupReadsRecord('ended', 'granted')).toBe(false);
  });
});

describe("a record's owner decides", () => {
  it('a link by someone of the owner who may write its records is consent; any other waits for it', () => {
    expect(consentOnLink({ participant: 'KZ-MVD', mayWriteRecords: true }, 'KZ-MVD')).toBe('granted');
    expect(consentOnLink({ participant: 'KZ-MVD', mayWriteRecords: false }, 'KZ-MVD')).toBe('pending');
    expect(consentOnLink({ participant: 'KG-MVD', mayWriteRecords: true }, 'KZ-MVD')).toBe('pending');
  });
});

describe('terms and tasks', () => {
  const input: GroupInput = {
    kind: 'investigative',
    title: 'ССГ',
    purpose: 'Цель',
    legalBasis: 'Соглашение',
    participants: ['KZ-MVD', 'KG-MVD'],
    startsOn: '2027-01-10',
    endsOn: '2027-06-30',
  };
  it('refuses an end before the start and a lead agency outside the group, naming the field', () => {
    expect(groupIssues(input, 'KZ-MVD')).toEqual([]);
    expect(groupIssues({ ...input, endsOn: '2027-01-01' }, 'KZ-MVD')).toEqual([
      { path: '/endsOn', code: 'date_order', params: { before: '2027-01-10' } },
    ]);
    expect(groupIssues(input, 'UZ-MVD')).toEqual([{ path: '/participants', code: 'lead_not_participant', params: { value: 'UZ-MVD' } }]);
  });
  it('counts an open task overdue from the day after its due day, and a done one never', () => {
    expect(taskOverdue({ state: 'open', dueOn: '2027-02-01' }, '2027-02-01')).toBe(false);
    expect(taskOverdue({ state: 'open', dueOn: '2027-02-01' }, '2027-02-02')).toBe(true);
    expect(taskOverdue({ state: 'done', dueOn: '2027-02-01' }, '2027-03-01')).toBe(false);
    expect(taskOverdue({ state: 'open', dueOn: null }, '2027-03-01')).toBe(false);
  });
});
