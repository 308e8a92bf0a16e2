// Field-by-field validation of request bodies with Google's error wording; accepts camelCase and snake_case keys.
import { badRequest } from '../errors.ts';
import type { Json, JsonObject } from '../model.ts';

export type Schema =
  | 'string'
  | 'int'
  | 'number'
  | 'bool'
  | 'any'
  | { readonly enum: readonly string[]; readonly type: string }
  | { readonly fields: () => Readonly<Record<string, Schema>>; readonly type: string }
  | { readonly items: Schema };

export const obj = (type: string, fields: () => Readonly<Record<string, Schema>>): Schema => ({ type, fields });
export const list = (items: Schema): Schema => ({ items });
export const oneOf = (type: string, values: readonly string[]): Schema => ({ type, enum: values });

const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
const camel = (name: string) => name.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

/** Google prints paths in proto field names: `requests[0].add_sheet.properties`. */
function join(path: string, key: string): string {
  return path ? `${path}.${snake(key)}` : snake(key);
}

function invalid(path: string, type: string, value: unknown): never {
  throw badRequest(`Invalid value at '${path}' (${type}), ${JSON.stringify(value)}`);
}

/** Validates `value` against `schema` and returns it normalised (camelCase keys, numbers as numbers). */
export function check(value: unknown, schema: Schema, path: string): Json {
  if (value === null) return null;
  if (schema === 'any') return value as Json;
  if (schema === 'string') {
    if (typeof value !== 'string') invalid(path, 'TYPE_STRING', value);
    return value;
  }
  if (schema === 'bool') {
    if (typeof value !== 'boolean') invalid(path, 'TYPE_BOOL', value);
    return value;
  }
  if (schema === 'int' || schema === 'number') {
    const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
    if (typeof n !== 'number' || !Number.isFinite(n) || (schema === 'int' && !Number.isInteger(n))) {
      invalid(path, schema === 'int' ? 'TYPE_INT32' : 'TYPE_DOUBLE', value);
    }
    return n;
  }
  if ('enum' in schema) {
    if (typeof value !== 'string' || !schema.enum.includes(value)) {
      invalid(path, `type.googleapis.com/google.apps.sheets.v4.${schema.type}`, value);
    }
    return value;
  }
  if ('items' in schema) {
    if (!Array.isArray(value)) invalid(path, 'TYPE_LIST', value);
    return value.map((item, i) => check(item, schema.items, `${path}[${i}]`));
  }
  if (typeof value !== 'object' || Array.isArray(value)) {
    invalid(path, `type.googleapis.com/google.apps.sheets.v4.${schema.type}`, value);
  }
  const fields = schema.fields();
  const out: JsonObject = {};
  for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
    const name = key in fields ? key : camel(key);
    const sub = fields[name];
    if (!sub) {
      const at = path ? ` at '${path}'` : '';
      throw badRequest(`Invalid JSON payload received. Unknown name "${key}"${at}: Cannot find field.`);
    }
    out[name] = check(v, sub, join(path, name));
  }
  return out;
}
