// Types for scripts/require-node22.mjs, which its test imports.
export declare function node22Problem(options: {
  version: string;
  root: string;
  script?: string | undefined;
  exists?: (path: string) => boolean;
}): string | undefined;
