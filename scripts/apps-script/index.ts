// The Apps Script project generated from the schema.
export { renderAppsScript } from './render.ts';
