// Putting the documents on Drive through the gateway, over HTTP against the local Drive server: created once, updated
// in place after, a failing document listed with why while the others go on.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDriveClient } from '../../../functions/gateways/drive-client.ts';
import { createDriveGateway, type DriveGateway } from '../../../functions/gateways/drive.ts';
import type { DocumentRow } from '../../../functions/publish/documents-tab.ts';
import { MAX_UPLOAD_BYTES, publishDocuments, type DocumentFile } from '../../../functions/publish/publish.ts';
import { startDriveServer, type DriveServer } from '../../../scripts/drive-server/index.ts';

const NOW = new Date('2026-11-25T02:00:00Z');
const ZONE = 'Asia/Ho_Chi_Minh';
const FAST = { retries: 2, baseDelayMs: 1, maxDelayMs: 5 };

let dataDir: string;
let server: DriveServer;
let drive: DriveGateway;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'publish-'));
  server = await startDriveServer({ dataDir });
  drive = createDriveGateway({ client: createDriveClient(server.url), retry: FAST });
});

afterAll(async () => {
  await server.close();
  rmSync(dataDir, { recursive: true, force: true });
});

function file(name: string, text: string, kind = 'bao-cao-so-ket'): DocumentFile {
  return { name, kind, bytes: new TextEncoder().encode(text) };
}

const byName = (rows: readonly DocumentRow[]) => new Map(rows.map((r) => [r.name, r]));

async function filesIn(folder: string): Promise<string[]> {
  return (await drive.listFolder(folder)).map((f) => f.name).sort();
}

async function publish(folder: string, files: DocumentFile[], previous = new Map<string, DocumentRow>(), now = NOW) {
  return publishDocuments({ drive, folder: { kind: 'ok', id: folder }, files, previous, now, timeZone: ZONE });
}

