import { AckPolicy, DeliverPolicy, jetstream, jetstreamManager, type JetStreamManager, type JsMsg, type StreamConfig } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { BANK_STREAM, CENTRAL_DOMAIN, CENTRAL_STREAM, bankMirror, bankSubjects, stateDomain, stateStream, stateSubjects } from '@svod/core';
import { CONSUME_BATCH, MAX_DELIVERIES, type BusMessage, type FederationBus, type Published, type StoredMessage, type Verdict } from './bus.ts';

/** How long a stream remembers message ids: a node that resends after a day's outage still sends nothing twice. */
const DUPLICATE_WINDOW_NS = 24 * 60 * 60 * 1e9;
/**
 * The durable consumers, one per store (named after its `store.id`): where applying stopped
 * survives a restart, and a new store — a bank being rebuilt, a node set up anew — starts from
 * the first message the stream holds and catches up. The central bank applies; a national node
 * receives what the bank sends down.
 */
export const applyConsumer = (store: string): string => `svod-apply-${store}`;
export const receiveConsumer = (store: string): string => `svod-receive-${store}`;
const ACK_WAIT_NS = 30 * 1e9;
/** JetStream's error code for a subject with no message. */
const NO_MESSAGE_FOUND = 10037;

async function connectTo(servers: string, name: string): Promise<NatsConnection> {
  // A link that drops is retried for ever: a node never gives up on the bank, nor the bank on a node.
  // No stack captured at each publish for a timeout that may never come: that was a tenth of a
  // node's work in a backfill; a timeout is logged by what timed out, not where it was called.
  return connect({
    servers,
    name,
    reconnect: true,
    maxReconnectAttempts: -1,
    reconnectTimeWait: 500,
    waitOnFirstConnect: true,
    noAsyncTraces: true,
  });
}

