// The data each email template expects, and the shapes of a template version and of a rendered email.
import type { AnttByType } from '../results/indicators.ts';

/** What every email carries for the shared layout (`templates/layout.*`), from `Cấu hình`. */
export interface LayoutData {
  /** Campaign name, shown in the header (e.g. `Phong trào "Toàn dân bảo vệ an ninh Tổ quốc" năm 2025`). */
  readonly campaign: string;
  /** The issuing body, shown in the footer. */
  readonly organisation: string;
  readonly year: string;
  /** The grey line some mail clients show after the subject; keep it under ~100 characters. */
  readonly preheader?: string;
}

/** One line of the answers summary in a receipt. */
export interface AnswerLine {
  readonly question: string;
  readonly answer: string;
}

/** One response in a receipt or "please fix" email. */
export interface SubmissionData {
  readonly formTitle: string;
  /** `dd/MM/yyyy HH:mm:ss` in the campaign's time zone, '' when unreadable. */
  readonly submittedAt: string;
  readonly valid: boolean;
  /** The non-empty answers (valid responses). */
  readonly answers: readonly AnswerLine[];
  /** The exact Vietnamese validation errors, one per item (invalid responses). */
  readonly errors: readonly string[];
  /** Rule verdicts that are not errors (a nomination's eligibility), one line each. */
  readonly notes: readonly string[];
  /** An http(s) link to edit or fix the response, '' when none is known. */
  readonly editLink: string;
  /** Position in the email from 1, and whether the email has others (SendGrid's subset has no `@index` or `../`). */
  readonly number: number;
  readonly several: boolean;
}

/**
 * `receipt` (every response valid) and `fix-request` (at least one to fix): the responses of one unit judged by one
 * run, in one email, the ones to fix first. The top-level form fields are the first response's, for the subject.
 */
export interface ResponsesData
  extends LayoutData, Pick<SubmissionData, 'formTitle' | 'submittedAt' | 'answers' | 'errors' | 'notes' | 'editLink'> {
  readonly unitName: string;
  readonly unitCode: string;
  readonly submissions: readonly SubmissionData[];
  /** More than one response: the subject counts them. */
  readonly several: boolean;
  readonly count: number;
  /** Responses to fix, and responses received valid. */
  readonly fixCount: number;
  readonly receivedCount: number;
}

/** One milestone in a reminder: what to submit, by when, where the unit stands and its own link. */
export interface ReminderItem {
  readonly milestoneCode: string;
  readonly milestoneName: string;
  /** The response tab, which is also the form's name as units know it. */
  readonly form: string;
  /** `Thứ Ba, 31/3/2026`. */
  readonly deadline: string;
  /** `before-7`, `due-day`, `overdue-1`, … */
  readonly step: string;
  /** Where the unit stands, in words: `Quá hạn 8 ngày (thông báo lần 2/3)`, `Hôm nay là hạn cuối`, `Còn 7 ngày`. */
  readonly status: string;
  readonly overdue: boolean;
  readonly dueToday: boolean;
  /** Days left before the deadline day (0 on the day and after). */
  readonly daysLeft: number;
  /** Days since the deadline day (overdue notices), else 0. */
  readonly daysOverdue: number;
  /** Which weekly overdue notice this is, 0 before the deadline. */
  readonly overdueNumber: number;
  /** This step was not in an earlier email: the reason the email goes out. */
  readonly isNew: boolean;
  /** `isNew` worth saying: the email also lists steps announced before. */
  readonly markNew: boolean;
  /** `Bắt buộc` is `Không`: reminded before the deadline, never chased after it. */
  readonly optional: boolean;
  /** Submitted, but every submission was invalid: `errors` says what to fix. */
  readonly invalid: boolean;
  readonly submittedAt: string;
  readonly errors: readonly string[];
  /** The unit's prefilled form link, '' when unknown. */
  readonly formLink: string;
}

