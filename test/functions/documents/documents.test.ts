// The documents of the demo campaign, read back with an independent reader (mammoth, jszip): the reports' figures
// against the sheet, the names in the tờ trình and danh sách against the eligible nominations the sheet lists, the
// layout of Nghị định 30/2020/NĐ-CP. LibreOffice's PDF conversion is checked by CI: test/system/documents-pdf.test.ts.
import { DERIVED_LEVEL_REASON } from '../../../functions/rules/output-tabs.ts';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_UNIT_KEY } from '../../../scripts/bench/campaign.ts';
import { demoGrids } from '../../../scripts/demo/campaign.ts';
import { nomineeList } from '../../../scripts/export/lists.ts';
import { TAB } from '../../../sheets-schema/index.ts';
import { INDICATOR_QUESTIONS } from '../../../sheets-schema/forms/index.ts';
import type { Cell } from '../../../functions/core/cells.ts';
import type { Snapshot } from '../../../functions/core/snapshot.ts';
import {
  DocumentTemplateError,
  TEMPLATE_FILES,
  generateDocuments,
  type DocumentFile,
} from '../../../functions/documents/index.ts';
import { DEFAULT_DOCUMENT_TEMPLATES_DIR, loadDocumentTemplates } from '../../../functions/documents/load.ts';
import { evaluateCampaign } from '../../../functions/rules/index.ts';
import { formatNumber } from '../../../functions/core/format.ts';
import { pageSetup, readDocx, type ReadDocument } from './reader.ts';

const NOW = new Date('2026-12-01T09:00:00+07:00');
const grids = demoGrids(NOW, 'http://127.0.0.1:8080/');
const snapshot: Snapshot = { spreadsheetId: 'demo', tabs: grids };
const evaluation = evaluateCampaign(snapshot, NOW, FIXTURE_UNIT_KEY);
/** The spreadsheet as a coordinator sees it after a run: the coordinator's and form tabs plus the system tabs. */
const sheet: Snapshot = {
  spreadsheetId: 'demo',
  tabs: new Map<string, readonly (readonly Cell[])[]>([
    ...grids,
    ...evaluation.tabs.map((t) => [t.tab, t.rows] as const),
  ]),
};

let files: DocumentFile[];
const read = new Map<string, ReadDocument>();
const doc = (name: string): ReadDocument => {
  const d = read.get(name);
  if (!d) throw new Error(`no document ${name}; have ${[...read.keys()].join(', ')}`);
  return d;
};

beforeAll(async () => {
  files = generateDocuments({ evaluation, snapshot }, loadDocumentTemplates(), NOW);
  for (const f of files) read.set(f.name, await readDocx(f.bytes));
});

/** A number as the documents print it: `1.250`, `95,5%`, `+1,7 điểm %` (percentage points). */
const vnNumber = (text: string): number =>
  Number(
    text
      .replace(/\./g, '')
      .replace(',', '.')
      .replace(/( điểm)? ?%$/, ''),
  );
const cellNumber = (cell: Cell | undefined): number =>
  typeof cell === 'number' ? cell : Number(String(cell ?? '').replace(/\./g, ''));

/** Each unit's last valid response row to `form`, found through `Kiểm tra` as the sheet shows it. */
function standingRows(form: string): (readonly Cell[])[] {
  const checks = sheet.tabs.get(TAB.checks)!;
  const head = checks[0].map(String);
  const col = (h: string) => head.indexOf(h);
  const grid = sheet.tabs.get(form)!;
  const last = new Map<string, number>();
  for (const row of checks.slice(1)) {
    if (row[col('Biểu mẫu')] !== form || row[col('Trạng thái')] !== 'Hợp lệ') continue;
    const unit = String(row[col('Mã đơn vị')]);
    last.set(unit, Math.max(last.get(unit) ?? 0, Number(row[col('Dòng')])));
  }
  return [...last.values()].map((n) => grid[n - 1]);
}

/** Sum (counts) or mean to one decimal (percentages) of an indicator over the standing responses, from raw cells. */
function expected(form: string, header: string, percent: boolean): number | null {
  const grid = sheet.tabs.get(form)!;
  const at = grid[0].indexOf(header);
  const values = standingRows(form)
    .map((r) => r[at])
    .filter((c) => c !== '' && c !== undefined)
    .map(cellNumber);
  const sum = values.reduce((a, b) => a + b, 0);
  if (!percent) return sum;
  return values.length ? Math.round((sum / values.length) * 10) / 10 : null;
}

