import { describe, expect, it } from 'vitest';
import { HeaderError } from '../../../functions/core/table.ts';
import { evaluateCampaign } from '../../../functions/rules/index.ts';
import type { JudgedResponse } from '../../../functions/core/model.ts';
import type { Cell } from '../../../functions/core/cells.ts';
import { AWARD_CERTIFICATE, AWARD_MEDAL, AWARD_MINISTER_CERTIFICATE } from '../../../sheets-schema/forms/index.ts';
import { TAB } from '../../../sheets-schema/index.ts';
import { campaign } from './builder.ts';

const NOW = new Date('2026-12-01T00:00:00Z');
const only = (b: ReturnType<typeof campaign>, form: string): JudgedResponse[] =>
  evaluateCampaign(b.snapshot(), NOW).responses.filter((r) => r.form === form);

describe('field rules from the schema', () => {
  it.each([['12'], [' 12 '], [12], ['1.234'], ['0']])('DOMAIN §7: indicator %j is a non-negative integer', (value) => {
    const [r] = only(
      campaign().unit('A').respond(TAB.interim, { 'Mã đơn vị': 'A', 'Số buổi tuyên truyền': value }),
      TAB.interim,
    );
    expect(r.errors).toEqual([]);
    expect(r.valid).toBe(true);
  });

  it.each([['1,5'], ['-3'], ['abc'], [1.5], ['=1+1']])(
    'DOMAIN §7: indicator %j is rejected with the question named',
    (value) => {
      const [r] = only(
        campaign().unit('A').respond(TAB.interim, { 'Mã đơn vị': 'A', 'Số buổi tuyên truyền': value }),
        TAB.interim,
      );
      expect(r.valid).toBe(false);
      expect(r.errors).toEqual([`Câu "Số buổi tuyên truyền": phải là số nguyên không âm (đơn vị đã nhập "${value}").`]);
    },
  );

  it('DOMAIN §7: a percentage is within 0–100 (decimal comma accepted)', () => {
    const b = campaign()
      .unit('A')
      .respond(TAB.interim, { 'Mã đơn vị': 'A', 'Tỷ lệ cán bộ, nhân viên được tuyên truyền (%)': '95,5' })
      .respond(TAB.interim, { 'Mã đơn vị': 'A', 'Tỷ lệ cán bộ, nhân viên được tuyên truyền (%)': '101' });
    const [ok, bad] = only(b, TAB.interim);
    expect(ok.valid).toBe(true);
    expect(bad.errors).toEqual([
      'Câu "Tỷ lệ cán bộ, nhân viên được tuyên truyền (%)": phải là tỷ lệ phần trăm từ 0 đến 100 (đơn vị đã nhập "101").',
    ]);
  });

  it('DOMAIN §7: units recognised cannot exceed units registered for the ANTT standard', () => {
    const b = campaign().unit('A').respond(TAB.interim, {
      'Mã đơn vị': 'A',
      'Số đơn vị, khu dân cư đăng ký "An toàn về ANTT"': 3,
      'Số đơn vị, khu dân cư được công nhận "An toàn về ANTT"': 5,
    });
    const [r] = only(b, TAB.interim);
    expect(r.errors).toEqual([
      'Câu "Số đơn vị, khu dân cư được công nhận "An toàn về ANTT"": không được lớn hơn câu "Số đơn vị, khu dân cư đăng ký "An toàn về ANTT"" (5 > 3).',
    ]);
  });

  it('a required answer left empty, a bad email and an over-long text are each one line', () => {
    const b = campaign()
      .unit('A')
      .register('A', {
        'Người đăng ký': '',
        'Email người đăng ký': 'khong-phai-email',
        'Nội dung cam kết': 'x'.repeat(5001),
      });
    const [r] = only(b, TAB.registration);
    expect(r.errors).toEqual([
      'Câu "Người đăng ký": bắt buộc trả lời nhưng đang để trống.',
      'Câu "Email người đăng ký": không phải địa chỉ email hợp lệ (đơn vị đã nhập "khong-phai-email").',
      'Câu "Nội dung cam kết": dài quá 5.000 ký tự (đơn vị đã nhập 5.001 ký tự).',
    ]);
  });

  it('a long input is quoted to at most 60 characters', () => {
    const b = campaign()
      .unit('A')
      .respond(TAB.interim, { 'Mã đơn vị': 'A', 'Số buổi tuyên truyền': 'a'.repeat(200) });
    const [r] = only(b, TAB.interim);
    expect(r.errors[0]).toBe(
      `Câu "Số buổi tuyên truyền": phải là số nguyên không âm (đơn vị đã nhập "${'a'.repeat(60)}…").`,
    );
  });

  it('DESIGN: formula-looking text stays text and is not an error by itself', () => {
    const b = campaign()
      .unit('A')
      .register('A', { 'Nội dung cam kết': '=IMPORTXML("http://x", "//a")', 'Người đăng ký': '+84 Nguyễn Văn A' });
    const [r] = only(b, TAB.registration);
    expect(r.valid).toBe(true);
    expect(r.answers()).toContainEqual({ question: 'Nội dung cam kết', answer: '=IMPORTXML("http://x", "//a")' });
  });

  it('a choice typed decomposed (NFD) or in another case matches its option', () => {
    const b = campaign()
      .unit('A')
      .register('A', { 'Đăng ký "An toàn về ANTT"': 'không thuộc phạm vi'.normalize('NFD') });
    expect(only(b, TAB.registration)[0].valid).toBe(true);
  });

  it('a choice outside the options lists them', () => {
    const b = campaign().unit('A').register('A', { 'Đăng ký "An toàn về ANTT"': 'Chưa' });
    expect(only(b, TAB.registration)[0].errors).toEqual([
      'Câu "Đăng ký "An toàn về ANTT"": phải là một trong các lựa chọn "Có", "Không", "Không thuộc phạm vi" (đơn vị đã nhập "Chưa").',
    ]);
  });
  it('DOMAIN §7: the rules read each answer as judged, whether the row was typed exactly so or needed rewriting', () => {
    const b = campaign()
      .unit('A')
      .respond(TAB.interim, { 'Mã đơn vị': 'A', 'Số buổi tuyên truyền': 12, 'Số lượt người dự tuyên truyền': '' })
      .respond(TAB.interim, {
        'Mã đơn vị': ' a ',
        'Số buổi tuyên truyền': ' 12 ',
        'Số lượt người dự tuyên truyền': '  ',
      })
      .respond(TAB.interim, { 'Mã đơn vị': 'A', 'Số buổi tuyên truyền': 'abc', 'Số lượt người dự tuyên truyền': 30 });
    const [typed, rewritten, refused] = only(b, TAB.interim).map((r) => r.values);
    for (const values of [typed, rewritten]) {
      expect(values.get('Mã đơn vị')).toBe('A');
      expect(values.get('Số buổi tuyên truyền')).toBe(12);
      expect(values.has('Số lượt người dự tuyên truyền')).toBe(false);
    }
    // A refused answer counts nowhere, while the row's other answers still read.
    expect(refused.has('Số buổi tuyên truyền')).toBe(false);
    expect(refused.get('Số lượt người dự tuyên truyền')).toBe(30);
  });
});

