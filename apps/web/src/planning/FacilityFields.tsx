/** The attribute inputs of a shelter or fire station, each with its Chinese validation message. */
import type { Dispatch, SetStateAction } from 'react';
import { translateLoose, useI18n } from '../i18n/index.js';
import { fieldLabel, SHELTER_CLASSES, SITE_TYPES, siteTypeLabel, STATION_TYPES, stationTypeLabel, STATUSES, type EditLayer, type FacilityForm } from './edit-logic.js';

interface Props {
  layer: EditLayer;
  form: FacilityForm;
  setForm: Dispatch<SetStateAction<FacilityForm>>;
  errors: Record<string, string>;
}

export function FacilityFields({ layer, form, setForm, errors }: Props) {
  const { t, locale } = useI18n();
  const input = (k: keyof FacilityForm, numeric = false) => (
    <label className="field" key={k}>
      {fieldLabel(k, t)}
      <input
        value={form[k]}
        inputMode={numeric ? 'decimal' : undefined}
        aria-invalid={errors[k] ? true : undefined}
        onChange={(e) => setForm((f) => ({ ...f, [k]: e.target.value }))}
        name={k}
        data-testid={`field-${k}`}
      />
      {errors[k] ? <span className="error" role="alert">{errors[k]}</span> : null}
    </label>
  );
  const select = (k: keyof FacilityForm, options: string[], label: (v: string) => string) => (
    <label className="field" key={k}>
      {fieldLabel(k, t)}
      <select value={form[k]} onChange={(e) => setForm((f) => ({ ...f, [k]: e.target.value }))} name={k} data-testid={`field-${k}`}>
        {options.map((o) => (
          <option key={o} value={o}>
            {label(o)}
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
          {select('shelterClass', SHELTER_CLASSES, (v) => translateLoose(locale, `shelterClass.${v}`, v))}
          {select('siteType', SITE_TYPES, (v) => siteTypeLabel(v, t))}
          {select('status', STATUSES, (v) => translateLoose(locale, `status.${v}`, v))}
          {input('totalAreaM2', true)}
          {input('effectiveAreaM2', true)}
          {input('capacity', true)}
        </>
      ) : (
        <>
          {select('stationType', STATION_TYPES, (v) => stationTypeLabel(v, t))}
          {input('vehicles', true)}
          {input('staff', true)}
        </>
      )}
    </div>
  );
}
