// Google's documented limits, each refused by the local server with Google's status and text, through the official
// client over HTTP (docs/limits.md, section "Google Sheets API v4").
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSheetsClient, type SheetsApi } from '../../../functions/gateways/sheets-client.ts';
import { GOOGLE_QUOTAS, startSheetsServer, type SheetsServer } from '../../../scripts/sheets-server/index.ts';

interface Failure {
  readonly status?: number;
  readonly message: string;
  readonly response?: { data?: { error?: { status?: string; details?: unknown[] } } };
}

async function failure(p: Promise<unknown>): Promise<Failure> {
  try {
    await p;
  } catch (error) {
    return error as Failure;
  }
  throw new Error('expected the call to fail');
}

let dataDir: string;
let server: SheetsServer;
let api: SheetsApi;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'sheets-limits-'));
  server = await startSheetsServer({ dataDir });
  api = createSheetsClient(server.url);
});

afterAll(async () => {
  await server.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function newBook(): Promise<string> {
  return (await api.spreadsheets.create({ requestBody: { properties: { title: 'Giới hạn' } } })).data.spreadsheetId!;
}

async function batch(spreadsheetId: string, ...requests: object[]) {
  return api.spreadsheets.batchUpdate({ spreadsheetId, requestBody: { requests } });
}

async function sheetIdOf(spreadsheetId: string, title: string): Promise<number> {
  const got = await api.spreadsheets.get({ spreadsheetId });
  return got.data.sheets!.find((s) => s.properties!.title === title)!.properties!.sheetId!;
}

const CELLS_MESSAGE =
  'This action would increase the number of cells in the workbook above the limit of 10000000 cells.';
const CHARS_MESSAGE = 'Your input contains more than the maximum of 50000 characters in a single cell.';

describe('request payload (Google Sheets API usage limits: 2 MB recommended, 10 MiB refused)', () => {
  it('refuses a values.update body over 10,485,760 bytes with Google’s 400', async () => {
    const id = await newBook();
    // 220 cells of 48,000 characters: 10.56 MB of JSON, every cell within the 50,000-character limit.
    const row = Array.from({ length: 22 }, () => 'x'.repeat(48_000));
    const e = await failure(
      api.spreadsheets.values.update({
        spreadsheetId: id,
        range: 'Sheet1!A1',
        valueInputOption: 'RAW',
        requestBody: { values: Array.from({ length: 10 }, () => row) },
      }),
    );
    expect(e.status).toBe(400);
    expect(e.message).toBe('Request payload size exceeds the limit: 10485760 bytes.');
    expect(e.response?.data?.error?.status).toBe('INVALID_ARGUMENT');
    expect((await api.spreadsheets.values.get({ spreadsheetId: id, range: 'Sheet1!A1' })).data.values).toBeUndefined();
  });

  it('accepts a body of exactly 10,485,760 bytes', async () => {
    const id = await newBook();
    // 214 cells in one row: 656 bytes of JSON around them, 213 cells of 49,000 characters and one of the rest.
    const overhead = '{"values":[[]]}'.length + 214 * 2 + 213;
    const last = 10_485_760 - overhead - 213 * 49_000;
    const cells = [
      ...Array.from({ length: 213 }, () => JSON.stringify('y'.repeat(49_000))),
      JSON.stringify('y'.repeat(last)),
    ];
    const head = '{"values":[[';
    const tail = ']]}';
    const body = head + cells.join(',') + tail;
    expect(Buffer.byteLength(body)).toBe(10_485_760);
    const res = await fetch(`${server.url}v4/spreadsheets/${id}/values/Sheet1!A1?valueInputOption=RAW`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body,
    });
    // The grid has 26 columns and the row is wider: the body was read and judged, not refused for its size.
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/exceeds grid limits/);
  });
});