describe('the plan (KH)', () => {
  const plan = (answers: Record<string, string | number>) => {
    const [r] = only(
      campaign()
        .unit('A')
        .respond(TAB.plan, { 'Mã đơn vị': 'A', 'Người lập kế hoạch': 'Nguyễn Văn An', ...answers }),
      TAB.plan,
    );
    return r;
  };
  const LINK = 'Liên kết văn bản kế hoạch';

  it('DOMAIN §2 KH: a plan with its document’s link and one target is valid', () => {
    const r = plan({
      [LINK]: 'https://drive.google.com/file/d/abc/view',
      'Chỉ tiêu đăng ký: Số buổi tuyên truyền': 12,
    });
    expect(r.errors).toEqual([]);
  });

  it.each([
    ['Đã gửi bản giấy'],
    ['drive.google.com/abc'],
    ['ftp://example.vn/kh.pdf'],
    ['https://'],
    ['https://a b.vn'],
  ])('DOMAIN §2 KH: the plan’s link %j must be an http(s) address, said in Vietnamese', (link) => {
    const r = plan({ [LINK]: link, 'Chỉ tiêu đăng ký: Số buổi tuyên truyền': 12 });
    expect(r.errors).toEqual([
      `Câu "${LINK}": phải là một đường liên kết bắt đầu bằng https:// hoặc http://, ví dụ https://drive.google.com/… (đơn vị đã nhập "${link}").`,
    ]);
  });

  it('DOMAIN §7: a plan commits to at least one target, each a number bounded like its indicator', () => {
    expect(plan({ [LINK]: 'https://example.vn/kh' }).errors).toEqual([
      'Kế hoạch chưa đăng ký chỉ tiêu nào: hãy điền ít nhất một câu "Chỉ tiêu đăng ký: …", ví dụ "Chỉ tiêu đăng ký: Số buổi tuyên truyền".',
    ]);
    expect(
      plan({ [LINK]: 'https://example.vn/kh', 'Chỉ tiêu đăng ký: Tỷ lệ hộ gia đình ký cam kết (%)': '120' }).errors,
    ).toContain(
      'Câu "Chỉ tiêu đăng ký: Tỷ lệ hộ gia đình ký cam kết (%)": phải là tỷ lệ phần trăm từ 0 đến 100 (đơn vị đã nhập "120").',
    );
  });

  it('DOMAIN §7: the target for units recognised cannot exceed the target for units registered', () => {
    const r = plan({
      [LINK]: 'https://example.vn/kh',
      'Chỉ tiêu đăng ký: Số đơn vị, khu dân cư đăng ký "An toàn về ANTT"': 4,
      'Chỉ tiêu đăng ký: Số đơn vị, khu dân cư được công nhận "An toàn về ANTT"': 6,
    });
    expect(r.errors).toEqual([
      'Câu "Chỉ tiêu đăng ký: Số đơn vị, khu dân cư được công nhận "An toàn về ANTT"": không được lớn hơn câu "Chỉ tiêu đăng ký: Số đơn vị, khu dân cư đăng ký "An toàn về ANTT"" (6 > 4).',
    ]);
  });
});

