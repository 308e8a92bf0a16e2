// HTML building blocks of the local web view: escaping, the page layout and its stylesheet.

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for element content and double-quoted attributes. */
export function esc(value: string | number | boolean | null | undefined): string {
  return String(value ?? '').replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/** Status words coloured like the conditional formatting setup-sheets adds to the spreadsheet. */
export function statusClass(text: string): string {
  const t = text.normalize('NFC').trim();
  if (t === 'Quá hạn' || t === 'Không hợp lệ') return 'bad';
  if (/^Thiếu \d+$/.test(t)) return 'warn';
  if (t === 'Hợp lệ' || t === 'Đã nộp' || t === 'Đủ') return 'ok';
  return '';
}

const CSS = `
*{box-sizing:border-box}body{font-family:system-ui,"Segoe UI",Roboto,Arial,sans-serif;margin:0;color:#202124;background:#f6f8fc}
header{background:#1a5c2e;color:#fff;padding:10px 20px}header a{color:#fff;margin-right:16px;text-decoration:none}
header strong{margin-right:24px}main{padding:16px 20px;max-width:1400px}
h1{font-size:1.4em}h2{font-size:1.15em;margin-top:1.4em}
table.grid{border-collapse:collapse;background:#fff;font-size:14px}
table.grid th,table.grid td{border:1px solid #dadce0;padding:4px 8px;vertical-align:top;white-space:pre-wrap;max-width:420px}
table.grid th{background:#e8f0fe;position:sticky;top:0}
td.bad{background:#f4c7c3}td.warn{background:#fce8b2}td.ok{background:#b7e1cd}
tr.hl td{outline:2px solid #1a73e8}
.bar{background:#e0e0e0;border-radius:3px;height:16px;min-width:160px;position:relative}
.bar>span{display:block;height:100%;background:#34a853;border-radius:3px}
.bar.level>span{background:#4285f4}.bar>em{position:absolute;left:6px;top:0;font-size:12px;font-style:normal;line-height:16px}
.card{background:#fff;border:1px solid #dadce0;border-radius:8px;padding:12px 16px;margin:12px 0}
form.gform{max-width:760px}.q{background:#fff;border:1px solid #dadce0;border-radius:8px;padding:14px 18px;margin:10px 0}
.q .title{font-weight:600;display:block}.q .help{color:#5f6368;font-size:13px;margin:4px 0 8px}
.q input[type=text],.q input[type=email],.q input[type=number],.q textarea,.q select{width:100%;padding:6px;font:inherit}
.q textarea{min-height:90px}.req{color:#d93025}.err{color:#d93025;font-size:13px;margin-top:6px}
.errors{background:#fce8e6;border:1px solid #d93025;border-radius:8px;padding:8px 16px}
button{background:#1a5c2e;color:#fff;border:0;border-radius:4px;padding:8px 20px;font:inherit;cursor:pointer}
.muted{color:#5f6368;font-size:13px}iframe.mail{width:100%;height:520px;border:1px solid #dadce0;background:#fff}
pre.mail{background:#fff;border:1px solid #dadce0;padding:12px;white-space:pre-wrap;font-family:inherit}
`;

export function page(title: string, body: string, script = ''): string {
  return `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${esc(title)} · Thi đua</title><style>${CSS}</style></head>
<body><header><strong>Thi đua (cục bộ)</strong><a href="/">Tổng quan</a><a href="/tabs/${encodeURIComponent('Tổng hợp')}">Tổng hợp</a><a href="/tabs/${encodeURIComponent('Kiểm tra')}">Kiểm tra</a><a href="/outbox">Hộp thư đi</a></header>
<main>${body}</main>${script ? `<script>${script}</script>` : ''}</body></html>`;
}

/** A table of formatted cells, the first row being the header. `highlight` marks 1-based sheet rows. */
export function grid(values: readonly (readonly string[])[], highlight: ReadonlySet<number> = new Set()): string {
  if (values.length === 0) return '<p class="muted">Trang tính chưa có dữ liệu.</p>';
  const width = Math.max(...values.map((r) => r.length));
  const head = values[0];
  const th = Array.from({ length: width }, (_, i) => `<th>${esc(head[i] ?? '')}</th>`).join('');
  const rows = values.slice(1).map((row, r) => {
    const tds = Array.from({ length: width }, (_, i) => {
      const text = row[i] ?? '';
      const cls = statusClass(text);
      return `<td${cls ? ` class="${cls}"` : ''}>${esc(text)}</td>`;
    });
    const sheetRow = r + 2;
    return `<tr data-row="${sheetRow}"${highlight.has(sheetRow) ? ' class="hl"' : ''}>${tds.join('')}</tr>`;
  });
  return `<table class="grid"><thead><tr>${th}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
}