describe('10,000,000 cells per spreadsheet (Files you can store in Google Drive)', () => {
  // Sheet1 holds 1,000 × 26 = 26,000 cells; `Lớn` is sized so the spreadsheet has 9,984,000.
  const BIG_ROWS = 383_000;

  async function nearlyFull(): Promise<{ id: string; big: number }> {
    const id = await newBook();
    await batch(id, {
      addSheet: { properties: { title: 'Lớn', gridProperties: { rowCount: BIG_ROWS, columnCount: 26 } } },
    });
    return { id, big: await sheetIdOf(id, 'Lớn') };
  }

  it('refuses addSheet past the limit, naming the request as Google does', async () => {
    const { id } = await nearlyFull();
    const e = await failure(batch(id, { addSheet: { properties: { title: 'Thêm' } } }));
    expect(e.status).toBe(400);
    expect(e.message).toBe(`Invalid requests[0].addSheet: ${CELLS_MESSAGE}`);
  });

  it('refuses appendDimension, insertDimension and a larger gridProperties past the limit, and applies nothing', async () => {
    const { id, big } = await nearlyFull();
    expect(
      (await failure(batch(id, { appendDimension: { sheetId: big, dimension: 'ROWS', length: 1000 } }))).message,
    ).toBe(`Invalid requests[0].appendDimension: ${CELLS_MESSAGE}`);
    expect(
      (
        await failure(
          batch(id, { insertDimension: { range: { sheetId: big, dimension: 'COLUMNS', startIndex: 1, endIndex: 2 } } }),
        )
      ).message,
    ).toBe(`Invalid requests[0].insertDimension: ${CELLS_MESSAGE}`);
    const grow = {
      updateSheetProperties: {
        properties: { sheetId: big, gridProperties: { rowCount: BIG_ROWS + 1000 } },
        fields: 'gridProperties.rowCount',
      },
    };
    const e = await failure(batch(id, { appendDimension: { sheetId: 0, dimension: 'ROWS', length: 1 } }, grow));
    expect(e.message).toBe(`Invalid requests[1].updateSheetProperties: ${CELLS_MESSAGE}`);
    const sizes = (await api.spreadsheets.get({ spreadsheetId: id })).data.sheets!.map(
      (s) => s.properties!.gridProperties!.rowCount,
    );
    expect(sizes).toEqual([1000, BIG_ROWS]);
  });

  it('refuses a values.append that would grow the grid past the limit, writing nothing', async () => {
    const { id } = await nearlyFull();
    const e = await failure(
      api.spreadsheets.values.append({
        spreadsheetId: id,
        range: `'Lớn'!A${BIG_ROWS}`,
        valueInputOption: 'RAW',
        requestBody: { values: Array.from({ length: 1001 }, (_, i) => [i]) },
      }),
    );
    expect(e.status).toBe(400);
    expect(e.message).toBe(CELLS_MESSAGE);
    const got = await api.spreadsheets.get({ spreadsheetId: id, ranges: [`'Lớn'`] });
    expect(got.data.sheets![0].properties!.gridProperties!.rowCount).toBe(BIG_ROWS);
  });

  it('grows up to 10,000,000 cells exactly and refuses the next row', async () => {
    const { id } = await nearlyFull();
    // 9,984,000 + 615 × 26 = 9,999,990: within the limit; one more row of 26 cells passes it.
    await batch(id, { appendDimension: { sheetId: 0, dimension: 'ROWS', length: 615 } });
    const e = await failure(batch(id, { appendDimension: { sheetId: 0, dimension: 'ROWS', length: 1 } }));
    expect(e.message).toBe(`Invalid requests[0].appendDimension: ${CELLS_MESSAGE}`);
    // Shrinking is always allowed.
    await batch(id, { deleteDimension: { range: { sheetId: 0, dimension: 'ROWS', startIndex: 0, endIndex: 10 } } });
  });
});

describe('18,278 columns per sheet (column ZZZ)', () => {
  it('allows ZZZ and refuses one column more', async () => {
    const id = await newBook();
    await batch(id, {
      addSheet: { properties: { title: 'Rộng', gridProperties: { rowCount: 1, columnCount: 18_278 } } },
    });
    const wide = await sheetIdOf(id, 'Rộng');
    await api.spreadsheets.values.update({
      spreadsheetId: id,
      range: `'Rộng'!ZZZ1`,
      valueInputOption: 'RAW',
      requestBody: { values: [['cuối']] },
    });
    const e = await failure(batch(id, { appendDimension: { sheetId: wide, dimension: 'COLUMNS', length: 1 } }));
    expect(e.status).toBe(400);
    expect(e.message).toBe(
      'Invalid requests[0].appendDimension: This action would increase the number of columns in the sheet above the limit of 18278 columns.',
    );
  });
});

describe('50,000 characters per cell', () => {
  it('accepts 50,000 characters and refuses 50,001 in values.update, values.batchUpdate and updateCells', async () => {
    const id = await newBook();
    const ok = 'ư'.repeat(50_000);
    await api.spreadsheets.values.update({
      spreadsheetId: id,
      range: 'Sheet1!A1',
      valueInputOption: 'RAW',
      requestBody: { values: [[ok]] },
    });
    const long = ok + 'a';
    const update = await failure(
      api.spreadsheets.values.update({
        spreadsheetId: id,
        range: 'Sheet1!A2',
        valueInputOption: 'RAW',
        requestBody: { values: [[long]] },
      }),
    );
    expect(update.status).toBe(400);
    expect(update.message).toBe(CHARS_MESSAGE);
    const many = await failure(
      api.spreadsheets.values.batchUpdate({
        spreadsheetId: id,
        requestBody: {
          valueInputOption: 'RAW',
          data: [
            { range: 'Sheet1!B1', values: [['ngắn']] },
            { range: 'Sheet1!B2', values: [[long]] },
          ],
        },
      }),
    );
    expect(many.message).toBe(`Invalid data[1]: ${CHARS_MESSAGE}`);
    const cells = await failure(
      batch(id, {
        updateCells: {
          start: { sheetId: 0, rowIndex: 2, columnIndex: 0 },
          rows: [{ values: [{ userEnteredValue: { stringValue: long } }] }],
          fields: 'userEnteredValue',
        },
      }),
    );
    expect(cells.message).toBe(`Invalid requests[0].updateCells: ${CHARS_MESSAGE}`);
    const read = await api.spreadsheets.values.get({ spreadsheetId: id, range: 'Sheet1!A1:B3' });
    expect(read.data.values).toEqual([[ok]]);
  });
});

