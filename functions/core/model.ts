// The campaign as the rules see it: units, judged responses and the results computed from them.
// Produced by `evaluateCampaign` (functions/rules), consumed by jobs, the dashboard, reminders and the digest.
import type { Settings } from './settings.ts';
import type { TabWrite } from './snapshot.ts';
import type { UnitSecrets } from './unit-secret.ts';

export interface Unit {
  /** Normalised (trimmed, upper-cased). */
  readonly code: string;
  readonly name: string;
  /** `Loại hình`: Cơ quan, Doanh nghiệp, Cơ sở giáo dục, Xã/Phường, Khu dân cư, Công đoàn cơ sở. */
  readonly type: string;
  /** `Cụm/Khối`. */
  readonly cluster: string;
  readonly contactEmails: readonly string[];
  readonly leaderEmails: readonly string[];
  /** Entries of `Email liên hệ` / `Email lãnh đạo` that are not addresses: never mailed, shown in `Tổng hợp`. */
  readonly invalidEmails?: readonly { readonly header: string; readonly address: string }[];
  /** `Ngày cấp lại mã xác thực`: the instants the unit's secret was reissued, oldest first (core/unit-secret.ts). */
  readonly secretReissued?: readonly Date[];
}

/** A normalised answer: numbers for numeric kinds, the canonical option for choices, NFC text otherwise. */
export type Answer = string | number;

/** Normalised answers looked up by the question's declared header (a Map is one). */
export interface Answers {
  get(header: string): Answer | undefined;
  has(header: string): boolean;
}

/** Criterion code → self-assessed score, for the codes that have a numeric score (a Map is one). */
export interface Scores {
  get(code: string): number | undefined;
}

/**
 * One response row of a form-owned tab with its verdict, as the rules judge it and the jobs and tabs read it. Every
 * row of every response tab has exactly one.
 */
export interface JudgedResponse {
  /** The response tab (= the form). */
  readonly form: string;
  /** 1-based sheet row. */
  readonly rowNumber: number;
  /** `Dấu thời gian`, or null when unreadable (then the response is invalid). */
  readonly submittedAt: Date | null;
  /**
   * `Dấu thời gian` as people read it (dd/MM/yyyy HH:mm:ss in the campaign's zone), or the cell's text when unreadable.
   */
  readonly timestampText: string;
  /** Normalised unit code as typed ('' when empty); may be unknown. */
  readonly unitCode: string;
  readonly valid: boolean;
  /** Plain-Vietnamese errors, one per problem, naming the question as the unit saw it. */
  readonly errors: readonly string[];
  /** Rule verdicts that are not errors (e.g. a nomination's eligibility), one line each. */
  readonly notes: readonly string[];
  /** A later valid response of the same unit to the same form replaces this one. */
  readonly superseded: boolean;
  /**
   * False when `Xác thực đơn vị` is on and the response lacks its unit's secret: it is invalid, replaces nothing,
   * counts nowhere and is mailed to no one.
   */
  readonly authenticated: boolean;
  /**
   * The non-empty answers as the unit gave them (question as titled in the tab → text), for receipts. Read from the
   * row on each call rather than kept: only the emails a run sends need them, a few at a time.
   */
  answers(): { question: string; answer: string }[];
  /** The answer under the column titled `question`, '' when blank or absent. */
  answer(question: string): string;
  /** The answers as the rules read them, by declared header; only the answers that passed their own checks. */
  readonly values: Answers;
  /** The final report's self-assessed scores; none for other forms. */
  readonly scores: Scores;
  /** Hash of the answers; part of email keys so an edited response is mailed again. */
  readonly contentHash: string;
  /** The response's own edit link when the trigger recorded one. */
  readonly editLink?: string;
}

export type Level = 'Xuất sắc' | 'Khá' | 'Trung bình' | 'Yếu';
export const LEVELS: readonly Level[] = ['Xuất sắc', 'Khá', 'Trung bình', 'Yếu'];
export const UNCLASSIFIED = 'Chưa xếp loại';

