/** The 登记 form for a new hazard at the place clicked on the map. */
import { useState, type FormEvent } from 'react';
import { errorText } from '../i18n/errors.js';
import { label, useI18n, useScoped } from '../i18n/index.js';
import { hazardApi, type Vocabulary } from './hazard-api.js';

interface Props {
  lonLat: [number, number];
  vocabulary: Vocabulary;
  riskPoint: { code: string; name: string } | null;
  onDone: (id: number | null) => void;
}

export function RecordForm({ lonLat, vocabulary, riskPoint, onDone }: Props) {
  const h = useScoped('hazards');
  const { locale } = useI18n();
  const [f, setF] = useState({ name: '', category: Object.keys(vocabulary.categories)[0]!, grade: 'general', discoverySource: Object.keys(vocabulary.sources)[0]!, finder: '', foundOn: vocabulary.today, description: '', enterprise: '', place: '' });
  const [error, setError] = useState<string | null>(null);
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) => setF({ ...f, [k]: e.target.value });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      const created = await hazardApi.record(lonLat, { ...f, ...(riskPoint ? { riskPointCode: riskPoint.code } : {}) });
      onDone(created.properties.id);
    } catch (err) {
      setError(errorText(err, locale));
    }
  };
  const options = (o: Record<string, { zh: string; en: string }>) => Object.entries(o).map(([k, v]) => <option key={k} value={k}>{label(locale, v, k)}</option>);
  return (
    <form className="panel hazard-form" onSubmit={submit} data-testid="record-form">
      <h2>{h('record')}</h2>
      <p className="sub-note">{lonLat[0].toFixed(5)}, {lonLat[1].toFixed(5)}{riskPoint ? ` · ${h('riskPoint')}：${riskPoint.name}` : ''}</p>
      <label>{h('name')}<input name="name" value={f.name} onChange={set('name')} required /></label>
      <label>{h('category')}<select name="category" value={f.category} onChange={set('category')}>{options(vocabulary.categories)}</select></label>
      <label>{h('grade')}<select name="grade" value={f.grade} onChange={set('grade')}>{options(vocabulary.grades)}</select></label>
      <label>{h('source')}<select name="discoverySource" value={f.discoverySource} onChange={set('discoverySource')}>{options(vocabulary.sources)}</select></label>
      <label>{h('finder')}<input name="finder" value={f.finder} onChange={set('finder')} /></label>
      <label>{h('foundOn')}<input name="foundOn" type="date" value={f.foundOn} onChange={set('foundOn')} required /></label>
      <label>{h('enterprise')}<input name="enterprise" value={f.enterprise} onChange={set('enterprise')} /></label>
      <label>{h('place')}<input name="place" value={f.place} onChange={set('place')} /></label>
      <label>{h('description')}<textarea name="description" value={f.description} onChange={set('description')} /></label>
      {error ? <p className="error" role="alert">{error}</p> : null}
      <div className="actions">
        <button type="submit">{h('record')}</button>
        <button type="button" onClick={() => onDone(null)}>{h('cancel')}</button>
      </div>
    </form>
  );
}
