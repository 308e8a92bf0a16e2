// The two lists a coordinator attaches to the official report: units by classification and nominees by award.
import { ORIGIN_HEADER, TAB, TIMESTAMP_HEADER } from '../../sheets-schema/index.ts';
import { AWARDS, KIND_COLLECTIVE, KIND_INDIVIDUAL, NOMINATION_HEADERS as H } from '../../sheets-schema/forms/index.ts';
import { DEFAULT_TIME_ZONE, cellText, unitCode } from '../../functions/core/cells.ts';
import { LEVELS, UNCLASSIFIED } from '../../functions/core/model.ts';
import type { Snapshot } from '../../functions/core/snapshot.ts';
import { readSettings, setting } from '../../functions/core/settings.ts';
import { readDeclaredTable, readTable } from '../../functions/core/table.ts';
import { findVerdict } from '../web/check.ts';
import { listSheet, type SheetModel, type XlsxCell } from './model.ts';

export const CLASSIFICATION_HEADERS = [
  'STT',
  'Mã đơn vị',
  'Tên đơn vị',
  'Cụm/Khối',
  'Tổng điểm',
  'Xếp loại',
  'Hạng',
] as const;
/** The columns of the nominees' list: the nomination form's own headers, and the unit by name. */
export const NOMINEE_HEADERS = ['STT', H.nominee, H.position, 'Đơn vị', H.award, H.summary] as const;

function campaignLine(snapshot: Snapshot): string {
  try {
    const s = readSettings(snapshot);
    return `${setting(s, 'Tên phong trào')} năm ${setting(s, 'Năm')}`;
  } catch {
    return '';
  }
}

function unitInfo(snapshot: Snapshot): Map<string, { name: string; cluster: string }> {
  const units = readTable(snapshot, TAB.units);
  const out = new Map<string, { name: string; cluster: string }>();
  for (const row of units.rows) {
    out.set(unitCode(row.get('Mã đơn vị')), {
      name: cellText(row.get('Tên đơn vị')),
      cluster: cellText(row.get('Cụm/Khối')),
    });
  }
  return out;
}

function numberOrText(cell: unknown): XlsxCell {
  if (typeof cell === 'number') return cell;
  const text = cellText(cell as string);
  if (text === '') return null;
  const n = Number(text.replace(',', '.'));
  return Number.isFinite(n) ? n : text;
}

/** Units from `Xếp loại`, highest level first, then by total (descending), cluster and code. */
export function classificationList(snapshot: Snapshot): SheetModel {
  const table = readDeclaredTable(snapshot, TAB.classification);
  const units = unitInfo(snapshot);
  const order = [...LEVELS, UNCLASSIFIED] as readonly string[];
  const rank = (level: string) => (order.includes(level) ? order.indexOf(level) : order.length);
  const items = table.rows
    .map((row) => {
      const code = unitCode(row.get('Mã đơn vị'));
      const total = numberOrText(row.get('Tổng điểm'));
      return {
        code,
        name: units.get(code)?.name ?? '',
        cluster: units.get(code)?.cluster ?? '',
        total,
        level: cellText(row.get('Xếp loại')),
        clusterRank: numberOrText(row.get('Hạng trong Cụm/Khối')),
      };
    })
    .filter((i) => i.code !== '')
    .sort(
      (a, b) =>
        rank(a.level) - rank(b.level) ||
        (typeof b.total === 'number' ? b.total : -Infinity) - (typeof a.total === 'number' ? a.total : -Infinity) ||
        a.cluster.localeCompare(b.cluster, 'vi') ||
        a.code.localeCompare(b.code),
    );
  const rows = items.map((i, n) => [n + 1, i.code, i.name, i.cluster, i.total, i.level, i.clusterRank]);
  return listSheet(
    'DS xếp loại',
    ['DANH SÁCH ĐƠN VỊ THEO KẾT QUẢ XẾP LOẠI', campaignLine(snapshot)],
    CLASSIFICATION_HEADERS,
    rows,
  );
}

/**
 * Eligible nominations of `Đề nghị khen thưởng` and of `Đề nghị cấp dưới` (the child campaigns' nominations the
 * roll-up forwarded), grouped by award (in the order of `Chỉ tiêu`, then the known awards), collectives before
 * individuals, the campaign's own before the forwarded. A nomination is listed when its `Kiểm tra` row is `Hợp lệ`
 * and, where the tab has a `Kết luận` column, the verdict is `Đủ điều kiện`; superseded or unchecked rows are left out.
 * A forwarded nominee's unit reads as the child's body and the unit below it that nominated (`Huyện A › KDC3`).
 */
export function nomineeList(snapshot: Snapshot, timeZone = DEFAULT_TIME_ZONE): SheetModel {
  const checks = snapshot.tabs.get(TAB.checks) ?? [];
  const units = unitInfo(snapshot);
  const awardOrder = [
    ...readTable(snapshot, TAB.targets).rows.map((r) => cellText(r.get('Hình thức khen thưởng'))),
    ...AWARDS,
  ];
  const awardRank = (a: string) => (awardOrder.includes(a) ? awardOrder.indexOf(a) : awardOrder.length);
  const kindRank = (k: string) => (k === KIND_COLLECTIVE ? 0 : k === KIND_INDIVIDUAL ? 1 : 2);
  const forms = [TAB.nominations, ...(snapshot.tabs.has(TAB.forwarded) ? [TAB.forwarded] : [])];
  const items = forms.flatMap((form, formRank) =>
    readTable(snapshot, form, [H.unit, H.award, H.nominee])
      .rows.filter((row) => {
        const verdict = findVerdict(
          checks,
          form,
          row.rowNumber,
          { unit: row.get(H.unit), submittedAt: row.get(TIMESTAMP_HEADER) },
          timeZone,
        );
        if (!verdict || verdict.status !== 'Hợp lệ') return false;
        const conclusion = verdict.extra.find((x) => x.header === 'Kết luận')?.text;
        return conclusion === undefined || conclusion.startsWith('Đủ điều kiện');
      })
      .map((row) => {
        const code = unitCode(row.get(H.unit));
        const origin = cellText(row.get(ORIGIN_HEADER));
        const unit = units.get(code)?.name || code;
        return {
          award: cellText(row.get(H.award)),
          kind: cellText(row.get(H.kind)),
          nominee: cellText(row.get(H.nominee)),
          position: cellText(row.get(H.position)),
          unit: origin === '' ? unit : `${unit} › ${origin}`,
          summary: cellText(row.get(H.summary)),
          formRank,
          row: row.rowNumber,
        };
      }),
  );
  items.sort(
    (a, b) =>
      awardRank(a.award) - awardRank(b.award) ||
      a.award.localeCompare(b.award, 'vi') ||
      kindRank(a.kind) - kindRank(b.kind) ||
      a.formRank - b.formRank ||
      a.row - b.row,
  );
  const rows = items.map((i, n) => [n + 1, i.nominee, i.position || null, i.unit, i.award, i.summary || null]);
  return listSheet(
    'DS đề nghị khen thưởng',
    ['DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG', campaignLine(snapshot)],
    NOMINEE_HEADERS,
    rows,
  );
}
