// What each document says, as plain data for its template: pure functions of the evaluation, the snapshot and `now`.
// Only eligible nominations appear; the sheet (`Kiểm tra`) already says why the others are not.
import { childrenTotals, storedChildRows } from '../rollup/tab.ts';
import { readBodies } from '../rules/campaign-data.ts';
import type { ScopeFigures } from '../results/index.ts';
import { ForwardedNomination } from '../rollup/forward.ts';
import { TZDate } from '@date-fns/tz';
import {
  FINAL_FORM,
  INTERIM_FORM,
  KIND_COLLECTIVE,
  KIND_INDIVIDUAL,
  NOMINATION_HEADERS as H,
  REPORT_TEXT_HEADERS,
} from '../../sheets-schema/forms/index.ts';
import { TAB } from '../../sheets-schema/index.ts';
import { cellText, nameKey, unitCode } from '../core/cells.ts';
import type { AwardTally, Evaluation, JudgedResponse, NominationVerdict } from '../core/model.ts';
import { setting } from '../core/settings.ts';
import type { Snapshot } from '../core/snapshot.ts';
import { readDeclaredTable } from '../core/table.ts';
import { campaignTimeZone } from '../core/zone.ts';
import { formatNumber } from '../core/format.ts';
import { parseLooseNumber } from '../rules/numbers.ts';
import { countedResponses, indicatorTotals, type IndicatorFigure } from '../results/index.ts';

/** The campaign as the documents need it: the jobs' evaluation and the snapshot it was made from. */
export interface DocumentSource {
  readonly evaluation: Evaluation;
  readonly snapshot: Snapshot;
}

type Data = Record<string, unknown>;

/** The parts every document shares (Nghị định 30/2020/NĐ-CP): issuing body, place, year, recipients, signature. */
export function letterhead(evaluation: Evaluation, now: Date): Data {
  const s = evaluation.settings;
  const zoned = new TZDate(now.getTime(), campaignTimeZone(s));
  const pad = (n: number) => String(n).padStart(2, '0');
  const recipients = setting(s, 'Nơi nhận báo cáo')
    .split(';')
    .map((t) => t.trim())
    .filter((t) => t !== '');
  return {
    co_quan_chu_quan: upper(setting(s, 'Cơ quan chủ quản')),
    co_quan_ban_hanh: upper(setting(s, 'Cơ quan phát động')),
    ten_co_quan: setting(s, 'Cơ quan phát động'),
    ky_hieu: setting(s, 'Ký hiệu cơ quan'),
    dia_danh: setting(s, 'Địa danh') || '……………',
    nam: setting(s, 'Năm'),
    ten_phong_trao: setting(s, 'Tên phong trào'),
    ngay_so_lieu: `${pad(zoned.getDate())}/${pad(zoned.getMonth() + 1)}/${zoned.getFullYear()}`,
    kinh_gui: recipients.length ? recipients.join('; ') : '……………',
    mot_noi_nhan: recipients.length <= 1,
    noi_nhan: recipients.map((ten) => ({ ten })),
    quyen_han: upper(setting(s, 'Quyền hạn người ký')),
    chuc_vu_nguoi_ky: upper(setting(s, 'Chức vụ người ký')),
    nguoi_ky: setting(s, 'Người ký'),
  };
}

/** In capitals as the decree writes names of bodies and titles; `TM.`, `KT.` keep their dots. */
function upper(text: string): string {
  return text.toLocaleUpperCase('vi');
}

function unitNames(evaluation: Evaluation): Map<string, string> {
  return new Map(evaluation.units.map((u) => [u.code, u.name || u.code]));
}

/** Each unit's answer under `header`, in the order of `Đơn vị`, for the coordinator to edit. */
function byUnit(
  evaluation: Evaluation,
  responses: ReadonlyMap<string, JudgedResponse>,
  header: string,
): { don_vi: string; noi_dung: string }[] {
  const out: { don_vi: string; noi_dung: string }[] = [];
  for (const u of evaluation.units) {
    const text = responses.get(u.code)?.answer(header).trim() ?? '';
    if (text !== '') out.push({ don_vi: u.name || u.code, noi_dung: text });
  }
  return out;
}

type ReportKind = 'interim' | 'final';

/** A figure as the report prints it: `—` where no unit reported it (not 0, which would claim none happened). */
function shown(f: Pick<IndicatorFigure, 'kind'>, value: number | null): string {
  if (value === null) return '—';
  return f.kind === 'percent' ? `${formatNumber(value)}%` : formatNumber(value);
}

