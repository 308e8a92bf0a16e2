// The demo campaign as rows keyed by header: coordinator tabs and responses to the five forms, with the mistakes
// units really make. Deterministic: the same `now` gives the same campaign.
import { TZDate } from '@date-fns/tz';
import {
  FINAL_FORM,
  FORMS,
  INTERIM_FORM,
  MILESTONE_KIND_ORGANISER,
  NOMINATION_FORM,
  PLAN_FORM,
  REGISTRATION_FORM,
  SETTINGS,
  TAB,
  TIMESTAMP_HEADER,
  type FormDef,
  type Question,
} from '../../sheets-schema/index.ts';
import { defaultCriteria, defaultTabRows } from '../../sheets-schema/defaults.ts';
import {
  appliesToType,
  unitTypeAnswer,
  UNIT_TYPE_HEADER,
  formQuestions,
  INDICATOR_QUESTIONS,
  PLAN_LINK_HEADER,
  TARGET_QUESTIONS,
  targetHeader,
} from '../../sheets-schema/forms/index.ts';
import {
  RECOGNISED_UNITS_HEADER,
  REGISTERED_UNITS_HEADER,
  REPORT_TEXT_HEADERS,
} from '../../sheets-schema/forms/reports.ts';
import { SERIOUS_INCIDENT_HEADER } from '../../sheets-schema/forms/final.ts';
import {
  AWARD_CERTIFICATE,
  AWARD_MEDAL,
  AWARD_MINISTER_CERTIFICATE,
  KIND_COLLECTIVE,
  KIND_INDIVIDUAL,
  NOMINATION_HEADERS as N,
} from '../../sheets-schema/forms/nominations.ts';
import { dateToSerial, type Cell } from '../../functions/core/cells.ts';
import { parseCount } from '../../functions/rules/numbers.ts';
import { unitSecret } from '../../functions/core/unit-secret.ts';
import { UNIT_SECRET_HEADER } from '../../sheets-schema/index.ts';
import { EVERY_UNIT, SECRET_PLACEHOLDER, UNIT_PLACEHOLDER } from '../../functions/core/links.ts';
import { FIXTURE_UNIT_KEY, seeded, ZONE } from '../bench/campaign.ts';
import { formSlug } from '../web/index.ts';
import { bodyRows, DEMO_CHILDREN } from './children.ts';
import { contactEmail, DEMO_PEOPLE, DEMO_UNITS, leaderEmail, type DemoUnit } from './units.ts';

export type DemoRow = Record<string, Cell>;
export type DemoTabs = Map<string, DemoRow[]>;

const COMMITMENTS = [
  'Tổ chức tuyên truyền pháp luật về an ninh, trật tự cho 100% cán bộ, nhân viên; duy trì chế độ trực bảo vệ cơ quan.',
  'Xây dựng và nhân rộng mô hình "Camera an ninh", phối hợp Công an phường giữ gìn trật tự địa bàn.',
  'Không để xảy ra mất an ninh, trật tự, cháy nổ tại đơn vị; 100% hộ gia đình ký cam kết.',
];
const MODELS = [
  'Tổ tự quản an ninh, trật tự',
  'Camera an ninh khu phố',
  'Dòng họ tự quản về ANTT',
  'Tổ hòa giải ở cơ sở',
];

/**
 * What units write under the reports' free-text questions besides the highlights; picked without the shared random
 * sequence, so the rest of the demo stays as it was.
 */
