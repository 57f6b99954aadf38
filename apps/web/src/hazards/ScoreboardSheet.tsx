/** 规划指标考核: the plan's seven indicators with value, target, trend by year and a red/green judgement (the /scoreboard page and the planning workspace's tab). */
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { getJson, send } from '../api/client.js';
import { errorText } from '../i18n/errors.js';
import { useI18n, useScoped } from '../i18n/index.js';
import './scoreboard.css';

interface Value { year: number; value: number; source: string; sample: boolean; computed: boolean; version: number }
interface Item { key: string; no: number; zh: string; en: string; unit: string; target: number; targetYear: number; comparison: 'le' | 'lt' | 'ge' | 'gt'; definitionZh: string; basis: string; values: Value[]; latest: Value | null; meets: boolean | null }
export interface Board { planSource: string; today: string; items: Item[]; sample: boolean }

const SIGN = { le: '≤', lt: '<', ge: '≥', gt: '>' };

function Trend({ item }: { item: Item }) {
  const vs = item.values;
  if (vs.length < 2) return null;
  const all = [...vs.map((v) => v.value), item.target];
  const lo = Math.min(...all), hi = Math.max(...all);
  const y = (v: number) => 26 - ((v - lo) / (hi - lo || 1)) * 22;
  const x = (i: number) => 4 + (i * 92) / (vs.length - 1);
  return (
    <svg width="100" height="30" className="trend" aria-label="trend">
      <line x1="0" x2="100" y1={y(item.target)} y2={y(item.target)} stroke="#888" strokeDasharray="3 2" />
      <polyline fill="none" stroke="#1f4e79" strokeWidth="1.5" points={vs.map((v, i) => `${x(i)},${y(v.value)}`).join(' ')} />
      {vs.map((v, i) => <circle key={v.year} cx={x(i)} cy={y(v.value)} r="2" fill="#1f4e79" />)}
    </svg>
  );
}

/** The signed-in user's role ('public' when signed out) and the scoreboard, reloadable. */
export function useScoreboard(): { board: Board | null; role: string | null; load: () => Promise<void> } {
  const [board, setBoard] = useState<Board | null>(null);
  const [role, setRole] = useState<string | null>(null);
  const load = useCallback(async () => {
    const me = await getJson<{ user: { role: string } | null }>('/api/auth/me');
    setRole(me.user?.role ?? 'public');
    if (me.user) setBoard(await getJson<Board>('/api/plan-indicators'));
  }, []);
  useEffect(() => void load().catch(() => setRole('public')), [load]);
  return { board, role, load };
}

/** The scoreboard sheet (and, for an admin, the yearly entry form). */
export function ScoreboardSheet({ board, role, load }: { board: Board | null; role: string | null; load: () => Promise<void> }) {
  const h = useScoped('hazards');
  const { locale } = useI18n();
  const [entry, setEntry] = useState({ key: '', year: '', value: '', source: '' });
  const [message, setMessage] = useState<string | null>(null);

  const save = async (e: FormEvent) => {
    e.preventDefault();
    const current = board?.items.find((i) => i.key === entry.key)?.values.find((v) => v.year === Number(entry.year) && !v.computed);
    const body = { value: Number(entry.value), source: entry.source, ...(current ? { version: current.version } : {}) };
    const saved = await send('PUT', `/api/plan-indicators/${encodeURIComponent(entry.key)}/${encodeURIComponent(entry.year)}`, body).then(
      () => true,
      (err: unknown) => (setMessage(errorText(err, locale)), false),
    );
    if (!saved) return;
    setMessage(h('saved'));
    await load();
  };

  if (!board) return null;
  return (
    <section className="scoreboard-sheet" data-testid="scoreboard">
      <h1 className="sheet-title">“十四五”应急管理规划主要指标完成情况</h1>
      <p className="sheet-note">{board.planSource} · 制表日期 {board.today}{board.sample ? ' · 示例数据（数值为虚构）' : ''}</p>
      <table className="scoreboard-table">
        <thead>
          <tr><th>序号</th><th>{h('indicator')}</th><th>{h('target')}</th><th>{h('value')}</th><th>{h('trend')}</th><th>{h('judgement')}</th><th>{h('sourceCol')}</th></tr>
        </thead>
        <tbody>
          {board.items.map((i) => (
            <tr key={i.key} data-key={i.key} className={i.meets === null ? '' : i.meets ? 'met' : 'not-met'}>
              <td>{i.no}</td>
              <td>{locale === 'en' ? i.en : i.zh}<div className="basis">{i.definitionZh}</div></td>
              <td>{SIGN[i.comparison]} {i.target} {i.unit}</td>
              <td>{i.latest ? `${i.latest.value.toFixed(i.latest.value < 0.1 ? 4 : 2)} ${i.unit}（${i.latest.year}）` : h('noValue')}</td>
              <td><Trend item={i} /><div className="years">{i.values.map((v) => `${v.year}: ${v.value}`).join(' · ')}</div></td>
              <td className="judgement">{i.meets === null ? '—' : i.meets ? `● ${h('met')}` : `● ${h('notMet')}`}</td>
              <td className="source">{i.latest ? (i.latest.computed ? h('computed') : i.latest.source) : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="sheet-note">判定：最新一年数值与 2025 年目标按所列方向比较（绿 = 达标，红 = 未达标）。指标 7 与规划页人均避难面积为同一函数计算。</p>
      {role === 'admin' ? (
        <form className="entry no-print" onSubmit={(e) => void save(e)} data-testid="indicator-entry">
          <p className="sub-note">{h('enterHint')}</p>
          <select value={entry.key} onChange={(e) => setEntry({ ...entry, key: e.target.value })} required aria-label={h('indicator')}>
            <option value="" />
            {board.items.map((i) => <option key={i.key} value={i.key}>{i.no}. {i.zh}</option>)}
          </select>
          <input type="number" placeholder={h('year')} value={entry.year} onChange={(e) => setEntry({ ...entry, year: e.target.value })} required min={2000} max={2100} />
          <input type="number" step="any" placeholder={h('value')} value={entry.value} onChange={(e) => setEntry({ ...entry, value: e.target.value })} required />
          <input placeholder={h('sourceCol')} value={entry.source} onChange={(e) => setEntry({ ...entry, source: e.target.value })} required />
          <button type="submit">{h('save')}</button>
          {message ? <span role="status">{message}</span> : null}
        </form>
      ) : null}
    </section>
  );
}
