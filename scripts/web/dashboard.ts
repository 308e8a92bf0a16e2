// `Tổng hợp` as a dashboard: the tab's blank-row-separated sections as cards, with CSS bars for shares and counts.
import { formatNumber } from '../../functions/core/format.ts';
import { esc, grid } from './html.ts';

const LEVEL_LABELS = new Set(['Xuất sắc', 'Khá', 'Trung bình', 'Yếu', 'Chưa xếp loại']);

export interface Section {
  readonly title: string;
  readonly rows: readonly (readonly string[])[];
}

/** Splits formatted rows into sections: a run of non-blank rows; a one-cell first row is the section's title. */
export function splitSections(values: readonly (readonly string[])[]): Section[] {
  const sections: Section[] = [];
  let current: string[][] = [];
  const flush = () => {
    if (current.length === 0) return;
    const first = current[0].filter((c) => c.trim() !== '');
    const titled = first.length === 1 && current[0][0].trim() !== '' && current.length > 1;
    sections.push({ title: titled ? first[0] : '', rows: titled ? current.slice(1) : current });
    current = [];
  };
  for (const row of values) {
    if (row.every((c) => c.trim() === '')) flush();
    else current.push([...row]);
  }
  flush();
  return sections;
}

/** "85%", "85,5 %", or a bare number under a percent header ("Tỷ lệ (%)": already 0..100) → 0..100; else null. */
export function percentOf(text: string, percentHeader: boolean): number | null {
  const t = text.trim().replace(/\s/g, '');
  const m = /^(-?\d+(?:[.,]\d+)?)%$/.exec(t);
  if (m) return clamp(Number(m[1].replace(',', '.')));
  if (percentHeader && /^-?\d+(?:[.,]\d+)?$/.test(t)) return clamp(Number(t.replace(',', '.')));
  return null;
}

function clamp(n: number): number {
  return Math.max(0, Math.min(100, n));
}

function bar(share: number, label: string, cls = ''): string {
  return `<div class="bar ${cls}" title="${esc(label)}"><span style="width:${share.toFixed(1)}%"></span><em>${esc(label)}</em></div>`;
}

function sectionChart(section: Section): string {
  const [head, ...body] = section.rows;
  if (!head || body.length === 0) return '';
  const pctCol = head.findIndex((h) => /%|tỷ lệ|tỉ lệ/i.test(h));
  if (pctCol > 0) {
    const items = body
      .map((r) => ({ label: labelOf(head, r), pct: percentOf(r[pctCol] ?? '', true) }))
      .filter((i): i is { label: string; pct: number } => i.pct !== null && i.label !== '');
    if (items.length === 0) return '';
    return `<table class="chart">${items
      .map((i) => `<tr><td>${esc(i.label)}</td><td>${bar(i.pct, `${formatNumber(i.pct, 1)}%`)}</td></tr>`)
      .join('')}</table>`;
  }
  const levelRows = body.filter((r) => LEVEL_LABELS.has((r[0] ?? '').trim()) && /^\d+$/.test((r[1] ?? '').trim()));
  if (levelRows.length >= 2) {
    const max = Math.max(1, ...levelRows.map((r) => Number(r[1])));
    return `<table class="chart">${levelRows
      .map((r) => `<tr><td>${esc(r[0])}</td><td>${bar((Number(r[1]) / max) * 100, r[1], 'level')}</td></tr>`)
      .join('')}</table>`;
  }
  return '';
}

/** The row's code, with its name when the next column holds one (`DK – Đăng ký thi đua`). */
function labelOf(head: readonly string[], row: readonly string[]): string {
  const code = row[0] ?? '';
  const name = /^Tên/.test(head[1] ?? '') ? (row[1] ?? '').trim() : '';
  return name ? `${code} – ${name}` : code;
}

export function renderDashboard(values: readonly (readonly string[])[]): string {
  const sections = splitSections(values);
  if (sections.length === 0) return '<p class="muted">Bảng tổng hợp chưa có dữ liệu: hãy chạy ingest.</p>';
  return sections
    .map((s) => {
      const chart = sectionChart(s);
      return `<section class="card">${s.title ? `<h2>${esc(s.title)}</h2>` : ''}${chart}${grid(s.rows)}</section>`;
    })
    .join('');
}
