import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../functions/config.ts';

const valid = { SPREADSHEET_ID: 'demo', SENDGRID_API_KEY: 'SG.x', MAIL_FROM: 'thuongtruc@example.vn' };

describe('loadConfig', () => {
  it('accepts the required variables and leaves Google and SendGrid URLs unset by default', () => {
    expect(loadConfig(valid)).toEqual(valid);
  });

  it.each([
    [{ ...valid, SPREADSHEET_ID: undefined }, 'Missing environment variable SPREADSHEET_ID'],
    [{ ...valid, MAIL_FROM: 'not an address' }, 'Malformed environment variable MAIL_FROM'],
    // SendGrid's errors page: "The From email exceeds the maximum total length of 320 characters".
    [{ ...valid, MAIL_FROM: `${'x'.repeat(300)}@${'a'.repeat(20)}.vn` }, 'Malformed environment variable MAIL_FROM'],
    [{ ...valid, GOOGLE_SHEETS_ROOT_URL: 'ftp://x' }, 'Malformed environment variable GOOGLE_SHEETS_ROOT_URL'],
    [{ ...valid, GOOGLE_DRIVE_ROOT_URL: 'drive.local' }, 'Malformed environment variable GOOGLE_DRIVE_ROOT_URL'],
    [{ ...valid, INGEST_SECRET: 'short' }, 'Malformed environment variable INGEST_SECRET'],
  ])('stops with one line naming the variable (%#)', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });
});
