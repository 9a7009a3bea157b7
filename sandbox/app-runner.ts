// Runs the app's functions through zapier-platform-core's own runtime (createAppTester), the way
// Zapier would, and finds them in the app definition without depending on any one trigger's code.
import zapier from 'zapier-platform-core';
import type { Bundle, ZObject } from 'zapier-platform-core';

export type AppFunction = (z: ZObject, bundle: Bundle) => unknown;

interface OperationLike {
  perform?: unknown;
  performSubscribe?: unknown;
  performUnsubscribe?: unknown;
  performList?: unknown;
  inputFields?: unknown;
}

/** The parts of a Zapier app definition the sandbox reads; index.ts's default export fits. */
export interface AppLike {
  authentication?: { test?: unknown; connectionLabel?: unknown };
  triggers?: Record<string, { operation?: OperationLike } | undefined>;
  creates?: Record<string, { operation?: OperationLike } | undefined>;
  searches?: Record<string, { operation?: OperationLike } | undefined>;
}

export class NotImplementedYet extends Error {
  constructor(what: string) {
    super(`${what}: not implemented yet (not registered in index.ts)`);
    this.name = 'NotImplementedYet';
  }
}

export class AppRunner {
  private readonly tester: ReturnType<typeof zapier.createAppTester>;

  constructor(readonly app: AppLike) {
    this.tester = zapier.createAppTester(app);
  }

  has(kind: 'triggers' | 'creates' | 'searches', key: string): boolean {
    return Boolean(this.app[kind]?.[key]?.operation);
  }

  /** A function of the app (e.g. triggers.codat_event.operation.performSubscribe), or NotImplementedYet. */
  fn(kind: 'triggers' | 'creates' | 'searches', key: string, name: keyof OperationLike): AppFunction {
    const op = this.app[kind]?.[key]?.operation;
    const f = op?.[name];
    if (typeof f !== 'function') throw new NotImplementedYet(`${kind}.${key}.operation.${name}`);
    return f as AppFunction;
  }

  authFn(name: 'test' | 'connectionLabel'): AppFunction {
    const f = this.app.authentication?.[name];
    if (typeof f !== 'function') throw new NotImplementedYet(`authentication.${name}`);
    return f as AppFunction;
  }

  /** Runs one function of the app with a bundle, through core's runtime (middleware included). */
  run<T = unknown>(f: AppFunction, bundle: Record<string, unknown>): Promise<T> {
    return this.tester(f, bundle as unknown as Bundle) as Promise<T>;
  }

  /**
   * Every input field of an action or trigger, with dynamic field functions resolved the way
   * Zapier's editor does (each function called with the bundle, results flattened).
   */
  async inputFields(
    kind: 'triggers' | 'creates',
    key: string,
    bundle: Record<string, unknown>,
  ): Promise<Record<string, unknown>[]> {
    const op = this.app[kind]?.[key]?.operation;
    if (!op) throw new NotImplementedYet(`${kind}.${key}`);
    const fields = Array.isArray(op.inputFields) ? (op.inputFields as unknown[]) : [];
    const out: Record<string, unknown>[] = [];
    for (const field of fields) {
      if (typeof field === 'function') {
        const more = await this.run<unknown>(field as AppFunction, bundle);
        if (Array.isArray(more)) out.push(...(more as Record<string, unknown>[]));
      } else if (field && typeof field === 'object') {
        out.push(field as Record<string, unknown>);
      }
    }
    return out;
  }
}