const NARRATIVES: Record<string, readonly string[]> = {
  [REPORT_TEXT_HEADERS.shortcomings]: [
    'Một số tổ tự quản hoạt động chưa thường xuyên; việc cập nhật số liệu còn chậm.',
    'Tuyên truyền trên mạng xã hội chưa đều; một bộ phận người lao động chưa tham gia đầy đủ.',
    '',
  ],
  [REPORT_TEXT_HEADERS.causes]: [
    'Cán bộ phụ trách kiêm nhiệm nhiều việc; kinh phí hoạt động của mô hình còn hạn chế.',
    'Địa bàn rộng, dân cư biến động; phối hợp giữa các bộ phận có lúc chưa chặt chẽ.',
    '',
  ],
  [REPORT_TEXT_HEADERS.directions]: [
    'Duy trì mô hình tự quản; tăng cường tuyên truyền pháp luật cho người lao động.',
    'Nhân rộng mô hình "Camera an ninh"; phối hợp Công an cơ sở nắm tình hình địa bàn.',
  ],
  [REPORT_TEXT_HEADERS.proposals]: [
    'Đề nghị hỗ trợ kinh phí lắp đặt camera an ninh tại các tuyến đường trọng điểm.',
    'Đề nghị tổ chức tập huấn nghiệp vụ cho lực lượng bảo vệ cơ sở.',
    '',
  ],
};

function narrative(header: string, unit: DemoUnit): string {
  const options = NARRATIVES[header];
  let h = 0;
  for (const ch of unit.code + header) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return options[h % options.length];
}

function planLink(unit: DemoUnit): string {
  return `https://drive.google.com/file/d/ke-hoach-${unit.code.toLowerCase()}/view`;
}

/**
 * A unit's plan: the document's number and link, and its own targets for about half the indicators (a unit commits
 * to what concerns it). Its own random sequence, so adding plans left every other demo response as it was.
 */
function plan(unit: DemoUnit, at: Date, rnd: () => number, person: string, unitKey: string): DemoRow {
  const row: DemoRow = {
    [TIMESTAMP_HEADER]: dateToSerial(at, ZONE),
    'Mã đơn vị': unit.code,
    [UNIT_SECRET_HEADER]: unitSecret(unitKey, unit.code, 0),
    'Người lập kế hoạch': person,
    'Số, ký hiệu văn bản kế hoạch': `${1 + Math.floor(rnd() * 40)}/KH-${unit.code.split('-')[0]}`,
    [PLAN_LINK_HEADER]: planLink(unit),
  };
  for (const q of TARGET_QUESTIONS) {
    if (rnd() < 0.5) continue;
    row[q.header] =
      q.kind === 'percent'
        ? 95 + Math.floor(rnd() * 6)
        : Math.floor(rnd() * 60) + (q.header.includes('lượt') || q.header.includes('hộ') ? 200 : 1);
  }
  const registered = row[targetHeader(REGISTERED_UNITS_HEADER)];
  if (registered !== undefined) row[targetHeader(RECOGNISED_UNITS_HEADER)] = Math.max(0, Number(registered) - 2);
  if (!TARGET_QUESTIONS.some((q) => row[q.header] !== undefined)) row[TARGET_QUESTIONS[0].header] = 12;
  return row;
}

function timestamp(year: number, month: number, day: number, hour: number, minute: number): Date {
  return new Date(new TZDate(year, month - 1, day, hour, minute, 0, ZONE).getTime());
}

