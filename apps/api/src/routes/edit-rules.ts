import type { EditableFeature, LayerDescriptor } from '@riskmap/db';
import { HttpError } from '../http/http-error.js';
import type { SessionUser } from '../http/role.js';

/**
 * The township-scope rule: a planner with a township scope edits only features of that township
 * (the feature before and after the change); others are not restricted.
 * @example ctx.authorize = scopeCheck(user)
 */
export function scopeCheck(user: SessionUser): ((f: EditableFeature) => void) | undefined {
  const scope = user.role === 'planner' ? user.townshipCode : null;
  if (!scope) return undefined;
  return (f) => {
    if (f.townshipCode !== scope) {
      throw new HttpError(403, 'outside_scope', `you may edit only features of township ${scope} (this one is in ${f.townshipCode ?? 'no township'})`, {
        field: 'townshipCode',
        scope,
      });
    }
  };
}

/**
 * Rules across properties of the record an edit would commit: effective area ≤ total area.
 * @example ctx.check = crossFieldCheck(LAYERS.shelters)
 */
export function crossFieldCheck(d: LayerDescriptor): (f: EditableFeature) => void {
  const total = d.id === 'shelters' ? 'totalAreaM2' : d.id === 'candidate-sites' ? 'areaM2' : null;
  return (f) => {
    const p = f.feature.properties ?? {};
    if (total && Number(p.effectiveAreaM2) > Number(p[total])) {
      const message = `effective area ${p.effectiveAreaM2} m² exceeds ${total} ${p[total]} m²`;
      throw new HttpError(400, 'invalid_input', `properties.effectiveAreaM2: ${message}`, { fields: [{ field: 'properties.effectiveAreaM2', message }] });
    }
  };
}

/**
 * Map a database error of an edit to an HttpError: unique code → 409, check or bad value → 400; others unchanged.
 * @example throw toHttpEditError(err)
 */
export function toHttpEditError(err: unknown): unknown {
  if (err instanceof HttpError) return err;
  const e = err as { code?: string; constraint?: string; message?: string };
  if (e.code === '23505') return new HttpError(409, 'duplicate', 'a feature with this code exists (possibly deleted: restore it)', { fields: [{ field: 'properties.code', message: 'taken' }] });
  if (e.code === '23514' || e.code === '23502' || e.code === '22P02' || e.code === '22023') {
    const field = e.constraint === 'shelters_effective_le_total' ? 'properties.effectiveAreaM2' : (e.constraint ?? 'body');
    return new HttpError(400, 'invalid_input', `rejected by the database: ${e.message}`, { fields: [{ field, message: e.message }] });
  }
  return err;
}
