/** A start-up problem with the database (unreachable, unwritable, corrupt, no PostGIS): one clear message. */
export class DatabaseStartupError extends Error {
  override name = 'DatabaseStartupError';
}

/**
 * The database cannot take more work right now: the pool's wait queue is full, or a caller waited longer
 * than the configured bound for a connection. The API answers 503 `overloaded` with Retry-After.
 */
export class DatabaseBusyError extends Error {
  override name = 'DatabaseBusyError';
  readonly code = 'database_busy';
}

/** How a database error should be answered; null when it is not a database-side fault. */
export type DatabaseFault = 'unavailable' | 'busy' | 'timeout' | 'bad_value';

/** SQLSTATE classes and codes that mean the connection or the server is gone (or not yet there). */
const UNAVAILABLE_SQLSTATE = /^(08|57P0[1-4]|53300|3D000|28P01|28000)/;
const UNAVAILABLE_ERRNO = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH']);
const UNAVAILABLE_MESSAGE = /Connection terminated|pool after calling end|has already been destroyed|connection error|Client was closed|Connection ended|not queryable|timeout exceeded when trying to connect|terminating connection|the database system is (starting up|shutting down|in recovery mode)|embedded database (worker|is closed)/i;
/** Values PostgreSQL refuses to store (NUL in text, out-of-range integers, bad text for a type). */
const BAD_VALUE_SQLSTATE = new Set(['22021', '22003', '22P02', '22P05', '54000', '22007', '22008']);
/**
 * 08P01 (protocol_violation) is two different things. PostgreSQL and PGlite raise it for a message they cannot
 * parse — in practice a NUL character inside the SQL text ("invalid message format", "insufficient data left in
 * message", "invalid string in message"): a value that cannot be stored. pgbouncer sends *every* error of its own
 * as 08P01 ("server login has been failing, try again later (server_login_retry)", "server conn crashed?",
 * "pgbouncer cannot connect to server", "query_wait_timeout", "no more connections allowed (max_client_conn)", …):
 * the database is away or the pooler is full. Only PostgreSQL's parse messages are a bad value.
 */
const PROTOCOL_BAD_VALUE_MESSAGE = /^(invalid message format|insufficient data left in message|invalid string in message)/i;
/** pgbouncer's own refusals that mean "too many clients" rather than "server away". */
const POOLER_BUSY_MESSAGE = /no more connections allowed|max_client_conn|max_db_connections|max_user_connections/i;

/**
 * Classify an error thrown by a query: `unavailable` (connection died, server down or restarting — directly or
 * through pgbouncer), `busy` (pool or pooler saturated), `timeout` (statement or query timeout), `bad_value` (input PostgreSQL cannot store), or null.
 * The one place that knows pg's and PGlite's error codes; the API's error middleware maps its answer to HTTP.
 * @example classifyDatabaseError(Object.assign(new Error('x'), { code: '57P01' })) // 'unavailable'
 */
export function classifyDatabaseError(err: unknown): DatabaseFault | null {
  if (!err || typeof err !== 'object') return null;
  if (err instanceof DatabaseBusyError) return 'busy';
  const code = String((err as { code?: unknown }).code ?? '');
  const message = String((err as { message?: unknown }).message ?? '');
  if (code === '57014' || /Query read timeout|statement timeout|canceling statement due to statement timeout/i.test(message)) return 'timeout';
  if (code === '08P01') return PROTOCOL_BAD_VALUE_MESSAGE.test(message) ? 'bad_value' : POOLER_BUSY_MESSAGE.test(message) ? 'busy' : 'unavailable';
  if (BAD_VALUE_SQLSTATE.has(code)) return 'bad_value';
  if (UNAVAILABLE_SQLSTATE.test(code) || UNAVAILABLE_ERRNO.has(code)) return 'unavailable';
  if (UNAVAILABLE_MESSAGE.test(message)) return 'unavailable';
  const cause = (err as { cause?: unknown }).cause;
  return cause && cause !== err ? classifyDatabaseError(cause) : null;
}
