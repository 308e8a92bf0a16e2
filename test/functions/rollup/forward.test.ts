// Children's eligible nominations forwarded into the parent (issue 19 §2): judged beside the parent's own under the
// parent's catalogue, targets and quotas, gated by the body's derived level, marked with their origin, and every count
// checked in `Khen thưởng`, `Kiểm tra`, `Tổng hợp` and what the parent sends up in its turn.
import { describe, expect, it } from 'vitest';
import { AWARD_CERTIFICATE, AWARD_PROVINCE_CERTIFICATE, SEND_UP_HEADERS, TAB } from '../../../sheets-schema/index.ts';
import type { Cell } from '../../../functions/core/cells.ts';
import { jobContext, planWith } from '../../../functions/jobs/jobs.ts';
import { rollup } from '../../../functions/jobs/rollup.ts';
import { digest } from '../../../functions/jobs/digest.ts';
import { loadTemplates, type DigestData } from '../../../functions/mail/index.ts';
import { formatNumber } from '../../../functions/core/format.ts';
import { generateDocuments } from '../../../functions/documents/index.ts';
import { loadDocumentTemplates } from '../../../functions/documents/load.ts';
import { indicatorTotals } from '../../../functions/results/index.ts';
import { evaluateCampaign } from '../../../functions/rules/index.ts';
import { readDocx, type ReadDocument } from '../documents/reader.ts';
import { renderDashboard } from '../../../functions/dashboard/index.ts';
import { dashboardFigures, type ChildReading } from '../../../functions/rollup/index.ts';
import { eligibleNominees } from '../../../functions/documents/data.ts';
import { benchCampaign, FIXTURE_UNIT_KEY, toSnapshot } from '../../../scripts/bench/campaign.ts';
import { childDashboard, HUYEN_A, HUYEN_B, SHARE, TALKS } from './children.ts';

const NOW = new Date('2026-12-05T09:00:00+07:00');
const OWN_AWARD = 'Giấy khen của Chủ tịch UBND huyện';

/** A row of a child's `Đề nghị gửi cấp trên`. */
function sent(
  unit: string,
  origin: string,
  at: string,
  kind: string,
  award: string,
  nominee: string,
  birth = '',
): Cell[] {
  const answers: Record<string, Cell> = {
    'Đối tượng': kind,
    'Hình thức khen thưởng': award,
    'Họ tên / Tên tập thể': nominee,
    'Chức vụ': kind === 'Cá nhân' ? 'Tổ trưởng tổ bảo vệ' : '',
    'Thành tích tóm tắt': `Thành tích của ${nominee}`,
    'Ngày sinh': birth,
  };
  return SEND_UP_HEADERS.map((h) =>
    h === 'Mã đơn vị' ? unit : h === 'Nguồn' ? origin : h === 'Dấu thời gian' ? at : (answers[h] ?? ''),
  );
}

/** The parent: two units of its own (no nominations of theirs) and three bodies; targets and a quota of its own. */
function parent(previousForwarded?: Cell[][], previousChildren?: Cell[][]) {
  const tabs = toSnapshot(benchCampaign(2, 2026), 'tinh').tabs as Map<string, Cell[][]>;
  const [headers, ...units] = tabs.get(TAB.units)!;
  const all = [...headers, 'Mã bảng tính'];
  const body = (code: string, sheet: string) =>
    all.map((h) =>
      h === 'Mã đơn vị' ? code : h === 'Tên đơn vị' ? `Huyện ${code}` : h === 'Mã bảng tính' ? sheet : '',
    );
  tabs.set(TAB.units, [all, ...units.map((r) => [...r, '']), body('HA', 'sheet-a'), body('HB', 'sheet-b')]);
  tabs.set(TAB.nominations, [tabs.get(TAB.nominations)![0]]);
  tabs.set(TAB.targets, [
    ['Hình thức khen thưởng', 'Đối tượng', 'Số lượng tối thiểu', 'Số lượng tối đa'],
    [AWARD_CERTIFICATE, 'Cá nhân', 1, 5],
    [AWARD_PROVINCE_CERTIFICATE, 'Tập thể', 2, ''],
  ]);
  tabs.set(TAB.quotas, [
    ['Mã đơn vị', 'Hình thức khen thưởng', 'Đối tượng', 'Số lượng'],
    ['HA', AWARD_CERTIFICATE, 'Cá nhân', 1],
  ]);
  if (previousForwarded) tabs.set(TAB.forwarded, previousForwarded);
  if (previousChildren) tabs.set(TAB.children, previousChildren);
  return { spreadsheetId: 'tinh', tabs };
}

