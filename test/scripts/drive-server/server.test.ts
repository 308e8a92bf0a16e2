// The local Drive v3 server driven by the official client over HTTP: the calls the product makes, and Drive's refusals
// with Drive's status and error body (docs/limits.md, "Google Drive API v3").
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDriveClient, type DriveClient } from '../../../functions/gateways/drive-client.ts';
import { MULTIPART_MAX_MEDIA_BYTES, startDriveServer, type DriveServer } from '../../../scripts/drive-server/index.ts';

interface Failure {
  readonly status?: number;
  readonly response?: { data?: { error?: { code: number; message: string; errors: Record<string, string>[] } } };
}

async function failure(p: Promise<unknown>): Promise<Failure> {
  try {
    await p;
  } catch (error) {
    return error as Failure;
  }
  throw new Error('expected the call to fail');
}

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
let dataDir: string;
let server: DriveServer;
let client: DriveClient;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'drive-server-'));
  server = await startDriveServer({ dataDir });
  client = createDriveClient(server.url);
  await server.ensureFolder('F-main', 'Văn bản báo cáo');
});

afterAll(async () => {
  await server.close();
  rmSync(dataDir, { recursive: true, force: true });
});

function media(bytes: Buffer | string) {
  return { mimeType: DOCX, body: Readable.from([Buffer.from(bytes)]) };
}

async function create(name: string, bytes: Buffer | string, parents = ['F-main']) {
  const { data } = await client.api.files.create(
    {
      requestBody: { name, parents },
      media: media(bytes),
      fields: 'id,name,parents,size,md5Checksum,webViewLink,version',
    },
    client.uploadOptions,
  );
  return data;
}

describe('the local Drive server, through @googleapis/drive', () => {
  it('files.create multipart stores the metadata and the bytes; files.get alt=media gives the bytes back', async () => {
    const made = await create('Báo cáo sơ kết.docx', 'nội dung một');
    expect(made).toMatchObject({
      name: 'Báo cáo sơ kết.docx',
      parents: ['F-main'],
      size: String(Buffer.byteLength('nội dung một')),
      version: '1',
    });
    expect(made.id).toMatch(/^[\w-]{33}$/);
    const got = await client.api.files.get({ fileId: made.id!, alt: 'media' }, { responseType: 'arraybuffer' });
    expect(Buffer.from(got.data as unknown as ArrayBuffer).toString('utf8')).toBe('nội dung một');
  });

  it('answers the default fields unless `fields` says otherwise, and masks lists element by element', async () => {
    const made = await create('Tờ trình.docx', 'x');
    const plain = await client.api.files.get({ fileId: made.id! });
    expect(plain.data).toEqual({ kind: 'drive#file', id: made.id, name: 'Tờ trình.docx', mimeType: DOCX });
    const list = await client.api.files.list({ q: `name = 'Tờ trình.docx'`, fields: 'files(id,name)' });
    expect(list.data).toEqual({ files: [{ id: made.id, name: 'Tờ trình.docx' }] });
  });

  it('files.update multipart replaces the content under the same id, link and parent, and counts a version', async () => {
    const made = await create('Danh sách.docx', 'v1');
    const { data } = await client.api.files.update(
      {
        fileId: made.id!,
        requestBody: { name: 'Danh sách.docx' },
        media: media('v2, dài hơn'),
        fields: 'id,parents,version,webViewLink,size',
      },
      client.uploadOptions,
    );
    expect(data).toEqual({ id: made.id, parents: ['F-main'], version: '2', webViewLink: made.webViewLink, size: '13' });
    const got = await client.api.files.get({ fileId: made.id!, alt: 'media' }, { responseType: 'arraybuffer' });
    expect(Buffer.from(got.data as unknown as ArrayBuffer).toString('utf8')).toBe('v2, dài hơn');
  });

  it('the webViewLink opens: it serves the file under its name', async () => {
    const made = await create('Báo cáo thành tích.docx', 'PK-bytes');
    const answer = await fetch(made.webViewLink!);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-disposition')).toContain(encodeURIComponent('Báo cáo thành tích.docx'));
    expect(await answer.text()).toBe('PK-bytes');
  });

  it('files.list pages by pageSize and nextPageToken, and filters by the q of the product', async () => {
    await server.ensureFolder('F-paged', 'Phân trang');
    for (const n of ['1', '2', '3']) await create(`Tệp ${n}.docx`, n, ['F-paged']);
    const trashed = await create('Tệp bỏ.docx', 'x', ['F-paged']);
    await client.api.files.update({ fileId: trashed.id!, requestBody: { trashed: true } });
    const q = "'F-paged' in parents and trashed = false";
    const first = await client.api.files.list({ q, pageSize: 2, fields: 'nextPageToken,files(name)' });
    expect(first.data.files?.map((f) => f.name)).toEqual(['Tệp 1.docx', 'Tệp 2.docx']);
    expect(first.data.nextPageToken).toBeTruthy();
    const second = await client.api.files.list({
      q,
      pageSize: 2,
      pageToken: first.data.nextPageToken!,
      fields: 'nextPageToken,files(name)',
    });
    expect(second.data).toEqual({ files: [{ name: 'Tệp 3.docx' }] });
  });

  it('keeps every file across a restart', async () => {
    const made = await create('Giữ lại.docx', 'bền');
    await server.close();
    server = await startDriveServer({ dataDir });
    client = createDriveClient(server.url);
    const got = await client.api.files.get({ fileId: made.id!, alt: 'media' }, { responseType: 'arraybuffer' });
    expect(Buffer.from(got.data as unknown as ArrayBuffer).toString('utf8')).toBe('bền');
  });
});