/**
 * Data of `templates/reminder.*` (nothing new is overdue) and `templates/overdue.*` (a new overdue notice, leaders
 * copied).
 */
export interface ReminderData extends LayoutData {
  readonly unitCode: string;
  readonly unitName: string;
  /** The subject after the campaign's name, e.g. `Quá hạn nộp Báo cáo tổng kết (thông báo lần 1)`. */
  readonly headline: string;
  /** Most urgent first: overdue (oldest deadline first), due today, then by deadline. */
  readonly items: readonly ReminderItem[];
  /** More than one item: the email says how many. */
  readonly several: boolean;
  readonly itemCount: number;
  readonly overdueCount: number;
  /** The unit's leaders are copied (a new overdue notice). */
  readonly leadersCopied: boolean;
  readonly overdueMax: number;
}

/** One coloured piece of a bar; widths of a bar add up to 100 (percent of the table). */
export interface BarSegment {
  readonly width: number;
  readonly color: string;
}

/** The part of `templates/digest.*`'s data about the reports up. */
export interface ReportsDigestData {
  /** Organiser deadlines not yet past, soonest first. */
  readonly reportDeadlines: readonly {
    readonly code: string;
    readonly name: string;
    readonly recipient: string;
    /** `30/11/2026`. */
    readonly deadline: string;
    /** `còn 9 ngày`, `còn 1 ngày`, `hôm nay là hạn cuối`. */
    readonly countdown: string;
    /** A week or less left. */
    readonly urgent: boolean;
  }[];
  readonly hasReportDeadlines: boolean;
  /** One plain-Vietnamese sentence per unit deadline that falls after a report it feeds. */
  readonly lateUnitDeadlines: readonly { readonly message: string }[];
  readonly hasLateUnitDeadlines: boolean;
  /** Any counted sơ kết or tổng kết report yet. */
  readonly hasTotals: boolean;
  readonly interimReports: number;
  readonly finalReports: number;
  /** Every indicator over the campaign, numbers as Vietnamese write them ('' when unknown). */
  readonly totals: readonly {
    readonly label: string;
    readonly interim: string;
    readonly final: string;
    readonly change: string;
  }[];
  /**
   * The campaign's totals with its child campaigns' whole subtrees (the last roll-up's `Tổng hợp cấp dưới`), for a
   * campaign with children: what it reports up for its whole hierarchy.
   */
  readonly hasChildrenTotals: boolean;
  /** Child campaigns listed, and those whose figures are in the sums. */
  readonly childrenCount: number;
  readonly childrenCounted: number;
  readonly childrenInterimReports: number;
  readonly childrenFinalReports: number;
  readonly childrenTotals: readonly { readonly label: string; readonly interim: string; readonly final: string }[];
  /** Per Cụm/Khối: its latest report's figures in one line, `Số buổi tuyên truyền 120 · …`. */
  readonly clusterTotals: readonly {
    readonly cluster: string;
    /** `tổng kết: 6/7 đơn vị` or `sơ kết: 5/7 đơn vị`. */
    readonly reports: string;
    readonly figures: string;
  }[];
  readonly antt: readonly AnttByType[];
  readonly leaders: readonly {
    readonly cluster: string;
    readonly unitCode: string;
    readonly unitName: string;
    readonly total: string;
    readonly level: string;
  }[];
  readonly hasLeaders: boolean;
  /** The most registered model names, with how many units registered each, most first (at most MODELS_SHOWN). */
  readonly models: readonly { readonly name: string; readonly units: number }[];
  readonly hasModels: boolean;
  /** Units that registered at least one model, and the distinct names among them. */
  readonly modelUnits: number;
  readonly modelNames: number;
  /** Names not shown. */
  readonly moreModels: number;
}