describe('criterion scores', () => {
  it('QĐ 510: a score above its Điểm tối đa makes the report invalid, never clamped', () => {
    const b = campaign().unit('A').report('A', { TC1: 51, TC2: 10 });
    const ev = evaluateCampaign(b.snapshot(), NOW);
    const r = ev.responses.find((x) => x.form === TAB.final)!;
    expect(r.errors).toEqual([
      'Câu "[TC1] Lãnh đạo, chỉ đạo (tối đa 50 điểm)": điểm phải là số từ 0 đến 50 (đơn vị đã nhập "51").',
    ]);
    expect(ev.results[0].level).toBe('Chưa xếp loại');
  });

  it('QĐ 510: a negative score is invalid', () => {
    const [r] = only(campaign().unit('A').report('A', { TC1: '-1' }), TAB.final);
    expect(r.valid).toBe(false);
  });

  it('QĐ 510: every criterion of Tiêu chí must be answered, even one added after the form', () => {
    const b = campaign().unit('A').report('A', { TC1: 40, TC2: 40 });
    const snap = b.snapshot();
    const criteria = snap.tabs.get(TAB.criteria)!;
    const withNew = {
      ...snap,
      tabs: new Map(snap.tabs).set(TAB.criteria, [...criteria, ['TC3', 'Mới', 'Tiêu chí mới', 10]]),
    };
    const r = evaluateCampaign(withNew, NOW).responses.find((x) => x.form === TAB.final)!;
    expect(r.errors).toEqual(['Câu "[TC3] Tiêu chí mới (tối đa 10 điểm)": bắt buộc trả lời nhưng đang để trống.']);
  });

  it('QĐ 510: a score typed as text with a decimal comma counts as its number', () => {
    const ev = evaluateCampaign(campaign().unit('A').report('A', { TC1: '40,5', TC2: 45 }).snapshot(), NOW);
    const r = ev.responses.find((x) => x.form === TAB.final)!;
    expect(r.scores.get('TC1')).toBe(40.5);
    expect(ev.results[0].total).toBe(85.5);
  });

  it('QĐ 510: a retitled criterion column is still found by its [code]', () => {
    const b = campaign().unit('A').report('A', { TC1: 40, TC2: 45 });
    const snap = b.snapshot();
    const rows = snap.tabs.get(TAB.final)!.map((r) => [...r]);
    rows[0] = rows[0].map((h) => (String(h).startsWith('[TC1]') ? '[TC1] Tên cũ của tiêu chí (tối đa 50 điểm)' : h));
    const ev = evaluateCampaign({ ...snap, tabs: new Map(snap.tabs).set(TAB.final, rows) }, NOW);
    expect(ev.results[0].total).toBe(85);
  });
});

