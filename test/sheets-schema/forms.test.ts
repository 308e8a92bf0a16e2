import { describe, expect, it } from 'vitest';
import { defaultCriteria, defaultMilestones, defaultTabRows, defaultTargets } from '../../sheets-schema/defaults.ts';
import {
  AWARDS,
  FINAL_FORM,
  FORMS,
  INDICATOR_QUESTIONS,
  NOMINATION_FORM,
  appliesToType,
  criterionQuestions,
  formDef,
  formQuestions,
} from '../../sheets-schema/forms/index.ts';
import { PLAN_FORM, TABS, tabDef } from '../../sheets-schema/index.ts';

describe('forms', () => {
  it('DESIGN: the five forms in campaign order, the plan (KH) a form of its own', () => {
    expect(FORMS.map((f) => f.tab)).toEqual([
      'Đăng ký thi đua',
      'Kế hoạch thi đua',
      'Báo cáo sơ kết',
      'Báo cáo tổng kết',
      'Đề nghị khen thưởng',
    ]);
  });

  it('every form rule names questions of its own form, numeric where it compares numbers', () => {
    for (const form of FORMS) {
      const kinds = new Map(form.questions.map((q) => [q.header, q.kind]));
      for (const rule of form.rules ?? []) {
        const headers =
          rule.kind === 'atMost'
            ? [rule.header, rule.atMost]
            : rule.kind === 'anyAnswered'
              ? rule.headers
              : [rule.header];
        for (const header of headers) expect(kinds.has(header), `${form.tab}: ${header}`).toBe(true);
        if (rule.kind === 'atMost') for (const header of headers) expect(kinds.get(header)).toBe('integer');
      }
    }
    expect(FORMS.filter((f) => f.rules?.length).map((f) => f.tab)).toEqual([
      'Đăng ký thi đua',
      'Kế hoạch thi đua',
      'Báo cáo sơ kết',
      'Báo cáo tổng kết',
      'Đề nghị khen thưởng',
    ]);
    expect(FORMS.filter((f) => f.criterionScores).map((f) => f.tab)).toEqual(['Báo cáo tổng kết']);
    expect(FORMS.filter((f) => f.eachResponseStands).map((f) => f.tab)).toEqual(['Đề nghị khen thưởng']);
  });

  it('DOMAIN §2 KH, §7: the plan asks for the plan document’s link and one optional target per report indicator, bounded alike', () => {
    const byHeader = new Map(PLAN_FORM.questions.map((q) => [q.header, q]));
    expect(byHeader.get('Liên kết văn bản kế hoạch')).toMatchObject({ kind: 'url', required: true });
    for (const indicator of INDICATOR_QUESTIONS) {
      const target = byHeader.get(`Chỉ tiêu đăng ký: ${indicator.header}`)!;
      expect([target.kind, target.required, target.min, target.max]).toEqual([
        indicator.kind,
        false,
        indicator.min,
        indicator.max,
      ]);
    }
    expect(defaultMilestones(2026).find((m) => m.code === 'KH')!.form).toBe('Kế hoạch thi đua');
  });

  it('DESIGN: the final report has the serious-incident question with Có/Không', () => {
    const q = FINAL_FORM.questions.find((x) => x.header === 'Để xảy ra vụ việc nghiêm trọng về ANTT')!;
    expect([q.kind, q.required, q.options]).toEqual(['choice', true, ['Có', 'Không']]);
  });

  it('DESIGN: the nomination headers are exact; service fields are required only for the awards whose catalogue row has a service rule', () => {
    const headers = NOMINATION_FORM.questions.map((q) => q.header);
    expect(headers).toEqual([
      'Mã đơn vị',
      'Mã xác thực',
      'Đối tượng',
      'Hình thức khen thưởng',
      'Họ tên / Tên tập thể',
      'Chức vụ',
      'Thành tích tóm tắt',
      'Giới tính',
      'Nhóm đối tượng',
      'Số năm công tác',
      'Số năm ở vùng đặc biệt khó khăn',
      'Số lần được khen về ANTQ',
      'Đã được tặng huy chương loại trừ',
      'Đang bị kỷ luật hoặc xem xét',
      'Loại thành tích',
      'Ngày sinh',
    ]);
    const resolved = formQuestions(NOMINATION_FORM, []);
    for (const q of resolved.slice(7, 14)) {
      expect([q.header, q.required, q.requiredWhen?.oneOf]).toEqual([
        q.header,
        true,
        ['Kỷ niệm chương "Bảo vệ an ninh Tổ quốc"'],
      ]);
    }
    // Declared optional: a tab set up before a column existed still reads.
    for (const q of NOMINATION_FORM.questions.slice(6)) expect(q.required).toBe(false);
  });

  it('the award names of the default catalogue: seeds 000, 001, 003 and Thông tư 20/2025/TT-BCA', () => {
    expect(AWARDS).toEqual([
      'Bằng khen của Bộ trưởng Bộ Công an',
      'Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh',
      'Kỷ niệm chương "Bảo vệ an ninh Tổ quốc"',
      'Giấy khen',
      'Cờ thi đua',
      'Tuyên dương mô hình, công trình, sáng kiến',
      'Khen thưởng đột xuất',
    ]);
  });

  it('DOMAIN §7: reports have 10–16 integer indicators and at least one percentage', () => {
    const interim = formDef('Báo cáo sơ kết')!;
    const integers = interim.questions.filter((q) => q.kind === 'integer');
    expect(integers.length).toBeGreaterThanOrEqual(10);
    expect(integers.length).toBeLessThanOrEqual(16);
    expect(interim.questions.filter((q) => q.kind === 'percent').every((q) => q.min === 0 && q.max === 100)).toBe(true);
    for (const q of integers) expect(q.help).toBeTruthy();
  });

  it('QĐ 510: score questions are generated from Tiêu chí, headed [code] content (tối đa N điểm)', () => {
    const qs = criterionQuestions([
      { code: 'TC1', group: 'Lãnh đạo', content: 'Lãnh đạo, chỉ đạo', maxScore: 15 },
      { code: 'TC2', group: 'X', content: 'Nửa điểm', maxScore: 2.5 },
    ]);
    expect(qs.map((q) => [q.header, q.kind, q.required, q.min, q.max])).toEqual([
      ['[TC1] Lãnh đạo, chỉ đạo (tối đa 15 điểm)', 'score', true, 0, 15],
      ['[TC2] Nửa điểm (tối đa 2,5 điểm)', 'score', true, 0, 2.5],
    ]);
  });

  it('formQuestions adds the criteria to the final report only', () => {
    const criteria = defaultCriteria();
    expect(formQuestions(FINAL_FORM, criteria).length).toBe(FINAL_FORM.questions.length + criteria.length);
    expect(formQuestions(NOMINATION_FORM, criteria).map((q) => q.header)).toEqual(
      NOMINATION_FORM.questions.map((q) => q.header),
    );
  });

  it('every response tab is declared with the timestamp first and no score column', () => {
    for (const f of FORMS) {
      const tab = tabDef(f.tab);
      expect(tab.owner).toBe('form');
      expect(tab.headers[0]).toBe('Dấu thời gian');
      expect(tab.headers.some((h) => h.startsWith('['))).toBe(false);
    }
  });

  it('everything a user reads is NFC and headers are unique per form', () => {
    const texts: string[] = [];
    for (const f of FORMS) {
      texts.push(f.title, f.description);
      for (const q of f.questions) texts.push(q.header, q.help ?? '', ...(q.options ?? []));
      expect(new Set(f.questions.map((q) => q.header)).size).toBe(f.questions.length);
    }
    for (const t of TABS) texts.push(t.name, ...t.headers);
    for (const t of texts) expect(t).toBe(t.normalize('NFC'));
  });
});

