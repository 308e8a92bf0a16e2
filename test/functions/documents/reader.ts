// An independent reader of the generated .docx files for the tests: mammoth (text and tables as the document shows
// them) and jszip with plain XML matching (page size, margins, fonts) — never the templater that wrote them.
import JSZip from 'jszip';
import mammoth from 'mammoth';

export interface ReadDocument {
  /** Paragraph texts in order, tables included cell by cell. */
  readonly text: string;
  /** Each table as rows of cell texts. */
  readonly tables: string[][][];
}

function decode(html: string): string {
  return html
    .replace(/<[^>]+>/g, '')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .trim();
}

export async function readDocx(bytes: Uint8Array): Promise<ReadDocument> {
  const buffer = Buffer.from(bytes);
  const { value: text } = await mammoth.extractRawText({ buffer });
  const { value: html } = await mammoth.convertToHtml({ buffer });
  const tables = [...html.matchAll(/<table>(.*?)<\/table>/gs)].map((t) =>
    [...t[1].matchAll(/<tr>(.*?)<\/tr>/gs)].map((r) =>
      [...r[1].matchAll(/<t[dh][^>]*>(.*?)<\/t[dh]>/gs)].map((c) => decode(c[1])),
    ),
  );
  return { text: text.normalize('NFC'), tables };
}

export interface PageSetup {
  /** Twentieths of a point. */
  readonly width: number;
  readonly height: number;
  readonly margins: { readonly top: number; readonly bottom: number; readonly left: number; readonly right: number };
  readonly defaultFont: string;
  /** Half-points. */
  readonly defaultSize: number;
  /** Every font named in the document's runs. */
  readonly fonts: string[];
  readonly firstPageHeaderDiffers: boolean;
}

const attr = (xml: string, element: string, name: string): number =>
  Number(new RegExp(`<${element}\\b[^>]*\\b${name}="(\\d+)"`).exec(xml)?.[1] ?? NaN);

export async function pageSetup(bytes: Uint8Array): Promise<PageSetup> {
  const zip = await JSZip.loadAsync(bytes);
  const doc = await zip.file('word/document.xml')!.async('string');
  const styles = await zip.file('word/styles.xml')!.async('string');
  const defaults = /<w:docDefaults>(.*?)<\/w:docDefaults>/s.exec(styles)?.[1] ?? '';
  return {
    width: attr(doc, 'w:pgSz', 'w:w'),
    height: attr(doc, 'w:pgSz', 'w:h'),
    margins: {
      top: attr(doc, 'w:pgMar', 'w:top'),
      bottom: attr(doc, 'w:pgMar', 'w:bottom'),
      left: attr(doc, 'w:pgMar', 'w:left'),
      right: attr(doc, 'w:pgMar', 'w:right'),
    },
    defaultFont: /<w:rFonts\b[^>]*w:ascii="([^"]+)"/.exec(defaults)?.[1] ?? '',
    defaultSize: attr(defaults, 'w:sz', 'w:val'),
    fonts: [...new Set([...doc.matchAll(/<w:rFonts\b[^>]*w:ascii="([^"]+)"/g)].map((m) => m[1]))],
    firstPageHeaderDiffers: /<w:titlePg\b/.test(doc),
  };
}