function answer(q: Question, unit: DemoUnit, rnd: () => number, person: string, unitKey: string): Cell {
  switch (q.kind) {
    case 'unitCode':
      return unit.code;
    case 'unitSecret':
      return unitSecret(unitKey, unit.code, 0);
    case 'email':
      return contactEmail(unit);
    case 'url':
      return planLink(unit);
    case 'text':
      return person;
    case 'paragraph':
      if (q.header in NARRATIVES) return narrative(q.header, unit);
      return q.header.includes('Mô hình')
        ? MODELS[Math.floor(rnd() * MODELS.length)]
        : COMMITMENTS[Math.floor(rnd() * COMMITMENTS.length)];
    case 'integer':
      return Math.floor(rnd() * 60) + (q.header.includes('lượt') || q.header.includes('hộ') ? 200 : 1);
    case 'percent':
      return q.header.includes('hộ') && unit.type !== 'Khu dân cư' && unit.type !== 'Xã/Phường'
        ? ''
        : 90 + Math.floor(rnd() * 11);
    case 'score': {
      const score = Math.round((q.max ?? 0) * (0.62 + rnd() * 0.38));
      // A criterion of other unit types is left blank: the form's section for them is never shown to this unit.
      return appliesToType(q.unitTypes, unit.type) ? score : '';
    }
    case 'date':
      // Only a nominee's date of birth is a date, and only an individual's: the generated collectives have none.
      return '';
    case 'choice':
      if (q.header === SERIOUS_INCIDENT_HEADER) return 'Không';
      if (q.header === UNIT_TYPE_HEADER) return unitTypeAnswer(q.options ?? [], unit.type);
      if (q.header.startsWith('Cơ quan, doanh nghiệp:'))
        return unit.type === 'Khu dân cư' || unit.type === 'Xã/Phường' ? '' : 'Có';
      if (q.header.startsWith('Khu dân cư:'))
        return unit.type === 'Khu dân cư' || unit.type === 'Xã/Phường' ? 'Có' : '';
      if (q.header.startsWith('Xã, phường:')) return unit.type === 'Xã/Phường' ? 'Có' : '';
      if (q.header.includes('An toàn về ANTT')) return unit.name.includes('Tiểu học') ? 'Không thuộc phạm vi' : 'Có';
      return q.options?.[0] ?? '';
  }
}

function response(
  form: FormDef,
  questions: readonly Question[],
  unit: DemoUnit,
  at: Date,
  rnd: () => number,
  unitKey: string,
): DemoRow {
  const person = DEMO_PEOPLE[Math.floor(rnd() * DEMO_PEOPLE.length)];
  const row: DemoRow = { [TIMESTAMP_HEADER]: dateToSerial(at, ZONE) };
  for (const q of questions) {
    if (form.tab === TAB.nominations) continue;
    const value = answer(q, unit, rnd, person, unitKey);
    if (value !== '') row[q.header] = value;
  }
  if (form.tab === TAB.interim || form.tab === TAB.final) {
    const registered = Number(row[REGISTERED_UNITS_HEADER] ?? 0);
    row[RECOGNISED_UNITS_HEADER] = Math.max(0, registered - Math.floor(rnd() * 5));
  }
  return row;
}

/** The dates of birth and genders the demo's individual nominees give (the danh sách prints year and gender). */
const PERSON: Record<string, { born: string; gender: 'Nam' | 'Nữ' }> = {
  'Nguyễn Văn An': { born: '14/02/1971', gender: 'Nam' },
  'Trần Thị Bích': { born: '03/09/1983', gender: 'Nữ' },
  'Lê Hoàng Cường': { born: '21/06/1968', gender: 'Nam' },
  'Phạm Thị Dung': { born: '08/11/1979', gender: 'Nữ' },
  'Hoàng Minh Đức': { born: '30/04/1975', gender: 'Nam' },
  'Vũ Thị Hạnh': { born: '17/01/1974', gender: 'Nữ' },
  'Đặng Quốc Huy': { born: '25/12/1980', gender: 'Nam' },
  'Bùi Thị Lan': { born: '02/07/1990', gender: 'Nữ' },
  'Đỗ Văn Long': { born: '19/05/1977', gender: 'Nam' },
  'Ngô Thị Mai': { born: '11/10/1965', gender: 'Nữ' },
};

/** An individual's own facts: date of birth and gender, where the demo knows them. */
function person(name: string): Record<string, Cell> {
  const p = PERSON[name];
  return p ? { [N.birthDate]: p.born, [N.gender]: p.gender } : {};
}

function nomination(unit: DemoUnit, at: Date, fields: Record<string, Cell>, unitKey: string): DemoRow {
  return {
    [TIMESTAMP_HEADER]: dateToSerial(at, ZONE),
    [N.unit]: unit.code,
    [UNIT_SECRET_HEADER]: unitSecret(unitKey, unit.code, 0),
    ...fields,
  };
}

