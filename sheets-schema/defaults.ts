// The rows setup and the demo put in `Tiêu chí`, `Danh mục khen thưởng`, `Chỉ tiêu` and `Mốc thời gian` (DOMAIN.md
// §2, §3, §6 defaults; the catalogue's in sheets-schema/awards.ts).
import {
  AWARD_MEDAL,
  AWARD_MINISTER_CERTIFICATE,
  KIND_COLLECTIVE,
  KIND_INDIVIDUAL,
  NOMINATION_FORM,
} from './forms/nominations.ts';
import { CRITERION_TYPES_HEADER } from './forms/final.ts';
import { MILESTONE_KIND_ORGANISER, MILESTONE_KIND_UNIT } from './tabs.ts';
import type { Criterion } from './types.ts';
import { catalogueRows, defaultAwards } from './awards.ts';

export interface TargetRow {
  readonly award: string;
  readonly kind: string;
  readonly min: number | null;
  readonly max: number | null;
}

export interface MilestoneRow {
  readonly code: string;
  readonly name: string;
  readonly form: string;
  /** dd/MM/yyyy, as typed in the sheet. */
  readonly deadline: string;
  /** As typed in `Nhắc trước (ngày)`. */
  readonly remindBefore: string;
  /** `Bắt buộc`: `Có`, or `Không` for a milestone a unit may have nothing to send for; '' for the organiser's rows. */
  readonly required: 'Có' | 'Không' | '';
  /** `Loại`: a deadline for the units, or the organiser's own report to the level above. */
  readonly kind: typeof MILESTONE_KIND_UNIT | typeof MILESTONE_KIND_ORGANISER;
  /** `Nơi nhận` of an organiser's report; '' for the units' rows. */
  readonly recipient: string;
}

/** QĐ 510/QĐ-BCA-V05 sets criteria "đối với cơ quan, doanh nghiệp, cơ sở giáo dục" (seed 000); Art. 7 is theirs. */
const AGENCY_TYPES = ['Cơ quan', 'Doanh nghiệp', 'Cơ sở giáo dục'];
/** Thông tư 124/2021/TT-BCA's residential criteria; communes share them (the circular's own were not readable). */
const RESIDENTIAL_TYPES = ['Khu dân cư', 'Xã/Phường'];

/**
 * 100 points for every type that has its own criteria. TC1 and TC2 are the two items of QĐ 510/QĐ-BCA-V05 Art. 7 we
 * could read (3 points each), for agencies, enterprises and schools only. TC8 is their counterpart for residential
 * areas and communes: Thông tư 124/2021/TT-BCA's first residential criterion (100% of households registered in Q1,
 * DOMAIN.md §4), weighted 6 by us. The rest apply to every type and are our defaults for campaigns to rewrite.
 * Not shipped, because the text was not readable: QĐ 510's own criteria for residential areas, communes and districts
 * (a district's level is derived from its units, docs/design/rollup.md), and any criteria for grassroots trade unions,
 * which therefore keep the common ones (94 points, classified on their share).
 */
export function defaultCriteria(): Criterion[] {
  return [
    {
      code: 'TC1',
      group: 'Lãnh đạo, chỉ đạo',
      content: 'Có nghị quyết, kế hoạch; sơ kết, tổng kết và báo cáo đúng hạn',
      maxScore: 3,
      types: AGENCY_TYPES,
    },
    {
      code: 'TC2',
      group: 'Tuyên truyền',
      content: 'Tuyên truyền đến ít nhất 90% cán bộ, nhân viên, học sinh',
      maxScore: 3,
      types: AGENCY_TYPES,
    },
    {
      code: 'TC3',
      group: 'Lãnh đạo, chỉ đạo',
      content: 'Kiểm tra, đôn đốc, phối hợp thực hiện phong trào',
      maxScore: 14,
    },
    {
      code: 'TC4',
      group: 'Mô hình, điển hình',
      content: 'Xây dựng, duy trì và nhân rộng mô hình, điển hình tiên tiến',
      maxScore: 20,
    },
    {
      code: 'TC5',
      group: 'Phòng ngừa, đấu tranh',
      content: 'Phát hiện, cung cấp tin báo, tố giác tội phạm và vi phạm pháp luật',
      maxScore: 20,
    },
    {
      code: 'TC6',
      group: 'Phòng ngừa, đấu tranh',
      content: 'Tham gia giữ gìn trật tự, phòng cháy, chữa cháy, an toàn giao thông',
      maxScore: 20,
    },
    { code: 'TC7', group: 'Kết quả', content: 'Kết quả bảo đảm an ninh, trật tự tại cơ quan, địa bàn', maxScore: 20 },
    {
      code: 'TC8',
      group: 'Tuyên truyền',
      content: '100% hộ gia đình đăng ký thực hiện "An toàn về ANTT" ngay từ quý I',
      maxScore: 6,
      types: RESIDENTIAL_TYPES,
    },
  ];
}

