// Recording a form response exactly as Google Forms and our Apps Script trigger do, then notifying `ingest`.
import type { FormDef, Question } from '../../sheets-schema/index.ts';
import { EDIT_LINK_HEADER, TIMESTAMP_HEADER } from '../../sheets-schema/index.ts';
import type { Spreadsheet } from '../../functions/gateways/spreadsheet.ts';
import { quoteSheet, toLetters } from '../../functions/core/a1.ts';
import type { Cell } from '../../functions/core/cells.ts';
import { dateToSerial } from '../../functions/core/cells.ts';
import { SIGNATURE_HEADER, TIMESTAMP_HEADER as SIGNED_AT_HEADER, signPayload } from '../../functions/http/signature.ts';
import { answerCell, formSlug } from './questions.ts';
import { addHeaders, readHeaders, readRange } from './sheet-io.ts';

export interface SubmitContext {
  readonly book: Spreadsheet;
  /** The web view's own base URL, for edit links. */
  readonly webUrl: string;
  readonly ingestUrl: string;
  readonly ingestSecret: string;
  readonly timeZone: string;
  readonly now: () => Date;
}

export interface Saved {
  readonly row: number;
  readonly editLink: string;
  /** `ok`, or a Vietnamese line saying the check will come with the next sweep. */
  readonly ingest: string;
}

export function editLinkOf(webUrl: string, tab: string, row: number): string {
  return `${webUrl.replace(/\/$/, '')}/forms/${formSlug(tab)}/edit/${row}`;
}

/**
 * Appends (or, with `editRow`, rewrites in place) one response: `Dấu thời gian` as a serial date, answers under their
 * headers found by text, then the edit link in `Liên kết chỉnh sửa`, then a signed POST to ingest.
 */
export async function saveResponse(
  ctx: SubmitContext,
  form: FormDef,
  questions: readonly Question[],
  answers: Readonly<Record<string, string>>,
  editRow?: number,
): Promise<Saved> {
  const { book } = ctx;
  const tab = form.tab;
  let headers = await readHeaders(book, tab);
  const wanted = [TIMESTAMP_HEADER, ...questions.map((q) => q.header), EDIT_LINK_HEADER];
  headers = await addHeaders(
    book,
    tab,
    headers,
    wanted.filter((h) => !headers.includes(h)),
  );

  let row: Cell[] = headers.map(() => '');
  if (editRow !== undefined) {
    const [existing] = await readRange(book, `${quoteSheet(tab)}!A${editRow}:${editRow}`, 'UNFORMATTED_VALUE');
    row = headers.map((_, i) => existing?.[i] ?? '');
  }
  row[headers.indexOf(TIMESTAMP_HEADER)] = dateToSerial(ctx.now(), ctx.timeZone);
  for (const q of questions) row[headers.indexOf(q.header)] = answerCell(q, answers[q.header] ?? '');
  // The link is the trigger's to write once the row exists; an edit keeps the one already there.
  const linkCol = headers.indexOf(EDIT_LINK_HEADER);

  let rowNumber = editRow;
  if (rowNumber === undefined) rowNumber = (await book.append(`${quoteSheet(tab)}!A1`, [row]))[0].first;
  else await book.valuesBatchUpdate([{ range: `${quoteSheet(tab)}!A${rowNumber}`, values: [row] }]);

  const editLink = editLinkOf(ctx.webUrl, tab, rowNumber);
  if (row[linkCol] !== editLink) {
    await book.valuesBatchUpdate([
      { range: `${quoteSheet(tab)}!${toLetters(linkCol)}${rowNumber}`, values: [[editLink]] },
    ]);
  }
  return { row: rowNumber, editLink, ingest: await notifyIngest(ctx, tab, rowNumber) };
}

/**
 * POST {"tab","row"} signed like the Apps Script trigger; a failure is reported, never thrown (the sweep catches up).
 */
export async function notifyIngest(
  ctx: Pick<SubmitContext, 'ingestUrl' | 'ingestSecret'>,
  tab: string,
  row: number,
): Promise<string> {
  const body = JSON.stringify({ tab, row });
  const ts = Math.floor(Date.now() / 1000);
  try {
    const res = await fetch(ctx.ingestUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        [SIGNED_AT_HEADER]: String(ts),
        [SIGNATURE_HEADER]: signPayload(body, ctx.ingestSecret, ts),
      },
      body,
    });
    await res.arrayBuffer();
    if (res.ok) return 'ok';
    return `Máy chủ kiểm tra trả lời mã ${res.status}; câu trả lời đã được lưu và sẽ được kiểm tra ở lần quét kế tiếp.`;
  } catch {
    return 'Chưa gọi được máy chủ kiểm tra; câu trả lời đã được lưu và sẽ được kiểm tra ở lần quét kế tiếp.';
  }
}