/** The change since the sơ kết, signed; a percentage's in percentage points. */
function change(f: IndicatorFigure): string {
  if (f.change === null) return '';
  return `${f.change > 0 ? '+' : ''}${formatNumber(f.change)}${f.kind === 'percent' ? ' điểm %' : ''}`;
}

function withChildren(source: DocumentSource, campaign: ScopeFigures, kind: ReportKind): Data[] {
  const rows = storedChildRows(source.snapshot.tabs.get(TAB.children), readBodies(source.snapshot));
  if (rows.length === 0) return [];
  const all = childrenTotals(campaign, rows);
  return [
    {
      so_cap_duoi: formatNumber(all.children),
      so_cap_duoi_co_so_lieu: formatNumber(all.counted),
      so_bao_cao_ca_cap_duoi: formatNumber(kind === 'final' ? all.finalReports : all.interimReports),
      chi_tieu_ca_cap_duoi: all.figures.map((f, i) => ({
        stt: i + 1,
        ten: f.header,
        ket_qua: shown(f, f[kind]),
        so_ket: shown(f, f.interim),
      })),
    },
  ];
}

/**
 * Báo cáo sơ kết (interim) or tổng kết (final): the figures of `Tổng hợp` (results/indicators.ts), so the report
 * and the sheet never disagree, and the units' own words from their counted reports.
 */
export function reportData(source: DocumentSource, kind: ReportKind, now: Date): Data {
  const { evaluation } = source;
  const totals = indicatorTotals(evaluation);
  const { campaign } = totals;
  const reports = kind === 'final' ? campaign.finalReports : campaign.interimReports;
  const responses = countedResponses(evaluation, kind === 'final' ? FINAL_FORM.tab : INTERIM_FORM.tab);
  return {
    ...letterhead(evaluation, now),
    so_don_vi: formatNumber(campaign.units),
    so_da_bao_cao: formatNumber(reports),
    so_chua_bao_cao: formatNumber(campaign.units - reports),
    chi_tieu: campaign.figures.map((f, i) => ({
      stt: i + 1,
      ten: f.header,
      ket_qua: shown(f, f[kind]),
      so_ket: shown(f, f.interim),
      tang_them: change(f),
    })),
    // The whole hierarchy, own plus each child campaign's subtree as the last roll-up left them: shown only by a
    // campaign with children (a section of one item, or none).
    co_cap_duoi: withChildren(source, campaign, kind),
    xep_loai: totals.levels.map((l) => ({
      muc: l.level,
      so_don_vi: formatNumber(l.count),
      ty_le: campaign.units ? `${formatNumber(l.percent)}%` : '—',
    })),
    // Only the types the standard applies to some unit of (not every trade union, say).
    an_toan: totals.antt
      .filter((a) => a.units > a.outOfScope)
      .map((a) => ({
        loai_hinh: a.type || 'Khác',
        dat: formatNumber(a.met),
        tong: formatNumber(a.units - a.outOfScope),
      })),
    dan_dau: totals.leaders.map((l) => ({
      cum_khoi: l.cluster,
      don_vi: l.unitName || l.unitCode,
      tong_diem: l.total === null ? '' : formatNumber(l.total),
    })),
    theo_cum: totals.clusters.flatMap((c) =>
      c.figures.map((f, i) => ({
        cum_khoi:
          i === 0
            ? `${c.cluster || 'Chưa xếp Cụm, Khối'}\n(${kind === 'final' ? c.finalReports : c.interimReports}/${c.units} đơn vị báo cáo)`
            : '',
        ten: f.header,
        so_ket: shown(f, f.interim),
        ket_qua: shown(f, f[kind]),
      })),
    ),
    noi_bat: byUnit(evaluation, responses, REPORT_TEXT_HEADERS.highlights),
    han_che: byUnit(evaluation, responses, REPORT_TEXT_HEADERS.shortcomings),
    nguyen_nhan: byUnit(evaluation, responses, REPORT_TEXT_HEADERS.causes),
    phuong_huong: byUnit(evaluation, responses, REPORT_TEXT_HEADERS.directions),
    kien_nghi: byUnit(evaluation, responses, REPORT_TEXT_HEADERS.proposals),
  };
}

/** One eligible nomination with what the unit answered about the nominee. */
export interface Nominee {
  readonly verdict: NominationVerdict;
  readonly unitName: string;
  readonly position: string;
  readonly summary: string;
  readonly gender: string;
  readonly birthYear: string;
}

