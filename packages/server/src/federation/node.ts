import { isStateCode, type CheckInput, type FederationRole } from '@svod/core';
import { storeId } from '../store/audit-checkpoints.ts';
import type { StoreContext } from '../store/context.ts';
import { DEFAULT_HIT_DEADLINES, type HitDeadlines } from '../store/hits.ts';
import { checkThroughBank, serveChecks, type NodeCheckResult } from './check-link.ts';
import type { Db } from '../db/database.ts';
import { loadSigningKey } from '../security/signing-key.ts';
import { applyBatch } from './applier.ts';
import type { FederationBus } from './bus.ts';
import { JetStreamBus } from './jetstream-bus.ts';
import { registeredStates } from './nodes.ts';
import { becomeFederated, startPublishing, stopBeingFederated } from './publisher.ts';
import { receiveBatch } from './receiver.ts';
import { APPLIED_SEQ_SETTING } from './inbound.ts';
import { readSetting } from '../store/settings.ts';

export interface FederationConfig {
  role: FederationRole;
  /** The member state of a national node (ISO 3166-1 alpha-2). */
  state?: string | undefined;
  /** The NATS server: a national node's own leaf server, the central bank's hub. */
  nats?: string | undefined;
  /** The node's private signing key (created on first start); its public half beside it, to register at the bank (a state's) or at every node (the bank's). */
  keyFile: string;
  /** The central bank: batches filed at once — 2 on a PostgreSQL server, 1 on the embedded store's single connection. */
  concurrentBatches?: number;
  /** How long owners have to answer the hits of checks the bank answers for the nodes. */
  hitDeadlines?: HitDeadlines;
}

/** A running node's part in the federation: what it is, its bus once connected, and how to stop it. */
export interface FederationNode {
  role: FederationRole;
  state: string | null;
  /** The bus, once the first connection is made; none for a single bank. */
  bus: () => FederationBus | null;
  /** Settles once the bus is connected and working (never, while NATS stays unreachable). */
  ready: Promise<void>;
  /** A national node's field checks, answered by the bank (by the node alone while the bank is out of reach); none elsewhere. */
  check?: (ctx: StoreContext, input: CheckInput) => Promise<NodeCheckResult>;
  stop: () => Promise<void>;
}

/** The bus as health and status report it: none for a single bank; otherwise whether it is connected now. */
export const busState = (node: FederationNode | undefined): 'none' | 'connected' | 'disconnected' =>
  !node || node.role === 'single' ? 'none' : node.bus()?.connected() ? 'connected' : 'disconnected';

/** How often the central bank looks for states registered since it started, to source their streams. */
const REGISTER_POLL_MS = 10_000;

/** The same checks `svod serve` makes of its options, before anything starts. */
export function federationProblem(config: FederationConfig): string | null {
  if (config.role === 'single') return null;
  if (!config.nats) return `a ${config.role} node needs a NATS server (--nats)`;
  if (config.role === 'national' && !isStateCode(config.state)) return 'a national node needs its state (--state, e.g. KZ)';
  return null;
}

/**
 * Starts this server's part: nothing for a single bank; for a national node, its key, the outbox
 * the database keeps and the sender; for the central bank, the stream sourcing every registered
 * state and the applier. The server serves at once: while NATS is unreachable a national node
 * keeps its changes in its outbox, and the bus takes up its work when it connects.
 */
/** How far in its inbound stream the store has applied, as its own data says (null before it ever applied). */
async function appliedSeq(db: Db): Promise<number | null> {
  const value = await readSetting(db, APPLIED_SEQ_SETTING);
  return value === undefined ? null : Number(value);
}

export async function startFederation(db: Db, config: FederationConfig, onError: (error: unknown) => void): Promise<FederationNode> {
  const problem = federationProblem(config);
  if (problem) throw new Error(problem);
  if (config.role === 'single') {
    await stopBeingFederated(db);
    return { role: 'single', state: null, bus: () => null, ready: Promise.resolve(), stop: async () => {} };
  }
  let bus: JetStreamBus | null = null;
  const deadlines = config.hitDeadlines ?? DEFAULT_HIT_DEADLINES;
  let stopWork: (() => Promise<void>) | null = null;
  let stopped = false;
  const nats = config.nats!;
  if (config.role === 'national') {
    const state = config.state!;
    const key = loadSigningKey(config.keyFile, { create: true });
    await becomeFederated(db, 'national');
    const ready = JetStreamBus.national(nats, state, await storeId(db), await appliedSeq(db)).then(async (connected) => {
      if (stopped) return connected.close();
      bus = connected;
      const stopPublishing = startPublishing(db, connected, { role: 'national', state }, key, onError);
      const stopReceiving = connected.consume((messages) => receiveBatch(db, messages, state));
      stopWork = async () => {
        await stopReceiving();
        await stopPublishing();
      };
    });
    ready.catch(onError);
    return {
      role: 'national',
      state,
      bus: () => bus,
      ready,
      check: (ctx, input) => checkThroughBank(ctx, input, { bus, state, key, deadlines }),
      stop: async () => {
        stopped = true;
        await stopWork?.();
        await bus?.close();
      },
    };
  }
  const key = loadSigningKey(config.keyFile, { create: true });
  await becomeFederated(db, 'central');
  let states = await registeredStates(db);
  let watch: NodeJS.Timeout | undefined;
  const ready = JetStreamBus.central(nats, states, await storeId(db), await appliedSeq(db)).then(async (connected) => {
    if (stopped) return connected.close();
    bus = connected;
    connected.appliers = config.concurrentBatches ?? 1;
    const stopApplying = connected.consume((messages) => applyBatch(db, messages));
    const stopPublishing = startPublishing(db, connected, { role: 'central' }, key, onError);
    const stopServing = serveChecks(connected, db, key, deadlines);
    watch = setInterval(() => {
      void (async () => {
        const now = await registeredStates(db);
        if (now.join() !== states.join()) {
          states = now;
          await connected.source(states);
        }
      })().catch(onError);
    }, REGISTER_POLL_MS);
    watch.unref();
    stopWork = async () => {
      stopServing();
      await stopApplying();
      await stopPublishing();
    };
  });
  ready.catch(onError);
  return {
    role: 'central',
    state: null,
    bus: () => bus,
    ready,
    stop: async () => {
      stopped = true;
      clearInterval(watch);
      await stopWork?.();
      await bus?.close();
    },
  };
}
