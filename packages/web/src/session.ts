import { createContext, useContext } from 'react';
import { can } from '@svod/core';
import type { Actor, Language, ParticipantInfo, RecordView } from './domain.ts';

/** Who is logged in and the participants of the bank, known to every page after login. */
export interface Session {
  actor: Actor;
  participants: readonly ParticipantInfo[];
}

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession() outside <SessionContext.Provider>');
  return session;
}

/** A participant's name in the language; the code when the participant is unknown. */
export function participantName(participants: readonly ParticipantInfo[], code: string, lang: Language): string {
  const found = participants.find((p) => p.code === code);
  if (!found) return code;
  return lang === 'ru' ? found.nameRu : found.nameEn;
}

/** Only the owner's operators and supervisors may cancel, and only a record not yet cancelled. */
export const mayCancel = (actor: Actor, record: Pick<RecordView, 'owner' | 'status'>): boolean =>
  actor.participant === record.owner && can(actor, 'record.cancel') && record.status !== 'cancelled';

/** Operators and supervisors create records for their own agency. */
export const mayWrite = (actor: Actor): boolean => can(actor, 'record.write');

/** An active record whose review date has passed: its owner should confirm it still stands. */
export const reviewOverdue = (record: Pick<RecordView, 'status' | 'reviewBy'>, today = new Date().toISOString().slice(0, 10)): boolean =>
  record.status === 'active' && record.reviewBy !== undefined && record.reviewBy < today;

/** Administrators manage their agency's users, API keys and audit trail. */
export const mayAdminister = (actor: Actor): boolean => can(actor, 'user.manage');

/** Supervisors and analysts take the records they may see away as a table. */
export const mayExport = (actor: Actor): boolean => can(actor, 'record.export');

/** Supervisors decide whether two records are one subject. */
export const mayDecideMatches = (actor: Actor): boolean => can(actor, 'match.decide');

/** Operators and supervisors reconcile their agency's national arrays with the bank. */
export const mayImport = (actor: Actor): boolean => can(actor, 'record.import');
