// The official Sheets client, built once: Google's endpoint with Application Default Credentials in
// production, or a loopback Sheets-compatible server (no credentials) when a root URL is configured.
import { sheets, type sheets_v4 } from '@googleapis/sheets';
import { GoogleAuth } from 'google-auth-library';

export type SheetsApi = sheets_v4.Sheets;

/**
 * Options of every request. The client's own retries skip POST and ignore Retry-After; our gateway retries instead.
 * Google indents every JSON response unless told `prettyPrint=false`: for a snapshot of 50,000 responses the
 * indentation alone is larger than the data.
 */
const COMMON = { retry: false, params: { prettyPrint: false } };

export function createSheetsClient(rootUrl?: string): SheetsApi {
  if (rootUrl) {
    const root = rootUrl.endsWith('/') ? rootUrl : `${rootUrl}/`;
    return sheets({ version: 'v4', rootUrl: root, ...COMMON } as sheets_v4.Options);
  }
  const auth = new GoogleAuth({ scopes: ['https://www.googleapis.com/auth/spreadsheets'] });
  return sheets({ version: 'v4', auth, ...COMMON } as sheets_v4.Options);
}
