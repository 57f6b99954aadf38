/** One line naming how the zones were sized (model, inputs, thresholds, source), and when they were capped. */
import { useI18n } from '../i18n/index.js';
import type { ZoneModel } from './types.js';

export function ZoneModelNote({ model }: { model: ZoneModel | undefined }) {
  const { locale } = useI18n();
  if (!model) return null;
  const en = locale === 'en';
  const generic = model.method === 'generic';
  return (
    <p className={`sub-note zone-model${generic ? ' warn' : ''}`} data-testid="incident-zone-model">
      <strong>{en ? 'Zones' : '分区依据'}</strong>
      {en ? ': ' : '：'}
      {en ? model.en : model.zh}
      {model.capped ? (en ? ` (outer zones capped at ${Math.max(...model.radiiM)} m)` : `（外圈已截至 ${Math.max(...model.radiiM)} 米）`) : ''}
      {!generic && model.method !== 'given' ? <small>{(en ? ' · Source: ' : ' · 来源：') + model.source}</small> : null}
    </p>
  );
}