function indicatorTable(d: ReadDocument): string[][] {
  const table = d.tables.find((t) => t[0]?.[1] === 'Chỉ tiêu');
  expect(table, 'the table of indicators').toBeDefined();
  return table!;
}

describe('báo cáo sơ kết and tổng kết (figures from the sheet)', () => {
  it('sơ kết: every indicator is the sum over the units’ valid interim reports (percentages: their mean)', () => {
    const table = indicatorTable(doc('Báo cáo sơ kết 2026.docx'));
    expect(table.slice(1).map((r) => r[1])).toEqual(INDICATOR_QUESTIONS.map((q) => q.header));
    for (const [i, q] of INDICATOR_QUESTIONS.entries()) {
      const want = expected(TAB.interim, q.header, q.kind === 'percent');
      expect(vnNumber(table[i + 1][2]), q.header).toBe(want);
    }
    // The demo's '1.250' (Vietnamese thousands) counts as 1250, and TR-THCSTANPHU's invalid report counts nowhere.
    expect(expected(TAB.interim, 'Số tờ rơi, tài liệu phát hành', false)).toBeGreaterThan(1250);
  });

  it('tổng kết: the final figures, the sơ kết figures beside them and the difference', () => {
    const table = indicatorTable(doc('Báo cáo tổng kết 2026.docx'));
    expect(table[0]).toEqual(['STT', 'Chỉ tiêu', 'Sơ kết', 'Tổng kết', 'So với sơ kết']);
    for (const [i, q] of INDICATOR_QUESTIONS.entries()) {
      const row = table[i + 1];
      const percent = q.kind === 'percent';
      const final = expected(TAB.final, q.header, percent)!;
      const interim = expected(TAB.interim, q.header, percent)!;
      expect(vnNumber(row[3]), q.header).toBe(final);
      expect(vnNumber(row[2]), q.header).toBe(interim);
      // A percentage's change is in percentage points, to one decimal like the means it compares.
      expect(vnNumber(row[4]), q.header).toBe(percent ? Math.round((final - interim) * 10) / 10 : final - interim);
      if (percent) expect(row[4]).toMatch(/ điểm %$/);
    }
  });

  it('tổng kết before any final report: no figure (—) and no change, not 0 and a fall of the whole sơ kết', async () => {
    const october = new Date('2026-10-20T09:00:00+07:00');
    const early: Snapshot = { spreadsheetId: 'demo', tabs: demoGrids(october, 'http://127.0.0.1:8080/') };
    const [interimFile, finalFile] = generateDocuments(
      { evaluation: evaluateCampaign(early, october, FIXTURE_UNIT_KEY), snapshot: early },
      loadDocumentTemplates(),
      october,
    );
    const interim = indicatorTable(await readDocx(interimFile.bytes));
    expect(interim.slice(1).map((r) => r[2])).not.toContain('—');
    const final = await readDocx(finalFile.bytes);
    const rows = indicatorTable(final).slice(1);
    expect(rows.map((r) => r[3])).toEqual(INDICATOR_QUESTIONS.map(() => '—'));
    expect(rows.map((r) => r[4])).toEqual(INDICATOR_QUESTIONS.map(() => ''));
    expect(final.text).toMatch(/Có 0\/\d+ đơn vị gửi báo cáo/);
  });

  it('tổng kết: the leaders are the classified units ranked first in their Cụm/Khối in Xếp loại', () => {
    const grid = sheet.tabs.get(TAB.classification)!;
    const col = (h: string) => grid[0].indexOf(h);
    const names = new Map(evaluation.units.map((u) => [u.code, u.name]));
    const want = grid
      .slice(1)
      .filter((r) => Number(r[col('Hạng trong Cụm/Khối')]) === 1 && r[col('Xếp loại')] !== 'Chưa xếp loại')
      .map((r) => `${names.get(String(r[col('Mã đơn vị')]))} (${formatNumber(Number(r[col('Tổng điểm')]))} điểm).`);
    const text = doc('Báo cáo tổng kết 2026.docx').text;
    const section = text.slice(text.indexOf('5. Đơn vị dẫn đầu'));
    const listed = [...section.matchAll(/^- [^:\n]+: (.+ \([\d.]+ điểm\)\.)$/gm)].map((m) => m[1]);
    expect(listed.sort()).toEqual(want.sort());
    expect(listed.length).toBeGreaterThan(2);
  });

  it('the appendix gives every indicator per Cụm/Khối, each the sum over the cluster’s valid reports', () => {
    const clusterOf = new Map(evaluation.units.map((u) => [u.code, u.cluster]));
    for (const [file, form, column] of [
      ['Báo cáo sơ kết 2026.docx', TAB.interim, 2],
      ['Báo cáo tổng kết 2026.docx', TAB.final, 3],
    ] as const) {
      const table = doc(file).tables.find((t) => t[0]?.[0] === 'Cụm, Khối')!;
      const grid = sheet.tabs.get(form)!;
      const unitAt = grid[0].indexOf('Mã đơn vị');
      let cluster = '';
      for (const row of table.slice(1)) {
        if (row[0] !== '') cluster = row[0].split('(')[0].trim();
        const q = INDICATOR_QUESTIONS.find((x) => x.header === row[1])!;
        if (q.kind === 'percent') continue;
        const at = grid[0].indexOf(q.header);
        const want = standingRows(form)
          .filter((r) => clusterOf.get(String(r[unitAt]).trim().toUpperCase()) === cluster)
          .reduce((n, r) => n + cellNumber(r[at]), 0);
        expect(vnNumber(row[column]), `${file}: ${cluster} / ${q.header}`).toBe(want);
      }
      expect(
        new Set(
          table
            .slice(1)
            .map((r) => r[0])
            .filter((c) => c !== ''),
        ).size,
      ).toBe(new Set(clusterOf.values()).size);
    }
  });

  it('tổng kết: the classification spread is the one of Xếp loại (its own units; a body is derived from below)', () => {
    const levels = sheet.tabs
      .get(TAB.classification)!
      .slice(1)
      .filter((r) => r[5] !== DERIVED_LEVEL_REASON)
      .map((r) => String(r[2]));
    const table = doc('Báo cáo tổng kết 2026.docx').tables.find((t) => t[0]?.[0] === 'Mức xếp loại')!;
    for (const row of table.slice(1)) expect(vnNumber(row[1]), row[0]).toBe(levels.filter((l) => l === row[0]).length);
    expect(table.slice(1).reduce((n, r) => n + vnNumber(r[1]), 0)).toBe(levels.length);
  });

  it('lists the units’ hạn chế, nguyên nhân, phương hướng and kiến nghị by unit, from their valid reports only', () => {
    const text = doc('Báo cáo tổng kết 2026.docx').text;
    const grid = sheet.tabs.get(TAB.final)!;
    const at = grid[0].indexOf('Kiến nghị, đề xuất');
    const unitAt = grid[0].indexOf('Mã đơn vị');
    const units = new Map(evaluation.units.map((u) => [u.code, u.name]));
    const written = standingRows(TAB.final).filter((r) => r[at] !== '' && r[at] !== undefined);
    expect(written.length).toBeGreaterThan(0);
    const section = text.slice(text.indexOf('V. KIẾN NGHỊ, ĐỀ XUẤT'), text.indexOf('Trên đây là báo cáo'));
    for (const r of written)
      expect(section).toContain(`- ${units.get(String(r[unitAt]).trim().toUpperCase())}: ${r[at]}`);
    expect(section.match(/^- /gm)).toHaveLength(written.length);
  });
});

