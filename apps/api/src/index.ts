export { createApp } from './app.js';
export type { AppDeps } from './deps.js';
export { HttpError } from './http/http-error.js';
