import { describe, expect, it } from 'vitest';
import { SETTINGS, TAB, TABS, criterionHeader, defaultCriteria } from '../../../sheets-schema/index.ts';
import { planSetup, type SheetState, type SpreadsheetState } from '../../../functions/setup/index.ts';
import { defaultRows } from '../../../functions/setup/defaults.ts';
import { CHARTS, HIGHLIGHTS } from '../../../functions/setup/layout.ts';
import { progressTab } from '../../../functions/calendar/index.ts';

const SA = 'thidua-functions@demo.iam.gserviceaccount.com';

function sheet(title: string, sheetId: number, headers: string[], extra: Partial<SheetState> = {}): SheetState {
  return {
    sheetId,
    title,
    rowCount: 1000,
    columnCount: 26,
    frozenRowCount: 1,
    protectedSheet: false,
    conditionKeys: [],
    chartTitles: [],
    headers,
    dataRows: 3,
    ...extra,
  };
}

/** A spreadsheet that already has everything setup would create. */
function complete(): SpreadsheetState {
  return {
    timeZone: 'Asia/Ho_Chi_Minh',
    locale: 'vi_VN',
    sheets: TABS.map((def, i) =>
      sheet(def.name, i + 10, [...def.headers, ...(def.optionalHeaders ?? [])], {
        columnCount: Math.max(26, def.headers.length + (def.optionalHeaders?.length ?? 0)),
        protectedSheet: def.owner === 'system',
        conditionKeys: HIGHLIGHTS.filter((h) => h.tab === def.name).map((h) => `${h.condition}:${h.value}`),
        chartTitles: def.name === TAB.dashboard ? CHARTS.map((c) => c.title) : [],
      }),
    ),
  };
}

const EMPTY: SpreadsheetState = { sheets: [sheet('Trang tính1', 0, [], { frozenRowCount: 0, dataRows: 0 })] };

