export type { EditableFeature } from './edit-read.js';
export type { EditContext } from './edit-feature.js';
