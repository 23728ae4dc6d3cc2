import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stateDomain } from '@svod/core';

/** Whether the machine has Debian's nats-server; federation tests are skipped, and say so, where it has not. */
export const NATS_SERVER = '/usr/sbin/nats-server';
export const HAS_NATS = existsSync(NATS_SERVER);

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });

async function reachable(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** One nats-server of the test: its config, and the process when running. */
interface Server {
  conf: string;
  port: number;
  process?: ChildProcess;
}

async function start(server: Server): Promise<void> {
  server.process = spawn(NATS_SERVER, ['-c', server.conf], { stdio: 'ignore' });
  for (let i = 0; i < 100; i++) {
    if (await reachable(server.port)) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`nats-server on ${server.port} did not start`);
}

async function stop(server: Server, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  const child = server.process;
  if (!child || child.exitCode !== null) return;
  await new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.kill(signal);
  });
  server.process = undefined;
}

/**
 * The federation's NATS as it runs between capitals, on this machine: the hub (JetStream domain
 * `central`) and a leaf server per state, each with its own JetStream domain and store, linked
 * to the hub as a leaf node, all on spare loopback ports.
 */
export interface NatsCluster {
  hubUrl: string;
  leafUrl: (state: string) => string;
  /** Takes a state's leaf server down (its link and its JetStream with it) or brings it back. */
  stopLeaf: (state: string, signal?: NodeJS.Signals) => Promise<void>;
  startLeaf: (state: string) => Promise<void>;
  close: () => Promise<void>;
}

export async function startNatsCluster(states: readonly string[]): Promise<NatsCluster> {
  const dir = mkdtempSync(join(tmpdir(), 'svod-nats-'));
  const leafPort = await freePort();
  const hub: Server = { conf: join(dir, 'hub.conf'), port: await freePort() };
  writeFileSync(
    hub.conf,
    `port: ${hub.port}\nhost: 127.0.0.1\nserver_name: hub\njetstream { store_dir: "${join(dir, 'hub')}", domain: central }\nleafnodes { listen: "127.0.0.1:${leafPort}" }\n`,
  );
  const leaves = new Map<string, Server>();
  for (const state of states) {
    const leaf: Server = { conf: join(dir, `${state}.conf`), port: await freePort() };
    writeFileSync(
      leaf.conf,
      `port: ${leaf.port}\nhost: 127.0.0.1\nserver_name: ${stateDomain(state)}\njetstream { store_dir: "${join(dir, state)}", domain: ${stateDomain(state)} }\nleafnodes { remotes: [ { url: "nats-leaf://127.0.0.1:${leafPort}" } ], reconnect: 1 }\n`,
    );
    leaves.set(state, leaf);
  }
  await start(hub);
  for (const leaf of leaves.values()) await start(leaf);
  const leafOf = (state: string) => {
    const leaf = leaves.get(state);
    if (!leaf) throw new Error(`no leaf server for ${state}`);
    return leaf;
  };
  return {
    hubUrl: `nats://127.0.0.1:${hub.port}`,
    leafUrl: (state) => `nats://127.0.0.1:${leafOf(state).port}`,
    stopLeaf: (state, signal) => stop(leafOf(state), signal),
    startLeaf: (state) => start(leafOf(state)),
    close: async () => {
      for (const leaf of leaves.values()) await stop(leaf);
      await stop(hub);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
