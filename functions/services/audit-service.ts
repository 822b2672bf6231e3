// Reads the audit trail and verifies a stream's hash chain.

import { verifyChain } from '../../shared/domain/audit/audit-entry.ts';
import { DomainError } from '../../shared/errors.ts';
import { AUDIT_GENESIS_HASH } from '../db/keys.ts';
import { auditRepo } from '../db/repos/audit-repo.ts';
import { sha256 } from '../db/transact.ts';
import type { Deps } from '../deps.ts';

export async function getAuditStream(deps: Deps, stream: string) {
  const entries = await auditRepo.stream(deps.db, stream);
  if (entries.length === 0) throw new DomainError('audit.stream_not_found', 'Riwayat audit tidak ditemukan.');
  return entries;
}

export async function verifyAuditStream(deps: Deps, stream: string) {
  const entries = await getAuditStream(deps, stream);
  const check = verifyChain(entries, sha256, AUDIT_GENESIS_HASH);
  return {
    stream,
    ok: check.ok,
    entries: check.entries,
    brokenAtVersion: check.ok ? null : check.brokenAt,
    reason: check.ok ? null : check.reason,
  };
}

export const getAuditTimeline = (
  deps: Deps,
  query: { month: string; actorId?: string | undefined; limit: number; cursor?: string | undefined },
) => auditRepo.timeline(deps.db, query);
