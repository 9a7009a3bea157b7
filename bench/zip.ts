// Reads a zip's central directory (names and sizes), enough to split build.zip into our code and
// its dependencies without unpacking it or adding a dependency. Zip64 archives are refused: a
// Zapier build is far below 4 GB / 65,535 entries.

export interface ZipEntry {
  name: string;
  compressedSize: number;
  uncompressedSize: number;
}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const EOCD_MIN = 22;
const MAX_COMMENT = 0xffff;

export function readCentralDirectory(zip: Buffer): ZipEntry[] {
  // The end-of-central-directory record sits at the end, after an optional comment of <= 64 KB.
  let eocd = -1;
  for (let i = zip.length - EOCD_MIN; i >= Math.max(0, zip.length - EOCD_MIN - MAX_COMMENT); i--) {
    if (zip.readUInt32LE(i) === EOCD_SIGNATURE) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('not a zip file (no end-of-central-directory record)');
  const count = zip.readUInt16LE(eocd + 10);
  const size = zip.readUInt32LE(eocd + 12);
  const offset = zip.readUInt32LE(eocd + 16);
  if (count === 0xffff || offset === 0xffffffff) throw new Error('zip64 archives are not supported');
  if (offset + size > eocd) throw new Error('corrupt zip: the central directory overlaps its end record');

  const entries: ZipEntry[] = [];
  let p = offset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > zip.length || zip.readUInt32LE(p) !== CENTRAL_SIGNATURE) {
      throw new Error(`corrupt zip: central directory entry ${n} not found`);
    }
    const compressedSize = zip.readUInt32LE(p + 20);
    const uncompressedSize = zip.readUInt32LE(p + 24);
    const nameLength = zip.readUInt16LE(p + 28);
    const extraLength = zip.readUInt16LE(p + 30);
    const commentLength = zip.readUInt16LE(p + 32);
    const name = zip.toString('utf8', p + 46, p + 46 + nameLength);
    entries.push({ name, compressedSize, uncompressedSize });
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

export interface SizeShare {
  files: number;
  compressed: number;
  uncompressed: number;
}

/** Our code (everything outside node_modules) vs dependencies, and per top-level dependency. */
export function splitByOwner(entries: readonly ZipEntry[]): {
  own: SizeShare;
  deps: SizeShare;
  byDependency: Map<string, SizeShare>;
} {
  const empty = (): SizeShare => ({ files: 0, compressed: 0, uncompressed: 0 });
  const own = empty();
  const deps = empty();
  const byDependency = new Map<string, SizeShare>();
  for (const e of entries) {
    if (e.name.endsWith('/')) continue; // directory entries
    const dep = dependencyOf(e.name);
    const targets = dep === null ? [own] : [deps, byDependency.get(dep) ?? byDependency.set(dep, empty()).get(dep)!];
    for (const t of targets) {
      t.files++;
      t.compressed += e.compressedSize;
      t.uncompressed += e.uncompressedSize;
    }
  }
  return { own, deps, byDependency };
}

/**
 * The outermost dependency a file belongs to (nested node_modules count for their parent):
 * "node_modules/zod/v4/x.js" -> "zod", "node_modules/@a/b/c.js" -> "@a/b", "dist/index.js" -> null.
 */
export function dependencyOf(name: string): string | null {
  const parts = name.split('/');
  const i = parts.indexOf('node_modules');
  if (i < 0 || i + 1 >= parts.length) return null;
  const first = parts[i + 1]!;
  return first.startsWith('@') ? `${first}/${parts[i + 2] ?? ''}` : first;
}
