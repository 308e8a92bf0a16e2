// The Drive gateway over HTTP against the local Drive server: create once, update after, every page listed, retries
// and normalised errors.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDriveClient } from '../../../functions/gateways/drive-client.ts';
import { createDriveGateway, DriveError, queryString, type DriveGateway } from '../../../functions/gateways/drive.ts';
import { startDriveServer, type DriveServer } from '../../../scripts/drive-server/index.ts';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const FAST = { retries: 3, baseDelayMs: 1, maxDelayMs: 5 };

let dataDir: string;
let server: DriveServer;
let drive: DriveGateway;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'drive-gateway-'));
  // Two files a page at most, so a folder of five is listed in three requests.
  server = await startDriveServer({ dataDir, maxPageSize: 2 });
  drive = createDriveGateway({ client: createDriveClient(server.url), retry: FAST });
  await server.ensureFolder('F1', 'Văn bản');
});

afterAll(async () => {
  await server.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function download(link: string): Promise<string> {
  return (await fetch(link)).text();
}

describe('the Drive gateway', () => {
  it('creates a file in the folder, then updates the same file: same id, same link, new content', async () => {
    const first = await drive.upload({
      folderId: 'F1',
      name: 'Báo cáo sơ kết.docx',
      mimeType: DOCX,
      bytes: Buffer.from('một'),
    });
    expect(await download(first.webViewLink)).toBe('một');
    const again = await drive.upload({
      folderId: 'F1',
      name: 'Báo cáo sơ kết.docx',
      mimeType: DOCX,
      bytes: Buffer.from('hai'),
      existingId: first.id,
    });
    expect(again).toMatchObject({ id: first.id, webViewLink: first.webViewLink, name: 'Báo cáo sơ kết.docx' });
    expect(await download(first.webViewLink)).toBe('hai');
    const listed = await drive.listFolder('F1');
    expect(listed.filter((f) => f.name === 'Báo cáo sơ kết.docx')).toHaveLength(1);
  });

  it('lists every file of the folder over all pages, but no folder and nothing in the bin', async () => {
    await server.ensureFolder('F2', 'Nhiều tệp');
    for (const n of [1, 2, 3, 4, 5])
      await drive.upload({ folderId: 'F2', name: `Tệp ${n}.docx`, mimeType: DOCX, bytes: Buffer.from(String(n)) });
    const before = drive.calls();
    const files = await drive.listFolder('F2');
    expect(files.map((f) => f.name)).toEqual(['Tệp 1.docx', 'Tệp 2.docx', 'Tệp 3.docx', 'Tệp 4.docx', 'Tệp 5.docx']);
    expect(drive.calls() - before).toBe(3);
  });

  it('finds a folder whose id needs escaping in q', async () => {
    await server.ensureFolder("it's\\odd", 'Lạ');
    await drive.upload({ folderId: "it's\\odd", name: 'x.docx', mimeType: DOCX, bytes: Buffer.from('x') });
    expect((await drive.listFolder("it's\\odd")).map((f) => f.name)).toEqual(['x.docx']);
    expect(queryString("it's\\odd")).toBe("'it\\'s\\\\odd'");
  });

  it('retries 503, 429 and a 403 rate limit, then succeeds', async () => {
    for (const status of [503, 429, 403]) {
      server.faults.inject({ status, count: 2, methods: ['files.create'] });
      const before = drive.calls();
      const made = await drive.upload({
        folderId: 'F1',
        name: `Sau lỗi ${status}.docx`,
        mimeType: DOCX,
        bytes: Buffer.from('ok'),
      });
      expect(drive.calls() - before).toBe(3);
      expect(await download(made.webViewLink)).toBe('ok');
    }
  });

  it('gives up after its retries with a normalised error naming the status', async () => {
    server.faults.inject({ status: 500, count: 10, methods: ['files.get'] });
    const error = await drive.folder('F1').catch((e: unknown) => e);
    server.faults.clear();
    expect(error).toBeInstanceOf(DriveError);
    expect(error).toMatchObject({
      status: 500,
      reason: 'backendError',
      message: 'Google Drive API error - [500] Backend Error',
    });
  });

  it('does not retry a 404 and says which file', async () => {
    const before = drive.calls();
    const error = await drive.folder('không-có').catch((e: unknown) => e);
    expect(drive.calls() - before).toBe(1);
    expect(error).toMatchObject({
      status: 404,
      reason: 'notFound',
      message: 'Google Drive API error - [404] File not found: không-có.',
    });
  });

  it('reads a folder’s metadata', async () => {
    expect(await drive.folder('F1')).toEqual({
      id: 'F1',
      name: 'Văn bản',
      mimeType: 'application/vnd.google-apps.folder',
      trashed: false,
    });
  });
});
