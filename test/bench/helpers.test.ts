// The bench's pure helpers: statistics and the zip central-directory reader (no timing here).
import { describe, expect, it } from '@jest/globals';
import { deflateRawSync } from 'node:zlib';
import { bundleComposition, failureSummary } from '../../bench/build-size.js';
import { formatBytes, median, ratio, resultsFile, table, verdict } from '../../bench/stats.js';
import { dependencyOf, readCentralDirectory, splitByOwner } from '../../bench/zip.js';

/** A minimal zip (deflated entries, optional archive comment), written by hand per APPNOTE 4.3. */
function makeZip(files: { name: string; data: string }[], comment = ''): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const f of files) {
    const name = Buffer.from(f.name, 'utf8');
    const raw = Buffer.from(f.data, 'utf8');
    const packed = f.name.endsWith('/') ? Buffer.alloc(0) : deflateRawSync(raw);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(raw.length, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, packed);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(raw.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt16LE(4, 30); // an extra field, which the reader must skip
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name, Buffer.from([0xfe, 0xca, 0, 0]));
    offset += 30 + name.length + packed.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  const text = Buffer.from(comment, 'utf8');
  end.writeUInt16LE(text.length, 20);
  return Buffer.concat([...locals, cd, end, text]);
}

describe('median', () => {
  it('takes the middle of an odd sample and the mean of the two middles of an even one, whatever the order', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([7])).toBe(7);
  });
  it('does not reorder its input and refuses an empty sample', () => {
    const xs = [3, 1, 2];
    median(xs);
    expect(xs).toEqual([3, 1, 2]);
    expect(() => median([])).toThrow(/empty/);
  });
});

describe('ratio, verdict, formatBytes, table', () => {
  it('gives no ratio against zero', () => {
    expect(ratio(3, 2)).toBe(1.5);
    expect(ratio(3, 0)).toBeNull();
    expect(verdict(null, 1.3)).toBe('n/a');
  });
  it('says whether a target is met', () => {
    expect(verdict(1.3, 1.3)).toBe('1.30x (target <= 1.3x: ok)');
    expect(verdict(1.31, 1.3)).toBe('1.31x (target <= 1.3x: MISSED)');
  });
  it('formats sizes in binary units', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(3 * 1024 * 1024)).toBe('3.00 MB');
  });
  it('pads columns to the widest cell', () => {
    expect(table(['a', 'bb'], [['ccc', 'd']])).toBe('a    bb\n---  --\nccc  d');
  });
});

describe('readCentralDirectory', () => {
  const files = [
    { name: 'dist/index.js', data: 'export default {};\n'.repeat(40) },
    { name: 'node_modules/', data: '' },
    { name: 'node_modules/zod/index.js', data: 'module.exports = 1;\n'.repeat(10) },
    { name: 'node_modules/@scope/pkg/lib/a.js', data: 'x'.repeat(1000) },
    { name: 'node_modules/zod/node_modules/inner/b.js', data: 'y'.repeat(300) },
    { name: 'definition.json', data: '{"ok":true}' },
  ];

  it('lists every entry with its sizes, skipping extra fields and an archive comment', () => {
    const zip = makeZip(files, 'built by a test');
    const entries = readCentralDirectory(zip);
    expect(entries.map((e) => e.name)).toEqual(files.map((f) => f.name));
    expect(entries[0]!.uncompressedSize).toBe(Buffer.byteLength(files[0]!.data));
    expect(entries[0]!.compressedSize).toBe(deflateRawSync(Buffer.from(files[0]!.data)).length);
    expect(entries[0]!.compressedSize).toBeLessThan(entries[0]!.uncompressedSize);
  });

  it('splits our files from dependencies, nested node_modules counting for their parent', () => {
    const { own, deps, byDependency } = splitByOwner(readCentralDirectory(makeZip(files)));
    expect(own.files).toBe(2);
    expect(own.uncompressed).toBe(Buffer.byteLength(files[0]!.data) + Buffer.byteLength('{"ok":true}'));
    expect(deps.files).toBe(3);
    expect(deps.uncompressed).toBe(200 + 1000 + 300);
    expect([...byDependency.keys()].sort()).toEqual(['@scope/pkg', 'zod']);
    expect(byDependency.get('zod')!.files).toBe(2);
  });

  it('names the dependency of a path', () => {
    expect(dependencyOf('node_modules/zod/v4/x.js')).toBe('zod');
    expect(dependencyOf('node_modules/@a/b/c.js')).toBe('@a/b');
    expect(dependencyOf('dist/index.js')).toBeNull();
  });

  it('refuses what is not a zip', () => {
    expect(() => readCentralDirectory(Buffer.from('PK not really a zip file at all'))).toThrow(/not a zip/);
  });
});

