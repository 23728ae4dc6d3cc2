/** PostgreSQL's unique_violation: another row already holds the key (both pg and PGlite report it as `code`). */
export const isUniqueViolation = (error: unknown): boolean =>
  typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23505';