/** A year of birth where the sheet has one (`Năm sinh`, or the year in `Ngày sinh`); '' otherwise. */
function birthYear(response: JudgedResponse | undefined): string {
  for (const header of ['Năm sinh', 'Ngày sinh']) {
    const year = /(?:^|\D)((?:19|20)\d\d)(?:\D|$)/.exec(response?.answer(header) ?? '')?.[1];
    if (year) return year;
  }
  return '';
}

const withOrigin = (name: string, response: JudgedResponse | undefined): string =>
  response instanceof ForwardedNomination ? `${name} (${response.origin})` : name;

/** The eligible nominations, in the order the rules judged them (earliest first). */
export function eligibleNominees(evaluation: Evaluation): Nominee[] {
  const names = unitNames(evaluation);
  for (const b of evaluation.bodies ?? []) names.set(b.code, b.name || b.code);
  const byRow = new Map<string, JudgedResponse>();
  for (const r of [...evaluation.responses, ...(evaluation.forwarded ?? [])])
    byRow.set(`${r.form}\u0000${r.rowNumber}`, r);
  return evaluation.nominations
    .filter((v) => v.status === 'Đủ điều kiện')
    .map((verdict) => {
      const response = byRow.get(`${verdict.form}\u0000${verdict.rowNumber}`);
      return {
        verdict,
        // A child's nominee: the body, then where below it the nomination comes from.
        unitName: withOrigin(names.get(verdict.unitCode) ?? verdict.unitCode, response),
        position: response?.answer(H.position) ?? '',
        summary: response?.answer(H.summary) ?? '',
        gender: response?.answer(H.gender) ?? '',
        birthYear: birthYear(response),
      };
    });
}

/** Awards with at least one eligible nominee, in the order of `Khen thưởng` (the targets first). */
export function awardsToPropose(evaluation: Evaluation, nominees: readonly Nominee[]): string[] {
  const awards: string[] = [];
  const order = [...evaluation.awards.map((a) => a.award), ...nominees.map((n) => n.verdict.award)];
  for (const award of order)
    if (!awards.some((a) => nameKey(a) === nameKey(award)) && nominees.some((n) => sameAward(n, award)))
      awards.push(award);
  return awards;
}

const sameAward = (n: Nominee, award: string) => nameKey(n.verdict.award) === nameKey(award);
/** Everyone but individuals is listed by name and unit: collectives, and seed 000's models, works and initiatives. */
const isCollective = (n: Nominee) => nameKey(n.verdict.kind) !== nameKey(KIND_INDIVIDUAL);

interface QuotaRow {
  readonly unit: string;
  readonly award: string;
  readonly kind: string;
  readonly quota: number;
}

/** `Phân bổ chỉ tiêu`, rows for the same unit, award and kind added up; absent tab: none. */
function readQuotaRows(snapshot: Snapshot): QuotaRow[] {
  if (!snapshot.tabs.has(TAB.quotas)) return [];
  const rows = new Map<string, QuotaRow>();
  for (const row of readDeclaredTable(snapshot, TAB.quotas).rows) {
    const unit = unitCode(row.get('Mã đơn vị'));
    const quota = parseLooseNumber(row.get('Số lượng'));
    if (unit === '' || quota === null) continue;
    const award = cellText(row.get('Hình thức khen thưởng'));
    const kind = cellText(row.get('Đối tượng'));
    const key = `${unit}\u0000${nameKey(award)}\u0000${nameKey(kind)}`;
    rows.set(key, { unit, award, kind, quota: (rows.get(key)?.quota ?? 0) + quota });
  }
  return [...rows.values()];
}

function targetLine(tally: AwardTally | undefined, kind: string, eligible: number): Data {
  const bound = (n: number | null | undefined) => (n === null || n === undefined ? 'không quy định' : formatNumber(n));
  return {
    doi_tuong: kind,
    de_nghi: formatNumber(eligible),
    toi_thieu: bound(tally?.min),
    toi_da: bound(tally?.max),
    tinh_trang: tally?.status ?? 'Không có chỉ tiêu',
  };
}

/** The nominee kinds of one award's tờ trình: collectives, individuals, then others its tallies or nominees name. */
function kindsOf(evaluation: Evaluation, award: string, mine: readonly Nominee[]): string[] {
  const kinds: string[] = [];
  const all = [
    KIND_COLLECTIVE,
    KIND_INDIVIDUAL,
    ...evaluation.awards.filter((a) => nameKey(a.award) === nameKey(award)).map((a) => a.kind),
    ...mine.map((n) => n.verdict.kind),
  ];
  for (const kind of all) if (!kinds.some((k) => nameKey(k) === nameKey(kind))) kinds.push(kind);
  return kinds;
}