/** Huyện A (derived Xuất sắc) sends four, one from its own ward; Huyện B (derived Trung bình) one. */
const SENT_A: Cell[][] = [
  [...SEND_UP_HEADERS],
  sent('X01', '', '02/11/2026 08:00:00', 'Cá nhân', AWARD_CERTIFICATE, 'Nguyễn Văn An', '01/02/1980'),
  sent('X02', '', '03/11/2026 08:00:00', 'Cá nhân', AWARD_CERTIFICATE, 'Trần Thị Bình', '05/06/1985'),
  sent('P1', 'KDC3', '04/11/2026 08:00:00', 'Tập thể', AWARD_PROVINCE_CERTIFICATE, 'Tổ bảo vệ dân phố số 3'),
  sent('X03', '', '05/11/2026 08:00:00', 'Cá nhân', OWN_AWARD, 'Đỗ Văn Em', '07/08/1990'),
];
const SENT_B: Cell[][] = [
  [...SEND_UP_HEADERS],
  sent('Y01', '', '02/11/2026 09:00:00', 'Cá nhân', AWARD_CERTIFICATE, 'Lê Văn Cường', '03/03/1975'),
];

const readings = (a: ChildReading, b: ChildReading) =>
  new Map<string, ChildReading>([
    ['HA', a],
    ['HB', b],
  ]);

const byHeader = (rows: readonly (readonly Cell[])[]) =>
  rows.slice(1).map((r) => new Map(rows[0].map((h, i) => [String(h), r[i] ?? ''] as const)));

