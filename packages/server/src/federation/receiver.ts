import type { KeyObject } from 'node:crypto';
import { COORDINATING_BODY, refusal, type FederationEnvelope, type RegistryEnvelope } from '@svod/core';
import type { Db, Tx } from '../db/database.ts';
import { appendAudit } from '../store/audit.ts';
import { forgetRegister, replaceRegister } from '../store/agreements.ts';
import { participantStates, upsertParticipants } from '../store/participants.ts';
import { writeSetting } from '../store/settings.ts';
import type { BusMessage, Verdict } from './bus.ts';
import { fileHitsAtNode } from './hit-flow.ts';
import { fileAttachmentParts, fileRequests } from './request-flow.ts';
import { applyChecked, checkSigned, federationActor, ofType, type Checked } from './inbound.ts';
import { bankKey } from './nodes.ts';

/** The node's hand when it files what the bank sent. */
const nodeActor = () => federationActor('central', COORDINATING_BODY);

/**
 * Whether this state's node may apply a message from the bank: signed by the bank, addressed to
 * this state, and a hit on a record of this state's agencies or of its checks, a request one of
 * its agencies is party to, a file of one (checked as it is filed), or the register.
 * Records come up from the nodes, never down.
 */
function check(message: BusMessage, state: string, key: KeyObject | undefined, states: Map<string, string | null>): Promise<Checked> {
  return checkSigned(message, 'down', () => key).then((checked) => {
    if ('dead' in checked) return checked;
    const { envelope } = checked;
    if (envelope.state !== state) return { dead: 'addressed_to_another_state', state: envelope.state };
    if (envelope.type === 'record.changed') return { dead: 'not_for_a_node', state };
    if (envelope.type === 'request.changed' && ![states.get(envelope.request.sender), states.get(envelope.request.recipient)].includes(state))
      return { dead: 'not_a_party_state', state };
    if (envelope.type === 'hit.changed' && states.get(envelope.hit.requester) !== state) {
      const refused = refusal(envelope, states.get(envelope.hit.owner));
      if (refused) return { dead: refused, state };
    }
    return checked;
  });
}

/** The register as the bank sent it last in the batch: participants first, as agreements name them. */
async function fileRegistry(tx: Tx, envelopes: readonly RegistryEnvelope[]): Promise<void> {
  const last = envelopes.reduce<RegistryEnvelope | undefined>((a, b) => (!a || a.sentAt <= b.sentAt ? b : a), undefined);
  if (!last) return;
  const { participants, agreements } = last.registry;
  await upsertParticipants(tx, participants);
  const changed = await replaceRegister(tx, agreements, 'federation:central');
  await appendAudit(tx, {
    actor: nodeActor(),
    action: 'federation.registry',
    outcome: 'success',
    purpose: 'federation',
    resourceType: 'agreement',
    resultCount: changed,
    detail: { message: last.id, participants: participants.length, agreements: agreements.length },
  });
}

/**
 * Applies a batch of what the central bank sent down to this state's node: the register, hits
 * on the state's records with their later changes, requests and their files. What fails its checks is set aside.
 */
export async function receiveBatch(db: Db, messages: readonly BusMessage[], state: string): Promise<Verdict[]> {
  const [key, states] = await Promise.all([bankKey(db), participantStates(db)]);
  const verdicts = await applyChecked(
    db,
    messages,
    (message) => check(message, state, key, states),
    async (tx, envelopes: readonly FederationEnvelope[]) => {
      await fileRegistry(tx, ofType(envelopes, 'registry.changed'));
      await fileHitsAtNode(tx, ofType(envelopes, 'hit.changed'), (participant) => states.get(participant) === state);
      await fileRequests(tx, ofType(envelopes, 'request.changed'), 'national');
      await fileAttachmentParts(tx, ofType(envelopes, 'attachment.part'), 'national');
    },
    nodeActor,
  );
  forgetRegister(db);
  await writeSetting(db, LAST_RECEIVED_SETTING, new Date().toISOString());
  return verdicts;
}

/** When the node last heard from the bank: the status's `lastReceivedAt`. */
export const LAST_RECEIVED_SETTING = 'federation.last_received_at';
