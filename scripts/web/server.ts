// The local web view: live tabs, the outbox and the forms, server-rendered over node:http.
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { listenLocal } from '../stack/ports.ts';
import { BodyTooLarge, decodeSegment, guard, MalformedUrl, type Refusal } from '../stack/local-guard.ts';
import { FORMS, TAB, TIMESTAMP_HEADER, UNIT_SECRET_HEADER } from '../../sheets-schema/index.ts';
import type { FormDef, Question } from '../../sheets-schema/index.ts';
import { createSheetsClient } from '../../functions/gateways/sheets-client.ts';
import { openSpreadsheet } from '../../functions/gateways/spreadsheet.ts';
import { quoteSheet } from '../../functions/core/a1.ts';
import { DEFAULT_TIME_ZONE, cellText } from '../../functions/core/cells.ts';
import { findVerdict } from './check.ts';
import { renderDashboard } from './dashboard.ts';
import { FORM_SCRIPT, renderForm } from './form-page.ts';
import { esc, grid, page, statusClass } from './html.ts';
import { fetchOutbox, renderMessage, renderOutbox } from './outbox.ts';
import { awardsFromValues, checkAnswers, criteriaFromValues, formBySlug, formSlug, questionsOf } from './questions.ts';
import { listTabs, readHeaders, readRange, readTabText } from './sheet-io.ts';
import { saveResponse, type SubmitContext } from './submit.ts';

export interface WebViewOptions {
  port?: number;
  host?: '127.0.0.1';
  sheetsRootUrl: string;
  mailUrl: string;
  spreadsheetId: string;
  ingestUrl: string;
  ingestSecret: string;
  timeZone?: string;
  /** The clock for response timestamps (the local stack may run on a simulated date). */
  now?: () => Date;
}

