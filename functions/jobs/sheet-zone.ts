// The spreadsheet's own time zone against `Múi giờ` of `Cấu hình`: Google Forms writes each timestamp in the
// spreadsheet's zone, and the rules read it in `Múi giờ`, so two different zones shift every submission time.
import { resolveTimeZone } from '../core/zone.ts';

/** `GMT+07:00` of a zone at an instant, or undefined for a zone name this runtime does not know. */
function offset(zone: string, at: Date): string | undefined {
  try {
    const parts = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' }).formatToParts(at);
    return parts.find((p) => p.type === 'timeZoneName')?.value;
  } catch {
    return undefined;
  }
}

/**
 * A Vietnamese warning when the two zones give different clock times now or half a year from now (so an alias such as
 * Asia/Saigon for Asia/Ho_Chi_Minh is no warning); undefined when they agree or the spreadsheet's zone is unknown.
 * A `Múi giờ` that is no zone name counts as Asia/Ho_Chi_Minh, as the rules read it.
 */
export function zoneWarning(sheetZone: string | undefined, configured: string, now: Date): string | undefined {
  if (!sheetZone) return undefined;
  const zone = resolveTimeZone(configured).zone;
  const later = new Date(now.getTime() + 182 * 86_400_000);
  const differ = offset(sheetZone, now) !== offset(zone, now) || offset(sheetZone, later) !== offset(zone, later);
  if (!differ) return undefined;
  return (
    `Cảnh báo: múi giờ của bảng tính (${sheetZone}) khác "Múi giờ" trong Cấu hình (${zone}); Google Biểu mẫu ghi dấu thời gian ` +
    `theo múi giờ của bảng tính nên giờ nộp bị lệch. Hãy đặt múi giờ của bảng tính là ${zone} (Tệp > Cài đặt).`
  );
}
