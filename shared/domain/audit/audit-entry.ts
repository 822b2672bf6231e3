// Audit entries: field-level before/after, and the hash chain that makes tampering with a stream detectable.

export const auditChannels = ['api', 'email', 'job', 'import', 'seed'] as const;
export type AuditChannel = (typeof auditChannels)[number];

export interface AuditActor {
  id: string;
  nama?: string;
  /** For Plt/Plh: the official on whose behalf the actor acted. */
  onBehalfOf?: string;
}

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

/** One entry of an entity's audit stream; `version` is the entity version the change produced. */
export interface AuditEntry {
  stream: string;
  version: number;
  at: string;
  action: string;
  entityType: string;
  actor: AuditActor;
  channel: AuditChannel;
  requestId: string;
  changes: FieldChange[];
  reason?: string;
  prevHash: string;
  hash: string;
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Fields that describe storage, not the entity; never shown as changes. */
const storageFields = new Set(['pk', 'sk', 'entity', 'version', 'auditHash', 'updatedAt', 'createdAt']);

/** The fields whose value differs between two versions of an entity (null for "did not exist"). */
export function diffFields(
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
): FieldChange[] {
  const names = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  const changes: FieldChange[] = [];
  for (const field of [...names].sort()) {
    if (storageFields.has(field) || field.startsWith('gsi')) continue;
    const old = before?.[field] ?? null;
    const next = after?.[field] ?? null;
    if (canonicalJson(old) !== canonicalJson(next)) changes.push({ field, before: old, after: next });
  }
  return changes;
}

/** JSON with object keys sorted at every depth, so the same entry always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (isPlainObject(value)) {
    const parts = Object.keys(value)
      .filter((key) => value[key] !== undefined)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson(value[key])}`);
    return `{${parts.join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/** What the hash of an entry covers: everything but the hash itself. */
export const hashedContent = (entry: Omit<AuditEntry, 'hash'>): string => canonicalJson(entry);

export type ChainCheck =
  | { ok: true; entries: number }
  | { ok: false; entries: number; brokenAt: number; reason: 'hash_mismatch' | 'prev_hash_mismatch' | 'gap' };

/** Walks a stream in version order; names the first entry whose hash or link to its predecessor is wrong. */
export function verifyChain(
  entries: readonly AuditEntry[],
  hash: (content: string) => string,
  genesisHash: string,
): ChainCheck {
  let expectedPrev = genesisHash;
  let expectedVersion = 1;
  for (const entry of entries) {
    if (entry.version !== expectedVersion) {
      return { ok: false, entries: entries.length, brokenAt: entry.version, reason: 'gap' };
    }
    if (entry.prevHash !== expectedPrev) {
      return { ok: false, entries: entries.length, brokenAt: entry.version, reason: 'prev_hash_mismatch' };
    }
    const { hash: stored, ...content } = entry;
    if (hash(hashedContent(content)) !== stored) {
      return { ok: false, entries: entries.length, brokenAt: entry.version, reason: 'hash_mismatch' };
    }
    expectedPrev = stored;
    expectedVersion += 1;
  }
  return { ok: true, entries: entries.length };
}