/** Seed 000: the Minister's Bằng khen for at least 2 collectives and 2 individuals; 5 medals. */
export function defaultTargets(): TargetRow[] {
  return [
    { award: AWARD_MINISTER_CERTIFICATE, kind: KIND_COLLECTIVE, min: 2, max: null },
    { award: AWARD_MINISTER_CERTIFICATE, kind: KIND_INDIVIDUAL, min: 2, max: null },
    { award: AWARD_MEDAL, kind: KIND_INDIVIDUAL, min: 5, max: 5 },
  ];
}

/**
 * `Bắt buộc` of a milestone answered by `form`: nominations are optional (a unit may have no nominee), the rest
 * required.
 */
export function defaultRequired(form: string): 'Có' | 'Không' {
  return form === NOMINATION_FORM.tab ? 'Không' : 'Có';
}

/**
 * DOMAIN.md §2; the final report and nominations fall due on 15/11 (seed 004) to leave time for classification.
 * Nominations are optional: a unit with no nominee has nothing to send and is never told it is late.
 * Last, the organiser's own report: ministries and provinces report to Bộ Công an and Bộ Nội vụ before 30/11 (seed 003,
 * QĐ 2447/QĐ-TTg); its documents are prepared 7 and 3 days before.
 */
export function defaultMilestones(year: number): MilestoneRow[] {
  const d = (day: string) => `${day}/${year}`;
  return [
    {
      code: 'DK',
      name: 'Đăng ký thi đua',
      form: 'Đăng ký thi đua',
      deadline: d('31/03'),
      remindBefore: '7,3,1',
      required: 'Có',
      kind: MILESTONE_KIND_UNIT,
      recipient: '',
    },
    {
      code: 'KH',
      name: 'Kế hoạch, tiêu chí thi đua',
      form: 'Kế hoạch thi đua',
      deadline: d('15/05'),
      remindBefore: '7,3,1',
      required: 'Có',
      kind: MILESTONE_KIND_UNIT,
      recipient: '',
    },
    {
      code: 'SK',
      name: 'Báo cáo sơ kết',
      form: 'Báo cáo sơ kết',
      deadline: d('30/09'),
      remindBefore: '7,3,1',
      required: 'Có',
      kind: MILESTONE_KIND_UNIT,
      recipient: '',
    },
    {
      code: 'TK',
      name: 'Báo cáo tổng kết',
      form: 'Báo cáo tổng kết',
      deadline: d('15/11'),
      remindBefore: '7,3,1',
      required: 'Có',
      kind: MILESTONE_KIND_UNIT,
      recipient: '',
    },
    {
      code: 'KT',
      name: 'Đề nghị khen thưởng',
      form: 'Đề nghị khen thưởng',
      deadline: d('15/11'),
      remindBefore: '7,3,1',
      required: 'Không',
      kind: MILESTONE_KIND_UNIT,
      recipient: '',
    },
    {
      code: 'BC-TK',
      name: 'Báo cáo kết quả phong trào gửi Bộ Công an, Bộ Nội vụ',
      form: 'Báo cáo tổng kết',
      deadline: d('30/11'),
      remindBefore: '7,3',
      required: '',
      kind: MILESTONE_KIND_ORGANISER,
      recipient: 'Bộ Công an; Bộ Nội vụ (Ban Thi đua - Khen thưởng Trung ương)',
    },
  ];
}

/** The same defaults as sheet rows (header row first), ready for a values write. */
export function defaultTabRows(
  year: number,
): Readonly<Record<'Tiêu chí' | 'Danh mục khen thưởng' | 'Chỉ tiêu' | 'Mốc thời gian', (string | number)[][]>> {
  return {
    'Danh mục khen thưởng': catalogueRows(defaultAwards()),
    'Tiêu chí': [
      ['Mã tiêu chí', 'Nhóm', 'Nội dung', 'Điểm tối đa', CRITERION_TYPES_HEADER],
      ...defaultCriteria().map((c) => [c.code, c.group, c.content, c.maxScore, (c.types ?? []).join(', ')]),
    ],
    'Chỉ tiêu': [
      ['Hình thức khen thưởng', 'Đối tượng', 'Số lượng tối thiểu', 'Số lượng tối đa'],
      ...defaultTargets().map((t) => [t.award, t.kind, t.min ?? '', t.max ?? '']),
    ],
    'Mốc thời gian': [
      ['Mã mốc', 'Tên mốc', 'Biểu mẫu', 'Hạn nộp', 'Nhắc trước (ngày)', 'Bắt buộc', 'Loại', 'Nơi nhận'],
      ...defaultMilestones(year).map((m) => [
        m.code,
        m.name,
        m.form,
        m.deadline,
        m.remindBefore,
        m.required,
        m.kind,
        m.recipient,
      ]),
    ],
  };
}
