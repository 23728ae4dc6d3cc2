import type { FederationRole } from '@svod/core';
import type { Db } from '../db/database.ts';
import { loadSigningKey } from '../security/signing-key.ts';
import { applyMessage } from './applier.ts';
import type { FederationBus } from './bus.ts';
import { JetStreamBus } from './jetstream-bus.ts';
import { registeredStates } from './nodes.ts';
import { becomeNational, startPublishing, stopBeingNational } from './publisher.ts';

export interface FederationConfig {
  role: FederationRole;
  /** The member state of a national node (ISO 3166-1 alpha-2). */
  state?: string | undefined;
  /** The NATS server: a national node's own leaf server, the central bank's hub. */
  nats?: string | undefined;
  /** A national node's private signing key (created on first start); its public half beside it, to register at the bank. */
  keyFile: string;
}

/** A running node's part in the federation: what it is, its bus, and how to stop it. */
export interface FederationNode {
  role: FederationRole;
  state: string | null;
  bus: FederationBus | null;
  stop: () => Promise<void>;
}

/** How often the central bank looks for states registered since it started, to source their streams. */
const REGISTER_POLL_MS = 10_000;

/**
 * Starts this server's part: nothing for a single bank; for a national node, its key, the
 * outbox kept by the database and the sender; for the central bank, the stream sourcing every
 * registered state and the applier.
 */
export async function startFederation(db: Db, config: FederationConfig, onError: (error: unknown) => void): Promise<FederationNode> {
  if (config.role === 'single') {
    await stopBeingNational(db);
    return { role: 'single', state: null, bus: null, stop: async () => {} };
  }
  if (!config.nats) throw new Error(`a ${config.role} node needs a NATS server (--nats)`);
  if (config.role === 'national') {
    if (!config.state || !/^[A-Z]{2}$/.test(config.state)) throw new Error('a national node needs its state (--state, e.g. KZ)');
    const key = loadSigningKey(config.keyFile, { create: true });
    await becomeNational(db);
    const bus = await JetStreamBus.national(config.nats, config.state);
    const stopPublishing = startPublishing(db, bus, config.state, key, onError);
    return {
      role: 'national',
      state: config.state,
      bus,
      stop: async () => {
        await stopPublishing();
        await bus.close();
      },
    };
  }
  let states = await registeredStates(db);
  const bus = await JetStreamBus.central(config.nats, states);
  const stopApplying = bus.consume((message) => applyMessage(db, message));
  const watch = setInterval(() => {
    void (async () => {
      const now = await registeredStates(db);
      if (now.join() !== states.join()) {
        states = now;
        await bus.source(states);
      }
    })().catch(onError);
  }, REGISTER_POLL_MS);
  watch.unref();
  return {
    role: 'central',
    state: null,
    bus,
    stop: async () => {
      clearInterval(watch);
      await stopApplying();
      await bus.close();
    },
  };
}
