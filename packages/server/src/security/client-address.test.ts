import { describe, expect, it } from 'vitest';
import { clientKey } from './client-address.ts';

describe('the address failed logins are counted under', () => {
  it('is the IPv4 address itself, however it is written', () => {
    expect(clientKey('203.0.113.7')).toBe('203.0.113.7');
    expect(clientKey('::ffff:203.0.113.7')).toBe('203.0.113.7');
    expect(clientKey('::FFFF:203.0.113.7')).toBe('203.0.113.7');
  });

  it('is the /64 of an IPv6 address, so a subscriber cannot change address with each guess', () => {
    const key = '2001:db8:a:b::/64';
    expect(clientKey('2001:db8:a:b::1')).toBe(key);
    expect(clientKey('2001:0db8:000a:000b:dead:beef:0:1')).toBe(key);
    expect(clientKey('2001:DB8:A:B:1:2:3:4%eth0')).toBe(key);
    expect(clientKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(clientKey('::1')).toBe('0:0:0:0::/64');
    expect(clientKey('64:ff9b::192.0.2.1')).toBe('64:ff9b:0:0::/64');
  });
});
