import { randomUUID, type KeyObject } from 'node:crypto';
import {
  AppError,
  ERROR_KINDS,
  CHECK_QUEUE,
  CHECK_SUBJECT,
  CHECK_TIMEOUT_MS,
  CheckAnswer,
  CheckCall,
  isAppError,
  signedText,
  type CheckInput,
  type ErrorCode,
  type FieldIssue,
} from '@svod/core';
import type { Db } from '../db/database.ts';
import { auditSuccess, withFailureAudit, type StoreContext } from '../store/context.ts';
import { FIELD_CHECK, runCheck, type CheckResult } from '../store/checks.ts';
import type { HitDeadlines } from '../store/hits.ts';
import { signText, verifyText, type SigningKey } from '../security/signing-key.ts';
import { compileAsserter, createAjv } from '../validation/ajv.ts';
import type { JetStreamBus } from './jetstream-bus.ts';
import { bankKey, parsedKey } from './nodes.ts';

const ajv = createAjv();
const readCall = compileAsserter<CheckCall>(ajv, CheckCall);
const readAnswer = compileAsserter<CheckAnswer>(ajv, CheckAnswer);
const encode = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));
const decode = (data: Uint8Array): unknown => JSON.parse(new TextDecoder().decode(data));
const verifies = (publicKey: KeyObject, text: string, signature: string) => verifyText({ publicKey, keyId: '' }, text, signature);

/** A check as answered at a national node: by the bank (every state's shared records), or by the node alone while the bank is out of reach. */
export type NodeCheckResult = CheckResult & { answeredBy: 'bank' | 'node' };

/**
 * The central bank's side: answers the national nodes' field checks as its own officers' are
 * answered — the same matcher, the same access rules for the checking officer's agency, the same
 * hit opened for the owner (which then travels down to the owner's node) — once the call's
 * signature holds for its state's registered key and the officer is one of that state's.
 */
export function serveChecks(bus: JetStreamBus, db: Db, key: SigningKey, deadlines: HitDeadlines): () => void {
  return bus.serve(CHECK_SUBJECT, CHECK_QUEUE, async (data) => {
    let callId = '00000000-0000-0000-0000-000000000000';
    const answer = (body: { result?: unknown; problem?: CheckAnswer['problem'] }) => {
      const unsigned = { call: callId, sentAt: new Date().toISOString(), ...body };
      return encode({ ...unsigned, signature: signText(key, signedText(unsigned)) });
    };
    try {
      const call = readCall(decode(data));
      callId = call.id;
      const node = await db.selectFrom('federation_nodes').select('public_key').where('state', '=', call.state).executeTakeFirst();
      if (!node || !verifies(parsedKey(node.public_key), signedText(call), call.signature)) throw new AppError('unauthenticated');
      // A call captured on the way and sent again later is not run again as the officer's check.
      if (Math.abs(Date.now() - Date.parse(call.sentAt)) > CALL_VALID_MS) throw new AppError('unauthenticated');
      const agency = await db.selectFrom('participants').select('state').where('code', '=', call.actor.participant).executeTakeFirst();
      if (agency?.state?.trim() !== call.state) throw new AppError('forbidden', { params: { permission: 'record.check' } });
      const result = await runCheck({ db, actor: call.actor, purpose: call.purpose }, call.input, FIELD_CHECK, deadlines);
      return answer({ result });
    } catch (error) {
      const problem = isAppError(error) ? { code: error.code, params: error.params, issues: error.issues } : { code: 'internal' };
      return answer({ problem });
    }
  });
}

/** How far a call's time may be from the bank's: the link's delay and the clocks' drift, not a replay. */
const CALL_VALID_MS = 60_000;

/**
 * A national node's side: the officer's check goes to the bank, signed with the node's key, and
 * the bank's signed answer comes back. When the bank cannot be reached in time the node answers
 * from its own state's records, and says so: an officer at the border is never left without an
 * answer, and knows how far it reaches. Audited here as the officer's check, whoever answered.
 */
export async function checkThroughBank(
  ctx: StoreContext,
  input: CheckInput,
  link: { bus: JetStreamBus | null; state: string; key: SigningKey; deadlines: HitDeadlines },
): Promise<NodeCheckResult> {
  const { bus, state, key } = link;
  const trusted = await bankKey(ctx.db);
  if (bus?.connected() && trusted && ctx.actor.kind !== 'system') {
    const unsigned = {
      id: randomUUID(),
      state,
      sentAt: new Date().toISOString(),
      actor: { kind: ctx.actor.kind, id: ctx.actor.id, name: ctx.actor.name, participant: ctx.actor.participant, role: ctx.actor.role },
      purpose: ctx.purpose,
      input,
    };
    const reply = await bus
      .request(CHECK_SUBJECT, encode({ ...unsigned, signature: signText(key, signedText(unsigned)) }), CHECK_TIMEOUT_MS)
      .then((data) => readAnswer(decode(data)))
      .catch(() => null);
    // The bank not knowing this node (its key not registered, its clock far off) is the node's
    // problem, not the officer's: the officer is answered from the node's own records.
    const answered = reply && reply.call === unsigned.id && verifies(trusted, signedText(reply), reply.signature);
    if (answered && reply.problem?.code !== 'unauthenticated') {
      return withFailureAudit(ctx, { action: 'record.check', resourceType: 'record' }, async () => {
        if (reply.problem) {
          const { code, params, issues } = reply.problem;
          // The bank's refusal, as its own API would give it; a code this node does not know (a newer bank) is an internal failure.
          const known = (code in ERROR_KINDS ? code : 'internal') as ErrorCode;
          throw new AppError(known, { params: params ?? {}, issues: (issues ?? []) as FieldIssue[] });
        }
        const result = reply.result as CheckResult;
        await auditSuccess(ctx.db, ctx, {
          action: 'record.check',
          resourceType: 'record',
          resultCount: result.candidates.length,
          detail: { outcome: result.outcome, answeredBy: 'bank', query: input, records: result.candidates.map((c) => c.record.id) },
        });
        return { ...result, answeredBy: 'bank' as const };
      });
    }
  }
  return { ...(await runCheck(ctx, input, FIELD_CHECK, link.deadlines)), answeredBy: 'node' };
}
