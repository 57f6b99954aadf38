/** Per-township or per-sector figures of the register (found, closed, open, overdue, rate, mean days) and the 屡改屡犯 units. */
import { label, useI18n, useScoped } from '../i18n/index.js';
import type { Statistics } from './hazard-api.js';

const pct = (r: number | null) => (r === null ? '—' : `${(r * 100).toFixed(1)}%`);
const days = (d: number | null) => (d === null ? '—' : d.toFixed(1));

export function HazardStats({ stats, by, setBy }: { stats: Statistics | null; by: 'township' | 'category'; setBy: (b: 'township' | 'category') => void }) {
  const h = useScoped('hazards');
  const { locale } = useI18n();
  if (!stats) return null;
  const rows = [...stats.groups, { ...stats.total, name: h('total') }];
  return (
    <section className="panel hazard-stats" data-testid="hazard-stats" aria-label={h('byTownship')}>
      <div className="seg">
        <button type="button" aria-pressed={by === 'township'} onClick={() => setBy('township')}>{h('byTownship')}</button>
        <button type="button" aria-pressed={by === 'category'} onClick={() => setBy('category')}>{h('byCategory')}</button>
      </div>
      <table className="stats-table">
        <thead>
          <tr><th>{by === 'township' ? h('township') : h('category')}</th><th>{h('found')}</th><th>{h('rectified')}</th><th>{h('open')}</th><th>{h('overdue')}</th><th>{h('rate')}</th><th>{h('avgDays')}</th></tr>
        </thead>
        <tbody>
          {rows.map((g) => (
            <tr key={g.key} data-key={g.key} className={g.key === 'total' ? 'total' : ''}>
              <td>{g.name}</td><td>{g.found}</td><td>{g.rectified}</td><td>{g.open}</td><td className={g.overdue ? 'overdue' : ''}>{g.overdue}</td><td>{pct(g.rectificationRate)}</td><td>{days(g.avgDaysToClose)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="sub-note">{label(locale, stats.basis, '')}{stats.sample ? ' · 示例数据' : ''}</p>
      <h3>{h('recurring')} <small>（{h('recurringRule', { days: stats.recurring.rule.windowDays, n: stats.recurring.rule.minHazards })}）</small></h3>
      <ul className="recurring" data-testid="recurring-units">
        {stats.recurring.units.slice(0, 8).map((u) => (
          <li key={u.unit}>{u.unit}{u.townshipName ? `（${u.townshipName}）` : ''}：{u.count}</li>
        ))}
      </ul>
      <p className="downloads">
        <a href="/api/hidden-hazards/register.xlsx" download>{h('downloadRegister')}</a>
        <a href={`/api/hidden-hazards/bulletin.xlsx?month=${stats.today.slice(0, 7)}`} download>{h('downloadBulletin')}</a>
      </p>
    </section>
  );
}
