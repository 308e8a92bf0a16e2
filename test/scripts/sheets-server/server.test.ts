import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSheetsClient, type SheetsApi } from '../../../functions/gateways/sheets-client.ts';
import { parseRetryAfter, withRetry } from '../../../functions/gateways/retry.ts';
import { startSheetsServer, type SheetsServer } from '../../../scripts/sheets-server/index.ts';

interface HttpFailure {
  status?: number;
  code?: number | string;
  message: string;
  response?: { headers: { get(name: string): string | null } | Record<string, string> };
}

async function failure(p: Promise<unknown>): Promise<HttpFailure> {
  try {
    await p;
  } catch (error) {
    return error as HttpFailure;
  }
  throw new Error('expected the call to fail');
}

let dataDir: string;
let server: SheetsServer;
let api: SheetsApi;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'sheets-server-'));
  server = await startSheetsServer({ dataDir });
  api = createSheetsClient(server.url);
});

afterAll(async () => {
  await server.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function newBook(title = 'Thi đua 2025'): Promise<string> {
  const res = await api.spreadsheets.create({ requestBody: { properties: { title } } });
  return res.data.spreadsheetId!;
}

async function addTab(spreadsheetId: string, title: string): Promise<number> {
  const res = await api.spreadsheets.batchUpdate({
    spreadsheetId,
    requestBody: { requests: [{ addSheet: { properties: { title } } }] },
  });
  return res.data.replies![0].addSheet!.properties!.sheetId!;
}

describe('spreadsheets', () => {
  it('indents its JSON as Google does by default, and answers compact JSON to prettyPrint=false', async () => {
    const id = await newBook();
    const url = `${server.url}v4/spreadsheets/${id}/values/Sheet1!A1:B2`;
    const pretty = await (await fetch(url)).text();
    const compact = await (await fetch(`${url}?prettyPrint=false`)).text();
    expect(pretty).toBe(JSON.stringify({ range: 'Sheet1!A1:B2', majorDimension: 'ROWS' }, null, 2));
    expect(compact).toBe(JSON.stringify({ range: 'Sheet1!A1:B2', majorDimension: 'ROWS' }));
    expect(JSON.parse(pretty)).toEqual(JSON.parse(compact));
  });

  it('creates a spreadsheet with one default 1000×26 sheet and gets it back', async () => {
    const id = await newBook();
    const got = await api.spreadsheets.get({ spreadsheetId: id });
    expect(got.data.properties?.title).toBe('Thi đua 2025');
    expect(got.data.sheets?.map((s) => s.properties)).toEqual([
      { sheetId: 0, title: 'Sheet1', index: 0, sheetType: 'GRID', gridProperties: { rowCount: 1000, columnCount: 26 } },
    ]);
  });

  it('adds a sheet with a Vietnamese title and answers its ranges quoted', async () => {
    const id = await newBook();
    const sheetId = await addTab(id, 'Kiểm tra');
    expect(sheetId).toBeGreaterThan(0);
    const got = await api.spreadsheets.get({ spreadsheetId: id });
    expect(got.data.sheets?.map((s) => s.properties?.title)).toEqual(['Sheet1', 'Kiểm tra']);
    const values = await api.spreadsheets.values.get({ spreadsheetId: id, range: "'Kiểm tra'" });
    expect(values.data.range).toBe("'Kiểm tra'!A1:Z1000");
    expect(values.data.values).toBeUndefined();
    const again = await failure(
      api.spreadsheets.batchUpdate({
        spreadsheetId: id,
        requestBody: { requests: [{ addSheet: { properties: { title: 'kiểm tra' } } }] },
      }),
    );
    expect(again.status).toBe(400);
    expect(again.message).toBe(
      'Invalid requests[0].addSheet: A sheet with the name "kiểm tra" already exists. Please enter another name.',
    );
  });

  it("404s an unknown spreadsheet with Google's message", async () => {
    const e = await failure(api.spreadsheets.get({ spreadsheetId: 'khong-co' }));
    expect(e.status).toBe(404);
    expect(e.code).toBe(404);
    expect(e.message).toBe('Requested entity was not found.');
  });
});

describe('values', () => {
  it('keeps RAW text as text and types USER_ENTERED input', async () => {
    const id = await newBook();
    await api.spreadsheets.values.update({
      spreadsheetId: id,
      range: 'Sheet1!A1',
      valueInputOption: 'RAW',
      requestBody: { values: [['=IMPORTXML("x")', '123', 'TRUE']] },
    });
    await api.spreadsheets.values.update({
      spreadsheetId: id,
      range: 'Sheet1!A2',
      valueInputOption: 'USER_ENTERED',
      requestBody: { values: [['=SUM(1)', '123', 'TRUE', "'0912", '12.5%']] },
    });
    const unformatted = await api.spreadsheets.values.get({
      spreadsheetId: id,
      range: 'Sheet1!A1:E2',
      valueRenderOption: 'UNFORMATTED_VALUE',
    });
    expect(unformatted.data.values).toEqual([
      ['=IMPORTXML("x")', '123', 'TRUE'],
      // The local server does not evaluate formulas: a formula reads back as its text.
      ['=SUM(1)', 123, true, '0912', 0.125],
    ]);
    const formatted = await api.spreadsheets.values.get({ spreadsheetId: id, range: 'Sheet1!A2:E2' });
    expect(formatted.data.values).toEqual([['=SUM(1)', '123', 'TRUE', '0912', '12.50%']]);
    const formulas = await api.spreadsheets.values.get({
      spreadsheetId: id,
      range: 'Sheet1!A1:A2',
      valueRenderOption: 'FORMULA',
    });
    expect(formulas.data.values).toEqual([['=IMPORTXML("x")'], ['=SUM(1)']]);
  });

  it('renders numbers, booleans and dates per valueRenderOption and the cell format', async () => {
    const id = await newBook();
    await api.spreadsheets.values.update({
      spreadsheetId: id,
      range: 'Sheet1!A1',
      valueInputOption: 'RAW',
      requestBody: { values: [[1234.5, true, 45306.5]] },
    });
    await api.spreadsheets.batchUpdate({
      spreadsheetId: id,
      requestBody: {
        requests: [
          {
            repeatCell: {
              range: { sheetId: 0, startRowIndex: 0, endRowIndex: 1, startColumnIndex: 2, endColumnIndex: 3 },
              cell: { userEnteredFormat: { numberFormat: { type: 'DATE_TIME', pattern: 'dd/mm/yyyy hh:mm' } } },
              fields: 'userEnteredFormat.numberFormat',
            },
          },
        ],
      },
    });
    const read = (valueRenderOption: string, dateTimeRenderOption?: string) =>
      api.spreadsheets.values
        .get({ spreadsheetId: id, range: 'Sheet1!A1:C1', valueRenderOption, dateTimeRenderOption })
        .then((r) => r.data.values);
    expect(await read('FORMATTED_VALUE')).toEqual([['1234.5', 'TRUE', '15/01/2024 12:00']]);
    expect(await read('UNFORMATTED_VALUE')).toEqual([[1234.5, true, 45306.5]]);
    expect(await read('UNFORMATTED_VALUE', 'FORMATTED_STRING')).toEqual([[1234.5, true, '15/01/2024 12:00']]);
  });

  it('trims trailing empty cells and rows, and reads by columns', async () => {
    const id = await newBook();
    await api.spreadsheets.values.update({
      spreadsheetId: id,
      range: 'Sheet1!A1',
      valueInputOption: 'RAW',
      requestBody: {
        values: [
          ['a', '', 'c', ''],
          ['', ''],
          ['', 'x'],
        ],
      },
    });
    await api.spreadsheets.values.clear({ spreadsheetId: id, range: 'Sheet1!B3' });
    const rows = await api.spreadsheets.values.get({ spreadsheetId: id, range: 'Sheet1' });
    expect(rows.data.values).toEqual([['a', '', 'c']]);
    const cols = await api.spreadsheets.values.get({
      spreadsheetId: id,
      range: 'Sheet1!A1:C3',
      majorDimension: 'COLUMNS',
    });
    expect(cols.data).toMatchObject({ range: 'Sheet1!A1:C3', majorDimension: 'COLUMNS', values: [['a'], [], ['c']] });
  });

  it('clips open ranges to the grid in the echoed range, and reads the first sheet without a name', async () => {
    const id = await newBook();
    await api.spreadsheets.values.update({
      spreadsheetId: id,
      range: 'A1',
      valueInputOption: 'RAW',
      requestBody: {
        values: [
          ['h1', 'h2'],
          ['v1', 'v2'],
        ],
      },
    });
    const batch = await api.spreadsheets.values.batchGet({
      spreadsheetId: id,
      ranges: ['A2:C', 'Sheet1!2:5', 'B:B', 'Sheet1!A1:AZ3'],
    });
    expect(batch.data.valueRanges?.map((v) => [v.range, v.values])).toEqual([
      ['Sheet1!A2:C1000', [['v1', 'v2']]],
      ['Sheet1!A2:Z5', [['v1', 'v2']]],
      ['Sheet1!B1:B1000', [['h2'], ['v2']]],
      [
        'Sheet1!A1:Z3',
        [
          ['h1', 'h2'],
          ['v1', 'v2'],
        ],
      ],
    ]);
  });

  it('appends after the table, reporting tableRange and updatedRange, and grows the grid', async () => {
    const id = await newBook();
    await addTab(id, 'Đăng ký thi đua');
    const tab = "'Đăng ký thi đua'";
    const first = await api.spreadsheets.values.append({
      spreadsheetId: id,
      range: tab,
      valueInputOption: 'RAW',
      requestBody: {
        values: [
          ['Dấu thời gian', 'Mã đơn vị'],
          ['01/02/2025 08:00:00', 'SO-TP'],
        ],
      },
    });
    expect(first.data.tableRange).toBeUndefined();
    expect(first.data.updates).toMatchObject({
      updatedRange: `${tab}!A1:B2`,
      updatedRows: 2,
      updatedColumns: 2,
      updatedCells: 4,
    });
    const second = await api.spreadsheets.values.append({
      spreadsheetId: id,
      range: `${tab}!A:B`,
      valueInputOption: 'RAW',
      insertDataOption: 'INSERT_ROWS',
      requestBody: { values: [['02/02/2025 09:00:00', 'UBND-X']] },
    });
    expect(second.data.tableRange).toBe(`${tab}!A1:B2`);
    expect(second.data.updates?.updatedRange).toBe(`${tab}!A3:B3`);

    // INSERT_ROWS made the grid 1001 rows; fill it to the last row, then one more append must grow the grid rather than
    // fail.
    await api.spreadsheets.values.update({
      spreadsheetId: id,
      range: `${tab}!A4:A1001`,
      valueInputOption: 'RAW',
      requestBody: { values: Array.from({ length: 998 }, (_, i) => [`r${i}`]) },
    });
    const grown = await api.spreadsheets.values.append({
      spreadsheetId: id,
      range: tab,
      valueInputOption: 'RAW',
      requestBody: { values: [['cuối']] },
    });
    expect(grown.data.updates?.updatedRange).toBe(`${tab}!A1002`);
    const props = await api.spreadsheets.get({ spreadsheetId: id });
    expect(props.data.sheets?.[1]?.properties?.gridProperties?.rowCount).toBe(1002);
  });

  it("refuses unknown sheets and writes past the grid in Google's words", async () => {
    const id = await newBook();
    await addTab(id, 'Kiểm tra');
    const unknown = await failure(api.spreadsheets.values.get({ spreadsheetId: id, range: 'Foo!A1' }));
    expect([unknown.status, unknown.message]).toEqual([400, 'Unable to parse range: Foo!A1']);
    const beyond = await failure(
      api.spreadsheets.values.update({
        spreadsheetId: id,
        range: "'Kiểm tra'!A1001",
        valueInputOption: 'RAW',
        requestBody: { values: [['x']] },
      }),
    );
    expect([beyond.status, beyond.message]).toEqual([
      400,
      "Range ('Kiểm tra'!A1001) exceeds grid limits. Max rows: 1000, max columns: 26",
    ]);
    const bounded = await failure(
      api.spreadsheets.values.update({
        spreadsheetId: id,
        range: 'Sheet1!A1:B1',
        valueInputOption: 'RAW',
        requestBody: { values: [['x'], ['y']] },
      }),
    );
    expect(bounded.message).toBe("Requested writing within range ['Sheet1'!A1:B1], but tried writing to row [2]");
    const noOption = await failure(
      api.spreadsheets.values.update({ spreadsheetId: id, range: 'Sheet1!A1', requestBody: { values: [['x']] } }),
    );
    expect(noOption.status).toBe(400);
  });

  it('batchUpdate and batchClear report totals and touch nothing when one range is bad', async () => {
    const id = await newBook();
    const ok = await api.spreadsheets.values.batchUpdate({
      spreadsheetId: id,
      requestBody: {
        valueInputOption: 'RAW',
        includeValuesInResponse: true,
        data: [
          { range: 'Sheet1!A1', values: [['a', 'b']] },
          { range: 'Sheet1!A2', values: [['c']] },
        ],
      },
    });
    expect(ok.data).toMatchObject({
      totalUpdatedRows: 2,
      totalUpdatedColumns: 2,
      totalUpdatedCells: 3,
      totalUpdatedSheets: 1,
    });
    expect(ok.data.responses?.[0]?.updatedData?.values).toEqual([['a', 'b']]);
    const bad = await failure(
      api.spreadsheets.values.batchUpdate({
        spreadsheetId: id,
        requestBody: {
          valueInputOption: 'RAW',
          data: [
            { range: 'Sheet1!A1', values: [['changed']] },
            { range: 'Nope!A1', values: [['x']] },
          ],
        },
      }),
    );
    expect(bad.status).toBe(400);
    const cleared = await api.spreadsheets.values.batchClear({
      spreadsheetId: id,
      requestBody: { ranges: ['Sheet1!B:B'] },
    });
    expect(cleared.data.clearedRanges).toEqual(['Sheet1!B1:B1000']);
    const after = await api.spreadsheets.values.get({ spreadsheetId: id, range: 'Sheet1' });
    expect(after.data.values).toEqual([['a'], ['c']]);
  });
});

describe('spreadsheets.batchUpdate', () => {
  it('rejects unknown fields and unsupported request kinds by name', async () => {
    const id = await newBook();
    const unknown = await failure(
      api.spreadsheets.batchUpdate({
        spreadsheetId: id,
        requestBody: { requests: [{ addSheet: { properties: { title: 'X' }, foo: 1 } as never }] },
      }),
    );
    expect([unknown.status, unknown.message]).toEqual([
      400,
      `Invalid JSON payload received. Unknown name "foo" at 'requests[0].add_sheet': Cannot find field.`,
    ]);
    const nested = await failure(
      api.spreadsheets.batchUpdate({
        spreadsheetId: id,
        requestBody: { requests: [{ addSheet: { properties: { title: 'X', gridProperties: { rows: 5 } as never } } }] },
      }),
    );
    expect(nested.message).toBe(
      `Invalid JSON payload received. Unknown name "rows" at 'requests[0].add_sheet.properties.grid_properties': Cannot find field.`,
    );
    const unsupported = await failure(
      api.spreadsheets.batchUpdate({
        spreadsheetId: id,
        requestBody: { requests: [{ mergeCells: { range: { sheetId: 0 }, mergeType: 'MERGE_ALL' } }] },
      }),
    );
    expect(unsupported.status).toBe(400);
    expect(unsupported.message).toContain('mergeCells');
  });

  it('applies nothing when a request fails midway', async () => {
    const id = await newBook();
    await api.spreadsheets.values.update({
      spreadsheetId: id,
      range: 'Sheet1!A1',
      valueInputOption: 'RAW',
      requestBody: { values: [['giữ nguyên']] },
    });
    const before = await api.spreadsheets.get({ spreadsheetId: id, includeGridData: true });
    const e = await failure(
      api.spreadsheets.batchUpdate({
        spreadsheetId: id,
        requestBody: {
          requests: [
            { addSheet: { properties: { title: 'Tạm' } } },
            {
              updateCells: {
                start: { sheetId: 0, rowIndex: 0, columnIndex: 0 },
                rows: [{ values: [{ userEnteredValue: { stringValue: 'đã đổi' } }] }],
                fields: 'userEnteredValue',
              },
            },
            { deleteSheet: { sheetId: 424242 } },
          ],
        },
      }),
    );
    expect([e.status, e.message]).toEqual([400, 'Invalid requests[2].deleteSheet: No grid with id: 424242']);
    const after = await api.spreadsheets.get({ spreadsheetId: id, includeGridData: true });
    expect(after.data).toEqual(before.data);
  });

  it('stores structure and formats and shows them in spreadsheets.get', async () => {
    const id = await newBook();
    const tabId = await addTab(id, 'Đơn vị');
    const res = await api.spreadsheets.batchUpdate({
      spreadsheetId: id,
      requestBody: {
        includeSpreadsheetInResponse: true,
        requests: [
          {
            updateSpreadsheetProperties: {
              properties: { locale: 'vi_VN', timeZone: 'Asia/Ho_Chi_Minh' },
              fields: 'locale,timeZone',
            },
          },
          {
            updateSheetProperties: {
              properties: {
                sheetId: tabId,
                gridProperties: { frozenRowCount: 1 },
                tabColorStyle: { rgbColor: { red: 1 } },
              },
              fields: 'gridProperties.frozenRowCount,tabColorStyle',
            },
          },
          {
            repeatCell: {
              range: { sheetId: tabId, startRowIndex: 0, endRowIndex: 1 },
              cell: { userEnteredFormat: { textFormat: { bold: true } } },
              fields: 'userEnteredFormat.textFormat.bold',
            },
          },
          {
            setDataValidation: {
              range: { sheetId: tabId, startRowIndex: 1, endRowIndex: 3, startColumnIndex: 2, endColumnIndex: 3 },
              rule: {
                condition: {
                  type: 'ONE_OF_LIST',
                  values: [{ userEnteredValue: 'Cơ quan' }, { userEnteredValue: 'Xã' }],
                },
                strict: true,
                showCustomUi: true,
              },
            },
          },
          {
            addProtectedRange: {
              protectedRange: { range: { sheetId: tabId }, description: 'Hệ thống', warningOnly: true },
            },
          },
          {
            addConditionalFormatRule: {
              rule: {
                ranges: [{ sheetId: tabId, startColumnIndex: 3, endColumnIndex: 4 }],
                booleanRule: {
                  condition: { type: 'TEXT_EQ', values: [{ userEnteredValue: 'Quá hạn' }] },
                  format: { backgroundColor: { red: 1, green: 0.8, blue: 0.8 } },
                },
              },
              index: 0,
            },
          },
          {
            addChart: {
              chart: {
                spec: { title: 'Tiến độ' },
                position: { overlayPosition: { anchorCell: { sheetId: tabId, rowIndex: 0, columnIndex: 8 } } },
              },
            },
          },
          { setBasicFilter: { filter: { range: { sheetId: tabId, startRowIndex: 0 } } } },
          {
            addNamedRange: {
              namedRange: { name: 'DonVi', range: { sheetId: tabId, startColumnIndex: 0, endColumnIndex: 1 } },
            },
          },
          {
            updateDimensionProperties: {
              range: { sheetId: tabId, dimension: 'COLUMNS', startIndex: 0, endIndex: 1 },
              properties: { pixelSize: 240 },
              fields: 'pixelSize',
            },
          },
          {
            autoResizeDimensions: { dimensions: { sheetId: tabId, dimension: 'COLUMNS', startIndex: 1, endIndex: 3 } },
          },
        ],
      },
    });
    const replies = res.data.replies!;
    expect(replies[4]?.addProtectedRange?.protectedRange?.protectedRangeId).toBeGreaterThan(0);
    expect(replies[6]?.addChart?.chart?.chartId).toBeGreaterThan(0);
    expect(res.data.updatedSpreadsheet?.properties?.locale).toBe('vi_VN');

    const got = await api.spreadsheets.get({ spreadsheetId: id, ranges: ["'Đơn vị'!A1:D3"], includeGridData: true });
    const sheet = got.data.sheets!;
    expect(sheet).toHaveLength(1);
    const tab = sheet[0];
    expect(tab.properties?.gridProperties).toEqual({ rowCount: 1000, columnCount: 26, frozenRowCount: 1 });
    expect(tab.properties?.tabColorStyle).toEqual({ rgbColor: { red: 1 } });
    expect(tab.protectedRanges?.[0]).toMatchObject({
      description: 'Hệ thống',
      warningOnly: true,
      range: { sheetId: tabId },
    });
    expect(tab.conditionalFormats?.[0]?.booleanRule?.condition?.type).toBe('TEXT_EQ');
    expect(tab.charts?.[0]?.spec?.title).toBe('Tiến độ');
    expect(tab.basicFilter?.range).toEqual({ sheetId: tabId, startRowIndex: 0 });
    expect(got.data.namedRanges?.[0]?.name).toBe('DonVi');
    const data = tab.data![0];
    expect(data.rowData?.[0]?.values?.[0]?.userEnteredFormat).toEqual({ textFormat: { bold: true } });
    expect(data.rowData?.[1]?.values?.[2]?.dataValidation?.condition?.values?.map((v) => v.userEnteredValue)).toEqual([
      'Cơ quan',
      'Xã',
    ]);
    expect(data.columnMetadata?.[0]?.pixelSize).toBe(240);

    const past = await failure(
      api.spreadsheets.batchUpdate({
        spreadsheetId: id,
        requestBody: {
          requests: [
            {
              repeatCell: {
                range: { sheetId: tabId, startRowIndex: 1000, startColumnIndex: 0, endColumnIndex: 2 },
                cell: {},
                fields: 'userEnteredFormat',
              },
            },
          ],
        },
      }),
    );
    expect(past.message).toBe(
      "Invalid requests[0].repeatCell: Range ('Đơn vị'!A1001:B) exceeds grid limits. Max rows: 1000, max columns: 26",
    );
  });

  it('inserts and deletes rows, moving the data with them', async () => {
    const id = await newBook();
    await api.spreadsheets.values.update({
      spreadsheetId: id,
      range: 'Sheet1!A1',
      valueInputOption: 'RAW',
      requestBody: { values: [['1'], ['2'], ['3']] },
    });
    await api.spreadsheets.batchUpdate({
      spreadsheetId: id,
      requestBody: {
        requests: [
          { insertDimension: { range: { sheetId: 0, dimension: 'ROWS', startIndex: 1, endIndex: 2 } } },
          { deleteDimension: { range: { sheetId: 0, dimension: 'ROWS', startIndex: 3, endIndex: 4 } } },
          { appendDimension: { sheetId: 0, dimension: 'COLUMNS', length: 4 } },
        ],
      },
    });
    const values = await api.spreadsheets.values.get({ spreadsheetId: id, range: 'Sheet1' });
    expect(values.data).toMatchObject({ range: 'Sheet1!A1:AD1000', values: [['1'], [], ['2']] });
  });
});

describe('local admin endpoints', () => {
  it('creates a spreadsheet with a chosen id, idempotently', async () => {
    const first = await fetch(`${server.url}__admin/spreadsheets/demo`, { method: 'PUT' });
    expect(first.status).toBe(200);
    await api.spreadsheets.values.update({
      spreadsheetId: 'demo',
      range: 'A1',
      valueInputOption: 'RAW',
      requestBody: { values: [['x']] },
    });
    const second = await fetch(`${server.url}__admin/spreadsheets/demo`, { method: 'PUT' });
    expect(((await second.json()) as { spreadsheetId: string }).spreadsheetId).toBe('demo');
    const values = await api.spreadsheets.values.get({ spreadsheetId: 'demo', range: 'A1' });
    expect(values.data.values).toEqual([['x']]);
  });

  it('injects a 429 with Retry-After that a retrying caller rides out, and counts every call', async () => {
    const id = await newBook();
    const reset = await fetch(`${server.url}__admin/stats/reset`, { method: 'POST' });
    expect(reset.status).toBe(200);
    const injected = await fetch(`${server.url}__admin/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ status: 429, count: 1, methods: ['values.batchGet'], retryAfterSec: 3 }),
    });
    expect(injected.status).toBe(200);

    const waits: number[] = [];
    const seen: number[] = [];
    const result = await withRetry(
      () => api.spreadsheets.values.batchGet({ spreadsheetId: id, ranges: ['Sheet1!A1'] }),
      (error) => {
        const e = error as HttpFailure & { response?: { headers: Headers } };
        seen.push(e.status ?? 0);
        return { retry: e.status === 429, retryAfterMs: parseRetryAfter(e.response?.headers.get('retry-after')) };
      },
      { retries: 2, baseDelayMs: 1, maxDelayMs: 10_000, sleep: async (ms) => void waits.push(ms), random: () => 0 },
    );
    expect(result.status).toBe(200);
    expect(seen).toEqual([429]);
    expect(waits).toEqual([3000]);

    const stats = (await (await fetch(`${server.url}__admin/stats`)).json()) as {
      calls: Record<string, number>;
      total: number;
    };
    expect(stats).toEqual({ calls: { 'values.batchGet': 2 }, total: 2 });

    server.faults.inject({ status: 503, count: 1 });
    const e = await failure(api.spreadsheets.get({ spreadsheetId: id }));
    expect([e.status, e.message]).toEqual([503, 'The service is currently unavailable.']);
    expect((await api.spreadsheets.get({ spreadsheetId: id })).status).toBe(200);
  });
});

describe('persistence', () => {
  it('keeps spreadsheets across a restart', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sheets-restart-'));
    try {
      const a = await startSheetsServer({ dataDir: dir });
      const client = createSheetsClient(a.url);
      const id = (await client.spreadsheets.create({ requestBody: {} })).data.spreadsheetId!;
      await client.spreadsheets.values.append({
        spreadsheetId: id,
        range: 'Sheet1',
        valueInputOption: 'RAW',
        requestBody: { values: [['Nguyễn Văn A', 7]] },
      });
      await a.close();
      const b = await startSheetsServer({ dataDir: dir });
      const values = await createSheetsClient(b.url).spreadsheets.values.get({
        spreadsheetId: id,
        range: 'Sheet1',
        valueRenderOption: 'UNFORMATTED_VALUE',
      });
      expect(values.data.values).toEqual([['Nguyễn Văn A', 7]]);
      await b.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('survives kill -9 of the CLI process right after a write is answered', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sheets-kill-'));
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'scripts/sheets-server/main.ts', '--port', '0', '--data', dir],
      {
        cwd: join(import.meta.dirname, '../../..'),
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString('utf8');
          const m = /http:\/\/127\.0\.0\.1:\d+\//.exec(out);
          if (m) resolve(m[0]);
        });
        child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
      });
      const client = createSheetsClient(url);
      await fetch(`${url}__admin/spreadsheets/demo`, { method: 'PUT' });
      await client.spreadsheets.values.update({
        spreadsheetId: 'demo',
        range: 'A1',
        valueInputOption: 'RAW',
        requestBody: { values: [['bền vững']] },
      });
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGKILL');
      await exited;
      const again = await startSheetsServer({ dataDir: dir });
      const values = await createSheetsClient(again.url).spreadsheets.values.get({
        spreadsheetId: 'demo',
        range: 'A1',
      });
      expect(values.data.values).toEqual([['bền vững']]);
      await again.close();
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
