// Drive's error envelope (`{"error":{"code","message","errors":[{domain,reason,message,location,locationType}]}}`, the
// shape of "Resolve errors", https://developers.google.com/drive/api/guides/handle-errors) and the errors we raise.

export interface ErrorItem {
  readonly domain: string;
  readonly reason: string;
  readonly message: string;
  readonly location?: string;
  readonly locationType?: string;
}

export class DriveApiError extends Error {
  constructor(
    readonly code: number,
    message: string,
    readonly reason: string,
    readonly location?: { readonly name: string; readonly type: 'parameter' | 'header' },
  ) {
    super(message);
  }

  body(): { error: { code: number; message: string; errors: ErrorItem[] } } {
    const item: ErrorItem = {
      domain: 'global',
      reason: this.reason,
      message: this.message,
      ...(this.location ? { location: this.location.name, locationType: this.location.type } : {}),
    };
    return { error: { code: this.code, message: this.message, errors: [item] } };
  }
}

/** Absent, or not shared with the caller: Drive does not say which. */
export function fileNotFound(id: string): DriveApiError {
  return new DriveApiError(404, `File not found: ${id}.`, 'notFound', { name: 'fileId', type: 'parameter' });
}

/** A malformed value of a query parameter (a `q` Drive cannot parse, a bad `pageToken`). */
export function invalidValue(parameter: string): DriveApiError {
  return new DriveApiError(400, 'Invalid Value', 'invalid', { name: parameter, type: 'parameter' });
}

export function invalidFieldSelection(field: string): DriveApiError {
  return new DriveApiError(400, `Invalid field selection ${field}`, 'invalidParameter', {
    name: 'fields',
    type: 'parameter',
  });
}

export function badRequest(message: string): DriveApiError {
  return new DriveApiError(400, message, 'badRequest');
}

/** What each injected status answers, in Drive's words. */
export function faultError(status: number): DriveApiError {
  switch (status) {
    case 429:
      return new DriveApiError(429, 'Rate Limit Exceeded', 'rateLimitExceeded');
    case 403:
      return new DriveApiError(403, 'User Rate Limit Exceeded', 'userRateLimitExceeded');
    default:
      return new DriveApiError(status, status >= 500 ? 'Backend Error' : 'Injected fault.', 'backendError');
  }
}
