/**
 * The one error a handler throws for a request it cannot serve; the error middleware answers
 * `{error: {code, message, details}}` with `status`.
 */
export class HttpError extends Error {
  override name = 'HttpError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}
