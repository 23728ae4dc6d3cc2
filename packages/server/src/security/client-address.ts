import { isIPv6 } from 'node:net';

/**
 * The key a client's failed logins are counted under: its IPv4 address, or the /64 network of
 * an IPv6 one, since one subscriber is handed a whole /64 and could otherwise change address
 * with every guess. IPv4 written as IPv6 (`::ffff:a.b.c.d`) counts as the IPv4 address.
 */
export function clientKey(address: string): string {
  const plain = address.split('%')[0]!.toLowerCase();
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(plain);
  if (mapped) return mapped[1]!;
  if (!isIPv6(plain)) return plain;
  const [head = '', tail] = plain.split('::');
  const groups = (part: string) => (part ? part.split(':').flatMap((g) => (g.includes('.') ? ['0', '0'] : [g])) : []);
  const left = groups(head);
  const right = tail === undefined ? [] : groups(tail);
  const full = tail === undefined ? left : [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right];
  return `${full
    .slice(0, 4)
    .map((g) => Number.parseInt(g, 16).toString(16))
    .join(':')}::/64`;
}
