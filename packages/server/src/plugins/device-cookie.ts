import type {} from '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';

export const DEVICE_COOKIE = 'svod_device';
/** A token as `newSecret` makes it: 32 random bytes in base64url. */
const TOKEN = /^[A-Za-z0-9_-]{43}$/;
/** Tokens one browser keeps: one per account signed in from it, e.g. on a shared workstation. */
const TOKENS_PER_BROWSER = 5;

/** The device tokens a browser presents, malformed ones dropped. */
export function presentedDeviceTokens(request: FastifyRequest): string[] {
  const raw = request.cookies[DEVICE_COOKIE] ?? '';
  return raw
    .split('.')
    .filter((token) => TOKEN.test(token))
    .slice(0, TOKENS_PER_BROWSER);
}

export interface DeviceCookieOptions {
  /** Sent only to the login route: no other request needs it. */
  path: string;
  secure: boolean;
  days: number;
}

/** Stores the new token first, keeping the browser's tokens for other accounts and dropping the one it replaces. */
export function setDeviceCookie(
  reply: FastifyReply,
  presented: readonly string[],
  issued: { token: string; replaces?: string },
  options: DeviceCookieOptions,
) {
  const tokens = [issued.token, ...presented.filter((t) => t !== issued.replaces && t !== issued.token)].slice(0, TOKENS_PER_BROWSER);
  reply.setCookie(DEVICE_COOKIE, tokens.join('.'), {
    path: options.path,
    httpOnly: true,
    sameSite: 'strict',
    secure: options.secure,
    maxAge: options.days * 86_400,
  });
}
