// What must hold after any failure: every response judged once, no email sent twice, the next run finishing the work.
import { expect } from 'vitest';
import { TAB } from '../../sheets-schema/index.ts';
import type { Cell } from '../../functions/core/cells.ts';
import { FORMS } from '../../sheets-schema/index.ts';
import { keyItems } from '../../functions/jobs/mail-log.ts';
import type { CampaignStack } from './campaign-stack.ts';

/** email_key → how many times the mail server accepted it. */
export function deliveries(stack: CampaignStack): Map<string, number> {
  const counts = new Map<string, number>();
  for (const message of stack.mail.outbox())
    for (const r of message.rendered) counts.set(r.email_key ?? '', (counts.get(r.email_key ?? '') ?? 0) + 1);
  return counts;
}

/** No email went out twice, and no item (a receipt, a reminder step, a unit's day) went out in two emails. */
export function expectNoDuplicateEmails(stack: CampaignStack): void {
  const twice = [...deliveries(stack)].filter(([, n]) => n > 1);
  expect(twice).toEqual([]);
  const items = new Map<string, number>();
  for (const [key, n] of deliveries(stack))
    for (const item of keyItems(key)) items.set(item, (items.get(item) ?? 0) + n);
  expect([...items].filter(([, n]) => n > 1)).toEqual([]);
}

/** Every non-empty response row of every form has exactly one `Kiểm tra` row. */
export async function expectEveryResponseChecked(stack: CampaignStack): Promise<void> {
  const tabs = await stack.read([TAB.checks, ...FORMS.map((f) => f.tab)]);
  const want: string[] = [];
  for (const form of FORMS) {
    (tabs.get(form.tab) ?? []).forEach((row, i) => {
      if (i > 0 && row.some((c: Cell) => String(c).trim() !== '')) want.push(`${form.tab}#${i + 1}`);
    });
  }
  const [header = [], ...rows] = tabs.get(TAB.checks) ?? [];
  const formCol = header.indexOf('Biểu mẫu');
  const rowCol = header.indexOf('Dòng');
  const statusCol = header.indexOf('Trạng thái');
  const got = rows.filter((r) => String(r[formCol] ?? '') !== '').map((r) => `${r[formCol]}#${r[rowCol]}`);
  expect(got.sort()).toEqual(want.sort());
  for (const r of rows) if (String(r[formCol] ?? '') !== '') expect(['Hợp lệ', 'Không hợp lệ']).toContain(r[statusCol]);
}

/** After a clean run: every key the log holds was delivered exactly once, and nothing is left failed. */
export async function expectWorkComplete(stack: CampaignStack): Promise<void> {
  const log = (await stack.read([TAB.mailLog])).get(TAB.mailLog) ?? [];
  const [header = [], ...rows] = log;
  const key = header.indexOf('Khóa');
  const status = header.indexOf('Trạng thái');
  const last = new Map<string, string>();
  const holding = new Set<string>();
  for (const r of rows) {
    const s = String(r[status] ?? '');
    last.set(String(r[key]), s);
    if (s === 'Đã gửi' || s === 'Đang gửi') holding.add(String(r[key]));
  }
  const failed = [...last].filter(([k, s]) => s === 'Lỗi' && !holding.has(k)).map(([k]) => k);
  expect(failed).toEqual([]);
  const delivered = deliveries(stack);
  expect([...holding].filter((k) => delivered.get(k) !== 1)).toEqual([]);
  expect([...delivered.keys()].filter((k) => !holding.has(k))).toEqual([]);
}
