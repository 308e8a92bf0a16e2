import { describe, expect, it } from 'vitest';
import { parse } from 'acorn';
import { createHmac } from 'node:crypto';
import { runInNewContext } from 'node:vm';
import { FORMS, PLAN_FORM, type Criterion } from '../../../sheets-schema/index.ts';
import { AWARDS, FINAL_FORM, criterionLayout, formQuestions } from '../../../sheets-schema/forms/index.ts';
import { defaultTabRows } from '../../../sheets-schema/defaults.ts';
import { renderAppsScript } from '../../../scripts/apps-script/index.ts';
import { signPayload, verifySignature } from '../../../functions/http/index.ts';
import { menuProject } from './menu-harness.ts';

const files = renderAppsScript();
const scripts = Object.entries(files).filter(([name]) => name.endsWith('.gs'));

/** A chainable stand-in for Apps Script builders: every method returns the builder and is recorded. */
function recorder(log: { method: string; args: unknown[] }[]): unknown {
  const proxy: unknown = new Proxy(function () {}, {
    get:
      (_t, method: string) =>
      (...args: unknown[]) => {
        log.push({ method, args });
        return proxy;
      },
  });
  return proxy;
}

interface FakeSheet {
  name: string;
  id: number;
  formUrl: string | null;
  values: unknown[][];
}

/** Runs the generated project with fakes of FormApp, SpreadsheetApp, PropertiesService. */
function runProject(criteria: readonly Criterion[], catalogue?: unknown[][]) {
  const calls: { method: string; args: unknown[] }[] = [];
  const forms: { title: string; questions: string[]; pages: { title: string; before: number }[] }[] = [];
  const props = new Map<string, string>();
  const criteriaRows = [
    ['Mã tiêu chí', 'Nhóm', 'Nội dung', 'Điểm tối đa', 'Loại hình'],
    ...criteria.map((c) => [c.code, c.group, c.content, c.maxScore, (c.types ?? []).join(', ')]),
  ];
  const sheets: FakeSheet[] = [{ name: 'Tiêu chí', id: 1, formUrl: null, values: criteriaRows }];
  if (catalogue) sheets.push({ name: 'Danh mục khen thưởng', id: 2, formUrl: null, values: catalogue });
  const sheetApi = (s: FakeSheet) => ({
    getName: () => s.name,
    setName: (n: string) => void (s.name = n),
    getSheetId: () => s.id,
    getFormUrl: () => s.formUrl,
    getLastRow: () => s.values.length,
    getLastColumn: () => Math.max(0, ...s.values.map((r) => r.length)),
    getMaxColumns: () => Math.max(26, ...s.values.map((r) => r.length)),
    insertColumnsAfter: () => undefined,
    getDataRange: () => ({ getValues: () => s.values }),
    getRange: (row: number, col: number) => ({
      getValues: () => [s.values[row - 1] ?? []],
      setValue: (v: unknown) => {
        (s.values[row - 1] ??= [])[col - 1] = v;
      },
    }),
    setFrozenRows: () => undefined,
  });
  const spreadsheet = {
    getId: () => 'sheet-id',
    getSheets: () => sheets.map(sheetApi),
    getSheetByName: (n: string) => {
      const s = sheets.find((x) => x.name === n);
      return s ? sheetApi(s) : null;
    },
    deleteSheet: (api: { getSheetId(): number }) =>
      sheets.splice(
        sheets.findIndex((s) => s.id === api.getSheetId()),
        1,
      ),
  };
  let nextId = 100;
  const FormApp = {
    DestinationType: { SPREADSHEET: 'SPREADSHEET' },
    PageNavigationType: { SUBMIT: 'SUBMIT' },
    create: (title: string) => {
      const form = { title, questions: [] as string[], pages: [] as { title: string; before: number }[] };
      forms.push(form);
      const id = `form-${nextId++}`;
      const item = (): unknown => {
        const builder = recorder(calls) as Record<string, unknown>;
        return new Proxy(builder, {
          get: (t, m: string) =>
            m === 'setTitle'
              ? (title: string) => {
                  form.questions.push(title);
                  return builder;
                }
              : t[m],
        });
      };
      return {
        getId: () => id,
        setDescription: () => undefined,
        setAllowResponseEdits: () => undefined,
        setConfirmationMessage: () => undefined,
        addTextItem: item,
        addParagraphTextItem: item,
        addMultipleChoiceItem: item,
        // A page break is not a question (no response column): recorded apart, with the questions it follows.
        addPageBreakItem: () => {
          const page = { title: '', before: form.questions.length };
          form.pages.push(page);
          const builder = recorder(calls) as Record<string, unknown>;
          return new Proxy(builder, {
            get: (t, m: string) =>
              m === 'setTitle'
                ? (title: string) => {
                    page.title = title;
                    return builder;
                  }
                : m === 'page'
                  ? page
                  : t[m],
          });
        },
        setDestination: () => {
          sheets.push({
            name: `Form Responses ${nextId}`,
            id: nextId,
            formUrl: `https://docs.google.com/forms/d/${id}/edit`,
            values: [['Timestamp', ...form.questions]],
          });
        },
      };
    },
    createTextValidation: () => recorder(calls),
    createParagraphTextValidation: () => recorder(calls),
  };
  const context = {
    FormApp,
    SpreadsheetApp: { getActiveSpreadsheet: () => spreadsheet, flush: () => undefined },
    PropertiesService: {
      getScriptProperties: () => ({
        getProperty: (k: string) => props.get(k) ?? null,
        setProperty: (k: string, v: string) => props.set(k, v),
      }),
    },
    Logger: { log: () => undefined },
    console,
  };
  runInNewContext(scripts.map(([, code]) => code).join('\n'), context);
  const message = runInNewContext('thiduaCreateForms()', context) as string;
  return { forms, sheets, props, message, context, calls };
}

