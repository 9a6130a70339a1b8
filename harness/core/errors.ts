/** Stable codes for everything that is the harness's or the adapter's fault, never the implementation's. */
export type GwiErrorCode =
  | 'GWI_USAGE'
  | 'GWI_ADAPTER_NOT_FOUND'
  | 'GWI_ADAPTER_INVALID'
  | 'GWI_PYTHON_NOT_FOUND'
  | 'GWI_SERVER_START_FAILED'
  | 'GWI_SERVER_EXITED'
  | 'GWI_SERVER_TIMEOUT'
  | 'GWI_SERVER_GARBAGE'
  | 'GWI_SERVER_CRASHED'
  | 'GWI_SERVER_UNRESPONSIVE'
  | 'GWI_SERVER_IDENTITY'
  | 'GWI_RUN_TIME_BOUND'
  | 'GWI_SPEC_INVALID'
  | 'GWI_NOTHING_REACHED_PROBE'
  | 'GWI_EXPECTATIONS_INVALID'
  | 'GWI_INTERRUPTED'
  | 'GWI_APP_LOAD_FAILED'
  | 'GWI_APP_TIMEOUT'
  | 'GWI_APP_HUNG'
  | 'GWI_APP_CRASHED'
  | 'GWI_DRIVER_PROTOCOL'
  | 'GWI_HARNESS_BUG';

/** An error with a code, a message saying what happened, and a hint saying what to do. */
export class GwiError extends Error {
  readonly code: GwiErrorCode;
  readonly hint: string;
  /** For a process that ended or failed: what it printed (its last 16 KB; the message shows only the last lines). */
  output?: string;
  /** For an error about one request: its exact octets, so the server's liveness can be judged by sending it again. */
  request?: Buffer;

  constructor(code: GwiErrorCode, message: string, hint = '') {
    super(message);
    this.name = 'GwiError';
    this.code = code;
    this.hint = hint;
  }
}

/** Any thrown value as a GwiError, so nothing reaches the user as a stack trace. */
export function asGwiError(error: unknown, fallback: GwiErrorCode = 'GWI_SERVER_CRASHED'): GwiError {
  if (error instanceof GwiError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new GwiError(fallback, message);
}
