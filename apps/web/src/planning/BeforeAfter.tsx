/** Before / after indicators of a siting run, side by side with the change. */
import { fill, useI18n } from '../i18n/index.js';
import { fmt } from './per-capita-logic.js';
import { indicatorLabel, indicatorRows, indicatorValue, unitLabel, type SitingResult } from './siting-logic.js';

export function BeforeAfter({ result }: { result: SitingResult }) {
  const { t } = useI18n();
  return (
    <table className="before-after" data-testid="before-after">
      <thead>
        <tr>
          <th scope="col">{t('planning.indicator.name')}</th>
          <th scope="col">{t('planning.indicator.before')}</th>
          <th scope="col">{t('planning.indicator.after')}</th>
          <th scope="col">{t('planning.indicator.change')}</th>
        </tr>
      </thead>
      <tbody>
        {indicatorRows(result.problem, result).map((row) => {
          const b = indicatorValue(row, result.before[row.key]);
          const a = indicatorValue(row, result.after[row.key]);
          const d = a !== null && b !== null ? a - b : null;
          const better = d === null || d === 0 ? '' : (d > 0) === row.higherIsBetter ? 'ok' : 'warn';
          return (
            <tr key={row.key}>
              <th scope="row">
                {indicatorLabel(row, t)}
                <small>{fill(t('planning.unit.wrap'), { unit: unitLabel(row.unit, t) })}</small>
              </th>
              <td>{fmt(b, row.digits)}</td>
              <td>{fmt(a, row.digits)}</td>
              <td className={better}>{d === null ? '—' : `${d > 0 ? '+' : ''}${fmt(d, row.digits)}`}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
