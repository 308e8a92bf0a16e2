// The `q` subset of files.list, pinned by a table ("Search query terms and operators", Drive API guides).
import { describe, expect, it } from 'vitest';
import { DriveApiError } from '../../../scripts/drive-server/errors.ts';
import { parseQuery, type Queryable } from '../../../scripts/drive-server/query.ts';

const report: Queryable = {
  name: "Báo cáo 'sơ kết'.docx",
  mimeType: 'application/msword',
  parents: ['F1'],
  trashed: false,
};
const folder: Queryable = {
  name: 'Văn bản',
  mimeType: 'application/vnd.google-apps.folder',
  parents: [],
  trashed: false,
};
const binned: Queryable = { name: 'cũ.docx', mimeType: 'application/msword', parents: ['F1'], trashed: true };
const files = { report, folder, binned };

function matches(q: string): string[] {
  const p = parseQuery(q);
  return Object.entries(files)
    .filter(([, f]) => p(f))
    .map(([k]) => k);
}

function refusal(q: string): { code: number; message: string; reason: string } {
  try {
    parseQuery(q);
  } catch (error) {
    const e = error as DriveApiError;
    return { code: e.code, message: e.message, reason: e.reason };
  }
  throw new Error(`expected ${q} to be refused`);
}

describe('files.list q (ref-search-terms)', () => {
  it.each([
    ['', ['report', 'folder', 'binned']],
    ["'F1' in parents", ['report', 'binned']],
    ["'F1' in parents and trashed = false", ['report']],
    ['trashed != false', ['binned']],
    ["name = 'Báo cáo \\'sơ kết\\'.docx'", ['report']],
    ["name != 'Văn bản' and not trashed = true", ['report']],
    ["mimeType = 'application/vnd.google-apps.folder' or trashed = true", ['folder', 'binned']],
    ["mimeType contains 'google-apps'", ['folder']],
    [
      "('F1' in parents or name = 'Văn bản') and mimeType != 'application/vnd.google-apps.folder'",
      ['report', 'binned'],
    ],
  ])('%s → %j', (q, expected) => {
    expect(matches(q)).toEqual(expected);
  });

  it.each([
    "name = 'unterminated",
    "name = 'bad \\x escape'",
    'name = Báo',
    "trashed = 'false'",
    "parents = 'F1'",
    "'F1' in children",
    "name contain 'x'",
    "name = 'a' and",
    "(name = 'a'",
    "title = 'a'",
    "name == 'a'",
  ])('refuses %s with Drive’s 400 Invalid Value on q', (q) => {
    expect(refusal(q)).toEqual({ code: 400, message: 'Invalid Value', reason: 'invalid' });
  });

  it('names a term Drive knows but this server does not evaluate, rather than answering wrongly', () => {
    expect(refusal("fullText contains 'ANTT'")).toMatchObject({ code: 400, reason: 'badRequest' });
    expect(refusal("fullText contains 'ANTT'").message).toMatch(/fullText contains/);
    expect(refusal("'a@b.vn' in owners").message).toMatch(/owners in/);
  });
});