describe('nomination fields', () => {
  it('TT 20/2025: medal fields are required for a medal nomination', () => {
    const b = campaign().unit('A').nominate('A', {
      'Đối tượng': 'Cá nhân',
      'Hình thức khen thưởng': AWARD_MEDAL,
      'Họ tên / Tên tập thể': 'Lê Thị B',
    });
    const [r] = only(b, TAB.nominations);
    expect(r.errors).toContain(
      `Câu "Giới tính": bắt buộc trả lời khi "Hình thức khen thưởng" là "${AWARD_MEDAL}" nhưng đang để trống.`,
    );
    // TT 20/2025/TT-BCA (once in a lifetime): the registry must know who the person is.
    expect(r.errors).toContain(
      `Câu "Ngày sinh": bắt buộc trả lời khi "Đối tượng" là "Cá nhân" và "Hình thức khen thưởng" là "${AWARD_MEDAL}" nhưng đang để trống.`,
    );
    expect(r.errors).toHaveLength(8);
  });

  /** A Giấy khen for an individual born `birth`, sent at `at` (a Sheets serial, Asia/Ho_Chi_Minh). */
  const dated = (birth: Cell, at?: string) =>
    only(
      campaign()
        .unit('A')
        .nominate('A', {
          'Đối tượng': 'Cá nhân',
          'Hình thức khen thưởng': AWARD_CERTIFICATE,
          'Họ tên / Tên tập thể': 'Lê Thị B',
          'Ngày sinh': birth,
          ...(at ? { 'Dấu thời gian': (Date.parse(at) + 7 * 3_600_000 - Date.UTC(1899, 11, 30)) / 86_400_000 } : {}),
        }),
      TAB.nominations,
    )[0];

  it('awards.md §2: a date of birth is a real day written dd/MM/yyyy; anything else is refused with an example', () => {
    expect(dated('5/3/1980').errors).toEqual([]);
    expect(dated('5/3/1980').values.get('Ngày sinh')).toBe('05/03/1980');
    expect(dated('05.03.1980').values.get('Ngày sinh')).toBe('05/03/1980');
    // Sheets may turn a typed date into a date cell: its day is read, not its serial number.
    expect(dated(29285).values.get('Ngày sinh')).toBe('05/03/1980');
    for (const typed of ['31/02/1980', '1980-03-05', '5 tháng 3 năm 1980', '05/03/80', '05/13/1980'])
      expect(dated(typed).errors).toEqual([
        `Câu "Ngày sinh": phải là một ngày có thật, ghi theo dạng ngày/tháng/năm (dd/MM/yyyy), ví dụ 05/03/1980 (đơn vị đã nhập "${typed}").`,
      ]);
  });

  it('awards.md §2: a date of birth after the submission, or more than 110 years before it, is refused', () => {
    const at = '2026-11-20T03:00:00Z';
    expect(dated('21/11/2026', at).errors).toEqual([
      'Câu "Ngày sinh": ngày 21/11/2026 muộn hơn ngày gửi (20/11/2026); hãy kiểm tra lại năm.',
    ]);
    expect(dated('19/11/1916', at).errors).toEqual([
      'Câu "Ngày sinh": ngày 19/11/1916 cách ngày gửi hơn 110 năm; hãy kiểm tra lại năm.',
    ]);
    expect(dated('20/11/1916', at).errors).toEqual([]);
    expect(dated('20/11/2026', at).errors).toEqual([]);
  });

  it('awards.md §2: a date of birth is optional for awards the registry does not check, and for collectives', () => {
    expect(dated('').errors).toEqual([]);
    const collective = only(
      campaign().unit('A').nominate('A', {
        'Đối tượng': 'Tập thể',
        'Hình thức khen thưởng': AWARD_MEDAL,
        'Họ tên / Tên tập thể': 'Tổ bảo vệ',
      }),
      TAB.nominations,
    )[0];
    expect(collective.errors.some((e) => e.startsWith('Câu "Ngày sinh"'))).toBe(false);
  });

  it('TT 20/2025: medal fields are not asked of other awards', () => {
    const b = campaign().unit('A').nominate('A', {
      'Đối tượng': 'Tập thể',
      'Hình thức khen thưởng': AWARD_CERTIFICATE,
      'Họ tên / Tên tập thể': 'Tổ dân phố 3',
    });
    expect(only(b, TAB.nominations)[0].errors).toEqual([]);
  });

  it('Luật TĐKT 2022 Art. 74: a Bằng khen needs a summary of achievements', () => {
    const b = campaign().unit('A').nominate('A', {
      'Đối tượng': 'Tập thể',
      'Hình thức khen thưởng': AWARD_MINISTER_CERTIFICATE,
      'Họ tên / Tên tập thể': 'Phòng Hành chính',
      'Thành tích tóm tắt': '',
    });
    expect(only(b, TAB.nominations)[0].errors).toEqual([
      `Câu "Thành tích tóm tắt": bắt buộc trả lời khi "Hình thức khen thưởng" là "${AWARD_MINISTER_CERTIFICATE}" nhưng đang để trống.`,
    ]);
  });
});