export interface UnitResult {
  readonly unitCode: string;
  /** Final total (assessed score when present), null without a valid final report or assessment. */
  readonly total: number | null;
  readonly assessed: boolean;
  readonly level: Level | typeof UNCLASSIFIED;
  /** Rank within `Cụm/Khối` (ties share, next skips), null when unclassified. */
  readonly rank: number | null;
  /** Passes the commendation gate. */
  readonly commendable: boolean;
  /** Why not (or why capped), Vietnamese; '' when nothing to say. */
  readonly reason: string;
  /** Per criterion group of `Tiêu chí`: self-assessed score and maximum. */
  readonly groupScores: readonly { readonly group: string; readonly score: number; readonly max: number }[];
  /**
   * "An toàn về ANTT" verdict, Vietnamese: 'Đạt', 'Chưa đạt: <criterion>', 'Không thuộc phạm vi', 'Chưa có báo cáo'.
   */
  readonly antt: string;
  /** `Quyết định công nhận ANTT` of the unit as `Xếp loại` shows it; it makes `antt` 'Đạt', whatever self-assessed. */
  readonly anttDecision?: string;
}

export type NominationStatus = 'Đủ điều kiện' | 'Không đủ điều kiện' | 'Chờ xếp loại' | 'Chưa xét' | 'Trùng';

export interface NominationVerdict {
  readonly form: string;
  readonly rowNumber: number;
  readonly unitCode: string;
  readonly award: string;
  /** `Tập thể` or `Cá nhân`. */
  readonly kind: string;
  readonly nominee: string;
  readonly status: NominationStatus;
  /** Vietnamese reason when not eligible. */
  readonly reason: string;
}

export interface AwardTally {
  readonly award: string;
  readonly kind: string;
  readonly nominated: number;
  readonly eligible: number;
  readonly min: number | null;
  readonly max: number | null;
  /** `Đủ`, `Thiếu N`, `Vượt N`. */
  readonly status: string;
}

export interface Milestone {
  readonly code: string;
  readonly name: string;
  /** The response tab that satisfies it. */
  readonly form: string;
  /** Last moment of the deadline day in the campaign's time zone (23:59:59.999). */
  readonly deadline: Date;
  /** Days before the deadline at which reminders go out, e.g. [7, 3, 1]. */
  readonly remindBefore: readonly number[];
  /**
   * `Bắt buộc`: a required milestone is chased after its deadline; an optional one (nominations: a unit may have no
   * nominee) gets its reminders before the deadline and no overdue notice.
   */
  readonly required: boolean;
}

export interface Evaluation {
  readonly settings: Settings;
  /** The units' secrets: whether responses need them, and each unit's current one for its form links. */
  readonly secrets: UnitSecrets;
  readonly units: readonly Unit[];
  readonly responses: readonly JudgedResponse[];
  /**
   * Form → unit code → the unit's counted response (its latest valid one, which replaced every earlier one), for the
   * forms whose responses replace each other: what validation found, so no reader indexes the responses again.
   * Absent in evaluations built by hand.
   */
  readonly counted?: ReadonlyMap<string, ReadonlyMap<string, JudgedResponse>>;
  readonly results: readonly UnitResult[];
  readonly nominations: readonly NominationVerdict[];
  readonly awards: readonly AwardTally[];
  /**
   * The children's eligible nominations (`Đề nghị cấp dưới`), judged beside the campaign's own as nominations of the
   * child's body; not form responses. Absent in evaluations built by hand.
   */
  readonly forwarded?: readonly JudgedResponse[];
  /** The units with a campaign of their own below (`Mã bảng tính`), whose nominations are forwarded. */
  readonly bodies?: readonly { readonly code: string; readonly name: string; readonly cluster: string }[];
  /** `Kiểm tra`, `Xếp loại`, `Khen thưởng`, `Đề nghị gửi cấp trên`, ready to write. */
  readonly tabs: readonly TabWrite[];
  /** Rows of the coordinator's tabs the rules could not use, one Vietnamese line each, for the run's summary. */
  readonly warnings?: readonly string[];
}