describe('defaults', () => {
  it('DOMAIN §3: default criteria total 100 and include the two known QĐ 510 Art. 7 items of 3 points', () => {
    const criteria = defaultCriteria();
    const totalFor = (type: string) =>
      criteria.filter((c) => appliesToType(c.types, type)).reduce((s, c) => s + c.maxScore, 0);
    for (const type of ['Cơ quan', 'Doanh nghiệp', 'Cơ sở giáo dục', 'Khu dân cư', 'Xã/Phường'])
      expect(totalFor(type), type).toBe(100);
    expect(criteria.filter((c) => c.maxScore === 3)).toHaveLength(2);
  });

  it("QĐ 510 (seed 000: \"đối với cơ quan, doanh nghiệp, cơ sở giáo dục\"): the Art. 7 items are those types' own, TT 124's households criterion the residential areas' and communes'", () => {
    const byCode = new Map(defaultCriteria().map((c) => [c.code, c.types ?? []]));
    expect(byCode.get('TC1')).toEqual(['Cơ quan', 'Doanh nghiệp', 'Cơ sở giáo dục']);
    expect(byCode.get('TC2')).toEqual(['Cơ quan', 'Doanh nghiệp', 'Cơ sở giáo dục']);
    expect(byCode.get('TC8')).toEqual(['Khu dân cư', 'Xã/Phường']);
    // The shipped tab writes them in its Loại hình column; the common criteria leave it blank.
    const rows = defaultTabRows(2026)['Tiêu chí'];
    expect(rows[0].at(-1)).toBe('Loại hình');
    expect(rows.find((r) => r[0] === 'TC1')!.at(-1)).toBe('Cơ quan, Doanh nghiệp, Cơ sở giáo dục');
    expect(rows.find((r) => r[0] === 'TC3')!.at(-1)).toBe('');
  });

  it('seed 000: default targets are 2 collectives and 2 individuals for the Bằng khen, 5 medals', () => {
    expect(defaultTargets()).toEqual([
      { award: 'Bằng khen của Bộ trưởng Bộ Công an', kind: 'Tập thể', min: 2, max: null },
      { award: 'Bằng khen của Bộ trưởng Bộ Công an', kind: 'Cá nhân', min: 2, max: null },
      { award: 'Kỷ niệm chương "Bảo vệ an ninh Tổ quốc"', kind: 'Cá nhân', min: 5, max: 5 },
    ]);
  });

  it('DOMAIN §2: default milestones take the year and point at declared forms', () => {
    const ms = defaultMilestones(2027);
    expect(ms.map((m) => [m.code, m.deadline])).toEqual([
      ['DK', '31/03/2027'],
      ['KH', '15/05/2027'],
      ['SK', '30/09/2027'],
      ['TK', '15/11/2027'],
      ['KT', '15/11/2027'],
      ['BC-TK', '30/11/2027'],
    ]);
    for (const m of ms) expect(formDef(m.form)).toBeDefined();
  });

  it('default rows carry the declared headers of their tabs, then their optional ones', () => {
    for (const [tab, rows] of Object.entries(defaultTabRows(2026)))
      expect(rows[0]).toEqual([...tabDef(tab).headers, ...(tabDef(tab).optionalHeaders ?? [])]);
  });

  it('default milestones chase every form but nominations, which a unit with no nominee need not send (DOMAIN §2, Bắt buộc)', () => {
    const rows = defaultTabRows(2026)['Mốc thời gian'];
    expect(rows.slice(1).map((r) => [r[0], r[5]])).toEqual([
      ['DK', 'Có'],
      ['KH', 'Có'],
      ['SK', 'Có'],
      ['TK', 'Có'],
      ['KT', 'Không'],
      ['BC-TK', ''],
    ]);
  });

  it("seed 003: the organiser's own report to Bộ Công an and Bộ Nội vụ before 30/11 is a default row of its own kind", () => {
    const [header, ...rows] = defaultTabRows(2026)['Mốc thời gian'];
    const row = Object.fromEntries(header.map((h, i) => [h, rows.at(-1)![i]]));
    expect(row).toMatchObject({
      'Mã mốc': 'BC-TK',
      'Hạn nộp': '30/11/2026',
      Loại: 'Báo cáo cấp trên',
      'Nơi nhận': 'Bộ Công an; Bộ Nội vụ (Ban Thi đua - Khen thưởng Trung ương)',
    });
    expect(rows.slice(0, -1).every((r) => r[header.indexOf('Loại')] === 'Đơn vị nộp')).toBe(true);
  });
});