async function ensureStream(jsm: JetStreamManager, config: Partial<StreamConfig> & { name: string }): Promise<void> {
  // A server just started answers JetStream a moment after it takes connections.
  for (let attempt = 1; ; attempt++) {
    try {
      try {
        await jsm.streams.info(config.name);
        await jsm.streams.update(config.name, config);
      } catch (error) {
        if (!/not found/i.test(String(error))) throw error;
        await jsm.streams.add(config);
      }
      return;
    } catch (error) {
      if (attempt >= 40) throw error;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}

/**
 * How long a store's consumer outlives the store's last read: the consumer of a store abandoned
 * (a bank rebuilt elsewhere, a node set up anew) goes from the servers after a month. A node that
 * comes back after longer starts again from the first message, which changes nothing it holds.
 */
const INACTIVE_THRESHOLD_NS = 30 * 24 * 60 * 60 * 1e9;

/**
 * How far before the store's last applied message a consumer made again starts: batches applied
 * at once may commit out of order, and what the store already holds changes nothing when it
 * comes again.
 */
const REWIND_MARGIN = 2 * CONSUME_BATCH;

/**
 * The store's durable consumer, with explicit acknowledgement: where applying stopped survives a
 * restart, and what is not acknowledged comes again. A store restored from a backup is behind
 * its consumer (`applied`: the stream sequence of the last message the store holds applied):
 * the consumer is made again from there, so that what the store lost since the backup comes
 * again. A consumer made by an earlier version is given the inactivity threshold.
 */
async function ensureConsumer(jsm: JetStreamManager, stream: string, name: string, applied: number | null): Promise<void> {
  const existing = await jsm.consumers.info(stream, name).catch(() => null);
  const behind = existing !== null && applied !== null && existing.ack_floor.stream_seq > applied;
  if (existing && !behind) {
    if (existing.config.inactive_threshold !== INACTIVE_THRESHOLD_NS)
      await jsm.consumers.update(stream, name, { inactive_threshold: INACTIVE_THRESHOLD_NS });
    return;
  }
  if (behind) await jsm.consumers.delete(stream, name);
  await jsm.consumers.add(stream, {
    durable_name: name,
    ack_policy: AckPolicy.Explicit,
    ...(behind
      ? { deliver_policy: DeliverPolicy.StartSequence, opt_start_seq: Math.max(1, applied! - REWIND_MARGIN + 1) }
      : { deliver_policy: DeliverPolicy.All }),
    ack_wait: ACK_WAIT_NS,
    max_deliver: MAX_DELIVERIES,
    inactive_threshold: INACTIVE_THRESHOLD_NS,
  });
}

/**
 * NATS JetStream as the bus. A national node publishes to its own leaf server, into its state's
 * stream in the state's JetStream domain, which keeps what it is given while the link to the
 * bank is down; the central bank's stream sources every state's stream across the leaf links
 * and is read by one durable consumer with explicit acknowledgement.
 */
export class JetStreamBus implements FederationBus {
  private up = true;
  /** Batches applied at once: one on an embedded store (a single connection), two on a server's. */
  appliers = 1;

  private constructor(
    private readonly nc: NatsConnection,
    private readonly jsm: JetStreamManager,
    /** The stream this node reads, and its durable consumer there. */
    private readonly inbound: { stream: string; consumer: string },
    /** The stream this node writes to: its state's, or the bank's. */
    private readonly outbound: string,
  ) {
    void (async () => {
      for await (const status of nc.status()) {
        if (status.type === 'disconnect') this.up = false;
        else if (status.type === 'reconnect') this.up = true;
      }
    })();
  }

  /**
   * A national node's bus: its state's stream on its leaf server, for what it sends up, and its
   * mirror of the bank's stream filtered to this state's subjects, for what comes down. The
   * mirror keeps what the bank sent while the link was down, and catches up when it returns.
   */
  static async national(servers: string, state: string, store: string, applied: number | null = null): Promise<JetStreamBus> {
    const nc = await connectTo(servers, `svod-${state.toLowerCase()}`);
    const jsm = await jetstreamManager(nc);
    await ensureStream(jsm, { name: stateStream(state), subjects: [stateSubjects(state)], duplicate_window: DUPLICATE_WINDOW_NS });
    await ensureStream(jsm, {
      name: bankMirror(state),
      mirror: { name: BANK_STREAM, filter_subject: bankSubjects(state), external: { api: `$JS.${CENTRAL_DOMAIN}.API`, deliver: '' } },
    });
    await ensureConsumer(jsm, bankMirror(state), receiveConsumer(store), applied);
    return new JetStreamBus(nc, jsm, { stream: bankMirror(state), consumer: receiveConsumer(store) }, stateStream(state));
  }

  /**
   * The central bank's bus: one stream sourcing each registered state's, with the consumer that
   * applies them; and the bank's own stream of what it sends down, which the states mirror.
   */
  static async central(servers: string, states: readonly string[], store: string, applied: number | null = null): Promise<JetStreamBus> {
    const nc = await connectTo(servers, 'svod-central');
    const jsm = await jetstreamManager(nc);
    const bus = new JetStreamBus(nc, jsm, { stream: CENTRAL_STREAM, consumer: applyConsumer(store) }, BANK_STREAM);
    await bus.source(states);
    await ensureStream(jsm, { name: BANK_STREAM, subjects: [bankSubjects()], duplicate_window: DUPLICATE_WINDOW_NS });
    await ensureConsumer(jsm, CENTRAL_STREAM, applyConsumer(store), applied);
    return bus;
  }

  /** Sources these states' streams into the central stream (a state registered later is added). */
  async source(states: readonly string[]): Promise<void> {
    await ensureStream(this.jsm, {
      name: CENTRAL_STREAM,
      subjects: [],
      sources: states.map((state) => ({ name: stateStream(state), external: { api: `$JS.${stateDomain(state)}.API`, deliver: '' } })),
    });
  }

  async publish(subject: string, id: string, data: Uint8Array): Promise<Published> {
    const ack = await jetstream(this.nc).publish(subject, data, { msgID: id, timeout: 5000 });
    return { duplicate: ack.duplicate, seq: ack.seq };
  }

  async lastOn(subject: string): Promise<StoredMessage | null> {
    try {
      const stored = await this.jsm.streams.getMessage(this.outbound, { last_by_subj: subject });
      return stored ? { seq: stored.seq, data: stored.data } : null;
    } catch (error) {
      if ((error as { code?: number }).code === NO_MESSAGE_FOUND) return null;
      throw error;
    }
  }

  consume(handle: (messages: BusMessage[]) => Promise<Verdict[]>): () => Promise<void> {
    let running = true;
    let current: { stop: () => void } | undefined;
    const loop = (async () => {
      while (running) {
        try {
          const consumer = await jetstream(this.nc).consumers.get(this.inbound.stream, this.inbound.consumer);
          const messages = await consumer.consume({ max_messages: CONSUME_BATCH, expires: 2000 });
          current = messages;
          // Stopped while the consumer was being taken up: nothing would end the wait for messages.
          if (!running) {
            messages.stop();
            break;
          }
          // What arrives while batches are being applied is applied next, together: one message at
          // a time when they trickle, hundreds at a time in a backfill; on a server store, two
          // batches at once (a record in both is filed once: the second finds its version held).
          const waiting: JsMsg[] = [];
          const appliers = new Set<Promise<void>>();
          const applyWaiting = async () => {
            while (waiting.length > 0) {
              const batch = waiting.splice(0, CONSUME_BATCH);
              // The bank's own failure (its database away): every message of the batch comes again.
              const verdicts = await handle(
                batch.map((m) => ({
                  subject: m.subject,
                  id: m.headers?.get('Nats-Msg-Id') || null,
                  data: m.data,
                  deliveries: m.info.deliveryCount,
                  seq: m.seq,
                })),
              ).catch(() => batch.map((): Verdict => 'retry'));
              batch.forEach((m, i) => {
                if (verdicts[i] === 'applied') m.ack();
                else if (verdicts[i] === 'dead') m.term();
                else m.nak(1000);
              });
            }
          };
          for await (const m of messages) {
            waiting.push(m);
            if (appliers.size < this.appliers) {
              const applier = applyWaiting().finally(() => appliers.delete(applier));
              appliers.add(applier);
            }
            if (!running) break;
          }
          await Promise.all(appliers);
        } catch {
          // The link or the server went away: take up the consumer again once it is back.
          if (running) await new Promise((resolve) => setTimeout(resolve, 500));
        }
      }
    })();
    return async () => {
      running = false;
      current?.stop();
      await loop;
    };
  }

  /** Asks on a subject and waits for one answer: core NATS request and reply, for what must not wait in a stream (a check at the border). */
  async request(subject: string, data: Uint8Array, timeoutMs: number): Promise<Uint8Array> {
    return (await this.nc.request(subject, data, { timeout: timeoutMs })).data;
  }

  /**
   * Answers requests on a subject as one of a queue group (each request reaches one server of
   * the group), up to `concurrency` at once. Returns how to stop.
   */
  serve(subject: string, queue: string, answer: (data: Uint8Array) => Promise<Uint8Array>, concurrency = 16): () => void {
    const subscription = this.nc.subscribe(subject, { queue });
    void (async () => {
      const running = new Set<Promise<void>>();
      for await (const message of subscription) {
        const one = answer(message.data)
          .then((reply) => void message.respond(reply))
          .catch(() => undefined)
          .finally(() => running.delete(one));
        running.add(one);
        if (running.size >= concurrency) await Promise.race(running);
      }
    })();
    return () => subscription.unsubscribe();
  }

  async pending(): Promise<number | null> {
    try {
      return (await this.jsm.consumers.info(this.inbound.stream, this.inbound.consumer)).num_pending;
    } catch {
      return null;
    }
  }

  connected(): boolean {
    return this.up && !this.nc.isClosed();
  }

  async close(): Promise<void> {
    await this.nc.drain().catch(() => this.nc.close());
  }
}
