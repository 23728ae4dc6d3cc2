/**
 * A jsonb column as a query returns it: the pg driver parses it, but a value cast to text, or
 * written as text into a text column, comes back as the JSON text.
 */
export const jsonColumn = <T>(value: unknown): T => (typeof value === 'string' ? JSON.parse(value) : value) as T;

/** A timestamp column as the API writes it: ISO 8601, or null where it is not set. */
export const isoOrNull = (value: Date | string | null): string | null => (value === null ? null : new Date(value).toISOString());
