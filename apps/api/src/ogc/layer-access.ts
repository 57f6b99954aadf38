import type { Request, Response } from 'express';
import { LAYERS, layerDescriptor, type LayerDescriptor } from '@riskmap/db';
import { LAYER_IDS } from '@riskmap/geo';
import { HttpError } from '../http/http-error.js';
import { roleOf } from '../http/role.js';

/** A layer as the requesting role may read it. */
export interface ReadableLayer {
  d: LayerDescriptor;
  /** True for the anonymous role: public rows and public columns only. */
  publicOnly: boolean;
  /** Columns (and secondary geometry columns) the role may see. */
  visibleColumns: readonly string[];
}

/**
 * The layer `id` as the request's role may read it; 404 for an unknown id, 401 when anonymous and the layer is not public.
 * @example const { d, publicOnly, visibleColumns } = readableLayer(req, res, 'shelters')
 */
export function readableLayer(req: Request, res: Response, id: string, field = 'id'): ReadableLayer {
  const d = layerDescriptor(id);
  if (!d) throw new HttpError(404, 'unknown_layer', `unknown layer "${id}"`, { field, allowed: LAYER_IDS });
  const publicOnly = roleOf(req, res) === 'public';
  if (publicOnly && d.publicColumns === 'none') {
    throw new HttpError(401, 'login_required', `layer "${id}" is not public; sign in to read it`, { field });
  }
  const visibleColumns = publicOnly ? (d.publicColumns as readonly string[]) : [...d.columns, ...d.geometryColumns];
  return { d, publicOnly, visibleColumns };
}

/** The layers the request's role may read (the public ones for anonymous users). */
export function readableLayers(req: Request, res: Response): LayerDescriptor[] {
  const publicOnly = roleOf(req, res) === 'public';
  return Object.values(LAYERS).filter((d) => !publicOnly || d.publicColumns !== 'none');
}
