// `Thư mục Drive văn bản`: the id, or any folder link a coordinator copies from Drive; anything else is named as wrong.
import { describe, expect, it } from 'vitest';
import { folderSettingLine, parseFolderSetting } from '../../../functions/publish/folder.ts';

const ID = '1AbC-d_EfGhIjKlMnOpQrStUvWxYz0123';

describe('the Drive folder setting', () => {
  it.each([
    [ID, ID],
    [`  ${ID}  `, ID],
    [`https://drive.google.com/drive/folders/${ID}`, ID],
    [`https://drive.google.com/drive/folders/${ID}?usp=sharing`, ID],
    [`https://drive.google.com/drive/u/0/folders/${ID}`, ID],
    [`https://drive.google.com/open?id=${ID}`, ID],
    ['http://127.0.0.1:8084/drive/folders/thu-muc-van-ban-demo', 'thu-muc-van-ban-demo'],
  ])('reads %s as folder %s', (raw, id) => {
    expect(parseFolderSetting(raw)).toEqual({ kind: 'ok', id });
  });

  it('is missing when blank, and says where to set it', () => {
    expect(parseFolderSetting('   ')).toEqual({ kind: 'missing' });
    expect(folderSettingLine({ kind: 'missing' })).toMatch(
      /^Chưa đặt 'Thư mục Drive văn bản': văn bản báo cáo chưa được đưa lên Google Drive\./,
    );
  });

  it.each([
    ['thư mục báo cáo', /không phải mã thư mục/],
    [`https://drive.google.com/file/d/${ID}/view`, /là đường liên kết của một tệp, không phải của một thư mục/],
    [`https://docs.google.com/document/d/${ID}/edit`, /là đường liên kết của một tệp/],
    ['https://drive.google.com/drive/my-drive', /không chứa mã thư mục Drive/],
  ])('refuses %s with a Vietnamese line naming the value', (raw, why) => {
    const folder = parseFolderSetting(raw);
    expect(folder.kind).toBe('invalid');
    const line = folderSettingLine(folder);
    expect(line).toContain(`("${raw}")`);
    expect(line).toMatch(why);
    expect(line.normalize('NFC')).toBe(line);
  });
});
