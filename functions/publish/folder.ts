// `Thư mục Drive văn bản` of `Cấu hình`: the id of the Drive folder the documents go to, typed as the id itself or as
// any link a coordinator copies from Drive (…/drive/folders/<id>, …/drive/u/0/folders/<id>?usp=sharing, …?id=<id>).

export const FOLDER_SETTING = 'Thư mục Drive văn bản';

export type FolderSetting =
  | { readonly kind: 'ok'; readonly id: string }
  | { readonly kind: 'missing' }
  | { readonly kind: 'invalid'; readonly value: string; readonly why: string };

/** Drive ids are URL-safe letters, digits, `-` and `_`. */
const ID = /^[A-Za-z0-9_-]{6,}$/;

export function parseFolderSetting(raw: string): FolderSetting {
  const value = raw.normalize('NFC').trim();
  if (value === '') return { kind: 'missing' };
  if (ID.test(value)) return { kind: 'ok', id: value };
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return {
      kind: 'invalid',
      value,
      why: 'không phải mã thư mục (chỉ gồm chữ, số, "-" và "_") cũng không phải đường liên kết',
    };
  }
  const folder = /\/folders\/([A-Za-z0-9_-]+)/.exec(url.pathname)?.[1] ?? url.searchParams.get('id') ?? '';
  if (/\/file\/d\/|\/document\/d\/|\/spreadsheets\/d\//.test(url.pathname)) {
    return { kind: 'invalid', value, why: 'là đường liên kết của một tệp, không phải của một thư mục' };
  }
  if (ID.test(folder)) return { kind: 'ok', id: folder };
  return { kind: 'invalid', value, why: 'là một đường liên kết nhưng không chứa mã thư mục Drive' };
}

/** The one Vietnamese line a coordinator reads about the setting, in `Tổng hợp` and in the job's summary. */
export function folderSettingLine(folder: FolderSetting): string {
  const how =
    `Mở thư mục trên Google Drive, sao chép đường liên kết trên thanh địa chỉ và dán vào khóa '${FOLDER_SETTING}' ` +
    "của trang 'Cấu hình'; chia sẻ thư mục với tài khoản dịch vụ của các hàm, quyền Người chỉnh sửa.";
  switch (folder.kind) {
    case 'ok':
      return "Văn bản báo cáo được đưa vào thư mục này; danh sách và đường liên kết ở trang 'Văn bản'.";
    case 'missing':
      return `Chưa đặt '${FOLDER_SETTING}': văn bản báo cáo chưa được đưa lên Google Drive. ${how}`;
    case 'invalid':
      return `'${FOLDER_SETTING}' ("${folder.value}") ${folder.why}, nên văn bản báo cáo chưa được đưa lên Google Drive. ${how}`;
  }
}
