// Field masks (`title,gridProperties.rowCount`, `userEnteredFormat(numberFormat,textFormat.bold)`, `*`) and applying
// them.
import type { Json, JsonObject } from '../model.ts';

const camel = (name: string) => name.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

/** Paths named by a mask; `a(b,c.d)` expands to `a.b` and `a.c.d`. Returns null when the mask is malformed. */
export function parseMask(mask: string): string[][] | null {
  const out: string[][] = [];
  let i = 0;
  const text = mask.replace(/\s+/g, '');
  const parseList = (prefix: string[]): boolean => {
    for (;;) {
      const m = /^[A-Za-z_*][A-Za-z0-9_]*(?:\.[A-Za-z_*][A-Za-z0-9_]*)*/.exec(text.slice(i));
      if (!m) return false;
      i += m[0].length;
      const path = [...prefix, ...m[0].split('.').map(camel)];
      if (text[i] === '(') {
        i++;
        if (!parseList(path) || text[i] !== ')') return false;
        i++;
      } else out.push(path);
      if (text[i] !== ',') return true;
      i++;
    }
  };
  if (!parseList([]) || i !== text.length) return null;
  return out;
}

function clone<T extends Json | undefined>(value: T): T {
  return value === undefined ? value : structuredClone(value);
}

/** Copies each masked path from `source` into `target`; a path absent from `source` is cleared in `target`. */
export function applyMask(target: JsonObject, source: JsonObject, paths: readonly string[][]): void {
  for (const path of paths) {
    if (path.length === 1 && path[0] === '*') {
      for (const key of Object.keys(target)) delete target[key];
      Object.assign(target, clone(source));
      continue;
    }
    let t: JsonObject = target;
    let s: Json | undefined = source;
    for (let k = 0; k < path.length - 1; k++) {
      const key = path[k];
      s = s && typeof s === 'object' && !Array.isArray(s) ? s[key] : undefined;
      const next = t[key];
      if (next && typeof next === 'object' && !Array.isArray(next)) t = next;
      else {
        if (s === undefined || s === null) {
          t = {};
          break;
        }
        const created: JsonObject = {};
        t[key] = created;
        t = created;
      }
    }
    const leaf = path[path.length - 1];
    const value = s && typeof s === 'object' && !Array.isArray(s) ? s[leaf] : undefined;
    if (value === undefined || value === null) delete t[leaf];
    else t[leaf] = clone(value);
  }
  prune(target);
}

/** Removes objects left empty by clearing, so a cleared format reads back as absent. */
function prune(o: JsonObject): void {
  for (const [key, value] of Object.entries(o)) {
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      prune(value);
      if (Object.keys(value).length === 0) delete o[key];
    }
  }
}
