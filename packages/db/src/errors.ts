/** A start-up problem with the database (unreachable, unwritable, corrupt, no PostGIS): one clear message. */
export class DatabaseStartupError extends Error {
  override name = 'DatabaseStartupError';
}