/** Tờ trình đề nghị khen thưởng for one award: the eligible collectives and individuals, against targets and quotas. */
export function proposalData(source: DocumentSource, award: string, nominees: readonly Nominee[], now: Date): Data {
  const { evaluation } = source;
  const mine = nominees.filter((n) => sameAward(n, award));
  const collectives = mine.filter(isCollective);
  const individuals = mine.filter((n) => !isCollective(n));
  const tally = (kind: string) =>
    evaluation.awards.find((a) => nameKey(a.award) === nameKey(award) && nameKey(a.kind) === nameKey(kind));
  const names = unitNames(evaluation);
  const quotas = readQuotaRows(source.snapshot)
    .filter((q) => nameKey(q.award) === nameKey(award))
    .map((q) => ({
      don_vi: names.get(q.unit) ?? q.unit,
      doi_tuong: q.kind.toLowerCase(),
      duoc_phan_bo: formatNumber(q.quota),
      de_nghi: formatNumber(
        mine.filter((n) => n.verdict.unitCode === q.unit && nameKey(n.verdict.kind) === nameKey(q.kind)).length,
      ),
    }));
  return {
    ...letterhead(evaluation, now),
    hinh_thuc: award,
    so_tap_the: formatNumber(collectives.length),
    so_ca_nhan: formatNumber(individuals.length),
    chi_tieu: kindsOf(evaluation, award, mine)
      .map((kind) =>
        targetLine(tally(kind), kind, mine.filter((n) => nameKey(n.verdict.kind) === nameKey(kind)).length),
      )
      .filter((t) => t.de_nghi !== '0' || t.tinh_trang !== 'Không có chỉ tiêu'),
    phan_bo: quotas,
    co_tap_the: collectives.length > 0,
    co_ca_nhan: individuals.length > 0,
    // Only the kinds proposed are named, and the numbered parts follow on from each other.
    doi_tuong_de_nghi: [
      collectives.length ? `${formatNumber(collectives.length)} tập thể` : '',
      individuals.length ? `${formatNumber(individuals.length)} cá nhân` : '',
    ]
      .filter((t) => t !== '')
      .join(' và '),
    muc_ca_nhan: collectives.length ? 2 : 1,
    muc_chi_tieu: (collectives.length ? 1 : 0) + (individuals.length ? 1 : 0) + 1,
    tap_the: collectives.map((n, i) => ({ stt: i + 1, ten: n.verdict.nominee, don_vi: n.unitName })),
    ca_nhan: individuals.map((n, i) => ({
      stt: i + 1,
      ho_ten: n.verdict.nominee,
      chuc_vu: n.position,
      don_vi: n.unitName,
    })),
  };
}

/** Danh sách đề nghị khen thưởng for one award, in the receiving council's usual columns. */
export function listData(source: DocumentSource, award: string, nominees: readonly Nominee[], now: Date): Data {
  const mine = nominees.filter((n) => sameAward(n, award));
  return {
    ...letterhead(source.evaluation, now),
    hinh_thuc: award,
    co_tap_the: mine.some(isCollective),
    co_ca_nhan: mine.some((n) => !isCollective(n)),
    tap_the: mine.filter(isCollective).map((n, i) => ({
      stt: i + 1,
      ten: n.verdict.nominee,
      don_vi: n.unitName,
      thanh_tich: n.summary,
    })),
    ca_nhan: mine
      .filter((n) => !isCollective(n))
      .map((n, i) => ({
        stt: i + 1,
        ho_ten: n.verdict.nominee,
        nam_sinh: n.birthYear,
        gioi_tinh: n.gender,
        chuc_vu: n.position,
        don_vi: n.unitName,
        thanh_tich: n.summary,
      })),
  };
}

/** Báo cáo thành tích of one eligible nominee, prefilled for its unit to complete and sign. */
export function achievementData(source: DocumentSource, nominee: Nominee, now: Date): Data {
  return {
    ...letterhead(source.evaluation, now),
    ten_don_vi: nominee.unitName,
    ten_don_vi_hoa: upper(nominee.unitName),
    hinh_thuc: nominee.verdict.award,
    ten: nominee.verdict.nominee,
    chuc_vu: nominee.position || '……………',
    gioi_tinh: nominee.gender || '……………',
    nam_sinh: nominee.birthYear || '……………',
    thanh_tich: nominee.summary,
  };
}

export { isCollective };