describe("children's nominations in the parent's counts (issue 19 §2, DOMAIN.md §5: the parent's rules decide)", () => {
  const context = jobContext(parent(), NOW, {
    unitKey: FIXTURE_UNIT_KEY,
    children: readings(
      { dashboard: childDashboard(HUYEN_A), children: [], sendUp: SENT_A },
      { dashboard: childDashboard(HUYEN_B), children: [], sendUp: SENT_B },
    ),
  });
  const plan = planWith(rollup, context);
  const tab = (name: string) => plan.writes.find((w) => w.tab === name)!.rows;

  it('copies them into Đề nghị cấp dưới as nominations of the child, with the child and the unit they come from', () => {
    const rows = byHeader(tab(TAB.forwarded));
    expect(
      rows.map((r) => [r.get('Mã đơn vị'), r.get('Mã bảng tính'), r.get('Nguồn'), r.get('Họ tên / Tên tập thể')]),
    ).toEqual([
      ['HA', 'sheet-a', 'X01', 'Nguyễn Văn An'],
      ['HA', 'sheet-a', 'X02', 'Trần Thị Bình'],
      ['HA', 'sheet-a', 'P1 › KDC3', 'Tổ bảo vệ dân phố số 3'],
      ['HA', 'sheet-a', 'X03', 'Đỗ Văn Em'],
      ['HB', 'sheet-b', 'Y01', 'Lê Văn Cường'],
    ]);
    expect(plan.summary).toContain('Đề nghị cấp dưới: 5 đề nghị khen thưởng đủ điều kiện của cấp dưới.');
  });

  it("judges each under the parent's catalogue, quota and the body's derived level, with the reason in Kiểm tra", () => {
    const checks = byHeader(tab(TAB.checks)).filter((r) => r.get('Biểu mẫu') === TAB.forwarded);
    expect(checks.map((r) => [r.get('Mã đơn vị'), r.get('Trạng thái'), r.get('Kết luận')])).toEqual([
      ['HA', 'Hợp lệ', 'Đủ điều kiện'],
      ['HA', 'Hợp lệ', 'Không đủ điều kiện: Vượt chỉ tiêu phân bổ (đơn vị được đề nghị 1 cá nhân).'],
      ['HA', 'Hợp lệ', 'Đủ điều kiện'],
      ['HA', 'Hợp lệ', `Chưa xét: "${OWN_AWARD}" không có trong Danh mục khen thưởng.`],
      ['HB', 'Hợp lệ', 'Không đủ điều kiện: Đơn vị xếp loại Trung bình: không được xét thi đua, khen thưởng.'],
    ]);
    // The rows of Đề nghị cấp dưới they were judged from (header is row 1).
    expect(checks.map((r) => r.get('Dòng'))).toEqual([2, 3, 4, 5, 6]);
  });

  it('counts them against the parent’s targets in Khen thưởng and in the Tổng hợp section', () => {
    const awards = byHeader(tab(TAB.awards)).map((r) => [
      r.get('Hình thức khen thưởng'),
      r.get('Đối tượng'),
      r.get('Số đề nghị'),
      r.get('Số hợp lệ'),
      r.get('Tình trạng'),
    ]);
    expect(awards).toEqual([
      [AWARD_CERTIFICATE, 'Cá nhân', 3, 1, 'Đủ'],
      [AWARD_PROVINCE_CERTIFICATE, 'Tập thể', 1, 1, 'Thiếu 1'],
      [OWN_AWARD, 'Cá nhân', 1, 0, 'Đủ'],
    ]);
    const figures = dashboardFigures(renderDashboard(context.dashboard).rows);
    expect(figures.awards).toEqual([
      { award: AWARD_CERTIFICATE, kind: 'Cá nhân', eligible: 1, min: 1, max: 5 },
      { award: AWARD_PROVINCE_CERTIFICATE, kind: 'Tập thể', eligible: 1, min: 2, max: null },
      { award: OWN_AWARD, kind: 'Cá nhân', eligible: 0, min: null, max: null },
    ]);
  });

  it('gives the bodies their derived level in Xếp loại', () => {
    const rows = byHeader(tab(TAB.classification)).filter((r) => ['HA', 'HB'].includes(String(r.get('Mã đơn vị'))));
    expect(rows.map((r) => [r.get('Mã đơn vị'), r.get('Xếp loại'), r.get('Được xét khen thưởng')])).toEqual([
      ['HA', 'Xuất sắc', 'Có'],
      ['HB', 'Trung bình', 'Không'],
    ]);
  });

  it('sends the eligible ones up in its turn, the origin a path from its own body down', () => {
    const up = byHeader(tab(TAB.sendUp));
    expect(
      up.map((r) => [r.get('Mã đơn vị'), r.get('Nguồn'), r.get('Họ tên / Tên tập thể'), r.get('Ngày sinh')]),
    ).toEqual([
      ['HA', 'X01', 'Nguyễn Văn An', '01/02/1980'],
      ['HA', 'P1 › KDC3', 'Tổ bảo vệ dân phố số 3', ''],
    ]);
  });

  it('puts them in the tờ trình and danh sách with their answers', () => {
    const nominees = eligibleNominees(context.evaluation);
    expect(nominees.map((n) => [n.verdict.nominee, n.unitName, n.position, n.birthYear])).toEqual([
      ['Nguyễn Văn An', 'Huyện HA (X01)', 'Tổ trưởng tổ bảo vệ', '1980'],
      ['Tổ bảo vệ dân phố số 3', 'Huyện HA (P1 › KDC3)', '', ''],
    ]);
  });

  it('keeps the last forwarded nominations of a child that cannot be read, and drops those of a removed child', () => {
    const later = jobContext(parent(tab(TAB.forwarded) as Cell[][], tab(TAB.children) as Cell[][]), NOW, {
      unitKey: FIXTURE_UNIT_KEY,
      children: readings(
        { failure: 'Không tìm thấy bảng tính cấp dưới.' },
        { dashboard: childDashboard(HUYEN_B), children: [], sendUp: [[...SEND_UP_HEADERS]] },
      ),
    });
    const rows = byHeader(planWith(rollup, later).writes.find((w) => w.tab === TAB.forwarded)!.rows);
    expect(rows.map((r) => [r.get('Mã đơn vị'), r.get('Nguồn')])).toEqual([
      ['HA', 'X01'],
      ['HA', 'X02'],
      ['HA', 'P1 › KDC3'],
      ['HA', 'X03'],
    ]);
    // HA's level is its last good one: its nomination is still eligible.
    expect(later.evaluation.awards.find((a) => a.award === AWARD_CERTIFICATE)).toMatchObject({
      nominated: 2,
      eligible: 1,
    });
  });
});

