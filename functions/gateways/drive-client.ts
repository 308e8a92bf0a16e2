// The official Drive client, built once: Google's endpoint with Application Default Credentials in production, or a
// loopback Drive-compatible server (no credentials) when a root URL is configured.
import { drive, type drive_v3 } from '@googleapis/drive';
import { GoogleAuth } from 'google-auth-library';

export type DriveApi = drive_v3.Drive;

/**
 * The folder is one a coordinator made and shared with the functions' service account, so the narrower `drive.file`
 * scope (files the app created or was handed by a picker) cannot reach it.
 */
export const DRIVE_SCOPE = 'https://www.googleapis.com/auth/drive';

/** The client's own retries skip POST and PATCH and ignore Retry-After; our gateway retries instead. */
const COMMON = { retry: false, params: { prettyPrint: false } };

export interface DriveClient {
  readonly api: DriveApi;
  /**
   * Options every upload call must carry: the client applies a configured root URL to `url` but not to `mediaUrl`
   * (googleapis-common's createAPIRequest), so without this an upload would go to www.googleapis.com.
   */
  readonly uploadOptions: { readonly rootUrl?: string };
}

export function createDriveClient(rootUrl?: string): DriveClient {
  if (rootUrl) {
    const root = rootUrl.endsWith('/') ? rootUrl : `${rootUrl}/`;
    return {
      api: drive({ version: 'v3', rootUrl: root, ...COMMON } as drive_v3.Options),
      uploadOptions: { rootUrl: root },
    };
  }
  const auth = new GoogleAuth({ scopes: [DRIVE_SCOPE] });
  return { api: drive({ version: 'v3', auth, ...COMMON } as drive_v3.Options), uploadOptions: {} };
}
