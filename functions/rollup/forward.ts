// Nominations that travel up the tree (docs/design/rollup.md, "Nominations"). A campaign lists its eligible
// nominations, its own and those its children forwarded, in `Đề nghị gửi cấp trên`; its parent's roll-up copies them
// into `Đề nghị cấp dưới` as nominations of the child's body, and the parent's rules judge them beside its own. Pure.
import {
  FORWARDED_ANSWER_HEADERS,
  FORWARDED_HEADERS,
  ORIGIN_HEADER,
  SEND_UP_HEADERS,
  TAB,
} from '../../sheets-schema/index.ts';
import { NOMINATION_HEADERS as H } from '../../sheets-schema/forms/index.ts';
import { cellText, unitCode, type Cell } from '../core/cells.ts';
import { fingerprint } from '../core/fingerprint.ts';
import type { Answer, Answers, JudgedResponse, NominationVerdict, Scores } from '../core/model.ts';
import type { Snapshot, TabWrite } from '../core/snapshot.ts';
import { readTable } from '../core/table.ts';
import { timestampReader } from '../rules/timestamps.ts';
import type { Body } from '../rules/campaign-data.ts';
import { CHILD_STATUS, type ChildRow } from './tab.ts';

/** Answers the rules read as numbers (sheets-schema: integer questions of the nomination form). */
const NUMERIC: ReadonlySet<string> = new Set([H.years, H.difficultYears, H.commendations]);
const NO_SCORES: Scores = new Map();
const NONE: readonly string[] = Object.freeze([]);

/** The path below the parent: `X01`, `P1 › KDC3`. */
export const originPath = (unit: string, below: string): string => (below === '' ? unit : `${unit} › ${below}`);

/**
 * A child's eligible nomination as one of the parent's: its unit is the child's body, its answers as the child judged
 * them (already validated there), its verdict the parent's. Not a form response: no receipt, no progress.
 */
export class ForwardedNomination implements JudgedResponse {
  readonly form = TAB.forwarded;
  readonly valid = true;
  readonly errors = NONE;
  notes: readonly string[] = NONE;
  readonly superseded = false;
  readonly authenticated = true;
  readonly scores = NO_SCORES;
  readonly contentHash: string;

  constructor(
    readonly rowNumber: number,
    readonly unitCode: string,
    readonly spreadsheet: string,
    readonly origin: string,
    readonly submittedAt: Date | null,
    readonly timestampText: string,
    readonly values: Answers,
  ) {
    this.contentHash = fingerprint(
      'forwarded',
      FORWARDED_ANSWER_HEADERS.map((h) => String(values.get(h) ?? '')),
    );
  }

  note(line: string): void {
    this.notes = this.notes.concat(line);
  }

  answers(): { question: string; answer: string }[] {
    return [
      { question: ORIGIN_HEADER, answer: this.origin },
      ...FORWARDED_ANSWER_HEADERS.flatMap((question) => {
        const answer = this.answer(question);
        return answer === '' ? [] : [{ question, answer }];
      }),
    ];
  }

  answer(question: string): string {
    return String(this.values.get(question) ?? '');
  }
}

function answersOf(cell: (header: string) => Cell | undefined): Answers {
  const values = new Map<string, Answer>();
  for (const h of FORWARDED_ANSWER_HEADERS) {
    const raw = cell(h);
    if (NUMERIC.has(h)) {
      const n = typeof raw === 'number' ? raw : Number(cellText(raw));
      if (cellText(raw) !== '' && Number.isFinite(n)) values.set(h, n);
      continue;
    }
    const text = cellText(raw);
    if (text !== '') values.set(h, text);
  }
  return values;
}