function medal(
  name: string,
  position: string,
  gender: 'Nam' | 'Nữ',
  group: string,
  years: number,
  difficult = 0,
): Record<string, Cell> {
  return {
    [N.kind]: KIND_INDIVIDUAL,
    [N.award]: AWARD_MEDAL,
    [N.nominee]: name,
    [N.position]: position,
    ...person(name),
    [N.gender]: gender,
    [N.group]: group,
    [N.years]: years,
    [N.difficultYears]: difficult,
    [N.commendations]: 2,
    [N.excluded]: 'Không',
    [N.disciplined]: 'Không',
  };
}

/** The local stand-in for the Drive folder a coordinator shares with the functions: where the documents go. */
export const DEMO_DRIVE_FOLDER_ID = 'thu-muc-van-ban-demo';

/** The demo's campaign year: `now`'s, in the campaign's zone. */
export function demoYear(now: Date): number {
  return new TZDate(now.getTime(), ZONE).getFullYear();
}

/**
 * The demo at `now`: the campaign year is now's year, and only responses dated before `now` exist, so the demo
 * started in March shows registrations only and the demo started in December shows the whole year.
 */
export function demoCampaign(now: Date, formBaseUrl: string, unitKey: string = FIXTURE_UNIT_KEY): DemoTabs {
  const year = demoYear(now);
  const rnd = seeded(2026); // the same demo on every machine
  const tabs: DemoTabs = new Map();
  const unit = (code: string) => DEMO_UNITS.find((u) => u.code === code)!;

  const demoSettings: Record<string, string> = {
    Năm: String(year),
    'Cơ quan phát động': 'Ban Chỉ đạo phong trào Toàn dân bảo vệ an ninh Tổ quốc tỉnh',
    'Cơ quan chủ quản': 'Ủy ban nhân dân tỉnh',
    'Địa danh': 'Đồng Xoài',
    'Nơi nhận báo cáo': 'Bộ Công an (Cục V05); Ủy ban nhân dân tỉnh',
    'Quyền hạn người ký': 'KT. TRƯỞNG BAN',
    'Chức vụ người ký': 'PHÓ TRƯỞNG BAN',
    'Người ký': 'Nguyễn Thanh Bình',
    'Tên người gửi': 'Thường trực phong trào (Công an tỉnh)',
    'Email trả lời': 'phongtrao.pv01@example.vn',
    'Người nhận bản tin': 'truongban@example.vn, photruongban@example.vn; thuongtruc.pv01@example.vn',
    'Thư mục Drive văn bản': DEMO_DRIVE_FOLDER_ID,
  };
  tabs.set(TAB.config, [
    ...SETTINGS.map((d) => ({ Khóa: d.key, 'Giá trị': demoSettings[d.key] ?? d.default, 'Ghi chú': d.help })),
    // A threshold of one type's own (issue 20): the residential areas need 92 on the 100 scale for Xuất sắc.
    {
      Khóa: 'Ngưỡng Xuất sắc: Khu dân cư',
      'Giá trị': '92',
      'Ghi chú': 'Ngưỡng Xuất sắc riêng của loại hình Khu dân cư; các loại hình khác dùng Ngưỡng Xuất sắc chung.',
    },
  ]);

  tabs.set(TAB.units, [
    ...DEMO_UNITS.map((u): DemoRow => ({
      'Mã đơn vị': u.code,
      'Tên đơn vị': u.name,
      'Loại hình': u.type,
      'Cụm/Khối': u.cluster,
      'Email liên hệ': contactEmail(u),
      'Email lãnh đạo': leaderEmail(u),
    })),
    // The province's bodies: their figures come from their own campaigns (Tổng hợp cấp dưới).
    ...bodyRows(DEMO_CHILDREN),
  ]);

  const defaults = defaultTabRows(year);
  for (const tab of [TAB.criteria, TAB.catalogue, TAB.targets, TAB.milestones] as const) {
    const [header, ...rows] = defaults[tab];
    tabs.set(
      tab,
      rows.map((r) => Object.fromEntries(header.map((h, i) => [String(h), r[i]]))),
    );
  }
  // The province's own report of the sơ kết to Bộ Công an (Cục V05), before its tổng kết report of the defaults (seed
  // 003, 30/11): a demo choice, no seed dates it.
  const reports = tabs.get(TAB.milestones)!;
  reports.splice(reports.length - 1, 0, {
    'Mã mốc': 'BC-SK',
    'Tên mốc': 'Báo cáo sơ kết phong trào gửi Bộ Công an',
    'Biểu mẫu': INTERIM_FORM.tab,
    'Hạn nộp': `15/10/${year}`,
    'Nhắc trước (ngày)': '7,3',
    'Bắt buộc': '',
    Loại: MILESTONE_KIND_ORGANISER,
    'Nơi nhận': 'Bộ Công an (Cục Xây dựng phong trào bảo vệ an ninh Tổ quốc)',
  });
  tabs.get(TAB.targets)!.push({
    'Hình thức khen thưởng': AWARD_CERTIFICATE,
    'Đối tượng': KIND_COLLECTIVE,
    'Số lượng tối thiểu': 3,
    'Số lượng tối đa': 10,
  });

  tabs.set(TAB.quotas, [
    {
      'Mã đơn vị': 'SO-TP',
      'Hình thức khen thưởng': AWARD_MINISTER_CERTIFICATE,
      'Đối tượng': KIND_INDIVIDUAL,
      'Số lượng': 1,
    },
    { 'Mã đơn vị': 'PH-TANTHIEN', 'Hình thức khen thưởng': AWARD_MEDAL, 'Đối tượng': KIND_INDIVIDUAL, 'Số lượng': 2 },
    {
      'Mã đơn vị': 'DN-CAOSU',
      'Hình thức khen thưởng': AWARD_MINISTER_CERTIFICATE,
      'Đối tượng': KIND_COLLECTIVE,
      'Số lượng': 1,
    },
  ]);
  tabs.set(TAB.assessment, [
    { 'Mã đơn vị': 'SO-XD', 'Điểm thẩm định': 68, 'Ghi chú': 'Thẩm định lại: hồ sơ mô hình chưa đầy đủ minh chứng.' },
    { 'Mã đơn vị': 'XA-TIENHUNG', 'Điểm thẩm định': 92, 'Ghi chú': 'Cộng điểm thành tích phát hiện tin báo.' },
    // Per criterion (issue 20): only TC4 is re-scored, the enterprise's other self-scores stand.
    { 'Mã đơn vị': 'DN-CAOSU', '[TC4]': 12, 'Ghi chú': 'Mô hình "Tổ tự quản" mới triển khai ở một phân xưởng.' },
  ]);

  // The district's recognitions (TT 124/2021/TT-BCA): KDC-AP2 sent no final report, yet its decision counts.
  tabs.set(TAB.anttDecisions, [
    {
      'Mã đơn vị': 'KDC-KP1',
      'Số quyết định': `215/QĐ-UBND`,
      Ngày: `10/12/${year}`,
      'Cơ quan quyết định': 'UBND phường Tân Thiện',
    },
    {
      'Mã đơn vị': 'KDC-AP2',
      'Số quyết định': `187/QĐ-UBND`,
      Ngày: `08/12/${year}`,
      'Cơ quan quyết định': 'UBND xã Đồng Tâm',
    },
  ]);

  // One template per form (every unit's link, with the secret in force when an email is built), then each unit's own
  // link as the Apps Script writes it, for a coordinator to copy.
  const formLink = (f: FormDef, code: string, secret: string) =>
    `${formBaseUrl}forms/${formSlug(f.tab)}?unit=${encodeURIComponent(code)}&secret=${encodeURIComponent(secret)}`;
  tabs.set(TAB.formLinks, [
    ...FORMS.map((f) => ({
      'Mã đơn vị': EVERY_UNIT,
      'Biểu mẫu': f.tab,
      'Liên kết': formLink(f, UNIT_PLACEHOLDER, SECRET_PLACEHOLDER),
    })),
    ...DEMO_UNITS.flatMap((u) =>
      FORMS.map((f) => ({
        'Mã đơn vị': u.code,
        'Biểu mẫu': f.tab,
        'Liên kết': formLink(f, u.code, unitSecret(unitKey, u.code, 0)),
      })),
    ),
  ]);

  const criteria = defaultCriteria();
  const byForm = new Map(FORMS.map((f) => [f.tab, formQuestions(f, criteria)]));
  const add = (form: FormDef, row: DemoRow) => {
    if (Number(row[TIMESTAMP_HEADER]) > dateToSerial(now, ZONE)) return;
    if (!tabs.has(form.tab)) tabs.set(form.tab, []);
    tabs.get(form.tab)!.push(row);
  };
  const [registration, interim, final, nominations] = [REGISTRATION_FORM, INTERIM_FORM, FINAL_FORM, NOMINATION_FORM];

  // Registration: most units in March, two late in April; the mistakes follow.
  DEMO_UNITS.forEach((u, i) => {
    if (['KDC-AP2', 'SO-NV'].includes(u.code)) return; // never register: reminders and overdue notices
    const late = ['XA-THUANLOI', 'DN-MAYMAC'].includes(u.code);
    const at = timestamp(year, late ? 4 : 3, late ? 6 + i : 2 + i, 8 + (i % 8), (i * 7) % 60);
    const row = response(registration, byForm.get(registration.tab)!, u, at, rnd, unitKey);
    if (u.code === 'SO-YT') row['Mã đơn vị'] = '  so-yt '; // lower case and spaces: still matched
    if (u.code === 'SO-TC') row['Nội dung cam kết'] = '=HYPERLINK("http://example.vn";"Cam kết")'; // stays text
    if (u.code === 'SO-VHTTDL') row['Người đăng ký'] = 'Trần Thị Thu Hà'.normalize('NFD'); // decomposed Vietnamese
    if (u.code === 'SO-XD') row['Email người đăng ký'] = 'vanthu.soxd@example'; // malformed email
    if (u.code === 'CD-BUUDIEN') delete row['Mô hình điển hình đăng ký']; // grassroots union without a model
    if (u.code === 'TR-CDYT') {
      // forgot the commitments, then sent a corrected response the next day
      add(registration, { ...row, 'Nội dung cam kết': '' });
      row[TIMESTAMP_HEADER] = dateToSerial(timestamp(year, 3, 3 + i, 9, 15), ZONE);
    }
    add(registration, row);
  });
  add(registration, {
    ...response(
      registration,
      byForm.get(registration.tab)!,
      unit('SO-TP'),
      timestamp(year, 3, 20, 10, 0),
      rnd,
      unitKey,
    ),
    'Mã đơn vị': 'SO-TTTT', // a code nobody issued
    'Email người đăng ký': 'vanthu.sotttt@example.vn',
  });
  // Someone with the public form link types SO-TP's code without its secret: recorded, never counted, mailed to no one.
  add(registration, {
    ...response(
      registration,
      byForm.get(registration.tab)!,
      unit('SO-TP'),
      timestamp(year, 3, 25, 21, 40),
      seeded(15),
      unitKey,
    ),
    [UNIT_SECRET_HEADER]: '',
    'Người đăng ký': 'Người lạ',
    'Email người đăng ký': 'nguoila@example.com',
  });

  // Plans (KH, due 15/5): most units in April and May, one late in June, one link that is not a link, one plan
  // without a single target; the units that never registered send no plan either.
  const planRnd = seeded(2027);
  DEMO_UNITS.forEach((u, i) => {
    if (['KDC-AP2', 'SO-NV', 'XA-THUANLOI', 'TR-THHUNGVUONG'].includes(u.code)) return;
    const late = u.code === 'DN-MAYMAC';
    const person = DEMO_PEOPLE[Math.floor(planRnd() * DEMO_PEOPLE.length)];
    const row = plan(
      u,
      timestamp(year, late ? 6 : 4 + (i % 2), late ? 3 : 2 + (i % 27), 9 + (i % 8), (i * 11) % 60),
      planRnd,
      person,
      unitKey,
    );
    if (u.code === 'XA-DONGTAM') row[PLAN_LINK_HEADER] = 'Đã gửi bản giấy qua văn thư'; // not a link
    if (u.code === 'CD-DAIHOC') for (const q of TARGET_QUESTIONS) delete row[q.header]; // no target at all
    add(PLAN_FORM, row);
  });

  // Interim report: by 30/9, a few late, one inconsistent and one with a negative number.
  const interimRows = new Map<string, DemoRow>();
  DEMO_UNITS.forEach((u, i) => {
    if (['KDC-AP2', 'SO-NV', 'XA-DONGTAM'].includes(u.code)) return;
    const late = ['DN-CAPNUOC'].includes(u.code);
    const row = response(
      interim,
      byForm.get(interim.tab)!,
      u,
      timestamp(year, late ? 10 : 9, late ? 4 : 1 + (i % 28), 14, i),
      rnd,
      unitKey,
    );
    if (u.code === 'PH-TANBINH') row[RECOGNISED_UNITS_HEADER] = Number(row[REGISTERED_UNITS_HEADER]) + 3;
    if (u.code === 'TR-THCSTANPHU') row['Số buổi tuyên truyền'] = -2;
    if (u.code === 'CD-DAIHOC') row['Số tờ rơi, tài liệu phát hành'] = '1.250'; // Vietnamese thousands separator
    // The two reports judged invalid above give the year's figures nothing to build on.
    if (!['PH-TANBINH', 'TR-THCSTANPHU'].includes(u.code)) interimRows.set(u.code, row);
    add(interim, row);
  });

  // Final report: November, with self-assessed scores.
  DEMO_UNITS.forEach((u, i) => {
    if (['KDC-AP2', 'SO-NV', 'XA-DONGTAM', 'TR-THHUNGVUONG', 'CD-BUUDIEN'].includes(u.code)) return;
    const row = response(final, byForm.get(final.tab)!, u, timestamp(year, 11, 3 + (i % 12), 15, i), rnd, unitKey);
    // A year's counts include the first nine months': the tổng kết adds the last quarter to the unit's sơ kết.
    const before = interimRows.get(u.code);
    for (const q of INDICATOR_QUESTIONS) {
      const [sk, q4] = [parseCount(before?.[q.header]), row[q.header]];
      if (q.kind === 'integer' && sk !== null && typeof q4 === 'number') row[q.header] = sk + q4;
    }
    const scores = criteria.map((c) => `[${c.code}]`);
    const scoreHeader = (code: string) => Object.keys(row).find((h) => h.startsWith(code))!;
    if (u.code === 'DN-DIENLUC') row[scoreHeader(scores[3])] = 25; // above the 20-point maximum
    if (u.code === 'KDC-KP3') delete row[scoreHeader(scores[6])]; // a criterion left blank
    if (u.code === 'DN-MAYMAC') row[SERIOUS_INCIDENT_HEADER] = 'Có';
    if (u.code === 'SO-VHTTDL')
      for (const c of criteria)
        if (appliesToType(c.types, u.type)) row[scoreHeader(`[${c.code}]`)] = Math.round(c.maxScore * 0.55);
    add(final, row);
  });

  // Nominations.
  const n = (code: string, day: number, fields: Record<string, Cell>) =>
    add(nominations, nomination(unit(code), timestamp(year, 11, day, 10, 0), fields, unitKey));
  const certificate = (kind: string, name: string, position: string, summary: string): Record<string, Cell> => ({
    [N.kind]: kind,
    [N.award]: AWARD_MINISTER_CERTIFICATE,
    [N.nominee]: name,
    ...(position ? { [N.position]: position } : {}),
    ...(summary ? { [N.summary]: summary } : {}),
    ...(kind === KIND_INDIVIDUAL ? person(name) : {}),
  });
  n(
    'SO-TP',
    5,
    certificate(
      KIND_INDIVIDUAL,
      'Nguyễn Văn An',
      'Phó Giám đốc Sở',
      'Chỉ đạo xây dựng 3 mô hình tự quản, tuyên truyền pháp luật cho 2.000 lượt người.',
    ),
  );
  n(
    'SO-TP',
    6,
    certificate(
      KIND_INDIVIDUAL,
      'Trần Thị Bích',
      'Chánh Văn phòng',
      'Tham mưu kế hoạch, tổ chức 24 buổi tuyên truyền.',
    ),
  );
  n(
    'DN-CAOSU',
    7,
    certificate(
      KIND_COLLECTIVE,
      'Đội bảo vệ Nông trường 1',
      '',
      'Phối hợp bắt giữ 4 vụ trộm cắp mủ cao su, không để xảy ra cháy rừng.',
    ),
  );
  n('DN-CAOSU', 8, certificate(KIND_COLLECTIVE, 'Tổ bảo vệ Nhà máy chế biến', '', 'Duy trì tuần tra 24/24.'));
  n(
    'PH-TANTHIEN',
    6,
    certificate(KIND_COLLECTIVE, 'Tổ dân phố số 5', '', 'Mô hình "Camera an ninh" phủ 100% tuyến đường.'),
  );
  n('PH-TANTHIEN', 9, medal('Lê Hoàng Cường', 'Tổ trưởng tổ bảo vệ an ninh, trật tự', 'Nam', 'Lực lượng cơ sở', 16));
  n('PH-TANTHIEN', 9, medal('Phạm Thị Dung', 'Tổ viên tổ bảo vệ an ninh, trật tự', 'Nữ', 'Lực lượng cơ sở', 6, 3));
  n('PH-TANTHIEN', 10, medal('Hoàng Minh Đức', 'Tổ phó tổ bảo vệ an ninh, trật tự', 'Nam', 'Lực lượng cơ sở', 9)); // too few years
  n('XA-TIENHUNG', 7, medal('Vũ Thị Hạnh', 'Chủ tịch UBND xã', 'Nữ', 'Lãnh đạo', 12));
  n('XA-TIENHUNG', 8, {
    ...medal('Đặng Quốc Huy', 'Phó Chủ tịch UBND xã', 'Nam', 'Lãnh đạo', 11),
    [N.disciplined]: 'Có',
  });
  n('XA-TIENHUNG', 8, certificate(KIND_INDIVIDUAL, 'Bùi Thị Lan', 'Công an viên', '')); // no summary of achievements
  n(
    'SO-VHTTDL',
    9,
    certificate(KIND_INDIVIDUAL, 'Đỗ Văn Long', 'Trưởng phòng', 'Tổ chức Ngày hội toàn dân bảo vệ an ninh Tổ quốc.'),
  );
  n('TR-THPTCHUYEN', 10, {
    [N.kind]: KIND_COLLECTIVE,
    [N.award]: AWARD_CERTIFICATE,
    [N.nominee]: 'Đoàn trường THPT chuyên Quang Trung',
  });
  n('TR-THPTCHUYEN', 11, {
    [N.kind]: KIND_COLLECTIVE,
    [N.award]: AWARD_CERTIFICATE,
    [N.nominee]: 'Đoàn trường THPT  chuyên Quang Trung',
  }); // duplicate
  n('KDC-KP1', 12, medal('Ngô Thị Mai', 'Trưởng khu phố', 'Nữ', 'Lực lượng cơ sở', 11));
  return tabs;
}

/** The same campaign as sheet grids (header row first), for loading in bulk. */
export function demoGrids(now: Date, formBaseUrl: string, unitKey: string = FIXTURE_UNIT_KEY): Map<string, Cell[][]> {
  const grids = new Map<string, Cell[][]>();
  for (const [tab, rows] of demoCampaign(now, formBaseUrl, unitKey)) {
    const headers: string[] = [];
    for (const row of rows) for (const key of Object.keys(row)) if (!headers.includes(key)) headers.push(key);
    grids.set(tab, [headers, ...rows.map((row) => headers.map((h) => row[h] ?? ''))]);
  }
  return grids;
}
