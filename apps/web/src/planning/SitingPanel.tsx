/** Siting: problem, facility, p or target, radius/time, candidate filters; run with progress and cancel; results; save; accept. */
import { useState } from 'react';
import { errorText } from '../i18n/errors.js';
import { fill, useI18n, type Locale, type Translate } from '../i18n/index.js';
import { SITE_TYPES, siteTypeLabel } from './edit-logic.js';
import { fmt } from './per-capita-logic.js';
import { checkForm, DEFAULT_FORM, PROBLEMS, problemLabel, siteAdds, sitingRequest, type Problem, type SiteProps, type SitingForm } from './siting-logic.js';
import { BeforeAfter } from './BeforeAfter.js';
import { SitingExplain } from './SitingExplain.js';
import { SitingExport } from './SitingExport.js';
import type { SitingRun } from './use-siting.js';

interface Props {
  siting: SitingRun;
  accepted: ReadonlyMap<string, unknown>;
  onAccept: (site: SiteProps) => void;
  onUndo: (code: string) => void;
  onSave: (name: string) => Promise<void>;
  onFocus: (lonLat: [number, number]) => void;
  /** Codes already in the facility layers: those sites are shown as accepted, not offered again. */
  existingCodes?: ReadonlySet<string>;
  /** Accept every site not yet accepted, one after another. */
  onAcceptAll?: (sites: SiteProps[]) => Promise<void>;
  /** The layers are the bundled sample data (exports say 示例数据). */
  sample?: boolean;
}

