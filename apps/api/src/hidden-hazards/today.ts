import type { AppDeps } from '../deps.js';
import { localDate } from './local-date.js';

/** Today's date (YYYY-MM-DD) in the hidden-hazard timezone, from the injected clock. */
export function todayOf(deps: Pick<AppDeps, 'clock' | 'config'>): string {
  return localDate(deps.clock ? deps.clock() : new Date(), deps.config.domain.hiddenHazards.timeZone);
}
