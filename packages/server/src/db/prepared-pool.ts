import { createHash } from 'node:crypto';
import type pg from 'pg';

/**
 * A pool whose connections prepare the statements the application sends again and again (a
 * check's candidate query, its audit append, a session lookup) and then only bind and execute
 * them: the server parses and analyses each once per connection instead of once per call.
 * Kysely sends every statement unnamed; naming the repeated ones here keeps the query builder
 * and saves a check the parse-and-plan of each of its statements (see docs/benchmarks.md).
 *
 * A text is named on its second use, so one-off statements (migrations, DDL, an administrator's
 * ad-hoc listing) stay unnamed; at most MAX_NAMED texts are ever named, so a connection never
 * holds more prepared statements than that.
 */
const MAX_NAMED = 2_000;
/** Texts seen once, waiting for a second use; forgotten wholesale when it grows past the bound. */
const MAX_SEEN = 20_000;

/** Statements of this text and beyond are not worth keeping prepared. */
const MAX_TEXT = 8_000;

/**
 * PostgreSQL refuses a prepared statement whose result columns changed under it (a migration
 * added a column to a table it reads whole): `cached plan must not change result type`.
 */
const PLAN_CHANGED = '0A000';

export function preparingPool(pool: pg.Pool): pg.Pool {
  const seen = new Set<string>();
  const named = new Map<string, string>();
  const nameOf = (text: string): string | undefined => {
    const known = named.get(text);
    if (known !== undefined || text.length > MAX_TEXT) return known;
    if (!seen.has(text)) {
      if (seen.size >= MAX_SEEN) seen.clear();
      seen.add(text);
      return undefined;
    }
    if (named.size >= MAX_NAMED) return undefined;
    const name = `svod_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
    named.set(text, name);
    return name;
  };
  const wrapped = new WeakMap<pg.PoolClient, pg.PoolClient>();
  const wrap = (client: pg.PoolClient): pg.PoolClient => {
    let proxy = wrapped.get(client);
    if (proxy) return proxy;
    const query = async (text: unknown, values?: unknown[]) => {
      const name = typeof text === 'string' && values && values.length > 0 ? nameOf(text) : undefined;
      if (name === undefined) return client.query(text as string, values);
      try {
        return await client.query({ name, text: text as string, values });
      } catch (error) {
        if ((error as { code?: unknown }).code !== PLAN_CHANGED) throw error;
        return client.query(text as string, values);
      }
    };
    proxy = new Proxy(client, {
      get(target, property) {
        if (property === 'query') return query;
        const value = Reflect.get(target, property, target);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    wrapped.set(client, proxy);
    return proxy;
  };
  return new Proxy(pool, {
    get(target, property) {
      if (property === 'connect') return async () => wrap(await target.connect());
      const value = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
