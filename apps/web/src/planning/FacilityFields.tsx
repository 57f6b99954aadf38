/** The attribute inputs of a shelter or fire station, each with its validation message in the user's language. */
import type { Dispatch, SetStateAction } from 'react';
import { useI18n } from '../i18n/index.js';
import { FACILITIES, fieldLabel, HAZARDS, SHELTER_CLASSES, SITE_TYPES, STATION_TYPES, STATUSES, type ChoiceField, type EditLayer, type FacilityForm, type TextField } from './edit-logic.js';
import { enumLabel } from '@riskmap/contract';

interface Props {
  layer: EditLayer;
  form: FacilityForm;
  setForm: Dispatch<SetStateAction<FacilityForm>>;
  errors: Record<string, string>;
  townships?: readonly { code: string; name: string }[];
}

const UNITS: Partial<Record<keyof FacilityForm, string>> = { totalAreaM2: 'm²', effectiveAreaM2: 'm²', capacity: 'planning.unit.people', vehicles: 'planning.unit.count', staff: 'planning.unit.people' };

export function FacilityFields({ layer, form, setForm, errors, townships = [] }: Props) {
  const { t, locale } = useI18n();
  const unit = (k: keyof FacilityForm) => {
    const u = UNITS[k];
    return u ? ` (${u.startsWith('planning.') ? t(u as never) : u})` : '';
  };
  const input = (k: TextField, numeric = false, wide = false) => (
    <label className={`field${wide ? ' wide' : ''}`} key={k}>
      {fieldLabel(k, t)}
      {unit(k)}
      <input
        value={form[k]}
        inputMode={numeric ? 'decimal' : k === 'contactPhone' ? 'tel' : undefined}
        type={k === 'contactPhone' ? 'tel' : undefined}
        aria-invalid={errors[k] ? true : undefined}
        onChange={(e) => setForm((f) => ({ ...f, [k]: e.target.value }))}
        name={k}
        data-testid={`field-${k}`}
      />
      {errors[k] ? <span className="error" role="alert">{errors[k]}</span> : null}
    </label>
  );
  const select = <K extends ChoiceField>(k: K, options: readonly FacilityForm[K][], label: (v: string) => string) => (
    <label className="field" key={k}>
      {fieldLabel(k, t)}
      <select value={form[k]} onChange={(e) => setForm((f) => ({ ...f, [k]: e.target.value as FacilityForm[K] }))} name={k} data-testid={`field-${k}`}>
        {options.map((o) => (
          <option key={o} value={o}>
            {label(o)}
          </option>
        ))}
      </select>
    </label>
  );
  const checks = (k: 'suitability' | 'facilities', options: readonly string[], label: (v: string) => string) => (
    <fieldset className="field wide checks" key={k} data-testid={`field-${k}`}>
      <legend>{fieldLabel(k, t)}</legend>
      {options.map((o) => (
        <label key={o}>
          <input
            type="checkbox"
            checked={(form[k] as readonly string[]).includes(o)}
            onChange={(e) => setForm((f) => ({ ...f, [k]: e.target.checked ? [...f[k], o] : (f[k] as readonly string[]).filter((x) => x !== o) }))}
            value={o}
          />
          {label(o)}
        </label>
      ))}
    </fieldset>
  );
  const township = (
    <label className="field" key="townshipCode">
      {fieldLabel('townshipCode', t)}
      <select value={form.townshipCode} onChange={(e) => setForm((f) => ({ ...f, townshipCode: e.target.value }))} name="townshipCode" data-testid="field-townshipCode">
        <option value="">{t('plan.field.noTownship')}</option>
        {townships.map((x) => (
          <option key={x.code} value={x.code}>
            {x.name}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <div className="fields">
      {input('code')}
      {input('name')}
      {layer === 'shelters' ? (
        <>
          {select('shelterClass', SHELTER_CLASSES, (v) => enumLabel('shelterClasses', v, locale))}
          {select('siteType', SITE_TYPES, (v) => enumLabel('siteTypes', v, locale))}
          {select('status', STATUSES, (v) => enumLabel('shelterStatuses', v, locale))}
          {township}
          {input('totalAreaM2', true)}
          {input('effectiveAreaM2', true)}
          {input('capacity', true)}
          {input('address', false, true)}
          {input('access', false, true)}
          {input('contactPerson')}
          {input('contactPhone')}
          {checks('suitability', HAZARDS, (v) => enumLabel('shelterSuitability', v, locale))}
          {checks('facilities', FACILITIES, (v) => enumLabel('shelterFacilities', v, locale))}
          <label className="field wide inline-check">
            <input type="checkbox" checked={form.isPublic} onChange={(e) => setForm((f) => ({ ...f, isPublic: e.target.checked }))} name="isPublic" data-testid="field-isPublic" />
            {fieldLabel('isPublic', t)}
          </label>
        </>
      ) : (
        <>
          {select('stationType', STATION_TYPES, (v) => enumLabel('stationTypes', v, locale))}
          {township}
          {input('vehicles', true)}
          {input('staff', true)}
          {input('contactPhone')}
        </>
      )}
    </div>
  );
}
