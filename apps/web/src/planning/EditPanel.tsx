/** Planner editing: add a facility by clicking the map, move it by dragging, attribute form with Chinese messages, 409 with reapply, delete/restore. */
import { useEffect, useState } from 'react';
import { errorText } from '../i18n/errors.js';
import type { Feature, Point } from 'geojson';
import { fill, useI18n } from '../i18n/index.js';
import { FacilityList } from './FacilityList.js';
import { conflictingFields, emptyForm, fieldLabel, formOf, newFeature, propertiesOf, serverFieldErrors, type EditLayer, type FacilityForm } from './edit-logic.js';
import { checkFacility } from './facility-check.js';
import { FacilityFields } from './FacilityFields.js';
import { ApiError, send } from '../api/client.js';

export interface EditState {
  layer: EditLayer;
  /** 'add': waiting for / placed a new point; 'edit': a stored feature is open. */
  mode: 'idle' | 'add' | 'edit';
  lonLat: [number, number] | null;
  feature: Feature<Point, Record<string, unknown>> | null;
}

interface Props {
  edit: EditState;
  setEdit: (e: EditState) => void;
  onChanged: () => void;
  townships?: readonly { code: string; name: string }[];
  /** The stored facilities of each layer, for the searchable list. */
  facilities?: Partial<Record<EditLayer, readonly Feature<Point, Record<string, unknown>>[]>>;
}

interface Conflict {
  theirs: Record<string, unknown>;
  version: number;
  body: Record<string, unknown>;
}

