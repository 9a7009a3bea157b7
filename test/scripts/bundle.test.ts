// The app Zapier runs is dist/index.js as scripts/bundle.mjs writes it, not the TypeScript the other
// tests load. This builds the bundle into a scratch folder inside the project (so it resolves
// zapier-platform-core as Zapier's runtime would), checks what went into it, and runs deliveries
// through it next to the sources: same definition, same items, same refusals.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Metafile } from 'esbuild';
import { signedDelivery, HOOKS } from '../../bench/payloads.js';
import { AppRunner, type AppLike } from '../../sandbox/app-runner.js';
import { blueSignature } from '../../sandbox/blue-server.js';
import { toRawRequest } from '../../sandbox/catch-hook.js';
import { bundle } from '../../scripts/bundle.mjs';
import SourceApp from '../../index.js';
import { caught } from '../support/errors.js';

const root = process.cwd();
const scratch = join(root, '.test-tmp', `bundle-${process.pid}`);
const outfile = join(scratch, 'index.js');

let meta: Metafile;
let code: string;
let bundled: AppLike;

beforeAll(async () => {
  mkdirSync(scratch, { recursive: true });
  meta = await bundle({ outfile });
  code = readFileSync(outfile, 'utf8');
  bundled = ((await import(pathToFileURL(outfile).href)) as { default: AppLike }).default;
}, 60_000);

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const inputs = () => Object.keys(Object.values(meta.outputs)[0]?.inputs ?? {});

describe('what loading dist/index.js costs (the cold start)', () => {
  // A fresh process, as on a cold start: counts every zod schema built while the module loads
  // (zod calls globalThis.__zod_globalConfig.postProcessor for each), and checks which of Node's
  // own modules the import pulled in.
  const probe = () =>
    JSON.parse(
      execFileSync(
        process.execPath,
        [
          '--input-type=module',
          '-e',
          `const kinds = {};
           globalThis.__zod_globalConfig = { postProcessor: (s) => { const t = s._zod.def.type; kinds[t] = (kinds[t] ?? 0) + 1; } };
           await import('zapier-platform-core');
           const before = new Set(process.moduleLoadList);
           await import(${JSON.stringify(pathToFileURL(outfile).href)});
           const loaded = process.moduleLoadList.filter((m) => !before.has(m));
           console.log(JSON.stringify({ kinds, loaded }));`,
        ],
        { cwd: root, encoding: 'utf8' },
      ),
    ) as { kinds: Record<string, number>; loaded: string[] };

  it('builds no zod schema but the lazy wrappers: module-level schemas are built on first use', () => {
    const { kinds } = probe();
    expect(Object.keys(kinds)).toEqual(['lazy']);
    expect(kinds.lazy).toBeGreaterThan(40);
  });

  it('does not load undici: an ES import of node:http would, reading its lazy WebSocket getters (about 10 ms)', () => {
    const { loaded } = probe();
    expect(loaded.length).toBeGreaterThan(0);
    expect(loaded.filter((m) => /undici|websocket/i.test(m))).toEqual([]);
  });
});