describe('the generated Apps Script project', () => {
  it('is plain JavaScript that acorn parses as ES2020', () => {
    expect(scripts.map(([name]) => name).sort()).toEqual([
      'Documents.gs',
      'Forms.gs',
      'Links.gs',
      'Menu.gs',
      'Rollup.gs',
      'Schema.gs',
      'Trigger.gs',
      'Yearend.gs',
    ]);
    for (const [, code] of scripts)
      expect(() => parse(code, { ecmaVersion: 2020, sourceType: 'script' })).not.toThrow();
    expect(JSON.parse(files['appsscript.json'])).toMatchObject({ timeZone: 'Asia/Ho_Chi_Minh', runtimeVersion: 'V8' });
  });

  it('creates every form with question titles equal to the schema headers, criteria read from the sheet', () => {
    const rows = defaultTabRows(2026)['Tiêu chí'].slice(1);
    const criteria: Criterion[] = rows.map(([code, group, content, maxScore, types]) => ({
      code: String(code),
      group: String(group),
      content: String(content),
      maxScore: Number(maxScore),
      ...(types ? { types: String(types).split(', ') } : {}),
    }));
    // Maximums the defaults lack: a decimal one and one of four digits are written alike by the script and the schema.
    criteria.push(
      { code: 'TC-NUA', group: 'Khác', content: 'Nửa điểm', maxScore: 2.5 },
      { code: 'TC-NGHIN', group: 'Khác', content: 'Thang nghìn điểm', maxScore: 1000 },
    );
    const { forms, sheets, props, message } = runProject(criteria);
    expect(forms.map((f) => f.title)).toEqual(FORMS.map((f) => f.title));
    FORMS.forEach((def, i) => expect(forms[i].questions).toEqual(formQuestions(def, criteria).map((q) => q.header)));
    // Response tabs renamed to the schema names, with the Vietnamese timestamp and the edit-link column.
    for (const def of FORMS) {
      const sheet = sheets.find((s) => s.name === def.tab)!;
      expect(sheet.values[0][0]).toBe('Dấu thời gian');
      expect(sheet.values[0].at(-1)).toBe('Liên kết chỉnh sửa');
    }
    expect(props.size).toBe(FORMS.length);
    expect(message).toBe(`Đã tạo biểu mẫu: ${FORMS.map((f) => f.tab).join(', ')}.`);
  });

  it('offers the awards and nominee kinds of Danh mục khen thưởng, or the shipped ones without the tab', () => {
    const choices = (calls: { method: string; args: unknown[] }[]) =>
      calls.filter((c) => c.method === 'setChoiceValues').map((c) => c.args[0] as string[]);
    const own = runProject(
      [],
      [
        ['Hình thức khen thưởng', 'Đối tượng'],
        ['Giấy khen của Giám đốc Công an tỉnh', 'Cá nhân'],
        ['Cờ thi đua', 'Tập thể'],
        ['Tuyên dương', 'Mô hình; Sáng kiến'],
      ],
    );
    expect(choices(own.calls)).toContainEqual(['Giấy khen của Giám đốc Công an tỉnh', 'Cờ thi đua', 'Tuyên dương']);
    expect(choices(own.calls)).toContainEqual(['Cá nhân', 'Tập thể', 'Mô hình', 'Sáng kiến']);
    expect(choices(runProject([]).calls)).toContainEqual(AWARDS);
  });

  it("issue 20 (QĐ 510 per type): the final report branches on Loại hình đơn vị to a section of each type's own criteria", () => {
    const criteria: Criterion[] = [
      { code: 'TC1', group: 'Chung', content: 'Chung', maxScore: 60 },
      { code: 'CQ1', group: 'Riêng', content: 'Nghị quyết', maxScore: 20, types: ['Cơ quan', 'Doanh nghiệp'] },
      { code: 'DC1', group: 'Riêng', content: 'Hộ gia đình', maxScore: 40, types: ['Khu dân cư'] },
      { code: 'CQ2', group: 'Riêng', content: 'Tuyên truyền', maxScore: 20, types: ['doanh nghiệp', 'Cơ quan'] },
    ];
    const { forms, calls } = runProject(criteria);
    const final = forms.find((f) => f.title === FINAL_FORM.title)!;
    const headers = formQuestions(FINAL_FORM, criteria).map((q) => q.header);
    expect(final.questions).toEqual(headers);
    // Common criteria on the first page; CQ1 and CQ2 (same types, in any order or case) share a section, DC1 its own.
    const at = (code: string) => final.questions.findIndex((h) => h.startsWith(`[${code}]`));
    expect(final.pages).toEqual([
      { title: 'Tiêu chí riêng của loại hình Cơ quan, Doanh nghiệp', before: at('CQ1') },
      { title: 'Tiêu chí riêng của loại hình Khu dân cư', before: at('DC1') },
    ]);
    expect(at('CQ2')).toBe(at('CQ1') + 1);
    expect(at('TC1')).toBeLessThan(at('CQ1'));
    // Each choice goes to its section; a type without criteria of its own submits after the common ones.
    const choices = calls.filter((c) => c.method === 'createChoice').map((c) => c.args);
    const page = (a: unknown) => (a as { page?: { title: string } }).page?.title ?? a;
    expect(choices.map(([value, to]) => [value, page(to)])).toEqual([
      ['Cơ quan', 'Tiêu chí riêng của loại hình Cơ quan, Doanh nghiệp'],
      ['Doanh nghiệp', 'Tiêu chí riêng của loại hình Cơ quan, Doanh nghiệp'],
      ['Khu dân cư', 'Tiêu chí riêng của loại hình Khu dân cư'],
      ['Loại hình khác', 'SUBMIT'],
    ]);
    // The first section ends the form rather than running on into the residential areas' section.
    expect(calls.filter((c) => c.method === 'setGoToPage').map((c) => c.args)).toEqual([['SUBMIT']]);
  });

  it("issue 20: refreshing an existing form's catalogue choices leaves the branching question (and its sections) alone", () => {
    const { context } = runProject([]);
    const item = (title: string, values: string[]) => {
      const state = { title, values, set: 0 };
      const choice = {
        getChoices: () => state.values.map((v) => ({ getValue: () => v })),
        setChoiceValues: (v: string[]) => {
          state.values = v;
          state.set++;
        },
      };
      return { state, api: { getTitle: () => title, asMultipleChoiceItem: () => choice } };
    };
    const branching = item('Loại hình đơn vị', ['Cơ quan', 'Loại hình khác']);
    const kinds = item('Đối tượng', ['Tập thể']);
    Object.assign(context, {
      form: { getItems: () => [branching.api, kinds.api] },
      FormApp: { ...(context.FormApp as object), ItemType: { MULTIPLE_CHOICE: 'MULTIPLE_CHOICE' } },
      def: {
        questions: [...FINAL_FORM.questions, { title: 'Đối tượng', optionsFrom: 'nomineeKinds' }].map((q) => ({
          title: 'title' in q ? q.title : q.header,
          optionsFrom: q.optionsFrom,
        })),
      },
    });
    const changed = runInNewContext(
      "thiduaRefreshCatalogueChoices_(form, def, { awards: ['Giấy khen'], kinds: ['Tập thể', 'Cá nhân'] })",
      context,
    ) as boolean;
    expect(changed).toBe(true);
    expect(kinds.state.values).toEqual(['Tập thể', 'Cá nhân']);
    expect(branching.state).toMatchObject({ values: ['Cơ quan', 'Loại hình khác'], set: 0 });
  });

  it('issue 20: without criteria of their own for any type, the final report asks no Loại hình đơn vị and has no section', () => {
    const { forms } = runProject([{ code: 'TC1', group: 'Chung', content: 'Chung', maxScore: 100 }]);
    const final = forms.find((f) => f.title === FINAL_FORM.title)!;
    expect(final.questions).not.toContain('Loại hình đơn vị');
    expect(final.pages).toEqual([]);
  });

  it('issue 20: a type with criteria under two different Loại hình lists cannot be branched to, and says why', () => {
    const criteria: Criterion[] = [
      { code: 'CQ1', group: 'Riêng', content: 'Nghị quyết', maxScore: 20, types: ['Cơ quan', 'Doanh nghiệp'] },
      { code: 'CQ2', group: 'Riêng', content: 'Tuyên truyền', maxScore: 20, types: ['Cơ quan'] },
    ];
    expect(() => runProject(criteria)).toThrow(
      'Trang Tiêu chí: loại hình "Cơ quan" có tiêu chí riêng trong hai nhóm có danh sách Loại hình khác nhau (CQ1 và CQ2)',
    );
    // The schema finds the same problem in the same words.
    expect(criterionLayout(criteria).overlap).toContain('(CQ1 và CQ2)');
  });

  it('picks up the plan form from the schema, its document link checked by Google Forms as a URL', () => {
    const { forms, calls } = runProject([]);
    const plan = forms.find((f) => f.title === PLAN_FORM.title)!;
    expect(plan.questions).toEqual(PLAN_FORM.questions.map((q) => q.header));
    const urlChecks = FORMS.flatMap((f) => f.questions).filter((q) => q.kind === 'url').length;
    expect(urlChecks).toBe(1);
    expect(calls.filter((c) => c.method === 'requireTextIsUrl')).toHaveLength(urlChecks);
  });

  it('signs the ingest call exactly as the functions verify it', () => {
    const { context } = runProject([]);
    const secret = 'a-shared-secret-of-enough-length';
    const body = runInNewContext(`thiduaAsciiJson_({ tab: 'Báo cáo sơ kết', row: 12 })`, context) as string;
    expect(JSON.parse(body)).toEqual({ tab: 'Báo cáo sơ kết', row: 12 });
    expect(body).toMatch(/^[\x20-\x7e]+$/);
    // Apps Script returns the HMAC as signed bytes; feed the script the same shape.
    const bytes = [...createHmac('sha256', secret).update(`1700000000.${body}`).digest()].map((b) =>
      b > 127 ? b - 256 : b,
    );
    const hex = runInNewContext(`thiduaHex_(${JSON.stringify(bytes)})`, context) as string;
    expect(`sha256=${hex}`).toBe(signPayload(body, secret, 1700000000));
    expect(verifySignature(body, secret, '1700000000', `sha256=${hex}`, 1700000010)).toBe('ok');
  });

  it('issue 18: "Tạo văn bản báo cáo" posts {"from":"menu","job":"documents"} to DOCUMENTS_URL, signed exactly as the functions verify it, and shows the answer', () => {
    const secret = 'a-shared-secret-of-enough-length';
    const menu = menuProject({ DOCUMENTS_URL: 'https://fn.example/documents', INGEST_SECRET: secret }, () => ({
      status: 200,
      text: JSON.stringify({ job: 'documents', lines: ['Đã tạo 7 văn bản từ bảng tính.', 'Google Drive: đã tạo 7.'] }),
    }));
    const shown = menu.call('thiduaMakeDocuments');
    const [request] = menu.requests;
    expect(request).toMatchObject({
      url: 'https://fn.example/documents',
      method: 'post',
      contentType: 'application/json',
    });
    expect(JSON.parse(request.payload)).toEqual({ from: 'menu', job: 'documents' });
    const timestamp = request.headers['x-thidua-timestamp'];
    expect(
      verifySignature(request.payload, secret, timestamp, request.headers['x-thidua-signature'], Number(timestamp)),
    ).toBe('ok');
    expect(shown).toBe('Đã tạo 7 văn bản từ bảng tính.\nGoogle Drive: đã tạo 7.');
    expect(menu.alerts).toEqual([{ title: 'Tạo văn bản báo cáo', message: shown }]);
  });

  it('issue 18: the menu shows the function’s Vietnamese error, and says what to set when DOCUMENTS_URL is missing', () => {
    const refused = menuProject(
      { DOCUMENTS_URL: 'https://fn.example/documents', INGEST_SECRET: 'x'.repeat(32) },
      () => ({
        status: 401,
        text: JSON.stringify({ error: 'Chữ ký không khớp.', reason: 'mismatch' }),
      }),
    );
    expect(refused.call('thiduaMakeDocuments')).toBe('Chưa tạo được văn bản (mã trả lời 401): Chữ ký không khớp.');
    const unset = menuProject({}, () => {
      throw new Error('nothing may be sent');
    });
    expect(unset.call('thiduaMakeDocuments')).toMatch(
      /^Chưa đặt DOCUMENTS_URL hoặc INGEST_SECRET trong Thuộc tính tập lệnh/,
    );
    expect(unset.requests).toEqual([]);
  });

  it('issue 19: "Tổng hợp cấp dưới" posts {"from":"menu","job":"rollup"} to ROLLUP_URL, signed, and shows the answer or the error', () => {
    const secret = 'a-shared-secret-of-enough-length';
    const menu = menuProject({ ROLLUP_URL: 'https://fn.example/rollup', INGEST_SECRET: secret }, () => ({
      status: 200,
      text: JSON.stringify({ job: 'rollup', lines: ['Tổng hợp cấp dưới: đọc được 2/3 bảng tính cấp dưới.'] }),
    }));
    const shown = menu.call('thiduaRollUp');
    const [request] = menu.requests;
    expect(request).toMatchObject({
      url: 'https://fn.example/rollup',
      method: 'post',
      contentType: 'application/json',
    });
    expect(JSON.parse(request.payload)).toEqual({ from: 'menu', job: 'rollup' });
    const timestamp = request.headers['x-thidua-timestamp'];
    expect(
      verifySignature(request.payload, secret, timestamp, request.headers['x-thidua-signature'], Number(timestamp)),
    ).toBe('ok');
    expect(shown).toBe('Tổng hợp cấp dưới: đọc được 2/3 bảng tính cấp dưới.');
    expect(menu.alerts).toEqual([{ title: 'Tổng hợp cấp dưới', message: shown }]);

    const refused = menuProject({ ROLLUP_URL: 'https://fn.example/rollup', INGEST_SECRET: secret }, () => ({
      status: 500,
      text: JSON.stringify({ error: 'Công việc gặp lỗi; xem nhật ký của hàm để biết chi tiết.', reason: 'failed' }),
    }));
    expect(refused.call('thiduaRollUp')).toBe(
      'Chưa tổng hợp được cấp dưới (mã trả lời 500): Công việc gặp lỗi; xem nhật ký của hàm để biết chi tiết.',
    );
    const unset = menuProject({ INGEST_SECRET: secret }, () => {
      throw new Error('nothing may be sent');
    });
    expect(unset.call('thiduaRollUp')).toMatch(/^Chưa đặt ROLLUP_URL hoặc INGEST_SECRET trong Thuộc tính tập lệnh/);
    expect(unset.requests).toEqual([]);

    // UrlFetchApp gives up before hundreds of children are read: the coordinator learns where the result will appear.
    const slow = menuProject({ ROLLUP_URL: 'https://fn.example/rollup', INGEST_SECRET: secret }, () => {
      throw new Error('Timeout: https://fn.example/rollup');
    });
    const waiting = slow.call('thiduaRollUp');
    expect(waiting).toBe(
      'Chưa nhận được trả lời của hàm tổng hợp (Error: Timeout: https://fn.example/rollup). ' +
        'Hàm có thể vẫn đang đọc bảng tính cấp dưới: xem trang "Tổng hợp cấp dưới" sau vài phút.',
    );
    expect(slow.alerts).toEqual([{ title: 'Tổng hợp cấp dưới', message: waiting }]);
  });
  it('issue 20: "Ghi quyết định vào sổ" posts {"from":"menu","job":"record-decisions"} to YEAREND_URL, signed, and shows the answer', () => {
    const secret = 'a-shared-secret-of-enough-length';
    const menu = menuProject({ YEAREND_URL: 'https://fn.example/yearend', INGEST_SECRET: secret }, () => ({
      status: 200,
      text: JSON.stringify({
        job: 'record-decisions',
        lines: ['Không có gì mới để ghi vào sổ năm 2026: sổ giữ nguyên.'],
      }),
    }));
    expect(menu.call('thiduaRecordDecisions')).toBe('Không có gì mới để ghi vào sổ năm 2026: sổ giữ nguyên.');
    const [request] = menu.requests;
    expect(request.url).toBe('https://fn.example/yearend');
    expect(JSON.parse(request.payload)).toEqual({ from: 'menu', job: 'record-decisions' });
    const timestamp = request.headers['x-thidua-timestamp'];
    expect(
      verifySignature(request.payload, secret, timestamp, request.headers['x-thidua-signature'], Number(timestamp)),
    ).toBe('ok');
    expect(menu.alerts.map((a) => a.title)).toEqual(['Ghi quyết định vào sổ']);
  });

  it('issue 20: "Tạo chiến dịch năm sau" creates the spreadsheet as the coordinator, shares it with the functions account, and names it in the signed request', () => {
    const secret = 'a-shared-secret-of-enough-length';
    const account = 'thidua-functions@thidua-demo.iam.gserviceaccount.com';
    const properties = { YEAREND_URL: 'https://fn.example/yearend', INGEST_SECRET: secret };
    const config = [
      ['Khóa', 'Giá trị', 'Ghi chú'],
      ['Năm', '2026', ''],
      ['Bảng tính năm sau', '', ''],
    ];
    const made = menuProject(
      { ...properties, FUNCTIONS_SERVICE_ACCOUNT: account },
      () => ({
        status: 200,
        text: JSON.stringify({ job: 'new-year', lines: ['Đã tạo bảng tính "Thi đua năm 2027": https://x'] }),
      }),
      { config },
    );
    expect(made.call('thiduaNewYear')).toBe('Đã tạo bảng tính "Thi đua năm 2027": https://x');
    expect(made.created).toHaveLength(1);
    expect(made.created[0].editors).toEqual([account]);
    expect(JSON.parse(made.requests[0].payload)).toEqual({
      from: 'menu',
      job: 'new-year',
      spreadsheetId: made.created[0].id,
    });

    // The function declines: its reason is shown, with the empty spreadsheet that may be deleted.
    const refused = menuProject(
      { ...properties, FUNCTIONS_SERVICE_ACCOUNT: account },
      () => ({ status: 409, text: JSON.stringify({ error: 'Chưa tạo phong trào năm 2027: …', reason: 'refused' }) }),
      { config },
    );
    expect(refused.call('thiduaNewYear')).toBe(
      'Chưa tạo được chiến dịch năm sau (mã trả lời 409): Chưa tạo phong trào năm 2027: …\n\n' +
        `Bảng tính trống vừa tạo không được dùng, có thể xóa: ${refused.created[0].url}`,
    );

    // Without the account to share with, or once next year exists, nothing is created and nothing is sent.
    const unshared = menuProject(properties, () => ({ status: 200, text: '{}' }), { config });
    expect(unshared.call('thiduaNewYear')).toMatch(
      /^Chưa đặt YEAREND_URL, INGEST_SECRET hoặc FUNCTIONS_SERVICE_ACCOUNT trong Thuộc tính tập lệnh/,
    );
    const twice = menuProject(
      { ...properties, FUNCTIONS_SERVICE_ACCOUNT: account },
      () => ({ status: 200, text: '{}' }),
      { config: [...config.slice(0, 2), ['Bảng tính năm sau', 'https://docs.google.com/spreadsheets/d/abc/edit', '']] },
    );
    expect(twice.call('thiduaNewYear')).toBe(
      'Phong trào năm sau đã được tạo: https://docs.google.com/spreadsheets/d/abc/edit. Không tạo lần thứ hai; ' +
        'nếu bảng tính đó đã bị xóa, hãy xóa ô "Bảng tính năm sau" của trang "Cấu hình" rồi chọn lại mục này.',
    );
    for (const run of [unshared, twice]) expect([run.created, run.requests]).toEqual([[], []]);
  });
});
