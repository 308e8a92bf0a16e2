// Runs the generated Apps Script project's menu functions in a V8 context with Apps Script's services as they behave:
// Utilities signs with a real HMAC (as signed bytes, like Apps Script), UrlFetchApp hands each request to `answer`,
// and the alerts a coordinator would see are kept.
import { createHmac, randomBytes } from 'node:crypto';
import { runInNewContext } from 'node:vm';
import { renderAppsScript } from '../../../scripts/apps-script/index.ts';
import { TAB } from '../../../sheets-schema/index.ts';

export interface ScriptRequest {
  readonly url: string;
  readonly method: string;
  readonly contentType: string;
  readonly payload: string;
  readonly headers: Record<string, string>;
}

export interface ScriptAnswer {
  readonly status: number;
  readonly text: string;
}

/** A spreadsheet SpreadsheetApp.create made, as Google would: its id, its address, the editors it was shared with. */
export interface CreatedSpreadsheet {
  readonly name: string;
  readonly id: string;
  readonly url: string;
  readonly editors: string[];
}

export interface MenuSpreadsheets {
  /** `Cấu hình` of the spreadsheet the menu runs in, as Range.getValues() returns it; absent: no such tab. */
  readonly config?: readonly (readonly unknown[])[];
}

export interface MenuRun {
  /** Runs a function of the project by name and returns its result. */
  call(name: string): unknown;
  /** Evaluates an expression in the project's global scope (its helpers, with JSON arguments). */
  evaluate(expression: string): unknown;
  readonly requests: ScriptRequest[];
  readonly alerts: { title: string; message: string }[];
  readonly created: CreatedSpreadsheet[];
}

export function menuProject(
  properties: Record<string, string>,
  answer: (request: ScriptRequest) => ScriptAnswer,
  spreadsheets: MenuSpreadsheets = {},
): MenuRun {
  const requests: ScriptRequest[] = [];
  const alerts: { title: string; message: string }[] = [];
  const created: CreatedSpreadsheet[] = [];
  const { config } = spreadsheets;
  const configSheet = config && {
    getLastRow: () => config.length,
    getDataRange: () => ({ getValues: () => config.map((r) => [...r]) }),
  };
  const context = {
    PropertiesService: {
      getScriptProperties: () => ({ getProperty: (k: string) => properties[k] ?? null }),
    },
    Utilities: {
      Charset: { UTF_8: 'UTF-8' },
      computeHmacSha256Signature: (value: string, key: string) =>
        [...createHmac('sha256', key).update(value, 'utf8').digest()].map((b) => (b > 127 ? b - 256 : b)),
    },
    UrlFetchApp: {
      fetch: (
        url: string,
        options: { method: string; contentType: string; payload: string; headers: Record<string, string> },
      ) => {
        const request = {
          url,
          method: options.method,
          contentType: options.contentType,
          payload: options.payload,
          headers: options.headers,
        };
        requests.push(request);
        const { status, text } = answer(request);
        return { getResponseCode: () => status, getContentText: () => text };
      },
    },
    SpreadsheetApp: {
      getActiveSpreadsheet: () => ({
        getSheetByName: (name: string) => (name === TAB.config ? (configSheet ?? null) : null),
      }),
      // A Drive file id as Google makes them (44 characters of [A-Za-z0-9_-]); the test creates it where it is served.
      create: (name: string) => {
        const id = randomBytes(33).toString('base64url');
        const book = {
          name,
          id,
          url: `https://docs.google.com/spreadsheets/d/${id}/edit`,
          editors: [] as string[],
        };
        created.push(book);
        const handle = {
          getId: () => id,
          getUrl: () => book.url,
          addEditor: (email: string) => {
            book.editors.push(email);
            return handle;
          },
        };
        return handle;
      },
      getUi: () => ({
        ButtonSet: { OK: 'OK' },
        alert: (title: string, message: string) => alerts.push({ title, message }),
      }),
    },
    Logger: { log: () => undefined },
    console,
  };
  const code = Object.entries(renderAppsScript())
    .filter(([name]) => name.endsWith('.gs'))
    .map(([, source]) => source)
    .join('\n');
  runInNewContext(code, context);
  return {
    call: (name) => runInNewContext(`${name}()`, context),
    evaluate: (expression) => runInNewContext(expression, context),
    requests,
    alerts,
    created,
  };
}