describe('cross-row rules', () => {
  it('an unknown Mã đơn vị is an error; codes match after trim and upper-case', () => {
    const b = campaign().unit('SO-TP').register(' so-tp ').register('XYZ');
    const [known, unknown] = only(b, TAB.registration);
    expect(known.valid).toBe(true);
    expect(known.unitCode).toBe('SO-TP');
    expect(unknown.errors).toEqual([
      'Câu "Mã đơn vị": không có đơn vị mã "XYZ" trong danh sách đơn vị; hãy kiểm tra lại mã do Thường trực phong trào cấp.',
    ]);
  });

  it('a later valid submission supersedes the earlier one; both stay valid in Kiểm tra', () => {
    const b = campaign().unit('A').register('A').register('A', { 'Nội dung cam kết': 'Bản sửa' });
    const ev = evaluateCampaign(b.snapshot(), NOW);
    const [first, second] = ev.responses.filter((r) => r.form === TAB.registration);
    expect([first.superseded, second.superseded]).toEqual([true, false]);
    expect(first.notes[0]).toMatch(/^Đã thay thế bằng lần nộp sau \(\d{2}\/\d{2}\/2026 \d{2}:\d{2}:\d{2}\)\.$/);
    const checks = ev.tabs.find((t) => t.tab === TAB.checks)!.rows;
    expect(checks.slice(1).map((r) => r[3])).toEqual(['Hợp lệ', 'Hợp lệ']);
    expect(checks[1][8 - 1]).toBe(first.notes[0]);
    // The note quotes the time the replacing response's own row of Kiểm tra shows.
    expect(first.notes[0]).toBe(`Đã thay thế bằng lần nộp sau (${checks[2][1]}).`);
  });

  it('a later invalid submission does not supersede the valid one', () => {
    const b = campaign().unit('A').register('A').register('A', { 'Email người đăng ký': 'sai' });
    const [first, second] = only(b, TAB.registration);
    expect(first.superseded).toBe(false);
    expect(second.valid).toBe(false);
  });

  it('seed 002: a Công đoàn cơ sở registering no model is invalid', () => {
    const b = campaign()
      .unit({ code: 'CD1', type: 'Công đoàn cơ sở' })
      .unit({ code: 'CQ1', type: 'Cơ quan' })
      .register('CD1')
      .register('CQ1');
    const [union, agency] = only(b, TAB.registration);
    expect(union.errors).toEqual([
      'Câu "Mô hình điển hình đăng ký": công đoàn cơ sở phải đăng ký ít nhất một mô hình, điển hình.',
    ]);
    expect(agency.valid).toBe(true);
  });

  it('an unreadable timestamp makes the response invalid, never lost', () => {
    const b = campaign().unit('A').register('A', { 'Dấu thời gian': 'hôm qua' });
    const [r] = only(b, TAB.registration);
    expect(r.errors).toEqual(['Cột "Dấu thời gian": không đọc được thời điểm nộp (đơn vị đã nhập "hôm qua").']);
  });

  it('the edit link column is carried to the response; a cell that is not a web address is no link', () => {
    const b = campaign()
      .unit('A')
      .register('A', { 'Liên kết chỉnh sửa': 'https://docs.google.com/forms/d/e/x/viewform?edit2=abc' })
      .register('A', { 'Liên kết chỉnh sửa': 'javascript:alert(1)' });
    const [linked, unlinked] = only(b, TAB.registration);
    expect(linked.editLink).toBe('https://docs.google.com/forms/d/e/x/viewform?edit2=abc');
    expect(unlinked.editLink).toBeUndefined();
  });

  it('an edited answer changes the content hash; the same answers keep it', () => {
    const a = only(campaign().unit('A').register('A', { 'Nội dung cam kết': 'Một' }), TAB.registration)[0];
    const same = only(campaign().unit('A').register('A', { 'Nội dung cam kết': 'Một' }), TAB.registration)[0];
    const edited = only(campaign().unit('A').register('A', { 'Nội dung cam kết': 'Hai' }), TAB.registration)[0];
    expect(same.contentHash).toBe(a.contentHash);
    expect(edited.contentHash).not.toBe(a.contentHash);
  });
});

