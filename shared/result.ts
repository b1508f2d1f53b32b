// The Result envelope every call across a process or network boundary returns: errors are values with a small closed set of codes.
export const errorCodes = ['validation', 'not_found', 'unauthorized', 'unavailable', 'conflict', 'internal'] as const;
export type ErrorCode = (typeof errorCodes)[number];

export interface AppError {
  code: ErrorCode;
  message: string;
  /** Where the problem is, when it has a place: a field path, a file and line, an endpoint. */
  details?: string[];
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: ErrorCode, message: string, details?: string[]): Result<never> => ({
  ok: false,
  error: details && details.length > 0 ? { code, message, details } : { code, message },
});

/** A thrown error that carries an error code, so core services can fail with the right code. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: string[],
  ) {
    super(message);
    this.name = 'DomainError';
  }
}
