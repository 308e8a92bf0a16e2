// The "An toàn về an ninh, trật tự" verdict of a unit (Thông tư 124/2021/TT-BCA), from its registration and final
// report.
import {
  ANTT_AGENCY_CRITERIA,
  ANTT_COMMUNE_CRITERIA,
  ANTT_COMMUNE_RESIDENTIAL,
  ANTT_RESIDENTIAL_CRITERIA,
  NO,
  SERIOUS_INCIDENT_HEADER,
  YES,
  type AnttCriterion,
} from '../../sheets-schema/forms/index.ts';
import type { JudgedResponse, Unit } from '../core/model.ts';
import { endOfLocalDay } from '../calendar/days.ts';

export const ANTT_MET = 'Đạt';
export const ANTT_OUT_OF_SCOPE = 'Không thuộc phạm vi';
export const ANTT_NO_REPORT = 'Chưa có báo cáo';

/**
 * The criteria of each unit type. Grassroots trade unions are not a type of the circular: they build their agency or
 * enterprise "đạt chuẩn An toàn về ANTT (theo Thông tư số 124/2021/TT-BCA)" (seed 002), so the agencies' criteria.
 * Communes: the circular's Art. 5 (ANTT_COMMUNE_CRITERIA) and the residential criteria it refers to.
 */
const CRITERIA_BY_TYPE: ReadonlyMap<string, readonly AnttCriterion[]> = new Map([
  ['Cơ quan', ANTT_AGENCY_CRITERIA],
  ['Doanh nghiệp', ANTT_AGENCY_CRITERIA],
  ['Cơ sở giáo dục', ANTT_AGENCY_CRITERIA],
  ['Công đoàn cơ sở', ANTT_AGENCY_CRITERIA],
  ['Khu dân cư', ANTT_RESIDENTIAL_CRITERIA],
  ['Xã/Phường', [...ANTT_COMMUNE_CRITERIA, ...ANTT_COMMUNE_RESIDENTIAL]],
]);
const REGISTRATION_HEADER = 'Đăng ký "An toàn về ANTT"';

/**
 * `Hạn đăng ký An toàn về ANTT` (dd/MM) in the campaign's year, as the last instant of that day in its zone; null for
 * `Không` or anything else that is not a day (then no deadline is checked).
 */
export function anttRegistrationDeadline(text: string, year: number, timeZone: string): Date | null {
  const m = /^(\d{1,2})\/(\d{1,2})$/.exec(text.trim());
  if (!m || !Number.isInteger(year)) return null;
  const [day, month] = [Number(m[1]), Number(m[2])];
  const utc = Date.UTC(year, month - 1, day);
  if (new Date(utc).getUTCDate() !== day) return null;
  return endOfLocalDay(Math.floor(utc / 86_400_000), timeZone);
}

/** The first valid registration answering `Có`, the moment the unit registered (TT 124/2021/TT-BCA: in Q1). */
export function firstRegistration(responses: readonly JudgedResponse[]): Map<string, Date> {
  const out = new Map<string, Date>();
  for (const r of responses) {
    if (!r.valid || !r.submittedAt || r.values.get(REGISTRATION_HEADER) !== YES) continue;
    const seen = out.get(r.unitCode);
    if (!seen || r.submittedAt < seen) out.set(r.unitCode, r.submittedAt);
  }
  return out;
}

export function anttVerdict(
  unit: Unit,
  registration: JudgedResponse | undefined,
  report: JudgedResponse | undefined,
  registeredAt?: Date,
  deadline?: Date | null,
  deadlineText = '',
): string {
  const criteria = CRITERIA_BY_TYPE.get(unit.type);
  const registered = registration?.values.get(REGISTRATION_HEADER);
  if (!criteria || registered === ANTT_OUT_OF_SCOPE) return ANTT_OUT_OF_SCOPE;
  if (!report) return ANTT_NO_REPORT;
  const failed: string[] = [];
  if (registered !== YES) failed.push('đăng ký "An toàn về ANTT" từ quý I');
  else if (deadline && registeredAt && registeredAt > deadline)
    failed.push(`đăng ký "An toàn về ANTT" đúng hạn (trước hết ngày ${deadlineText})`);
  for (const c of criteria) if (report.values.get(c.header) !== YES) failed.push(c.name);
  if (report.values.get(SERIOUS_INCIDENT_HEADER) !== NO) failed.push('không để xảy ra vụ việc nghiêm trọng về ANTT');
  return failed.length === 0 ? ANTT_MET : `Chưa đạt: ${failed.join('; ')}`;
}