describe('failureSummary (why the build-size row says n/a)', () => {
  it("keeps npm's own error lines, without local paths, warnings or the debug-log pointer", () => {
    const stderr = [
      'npm warn Unknown user config "nodedir".',
      '$ /home/me/app/node_modules/node/bin/node npm-cli.js ci --omit=dev',
      'npm error code ECONNREFUSED',
      'npm error',
      'npm error FetchError: request to https://registry.npmjs.org/zod failed',
      'npm error A complete log of this run can be found in: /root/.npm/_logs/x.log',
      'Error: Command failed: /home/me/app/node_modules/node/bin/node npm-cli.js ci',
      '    at checkExecSyncError (node:child_process:916:11)',
    ].join('\n');
    const summary = failureSummary(stderr, '', '/home/me/app');
    expect(summary).toBe(
      'npm error code ECONNREFUSED | npm error FetchError: request to https://registry.npmjs.org/zod failed',
    );
  });
  it('falls back to the last error lines (never stack frames), paths made relative', () => {
    const summary = failureSummary('Error: tsc failed in /home/me/app/dist\n    at x (y.js:1:1)', '', '/home/me/app');
    expect(summary).toBe('Error: tsc failed in ./dist');
  });
});

describe('bundleComposition (what dist/index.js is made of)', () => {
  const meta = (inputs: Record<string, number>, bytes = 1000) => ({
    inputs: {},
    outputs: {
      'dist/index.js': {
        bytes,
        inputs: Object.fromEntries(Object.entries(inputs).map(([k, v]) => [k, { bytesInOutput: v }])),
        imports: [],
        exports: ['default'],
        entryPoint: 'index.ts',
      },
    },
  });

  it('adds up our sources and each inlined dependency, largest first, nested packages under their parent', () => {
    const c = bundleComposition(
      meta({
        'index.ts': 100,
        'codat/events.ts': 250,
        'node_modules/zod/v4/core/schemas.js': 300,
        'node_modules/zod/v4/locales/en.js': 40,
        'node_modules/standardwebhooks/dist/index.js': 50,
        'node_modules/standardwebhooks/node_modules/@stablelib/base64/lib/base64.js': 20,
        'node_modules/@stablelib/base64/lib/base64.js': 10,
      }),
    );
    expect(c).toEqual({
      bytes: 1000,
      own: 350,
      dependencies: [
        { name: 'zod', bytes: 340 },
        { name: 'standardwebhooks', bytes: 70 },
        { name: '@stablelib/base64', bytes: 10 },
      ],
    });
  });

  it('refuses a metafile with other than one output', () => {
    expect(() => bundleComposition({ inputs: {}, outputs: {} })).toThrow(/one bundle output/);
  });
});

describe('resultsFile (what npm run bench writes)', () => {
  it('records to the tracked bench/results.json only when asked', () => {
    expect(resultsFile([], {})).toBe('results.latest.json');
    expect(resultsFile(['--record'], {})).toBe('results.json');
    expect(resultsFile([], { BENCH_RECORD: '1' })).toBe('results.json');
    expect(resultsFile([], { BENCH_RECORD: '0' })).toBe('results.latest.json');
  });
});