export function SitingPanel({ siting, accepted, onAccept, onUndo, onSave, onFocus, existingCodes, onAcceptAll, sample = false }: Props) {
  const { t, locale } = useI18n();
  const [form, setForm] = useState<SitingForm>(DEFAULT_FORM);
  const [touched, setTouched] = useState(false);
  const [name, setName] = useState('');
  const [saved, setSaved] = useState<string | null>(null);
  const errors = checkForm(form, t);
  const set = <K extends keyof SitingForm>(k: K, v: SitingForm[K]) => setForm((f) => ({ ...f, [k]: v }));
  const err = (k: string) => (touched && errors[k] ? <span className="error" role="alert">{errors[k]}</span> : null);
  const running = siting.state === 'running';
  const r = siting.result;
  // The form a result was computed from: a result for other settings is stale (not saved, not accepted).
  const [ranWith, setRanWith] = useState<string | null>(null);
  const stale = r !== null && ranWith !== null && ranWith !== JSON.stringify(sitingRequest(form));
  const [bulk, setBulk] = useState<{ done: number; n: number } | null>(null);
  const submit = () => {
    setTouched(true);
    setSaved(null);
    if (Object.keys(errors).length === 0) {
      setRanWith(JSON.stringify(sitingRequest(form)));
      void siting.run(sitingRequest(form));
    }
  };
  const open = r ? r.sites.features.map((f) => f.properties).filter((p) => !accepted.has(p.code) && !existingCodes?.has(acceptCode(p))) : [];
  const acceptAll = async () => {
    if (!onAcceptAll || !open.length || !confirm(fill(t('plan.confirmAcceptAll'), { n: open.length }))) return;
    setBulk({ done: 0, n: open.length });
    await onAcceptAll(open);
    setBulk(null);
  };
  return (
    <div className="siting-panel" data-testid="siting-panel">
      <label className="field">
        {t('planning.siting.problem')}
        <select value={form.problem} onChange={(e) => set('problem', e.target.value as Problem)} data-testid="siting-problem">
          {PROBLEMS.map((p) => (
            <option key={p} value={p}>
              {problemLabel(p, t)}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        {t('planning.siting.facility')}
        <select value={form.facility} onChange={(e) => set('facility', e.target.value as SitingForm['facility'])} data-testid="siting-facility">
          <option value="shelter">{t('layer.shelters')}</option>
          <option value="fire-station">{t('layer.fire-stations')}</option>
        </select>
        {err('facility')}
      </label>
      {form.problem === 'shelter-gap' ? (
        <label className="field">
          {t('planning.siting.target')}
          <input inputMode="decimal" value={form.target} onChange={(e) => set('target', e.target.value)} data-testid="siting-target" />
          {err('target')}
        </label>
      ) : (
        <>
          {form.problem !== 'lscp' ? (
            <label className="field">
              {t('planning.siting.p')}
              <input inputMode="numeric" value={form.p} onChange={(e) => set('p', e.target.value)} data-testid="siting-p" />
              {err('p')}
            </label>
          ) : null}
          <div className="field">
            <span>
              <label>
                <input type="radio" checked={form.reach === 'default'} onChange={() => set('reach', 'default')} data-testid="siting-reach-default" /> {t('planning.siting.reachDefault')}
              </label>{' '}
              <label>
                <input type="radio" checked={form.reach === 'radius'} onChange={() => set('reach', 'radius')} /> {t('planning.siting.radius')}
              </label>{' '}
              <label>
                <input type="radio" checked={form.reach === 'minutes'} onChange={() => set('reach', 'minutes')} /> {t(form.facility === 'shelter' ? 'planning.siting.walkMinutes' : 'planning.siting.minutes')}
              </label>
            </span>
            {form.reach === 'default' ? (
              <small className="sub-note">{t(form.facility === 'fire-station' ? 'planning.siting.reachDefaultFire' : 'planning.siting.reachDefaultShelter')}</small>
            ) : form.reach === 'radius' ? (
              <input inputMode="numeric" value={form.radiusM} onChange={(e) => set('radiusM', e.target.value)} aria-label={t('planning.siting.radius')} data-testid="siting-radius" />
            ) : (
              <input inputMode="decimal" value={form.minutes} onChange={(e) => set('minutes', e.target.value)} aria-label={t('planning.siting.minutes')} data-testid="siting-minutes" />
            )}
            {err('radiusM')}
            {err('minutes')}
          </div>
        </>
      )}
      <details className="filters" data-testid="siting-filters">
        <summary>{t('planning.siting.filters')}</summary>
        <div className="chips">
          {SITE_TYPES.map((s) => (
            <label key={s}>
              <input type="checkbox" checked={form.siteTypes.includes(s)} onChange={(e) => set('siteTypes', e.target.checked ? [...form.siteTypes, s] : form.siteTypes.filter((x) => x !== s))} />
              {siteTypeLabel(s, locale)}
            </label>
          ))}
        </div>
        <label className="field">
          {t('planning.siting.minArea')}
          <input inputMode="numeric" value={form.minAreaM2} onChange={(e) => set('minAreaM2', e.target.value)} />
          {err('minAreaM2')}
        </label>
        <label className="field">
          {t('planning.siting.hazardDistance')}
          <input inputMode="numeric" value={form.minHazardDistanceM} onChange={(e) => set('minHazardDistanceM', e.target.value)} placeholder={t('planning.siting.hazardDefault')} data-testid="siting-hazard-distance" />
          {err('minHazardDistanceM')}
        </label>
        <label>
          <input type="checkbox" checked={form.includePlanned} onChange={(e) => set('includePlanned', e.target.checked)} /> {t('planning.includePlanned')}
        </label>
      </details>
      <div className="row-buttons">
        <button type="button" className="primary" onClick={submit} disabled={running} data-testid="siting-run">
          {t('planning.siting.run')}
        </button>
        {running ? (
          <button type="button" onClick={() => void siting.cancel()} data-testid="siting-cancel">
            {t('planning.siting.cancel')}
          </button>
        ) : null}
      </div>
      {running ? (
        <div className="progress" role="progressbar" aria-valuenow={Math.round(siting.progress * 100)} aria-valuemin={0} aria-valuemax={100} data-testid="siting-progress">
          <span style={{ width: `${Math.max(3, siting.progress * 100)}%` }} />
          <small>
            {t('planning.siting.solving')} {(siting.elapsedMs / 1000).toFixed(1)} s
          </small>
        </div>
      ) : null}
      {siting.state === 'cancelled' ? <p className="sub-note" data-testid="siting-cancelled">{t('planning.siting.cancelled')}</p> : null}
      {siting.error ? <p className="error" role="alert">{siting.error}</p> : null}
      {r && siting.state === 'done' && stale ? (
        <p className="notice warn-box" role="status" data-testid="siting-stale">
          {fill(t('plan.stale'), { problem: problemLabel(r.problem, t) })}
        </p>
      ) : null}
      {r && siting.state === 'done' ? (
        <div className={`siting-result${stale ? ' stale' : ''}`} data-testid="siting-result" data-stale={stale}>
          <h3>
            {problemLabel(r.problem, t)} · {t('planning.siting.sites')} {r.chosen.length}
          </h3>
          <p className="sub-note">
            {r.solver} · {r.optimal ? t('planning.siting.optimal') : t('planning.siting.best')} · {(r.timeMs / 1000).toFixed(1)} s{r.note ? ` · ${r.note}` : ''}
          </p>
          <BeforeAfter result={r} />
          <SitingExplain result={r} />
          <SitingExport result={r} sample={sample} />
          {r.unreachable?.length ? (
            <p className="sub-note warn">
              {t('planning.siting.unreachable')}
              {t('planning.list.colon')}
              {r.unreachable.map((u) => `${u.name}${fill(t('planning.unit.wrap'), { unit: `${fmt(u.shortfallM2)} m²` })}`).join(t('planning.list.sep'))}
            </p>
          ) : null}
          <div className="save-row">
            <input value={name} onChange={(e) => setName(e.target.value)} placeholder={t('planning.scenario.name')} aria-label={t('planning.scenario.name')} data-testid="scenario-name" />
            <button
              type="button"
              disabled={!name.trim() || stale}
              onClick={() => void onSave(name.trim()).then(() => setSaved(name.trim()), (e: unknown) => setSaved(`✗ ${errorText(e, locale)}`))}
              data-testid="scenario-save"
            >
              {t('planning.scenario.save')}
            </button>
          </div>
          {saved ? <p className="sub-note" data-testid="scenario-saved">{t('planning.scenario.saved')}
              {t('planning.list.colon')}
              {saved}</p> : null}
          {onAcceptAll && open.length > 1 ? (
            <button type="button" className="primary" onClick={() => void acceptAll()} disabled={stale || bulk !== null} data-testid="accept-all">
              {bulk ? fill(t('plan.acceptingAll'), { done: bulk.done, n: bulk.n }) : fill(t('plan.acceptAll'), { n: open.length })}
            </button>
          ) : null}
          <ol className="site-list" data-testid="site-list">
            {r.sites.features.map((f) => {
              const p = f.properties;
              const done = accepted.has(p.code);
              const there = !done && (existingCodes?.has(acceptCode(p)) ?? false);
              return (
                <li key={p.code}>
                  <button type="button" className="link" onClick={() => onFocus(f.geometry.coordinates as [number, number])}>
                    {p.name}
                  </button>
                  <div className="sub-note">{p.code} · {siteLabel(p, t, locale, r.demandBasis?.kind === 'risk-weighted')}</div>
                  {there ? (
                    <span className="sub-note ok" data-testid={`already-${p.code}`}>{t('plan.alreadyThere')}</span>
                  ) : done ? (
                    <button type="button" onClick={() => onUndo(p.code)} data-testid={`undo-${p.code}`}>
                      {t('planning.accept.undo')}
                    </button>
                  ) : (
                    <button type="button" onClick={() => onAccept(p)} disabled={stale} data-testid={`accept-${p.code}`}>
                      {t('planning.accept.do')}
                    </button>
                  )}
                </li>
              );
            })}
          </ol>
        </div>
      ) : null}
    </div>
  );
}

/** The code the accepted facility gets (the candidate's own code unless the answer names another). */
export function acceptCode(p: SiteProps): string {
  return String((p.accept?.feature?.properties as { code?: unknown } | null)?.code ?? p.code);
}

function siteLabel(p: SiteProps, t: Translate, locale: Locale, weighted: boolean): string {
  return [p.siteType ? siteTypeLabel(p.siteType, locale) : null, siteAdds(p, t, weighted)].filter(Boolean).join(' · ');
}

