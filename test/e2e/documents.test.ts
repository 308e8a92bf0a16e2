// Issue 18, "the menu → function → Drive path is tested end to end on the local stack": the request the generated
// Apps Script's "Tạo văn bản báo cáo" makes (its own signing code, run as Apps Script runs it) goes over HTTP to the
// documents function of the local stack, which puts the documents in the local Drive server's folder and lists them in
// `Văn bản` with links that open them. A second request updates the same files; a Drive failure is named and costs
// only the document it hit.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDriveClient } from '../../functions/gateways/drive-client.ts';
import { createDriveGateway, type DriveFile } from '../../functions/gateways/drive.ts';
import { createSheetsClient } from '../../functions/gateways/sheets-client.ts';
import { DEMO_DRIVE_FOLDER_ID, startLocalStack, type LocalStack } from '../../scripts/stack/index.ts';
import { menuProject, type ScriptRequest } from '../scripts/apps-script/menu-harness.ts';

let stack: LocalStack;
let dataDir: string;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'thidua-e2e-documents-'));
  stack = await startLocalStack({ dataDir, quiet: true });
}, 180_000);

afterAll(async () => {
  await stack?.close();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

interface MenuResult {
  readonly status: number;
  /** What the coordinator's alert says, as the script renders the function's answer. */
  readonly shown: string;
}

/**
 * Chooses "Tạo văn bản báo cáo": the script builds and signs its request (UrlFetchApp records it), the request is sent
 * as it is over HTTP, and the script renders the function's real answer.
 */
async function chooseMenuItem(): Promise<MenuResult> {
  let sent: ScriptRequest | undefined;
  const menu = menuProject(
    { DOCUMENTS_URL: stack.urls.documents!, INGEST_SECRET: stack.env.INGEST_SECRET! },
    (request) => {
      sent = request;
      return { status: 0, text: '' };
    },
  );
  menu.call('thiduaMakeDocuments');
  const request = sent!;
  const answer = await fetch(request.url, {
    method: request.method.toUpperCase(),
    headers: { 'content-type': request.contentType, ...request.headers },
    body: request.payload,
  });
  const text = await answer.text();
  const shown = menu.evaluate(`thiduaDocumentsMessage_(${answer.status}, ${JSON.stringify(text)})`) as string;
  return { status: answer.status, shown };
}

const drive = () => createDriveGateway({ client: createDriveClient(stack.urls.drive) });

async function documentsTab(): Promise<string[][]> {
  const api = createSheetsClient(stack.urls.sheets);
  const got = await api.spreadsheets.values.get({ spreadsheetId: stack.spreadsheetId, range: `'Văn bản'` });
  return (got.data.values ?? []) as string[][];
}

async function bytesOf(link: string): Promise<Buffer> {
  const answer = await fetch(link);
  expect(answer.status).toBe(200);
  return Buffer.from(await answer.arrayBuffer());
}

/** One request per second at most: the function refuses a replayed signature, and the script signs by the second. */
const nextSecond = () => new Promise((r) => setTimeout(r, 1100));

describe('menu "Tạo văn bản báo cáo" → documents function → Drive, on the local stack', () => {
  let first: DriveFile[];

  it('puts every document in the folder of Cấu hình and lists each in Văn bản with a link that opens it', async () => {
    const result = await chooseMenuItem();
    expect(result.status).toBe(200);
    first = await drive().listFolder(DEMO_DRIVE_FOLDER_ID);
    expect(first.length).toBeGreaterThan(0);
    expect(result.shown).toContain(`Google Drive: đã tạo ${first.length}, cập nhật 0, lỗi 0 văn bản (trang Văn bản).`);

    const [header, ...rows] = await documentsTab();
    expect(header).toEqual(['Văn bản', 'Loại', 'Thời điểm', 'Liên kết', 'Trạng thái']);
    expect(rows.map((r) => r[0]).sort()).toEqual(first.map((f) => f.name).sort());
    for (const row of rows) {
      expect(row[4]).toBe('Đã tạo');
      expect(row[2]).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}:\d{2}$/);
      const file = first.find((f) => f.name === row[0])!;
      expect(row[3]).toBe(file.webViewLink);
      // The link opens the very bytes Drive holds for the file.
      const { api } = createDriveClient(stack.urls.drive);
      const held = await api.files.get({ fileId: file.id, alt: 'media' }, { responseType: 'arraybuffer' });
      const bytes = await bytesOf(row[3]);
      // A Word document: a zip archive.
      expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
      expect(bytes.equals(Buffer.from(held.data as unknown as ArrayBuffer))).toBe(true);
    }
  }, 120_000);

  it('a second request updates the same files: no duplicate, the same links, Đã cập nhật', async () => {
    await nextSecond();
    const result = await chooseMenuItem();
    expect(result.status).toBe(200);
    expect(result.shown).toContain(`Google Drive: đã tạo 0, cập nhật ${first.length}, lỗi 0 văn bản (trang Văn bản).`);
    const again = await drive().listFolder(DEMO_DRIVE_FOLDER_ID);
    expect(again.map((f) => f.id).sort()).toEqual(first.map((f) => f.id).sort());
    const [, ...rows] = await documentsTab();
    expect(rows).toHaveLength(first.length);
    expect(rows.every((r) => r[4] === 'Đã cập nhật')).toBe(true);
    expect(rows.map((r) => r[3]).sort()).toEqual(first.map((f) => f.webViewLink).sort());
  }, 120_000);

  it('a Drive failure is named in the answer and in Văn bản, keeps that document’s link, and the others go on', async () => {
    await nextSecond();
    const before = await documentsTab();
    // Every attempt of the first update fails (the first and the gateway's five retries).
    const armed = await fetch(new URL('__admin/faults', stack.urls.drive), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ status: 500, count: 6, methods: ['files.update'] }),
    });
    expect(armed.status).toBe(200);
    const result = await chooseMenuItem();
    expect(result.status).toBe(200);
    expect(result.shown).toContain(
      `Google Drive: đã tạo 0, cập nhật ${first.length - 1}, lỗi 1 văn bản (trang Văn bản).`,
    );
    expect(result.shown).toMatch(
      /\nLỗi: .+: Google Drive không nhận tệp \(Google Drive API error - \[500\] Backend Error\); lượt sau sẽ thử lại\./,
    );
    const [, ...rows] = await documentsTab();
    const failed = rows.filter((r) => r[4].startsWith('Lỗi: '));
    expect(failed).toHaveLength(1);
    const earlier = before.find((r) => r[0] === failed[0][0])!;
    expect(failed[0].slice(0, 4)).toEqual(earlier.slice(0, 4));
    expect(rows.filter((r) => r[4] === 'Đã cập nhật')).toHaveLength(first.length - 1);
    expect((await drive().listFolder(DEMO_DRIVE_FOLDER_ID)).length).toBe(first.length);
  }, 120_000);

  it('every run names the folder in Tổng hợp, under Số đơn vị', async () => {
    await stack.runJob('ingest');
    const api = createSheetsClient(stack.urls.sheets);
    const got = await api.spreadsheets.values.get({ spreadsheetId: stack.spreadsheetId, range: `'Tổng hợp'` });
    const rows = (got.data.values ?? []) as string[][];
    expect(rows.find((r) => r[0] === 'Thư mục Drive văn bản')?.slice(0, 2)).toEqual([
      'Thư mục Drive văn bản',
      DEMO_DRIVE_FOLDER_ID,
    ]);
  }, 120_000);
});
