import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@svod/core';
import type { Db } from '../db/database.ts';
import { loadSigningKey, type SigningKey } from '../security/signing-key.ts';
import { memoryStore } from '../test/helpers.ts';
import { cancelRecord, createRecord } from '../store/records.ts';
import { wantedPerson } from '../test/fixtures/records.ts';
import { applyBatch } from './applier.ts';
import { MemoryBus, type Verdict } from './bus.ts';
import { registerNode } from './nodes.ts';
import { becomeFederated, publishBatch } from './publisher.ts';

const officer: Actor = { kind: 'system', id: 'test', name: 'test', participant: 'KZ-MVD', role: 'supervisor' };

describe('a national node and the central bank on the in-process bus', () => {
  let dir: string;
  let node: Db;
  let central: Db;
  let key: SigningKey;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'svod-memory-bus-'));
    [node, central] = [await memoryStore(), await memoryStore()];
    key = loadSigningKey(join(dir, 'kz.pem'), { create: true });
    await registerNode(
      { db: central, actor: { ...officer, participant: 'BKBOP', role: 'administrator' }, purpose: 'test' },
      'KZ',
      readFileSync(join(dir, 'kz.pem.pub'), 'utf8'),
    );
  });
  afterAll(async () => {
    await node?.destroy();
    await central?.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  it('a single bank queues nothing; a national one queues every change in the writing transaction and sends each record once, at its newest version', async () => {
    await createRecord({ db: node, actor: officer, purpose: 'test' }, wantedPerson({ nationalRef: 'KZ-BEFORE' }));
    expect(await node.selectFrom('federation_outbox').select('seq').execute()).toEqual([]);
    await becomeFederated(node, 'national');
    const record = await createRecord({ db: node, actor: officer, purpose: 'test' }, wantedPerson({ nationalRef: 'KZ-MEM-1' }));
    await cancelRecord({ db: node, actor: officer, purpose: 'test' }, record.id, { version: 1, reason: 'Задержан' });
    expect((await node.selectFrom('federation_outbox').select('version').execute()).map((row) => row.version)).toEqual([1, 2]);

    const bus = new MemoryBus();
    expect(await publishBatch(node, bus, { role: 'national', state: 'KZ' }, key)).toBe(2);
    expect(await bus.pending()).toBe(1);
    expect(await node.selectFrom('federation_outbox').select('seq').execute()).toEqual([]);

    // The bank's database fails once: the message is delivered again and applied then.
    let failures = 1;
    const applied: Verdict[] = [];
    const stop = bus.consume(async (messages) => {
      if (failures-- > 0) return messages.map(() => 'retry' as const);
      const verdicts = await applyBatch(central, messages);
      applied.push(...verdicts);
      return verdicts;
    });
    for (let i = 0; i < 100 && applied.length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 20));
    await stop();
    expect(applied).toEqual(['applied']);
    const held = await central
      .selectFrom('records')
      .select(['status', 'version', 'cancel_reason'])
      .where('id', '=', record.id)
      .executeTakeFirstOrThrow();
    expect(held).toEqual({ status: 'cancelled', version: 2, cancel_reason: 'Задержан' });
    expect(await central.selectFrom('records').select('id').where('national_ref', '=', 'KZ-BEFORE').execute()).toEqual([]);
  });
});
