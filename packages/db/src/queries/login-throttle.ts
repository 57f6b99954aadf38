import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.js';

/** How failed sign-ins are slowed (see AppConfig.login). */
export interface LoginThrottlePolicy {
  freeFailures: number;
  backoffBaseS: number;
  backoffMaxS: number;
  addressMaxFailures: number;
  addressWindowS: number;
}

/**
 * Seconds until this username may be tried from this address again (0: now): the back-off of the username + address,
 * or the per-address ceiling when the address failed too often within the window.
 * @example const wait = await loginWait(db, 'li', '10.0.0.7', policy)
 */
export async function loginWait(db: Kysely<Database>, username: string, address: string, policy: LoginThrottlePolicy, now = new Date()): Promise<number> {
  const rows = await db
    .selectFrom('login_throttle')
    .select(['username', 'failures', 'first_failure_at', 'blocked_until'])
    .where('address', '=', address)
    .where('username', 'in', [username, ''])
    .execute();
  let waitMs = 0;
  for (const r of rows) {
    if (r.username === '') {
      const windowEnd = new Date(r.first_failure_at as unknown as string).getTime() + policy.addressWindowS * 1000;
      if (r.failures >= policy.addressMaxFailures && windowEnd > now.getTime()) waitMs = Math.max(waitMs, windowEnd - now.getTime());
    } else if (r.blocked_until) {
      waitMs = Math.max(waitMs, new Date(r.blocked_until as unknown as string).getTime() - now.getTime());
    }
  }
  return Math.max(0, Math.ceil(waitMs / 1000));
}

/**
 * Count a failed sign-in of username from address: its back-off grows as baseS·2^(n−free−1) up to maxS after the
 * free failures; the address's count restarts when its window has passed. Returns the failures of username + address.
 * @example await recordLoginFailure(db, 'li', '10.0.0.7', policy)
 */
export async function recordLoginFailure(db: Kysely<Database>, username: string, address: string, policy: LoginThrottlePolicy, now = new Date()): Promise<number> {
  const windowStart = new Date(now.getTime() - policy.addressWindowS * 1000);
  await db
    .insertInto('login_throttle')
    .values({ username: '', address, failures: 1, first_failure_at: now, last_failure_at: now })
    .onConflict((oc) =>
      oc.columns(['username', 'address']).doUpdateSet({
        failures: sql`case when login_throttle.first_failure_at < ${windowStart} then 1 else login_throttle.failures + 1 end`,
        first_failure_at: sql`case when login_throttle.first_failure_at < ${windowStart} then ${now} else login_throttle.first_failure_at end`,
        last_failure_at: now,
      }),
    )
    .execute();
  if (username === '') return 0;
  const row = await db
    .insertInto('login_throttle')
    .values({ username, address, failures: 1, first_failure_at: now, last_failure_at: now })
    .onConflict((oc) => oc.columns(['username', 'address']).doUpdateSet({ failures: sql`login_throttle.failures + 1`, last_failure_at: now }))
    .returning('failures')
    .executeTakeFirstOrThrow();
  const over = row.failures - policy.freeFailures;
  if (over > 0) {
    const waitS = Math.min(policy.backoffMaxS, policy.backoffBaseS * 2 ** Math.min(over - 1, 30));
    await db
      .updateTable('login_throttle')
      .set({ blocked_until: new Date(now.getTime() + waitS * 1000) })
      .where('username', '=', username)
      .where('address', '=', address)
      .execute();
  }
  // Forget rows untouched for a day so the table does not grow without bound.
  await db.deleteFrom('login_throttle').where('last_failure_at', '<', new Date(now.getTime() - 86_400_000)).execute();
  return row.failures;
}

/**
 * Forget the failures of username from address (after a successful sign-in).
 * @example await clearLoginFailures(db, 'li', '10.0.0.7')
 */
export async function clearLoginFailures(db: Kysely<Database>, username: string, address: string): Promise<void> {
  await db.deleteFrom('login_throttle').where('username', '=', username).where('address', '=', address).execute();
}

/**
 * Forget every failure of a username from any address (an admin's unlock); returns how many rows went.
 * @example await unlockLogin(db, 'li') // 2
 */
export async function unlockLogin(db: Kysely<Database>, username: string): Promise<number> {
  if (username === '') return 0;
  const r = await db.deleteFrom('login_throttle').where('username', '=', username).executeTakeFirst();
  return Number(r.numDeletedRows);
}
