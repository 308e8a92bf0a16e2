// The documents a coordinator sends to the level above (reports, commendation files) as .docx files, filled from the
// campaign's evaluation. Pure: templates come in as bytes, files go out as bytes; the caller reads and writes them.
import { nameKey } from '../core/cells.ts';
import { setting } from '../core/settings.ts';
import {
  achievementData,
  awardsToPropose,
  eligibleNominees,
  isCollective,
  listData,
  proposalData,
  reportData,
  type DocumentSource,
} from './data.ts';
import { renderDocx } from './render.ts';

export { DocumentTemplateError } from './render.ts';
export type { DocumentSource } from './data.ts';

/** The template files under `templates/documents/`, one per kind of document. */
export const TEMPLATE_FILES = {
  interimReport: 'bao-cao-so-ket.docx',
  finalReport: 'bao-cao-tong-ket.docx',
  proposal: 'to-trinh.docx',
  list: 'danh-sach.docx',
  collectiveAchievement: 'bao-cao-thanh-tich-tap-the.docx',
  individualAchievement: 'bao-cao-thanh-tich-ca-nhan.docx',
} as const;

export type TemplateFile = (typeof TEMPLATE_FILES)[keyof typeof TEMPLATE_FILES];

/** File name → the template's bytes (see `loadDocumentTemplates`). */
export type DocumentTemplates = ReadonlyMap<string, Uint8Array>;

export type DocumentKind = 'bao-cao-so-ket' | 'bao-cao-tong-ket' | 'to-trinh' | 'danh-sach' | 'bao-cao-thanh-tich';

export interface DocumentFile {
  /** A file name people read (Vietnamese, NFC), without characters Windows or Drive refuse. */
  readonly name: string;
  readonly kind: DocumentKind;
  readonly bytes: Uint8Array;
}

/** Characters no file system we deliver to accepts in a name, and runs of spaces. */
function fileName(text: string): string {
  return `${text
    .normalize('NFC')
    .replace(/["“”]/g, '')
    // eslint-disable-next-line no-control-regex -- control characters cannot be in a file name.
    .replace(/[\\/:*?<>|\u0000-\u001f]+/g, '-')
    .replace(/\s+/g, ' ')
    .trim()}.docx`;
}

/**
 * Every document of the campaign at `now`: the interim and final reports, then for each award with an eligible
 * nominee its tờ trình and danh sách, then one báo cáo thành tích per eligible nominee. Names are unique.
 */
export function generateDocuments(source: DocumentSource, templates: DocumentTemplates, now: Date): DocumentFile[] {
  const template = (file: TemplateFile): Uint8Array => {
    const bytes = templates.get(file);
    if (!bytes) throw new Error(`Document template ${file} was not passed to generateDocuments.`);
    return bytes;
  };
  const year = setting(source.evaluation.settings, 'Năm');
  const files: DocumentFile[] = [];
  const used = new Set<string>();
  const add = (kind: DocumentKind, title: string, file: TemplateFile, data: Record<string, unknown>) => {
    let name = fileName(title);
    for (let n = 2; used.has(nameKey(name)); n++) name = fileName(`${title} (${n})`);
    used.add(nameKey(name));
    files.push({ name, kind, bytes: renderDocx(file, template(file), data) });
  };

  add('bao-cao-so-ket', `Báo cáo sơ kết ${year}`, TEMPLATE_FILES.interimReport, reportData(source, 'interim', now));
  add('bao-cao-tong-ket', `Báo cáo tổng kết ${year}`, TEMPLATE_FILES.finalReport, reportData(source, 'final', now));
  const nominees = eligibleNominees(source.evaluation);
  for (const award of awardsToPropose(source.evaluation, nominees)) {
    add('to-trinh', `Tờ trình đề nghị ${award}`, TEMPLATE_FILES.proposal, proposalData(source, award, nominees, now));
    add('danh-sach', `Danh sách đề nghị ${award}`, TEMPLATE_FILES.list, listData(source, award, nominees, now));
  }
  for (const n of nominees) {
    const collective = isCollective(n);
    add(
      'bao-cao-thanh-tich',
      `Báo cáo thành tích - ${n.verdict.nominee} - ${n.verdict.unitCode}`,
      collective ? TEMPLATE_FILES.collectiveAchievement : TEMPLATE_FILES.individualAchievement,
      achievementData(source, n, now),
    );
  }
  return files;
}
