// The campaign's time zone: the one place that says which zone every date is read, compared and written in.
// `readSettings` resolves `Múi giờ` once per snapshot; everything else asks `campaignTimeZone`.

/** Vietnam's zone: the default of `Múi giờ`, and the zone used whenever the typed one is not a zone at all. */
export const DEFAULT_TIME_ZONE = 'Asia/Ho_Chi_Minh';

const known = new Map<string, boolean>();

/** True when Intl knows `name` as an IANA zone (or an offset it accepts); cached, as Intl throws to say no. */
export function isTimeZone(name: string): boolean {
  let ok = known.get(name);
  if (ok === undefined) {
    try {
      new Intl.DateTimeFormat('en', { timeZone: name });
      ok = name !== '';
    } catch {
      ok = false;
    }
    if (known.size > 1000) known.clear();
    known.set(name, ok);
  }
  return ok;
}

export interface ResolvedZone {
  readonly zone: string;
  /** Vietnamese, for the run's summary: set when the typed zone was not usable and the default stands in. */
  readonly warning?: string;
}

/** `Múi giờ` as typed → the zone to use. A mistyped zone must not stop the job, nor turn dates into NaN. */
export function resolveTimeZone(typed: string): ResolvedZone {
  if (typed === '') return { zone: DEFAULT_TIME_ZONE };
  if (isTimeZone(typed)) return { zone: typed };
  return {
    zone: DEFAULT_TIME_ZONE,
    warning:
      `Cấu hình, 'Múi giờ': '${typed}' không phải tên múi giờ hợp lệ (ví dụ Asia/Ho_Chi_Minh); ` +
      `lượt chạy này dùng múi giờ mặc định ${DEFAULT_TIME_ZONE} cho mọi hạn nộp, dấu thời gian và nhật ký thư.`,
  };
}

/** The zone of the campaign: what readSettings resolved; a hand-built settings map is checked the same way. */
export function campaignTimeZone(settings: ReadonlyMap<string, string>): string {
  return resolveTimeZone(settings.get('Múi giờ') ?? '').zone;
}
