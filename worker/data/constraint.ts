/** Walks an error and its causes (drizzle wraps D1's) for SQLite's UNIQUE message. */
export function isUniqueViolation(err: unknown, columns: string): boolean {
  for (let e: unknown = err; e instanceof Error; e = e.cause) {
    if (e.message.includes(`UNIQUE constraint failed: ${columns}`)) return true;
  }
  return false;
}
