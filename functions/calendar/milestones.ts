// The milestones of `Mốc thời gian`: deadlines as the last moment of their day in the campaign zone, holidays applied.
import { MILESTONE_KIND_HEADER, MILESTONE_KIND_UNIT, REQUIRED_HEADER, TAB, TABS } from '../../sheets-schema/index.ts';
import { cellDate, cellText, type Cell } from '../core/cells.ts';
import type { Milestone } from '../core/model.ts';
import { listSetting, setting, type Settings } from '../core/settings.ts';
import type { Snapshot } from '../core/snapshot.ts';
import { readDeclaredTable } from '../core/table.ts';
import { campaignTimeZone } from '../core/zone.ts';
import { endOfLocalDay, isWeekend, localDay } from './days.ts';
import { isOrganiserRow, milestoneKind } from './organiser.ts';

/** The response tabs a milestone may point at: every tab the schema declares as the forms'. */
const FORM_TABS: ReadonlySet<string> = new Set(TABS.filter((t) => t.owner === 'form').map((t) => t.name));

/**
 * Reads the units' rows of `Mốc thời gian` (the organiser's own report deadlines are readOrganiserDeadlines'; units are
 * never reminded of them). A malformed row is skipped and explained in Vietnamese in `errors` (the job goes on);
 * a missing tab or header throws HeaderError like every required tab.
 */
export function readMilestones(snapshot: Snapshot, settings: Settings, errors: string[] = []): Milestone[] {
  const timeZone = campaignTimeZone(settings);
  const table = readDeclaredTable(snapshot, TAB.milestones);
  const holidays = readHolidays(settings, timeZone, errors);
  const shift = setting(settings, 'Dời hạn khi trùng ngày nghỉ').toLocaleLowerCase('vi') === 'có';
  const milestones: Milestone[] = [];
  const seen = new Set<string>();

  for (const row of table.rows) {
    const where = `Mốc thời gian, dòng ${row.rowNumber}`;
    const code = cellText(row.get('Mã mốc')).toUpperCase();
    if (isOrganiserRow(row)) {
      if (code !== '') seen.add(code);
      continue;
    }
    if (milestoneKind(row) === null) {
      // Reminding units of a row meant for them is the smaller harm than silently dropping it: read as theirs.
      errors.push(
        `${where}: '${MILESTONE_KIND_HEADER}' phải để trống, là '${MILESTONE_KIND_UNIT}' hoặc là 'Báo cáo cấp trên' (đang là '${cellText(row.get(MILESTONE_KIND_HEADER))}'); tạm coi là ${MILESTONE_KIND_UNIT}.`,
      );
    }
    const name = cellText(row.get('Tên mốc'));
    const form = cellText(row.get('Biểu mẫu'));
    const rawDeadline = row.get('Hạn nộp');
    const problems: string[] = [];
    if (code === '') problems.push('thiếu mã mốc');
    else if (seen.has(code)) problems.push(`mã mốc '${code}' bị trùng với một dòng phía trên`);
    if (!FORM_TABS.has(form)) {
      problems.push(`biểu mẫu '${form}' không phải một trong: ${[...FORM_TABS].join(', ')}`);
    }
    const date = cellDate(rawDeadline, timeZone);
    if (!date) problems.push(`hạn nộp '${cellText(rawDeadline)}' không phải ngày hợp lệ dạng dd/MM/yyyy`);
    const offsets = parseOffsets(row.get('Nhắc trước (ngày)'));
    if (!offsets)
      problems.push(`'Nhắc trước (ngày)' phải là các số ngày nguyên dương cách nhau bởi dấu phẩy, ví dụ 7,3,1`);
    if (problems.length > 0 || !date || !offsets) {
      errors.push(`${where}: ${problems.join('; ')}. Mốc này bị bỏ qua cho đến khi được sửa.`);
      continue;
    }
    const required = parseRequired(row.get(REQUIRED_HEADER));
    if (required === null) {
      // Chasing a unit that need not submit is the smaller harm than never chasing one that must: read as `Có`.
      errors.push(
        `${where}: '${REQUIRED_HEADER}' phải là Có hoặc Không (đang là '${cellText(row.get(REQUIRED_HEADER))}'); tạm coi là Có.`,
      );
    }
    seen.add(code);
    let day = localDay(date, timeZone);
    // Moved only on request: a deadline on a day off stands unless the campaign chose to move it.
    if (shift) while (isWeekend(day) || holidays.has(day)) day++;
    milestones.push({
      code,
      name: name || code,
      form,
      deadline: endOfLocalDay(day, timeZone),
      remindBefore: offsets,
      required: required ?? true,
    });
  }
  return milestones;
}

/** `Có` → true, `Không` → false, blank → true (the default); anything else → null. */
function parseRequired(cell: Cell | undefined): boolean | null {
  const text = cellText(cell).toLocaleLowerCase('vi');
  if (text === '' || text === 'có') return true;
  if (text === 'không') return false;
  return null;
}

/** `7,3,1` (or a lone number) → [7, 3, 1], largest first, without duplicates; empty → []; anything else → null. */
function parseOffsets(cell: Cell | undefined): number[] | null {
  const text = cellText(cell);
  if (text === '') return [];
  const parts = text.split(/[,;\s]+/).filter((p) => p !== '');
  const numbers = parts.map((p) => (/^\d+$/.test(p) ? Number(p) : NaN));
  if (numbers.some((n) => !Number.isInteger(n) || n <= 0)) return null;
  return [...new Set(numbers)].sort((a, b) => b - a);
}

function readHolidays(settings: Settings, timeZone: string, errors: string[]): Set<number> {
  const days = new Set<number>();
  for (const text of listSetting(settings, 'Ngày nghỉ lễ')) {
    const date = cellDate(text, timeZone);
    if (date) days.add(localDay(date, timeZone));
    else errors.push(`Cấu hình, 'Ngày nghỉ lễ': '${text}' không phải ngày hợp lệ dạng dd/MM/yyyy, ngày này bị bỏ qua.`);
  }
  return days;
}