describe('tờ trình and danh sách (exactly the eligible nominations)', () => {
  /** The sheet's own list of eligible nominees (the archive's list, read from `Kiểm tra`), by award. */
  const eligible = new Map<string, string[]>();
  for (const row of nomineeList(sheet).rows) {
    const award = String(row[4]);
    eligible.set(award, [...(eligible.get(award) ?? []), String(row[1])]);
  }
  const fileOf = (kind: string, award: string) => `${kind} ${award.replace(/"/g, '')}.docx`;

  it('one tờ trình and one danh sách per award with an eligible nominee, and no others', () => {
    expect(eligible.size).toBeGreaterThanOrEqual(2);
    expect(
      files
        .filter((f) => f.kind === 'to-trinh')
        .map((f) => f.name)
        .sort(),
    ).toEqual([...eligible.keys()].map((a) => fileOf('Tờ trình đề nghị', a)).sort());
    expect(
      files
        .filter((f) => f.kind === 'danh-sach')
        .map((f) => f.name)
        .sort(),
    ).toEqual([...eligible.keys()].map((a) => fileOf('Danh sách đề nghị', a)).sort());
  });

  it('the tờ trình names exactly the eligible nominees of its award, with counts against the targets', () => {
    for (const [award, names] of eligible) {
      const text = doc(fileOf('Tờ trình đề nghị', award)).text;
      const listed = [...text.matchAll(/^\d+\. ([^,\n]+), /gm)].map((m) => m[1]);
      expect(listed.sort(), award).toEqual([...names].sort());
      for (const t of evaluation.awards.filter((a) => a.award === award && a.eligible > 0))
        expect(text).toContain(`${t.kind}: đề nghị ${t.eligible};`);
    }
  });

  it('the tờ trình names only the kinds it proposes, its parts numbered in order', () => {
    const medal = doc(fileOf('Tờ trình đề nghị', 'Kỷ niệm chương "Bảo vệ an ninh Tổ quốc"')).text;
    expect(medal).toContain('cho 3 cá nhân có thành tích xuất sắc');
    expect(medal).not.toContain('0 tập thể');
    expect(medal).toMatch(/^1\. Cá nhân \(3\)$/m);
    expect(medal).toMatch(/^2\. Đối chiếu với chỉ tiêu khen thưởng$/m);
    const certificate = doc(fileOf('Tờ trình đề nghị', 'Bằng khen của Bộ trưởng Bộ Công an')).text;
    expect(certificate).toContain('cho 2 tập thể và 1 cá nhân có thành tích xuất sắc');
    expect(certificate).toMatch(/^2\. Cá nhân \(1\)$/m);
    expect(certificate).toMatch(/^3\. Đối chiếu với chỉ tiêu khen thưởng$/m);
  });

  it('the danh sách has one row per eligible nominee: STT, name, year of birth, gender, position, unit, summary', () => {
    for (const [award, names] of eligible) {
      const d = doc(fileOf('Danh sách đề nghị', award));
      const rows = d.tables.filter((t) => t[0]?.[0] === 'STT').flatMap((t) => t.slice(1));
      expect(rows.map((r) => r[1]).sort(), award).toEqual([...names].sort());
      const individuals = d.tables.find((t) => t[0][1] === 'Họ và tên');
      if (individuals)
        expect(individuals[0]).toEqual([
          'STT',
          'Họ và tên',
          'Năm sinh',
          'Giới tính',
          'Chức vụ',
          'Đơn vị',
          'Tóm tắt thành tích',
        ]);
    }
    const medal = doc(fileOf('Danh sách đề nghị', 'Kỷ niệm chương "Bảo vệ an ninh Tổ quốc"')).tables.find(
      (t) => t[0]?.[1] === 'Họ và tên',
    )!;
    expect(medal.find((r) => r[1] === 'Vũ Thị Hạnh')).toEqual([
      '1',
      'Vũ Thị Hạnh',
      '1974',
      'Nữ',
      'Chủ tịch UBND xã',
      'UBND xã Tiến Hưng',
      '',
    ]);
  });

  it('the danh sách gives each individual the year of birth and gender the unit answered in the sheet', () => {
    const nominations = sheet.tabs.get(TAB.nominations)!;
    const col = (h: string) => nominations[0].indexOf(h);
    const answered = (name: string) => nominations.find((r) => r[col('Họ tên / Tên tập thể')] === name)!;
    let checked = 0;
    for (const award of eligible.keys()) {
      const individuals = doc(fileOf('Danh sách đề nghị', award)).tables.find((t) => t[0]?.[1] === 'Họ và tên');
      for (const row of individuals?.slice(1) ?? []) {
        const r = answered(row[1]);
        expect([row[2], row[3]], row[1]).toEqual([String(r[col('Ngày sinh')]).slice(-4), String(r[col('Giới tính')])]);
        expect(row[2], row[1]).toMatch(/^(19|20)\d\d$/);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(3);
  });

  it('no ineligible nomination appears in any document', () => {
    const all = [...eligible.values()].flat();
    const nominations = sheet.tabs.get(TAB.nominations)!;
    const at = nominations[0].indexOf('Họ tên / Tên tập thể');
    const ineligible = nominations
      .slice(1)
      .map((r) => String(r[at]))
      .filter((n) => !all.includes(n));
    expect(ineligible).toEqual(
      expect.arrayContaining(['Trần Thị Bích', 'Hoàng Minh Đức', 'Đặng Quốc Huy', 'Bùi Thị Lan']),
    );
    for (const f of files)
      for (const name of ineligible) expect(doc(f.name).text, `${name} in ${f.name}`).not.toContain(name);
  });

  it('one báo cáo thành tích per eligible nominee, on the collective or the individual form, prefilled', () => {
    const reports = files.filter((f) => f.kind === 'bao-cao-thanh-tich');
    expect(reports).toHaveLength([...eligible.values()].flat().length);
    for (const row of nomineeList(sheet).rows) {
      const [, name, position, unit, award] = row.map((c) => String(c ?? ''));
      const found = reports.filter((f) => f.name.startsWith(`Báo cáo thành tích - ${name} - `));
      expect(found, name).toHaveLength(1);
      const text = doc(found[0].name).text;
      expect(text).toContain('BÁO CÁO THÀNH TÍCH');
      expect(text).toContain(`Đề nghị tặng ${award}`);
      expect(text).toContain(unit);
      expect(text).toContain(position ? 'I. SƠ LƯỢC LÝ LỊCH' : 'I. SƠ LƯỢC ĐẶC ĐIỂM, TÌNH HÌNH');
    }
  });
});

describe('layout of Nghị định 30/2020/NĐ-CP, Phụ lục I', () => {
  it('A4, margins 20–25 / 20–25 / 30–35 / 15–20 mm, Times New Roman 13–14 pt, no number on the first page', async () => {
    const mm = (n: number) => Math.round((n * 1440) / 25.4);
    for (const f of files) {
      const p = await pageSetup(f.bytes);
      expect(
        [p.width, p.height].sort((a, b) => a - b),
        f.name,
      ).toEqual([mm(210), mm(297)]);
      if (f.kind === 'danh-sach') expect(p.width, 'danh sách is landscape').toBeGreaterThan(p.height);
      expect(p.margins.top).toBeGreaterThanOrEqual(mm(20));
      expect(p.margins.top).toBeLessThanOrEqual(mm(25));
      expect(p.margins.bottom).toBeGreaterThanOrEqual(mm(20));
      expect(p.margins.bottom).toBeLessThanOrEqual(mm(25));
      expect(p.margins.left).toBeGreaterThanOrEqual(mm(30));
      expect(p.margins.left).toBeLessThanOrEqual(mm(35));
      expect(p.margins.right).toBeGreaterThanOrEqual(mm(15));
      expect(p.margins.right).toBeLessThanOrEqual(mm(20));
      expect(p.defaultFont).toBe('Times New Roman');
      expect([26, 28]).toContain(p.defaultSize);
      expect(p.fonts).toEqual(['Times New Roman']);
      expect(p.firstPageHeaderDiffers).toBe(true);
    }
  });

  it('motto block, issuing body, number and symbol, place and date, title, recipients and signature', () => {
    for (const f of files) {
      const text = doc(f.name).text;
      expect(text, f.name).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
      expect(text).toContain('Độc lập - Tự do - Hạnh phúc');
      expect(text).toContain('Đồng Xoài, ngày');
      expect(text).toContain('năm 2026');
      if (f.kind === 'bao-cao-thanh-tich') continue;
      expect(text).toContain('ỦY BAN NHÂN DÂN TỈNH');
      expect(text).toContain('BAN CHỈ ĐẠO PHONG TRÀO TOÀN DÂN BẢO VỆ AN NINH TỔ QUỐC TỈNH');
      expect(text).toContain('KT. TRƯỞNG BAN');
      expect(text).toContain('PHÓ TRƯỞNG BAN');
      expect(text).toContain('Nguyễn Thanh Bình');
      if (f.kind === 'danh-sach') continue;
      expect(text).toMatch(f.kind === 'to-trinh' ? /Số:\s+\/TTr-BCĐ/ : /Số:\s+\/BC-BCĐ/);
      expect(text).toContain(f.kind === 'to-trinh' ? 'TỜ TRÌNH' : 'BÁO CÁO');
      expect(text).toContain('Nơi nhận:');
      expect(text).toContain('- Lưu: VT.');
    }
  });
});

describe('templates', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  async function edited(file: string, edit: (xml: string) => string): Promise<Uint8Array> {
    const zip = await JSZip.loadAsync(readFileSync(path.join(DEFAULT_DOCUMENT_TEMPLATES_DIR, file)));
    zip.file('word/document.xml', edit(await zip.file('word/document.xml')!.async('string')));
    return zip.generateAsync({ type: 'uint8array' });
  }

  it('a campaign folder replaces a default template of the same name, the others stay', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'thidua-templates-'));
    dirs.push(dir);
    writeFileSync(
      path.join(dir, TEMPLATE_FILES.proposal),
      await edited(TEMPLATE_FILES.proposal, (x) => x.replace('TỜ TRÌNH', 'TỜ TRÌNH CỦA TỈNH')),
    );
    const out = generateDocuments({ evaluation, snapshot }, loadDocumentTemplates(dir), NOW);
    const proposal = out.find((f) => f.kind === 'to-trinh')!;
    expect((await readDocx(proposal.bytes)).text).toContain('TỜ TRÌNH CỦA TỈNH');
    expect((await readDocx(out[0].bytes)).text).toContain('BÁO CÁO');
  });

  it('a broken placeholder stops with a Vietnamese error naming the template and the placeholder', async () => {
    const templates = new Map(loadDocumentTemplates());
    templates.set(
      TEMPLATE_FILES.proposal,
      await edited(TEMPLATE_FILES.proposal, (x) => x.replace('{hinh_thuc}', '{hinh_thuc')),
    );
    expect(() => generateDocuments({ evaluation, snapshot }, templates, NOW)).toThrow(DocumentTemplateError);
    expect(() => generateDocuments({ evaluation, snapshot }, templates, NOW)).toThrow(
      /Mẫu văn bản "to-trinh\.docx" có thẻ hỏng: thẻ "\{hinh_thuc/,
    );
  });

  it('a placeholder the data does not have is named, with the ones that exist', async () => {
    const templates = new Map(loadDocumentTemplates());
    templates.set(
      TEMPLATE_FILES.list,
      await edited(TEMPLATE_FILES.list, (x) => x.replace('{hinh_thuc}', '{hinh_thuc_khen}')),
    );
    expect(() => generateDocuments({ evaluation, snapshot }, templates, NOW)).toThrow(
      /Mẫu văn bản "danh-sach\.docx" có thẻ không có trong dữ liệu: \{hinh_thuc_khen\}\. Các thẻ dùng được: .*hinh_thuc/,
    );
  });

  it('a file that is not a .docx is named', () => {
    const templates = new Map(loadDocumentTemplates());
    templates.set(TEMPLATE_FILES.interimReport, new TextEncoder().encode('không phải docx'));
    expect(() => generateDocuments({ evaluation, snapshot }, templates, NOW)).toThrow(
      'Mẫu văn bản "bao-cao-so-ket.docx" không phải tệp .docx đọc được.',
    );
  });
});

describe('a campaign before any nomination', () => {
  it('gives the two reports and nothing to propose', () => {
    const october = new Date('2026-10-20T09:00:00+07:00');
    const early: Snapshot = { spreadsheetId: 'demo', tabs: demoGrids(october, 'http://127.0.0.1:8080/') };
    const out = generateDocuments(
      { evaluation: evaluateCampaign(early, october, FIXTURE_UNIT_KEY), snapshot: early },
      loadDocumentTemplates(),
      october,
    );
    expect(out.map((f) => f.kind)).toEqual(['bao-cao-so-ket', 'bao-cao-tong-ket']);
  });
});