export function EditPanel({ edit, setEdit, onChanged, townships, facilities }: Props) {
  const { t, locale } = useI18n();
  const [form, setForm] = useState<FacilityForm>(emptyForm());
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [deleted, setDeleted] = useState<{ id: number; version: number } | null>(null);
  const featureId = edit.feature ? Number(edit.feature.id ?? edit.feature.properties.id) : null;

  useEffect(() => {
    setForm(edit.feature ? formOf(edit.feature.properties) : emptyForm());
    setErrors({});
    setConflict(null);
  }, [edit.feature, edit.layer]);

  const fail = (e: unknown, body: Record<string, unknown>) => {
    const err = e as ApiError;
    if (err.status === 409 && err.details?.current) {
      const cur = err.details.current as Feature<Point, Record<string, unknown>>;
      setConflict({ theirs: cur.properties, version: Number(err.details.currentVersion), body });
      return;
    }
    const fields = err instanceof ApiError ? serverFieldErrors(err, t, locale) : {};
    setErrors(Object.keys(fields).length ? fields : { _form: errorText(err, locale) });
  };

  const save = async () => {
    setMessage(null);
    const local = checkFacility(edit.layer, form, t);
    setErrors(local);
    if (Object.keys(local).length) return;
    if (edit.mode === 'add') {
      if (!edit.lonLat) return setErrors({ _form: t('planning.edit.clickFirst') });
      const body = newFeature(edit.layer, form, edit.lonLat);
      try {
        const created = await send<Feature<Point, Record<string, unknown>>>('POST', `/api/layers/${edit.layer}`, body);
        setMessage(t('planning.edit.created'));
        setEdit({ ...edit, mode: 'edit', feature: created, lonLat: created.geometry.coordinates as [number, number] });
        onChanged();
      } catch (e) {
        fail(e, body as unknown as Record<string, unknown>);
      }
      return;
    }
    if (!edit.feature || featureId === null) return;
    const body: Record<string, unknown> = { version: Number(edit.feature.properties.version), properties: propertiesOf(edit.layer, form) };
    const moved = edit.lonLat && JSON.stringify(edit.lonLat) !== JSON.stringify(edit.feature.geometry.coordinates);
    if (moved) body.geometry = { type: 'Point', coordinates: edit.lonLat };
    await patch(body);
  };

  const patch = async (body: Record<string, unknown>) => {
    try {
      const updated = await send<Feature<Point, Record<string, unknown>>>('PATCH', `/api/layers/${edit.layer}/${featureId}`, body);
      setConflict(null);
      setMessage(t('planning.edit.saved').replace('{v}', String(updated.properties.version)));
      setEdit({ ...edit, feature: updated, lonLat: updated.geometry.coordinates as [number, number] });
      onChanged();
    } catch (e) {
      fail(e, body);
    }
  };

  const remove = async () => {
    if (!edit.feature || featureId === null) return;
    if (!confirm(fill(t('plan.edit.confirmDelete'), { name: String(edit.feature.properties.name ?? edit.feature.properties.code) }))) return;
    try {
      const gone = await send<Feature<Point, Record<string, unknown>>>('DELETE', `/api/layers/${edit.layer}/${featureId}`, { version: Number(edit.feature.properties.version) });
      setDeleted({ id: featureId, version: Number(gone.properties.version) });
      setMessage(t('planning.edit.deleted'));
      setEdit({ ...edit, mode: 'idle', feature: null, lonLat: null });
      onChanged();
    } catch (e) {
      fail(e, {});
    }
  };

  const restore = async () => {
    if (!deleted) return;
    const back = await send<Feature<Point, Record<string, unknown>>>('POST', `/api/layers/${edit.layer}/${deleted.id}/restore`, { version: deleted.version }).catch((e: unknown) => setMessage(errorText(e, locale)));
    if (!back) return;
    setDeleted(null);
    setMessage(t('planning.edit.restored'));
    setEdit({ ...edit, mode: 'edit', feature: back, lonLat: back.geometry.coordinates as [number, number] });
    onChanged();
  };

  return (
    <div className="edit-panel" data-testid="edit-panel">
      <div className="mode-group">
        {(['shelters', 'fire-stations'] as const).map((l) => (
          <button key={l} type="button" className={edit.mode === 'add' && edit.layer === l ? 'on' : ''} onClick={() => setEdit({ layer: l, mode: 'add', lonLat: null, feature: null })} data-testid={`add-${l}`}>
            + {t(`layer.${l}`)}
          </button>
        ))}
      </div>
      <p className="sub-note">{edit.mode === 'add' ? (edit.lonLat ? t('planning.edit.placed') : t('planning.edit.clickMap')) : edit.mode === 'edit' ? t('planning.edit.dragHint') : t('planning.edit.pickHint')}</p>
      {message ? <p className="ok" role="status" data-testid="edit-message">{message}</p> : null}
      {deleted ? (
        <button type="button" onClick={() => void restore()} data-testid="edit-restore">
          {t('planning.edit.restore')}
        </button>
      ) : null}
      <div className="mode-group layer-switch" role="radiogroup" aria-label={t('plan.list.title')}>
        {(['shelters', 'fire-stations'] as const).map((l) => (
          <button key={l} type="button" role="radio" aria-checked={edit.layer === l} className={edit.layer === l ? 'on' : ''} onClick={() => edit.layer !== l && setEdit({ layer: l, mode: 'idle', lonLat: null, feature: null })} data-testid={`list-${l}`}>
            {t(`layer.${l}`)}
          </button>
        ))}
      </div>
      {facilities?.[edit.layer] ? (
        <FacilityList
          features={facilities[edit.layer]!}
          selectedId={featureId}
          onOpen={(f) => setEdit({ layer: edit.layer, mode: 'edit', feature: f, lonLat: f.geometry.coordinates as [number, number] })}
        />
      ) : null}
      {edit.mode !== 'idle' ? (
        <form
          className="facility-form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
          data-testid="facility-form"
        >
          <h3>
            {edit.mode === 'add' ? t('planning.edit.new') : t('planning.edit.editing')} · {t(`layer.${edit.layer}`)}
            {edit.feature ? <small> v{String(edit.feature.properties.version)}</small> : null}
          </h3>
          <FacilityFields layer={edit.layer} form={form} setForm={setForm} errors={errors} townships={townships} />
          {errors._form ? <p className="error" role="alert">{errors._form}</p> : null}
          {conflict ? (
            <div className="conflict" role="alert" data-testid="conflict">
              <strong>{t('planning.edit.conflict').replace('{v}', String(conflict.version))}</strong>
              <table>
                <thead>
                  <tr>
                    <th>{t('planning.edit.field')}</th>
                    <th>{t('planning.edit.mine')}</th>
                    <th>{t('planning.edit.theirs')}</th>
                  </tr>
                </thead>
                <tbody>
                  {conflictingFields((conflict.body.properties as Record<string, unknown>) ?? {}, conflict.theirs).map((k) => (
                    <tr key={k}>
                      <th>{fieldLabel(k, t)}</th>
                      <td>{String((conflict.body.properties as Record<string, unknown>)[k])}</td>
                      <td>{String(conflict.theirs[k])}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <button type="button" className="primary" onClick={() => void patch({ ...conflict.body, version: conflict.version })} data-testid="conflict-reapply">
                {t('planning.edit.reapply')}
              </button>{' '}
              <button type="button" onClick={() => setEdit({ ...edit, feature: { ...edit.feature!, properties: { ...conflict.theirs, version: conflict.version } } })}>
                {t('planning.edit.takeTheirs')}
              </button>
            </div>
          ) : null}
          <div className="row-buttons">
            <button type="submit" className="primary" data-testid="facility-save">
              {t('planning.edit.save')}
            </button>
            {edit.mode === 'edit' ? (
              <button type="button" className="danger" onClick={() => void remove()} data-testid="facility-delete">
                {t('planning.edit.delete')}
              </button>
            ) : null}
            <button type="button" onClick={() => setEdit({ ...edit, mode: 'idle', feature: null, lonLat: null })}>
              {t('close')}
            </button>
          </div>
        </form>
      ) : null}
    </div>
  );
}
