// The official Sheets client, built once: Google's endpoint with Application Default Credentials in
// production, or a loopback Sheets-compatible server (no credentials) when a root URL is configured.
import { sheets, type sheets_v4 } from '@googleapis/sheets';
import { GoogleAuth } from 'google-auth-library';

export type SheetsApi = sheets_v4.Sheets;

export function createSheetsClient(rootUrl?: string): SheetsApi {
  if (rootUrl) {
    const root = rootUrl.endsWith('/') ? rootUrl : `${rootUrl}/`;
    // The client's own retries skip POST and ignore Retry-After; our gateway retries instead.
    return sheets({ version: 'v4', rootUrl: root, retry: false } as sheets_v4.Options);
  }
  const auth = new GoogleAuth({ scopes: ['https://www.googleapis.com/auth/spreadsheets'] });
  return sheets({ version: 'v4', auth, retry: false } as sheets_v4.Options);
}
