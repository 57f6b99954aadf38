/** Before / after indicators of a siting run, side by side with the change. */
import { fmt } from './per-capita-logic.js';
import { indicatorRows, indicatorValue, type SitingResult } from './siting-logic.js';

export function BeforeAfter({ result }: { result: SitingResult }) {
  return (
    <table className="before-after" data-testid="before-after">
      <thead>
        <tr>
          <th scope="col">指标</th>
          <th scope="col">现状</th>
          <th scope="col">方案后</th>
          <th scope="col">变化</th>
        </tr>
      </thead>
      <tbody>
        {indicatorRows(result.problem).map((row) => {
          const b = indicatorValue(row, result.before[row.key]);
          const a = indicatorValue(row, result.after[row.key]);
          const d = a !== null && b !== null ? a - b : null;
          const better = d === null || d === 0 ? '' : (d > 0) === row.higherIsBetter ? 'ok' : 'warn';
          return (
            <tr key={row.key}>
              <th scope="row">
                {row.zh}
                <small>（{row.unit}）</small>
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
