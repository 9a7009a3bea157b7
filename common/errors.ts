// Keeping secrets held in the bundle out of error messages.
import type { Bundle, ZObject } from 'zapier-platform-core';

/**
 * zapier-platform-core appends "What happened" and the bundle (minus authData) to the message of
 * most errors (HaltedError, ExpiredAuthError, unexpected ones). In hook perform/unsubscribe the
 * bundle holds subscribeData.secret, so mark every error as already explained.
 */
export function withoutBundleInErrors<R>(
  fn: (z: ZObject, bundle: Bundle) => R | Promise<R>,
): (z: ZObject, bundle: Bundle) => Promise<R> {
  return async (z, bundle) => {
    try {
      return await fn(z, bundle);
    } catch (err) {
      if (err instanceof Error) Object.assign(err, { doNotContextify: true });
      throw err;
    }
  };
}
