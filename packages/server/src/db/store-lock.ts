import { createHash } from 'node:crypto';
import { realpathSync, rmSync } from 'node:fs';
import { connect, createServer, type Server } from 'node:net';
import { basename, join } from 'node:path';

/** Who holds an embedded store: enough for an operator to find the process. */
export interface StoreHolder {
  pid: number;
  command: string;
  since: string;
}

/** A second process asked for an embedded store that another one has open. */
export class StoreInUseError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holder: StoreHolder | undefined,
  ) {
    super(
      holder
        ? `the embedded store in ${dataDir} is open in process ${holder.pid} (${holder.command}, since ${holder.since}); one process at a time may open it`
        : `the embedded store in ${dataDir} is open in another process; one process at a time may open it`,
    );
    this.name = 'StoreInUseError';
  }
}

export interface StoreLock {
  release(): Promise<void>;
}

/**
 * Holds an embedded store for this process. PGlite has no locking of its own: two processes on
 * one data folder each keep their own copy of its state, and one's writes (its audit entries)
 * are lost or the folder corrupted. The lock is a listening Unix socket named after the folder —
 * in Linux's abstract namespace, so the kernel drops it the moment the process dies, even by
 * kill -9, and two processes can never both bind it. Elsewhere it is a socket file in the folder,
 * removed when found stale. Whoever is refused asks the holder who it is.
 */
export async function lockStore(dataDir: string): Promise<StoreLock> {
  const address = lockAddress(dataDir);
  const holder: StoreHolder = { pid: process.pid, command: commandLine(), since: new Date().toISOString() };
  const server = createServer((socket) => socket.end(JSON.stringify(holder)));
  try {
    await listen(server, address);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    const other = await askHolder(address);
    if (other === 'stale' && process.platform !== 'linux') {
      rmSync(address, { force: true });
      return lockStore(dataDir);
    }
    throw new StoreInUseError(dataDir, other === 'stale' ? undefined : other);
  }
  // The lock must not keep a finished command alive.
  server.unref();
  return { release: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

function lockAddress(dataDir: string): string {
  const folder = realpathSync(dataDir);
  if (process.platform === 'linux') return `\0svod-store-${createHash('sha256').update(folder).digest('hex').slice(0, 40)}`;
  return join(folder, '.svod-lock');
}

const commandLine = () => [basename(process.argv[1] ?? process.argv0), ...process.argv.slice(2)].join(' ').slice(0, 200);

function listen(server: Server, path: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen({ path, exclusive: true }, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

/** The holder's own description, or `stale` when nothing answers (a socket file left by a crash). */
function askHolder(path: string): Promise<StoreHolder | 'stale'> {
  return new Promise((resolve) => {
    let text = '';
    const socket = connect({ path });
    socket.setTimeout(2000, () => socket.destroy());
    socket.on('data', (chunk) => {
      text += chunk;
    });
    socket.on('error', () => resolve('stale'));
    socket.on('close', () => {
      try {
        resolve(JSON.parse(text) as StoreHolder);
      } catch {
        resolve('stale');
      }
    });
  });
}