describe('publishing the documents to the Drive folder', () => {
  it('creates each document once, then updates the same file on the next run: no duplicate, same link, new content', async () => {
    await server.ensureFolder('F-runs', 'Văn bản');
    const first = await publish('F-runs', [
      file('Báo cáo sơ kết 2026.docx', 'v1'),
      file('Tờ trình.docx', 't1', 'to-trinh'),
    ]);
    expect(first).toMatchObject({ created: 2, updated: 0, failed: 0 });
    expect(first.rows.map((r) => [r.name, r.kind, r.time, r.status])).toEqual([
      ['Báo cáo sơ kết 2026.docx', 'Báo cáo sơ kết', '25/11/2026 09:00:00', 'Đã tạo'],
      ['Tờ trình.docx', 'Tờ trình đề nghị khen thưởng', '25/11/2026 09:00:00', 'Đã tạo'],
    ]);
    const later = new Date('2026-11-26T02:30:00Z');
    const second = await publish(
      'F-runs',
      [file('Báo cáo sơ kết 2026.docx', 'v2'), file('Tờ trình.docx', 't2', 'to-trinh')],
      byName(first.rows),
      later,
    );
    expect(second).toMatchObject({ created: 0, updated: 2, failed: 0 });
    expect(second.rows.map((r) => r.link)).toEqual(first.rows.map((r) => r.link));
    expect(second.rows.map((r) => [r.time, r.status])).toEqual([
      ['26/11/2026 09:30:00', 'Đã cập nhật'],
      ['26/11/2026 09:30:00', 'Đã cập nhật'],
    ]);
    expect(await filesIn('F-runs')).toEqual(['Báo cáo sơ kết 2026.docx', 'Tờ trình.docx']);
    expect(await (await fetch(second.rows[0].link)).text()).toBe('v2');
  });

  it('a document over 5 MB fails alone, with a Vietnamese reason, and the others are put on Drive', async () => {
    await server.ensureFolder('F-big', 'Văn bản');
    const big: DocumentFile = { name: 'Quá lớn.docx', kind: 'danh-sach', bytes: new Uint8Array(MAX_UPLOAD_BYTES + 1) };
    const out = await publish('F-big', [big, file('Nhỏ.docx', 'ok')]);
    expect(out).toMatchObject({ created: 1, failed: 1 });
    expect(byName(out.rows).get('Quá lớn.docx')?.status).toMatch(
      /^Lỗi: tệp 5 MB, quá 5 MB mà Google Drive nhận trong một lần tải lên/,
    );
    expect(await filesIn('F-big')).toEqual(['Nhỏ.docx']);
  });

  it('a Drive failure on one document keeps its last link and time, says why, and the rest go on', async () => {
    await server.ensureFolder('F-fail', 'Văn bản');
    const first = await publish('F-fail', [file('A.docx', 'a1'), file('B.docx', 'b1')]);
    // Every attempt (the first and two retries) of the next update fails: that is A's.
    server.faults.inject({ status: 503, count: 3, methods: ['files.update'] });
    const second = await publish(
      'F-fail',
      [file('A.docx', 'a2'), file('B.docx', 'b2')],
      byName(first.rows),
      new Date('2026-11-27T01:00:00Z'),
    );
    const rows = byName(second.rows);
    expect(rows.get('A.docx')).toMatchObject({ link: rows.get('A.docx')!.link, time: '25/11/2026 09:00:00' });
    expect(rows.get('A.docx')!.link).toBe(byName(first.rows).get('A.docx')!.link);
    expect(rows.get('A.docx')!.status).toMatch(
      /^Lỗi: Google Drive không nhận tệp \(Google Drive API error - \[503\] Backend Error\); lượt sau sẽ thử lại\.$/,
    );
    expect(rows.get('B.docx')).toMatchObject({ status: 'Đã cập nhật', time: '27/11/2026 08:00:00' });
    expect(second.lines).toContain('Google Drive: đã tạo 0, cập nhật 1, lỗi 1 văn bản (trang Văn bản).');
  });

  it('a folder that does not exist (or is not shared) uploads nothing and says how to fix it', async () => {
    const before = drive.calls();
    const out = await publish('thu-muc-khong-co', [file('A.docx', 'a')]);
    expect(drive.calls() - before).toBe(1);
    expect(out.failed).toBe(1);
    expect(out.lines[0]).toMatch(
      /^Không tìm thấy thư mục Google Drive 'thu-muc-khong-co': mã sai, thư mục đã bị xóa, hoặc thư mục chưa được chia sẻ/,
    );
    expect(out.rows[0].status).toMatch(/^Chưa đưa lên Drive: Không tìm thấy thư mục/);
  });

  it('a folder setting that is missing makes no Drive call and says so on every document', async () => {
    const before = drive.calls();
    const out = await publishDocuments({
      drive,
      folder: { kind: 'missing' },
      files: [file('A.docx', 'a')],
      previous: new Map(),
      now: NOW,
      timeZone: ZONE,
    });
    expect(drive.calls()).toBe(before);
    expect(out.rows[0].status).toMatch(/^Chưa đưa lên Drive: Chưa đặt 'Thư mục Drive văn bản'/);
  });

  it('updates the oldest file of a name and leaves a copy someone made beside it alone', async () => {
    await server.ensureFolder('F-copy', 'Văn bản');
    const original = await drive.upload({
      folderId: 'F-copy',
      name: 'A.docx',
      mimeType: 'x',
      bytes: Buffer.from('gốc'),
    });
    await drive.upload({ folderId: 'F-copy', name: 'A.docx', mimeType: 'x', bytes: Buffer.from('bản sao') });
    const out = await publish('F-copy', [file('A.docx', 'mới')]);
    expect(out).toMatchObject({ created: 0, updated: 1 });
    expect(out.rows[0].link).toBe(original.webViewLink);
    expect(await filesIn('F-copy')).toEqual(['A.docx', 'A.docx']);
  });

  it('keeps listing a document an earlier run made and this one no longer makes, its file left on Drive', async () => {
    await server.ensureFolder('F-stale', 'Văn bản');
    const first = await publish('F-stale', [
      file('A.docx', 'a'),
      file('Báo cáo thành tích - X.docx', 'x', 'bao-cao-thanh-tich'),
    ]);
    const second = await publish('F-stale', [file('A.docx', 'a')], byName(first.rows));
    expect(byName(second.rows).get('Báo cáo thành tích - X.docx')).toMatchObject({
      kind: 'Báo cáo thành tích',
      status: 'Không còn trong lượt tạo gần nhất; tệp cũ vẫn ở thư mục Drive.',
      link: byName(first.rows).get('Báo cáo thành tích - X.docx')!.link,
    });
  });
});
