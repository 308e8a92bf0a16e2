import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMailGateway } from '../../../functions/gateways/mail.ts';
import { DEFAULT_TEMPLATES_DIR, loadTemplates } from '../../../functions/mail/index.ts';
import { startMailServer, type MailServer } from '../../../scripts/mail-server/index.ts';
import { describeSync, syncTemplates } from '../../../scripts/sync-templates.ts';

const KEY = 'SG.sync-test';
let server: MailServer;
beforeEach(async () => {
  server = await startMailServer({ dataDir: mkdtempSync(join(tmpdir(), 'thidua-sync-')) });
});
afterEach(() => server.close());

describe('syncTemplates', () => {
  it('creates every template once, then changes nothing', async () => {
    const names = loadTemplates()
      .names()
      .map((n) => `thidua-${n}`);
    const first = await syncTemplates({ apiKey: KEY, baseUrl: server.url });
    expect(first).toEqual({ created: names, updated: [], unchanged: [], pruned: 0 });
    const gateway = createMailGateway({ apiKey: KEY, baseUrl: server.url });
    const second = await syncTemplates(gateway);
    expect(second).toEqual({ created: [], updated: [], unchanged: names, pruned: 0 });
    expect(describeSync(second)).toEqual([`Không thay đổi: ${names.join(', ')}.`]);
    const listed = await gateway.templates.list();
    expect(listed.map((t) => t.versions.length)).toEqual(names.map(() => 1));
  });

  it('adds a new active version only for the template whose content changed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'thidua-tpl-'));
    cpSync(DEFAULT_TEMPLATES_DIR, dir, { recursive: true });
    await syncTemplates({ apiKey: KEY, baseUrl: server.url }, loadTemplates(dir));
    const changedDir = mkdtempSync(join(tmpdir(), 'thidua-tpl-'));
    cpSync(dir, changedDir, { recursive: true });
    writeFileSync(join(changedDir, 'receipt.subject.hbs'), 'Đã nhận: {{{formTitle}}}\n');
    const result = await syncTemplates({ apiKey: KEY, baseUrl: server.url }, loadTemplates(changedDir));
    expect(result.updated).toEqual(['thidua-receipt']);
    expect(result.unchanged).toEqual(
      loadTemplates(dir)
        .names()
        .filter((n) => n !== 'receipt')
        .map((n) => `thidua-${n}`),
    );
    expect(describeSync(result)).toContain('Đã cập nhật mẫu thư thidua-receipt (phiên bản mới đang dùng).');
    const gateway = createMailGateway({ apiKey: KEY, baseUrl: server.url });
    await gateway.send(
      [{ key: 'k', template: 'receipt', to: [{ email: 'a@example.vn' }], data: { formTitle: 'Báo cáo sơ kết' } }],
      { from: { email: 'f@example.vn' }, categories: [] },
    );
    expect(server.outbox()[0].rendered[0].subject).toBe('Đã nhận: Báo cáo sơ kết');
  });
});

describe('SendGrid Transactional Templates Versions: "Each user can have up to 300 versions across all templates"', () => {
  /** A copy of templates/ whose receipt subject says `text`. */
  function templatesWithReceiptSubject(text: string) {
    const dir = mkdtempSync(join(tmpdir(), 'thidua-tpl-'));
    cpSync(DEFAULT_TEMPLATES_DIR, dir, { recursive: true });
    writeFileSync(join(dir, 'receipt.subject.hbs'), `${text}: {{{formTitle}}}\n`);
    return loadTemplates(dir);
  }

  it('sync prunes old versions: each template keeps its active version and the one before, so an account at its limit still syncs', async () => {
    const count = loadTemplates().names().length;
    await server.close();
    // Room for one version per template and one more: without pruning, the second change would be refused.
    server = await startMailServer({
      dataDir: mkdtempSync(join(tmpdir(), 'thidua-sync-')),
      maxTemplateVersions: count + 1,
    });
    const target = { apiKey: KEY, baseUrl: server.url };
    await syncTemplates(target);
    for (const subject of ['Đã nhận lần 1', 'Đã nhận lần 2', 'Đã nhận lần 3']) {
      const result = await syncTemplates(target, templatesWithReceiptSubject(subject));
      expect(result.updated).toEqual(['thidua-receipt']);
    }
    const gateway = createMailGateway(target);
    const receipt = (await gateway.templates.list()).find((t) => t.name === 'thidua-receipt')!;
    const detail = await gateway.templates.get(receipt.id);
    expect(detail.versions.map((v) => [v.subject.split(':')[0], v.active])).toEqual([
      ['Đã nhận lần 2', 0],
      ['Đã nhận lần 3', 1],
    ]);
  });

  it('a template that piled up versions before is pruned to two on the next sync, and the sync says so', async () => {
    const target = { apiKey: KEY, baseUrl: server.url };
    await syncTemplates(target);
    const gateway = createMailGateway(target);
    const receipt = (await gateway.templates.list()).find((t) => t.name === 'thidua-receipt')!;
    const current = (await gateway.templates.get(receipt.id)).versions[0];
    for (let i = 0; i < 4; i++) await gateway.templates.addActiveVersion(receipt.id, { ...current, name: `old ${i}` });
    await gateway.templates.addActiveVersion(receipt.id, current); // the content of templates/ active again
    const result = await syncTemplates(target);
    expect(result.pruned).toBe(4);
    expect(describeSync(result)).toContain(
      'Đã xóa 4 phiên bản mẫu thư cũ (mỗi mẫu giữ phiên bản đang dùng và phiên bản ngay trước đó).',
    );
    const left = (await gateway.templates.get(receipt.id)).versions;
    expect(left.map((v) => [v.name, v.active])).toEqual([
      ['old 3', 0],
      [current.name, 1],
    ]);
  });
});
