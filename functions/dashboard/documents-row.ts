// One row of `Tổng hợp` about where the documents go: the Drive folder of `Cấu hình`, or what is wrong with it. Every
// run writes it, so a missing or mistyped folder stays in sight until it is fixed.
import type { Settings } from '../core/settings.ts';
import type { TabWrite } from '../core/snapshot.ts';
import { FOLDER_SETTING, folderSettingLine, parseFolderSetting } from '../publish/folder.ts';

export function withDocumentsFolderRow(tab: TabWrite, settings: Settings): TabWrite {
  const at = tab.rows.findIndex((row) => row[0] === 'Số đơn vị') + 1;
  if (at === 0) return tab;
  const folder = parseFolderSetting(settings.get(FOLDER_SETTING) ?? '');
  const row = [FOLDER_SETTING, folder.kind === 'ok' ? folder.id : '', folderSettingLine(folder)];
  return { ...tab, rows: [...tab.rows.slice(0, at), row, ...tab.rows.slice(at)] };
}