describe('charts: aggregateType is "Only supported for data source charts" (ChartData reference)', () => {
  it('refuses a cell-range chart whose series counts rows, and accepts it without aggregateType', async () => {
    const id = await newBook();
    const source = {
      sourceRange: { sources: [{ sheetId: 0, startRowIndex: 0, startColumnIndex: 0, endColumnIndex: 1 }] },
    };
    const chart = (series: object) => ({
      addChart: {
        chart: {
          spec: {
            title: 'Xếp loại',
            basicChart: { chartType: 'COLUMN', headerCount: 1, domains: [{ domain: source }], series: [{ series }] },
          },
          position: { overlayPosition: { anchorCell: { sheetId: 0, rowIndex: 0, columnIndex: 3 } } },
        },
      },
    });
    const e = await failure(batch(id, chart({ ...source, aggregateType: 'COUNT' })));
    expect(e.status).toBe(400);
    expect(e.message).toBe('Invalid requests[0].addChart: aggregateType is only supported for data source charts.');
    await batch(id, chart(source));
  });
});

describe('the spreadsheet’s time zone (SpreadsheetProperties: "in CLDR format such as America/New_York")', () => {
  it('stores Asia/Ho_Chi_Minh and vi_VN and returns them in spreadsheets.get', async () => {
    const id = await newBook();
    await batch(id, {
      updateSpreadsheetProperties: {
        properties: { timeZone: 'Asia/Ho_Chi_Minh', locale: 'vi_VN' },
        fields: 'timeZone,locale',
      },
    });
    const got = await api.spreadsheets.get({ spreadsheetId: id, fields: 'properties(timeZone,locale)' });
    expect(got.data.properties).toMatchObject({ timeZone: 'Asia/Ho_Chi_Minh', locale: 'vi_VN' });
  });

  it('refuses a zone that is not one, in updateSpreadsheetProperties and in spreadsheets.create', async () => {
    const id = await newBook();
    const e = await failure(
      batch(id, { updateSpreadsheetProperties: { properties: { timeZone: 'Asia/Ha_Noi' }, fields: 'timeZone' } }),
    );
    expect(e.status).toBe(400);
    expect(e.message).toBe('Invalid requests[0].updateSpreadsheetProperties: Invalid time zone: Asia/Ha_Noi');
    const created = await failure(
      api.spreadsheets.create({ requestBody: { properties: { title: 'x', timeZone: 'GMT+7 Hà Nội' } } }),
    );
    expect(created.status).toBe(400);
    expect((await api.spreadsheets.get({ spreadsheetId: id })).data.properties!.timeZone).toBe('Etc/GMT');
  });
});

describe('per-minute quotas (Usage limits: 60 read and 60 write requests per minute per user)', () => {
  it('are off unless asked for, and answer Google’s 429 past the quota when set', async () => {
    let clock = Date.UTC(2026, 10, 30, 8, 0, 10);
    const dir = mkdtempSync(join(tmpdir(), 'sheets-quota-'));
    const limited = await startSheetsServer({
      dataDir: dir,
      quotas: { readsPerMinute: 2, writesPerMinute: 60 },
      now: () => clock,
    });
    try {
      const client = createSheetsClient(limited.url);
      const id = (await client.spreadsheets.create({ requestBody: {} })).data.spreadsheetId!;
      await client.spreadsheets.get({ spreadsheetId: id });
      await client.spreadsheets.values.get({ spreadsheetId: id, range: 'A1' });
      const e = await failure(client.spreadsheets.values.batchGet({ spreadsheetId: id, ranges: ['A1'] }));
      expect(e.status).toBe(429);
      expect(e.message).toBe(
        "Quota exceeded for quota metric 'Read requests' and limit 'Read requests per minute per user' of service 'sheets.googleapis.com' for consumer 'project_number:0'.",
      );
      expect(e.response?.data?.error?.status).toBe('RESOURCE_EXHAUSTED');
      expect(e.response?.data?.error?.details?.[0]).toMatchObject({ reason: 'RATE_LIMIT_EXCEEDED' });
      // Writes have their own quota; the next minute refills the reads.
      await client.spreadsheets.values.update({
        spreadsheetId: id,
        range: 'A1',
        valueInputOption: 'RAW',
        requestBody: { values: [[1]] },
      });
      clock += 60_000;
      expect((await client.spreadsheets.values.get({ spreadsheetId: id, range: 'A1' })).data.values).toEqual([['1']]);
    } finally {
      await limited.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('has Google’s defaults at hand for the CLI and the bench', () => {
    expect(GOOGLE_QUOTAS).toEqual({ readsPerMinute: 60, writesPerMinute: 60 });
  });
});
