// Output fields given when the Zap editor asks for them. core deep-copies, walks and freezes the
// whole app definition on every invocation of any step; a static list of 30 fields is ~120 nodes
// there, a function one. The lists stay fixed and are checked against the samples by the
// publishing-checks test.
import type { PlainOutputField } from 'zapier-platform-core';

export function lazyOutputFields(fields: readonly PlainOutputField[]): [() => Promise<PlainOutputField[]>] {
  return [() => Promise.resolve([...fields])];
}
