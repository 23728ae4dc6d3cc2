import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';

/**
 * Addresses a webhook must not reach: the server itself (loopback, the unspecified address) and
 * link-local ones, where cloud metadata services answer. An administrator registering such a URL
 * would make the bank call its own database or credentials service. Private ranges stay allowed:
 * national systems live on their ministries' intranets.
 */
export function isInternalAddress(address: string): boolean {
  const ip = address.toLowerCase().replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, '');
  if (isIP(ip) === 4) {
    const [a, b] = ip.split('.').map(Number);
    return a === 127 || a === 0 || (a === 169 && b === 254);
  }
  if (isIP(ip) === 6) return ip === '::1' || ip === '::' || /^fe[89ab]/.test(ip);
  return false;
}

const bare = (hostname: string) =>
  hostname
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '')
    .toLowerCase();

/** A host named as such an address, or `localhost`: refused when the webhook is registered. */
export function namesInternalHost(hostname: string): boolean {
  const host = bare(hostname);
  return host === 'localhost' || host.endsWith('.localhost') || isInternalAddress(host);
}

/** Whether the host resolves (now) to such an address: checked before each delivery, as a name may be pointed anywhere later. */
export async function resolvesInternally(hostname: string): Promise<boolean> {
  const host = bare(hostname);
  if (isIP(host)) return isInternalAddress(host);
  try {
    return (await lookup(host, { all: true })).some(({ address }) => isInternalAddress(address));
  } catch {
    // A name that does not resolve fails the delivery by itself.
    return false;
  }
}