describe('what goes into dist/index.js', () => {
  it('holds our sources, zod (through common/zod.ts) and standardwebhooks, but not core, the sandbox or the bench', () => {
    const files = inputs();
    expect(files).toContain('index.ts');
    expect(files).toContain('codat/signature.ts');
    expect(files.some((f) => f.startsWith('node_modules/zod/'))).toBe(true);
    expect(files.some((f) => f.startsWith('node_modules/standardwebhooks/'))).toBe(true);
    expect(files.filter((f) => /zapier-platform-core|^sandbox\/|^bench\/|^test\//.test(f))).toEqual([]);
  });

  it("keeps zod's English messages and none of its 60-odd other locales (the cold-start saving)", () => {
    const locales = inputs().filter((f) => f.includes('node_modules/zod/v4/locales/'));
    expect(locales).toEqual(['node_modules/zod/v4/locales/en.js']);
  });

  it('imports nothing at run time but zapier-platform-core and Node built-ins', () => {
    const specifiers = [...code.matchAll(/^\s*import\s[^;]*?from\s*["']([^"']+)["']/gm)].map((m) => m[1]);
    expect(specifiers.length).toBeGreaterThan(0);
    expect([...new Set(specifiers)].filter((s) => s !== 'zapier-platform-core' && !s?.startsWith('node:'))).toEqual([]);
    // A CommonJS dependency left with a bare require() would throw in an ES module at run time.
    expect(code).not.toMatch(/\b__require\(\s*["'](?!node:)/);
  });
});

describe('dist/index.js behaves like the sources', () => {
  it('exports the same app definition (keys, fields, samples), fixed fields given on demand included', async () => {
    // JSON drops functions: first replace each function of no arguments (input or output fields
    // given on demand) by what it returns; functions that ask a service stay out of the comparison.
    const resolved = async (value: unknown): Promise<unknown> => {
      if (typeof value === 'function') return value.length === 0 ? await (value as () => unknown)() : undefined;
      if (Array.isArray(value)) return (await Promise.all(value.map(resolved))).flat();
      if (value && typeof value === 'object') {
        const out: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(value)) out[k] = await resolved(v);
        return out;
      }
      return value;
    };
    const fromSources = JSON.parse(JSON.stringify(await resolved(SourceApp))) as Record<string, unknown>;
    expect(JSON.parse(JSON.stringify(await resolved(bundled)))).toEqual(fromSources);
    // The comparison covers the fields: New Record's filters come from its on-demand function.
    const newTodo = (fromSources.triggers as Record<string, { operation: { inputFields: { key: string }[] } }>)
      .new_todo!;
    expect(newTodo.operation.inputFields.map((f) => f.key)).toEqual(['projectId', 'todoListId', 'tagId', 'assigneeId']);
  });

  for (const service of ['codat', 'blue'] as const) {
    const { triggerKey } = HOOKS[service];
    it(`${service}: a signed delivery gives the same item through ${triggerKey}`, async () => {
      const delivery = signedDelivery(service, 4096);
      const fromBundle = new AppRunner(bundled);
      const fromSources = new AppRunner(SourceApp);
      const items = await fromBundle.run<Record<string, unknown>[]>(
        fromBundle.fn('triggers', triggerKey, 'perform'),
        delivery.bundle,
      );
      expect(items).toHaveLength(1);
      expect(items[0]?.id).toEqual(expect.any(String));
      const expected = await fromSources.run<unknown>(
        fromSources.fn('triggers', triggerKey, 'perform'),
        delivery.bundle,
      );
      expect(items).toEqual(expected);
    });

    it(`${service}: a delivery with one byte changed is refused by the bundle`, async () => {
      const delivery = signedDelivery(service, 4096);
      const raw = delivery.bundle.rawRequest as { content: string };
      const tampered = {
        ...delivery.bundle,
        rawRequest: { ...raw, content: raw.content.replace('"id":"', '"id":"x') },
      };
      const runner = new AppRunner(bundled);
      const err = await caught(runner.run(runner.fn('triggers', triggerKey, 'perform'), tampered));
      expect(err.name).toBe('HaltedError');
      expect(err.message).toMatch(/signature/i);
    });
  }

  it("keeps zod's English messages: a signed Blue body of the wrong shape is refused with the same words as from the sources", async () => {
    const delivery = signedDelivery('blue', 1024);
    const secret = (delivery.bundle.subscribeData as { secret: string }).secret;
    const content = JSON.stringify({ event: 'TODO_CREATED', webhook: 5, currentValue: { id: 'ctodo1' } });
    const rawRequest = toRawRequest(
      'POST',
      '/hooks/catch/bench/',
      { 'content-type': 'application/json', 'x-signature': blueSignature(secret, content) },
      content,
    );
    const bundle = { ...delivery.bundle, rawRequest, cleanedRequest: JSON.parse(content) as unknown };
    const refusal = async (app: AppLike) => {
      const runner = new AppRunner(app);
      return caught(runner.run(runner.fn('triggers', 'new_todo', 'perform'), bundle));
    };
    const fromBundle = await refusal(bundled);
    expect(fromBundle.name).toBe('HaltedError');
    expect(fromBundle.message).toContain('webhook: Invalid input: expected object, received number');
    expect(fromBundle.message).toBe((await refusal(SourceApp)).message);
  });
});
