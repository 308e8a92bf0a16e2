// The local mail server's outbox as recipients see it: a list, and each email's HTML (sandboxed) and text parts.
import { formatDateTime } from '../../functions/core/cells.ts';
import { esc } from './html.ts';

type Address = string | { email?: string; name?: string };

export interface RenderedMail {
  readonly to?: Address | readonly Address[];
  readonly cc?: Address | readonly Address[];
  readonly subject?: string;
  readonly html?: string;
  readonly text?: string;
  readonly email_key?: string;
}

export interface OutboxMessage {
  readonly id: string;
  readonly receivedAt: string;
  readonly rendered?: readonly RenderedMail[];
}

export async function fetchOutbox(mailUrl: string): Promise<OutboxMessage[]> {
  const res = await fetch(`${mailUrl.replace(/\/$/, '')}/outbox`);
  if (!res.ok) throw new Error(`Máy chủ thư trả lời mã ${res.status} khi đọc hộp thư đi.`);
  return (await res.json()) as OutboxMessage[];
}

export function addresses(value: RenderedMail['to']): string {
  if (value === undefined) return '';
  const list = Array.isArray(value) ? value : [value];
  return list
    .map((a: Address) => (typeof a === 'string' ? a : a.name ? `${a.name} <${a.email ?? ''}>` : (a.email ?? '')))
    .join(', ');
}

function when(iso: string, timeZone: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : formatDateTime(d, timeZone);
}

export function renderOutbox(messages: readonly OutboxMessage[], timeZone: string): string {
  const rows = [...messages]
    .reverse()
    .flatMap((m) =>
      (m.rendered ?? []).map(
        (r, i) =>
          `<tr><td>${esc(when(m.receivedAt, timeZone))}</td><td>${esc(addresses(r.to))}</td><td><a href="/outbox/${encodeURIComponent(m.id)}/${i}">${esc(r.subject ?? '(không có tiêu đề)')}</a></td><td class="muted">${esc(r.email_key ?? '')}</td></tr>`,
      ),
    );
  const body = rows.length
    ? `<table class="grid" id="outbox"><thead><tr><th>Thời điểm</th><th>Người nhận</th><th>Tiêu đề</th><th>Khóa</th></tr></thead><tbody>${rows.join('')}</tbody></table>`
    : '<p class="muted">Chưa có thư nào.</p>';
  return `<h1>Hộp thư đi</h1><p class="muted">${rows.length} thư, mới nhất ở trên. Trang tự tải lại khi có thư mới.</p>${body}`;
}

/** One email as its recipient reads it; the HTML part in an iframe sandboxed without scripts. */
export function renderMessage(
  messages: readonly OutboxMessage[],
  id: string,
  index: number,
  timeZone: string,
): string | null {
  const message = messages.find((m) => m.id === id);
  const mail = message?.rendered?.[index];
  if (!message || !mail) return null;
  const cc = addresses(mail.cc);
  return `<h1>${esc(mail.subject ?? '(không có tiêu đề)')}</h1>
<table class="grid"><tr><th>Người nhận</th><td>${esc(addresses(mail.to))}</td></tr>${cc ? `<tr><th>Đồng gửi (CC)</th><td>${esc(cc)}</td></tr>` : ''}
<tr><th>Thời điểm</th><td>${esc(when(message.receivedAt, timeZone))}</td></tr><tr><th>Khóa thư</th><td>${esc(mail.email_key ?? '')}</td></tr></table>
<h2>Bản HTML</h2><iframe class="mail" sandbox="" title="Nội dung thư" srcdoc="${esc(mail.html ?? '')}"></iframe>
<h2>Bản văn bản</h2><pre class="mail">${esc(mail.text ?? '')}</pre><p><a href="/outbox">← Hộp thư đi</a></p>`;
}
