// One row of `Tổng hợp` about where the documents go: the Drive folder of `Cấu hình`, or what is wrong with it. Every
// run writes it, so a missing or mistyped folder stays in sight until it is fixed.
import type { Cell } from '../core/cells.ts';
import { FOLDER_SETTING, folderSettingLine, type FolderSetting } from '../publish/folder.ts';

export function documentsFolderRow(folder: FolderSetting): Cell[] {
  return [FOLDER_SETTING, folder.kind === 'ok' ? folder.id : '', folderSettingLine(folder)];
}
