/** One hazard: its state, 五到位, the next steps the signed-in role may take (with a dated note), history and attachments. */
import { Fragment, useEffect, useState, type FormEvent } from 'react';
import { errorText } from '../i18n/errors.js';
import { label, useI18n, useScoped } from '../i18n/index.js';
import { hazardApi, type HazardDetail as Detail, type HazardProps, type Vocabulary } from './hazard-api.js';

const FIVE = ['responsibleUnit', 'responsiblePerson', 'measures', 'fundsYuan', 'deadline', 'contingencyPlan'] as const;

interface Props {
  id: number;
  vocabulary: Vocabulary;
  role: string;
  revision: number;
  onChanged: () => void;
  onClose: () => void;
}

export function HazardDetail({ id, vocabulary, role, revision, onChanged, onClose }: Props) {
  const h = useScoped('hazards');
  const { locale, t } = useI18n();
  const [d, setD] = useState<Detail | null>(null);
  const [error, setError] = useState<string | null>(null);
  // one note per step form: a note typed for 上报 is not sent with 落实五到位
  const [notes, setNotes] = useState<Record<string, string>>({});
  const [five, setFive] = useState<Record<string, string>>({});
  useEffect(() => {
    void hazardApi.detail(id).then((x) => {
      setD(x);
      setFive(Object.fromEntries(FIVE.map((k) => [k, x.properties[k] == null ? '' : String(x.properties[k])])));
    }, (e) => setError(errorText(e, locale)));
  }, [id, revision]);
  if (!d) return <section className="panel hazard-detail">{error ?? '…'}</section>;
  const p: HazardProps = d.properties; // the layer's other fields are read by key
  // the steps this role may take now: from this status (`*`: any open one), for this grade, a once-only step not yet taken
  const next = vocabulary.flow.filter((s) =>
    (s.from === '*' ? vocabulary.statuses[p.status]?.open === true : s.from === p.status) && s.roles.includes(role) &&
    (!s.grades || s.grades.includes(p.grade)) && !(s.once && d.steps.some((x) => x.step === s.key)));
  const take = async (e: FormEvent, step: string, withFive: boolean) => {
    e.preventDefault();
    setError(null);
    const properties = withFive ? { ...five, fundsYuan: five.fundsYuan === '' ? null : Number(five.fundsYuan), deadline: five.deadline || null } : {};
    try {
      await hazardApi.step(id, { step, version: p.version, note: notes[step] ?? '', properties });
      setNotes({ ...notes, [step]: '' });
      onChanged();
    } catch (err) {
      setError(errorText(err, locale));
    }
  };
  const upload = async (file: File | undefined) => {
    if (!file) return;
    try {
      await hazardApi.upload(id, file);
      onChanged();
    } catch (err) {
      setError(errorText(err, locale));
    }
  };
  const statusLabel = (s: string) => label(locale, vocabulary.statuses[s], s);
  return (
    <section className="panel hazard-detail" data-testid="hazard-detail" data-status={p.status}>
      <button type="button" className="close" onClick={onClose} aria-label={t('close')}>×</button>
      <h2>{p.name}</h2>
      <p>
        <span className="badge" style={{ background: p.color }} data-testid="hazard-status">{locale === 'en' ? p.shownEn : p.shownZh}</span>
        {p.overdue ? <span className="badge overdue-badge">{statusLabel(p.status)}</span> : null}
        {p.supervised ? <span className="badge supervised">{label(locale, vocabulary.supervised, '')}</span> : null}
        {p.sample ? <span className="badge sample">示例数据</span> : null}
      </p>
      <dl className="fields">
        <dt>{h('grade')}</dt><dd>{label(locale, vocabulary.grades[p.grade], p.grade)}</dd>
        <dt>{h('category')}</dt><dd>{label(locale, vocabulary.categories[p.category], p.category)}</dd>
        <dt>{h('source')}</dt><dd>{label(locale, vocabulary.sources[p.discoverySource], p.discoverySource)} · {p.finder}</dd>
        <dt>{h('foundOn')}</dt><dd>{p.foundOn}</dd>
        <dt>{h('enterprise')}</dt><dd>{p.enterprise} {p.place}</dd>
        <dt>{h('riskPoint')}</dt><dd>{p.riskPointCode ?? '—'}</dd>
        <dt>{h('description')}</dt><dd>{p.description}</dd>
      </dl>
      <h3>{h('fiveInPlace')}</h3>
      <dl className="fields" data-testid="five-in-place">
        {FIVE.map((k) => (<Fragment key={k}><dt>{h(k)}</dt><dd>{p[k] ?? '—'}</dd></Fragment>))}
      </dl>
      {next.map((s) => (
        <form key={s.key} className="step-form" onSubmit={(e) => void take(e, s.key, s.requires.length > 0)} data-step={s.key} aria-labelledby={`step-title-${s.key}`}>
          <h4 className="step-title" id={`step-title-${s.key}`}>{h('nextStep')}{locale === 'en' ? ': ' : '：'}{locale === 'en' ? s.en : s.zh}</h4>
          {s.requires.length > 0
            ? FIVE.map((k) => (
                <label key={k}>{h(k)}
                  <input name={k} type={k === 'deadline' ? 'date' : k === 'fundsYuan' ? 'number' : 'text'} value={five[k] ?? ''} onChange={(e) => setFive({ ...five, [k]: e.target.value })} required={s.requires.includes(k)} />
                </label>
              ))
            : null}
          <label>{h('note')}<input name="note" value={notes[s.key] ?? ''} onChange={(e) => setNotes({ ...notes, [s.key]: e.target.value })} required={s.needsNote === true} /></label>
          <button type="submit" data-testid={`step-${s.key}`}>{locale === 'en' ? s.en : s.zh}</button>
        </form>
      ))}
      {error ? <p className="error" role="alert">{error}</p> : null}
      <h3>{h('history')}</h3>
      <ol className="history" data-testid="hazard-history">
        {d.steps.map((s) => (
          <li key={s.id}>{s.onDate} · {label(locale, vocabulary.flow.find((f) => f.key === s.step), s.step)} → {statusLabel(s.toStatus)} · {s.actor}{s.note ? `：${s.note}` : ''}</li>
        ))}
      </ol>
      <h3>{h('attachments')}</h3>
      <ul className="attachments">
        {d.attachments.map((a) => (<li key={a.id}><a href={`/api/hidden-hazards/${id}/attachments/${a.id}`} target="_blank" rel="noreferrer">{a.filename}</a> ({Math.ceil(a.sizeBytes / 1024)} KB)</li>))}
      </ul>
      <input type="file" accept="image/jpeg,image/png,application/pdf" aria-label={h('upload')} onChange={(e) => void upload(e.target.files?.[0])} />
    </section>
  );
}
