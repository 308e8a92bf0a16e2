import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  loadTemplates,
  renderVersion,
  TemplateError,
  type ResponsesData,
  type SubmissionData,
} from '../../../functions/mail/index.ts';

const layout = {
  campaign: 'Phong trào "Toàn dân bảo vệ an ninh Tổ quốc" năm 2025',
  organisation: 'Công an tỉnh Bắc Ninh',
  year: '2025',
};

/** A response as ingest judged it, before its place in an email is known. */
type Judged = Omit<SubmissionData, 'number' | 'several'>;

const received: Judged = {
  formTitle: 'Đăng ký thi đua',
  submittedAt: '05/03/2025 08:15:30',
  valid: true,
  answers: [
    { question: 'Mã đơn vị', answer: 'TH-07' },
    { question: 'Đăng ký "An toàn về ANTT"', answer: 'Có' },
  ],
  errors: [],
  notes: [],
  editLink: 'https://docs.google.com/forms/d/e/abc/viewform?edit2=xyz&usp=x',
};

/**
 * The email of one unit's responses as ingest builds it: the first response's fields on top, every response in the
 * list.
 */
function email(unitName: string, unitCode: string, submissions: readonly Judged[]): ResponsesData {
  const several = submissions.length > 1;
  const list = submissions.map((s, i) => ({ ...s, number: i + 1, several }));
  const fixCount = submissions.filter((s) => !s.valid).length;
  const [first] = list;
  return {
    ...layout,
    unitName,
    unitCode,
    ...first,
    submissions: list,
    several,
    count: list.length,
    fixCount,
    receivedCount: list.length - fixCount,
  };
}

const receipt = {
  ...email('Trường THPT Lý Thái Tổ', 'TH-07', [received]),
  preheader: 'Biểu mẫu của đơn vị đã được nhận.',
};

const toFix: Judged = {
  formTitle: 'Báo cáo tổng kết',
  submittedAt: '20/11/2025 17:02:09',
  valid: false,
  answers: [],
  errors: ['Thiếu câu trả lời cho "Mã đơn vị".', 'Điểm tiêu chí [TC1] vượt điểm tối đa 10.'],
  notes: [],
  editLink: 'https://docs.google.com/forms/d/e/abc/viewform?usp=pp_url&entry.1=XA-03',
};
const fix = email('UBND xã Tam Sơn', 'XA-03', [toFix]);

