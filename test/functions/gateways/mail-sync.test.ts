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
    const names = loadTemplates().names().map((n) => `thidua-${n}`);
    const first = await syncTemplates({ apiKey: KEY, baseUrl: server.url });
    expect(first).toEqual({ created: names, updated: [], unchanged: [] });
    const gateway = createMailGateway({ apiKey: KEY, baseUrl: server.url });
    const second = await syncTemplates(gateway);
    expect(second).toEqual({ created: [], updated: [], unchanged: names });
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
    expect(result.unchanged).toEqual(loadTemplates(dir).names().filter((n) => n !== 'receipt').map((n) => `thidua-${n}`));
    expect(describeSync(result)).toContain('Đã cập nhật mẫu thư thidua-receipt (phiên bản mới đang dùng).');
    const gateway = createMailGateway({ apiKey: KEY, baseUrl: server.url });
    await gateway.send(
      [{ key: 'k', template: 'receipt', to: [{ email: 'a@example.vn' }], data: { formTitle: 'Báo cáo sơ kết' } }],
      { from: { email: 'f@example.vn' }, categories: [] },
    );
    expect(server.outbox()[0]!.rendered[0]!.subject).toBe('Đã nhận: Báo cáo sơ kết');
  });
});
