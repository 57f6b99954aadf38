import { insertHazardSteps, type Database, type Kysely } from '@riskmap/db';
import type { HiddenHazardsConfig } from '@riskmap/config';
import type { CommitRow } from '../editing/commit-rows.js';
import type { SessionUser } from '../http/role.js';

/**
 * The 登记 (record) step of every hazard an import creates, as `POST /api/hidden-hazards` records it: from no
 * status to the row's status, on its 发现日期 (else `today`), by the importing user, the note naming the file
 * and its row, so each imported hazard's history starts where a recorded one's does.
 * @example await importRecordSteps(cfg, user, '2026-12-04', '台账.xlsx')(trx, [{ id: 41, row }])
 */
export function importRecordSteps(cfg: HiddenHazardsConfig, user: SessionUser, today: string, filename: string | undefined) {
  const record = cfg.flow.find((s) => s.key === 'record');
  return async (trx: Kysely<Database>, made: { id: number; row: CommitRow }[]): Promise<void> => {
    if (!record) return;
    await insertHazardSteps(
      trx,
      made.map(({ id, row }) => ({
        hazardId: id,
        step: record.key,
        fromStatus: '',
        toStatus: typeof row.properties.status === 'string' && row.properties.status !== '' ? row.properties.status : record.to,
        onDate: typeof row.properties.foundOn === 'string' && row.properties.foundOn !== '' ? row.properties.foundOn : today,
        note: `导入${filename ? `：${filename}` : ''}（第 ${row.row} 行）`,
        actor: user.username,
        role: user.role,
      })),
    );
  };
}
