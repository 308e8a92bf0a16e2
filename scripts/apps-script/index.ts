// The Apps Script project generated from the schema.
export { MANIFEST, renderAppsScript } from './render.ts';
