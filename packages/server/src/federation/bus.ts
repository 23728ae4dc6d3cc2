/** A message as the bus hands it over: where it came, its id (`Nats-Msg-Id`), its bytes, and how often it was delivered. */
export interface BusMessage {
  subject: string;
  id: string | null;
  data: Uint8Array;
  deliveries: number;
  /** Its sequence in the stream read, where the bus has one: the store keeps the last it applied (`APPLIED_SEQ_SETTING`). */
  seq?: number;
}

/** What became of a delivered message: applied (or already held), to be tried again, or set aside as a dead letter. */
export type Verdict = 'applied' | 'retry' | 'dead';

/**
 * What Svod needs of a message bus between nodes. `JetStreamBus` is the real one (NATS
 * JetStream: durable streams per state, sourced by the central bank); `MemoryBus` keeps the same
 * promises inside one process.
 */
/** Where a message was stored: its sequence in the stream (the original's, for a duplicate). */
export interface Published {
  duplicate: boolean;
  seq: number;
}

/** A message stored on a subject: the last one, as the publisher checks it against what it expected. */
export interface StoredMessage {
  seq: number;
  data: Uint8Array;
}

export interface FederationBus {
  /** Stores the message durably under `id`; a message with an id already stored is dropped (`duplicate`). */
  publish(subject: string, id: string, data: Uint8Array): Promise<Published>;
  /** The last message this node's stream holds on a subject, if any. */
  lastOn(subject: string): Promise<StoredMessage | null>;
  /**
   * Hands the stored messages to `handle` until stopped, in batches of what has arrived (one
   * message when they trickle, hundreds during a backfill): each is acknowledged when applied or
   * dead, and delivered again after `retry`.
   */
  consume(handle: (messages: BusMessage[]) => Promise<Verdict[]>): () => Promise<void>;
  /** Messages stored and not yet applied, where the bus can tell. */
  pending(): Promise<number | null>;
  /** Whether the bus is connected now. */
  connected(): boolean;
  close(): Promise<void>;
}

/** The most messages handed over at once: one transaction at the central bank. */
export const CONSUME_BATCH = 500;

/** How often a message is delivered before it is set aside: a database down longer is an outage, not a bad message. */
export const MAX_DELIVERIES = 5;

/**
 * The bus inside one process, with JetStream's promises: an id stored once, delivery until
 * acknowledged, redelivery after `retry`. For a single process that plays both ends (tests,
 * benches) — a node of its own needs `JetStreamBus`.
 */
export class MemoryBus implements FederationBus {
  private readonly stored: BusMessage[] = [];
  private readonly ids = new Map<string, number>();
  private readonly last = new Map<string, StoredMessage>();
  private seq = 0;
  private wake: (() => void) | undefined;

  async publish(subject: string, id: string, data: Uint8Array): Promise<Published> {
    const held = this.ids.get(id);
    if (held !== undefined) return { duplicate: true, seq: held };
    const seq = ++this.seq;
    this.ids.set(id, seq);
    this.last.set(subject, { seq, data });
    this.stored.push({ subject, id, data, deliveries: 0, seq });
    this.wake?.();
    return { duplicate: false, seq };
  }

  async lastOn(subject: string): Promise<StoredMessage | null> {
    return this.last.get(subject) ?? null;
  }

  consume(handle: (messages: BusMessage[]) => Promise<Verdict[]>): () => Promise<void> {
    let running = true;
    const loop = (async () => {
      while (running) {
        const batch = this.stored.splice(0, CONSUME_BATCH);
        if (batch.length === 0) {
          await new Promise<void>((resolve) => {
            this.wake = resolve;
            setTimeout(resolve, 200);
          });
          continue;
        }
        for (const message of batch) message.deliveries++;
        const verdicts = await handle(batch).catch(() => batch.map((): Verdict => 'retry'));
        this.stored.unshift(...batch.filter((_, i) => verdicts[i] === 'retry'));
      }
    })();
    return async () => {
      running = false;
      this.wake?.();
      await loop;
    };
  }

  async pending(): Promise<number> {
    return this.stored.length;
  }

  connected(): boolean {
    return true;
  }

  async close(): Promise<void> {}
}
