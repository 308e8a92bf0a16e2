// The demo province's child campaigns (issue 19): two districts and a department, each its own spreadsheet on the same
// local Sheets server, one district with a commune of its own (ward → district → province).
import { CHILD_SPREADSHEET_HEADER, TAB } from '../../sheets-schema/index.ts';
import type { Cell } from '../../functions/core/cells.ts';
import type { SheetsApi } from '../../functions/gateways/sheets-client.ts';
import { openSpreadsheet } from '../../functions/gateways/spreadsheet.ts';
import { benchCampaign, toSnapshot } from '../bench/campaign.ts';
import { loadGrids } from '../bench/load.ts';
import { setupSpreadsheet } from '../../functions/setup/index.ts';

export interface DemoChild {
  /** The child's spreadsheet id on the local server. */
  readonly spreadsheetId: string;
  /** Its code and name as a unit of its parent's `Đơn vị`. */
  readonly code: string;
  readonly name: string;
  readonly type: string;
  readonly cluster: string;
  /** Units of its own campaign. */
  readonly units: number;
  readonly children: readonly DemoChild[];
}

/** The demo province's bodies, each a campaign of its own. */
export const DEMO_CHILDREN: readonly DemoChild[] = [
  {
    spreadsheetId: 'demo-huyen-dong-phu',
    code: 'CA-DONGPHU',
    name: 'Ban Chỉ đạo huyện Đồng Phú',
    type: 'Cơ quan',
    cluster: 'Cụm huyện, thị xã',
    units: 6,
    children: [
      {
        spreadsheetId: 'demo-xa-tan-lap',
        code: 'XA-TANLAP',
        name: 'Ban Chỉ đạo xã Tân Lập',
        type: 'Xã/Phường',
        cluster: 'Cụm xã',
        units: 4,
        children: [],
      },
    ],
  },
  {
    spreadsheetId: 'demo-huyen-bu-dang',
    code: 'CA-BUDANG',
    name: 'Ban Chỉ đạo huyện Bù Đăng',
    type: 'Cơ quan',
    cluster: 'Cụm huyện, thị xã',
    units: 5,
    children: [],
  },
  {
    spreadsheetId: 'demo-cong-an-xa',
    code: 'KHOI-CAX',
    name: 'Khối Công an xã, phường (Phòng PV01)',
    type: 'Cơ quan',
    cluster: 'Khối lực lượng vũ trang',
    units: 3,
    children: [],
  },
];

/** A parent's `Đơn vị` rows for its bodies: no forms, results from the child spreadsheet. */
export function bodyRows(children: readonly DemoChild[]): Record<string, Cell>[] {
  return children.map((c) => ({
    'Mã đơn vị': c.code,
    'Tên đơn vị': c.name,
    'Loại hình': c.type,
    'Cụm/Khối': c.cluster,
    'Email liên hệ': '',
    'Email lãnh đạo': '',
    [CHILD_SPREADSHEET_HEADER]: c.spreadsheetId,
  }));
}

/** Every child campaign, children before their parent: the order the roll-ups run in. */
export function bottomUp(children: readonly DemoChild[] = DEMO_CHILDREN): DemoChild[] {
  return children.flatMap((c) => [...bottomUp(c.children), c]);
}

/**
 * Creates and fills each child campaign that does not exist yet on the local server at `sheetsUrl`: the bench's
 * campaign of its size (every unit registered, reported and nominated in `year`) and its own bodies.
 */
export async function seedDemoChildren(api: SheetsApi, sheetsUrl: string, year: number): Promise<string[]> {
  const lines: string[] = [];
  for (const child of bottomUp()) {
    const exists = await fetch(new URL(`v4/spreadsheets/${child.spreadsheetId}`, sheetsUrl));
    if (exists.ok) continue;
    const created = await fetch(new URL(`__admin/spreadsheets/${child.spreadsheetId}`, sheetsUrl), { method: 'PUT' });
    if (!created.ok)
      throw new Error(`Local Sheets server refused to create '${child.spreadsheetId}': ${created.status}`);
    const book = openSpreadsheet({ api, spreadsheetId: child.spreadsheetId });
    await setupSpreadsheet(book, {});
    const tabs = benchCampaign(child.units, year);
    tabs.set(TAB.units, [...tabs.get(TAB.units)!, ...bodyRows(child.children)]);
    tabs.set(
      TAB.config,
      tabs
        .get(TAB.config)!
        .map((row) => (row['Khóa'] === 'Cơ quan phát động' ? { ...row, 'Giá trị': child.name } : row)),
    );
    await loadGrids(book, toSnapshot(tabs).tabs);
    lines.push(`Đã tạo phong trào cấp dưới "${child.name}" (bảng tính ${child.spreadsheetId}): ${child.units} đơn vị.`);
  }
  return lines;
}
