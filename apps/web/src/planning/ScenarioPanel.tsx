/** Saved scenarios: list, pick two or three to compare side by side (map colours + indicator table), delete. */
import { useEffect, useState } from 'react';
import { errorText } from '../i18n/errors.js';
import { useI18n } from '../i18n/index.js';
import { fmt } from './per-capita-logic.js';
import { send } from '../api/client.js';
import { compareTable, SCENARIO_COLOURS, toggleCompare, type Scenario } from './scenario-logic.js';
import { problemLabel } from './siting-logic.js';

interface Props {
  /** Bumped when a scenario was saved elsewhere, to reload the list. */
  revision: number;
  compared: Scenario[];
  setCompared: (s: Scenario[]) => void;
}

export function ScenarioPanel({ revision, compared, setCompared }: Props) {
  const { t, locale } = useI18n();
  const [list, setList] = useState<Scenario[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [again, setAgain] = useState(0);

  useEffect(() => {
    void send<{ scenarios: Scenario[] }>('GET', '/api/siting/scenarios').then((r) => setList(r.scenarios), (e: unknown) => setError(errorText(e, locale)));
  }, [revision, again]);

  const toggle = async (s: Scenario) => {
    const ids = toggleCompare(compared.map((c) => c.id), s.id);
    try {
      const full = await Promise.all(ids.map((id) => compared.find((c) => c.id === id) ?? send<Scenario>('GET', `/api/siting/scenarios/${id}`)));
      setCompared(full);
    } catch (e) {
      setError(errorText(e, locale));
    }
  };
  const remove = async (s: Scenario) => {
    if (!confirm(t('planning.scenario.confirmDelete').replace('{name}', s.name))) return;
    await send('DELETE', `/api/siting/scenarios/${s.id}`).catch((e: unknown) => setError(errorText(e, locale)));
    setCompared(compared.filter((c) => c.id !== s.id));
    setAgain((a) => a + 1);
  };
  const rows = compareTable(compared, t);
  return (
    <div data-testid="scenario-panel">
      <p className="sub-note">{t('planning.scenario.hint')}</p>
      {error ? <p className="error">{error}</p> : null}
      {list.length === 0 ? <p className="sub-note">{t('planning.scenario.none')}</p> : null}
      <ul className="scenario-list">
        {list.map((s) => {
          const slot = compared.findIndex((c) => c.id === s.id);
          return (
            <li key={s.id}>
              <label>
                <input type="checkbox" checked={slot >= 0} onChange={() => void toggle(s)} data-testid={`compare-${s.name}`} />
                {slot >= 0 ? <span className="swatch dot" style={{ background: SCENARIO_COLOURS[slot] }} /> : null} <strong>{s.name}</strong>
              </label>
              <span className="sub-note">
                {problemLabel(s.problem, t)} · {s.createdBy} · {new Date(s.createdAt).toLocaleString(locale)}
              </span>
              <button type="button" className="link danger" onClick={() => void remove(s)} aria-label={`${t('planning.scenario.delete')} ${s.name}`}>
                {t('planning.scenario.delete')}
              </button>
            </li>
          );
        })}
      </ul>
      {compared.length > 0 ? <CompareTable scenarios={compared} rows={rows} /> : null}
    </div>
  );
}

/** The side-by-side indicator table (also printed on the planning sheet). */
export function CompareTable({ scenarios, rows }: { scenarios: Scenario[]; rows: ReturnType<typeof compareTable> }) {
  const { t } = useI18n();
  return (
    <table className="compare-table" data-testid="compare-table">
      <thead>
        <tr>
          <th scope="col">{t('planning.indicator.name')}</th>
          {scenarios.map((s, i) => (
            <th scope="col" key={s.id}>
              <span className="swatch dot" style={{ background: SCENARIO_COLOURS[i] }} /> {s.name}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.label}>
            <th scope="row">{r.label}</th>
            {r.values.map((v, i) => (
              <td key={i}>{typeof v === 'number' ? fmt(v, r.digits) : v === null ? '—' : v}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
