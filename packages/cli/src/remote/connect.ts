import { readFileSync } from 'node:fs';
import type { CliConfig } from '../config.ts';
import { CliError } from '../errors.ts';
import type { RemoteFlags } from '../options.ts';
import { ApiClient } from './client.ts';

/**
 * The server a command should act through — `--server`, else SVOD_SERVER — or undefined to
 * open the store in-process. The credential comes from `--api-key-file`, else SVOD_API_KEY:
 * never from an argument, which any user could read in the process list.
 */
export function connectRemote(config: CliConfig, flags: RemoteFlags, purpose: string): ApiClient | undefined {
  const address = flags.server ?? config.server;
  if (!address) {
    if (flags.apiKeyFile) throw new CliError('remote.keyFileWithoutServer');
    return undefined;
  }
  return new ApiClient({ server: serverUrl(address), credential: credentialOf(config, flags), purpose, lang: config.lang });
}

/** http(s) only; a pasted API base (…/api/v1) is accepted and trimmed to the server. */
function serverUrl(address: string): URL {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    throw new CliError('remote.badUrl', { url: address });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new CliError('remote.badUrl', { url: address });
  url.pathname = url.pathname.replace(/\/+$/, '').replace(/\/api\/v1$/, '') || '/';
  url.search = '';
  url.hash = '';
  return url;
}

function credentialOf(config: CliConfig, flags: RemoteFlags): string {
  if (flags.apiKeyFile) {
    const key = readFileSync(flags.apiKeyFile, 'utf8').trim();
    if (!key) throw new CliError('remote.emptyKeyFile', { path: flags.apiKeyFile });
    return key;
  }
  if (config.apiKey) return config.apiKey.trim();
  throw new CliError('remote.noKey');
}
