// Puts the generated documents into the campaign's Drive folder: each file created once, then updated in place on every
// later run (same id, same link), never duplicated. A document that fails stays listed with why; the others go on.
import { formatDateTime } from '../core/cells.ts';
import { formatNumber } from '../core/format.ts';
import { DriveError, type DriveGateway } from '../gateways/drive.ts';
import { FOLDER_MIME } from '../gateways/drive.ts';
import { KIND_LABELS, type DocumentRow } from './documents-tab.ts';
import { folderSettingLine, type FolderSetting } from './folder.ts';

/** What the generator gives: a file people read by its name, its kind, its bytes. */
export interface DocumentFile {
  readonly name: string;
  readonly kind: string;
  readonly bytes: Uint8Array;
}

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/**
 * Drive takes at most 5 MB of media in a multipart upload ("Upload file data"), read strictly as 5,000,000 bytes; a
 * larger document is not sent, and says so.
 */
export const MAX_UPLOAD_BYTES = 5_000_000;

export interface PublishOutcome {
  readonly rows: readonly DocumentRow[];
  /** Vietnamese, for the job's summary (and the menu's answer). */
  readonly lines: readonly string[];
  readonly created: number;
  readonly updated: number;
  readonly failed: number;
}

export interface PublishInput {
  readonly drive: DriveGateway | undefined;
  readonly folder: FolderSetting;
  readonly files: readonly DocumentFile[];
  /** `Văn bản` as it is, by name: a document that fails keeps its last time and link. */
  readonly previous: ReadonlyMap<string, DocumentRow>;
  readonly now: Date;
  readonly timeZone: string;
}

const label = (kind: string) => KIND_LABELS[kind] ?? kind;

/** Why the folder cannot take documents, or undefined when it can. */
async function folderProblem(drive: DriveGateway, id: string): Promise<string | undefined> {
  try {
    const folder = await drive.folder(id);
    if (folder.mimeType !== FOLDER_MIME)
      return `'${folder.name}' (${id}) trên Google Drive là một tệp, không phải thư mục.`;
    if (folder.trashed)
      return `Thư mục '${folder.name}' (${id}) đang ở trong thùng rác của Google Drive; hãy khôi phục thư mục.`;
    return undefined;
  } catch (error) {
    if (!(error instanceof DriveError)) throw error;
    if (error.status === 404) {
      return (
        `Không tìm thấy thư mục Google Drive '${id}': mã sai, thư mục đã bị xóa, hoặc thư mục chưa được chia sẻ với tài ` +
        'khoản dịch vụ của các hàm (chia sẻ với quyền Người chỉnh sửa), nên chưa văn bản nào được đưa lên.'
      );
    }
    return `Không đọc được thư mục Google Drive '${id}' (${error.message}); chưa văn bản nào được đưa lên, lượt sau sẽ thử lại.`;
  }
}

export async function publishDocuments(input: PublishInput): Promise<PublishOutcome> {
  const { files, previous, folder } = input;
  const time = formatDateTime(input.now, input.timeZone);
  const current = new Set(files.map((f) => f.name));
  // Documents of earlier runs that this run no longer makes (a nominee no longer eligible): their files stay on Drive.
  const stale: DocumentRow[] = [...previous.values()]
    .filter((r) => !current.has(r.name))
    .map((r) => ({ ...r, status: 'Không còn trong lượt tạo gần nhất; tệp cũ vẫn ở thư mục Drive.' }));
  const unsent = (why: string): PublishOutcome => ({
    rows: [
      ...files.map((f) => ({
        name: f.name,
        kind: label(f.kind),
        time: previous.get(f.name)?.time ?? '',
        link: previous.get(f.name)?.link ?? '',
        status: `Chưa đưa lên Drive: ${why}`,
      })),
      ...stale,
    ],
    lines: [why],
    created: 0,
    updated: 0,
    failed: files.length,
  });

  if (folder.kind !== 'ok') return unsent(folderSettingLine(folder));
  if (!input.drive) return unsent('Hàm chưa được kết nối với Google Drive.');
  const drive = input.drive;
  const problem = await folderProblem(drive, folder.id);
  if (problem) return unsent(problem);

  let existing: Map<string, string>;
  try {
    existing = new Map();
    // The oldest file of a name is the document; a copy a person made beside it is left alone.
    for (const f of await drive.listFolder(folder.id)) if (!existing.has(f.name)) existing.set(f.name, f.id);
  } catch (error) {
    if (!(error instanceof DriveError)) throw error;
    return unsent(`Không đọc được danh sách tệp của thư mục Google Drive (${error.message}); lượt sau sẽ thử lại.`);
  }

  const rows: DocumentRow[] = [];
  const failures: string[] = [];
  let created = 0;
  let updated = 0;
  for (const file of files) {
    const before = previous.get(file.name);
    const failed = (why: string) => {
      failures.push(`${file.name}: ${why}`);
      rows.push({
        name: file.name,
        kind: label(file.kind),
        time: before?.time ?? '',
        link: before?.link ?? '',
        status: `Lỗi: ${why}`,
      });
    };
    if (file.bytes.length > MAX_UPLOAD_BYTES) {
      failed(
        `tệp ${formatNumber(file.bytes.length / 1_000_000, 1)} MB, quá 5 MB mà Google Drive nhận trong một lần tải lên; hãy rút gọn mẫu văn bản (ảnh, phông chữ nhúng).`,
      );
      continue;
    }
    const existingId = existing.get(file.name);
    try {
      const put = await drive.upload({
        folderId: folder.id,
        name: file.name,
        mimeType: DOCX_MIME,
        bytes: file.bytes,
        existingId,
      });
      if (existingId) updated++;
      else created++;
      rows.push({
        name: file.name,
        kind: label(file.kind),
        time,
        link: put.webViewLink,
        status: existingId ? 'Đã cập nhật' : 'Đã tạo',
      });
    } catch (error) {
      if (!(error instanceof DriveError)) throw error;
      failed(`Google Drive không nhận tệp (${error.message}); lượt sau sẽ thử lại.`);
    }
  }
  const lines = [
    `Google Drive: đã tạo ${created}, cập nhật ${updated}, lỗi ${failures.length} văn bản (trang Văn bản).`,
    ...failures.map((f) => `Lỗi: ${f}`),
  ];
  return { rows: [...rows, ...stale], lines, created, updated, failed: failures.length };
}
