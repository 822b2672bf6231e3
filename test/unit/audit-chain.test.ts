import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  type AuditEntry,
  canonicalJson,
  diffFields,
  hashedContent,
  verifyChain,
} from '../../shared/domain/audit/audit-entry.ts';

const sha = (s: string) => createHash('sha256').update(s).digest('hex');
const genesis = '0'.repeat(64);

function chainOf(count: number): AuditEntry[] {
  const entries: AuditEntry[] = [];
  let prev = genesis;
  for (let version = 1; version <= count; version += 1) {
    const content = {
      stream: 'EMP#1|PROFILE',
      version,
      at: `2025-01-0${version}T00:00:00.000Z`,
      action: 'employee.updated',
      entityType: 'Employee',
      actor: { id: 'admin' },
      channel: 'api' as const,
      requestId: `r${version}`,
      changes: [{ field: 'nama', before: `n${version - 1}`, after: `n${version}` }],
      prevHash: prev,
    };
    const hash = sha(hashedContent(content));
    entries.push({ ...content, hash });
    prev = hash;
  }
  return entries;
}

describe('audit entries', () => {
  it('record only the fields that changed, ignoring storage attributes', () => {
    expect(
      diffFields(
        { pk: 'p', version: 1, gsi1sk: 'a', nama: 'A', email: 'a@x', unitId: 'u' },
        { pk: 'p', version: 2, gsi1sk: 'b', nama: 'B', email: 'a@x', unitId: 'u', pangkat: 'III/a' },
      ),
    ).toEqual([
      { field: 'nama', before: 'A', after: 'B' },
      { field: 'pangkat', before: null, after: 'III/a' },
    ]);
  });

  it('hash the same content the same way whatever the key order', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { y: 1, x: 0 }], c: null } })).toBe(
      canonicalJson({ a: { c: null, d: [2, { x: 0, y: 1 }] }, b: 1 }),
    );
  });

  it('verify an intact chain', () => {
    expect(verifyChain(chainOf(4), sha, genesis)).toEqual({ ok: true, entries: 4 });
  });

  it.each([
    [
      'an edited entry',
      (c: AuditEntry[]) => c.map((e) => (e.version === 2 ? { ...e, action: 'x' } : e)),
      2,
      'hash_mismatch',
    ],
    ['a removed entry', (c: AuditEntry[]) => c.filter((e) => e.version !== 3), 4, 'gap'],
    ['a removed first entry', (c: AuditEntry[]) => c.slice(1), 2, 'gap'],
    [
      'a re-hashed edit (link to the next breaks)',
      (c: AuditEntry[]) =>
        c.map((e) => {
          if (e.version !== 2) return e;
          const { hash: _old, ...content } = { ...e, action: 'x' };
          return { ...content, hash: sha(hashedContent(content)) };
        }),
      3,
      'prev_hash_mismatch',
    ],
  ] as const)('name the first broken link after %s', (_name, tamper, brokenAt, reason) => {
    expect(verifyChain(tamper(chainOf(4)), sha, genesis)).toMatchObject({ ok: false, brokenAt, reason });
  });
});
