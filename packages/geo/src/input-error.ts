/**
 * Thrown by @riskmap/geo when a caller passes a value a user could have typed wrong; the API turns it
 * into a 400 naming `field` (and `allowed` values, when the field takes a fixed set).
 */
export class InputError extends Error {
  override name = 'InputError';
  constructor(
    message: string,
    readonly field: string,
    readonly allowed?: readonly unknown[],
  ) {
    super(message);
  }
}
