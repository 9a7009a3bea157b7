// Reads a Zapier error thrown through the app tester into plain fields tests can assert on.
export interface CaughtError {
  name: string;
  /** The user-facing message (AppError/ThrottledError wrap it in JSON; unwrapped here). */
  message: string;
  code?: string;
  status?: number;
  delay?: number | null;
  raw: string;
}

export function readError(err: unknown): CaughtError {
  if (!(err instanceof Error)) throw new Error(`Expected an Error, got ${String(err)}`);
  const out: CaughtError = { name: err.name, message: err.message, raw: err.message };
  if (err.name === 'AppError' || err.name === 'ThrottledError') {
    const parsed = JSON.parse(err.message) as {
      message: string;
      code?: string;
      status?: number;
      delay?: number | null;
    };
    out.message = parsed.message;
    if (parsed.code !== undefined) out.code = parsed.code;
    if (parsed.status !== undefined) out.status = parsed.status;
    if ('delay' in parsed) out.delay = parsed.delay;
  }
  return out;
}

/** Awaits a promise that must reject and returns the error's fields. */
export async function caught(promise: Promise<unknown>): Promise<CaughtError> {
  try {
    await promise;
  } catch (err) {
    return readError(err);
  }
  throw new Error('Expected the call to fail, but it succeeded');
}
