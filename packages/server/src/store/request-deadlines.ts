import { COORDINATING_BODY, FINAL_STATES } from '@svod/core';
import type { Db } from '../db/database.ts';
import { auditSuccess, deadlineContext } from './context.ts';
import { announce, recordEvent } from './events.ts';
import { requestEventPayload } from './requests.ts';

/** States in which the recipient owes the answer: not closed, not waiting on the sender's clarification. */
const NOT_OWED = [...FINAL_STATES, 'clarification_requested'];

/**
 * Sends the reminders and escalations due at `now`: a reminder to the recipient at its
 * `remind_at` (set with the deadline, see core's `reminderAt`), and once the deadline passes an
 * overdue notice to the recipient (whose supervisors the console alerts), the sender and BKBOP.
 * Each is stamped once by a conditional update, so two processes watching one bank send it once.
 */
export async function processRequestDeadlines(db: Db, now: Date): Promise<{ reminded: number; escalated: number }> {
  const result = await db.transaction().execute(async (tx) => {
    const escalated = await tx
      .updateTable('requests')
      .set({ escalated_at: now })
      .where('escalated_at', 'is', null)
      .where('deadline_at', '<=', now)
      .where('state', 'not in', NOT_OWED)
      .returningAll()
      .execute();
    for (const request of escalated) {
      const told = request.sender === COORDINATING_BODY || request.recipient === COORDINATING_BODY ? [] : [COORDINATING_BODY];
      await recordEvent(tx, [request.recipient, request.sender, ...told], 'request.overdue', requestEventPayload(request));
      await auditSuccess(tx, deadlineContext(db, request.recipient, 'request.deadline'), {
        action: 'request.escalate',
        resourceType: 'request',
        resourceId: request.id,
      });
    }
    const reminded = await tx
      .updateTable('requests')
      .set({ reminded_at: now })
      .where('reminded_at', 'is', null)
      .where('escalated_at', 'is', null)
      .where('remind_at', '<=', now)
      .where('state', 'not in', NOT_OWED)
      .returningAll()
      .execute();
    for (const request of reminded) {
      await recordEvent(tx, [request.recipient], 'request.reminder', requestEventPayload(request));
      await auditSuccess(tx, deadlineContext(db, request.recipient, 'request.deadline'), {
        action: 'request.remind',
        resourceType: 'request',
        resourceId: request.id,
      });
    }
    return { reminded: reminded.length, escalated: escalated.length };
  });
  if (result.reminded + result.escalated > 0) announce(db);
  return result;
}
