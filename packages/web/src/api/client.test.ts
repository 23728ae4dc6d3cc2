import { describe, expect, it } from 'vitest';
import { ApiClient, ApiError, NETWORK_ERROR, UNEXPECTED_RESPONSE, arrayMediaType, queryString } from './client.ts';

interface Call {
  url: string;
  init: RequestInit;
}

function fakeFetch(respond: (call: Call) => Response | Promise<Response>) {
  const calls: Call[] = [];
  const fetch = (async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const call = { url: String(input), init };
    calls.push(call);
    return respond(call);
  }) as typeof globalThis.fetch;
  return { fetch, calls };
}

const problem = (status: number, body: object) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/problem+json; charset=utf-8' } });

describe('ApiClient', () => {
  it('sends the UI language as Accept-Language and uses the session cookie of the same origin', async () => {
    let lang = 'ru';
    const { fetch, calls } = fakeFetch(() => Response.json({ items: [] }));
    const api = new ApiClient({ language: () => lang, fetch });
    await api.listRecords({ category: 'vehicle', status: undefined, limit: 50 });
    lang = 'en';
    await api.participants();
    expect(calls[0]!.url).toBe('/api/v1/records?category=vehicle&limit=50');
    expect((calls[0]!.init.headers as Record<string, string>)['accept-language']).toBe('ru');
    expect((calls[1]!.init.headers as Record<string, string>)['accept-language']).toBe('en');
    expect(calls[0]!.init.credentials).toBe('same-origin');
  });

  it('parses an RFC 9457 problem into an ApiError with the field errors', async () => {
    const { fetch } = fakeFetch(() =>
      problem(400, {
        type: 'urn:svod:problem:validation_failed',
        title: 'Запрос не прошёл проверку',
        status: 400,
        code: 'validation_failed',
        instance: '/api/v1/records/x/cancel',
        errors: [{ path: '/reason', code: 'too_long', message: 'не длиннее 500 символов' }],
      }),
    );
    const api = new ApiClient({ language: () => 'ru', fetch });
    const error = await api.cancelRecord('x', 1, 'r').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    const apiError = error as ApiError;
    expect(apiError).toMatchObject({ status: 400, code: 'validation_failed', title: 'Запрос не прошёл проверку' });
    expect(apiError.errors).toEqual([{ path: '/reason', code: 'too_long', message: 'не длиннее 500 символов' }]);
  });

  it('turns a non-problem error and a network failure into ApiErrors too', async () => {
    const html = new ApiClient({
      language: () => 'en',
      fetch: fakeFetch(
        () => new Response('<h1>Bad gateway</h1>', { status: 502, statusText: 'Bad Gateway', headers: { 'content-type': 'text/html' } }),
      ).fetch,
    });
    await expect(html.participants()).rejects.toMatchObject({ status: 502, code: UNEXPECTED_RESPONSE });

    const offline = new ApiClient({
      language: () => 'en',
      fetch: (async () => {
        throw new TypeError('Failed to fetch');
      }) as typeof globalThis.fetch,
    });
    await expect(offline.participants()).rejects.toMatchObject({ status: 0, code: NETWORK_ERROR });
  });

  it('tells listeners about a 401 of an authenticated call, but not of the login itself', async () => {
    const unauthenticated = problem(401, { type: 'urn:svod:problem:unauthenticated', title: 'x', status: 401, code: 'unauthenticated' });
    const { fetch } = fakeFetch(() => unauthenticated.clone());
    const api = new ApiClient({ language: () => 'ru', fetch });
    const heard: string[] = [];
    const stop = api.onUnauthenticated((e) => heard.push(e.code));
    await api.login('u', 'p').catch(() => undefined);
    expect(heard).toEqual([]);
    expect(await api.me()).toBeNull();
    expect(heard).toEqual([]);
    await api.getRecord('id').catch(() => undefined);
    expect(heard).toEqual(['unauthenticated']);
    stop();
    await api.getRecord('id').catch(() => undefined);
    expect(heard).toHaveLength(1);
  });

  it('returns nothing for 204 and builds attachment URLs the browser can load', async () => {
    const api = new ApiClient({ language: () => 'ru', fetch: fakeFetch(() => new Response(null, { status: 204 })).fetch });
    await expect(api.logout()).resolves.toBeUndefined();
    expect(api.attachmentUrl('a/b', 'c')).toBe('/api/v1/records/a%2Fb/attachments/c');
  });
});

describe('queryString', () => {
  it('leaves out undefined and empty values and encodes the rest', () => {
    expect(queryString({ a: undefined, b: '', c: 'x y', d: 5 })).toBe('?c=x+y&d=5');
    expect(queryString({})).toBe('');
    expect(queryString(undefined)).toBe('');
  });
});

describe('arrayMediaType', () => {
  it('names the media type of an array by its file name, and leaves the rest to the bytes', () => {
    expect(arrayMediaType('МВД-ТС.CSV')).toBe('text/csv');
    expect(arrayMediaType('export.jsonl')).toBe('application/x-ndjson');
    expect(arrayMediaType('export.xml')).toBe('application/xml');
    expect(arrayMediaType('export.xlsx')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(arrayMediaType('export')).toBe('application/octet-stream');
  });
});