/** Data of `templates/digest.*`. */
export interface DigestData extends LayoutData, ReportsDigestData {
  /** `2026-W40`. */
  readonly week: string;
  /** `Tuần 40/2026`. */
  readonly weekLabel: string;
  /** `Thứ Hai, 28/9/2026`. */
  readonly date: string;
  readonly unitCount: number;
  readonly milestones: readonly {
    readonly code: string;
    readonly name: string;
    readonly deadline: string;
    readonly onTime: number;
    readonly late: number;
    readonly overdue: number;
    readonly invalid: number;
    readonly notYetDue: number;
    /** Units with nothing to send for an optional milestone past its deadline; 0 hides the figure. */
    readonly notRequired: number;
    readonly submittedPercent: string;
    readonly bar: readonly BarSegment[];
  }[];
  readonly hasMilestones: boolean;
  /** Late or overdue units grouped by `Cụm/Khối`; each unit with its milestones, e.g. `SK: quá hạn`. */
  readonly clusters: readonly {
    readonly cluster: string;
    readonly units: readonly { readonly code: string; readonly name: string; readonly items: string }[];
  }[];
  readonly hasLateUnits: boolean;
  readonly levels: readonly {
    readonly level: string;
    readonly count: number;
    readonly percent: string;
    readonly bar: readonly BarSegment[];
  }[];
  readonly nominations: readonly {
    readonly award: string;
    readonly kind: string;
    readonly nominated: number;
    readonly eligible: number;
    readonly target: string;
    readonly status: string;
    readonly ok: boolean;
  }[];
  readonly hasNominations: boolean;
  readonly pendingFixes: number;
  /** What moved since the previous digest, one line per changed figure. */
  readonly changes: readonly {
    readonly label: string;
    readonly previous: number;
    readonly current: number;
    readonly delta: string;
  }[];
  readonly hasPrevious: boolean;
  readonly hasChanges: boolean;
  readonly previousWeekLabel: string;
}

/** Data of `templates/results.*`. */
export interface ResultsData extends LayoutData {
  readonly unitCode: string;
  readonly unitName: string;
  readonly cluster: string;
  readonly classified: boolean;
  /** `Xuất sắc` … `Yếu`, or `Chưa xếp loại`. */
  readonly level: string;
  /** Total as Vietnamese text (`87,5`), '' when unclassified. */
  readonly total: string;
  readonly assessed: boolean;
  /** Rank in the cluster (ties share), '' when unranked. */
  readonly rank: string;
  /** Classified units in the cluster, for "hạng 2/6". */
  readonly clusterClassified: number;
  readonly groups: readonly { readonly group: string; readonly score: string; readonly max: string }[];
  readonly hasGroups: boolean;
  readonly commendable: boolean;
  readonly reason: string;
  /** `An toàn về ANTT` verdict. */
  readonly antt: string;
  readonly nominations: readonly {
    readonly nominee: string;
    readonly award: string;
    readonly kind: string;
    readonly status: string;
    readonly reason: string;
    readonly eligible: boolean;
  }[];
  readonly hasNominations: boolean;
}

/**
 * Template name → the data its `{{fields}}` read. A planned email pairs the two (core/snapshot.ts PlannedEmail), and
 * test/functions/mail/template-fields.test.ts checks every field each template uses against a sample of its type.
 */
export interface TemplateData {
  readonly receipt: ResponsesData;
  readonly 'fix-request': ResponsesData;
  readonly reminder: ReminderData;
  readonly overdue: ReminderData;
  readonly digest: DigestData;
  readonly results: ResultsData;
}

export type TemplateName = keyof TemplateData;

/** One self-contained SendGrid dynamic template version (layout and partials already inlined). */
export interface TemplateVersion {
  /** The SendGrid template name: `thidua-<name>`. */
  readonly name: string;
  readonly subject: string;
  readonly html_content: string;
  readonly plain_content: string;
}

/** What a recipient sees. */
export interface RenderedEmail {
  readonly subject: string;
  readonly html: string;
  readonly text: string;
}
