import type { TFunction } from 'i18next';
import { ERROR_TITLES, type ErrorCode } from '@svod/core';
import { ApiError, NETWORK_ERROR, UNEXPECTED_RESPONSE } from '../../api/client.ts';
import type { Language } from '../../domain.ts';

const isKnownCode = (code: string): code is ErrorCode => Object.hasOwn(ERROR_TITLES, code);

/**
 * What to tell the user about a failure, in the interface language. The bank's own error
 * codes use the same titles the server sends (so a message follows a language switch);
 * anything else falls back to the server's title or a generic message.
 */
export function errorText(error: unknown, t: TFunction, lang: Language): string {
  if (error instanceof ApiError) {
    if (error.code === NETWORK_ERROR) return t('errors.network');
    if (error.code === UNEXPECTED_RESPONSE) return t('errors.unexpected', { status: error.status });
    if (isKnownCode(error.code)) return ERROR_TITLES[error.code][lang];
    return error.title || t('errors.unexpected', { status: error.status });
  }
  return t('errors.unexpected', { status: '—' });
}
