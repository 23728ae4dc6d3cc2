import type { FieldIssue } from '../errors.ts';
import type { ConsentState, GroupAction, GroupInput, GroupStatus } from './types.ts';

interface Term {
  startsOn: string;
  endsOn: string;
  endedAt: string | null;
}

/**
 * Where the group is on `day` (YYYY-MM-DD): planned before its first day, active to its last
 * (both inclusive), ended after it or once ended early.
 *
 * @example groupStatus({ startsOn: '2027-01-10', endsOn: '2027-06-30', endedAt: null }, '2027-02-01') // 'active'
 */
export function groupStatus(group: Term, day: string): GroupStatus {
  if (group.endedAt !== null || day > group.endsOn) return 'ended';
  return day < group.startsOn ? 'planned' : 'active';
}

/** What the schema cannot say of a group's terms: an end after its start, and the lead among the participants. */
export function groupIssues(group: GroupInput, lead: string): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (group.endsOn < group.startsOn) issues.push({ path: '/endsOn', code: 'date_order', params: { before: group.startsOn } });
  if (!group.participants.includes(lead)) issues.push({ path: '/participants', code: 'lead_not_participant', params: { value: lead } });
  return issues;
}

/** What a member may do: any member works in a group that has not ended; leaders also manage it. Nothing once it ends. */
export function groupActions(status: GroupStatus, member: { leader: boolean }): GroupAction[] {
  if (status === 'ended') return [];
  return member.leader ? ['write', 'manage'] : ['write'];
}

/**
 * A record linked by someone of the agency that owns it, who may write that agency's records
 * (and so may widen its distribution anyway), is shared with the group at once; anyone else's
 * link waits for the owner's consent.
 */
export const consentOnLink = (linker: { participant: string; mayWriteRecords: boolean }, owner: string): ConsentState =>
  linker.participant === owner && linker.mayWriteRecords ? 'granted' : 'pending';

/** The group's members read a linked record while the group is active and its owner has consented; never after the end. */
export const groupReadsRecord = (status: GroupStatus, consent: ConsentState): boolean => status === 'active' && consent === 'granted';

/** A task is overdue from the day after its due day while it stays open. */
export const taskOverdue = (task: { state: string; dueOn: string | null }, day: string): boolean =>
  task.state === 'open' && task.dueOn !== null && task.dueOn < day;