describe('planSetup on an empty spreadsheet', () => {
  const plan = planSetup(EMPTY, { serviceAccount: SA, defaults: defaultRows(2026) });
  const kinds = plan.requests.map((r) => Object.keys(r)[0]);

  it('adds every tab first, with its own id and a frozen header row', () => {
    const added = plan.requests.filter((r) => r.addSheet).map((r) => r.addSheet!.properties!);
    expect(added.map((p) => p.title)).toEqual(TABS.map((t) => t.name));
    expect(new Set(added.map((p) => p.sheetId)).size).toBe(TABS.length);
    expect(added.every((p) => p.sheetId! > 0)).toBe(true);
    expect(added.find((p) => p.title === TAB.units)!.gridProperties).toEqual({
      rowCount: 1000,
      columnCount: 26,
      frozenRowCount: 1,
    });
    expect(kinds[0]).toBe('updateSpreadsheetProperties');
    expect(kinds.slice(1, TABS.length + 1).every((k) => k === 'addSheet')).toBe(true);
  });

  it('writes each header row at A1 and the defaults of the coordinator tabs, as RAW text', () => {
    const units = plan.writes.find((w) => w.range === `'Đơn vị'!A1`)!;
    expect(units.values).toEqual([
      ['Mã đơn vị', 'Tên đơn vị', 'Loại hình', 'Cụm/Khối', 'Email liên hệ', 'Email lãnh đạo', 'Mã bảng tính'],
    ]);
    const config = plan.writes.find((w) => w.range.startsWith(`'Cấu hình'!A2`))!;
    expect(config.range).toBe(`'Cấu hình'!A2:C${SETTINGS.length + 1}`);
    expect(config.values[0]).toEqual(['Tên phong trào', SETTINGS[0].default, SETTINGS[0].help]);
    expect(plan.writes.some((w) => w.range.startsWith(`'Mốc thời gian'!A2`))).toBe(true);
    expect(plan.writes.some((w) => w.range.startsWith(`'Tổng hợp'`))).toBe(false);
  });

  it('locks the system tabs with the service account as editor', () => {
    const locks = plan.requests.filter((r) => r.addProtectedRange).map((r) => r.addProtectedRange!.protectedRange!);
    expect(locks).toHaveLength(TABS.filter((t) => t.owner === 'system').length);
    expect(locks[0]).toMatchObject({ warningOnly: false, editors: { users: [SA] } });
  });

  it('formats dates, colours statuses, adds dropdowns and two charts', () => {
    const formats = plan.requests.filter((r) => r.repeatCell?.fields === 'userEnteredFormat.numberFormat');
    expect(formats.map((r) => r.repeatCell!.cell!.userEnteredFormat!.numberFormat!.pattern)).toContain('dd/MM/yyyy');
    expect(formats.map((r) => r.repeatCell!.cell!.userEnteredFormat!.numberFormat!.pattern)).toContain(
      'dd/MM/yyyy HH:mm:ss',
    );
    const rules = plan.requests
      .filter((r) => r.addConditionalFormatRule)
      .map((r) => r.addConditionalFormatRule!.rule!.booleanRule!.condition!);
    expect(rules).toContainEqual({ type: 'TEXT_EQ', values: [{ userEnteredValue: 'Quá hạn' }] });
    expect(rules).toContainEqual({ type: 'TEXT_STARTS_WITH', values: [{ userEnteredValue: 'Thiếu' }] });
    const lists = plan.requests.filter((r) => r.setDataValidation).map((r) => r.setDataValidation!.rule!.condition!);
    expect(lists).toContainEqual({ type: 'ONE_OF_RANGE', values: [{ userEnteredValue: `='Đơn vị'!$A$2:$A` }] });
    expect(lists).toContainEqual({
      type: 'ONE_OF_LIST',
      values: [{ userEnteredValue: 'Tập thể' }, { userEnteredValue: 'Cá nhân' }],
    });
    expect(lists).toContainEqual({
      type: 'ONE_OF_LIST',
      values: ['Xuất sắc', 'Khá', 'Trung bình', 'Yếu'].map((v) => ({ userEnteredValue: v })),
    });
    expect(plan.requests.filter((r) => r.addChart)).toEqual([]);
    expect(plan.charts.map((c) => c.title)).toEqual(CHARTS.map((c) => c.title));
  });

  it('colours Tiến độ’s Quá hạn in the column the jobs write Trạng thái in', () => {
    const sheetId = plan.requests.find((r) => r.addSheet?.properties?.title === TAB.progress)!.addSheet!.properties!
      .sheetId;
    const overdue = plan.requests.find(
      (r) =>
        r.addConditionalFormatRule?.rule?.ranges?.[0]?.sheetId === sheetId &&
        r.addConditionalFormatRule?.rule?.booleanRule?.condition?.values?.[0]?.userEnteredValue === 'Quá hạn',
    )!;
    const written = progressTab({ timeZone: 'Asia/Ho_Chi_Minh', now: new Date(), milestones: [], entries: [] });
    expect(overdue.addConditionalFormatRule!.rule!.ranges![0].startColumnIndex).toBe(
      written.rows[0].indexOf('Trạng thái'),
    );
  });

  it('sets the spreadsheet’s own time zone and locale first, so Forms stamps answers in Vietnam’s time', () => {
    expect(plan.requests[0]).toEqual({
      updateSpreadsheetProperties: {
        properties: { timeZone: 'Asia/Ho_Chi_Minh', locale: 'vi_VN' },
        fields: 'timeZone,locale',
      },
    });
    expect(plan.changes.slice(0, 2)).toEqual([
      'Đặt múi giờ của bảng tính là Asia/Ho_Chi_Minh.',
      'Đặt ngôn ngữ và định dạng của bảng tính là tiếng Việt (vi_VN).',
    ]);
  });

  it('draws every chart from cell ranges as the API allows: no aggregateType, which is for data-source charts only', () => {
    const specs = plan.charts.map((c) => JSON.stringify(c.request.addChart!.chart!.spec));
    for (const spec of specs) expect(spec).not.toMatch(/aggregateType|groupRule/);
    const histogram = plan.charts.find((c) => c.request.addChart!.chart!.spec!.histogramChart)!.request.addChart!.chart!
      .spec!.histogramChart!;
    expect(histogram.bucketSize).toBe(10);
    expect(histogram.series![0].data!.sourceRange!.sources![0]).toMatchObject({
      startRowIndex: 1,
      startColumnIndex: 1,
      endColumnIndex: 2,
    });
  });

  it('reports its changes in Vietnamese', () => {
    expect(plan.changes).toContain(`Tạo trang tính 'Cấu hình'.`);
    expect(plan.changes).toContain(`Khóa trang tính hệ thống 'Kiểm tra' (chỉ hệ thống được ghi).`);
    expect(plan.changes).toContain(`Ghi ${SETTINGS.length} dòng mặc định vào 'Cấu hình'.`);
  });
});

