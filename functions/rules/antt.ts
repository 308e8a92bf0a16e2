// The "An toàn về an ninh, trật tự" verdict of a unit (Thông tư 124/2021/TT-BCA), from its registration and final
// report.
import {
  ANTT_AGENCY_CRITERIA,
  ANTT_RESIDENTIAL_CRITERIA,
  NO,
  SERIOUS_INCIDENT_HEADER,
  YES,
  type AnttCriterion,
} from '../../sheets-schema/forms/index.ts';
import type { JudgedResponse, Unit } from '../core/model.ts';

export const ANTT_MET = 'Đạt';
export const ANTT_OUT_OF_SCOPE = 'Không thuộc phạm vi';
export const ANTT_NO_REPORT = 'Chưa có báo cáo';

const AGENCY_TYPES = new Set(['Cơ quan', 'Doanh nghiệp', 'Cơ sở giáo dục']);
// Communes are judged on the residential-area criteria: the circular's own commune criteria were not readable.
const RESIDENTIAL_TYPES = new Set(['Khu dân cư', 'Xã/Phường']);
const REGISTRATION_HEADER = 'Đăng ký "An toàn về ANTT"';

export function anttVerdict(
  unit: Unit,
  registration: JudgedResponse | undefined,
  report: JudgedResponse | undefined,
): string {
  const criteria: readonly AnttCriterion[] | undefined = AGENCY_TYPES.has(unit.type)
    ? ANTT_AGENCY_CRITERIA
    : RESIDENTIAL_TYPES.has(unit.type)
      ? ANTT_RESIDENTIAL_CRITERIA
      : undefined;
  const registered = registration?.values.get(REGISTRATION_HEADER);
  if (!criteria || registered === ANTT_OUT_OF_SCOPE) return ANTT_OUT_OF_SCOPE;
  if (!report) return ANTT_NO_REPORT;
  const failed: string[] = [];
  if (registered !== YES) failed.push('đăng ký "An toàn về ANTT" từ quý I');
  for (const c of criteria) if (report.values.get(c.header) !== YES) failed.push(c.name);
  if (report.values.get(SERIOUS_INCIDENT_HEADER) !== NO) failed.push('không để xảy ra vụ việc nghiêm trọng về ANTT');
  return failed.length === 0 ? ANTT_MET : `Chưa đạt: ${failed.join('; ')}`;
}
