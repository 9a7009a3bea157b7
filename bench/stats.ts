// Pure helpers of the bench (tested in test/bench/): statistics and table formatting.

/** Median of a non-empty sample (mean of the two middle values for an even count). */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of an empty sample');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** a / b, or null when b is not a positive number (a ratio against nothing means nothing). */
export function ratio(a: number, b: number): number | null {
  return b > 0 && Number.isFinite(a) && Number.isFinite(b) ? a / b : null;
}

export function round(value: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** 1536 -> "1.5 KB", 959016 -> "936.5 KB" (1 KB = 1024 bytes, 1 MB = 1024 KB). */
export function formatBytes(bytes: number): string {
  const abs = Math.abs(bytes);
  if (abs < 1024) return `${bytes} B`;
  if (abs < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(2)} MB`;
}

export function formatMs(ms: number): string {
  return ms < 10 ? `${ms.toFixed(2)} ms` : ms < 100 ? `${ms.toFixed(1)} ms` : `${ms.toFixed(0)} ms`;
}

/** "1.07x (target <= 1.15: ok)" / "1.42x (target <= 1.3: MISSED)". */
export function verdict(value: number | null, target: number, unit = 'x'): string {
  if (value === null) return 'n/a';
  return `${value.toFixed(2)}${unit} (target <= ${target}${unit}: ${value <= target ? 'ok' : 'MISSED'})`;
}

/** Plain-text table with left-aligned columns; every row has the header's number of cells. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/**
 * Where a bench run writes its figures: the tracked bench/results.json only when asked to record
 * (`npm run bench -- --record` or BENCH_RECORD=1), else the git-ignored bench/results.latest.json.
 */
export function resultsFile(argv: readonly string[], env: NodeJS.ProcessEnv): 'results.json' | 'results.latest.json' {
  return argv.includes('--record') || env.BENCH_RECORD === '1' ? 'results.json' : 'results.latest.json';
}
