// Fills a .docx template's {placeholders} (docxtemplater); a broken or unknown placeholder is a Vietnamese error that
// names the template and the placeholder, so a coordinator who edited the template knows what to fix.
import Docxtemplater from 'docxtemplater';
import PizZip from 'pizzip';

export class DocumentTemplateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DocumentTemplateError';
  }
}

interface TemplaterError {
  readonly message?: string;
  readonly properties?: {
    readonly id?: string;
    readonly xtag?: string;
    readonly explanation?: string;
    readonly errors?: readonly TemplaterError[];
  };
}

const FIX =
  'Sửa mẫu trong Word hoặc LibreOffice (mỗi thẻ viết liền trong một cặp ngoặc nhọn, ví dụ {nam}) rồi chạy lại.';

/** One Vietnamese line per problem docxtemplater found, naming the placeholder as the coordinator typed it. */
function describe(e: TemplaterError): string {
  const p = e.properties ?? {};
  const tag = p.xtag ?? '';
  switch (p.id) {
    case 'unclosed_tag':
      return `thẻ "{${tag}" thiếu dấu "}" đóng`;
    case 'unopened_tag':
      return `thẻ "${tag}}" thiếu dấu "{" mở`;
    case 'duplicate_open_tag':
      return `thẻ "${tag}" có hai dấu "{" liền nhau`;
    case 'duplicate_close_tag':
      return `thẻ "${tag}" có hai dấu "}" liền nhau`;
    case 'unclosed_loop':
      return `khối "{#${tag}}" không có thẻ đóng "{/${tag}}"`;
    case 'unopened_loop':
      return `thẻ đóng "{/${tag}}" không có thẻ mở "{#${tag}}"`;
    case 'closing_tag_does_not_match_opening_tag':
      return `thẻ đóng không khớp với thẻ mở "{#${tag}}"`;
    default:
      return `thẻ "${tag}": ${p.explanation ?? e.message ?? 'không đọc được'}`;
  }
}

/** The placeholders a template may use: the data's keys, and those of the items of its lists. */
function knownNames(data: Record<string, unknown>): string[] {
  const names = new Set<string>();
  const walk = (o: Record<string, unknown>) => {
    for (const [k, v] of Object.entries(o)) {
      names.add(k);
      if (Array.isArray(v))
        for (const item of v) if (item && typeof item === 'object') walk(item as Record<string, unknown>);
    }
  };
  walk(data);
  return [...names].sort();
}

/** The filled document. `template` is the file's name, for the messages. */
export function renderDocx(template: string, bytes: Uint8Array, data: Record<string, unknown>): Uint8Array {
  let zip: PizZip;
  try {
    zip = new PizZip(bytes);
  } catch {
    throw new DocumentTemplateError(
      `Mẫu văn bản "${template}" không phải tệp .docx đọc được. Lưu lại mẫu ở định dạng Word (.docx).`,
    );
  }
  const unknown = new Set<string>();
  let doc: Docxtemplater;
  try {
    doc = new Docxtemplater(zip, {
      paragraphLoop: true,
      errorLogging: false,
      linebreaks: true,
      nullGetter: (part: { value?: string; module?: string }) => {
        if (part.value !== undefined) unknown.add(part.value);
        return '';
      },
    });
    doc.render(data);
  } catch (error) {
    const e = error as TemplaterError;
    const problems = e.properties?.errors?.length ? e.properties.errors : [e];
    throw new DocumentTemplateError(
      `Mẫu văn bản "${template}" có thẻ hỏng: ${problems.map(describe).join('; ')}. ${FIX}`,
    );
  }
  if (unknown.size > 0) {
    const names = [...unknown].map((n) => `{${n}}`).join(', ');
    throw new DocumentTemplateError(
      `Mẫu văn bản "${template}" có thẻ không có trong dữ liệu: ${names}. Các thẻ dùng được: ${knownNames(data).join(', ')}.`,
    );
  }
  // docxtemplater types getZip() as any; it is the PizZip the document was opened from.
  return (doc.getZip() as PizZip).generate({ type: 'uint8array', compression: 'DEFLATE' });
}
