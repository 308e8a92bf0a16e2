// Google's error envelope (`{"error":{"code","message","status"}}`) and the errors the handlers raise.

export type GoogleStatus =
  | 'INVALID_ARGUMENT'
  | 'NOT_FOUND'
  | 'RESOURCE_EXHAUSTED'
  | 'INTERNAL'
  | 'UNAVAILABLE'
  | 'PERMISSION_DENIED'
  | 'UNIMPLEMENTED';

const STATUS_BY_CODE: Record<number, GoogleStatus> = {
  400: 'INVALID_ARGUMENT',
  403: 'PERMISSION_DENIED',
  404: 'NOT_FOUND',
  429: 'RESOURCE_EXHAUSTED',
  500: 'INTERNAL',
  501: 'UNIMPLEMENTED',
  503: 'UNAVAILABLE',
};

export class ApiError extends Error {
  constructor(
    readonly code: number,
    message: string,
    readonly status: GoogleStatus = STATUS_BY_CODE[code] ?? 'INTERNAL',
    /** `google.rpc` details, as Google attaches them to a quota error. */
    readonly details?: readonly Record<string, unknown>[],
  ) {
    super(message);
  }

  body(): {
    error: { code: number; message: string; status: GoogleStatus; details?: readonly Record<string, unknown>[] };
  } {
    const error = { code: this.code, message: this.message, status: this.status };
    return { error: this.details ? { ...error, details: this.details } : error };
  }
}

export function badRequest(message: string): ApiError {
  return new ApiError(400, message);
}

export function notFound(): ApiError {
  return new ApiError(404, 'Requested entity was not found.');
}

export function unparsableRange(range: string): ApiError {
  return badRequest(`Unable to parse range: ${range}`);
}

/** The wording Google uses for a range that starts (or, for writes, reaches) outside the grid. */
export function gridLimit(rangeText: string, rowCount: number, columnCount: number): ApiError {
  return badRequest(`Range (${rangeText}) exceeds grid limits. Max rows: ${rowCount}, max columns: ${columnCount}`);
}

/** What each injected status answers, in Google's words. */
export function faultError(status: number): ApiError {
  switch (status) {
    case 429:
      return new ApiError(
        429,
        "Quota exceeded for quota metric 'Read requests' and limit 'Read requests per minute per user' of service 'sheets.googleapis.com' for consumer 'project_number:0'.",
      );
    case 503:
      return new ApiError(503, 'The service is currently unavailable.');
    case 500:
      return new ApiError(500, 'Internal error encountered.');
    default:
      return new ApiError(status, 'Injected fault.');
  }
}

/** Google refuses a request body over 10 MiB, whatever the method (Google recommends at most 2 MB). */
export const MAX_REQUEST_BYTES = 10_485_760;

export function payloadTooLarge(): ApiError {
  return badRequest(`Request payload size exceeds the limit: ${MAX_REQUEST_BYTES} bytes.`);
}
