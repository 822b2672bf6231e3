// What the fault tests compare and count in the table: an id-free picture of it (two runs of the same story
// give the same picture), audit streams checked against versions and hash chains, and what a write added.

import { expect } from 'vitest';
import { allItems, type TestApp } from '../helpers/test-app.ts';

const ULID = /[0-9A-HJKMNP-TV-Z]{26}/g;
const DIGEST = /[0-9a-f]{64}/g;
const withoutIds = (value: unknown) =>
  String(value ?? '')
    .replace(ULID, '<id>')
    .replace(DIGEST, '<hash>');

/**
 * The table without its ids: one line per item with its entity, keys (ids masked), version and status,
 * the action of an audit entry and the template and recipient of a message. Two runs of the same story
 * give the same lines whatever ids they drew.
 */
export async function tableSignature(t: TestApp): Promise<string[]> {
  return (await allItems(t))
    .map((item) => {
      const extra =
        item.entity === 'AuditEntry'
          ? String(item.action)
          : item.entity === 'OutboxItem'
            ? `${item.template}>${(item.to as { email: string }).email}`
            : '';
      return [
        item.entity,
        withoutIds(item.pk),
        withoutIds(item.sk),
        item.version ?? '-',
        item.status ?? '',
        extra,
      ]
        .join(' | ')
        .trim();
    })
    .sort();
}

/** Items by entity type. */
export async function countByEntity(t: TestApp): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const item of await allItems(t)) counts[String(item.entity)] = (counts[String(item.entity)] ?? 0) + 1;
  return counts;
}

/**
 * Every audited entity has exactly one audit entry per version (no lost, no duplicate state change), and
 * every stream's hash chain verifies through GET /api/audit/verify. Returns the number of streams and entries.
 */
export async function expectAuditIntact(t: TestApp): Promise<{ streams: number; entries: number }> {
  const items = await allItems(t);
  const perStream = new Map<string, number>();
  for (const entry of items.filter((i) => i.entity === 'AuditEntry')) {
    perStream.set(String(entry.stream), (perStream.get(String(entry.stream)) ?? 0) + 1);
  }
  for (const item of items.filter((i) => i.auditHash !== undefined && i.entity !== 'AuditEntry')) {
    expect(perStream.get(`${item.pk}|${item.sk}`), `${item.entity} ${item.pk}|${item.sk}`).toBe(item.version);
  }
  for (const [stream, entries] of perStream) {
    const check = await t.call('GET', `/api/audit/verify?stream=${encodeURIComponent(stream)}`);
    expect(check.body, stream).toMatchObject({ ok: true, entries });
  }
  return { streams: perStream.size, entries: [...perStream.values()].reduce((a, b) => a + b, 0) };
}

/** What changed between two signatures: lines that appeared, counted by entity. */
export function addedByEntity(before: string[], after: string[]): Record<string, number> {
  const left = [...before];
  const added: Record<string, number> = {};
  for (const line of after) {
    const at = left.indexOf(line);
    if (at >= 0) left.splice(at, 1);
    else {
      const entity = line.split(' | ')[0] as string;
      added[entity] = (added[entity] ?? 0) + 1;
    }
  }
  return added;
}
