// Types for scripts/bundle.mjs, which tests and the bench import.
import type { Metafile } from 'esbuild';

export declare const EXTERNAL: readonly string[];
export declare function bundle(options?: { outfile?: string }): Promise<Metafile>;
