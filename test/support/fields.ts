// Input fields of the app's operations as the Zap editor gets them. index.ts hands optional fields
// over on demand (common/lean-definition.ts), so an operation's list mixes static fields, functions
// returning fixed fields, and functions that ask the service (custom fields).
import { onDemandFields } from '../../common/lean-definition.js';

/** The static fields and those handed over on demand, in order (functions that ask the service are left out). */
export function fixedInputFields<T = Record<string, unknown>>(fields: readonly unknown[] | undefined): T[] {
  return (fields ?? []).flatMap((f) =>
    typeof f === 'function' ? ((onDemandFields(f) ?? []) as T[]) : f && typeof f === 'object' ? [f as T] : [],
  );
}

/** The function that builds fields from the service (not an on-demand list of fixed fields). */
export function dynamicFieldsFunction<F = (...args: never[]) => unknown>(fields: readonly unknown[] | undefined): F {
  const fn = (fields ?? []).find((f) => typeof f === 'function' && !onDemandFields(f));
  if (!fn) throw new Error('no dynamic field function');
  return fn as F;
}
