// A values read parsed as it streams in gives exactly what JSON.parse of the whole body gives, however it is cut.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseValuesBody } from '../../../functions/gateways/values-stream.ts';

/** `bytes` as an async stream of chunks of the given sizes (cycled), the way a socket delivers a body. */
async function* chunked(bytes: Buffer, sizes: readonly number[]): AsyncGenerator<Uint8Array> {
  let at = 0;
  for (let k = 0; at < bytes.length; k++) {
    const size = Math.max(1, sizes[k % sizes.length]);
    // Uint8Array views, not Buffers: undici hands the body over as plain typed arrays.
    yield new Uint8Array(bytes.buffer, bytes.byteOffset + at, Math.min(size, bytes.length - at));
    at += size;
  }
}

const TRICKY_ROWS = [
  [46082.291666666664, 'DV-00001', 'Phạm Thị Dung', 'Có', 27, true],
  [
    '=IMPORTXML("http://127.0.0.1/x", "//a")',
    'ngoặc ] và [ trong chữ',
    'dấu phẩy, và "ngoặc kép"',
    'gạch \\ ngược \\',
    '\\"',
    '\\\\',
  ],
  ['Tiếng Việt tổ hợp: Tiếng Việt', '🛡️ an ninh', 'dòng\nmới\ttab', '\u0000\u001f', '{"values":[1]}', ''],
  [],
  [-0.5, 1e21, false, null, 'values', '"values":['],
];

const BATCH_GET = {
  spreadsheetId: 'bench',
  valueRanges: [
    { range: "'Đăng ký thi đua'!A1:F5", majorDimension: 'ROWS', values: TRICKY_ROWS },
    { range: "'Kiểm tra'!A1:Z1000", majorDimension: 'ROWS' },
    { range: "'Nhật ký thư'!A2:A", majorDimension: 'COLUMNS', values: [['k1', 'k2', 'k "3"']] },
    { range: "'Trống'!A1:A2", majorDimension: 'ROWS', values: [] },
  ],
};

describe('values read as a stream (values-stream.ts)', () => {
  const compact = Buffer.from(JSON.stringify(BATCH_GET));
  // Google's default, prettyPrint=true: the same body with indentation and line breaks.
  const pretty = Buffer.from(JSON.stringify(BATCH_GET, null, 2));

  it('gives JSON.parse’s result for a batchGet body cut into chunks of every size from 1 byte up', async () => {
    for (const body of [compact, pretty]) {
      for (let size = 1; size <= 64; size++) {
        expect(await parseValuesBody(chunked(body, [size]), undefined, 1)).toEqual(JSON.parse(body.toString('utf8')));
      }
    }
  });

  it('parses rows in runs of any length: one row per run, a few, or the whole array at once', async () => {
    for (const segment of [1, 7, 40, 1_000, 1 << 30]) {
      expect(await parseValuesBody(chunked(compact, [13, 1, 250]), undefined, segment)).toEqual(BATCH_GET);
    }
  });

  it('keeps an escaped quote or backslash that falls exactly on a chunk boundary', async () => {
    // Every cut position of a row full of escapes.
    const body = Buffer.from(JSON.stringify({ values: [['a\\"b', '\\', '\\\\"', '"'], ['x']] }));
    for (let cut = 1; cut < body.length; cut++) {
      expect(await parseValuesBody(chunked(body, [cut, body.length]), undefined, 2)).toEqual(
        JSON.parse(body.toString()),
      );
    }
  });

  it('hands the rows of the value ranges asked for to their folder a run at a time, whatever ranges lack values', async () => {
    const folded = (range: number) => (range === 0 || range === 2 ? `range ${range}` : undefined);
    for (const segment of [1, 1 << 30]) {
      const runs: unknown[][][] = [[], [], [], []];
      const fold = (range: number) =>
        folded(range) === undefined
          ? undefined
          : { add: (rows: unknown[]) => void runs[range].push(rows), done: () => folded(range) };
      const parsed = await parseValuesBody(chunked(pretty, [13, 1, 250]), fold, segment);
      expect(parsed).toEqual({
        ...BATCH_GET,
        valueRanges: BATCH_GET.valueRanges.map((r, i) => (folded(i) ? { ...r, values: folded(i) } : r)),
      });
      // Range 1 has no values at all, yet range 2's rows go to range 2's folder.
      expect(runs[0].flat()).toEqual(TRICKY_ROWS);
      expect(runs[2].flat()).toEqual(BATCH_GET.valueRanges[2].values);
      expect(runs[0].length).toBe(segment === 1 ? TRICKY_ROWS.length : 1);
    }
    const get = { range: 'A1:B1', majorDimension: 'ROWS', values: [['Khóa', 'Giá trị']] };
    const rows: unknown[] = [];
    const fold = (range: number) =>
      range === 0 ? { add: (r: unknown[]) => void rows.push(...r), done: () => 1 } : undefined;
    expect(await parseValuesBody(chunked(Buffer.from(JSON.stringify(get)), [4]), fold)).toEqual({ ...get, values: 1 });
    expect(rows).toEqual(get.values);
  });

  it('reads a values.get body (values at the top level) and a body without values', async () => {
    const get = {
      range: "'Cấu hình'!A1:B2",
      majorDimension: 'ROWS',
      values: [
        ['Khóa', 'Giá trị'],
        ['Năm', 2026],
      ],
    };
    expect(await parseValuesBody(chunked(Buffer.from(JSON.stringify(get)), [5]))).toEqual(get);
    expect(await parseValuesBody(chunked(Buffer.from('{"range":"A1:B2","majorDimension":"ROWS"}'), [3]))).toEqual({
      range: 'A1:B2',
      majorDimension: 'ROWS',
    });
  });

  it('agrees with JSON.parse on arbitrary value ranges and arbitrary chunkings (property)', async () => {
    const cell = fc.oneof(
      fc.string({ unit: 'binary' }),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.boolean(),
      fc.constant(''),
    );
    const range = fc.record({
      range: fc.string(),
      majorDimension: fc.constantFrom('ROWS', 'COLUMNS'),
      values: fc.array(fc.array(cell, { maxLength: 6 }), { maxLength: 8 }),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.array(range, { maxLength: 4 }),
        fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 5 }),
        fc.integer({ min: 1, max: 200 }),
        async (ranges, sizes, segment) => {
          const text = JSON.stringify({ spreadsheetId: 'x', valueRanges: ranges });
          expect(await parseValuesBody(chunked(Buffer.from(text), sizes), undefined, segment)).toEqual(
            JSON.parse(text),
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it('refuses, rather than mismatch rows and ranges, a body whose values key is spelt with escapes', async () => {
    const body = Buffer.from('{"valueRanges":[{"range":"A1","val\\u0075es":[["x"]]},{"range":"B1","values":[["y"]]}]}');
    expect(JSON.parse(body.toString()).valueRanges[0].values).toEqual([['x']]);
    await expect(parseValuesBody(chunked(body, [7]))).rejects.toThrow(SyntaxError);
  });

  it('rejects a body cut short, so the gateway reads it again like any failed request', async () => {
    const cut = compact.subarray(0, compact.length - 40);
    await expect(parseValuesBody(chunked(cut, [100]))).rejects.toThrow(SyntaxError);
  });
});