/** `Đề nghị cấp dưới` as the parent's rules read it; none without the tab. */
export function readForwarded(snapshot: Snapshot, timeZone: string): ForwardedNomination[] {
  const table = readTable(snapshot, TAB.forwarded);
  if (!table.has('Mã đơn vị') || !table.has(H.award)) return [];
  const timestamp = timestampReader(timeZone);
  const out: ForwardedNomination[] = [];
  for (const row of table.rows) {
    const code = unitCode(row.get('Mã đơn vị'));
    if (code === '') continue;
    const at = timestamp(row.get('Dấu thời gian'));
    out.push(
      new ForwardedNomination(
        row.rowNumber,
        code,
        cellText(row.get(FORWARDED_HEADERS[1])),
        cellText(row.get(ORIGIN_HEADER)),
        at.date,
        at.text,
        answersOf((h) => row.get(h)),
      ),
    );
  }
  return out;
}

/**
 * `Đề nghị gửi cấp trên`: every eligible nomination of this campaign, its own (no `Nguồn`) and its children's, in the
 * order its rules judged them (the order of `verdicts`).
 */
export function sendUpTab(verdicts: ReadonlyMap<JudgedResponse, NominationVerdict>): TabWrite {
  const rows: Cell[][] = [[...SEND_UP_HEADERS]];
  // Each row made at its full length: a row grown by pushes keeps room to spare as long as the plan.
  verdicts.forEach((v, r) => {
    if (v.status !== 'Đủ điều kiện') return;
    const row = new Array<Cell>(SEND_UP_HEADERS.length);
    row[0] = v.unitCode;
    row[1] = r instanceof ForwardedNomination ? r.origin : '';
    row[2] = r.timestampText;
    for (let i = 0; i < FORWARDED_ANSWER_HEADERS.length; i++)
      row[3 + i] = r.values.get(FORWARDED_ANSWER_HEADERS[i]) ?? '';
    rows.push(row);
  });
  return { tab: TAB.sendUp, rows };
}

/** A child's `Đề nghị gửi cấp trên` as read, by header; rows without a unit are skipped. */
function sendUpRows(rows: readonly (readonly Cell[])[]): ((header: string) => Cell | undefined)[] {
  if (rows.length === 0) return [];
  const headers = rows[0].map((c) => cellText(c));
  return rows.slice(1).flatMap((row) => {
    const cell = (h: string) => {
      const i = headers.indexOf(h);
      return i < 0 ? undefined : row[i];
    };
    return unitCode(cell('Mã đơn vị')) === '' ? [] : [cell];
  });
}

export interface ForwardInput {
  readonly bodies: readonly Body[];
  /** By body code: the child's `Đề nghị gửi cấp trên` as read, or undefined (older child, or not read). */
  readonly sendUp: ReadonlyMap<string, readonly (readonly Cell[])[] | undefined>;
  /** This roll-up's rows of `Tổng hợp cấp dưới`: a child not read keeps its last forwarded nominations. */
  readonly childRows: readonly ChildRow[];
  /** This parent's `Đề nghị cấp dưới` as it stands. */
  readonly previous: readonly (readonly Cell[])[] | undefined;
}

/** The parent's `Đề nghị cấp dưới` after a roll-up, bodies in `Đơn vị` order. */
export function forwardedTab(input: ForwardInput): TabWrite {
  const previous = sendUpRows(input.previous ?? []);
  const status = new Map(input.childRows.map((r) => [r.code, r.status]));
  const rows: Cell[][] = [[...FORWARDED_HEADERS]];
  for (const body of input.bodies) {
    if (status.get(body.code) === CHILD_STATUS.read) {
      for (const cell of sendUpRows(input.sendUp.get(body.code) ?? []))
        rows.push([
          body.code,
          body.spreadsheet,
          originPath(unitCode(cell('Mã đơn vị')), cellText(cell(ORIGIN_HEADER))),
          cell('Dấu thời gian') ?? '',
          ...FORWARDED_ANSWER_HEADERS.map((h) => cell(h) ?? ''),
        ]);
      continue;
    }
    // Not read this time: its last good nominations, from the same spreadsheet only.
    for (const cell of previous)
      if (unitCode(cell('Mã đơn vị')) === body.code && cellText(cell(FORWARDED_HEADERS[1])) === body.spreadsheet)
        rows.push(FORWARDED_HEADERS.map((h) => cell(h) ?? ''));
  }
  return { tab: TAB.forwarded, rows };
}