describe('loadTemplates', () => {
  const templates = loadTemplates();

  it('lists the ingest templates and returns the same set on every call', () => {
    expect(templates.names()).toEqual(expect.arrayContaining(['fix-request', 'receipt']));
    expect(loadTemplates()).toBe(templates);
  });

  it('builds one self-contained SendGrid version per template, named thidua-<name>', () => {
    const version = templates.version('receipt');
    expect(version.name).toBe('thidua-receipt');
    for (const source of [version.subject, version.html_content, version.plain_content])
      expect(source).not.toContain('{{>');
    expect(version.html_content).toContain('<html lang="vi">');
    expect(version.html_content).not.toContain('{{{');
    expect(version.subject).not.toMatch(/\n/);
  });

  it('renders a receipt: header, unit, answers, edit link, footer', () => {
    const { subject, html } = templates.render('receipt', receipt);
    expect(subject).toBe(
      '[Phong trào "Toàn dân bảo vệ an ninh Tổ quốc" năm 2025] Xác nhận đã nhận: Đăng ký thi đua – Trường THPT Lý Thái Tổ',
    );
    expect(html).toContain('Trường THPT Lý Thái Tổ');
    expect(html).toContain('05/03/2025 08:15:30');
    expect(html).toContain('Đăng ký &quot;An toàn về ANTT&quot;');
    expect(html).toContain('href="https://docs.google.com/forms/d/e/abc/viewform?edit2&#x3D;xyz&amp;usp&#x3D;x"');
    expect(html).toContain('Biểu mẫu của đơn vị đã được nhận.');
    expect(html).toContain('Công an tỉnh Bắc Ninh');
    expect(html).toContain('Thư này được gửi tự động');
  });

  it('writes a text part that reads on its own, quotes and links intact', () => {
    const { text } = templates.render('receipt', receipt);
    expect(text).toContain('Kính gửi: Trường THPT Lý Thái Tổ (mã đơn vị TH-07),');
    expect(text).toContain('- Thời điểm gửi: 05/03/2025 08:15:30');
    expect(text).toContain('* Đăng ký "An toàn về ANTT"\n  Có');
    expect(text).toContain('https://docs.google.com/forms/d/e/abc/viewform?edit2=xyz&usp=x');
    expect(text).not.toMatch(/<[a-z]|&quot;|&amp;/);
    expect(text).toContain('Công an tỉnh Bắc Ninh\nThư này được gửi tự động');
  });

  it('escapes <script> in data in the HTML part', () => {
    const hostile = email('<script>alert(1)</script>', 'TH-07', [
      { ...received, answers: [{ question: 'Q', answer: '<img src=x onerror=alert(1)>' }] },
    ]);
    const { html } = templates.render('receipt', hostile);
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('renders a fix request with every error, in order, and the link to fix it', () => {
    const { subject, html, text } = templates.render('fix-request', fix);
    expect(subject).toBe(
      '[Phong trào "Toàn dân bảo vệ an ninh Tổ quốc" năm 2025] Đề nghị bổ sung, chỉnh sửa: Báo cáo tổng kết – UBND xã Tam Sơn',
    );
    expect(html).toMatch(
      /Thiếu câu trả lời cho &quot;Mã đơn vị&quot;\.[\s\S]*Điểm tiêu chí \[TC1\] vượt điểm tối đa 10\./,
    );
    expect(text).toContain('- Thiếu câu trả lời cho "Mã đơn vị".\n- Điểm tiêu chí [TC1] vượt điểm tối đa 10.');
    expect(text).toContain(
      'Mở biểu mẫu để bổ sung, chỉnh sửa tại:\nhttps://docs.google.com/forms/d/e/abc/viewform?usp=pp_url&entry.1=XA-03',
    );
  });

  it('tells the unit to reopen the form when there is no edit link', () => {
    const { html, text } = templates.render(
      'fix-request',
      email('UBND xã Tam Sơn', 'XA-03', [{ ...toFix, editLink: '' }]),
    );
    expect(text).toContain('Đơn vị vui lòng mở lại biểu mẫu "Báo cáo tổng kết"');
    expect(html).not.toContain('href=""');
  });

  it('puts several responses of one unit in one email, the ones to fix first, each with its own answers or errors', () => {
    const both = email('UBND xã Tam Sơn', 'XA-03', [
      toFix,
      { ...received, formTitle: 'Báo cáo sơ kết', editLink: 'https://example.vn/sua/sk' },
    ]);
    const { subject, text } = templates.render('fix-request', both);
    expect(subject).toBe(
      '[Phong trào "Toàn dân bảo vệ an ninh Tổ quốc" năm 2025] Đề nghị bổ sung, chỉnh sửa 1 trong 2 biểu mẫu – UBND xã Tam Sơn',
    );
    expect(text).toContain(
      'Hệ thống đã nhận được 2 biểu mẫu của đơn vị: 1 biểu mẫu chưa hợp lệ cần bổ sung, chỉnh sửa, 1 biểu mẫu hợp lệ.',
    );
    const fixAt = text.indexOf('1. Báo cáo tổng kết — CẦN BỔ SUNG, CHỈNH SỬA');
    const okAt = text.indexOf('2. Báo cáo sơ kết — HỢP LỆ');
    expect(fixAt).toBeGreaterThan(0);
    expect(okAt).toBeGreaterThan(fixAt);
    expect(text.slice(fixAt, okAt)).toContain('- Điểm tiêu chí [TC1] vượt điểm tối đa 10.');
    expect(text.slice(okAt)).toContain('* Đăng ký "An toàn về ANTT"\n  Có');
    expect(text.slice(okAt)).toContain('https://example.vn/sua/sk');
    const receipts = templates.render(
      'receipt',
      email('Trường THPT Lý Thái Tổ', 'TH-07', [received, { ...received, formTitle: 'Báo cáo sơ kết' }]),
    );
    expect(receipts.subject).toBe(
      '[Phong trào "Toàn dân bảo vệ an ninh Tổ quốc" năm 2025] Xác nhận đã nhận 2 biểu mẫu – Trường THPT Lý Thái Tổ',
    );
  });

  it('renders exactly like the version sent to SendGrid', () => {
    expect(renderVersion(templates.version('fix-request'), fix)).toEqual(templates.render('fix-request', fix));
  });

  it('is NFC Vietnamese throughout', () => {
    const { subject, html, text } = templates.render('receipt', receipt);
    for (const s of [subject, html, text]) expect(s).toBe(s.normalize('NFC'));
  });
});

describe('loadTemplates refuses what SendGrid would not render', () => {
  function dirWith(files: Record<string, string>): string {
    const dir = mkdtempSync(join(tmpdir(), 'thidua-templates-'));
    mkdirSync(join(dir, 'partials'));
    const all = { 'layout.html.hbs': '<div>{{> content}}</div>', 'layout.txt.hbs': '{{> content}}', ...files };
    for (const [name, body] of Object.entries(all)) writeFileSync(join(dir, name), body);
    return dir;
  }
  const parts = (html: string) => ({ 'x.subject.hbs': 'S', 'x.html.hbs': html, 'x.txt.hbs': 'T' });

  it.each([
    ['triple-stash in HTML', '{{{name}}}', /triple-stash/],
    ['a custom helper', '{{upper name}}', /helpers are not supported/],
    ['a block helper SendGrid lacks', '{{#with a}}{{b}}{{/with}}', /not one of/],
    ['a missing partial', '{{> footer}}', /no partial/],
  ])('%s', (_, html, message) => {
    expect(() => loadTemplates(dirWith(parts(html)))).toThrow(message);
  });

  it('a template without its text part', () => {
    expect(() => loadTemplates(dirWith({ 'x.subject.hbs': 'S', 'x.html.hbs': 'H' }))).toThrow(TemplateError);
  });

  it('inlines partials by name', () => {
    const set = loadTemplates(dirWith({ ...parts('{{> hello}}'), 'partials/hello.hbs': 'Xin chào {{name}}' }));
    expect(set.version('x').html_content).toBe('<div>Xin chào {{name}}</div>');
    expect(set.render('x', { name: 'Hà' }).html).toBe('<div>Xin chào Hà</div>');
  });
});