describe("children's indicator totals in the parent's weekly digest (issue 19 §2)", () => {
  const rolled = jobContext(parent(), NOW, {
    unitKey: FIXTURE_UNIT_KEY,
    children: readings(
      { dashboard: childDashboard(HUYEN_A), children: [], sendUp: SENT_A },
      { dashboard: childDashboard(HUYEN_B), children: [], sendUp: SENT_B },
    ),
  });
  const stored = planWith(rollup, rolled).writes.find((w) => w.tab === TAB.children)!.rows as Cell[][];
  // A later week's digest reads Tổng hợp cấp dưới as the roll-up left it.
  const context = jobContext(parent(undefined, stored), NOW, { unitKey: FIXTURE_UNIT_KEY });
  const [email] = planWith(digest, context).emails;
  const data = email.data as DigestData;
  const own = new Map(context.dashboard.totals.campaign.figures.map((f) => [f.header, f]));

  it('adds each child’s subtree to the campaign’s own totals, and says how many children are counted', () => {
    expect(data.hasChildrenTotals).toBe(true);
    expect([data.childrenCount, data.childrenCounted]).toEqual([2, 2]);
    const ownReports = context.dashboard.totals.campaign;
    expect([data.childrenInterimReports, data.childrenFinalReports]).toEqual([
      ownReports.interimReports + 8 + 2,
      ownReports.finalReports + 6 + 3,
    ]);
    const talks = data.childrenTotals.find((t) => t.label === TALKS)!;
    expect(talks.final).toBe(formatNumber(own.get(TALKS)!.final! + 95 + 12));
    expect(talks.interim).toBe(formatNumber(own.get(TALKS)!.interim! + 40 + 5));
    // A share is the mean weighted by the reports behind each side.
    const share = own.get(SHARE)!;
    const mean =
      Math.round(((share.final! * ownReports.finalReports + 80 * 6 + 70 * 3) / (ownReports.finalReports + 9)) * 10) /
      10;
    expect(data.childrenTotals.find((t) => t.label === SHARE)!.final).toBe(`${formatNumber(mean)}%`);
  });

  it('shows them in the text and HTML parts a leader reads', () => {
    const rendered = loadTemplates().render('digest', data);
    const talks = data.childrenTotals.find((t) => t.label === TALKS)!;
    expect(rendered.text).toContain('Cả cấp dưới (phong trào này và 2/2 cấp dưới có số liệu ở lần tổng hợp gần nhất;');
    expect(rendered.text).toContain(`- ${TALKS}: sơ kết ${talks.interim}, tổng kết ${talks.final}`);
    expect(rendered.html).toContain('Cả cấp dưới</h3>');
  });
});

describe("children's indicator totals in the parent's Báo cáo sơ kết and tổng kết (issue 19 §2)", () => {
  const rolled = jobContext(parent(), NOW, {
    unitKey: FIXTURE_UNIT_KEY,
    children: readings(
      { dashboard: childDashboard(HUYEN_A), children: [], sendUp: SENT_A },
      { dashboard: childDashboard(HUYEN_B), children: [], sendUp: SENT_B },
    ),
  });
  const stored = planWith(rollup, rolled).writes.find((w) => w.tab === TAB.children)!.rows as Cell[][];
  const snapshot = parent(undefined, stored);
  const evaluation = evaluateCampaign(snapshot, NOW, FIXTURE_UNIT_KEY);
  const own = new Map(indicatorTotals(evaluation).campaign.figures.map((f) => [f.header, f]));
  const report = async (name: string, source: Parameters<typeof generateDocuments>[0] = { evaluation, snapshot }) => {
    const file = generateDocuments(source, loadDocumentTemplates(), NOW).find((f) => f.name === name)!;
    return readDocx(file.bytes);
  };
  const table = (doc: ReadDocument) => doc.tables.find((t) => t[0]?.includes('Chỉ tiêu (cả cấp dưới)'));

  it('the tổng kết adds each child’s subtree to its own figures, in a table of their own', async () => {
    const doc = await report('Báo cáo tổng kết 2026.docx');
    expect(doc.text).toContain(
      'Tính cả các cấp dưới có bảng tính riêng (2/2 cấp dưới có số liệu ở lần tổng hợp gần nhất;',
    );
    const rows = new Map(
      table(doc)!
        .slice(1)
        .map((r) => [r[1], r] as const),
    );
    const talks = own.get(TALKS)!;
    expect(rows.get(TALKS)!.slice(2)).toEqual([
      formatNumber(talks.interim! + 40 + 5),
      formatNumber(talks.final! + 95 + 12),
    ]);
    // The campaign's own table is unchanged: its own units only.
    const mine = doc.tables.find((t) => t[0]?.[1] === 'Chỉ tiêu')!;
    expect(mine.find((r) => r[1] === TALKS)![3]).toBe(formatNumber(talks.final!));
  });

  it('the sơ kết too; a campaign without children has no such table', async () => {
    const doc = await report('Báo cáo sơ kết 2026.docx');
    const rows = new Map(
      table(doc)!
        .slice(1)
        .map((r) => [r[1], r] as const),
    );
    expect(rows.get(TALKS)![2]).toBe(formatNumber(own.get(TALKS)!.interim! + 40 + 5));
    const plain = toSnapshot(benchCampaign(2, 2026), 'plain');
    const alone = await report('Báo cáo tổng kết 2026.docx', {
      evaluation: evaluateCampaign(plain, NOW, FIXTURE_UNIT_KEY),
      snapshot: plain,
    });
    expect(table(alone)).toBeUndefined();
    expect(alone.text).not.toContain('Tính cả các cấp dưới');
  });
});
