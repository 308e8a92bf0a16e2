// `npm run export -- --out FILE.xlsx [--list classification|nominees]`: the campaign archive or one official list, of
// the configured spreadsheet or, with no Google configuration, the local stack's.
import path from 'node:path';
import { DEFAULT_TIME_ZONE } from '../functions/core/cells.ts';
import { readSettings } from '../functions/core/settings.ts';
import { campaignTimeZone } from '../functions/core/zone.ts';
import { archiveModel, listModel, readCampaign, writeXlsx, type ListName } from './export/index.ts';
import { parseCommandLine, refuseCommandLine } from './cli/args.ts';
import { runCommand } from './cli/run.ts';

const USAGE = 'Cách dùng: npm run export -- --out <tệp.xlsx> [--list classification|nominees]';

const LISTS: readonly ListName[] = ['classification', 'nominees'];

async function main(): Promise<void> {
  const { values } = parseCommandLine({ options: { out: { type: 'string' }, list: { type: 'string' } } }, USAGE);
  if (!values.out) refuseCommandLine('Thiếu --out <tệp.xlsx>. Ví dụ: npm run export -- --out luu-tru.xlsx', USAGE);
  if (values.list !== undefined && !LISTS.includes(values.list as ListName))
    refuseCommandLine(`--list phải là một trong: ${LISTS.join(', ')}.`, USAGE);
  const { tabs, snapshot } = await readCampaign();
  let timeZone = DEFAULT_TIME_ZONE;
  try {
    timeZone = campaignTimeZone(readSettings(snapshot));
  } catch {
    // no `Cấu hình` tab: the default zone
  }
  const model = values.list
    ? listModel(values.list as ListName, snapshot, timeZone)
    : archiveModel(tabs, snapshot, timeZone);
  const file = path.resolve(values.out);
  await writeXlsx(model, file);
  const rows = model.sheets.reduce((n, s) => n + s.rows.length, 0);
  console.log(`Đã ghi ${file}: ${model.sheets.length} trang tính, ${rows} dòng dữ liệu.`);
}

runCommand(main, { sheetsFailure: 'Không đọc được bảng tính' });