describe('headers', () => {
  it('DESIGN: a missing required header of a response tab stops the job naming tab and header', () => {
    const b = campaign()
      .unit('A')
      .tab(TAB.registration, [
        ['Dấu thời gian', 'Mã đơn vị'],
        [46000, 'A'],
      ]);
    expect(() => evaluateCampaign(b.snapshot(), NOW)).toThrow(HeaderError);
    expect(() => evaluateCampaign(b.snapshot(), NOW)).toThrow(/'Đăng ký thi đua' thiếu cột 'Người đăng ký'/);
  });

  it('DESIGN: a response tab that does not exist yet is simply empty', () => {
    const ev = evaluateCampaign(campaign().unit('A').snapshot(), NOW);
    expect(ev.responses).toEqual([]);
    expect(ev.results[0].level).toBe('Chưa xếp loại');
  });

  it('DESIGN: columns are found by header, not position', () => {
    const snap = campaign().unit('A').register('A').snapshot();
    const rows = snap.tabs.get(TAB.registration)!;
    const reversed = rows.map((r) => [...r].reverse());
    const ev = evaluateCampaign({ ...snap, tabs: new Map(snap.tabs).set(TAB.registration, reversed) }, NOW);
    expect(ev.responses[0].valid).toBe(true);
  });
});
