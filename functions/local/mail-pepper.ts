// The approval-link pepper for local runs: generated once and kept in the data directory (owner-only),
// as Secrets Manager keeps it in AWS. Without a path (tests, the e2e stack) it lives in memory.

import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export function localPepper(path?: string): Uint8Array {
  const fresh = randomBytes(48).toString('base64url');
  if (!path) return new TextEncoder().encode(fresh);
  try {
    return new TextEncoder().encode(readFileSync(path, 'utf8').trim());
  } catch {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, fresh, { mode: 0o600, flag: 'wx' });
    return new TextEncoder().encode(fresh);
  }
}