describe('what Drive refuses, refused with Drive’s status and body', () => {
  it('404 notFound "File not found: <id>." for an unknown file, on get, update and as a parent', async () => {
    const get = await failure(client.api.files.get({ fileId: 'không-có' }));
    expect(get.status).toBe(404);
    expect(get.response?.data?.error).toEqual({
      code: 404,
      message: 'File not found: không-có.',
      errors: [
        {
          domain: 'global',
          reason: 'notFound',
          message: 'File not found: không-có.',
          location: 'fileId',
          locationType: 'parameter',
        },
      ],
    });
    const update = await failure(client.api.files.update({ fileId: 'không-có', requestBody: { name: 'x' } }));
    expect(update.status).toBe(404);
    const parent = await failure(create('x.docx', 'x', ['thư-mục-không-có']));
    expect(parent.status).toBe(404);
    expect(parent.response?.data?.error?.message).toBe('File not found: thư-mục-không-có.');
  });

  it('400 invalid "Invalid Value" on q for a query Drive cannot parse', async () => {
    const bad = await failure(client.api.files.list({ q: "name = 'chưa đóng" }));
    expect(bad.status).toBe(400);
    expect(bad.response?.data?.error?.errors[0]).toEqual({
      domain: 'global',
      reason: 'invalid',
      message: 'Invalid Value',
      location: 'q',
      locationType: 'parameter',
    });
  });

  it('400 "Invalid field selection <name>" for a field the resource does not have', async () => {
    const bad = await failure(client.api.files.list({ fields: 'files(id,title)' }));
    expect(bad.status).toBe(400);
    expect(bad.response?.data?.error?.message).toBe('Invalid field selection title');
    expect(bad.response?.data?.error?.errors[0]).toMatchObject({ reason: 'invalidParameter', location: 'fields' });
  });

  it('403 fieldNotWritable for parents in an update body (addParents/removeParents instead)', async () => {
    const made = await create('Di chuyển.docx', 'x');
    const bad = await failure(client.api.files.update({ fileId: made.id!, requestBody: { parents: ['F-main'] } }));
    expect(bad.status).toBe(403);
    expect(bad.response?.data?.error?.message).toMatch(
      /^The parents field is not directly writable in update requests\./,
    );
  });

  it(`multipart upload "5 MB or less": ${MULTIPART_MAX_MEDIA_BYTES} bytes of media are taken, one more is refused and nothing is stored`, async () => {
    const exact = await create('Đúng 5 MB.docx', Buffer.alloc(MULTIPART_MAX_MEDIA_BYTES, 1));
    expect(exact.size).toBe(String(MULTIPART_MAX_MEDIA_BYTES));
    const before = (await client.api.files.list({ q: "'F-main' in parents", fields: 'files(id)' })).data.files?.length;
    const over = await failure(create('Quá 5 MB.docx', Buffer.alloc(MULTIPART_MAX_MEDIA_BYTES + 1, 1)));
    expect(over.status).toBe(400);
    expect(over.response?.data?.error?.message).toMatch(/5 MB or less/);
    const after = (await client.api.files.list({ q: "'F-main' in parents", fields: 'files(id)' })).data.files?.length;
    expect(after).toBe(before);
  });

  it('403 fileNotDownloadable for alt=media on a folder', async () => {
    const bad = await failure(client.api.files.get({ fileId: 'F-main', alt: 'media' }));
    expect(bad.status).toBe(403);
    expect(bad.response?.data?.error?.errors[0]?.reason).toBe('fileNotDownloadable');
  });
});
