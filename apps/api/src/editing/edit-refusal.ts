/** Why the editing rules or the database refused a change (the routes answer 400, 403, 409 and 409). */
export type RefusalReason = 'invalid_input' | 'outside_scope' | 'duplicate' | 'use_flow';

/**
 * A change the editing rules refuse, naming the fields (`details.fields`); it knows no HTTP: the routes turn it
 * into the one error shape with the status of its reason. Thrown inside an edit's transaction to roll it back.
 * @example throw new EditRefusal('outside_scope', 'you may edit only features of township 01', { field: 'townshipCode' })
 */
export class EditRefusal extends Error {
  override name = 'EditRefusal';
  constructor(
    readonly reason: RefusalReason,
    message: string,
    readonly details: { fields?: { field: string; message: string; [k: string]: unknown }[]; field?: string; [k: string]: unknown },
  ) {
    super(message);
  }
}