export interface WebView {
  readonly url: string;
  close(): Promise<void>;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

const POLL_MS = 2000;
/** The longest answers a form takes are a few tens of KB; a megabyte leaves room and bounds memory. */
const MAX_FORM_BYTES = 1_000_000;

const REFUSALS: Record<Refusal['reason'], string> = {
  'malformed-url': 'Địa chỉ trang không hợp lệ.',
  'foreign-host': 'Trang này chỉ mở được từ chính máy này, qua địa chỉ 127.0.0.1 hoặc localhost.',
  'foreign-origin': 'Yêu cầu gửi từ một trang web khác bị từ chối.',
  'not-json': 'Yêu cầu phải gửi dữ liệu JSON.',
  'too-large': 'Câu trả lời quá lớn.',
};

export async function startWebView(options: WebViewOptions): Promise<WebView> {
  const book = openSpreadsheet({
    api: createSheetsClient(options.sheetsRootUrl),
    spreadsheetId: options.spreadsheetId,
  });
  const timeZone = options.timeZone ?? DEFAULT_TIME_ZONE;
  const failure = (res: ServerResponse, status: number, message: string) =>
    send(
      res,
      status,
      page('Lỗi', `<h1>Không thực hiện được</h1><p>${esc(message)}</p><p><a href="/">Về trang tổng quan</a></p>`),
    );
  const refuse = (res: ServerResponse, refusal: Refusal) => failure(res, refusal.status, REFUSALS[refusal.reason]);
  // The page's own forms post url-encoded bodies; it has no JSON endpoint that takes a body.
  const guarded = {
    maxBodyBytes: MAX_FORM_BYTES,
    expectsJson: () => false,
    refuse,
    hosts: [options.host ?? '127.0.0.1'],
  };
  const server = createServer(
    guard(guarded, (req, res, request) => {
      handle(req, res, request.url, request.body).catch((error: unknown) => {
        if (res.headersSent) return void res.end();
        if (error instanceof BodyTooLarge) return failure(res, 413, REFUSALS['too-large']);
        if (error instanceof MalformedUrl) return failure(res, 400, REFUSALS['malformed-url']);
        const status = error instanceof HttpError ? error.status : 500;
        const message =
          error instanceof HttpError
            ? error.message
            : `Lỗi máy chủ: ${error instanceof Error ? error.message : String(error)}`;
        failure(res, status, message);
      });
    }),
  );
  const listening = await listenLocal(server, options.port, options.host);
  // With the trailing slash, like the Sheets server's URL: callers build links as `${url}forms/...`.
  const url = `${listening.origin}/`;
  const ctx: SubmitContext = {
    book,
    webUrl: url,
    ingestUrl: options.ingestUrl,
    ingestSecret: options.ingestSecret,
    timeZone,
    now: options.now ?? (() => new Date()),
  };

  async function handle(req: IncomingMessage, res: ServerResponse, u: URL, read: () => Promise<Buffer>): Promise<void> {
    const parts = u.pathname
      .split('/')
      .filter((p) => p !== '')
      .map((p) => decodeSegment(p).normalize('NFC'));
    const method = req.method ?? 'GET';
    if (method === 'GET' && u.pathname === '/healthz') return json(res, 200, { status: 'ok' });
    if (method === 'GET' && parts.length === 0) return send(res, 200, await overview());
    if (method === 'GET' && parts[0] === 'tabs' && parts.length === 2)
      return send(res, 200, await tabPage(parts[1], u));
    if (method === 'GET' && parts[0] === 'api' && parts[1] === 'tabs' && parts.length === 3) {
      const html = await tabFragment(parts[2], u);
      return json(res, 200, { hash: hash(html), html });
    }
    if (method === 'GET' && parts[0] === 'outbox' && parts.length === 1) {
      const messages = await fetchOutbox(options.mailUrl);
      return send(res, 200, page('Hộp thư đi', renderOutbox(messages, timeZone), pollScript('/api/outbox', 'reload')));
    }
    if (method === 'GET' && parts[0] === 'outbox' && parts.length === 3) {
      const messages = await fetchOutbox(options.mailUrl);
      const html = renderMessage(messages, parts[1], Number(parts[2]), timeZone);
      if (!html) throw new HttpError(404, 'Không tìm thấy thư này trong hộp thư đi.');
      return send(res, 200, page('Thư', html));
    }
    if (method === 'GET' && u.pathname === '/api/outbox') {
      const messages = await fetchOutbox(options.mailUrl);
      return json(res, 200, { hash: hash(JSON.stringify(messages.map((m) => m.id))) });
    }
    if (parts[0] === 'forms' && (parts.length === 2 || (parts.length === 4 && parts[2] === 'edit'))) {
      const form = formBySlug(parts[1]);
      if (!form) throw new HttpError(404, `Không có biểu mẫu "${parts[1]}".`);
      const editRow = parts.length === 4 ? rowNumber(parts[3]) : undefined;
      if (method === 'GET') return send(res, 200, await formPage(form, u, editRow));
      if (method === 'POST')
        return send(res, 200, await submit(form, new URLSearchParams((await read()).toString('utf8')), editRow));
    }
    if (method === 'GET' && parts[0] === 'check' && parts.length === 3)
      return send(res, 200, await checkPage(parts[1], rowNumber(parts[2])));
    if (method === 'GET' && parts[0] === 'api' && parts[1] === 'check' && parts.length === 4) {
      const html = await checkFragment(parts[2], rowNumber(parts[3]));
      return json(res, 200, { hash: hash(html), html });
    }
    throw new HttpError(404, 'Không tìm thấy trang này.');
  }

  async function overview(): Promise<string> {
    const tabs = await listTabs(book);
    const tabLinks = tabs
      .map((t) => `<li><a href="/tabs/${encodeURIComponent(t.title)}">${esc(t.title)}</a></li>`)
      .join('');
    const formLinks = FORMS.map(
      (f) =>
        `<li><a href="/forms/${formSlug(f.tab)}">${esc(f.title)}</a> <span class="muted">(${esc(f.tab)})</span></li>`,
    ).join('');
    return page(
      'Tổng quan',
      `<h1>Tổng quan</h1>
<section class="card"><h2>Biểu mẫu</h2><ul>${formLinks}</ul></section>
<section class="card"><h2>Trang tính</h2><ul>${tabLinks}</ul></section>
<section class="card"><h2>Thư đã gửi</h2><p><a href="/outbox">Mở hộp thư đi</a></p></section>`,
    );
  }

  async function tabFragment(tab: string, u: URL): Promise<string> {
    const values = await readTabText(book, tab);
    if (tab === TAB.dashboard) return renderDashboard(values);
    const highlight = new Set(u.searchParams.getAll('row').map(Number).filter(Number.isInteger));
    return grid(values, highlight);
  }

  async function tabPage(tab: string, u: URL): Promise<string> {
    const known = (await listTabs(book)).some((t) => t.title === tab);
    if (!known) throw new HttpError(404, `Bảng tính không có trang "${tab}".`);
    const apiPath = `/api/tabs/${encodeURIComponent(tab)}${u.search}`;
    return page(
      tab,
      `<h1>${esc(tab)}</h1><p class="muted">Tự cập nhật mỗi ${POLL_MS / 1000} giây khi dữ liệu thay đổi.</p><div id="live">${await tabFragment(tab, u)}</div>`,
      pollScript(apiPath, 'replace'),
    );
  }

  /** The catalogue tab, or the shipped awards when the spreadsheet predates it. */
  async function awards() {
    const known = (await listTabs(book)).some((t) => t.title === TAB.catalogue);
    return awardsFromValues(known ? await readRange(book, quoteSheet(TAB.catalogue), 'UNFORMATTED_VALUE') : undefined);
  }

  async function criteria() {
    return criteriaFromValues(await readRange(book, quoteSheet(TAB.criteria), 'UNFORMATTED_VALUE'));
  }

  async function formPage(form: FormDef, u: URL, editRow?: number): Promise<string> {
    const questions = questionsOf(form, await criteria(), await awards());
    const answers: Record<string, string> = {};
    if (editRow !== undefined) {
      Object.assign(answers, await existingAnswers(form, questions, editRow));
    } else {
      for (const [key, value] of u.searchParams) {
        // `unit` and `secret` keep the prefilled links ASCII, as Google's `entry.N` parameters are.
        const header = key === 'unit' ? 'Mã đơn vị' : key === 'secret' ? UNIT_SECRET_HEADER : key.normalize('NFC');
        if (questions.some((q) => q.header === header)) answers[header] = value.normalize('NFC');
      }
    }
    return page(
      form.title,
      renderForm({ form, questions, answers, errors: new Map(), action: actionOf(form, editRow), editRow }),
      FORM_SCRIPT,
    );
  }

  async function existingAnswers(
    form: FormDef,
    questions: readonly Question[],
    row: number,
  ): Promise<Record<string, string>> {
    const headers = await readHeaders(book, form.tab);
    const [values] = await readRange(book, `${quoteSheet(form.tab)}!A${row}:${row}`, 'UNFORMATTED_VALUE');
    if (!values || values.every((c) => cellText(c) === ''))
      throw new HttpError(404, `Không tìm thấy câu trả lời ở dòng ${row}.`);
    const answers: Record<string, string> = {};
    for (const q of questions) {
      const i = headers.indexOf(q.header);
      if (i >= 0) answers[q.header] = cellText(values[i]);
    }
    return answers;
  }

  async function submit(form: FormDef, body: URLSearchParams, editRow?: number): Promise<string> {
    const questions = questionsOf(form, await criteria(), await awards());
    const answers: Record<string, string> = {};
    for (const q of questions) answers[q.header] = (body.get(q.header) ?? '').normalize('NFC');
    const errors = checkAnswers(questions, answers);
    if (errors.size > 0) {
      return page(
        form.title,
        renderForm({ form, questions, answers, errors, action: actionOf(form, editRow), editRow }),
        FORM_SCRIPT,
      );
    }
    if (editRow !== undefined) await existingAnswers(form, questions, editRow);
    const saved = await saveResponse(ctx, form, questions, answers, editRow);
    const slug = formSlug(form.tab);
    return page(
      'Đã ghi nhận',
      `<section class="card" id="confirmation"><h1>${esc(form.title)}</h1>
<p><strong>${editRow === undefined ? 'Câu trả lời của bạn đã được ghi nhận.' : 'Câu trả lời đã được cập nhật.'}</strong></p>
${saved.ingest === 'ok' ? '' : `<p class="muted">${esc(saved.ingest)}</p>`}
<ul><li><a id="check-link" href="/check/${slug}/${saved.row}">Xem kết quả kiểm tra</a></li>
<li><a href="/outbox">Xem hộp thư đi</a></li>
<li><a id="edit-link" href="${esc(new URL(saved.editLink).pathname)}">Chỉnh sửa câu trả lời</a></li>
<li><a href="/forms/${slug}">Gửi câu trả lời khác</a></li></ul></section>`,
    );
  }

  async function checkFragment(slug: string, row: number): Promise<string> {
    const form = formBySlug(slug);
    if (!form) throw new HttpError(404, `Không có biểu mẫu "${slug}".`);
    const headers = await readHeaders(book, form.tab);
    const [values] = await readRange(book, `${quoteSheet(form.tab)}!A${row}:${row}`, 'UNFORMATTED_VALUE');
    const response = {
      unit: values?.[headers.indexOf('Mã đơn vị')],
      submittedAt: values?.[headers.indexOf(TIMESTAMP_HEADER)],
    };
    const checks = await readRange(book, quoteSheet(TAB.checks), 'UNFORMATTED_VALUE');
    const verdict = findVerdict(checks, form.tab, row, response, timeZone);
    if (!verdict) return '<p class="muted" id="status">Đang chờ kiểm tra…</p>';
    const errors = verdict.errors.length
      ? `<ul id="errors">${verdict.errors.map((e) => `<li>${esc(e)}</li>`).join('')}</ul>`
      : '';
    const extra = verdict.extra.map((x) => `<p>${esc(x.header)}: ${esc(x.text)}</p>`).join('');
    const cls = statusClass(verdict.status);
    return `<table class="grid"><tr><th>Trạng thái</th><td id="status" class="${cls}">${esc(verdict.status)}</td></tr></table>${errors}${extra}
<p class="muted"><a href="/tabs/${encodeURIComponent(TAB.checks)}?row=${verdict.checkRow}">Dòng ${verdict.checkRow} của trang Kiểm tra</a></p>`;
  }

  async function checkPage(slug: string, row: number): Promise<string> {
    const form = formBySlug(slug);
    if (!form) throw new HttpError(404, `Không có biểu mẫu "${slug}".`);
    return page(
      'Kết quả kiểm tra',
      `<h1>Kết quả kiểm tra</h1><p>${esc(form.title)}, dòng ${row}. <a href="/forms/${slug}/edit/${row}">Chỉnh sửa câu trả lời</a> · <a href="/outbox">Hộp thư đi</a></p>
<div id="live">${await checkFragment(slug, row)}</div>`,
      pollScript(`/api/check/${slug}/${row}`, 'replace'),
    );
  }

  return {
    url,
    close: listening.close,
  };
}

function actionOf(form: FormDef, editRow?: number): string {
  return `/forms/${formSlug(form.tab)}${editRow === undefined ? '' : `/edit/${editRow}`}`;
}

function rowNumber(text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 2) throw new HttpError(404, `Số dòng "${text}" không hợp lệ.`);
  return n;
}

function hash(text: string): string {
  return createHash('sha1').update(text).digest('hex');
}

/** Polls a JSON endpoint; on a changed hash replaces #live with the new HTML, or reloads the page. */
function pollScript(path: string, mode: 'replace' | 'reload'): string {
  return `(function(){var last=null;function tick(){fetch(${JSON.stringify(path)},{cache:'no-store'}).then(function(r){return r.json();}).then(function(d){
if(last!==null&&d.hash!==last){${mode === 'replace' ? "var el=document.getElementById('live');if(el)el.innerHTML=d.html;" : 'location.reload();return;'}}
last=d.hash;}).catch(function(){}).then(function(){setTimeout(tick,${POLL_MS});});}tick();})();`;
}

function send(res: ServerResponse, status: number, html: string): void {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  res.end(html);
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}