describe('planSetup on a spreadsheet that has everything', () => {
  it('plans nothing', () => {
    expect(planSetup(complete(), { serviceAccount: SA, defaults: defaultRows(2026) })).toEqual({
      requests: [],
      charts: [],
      writes: [],
      changes: [],
    });
  });

  it('follows `Múi giờ` of `Cấu hình` when it names a real zone, and Asia/Ho_Chi_Minh when it does not', () => {
    const zoneOf = (configuredZone: string) =>
      planSetup({ ...complete(), configuredZone }).requests[0]?.updateSpreadsheetProperties?.properties?.timeZone;
    expect(zoneOf('Asia/Bangkok')).toBe('Asia/Bangkok');
    expect(zoneOf('Asia/Hanoi_Typo')).toBeUndefined();
    expect(zoneOf('Asia/Ho_Chi_Minh')).toBeUndefined();
  });
});

describe('planSetup keeps what coordinators added', () => {
  it('appends missing headers after the coordinator’s own columns and leaves the rows alone', () => {
    const state = complete();
    const units = sheet(TAB.units, 11, ['Mã đơn vị', 'Tên đơn vị', 'Số điện thoại', '', ''], { dataRows: 40 });
    const plan = planSetup({ ...state, sheets: state.sheets.map((s) => (s.title === TAB.units ? units : s)) });
    expect(plan.writes).toEqual([
      { range: `'Đơn vị'!D1`, values: [['Loại hình', 'Cụm/Khối', 'Email liên hệ', 'Email lãnh đạo', 'Mã bảng tính']] },
    ]);
    expect(plan.changes).toEqual([
      `Thêm cột 'Loại hình', 'Cụm/Khối', 'Email liên hệ', 'Email lãnh đạo', 'Mã bảng tính' vào cuối dòng tiêu đề của 'Đơn vị'.`,
    ]);
    expect(plan.requests.every((r) => !r.addSheet)).toBe(true);
  });

  it('issue 20: adds Loại hình to a Tiêu chí tab set up before it existed, blank so every criterion stays common', () => {
    const state = complete();
    const criteria = sheet(TAB.criteria, 4, ['Mã tiêu chí', 'Nhóm', 'Nội dung', 'Điểm tối đa'], { dataRows: 7 });
    const plan = planSetup({ ...state, sheets: state.sheets.map((s) => (s.title === TAB.criteria ? criteria : s)) });
    expect(plan.writes).toEqual([{ range: `'Tiêu chí'!E1`, values: [['Loại hình']] }]);
    expect(plan.changes).toEqual([`Thêm cột 'Loại hình' vào cuối dòng tiêu đề của 'Tiêu chí'.`]);
  });

  it('issue 20 (docs/design/awards.md §4, Thẩm định per criterion): a fresh Thẩm định has Ghi chú and a [code] column per default criterion, headed as the final report', () => {
    const plan = planSetup(EMPTY, { defaults: defaultRows(2026) });
    const header = plan.writes.find((w) => w.range === `'Thẩm định'!A1`)!.values[0];
    expect(header).toEqual(['Mã đơn vị', 'Điểm thẩm định', 'Ghi chú', ...defaultCriteria().map(criterionHeader)]);
    expect(header[3]).toBe('[TC1] Có nghị quyết, kế hoạch; sơ kết, tổng kết và báo cáo đúng hạn (tối đa 3 điểm)');
  });

  it('issue 20 (docs/design/awards.md §4, Thẩm định per criterion): an older Thẩm định gains the missing criteria of the coordinator’s Tiêu chí at the end, keeping its own [TC3] column and a column whose criterion left', () => {
    const state = complete();
    const criteria = sheet(TAB.criteria, 4, ['Mã tiêu chí', 'Nhóm', 'Nội dung', 'Điểm tối đa', 'Loại hình'], {
      dataRows: 3,
      body: [
        ['TC1', 'Lãnh đạo', 'Có kế hoạch', '10', ''],
        ['tc3', 'Mô hình', 'Mô hình hiệu quả', '20', ''],
        ['TC9', 'Tuyên truyền', 'Tuyên truyền rộng rãi', '2,5', 'Khu dân cư'],
        ['', '', '', '', ''],
      ],
    });
    const assessment = sheet(TAB.assessment, 20, [
      'Mã đơn vị',
      'Điểm thẩm định',
      'Ghi chú',
      '[TC3] điểm',
      '[TC7] cũ',
      '',
      '',
    ]);
    const sheets = state.sheets.map((s) =>
      s.title === TAB.criteria ? criteria : s.title === TAB.assessment ? assessment : s,
    );
    const plan = planSetup({ ...state, sheets }, { defaults: defaultRows(2026) });
    expect(plan.writes).toEqual([
      {
        range: `'Thẩm định'!F1`,
        values: [['[TC1] Có kế hoạch (tối đa 10 điểm)', '[TC9] Tuyên truyền rộng rãi (tối đa 2,5 điểm)']],
      },
    ]);
    expect(plan.changes).toEqual([
      `Thêm cột '[TC1] Có kế hoạch (tối đa 10 điểm)', '[TC9] Tuyên truyền rộng rãi (tối đa 2,5 điểm)' vào cuối dòng tiêu đề của 'Thẩm định'.`,
    ]);
    // Nothing is removed or moved: no delete, no move, no clear.
    expect(plan.requests.every((r) => !r.deleteDimension && !r.moveDimension && !r.deleteSheet)).toBe(true);
    // Once there, a second run plans nothing for it.
    const after = sheet(TAB.assessment, 20, [
      ...assessment.headers.slice(0, 5),
      ...plan.writes[0].values[0].map(String),
    ]);
    const again = planSetup(
      { ...state, sheets: sheets.map((s) => (s.title === TAB.assessment ? after : s)) },
      { defaults: defaultRows(2026) },
    );
    expect(again.writes).toEqual([]);
  });

  it('grows the grid when new headers would not fit', () => {
    const state = complete();
    const narrow = sheet(TAB.units, 11, ['Mã đơn vị', 'Tên đơn vị'], { columnCount: 3 });
    const plan = planSetup({ ...state, sheets: state.sheets.map((s) => (s.title === TAB.units ? narrow : s)) });
    expect(plan.requests[0]).toEqual({
      updateSheetProperties: {
        properties: { sheetId: 11, gridProperties: { columnCount: 7 } },
        fields: 'gridProperties.columnCount',
      },
    });
  });

  it('points unit dropdowns at wherever `Mã đơn vị` sits in `Đơn vị`', () => {
    const state = complete();
    const sheets = state.sheets
      .map((s) =>
        s.title === TAB.units
          ? sheet(TAB.units, 11, [
              'Tên đơn vị',
              'Mã đơn vị',
              'Loại hình',
              'Cụm/Khối',
              'Email liên hệ',
              'Email lãnh đạo',
            ])
          : s,
      )
      .filter((s) => s.title !== TAB.assessment);
    const plan = planSetup({ ...state, sheets });
    const rule = plan.requests.find((r) => r.setDataValidation)!.setDataValidation!.rule!;
    expect(rule.condition!.values).toEqual([{ userEnteredValue: `='Đơn vị'!$B$2:$B` }]);
  });

  it('does not write defaults into a coordinator tab that has rows', () => {
    const plan = planSetup(complete(), { defaults: defaultRows(2026) });
    expect(plan.writes).toEqual([]);
  });

  it('uses warning-only protection without editors when asked', () => {
    const state = complete();
    const sheets = state.sheets.map((s) => (s.title === TAB.checks ? { ...s, protectedSheet: false } : s));
    const plan = planSetup({ ...state, sheets }, { warningOnly: true, serviceAccount: SA });
    const sheetId = sheets.find((s) => s.title === TAB.checks)!.sheetId;
    expect(plan.requests).toEqual([
      {
        addProtectedRange: {
          protectedRange: {
            range: { sheetId },
            description: 'Do hệ thống Thi đua ghi; không sửa tay.',
            warningOnly: true,
          },
        },
      },
    ]);
    expect(plan.changes).toEqual([`Bật cảnh báo khi sửa trang tính hệ thống 'Kiểm tra'.`]);
  });

  it('freezes the header row of an existing tab that scrolls it away', () => {
    const state = complete();
    const sheets = state.sheets.map((s) => (s.title === TAB.targets ? { ...s, frozenRowCount: 0 } : s));
    expect(planSetup({ ...state, sheets }).changes).toEqual([`Cố định dòng tiêu đề của 'Chỉ tiêu'.`]);
  });
});
