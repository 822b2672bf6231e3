// Approval from the inbox (architecture.md §6): a link previews; only a POST from the page decides, and it
// consumes the link in the same transaction as the decision and its audit entry (channel: email).

import { type ApprovalLink, linkRefusal } from '../../shared/domain/mail/approval-link.ts';
import type { Skp } from '../../shared/domain/skp/types.ts';
import { DomainError } from '../../shared/errors.ts';
import { keys } from '../db/keys.ts';
import { orgRepo } from '../db/repos/org-repo.ts';
import type { ExtraWrite } from '../db/transact.ts';
import type { Deps } from '../deps.ts';
import { TOKEN_PATTERN, tokenHash } from '../mail/approval-token.ts';
import type { RequestContext } from './context.ts';
import { getPeriod } from './period-service.ts';
import { getSkp, transitionSkp } from './skp-service.ts';

const unknownLink = () =>
  new DomainError(
    'approval_link.unknown',
    'Tautan persetujuan tidak dikenal; periksa kembali tautan di surel.',
  );

async function loadLink(deps: Deps, token: string): Promise<{ hash: string; link: ApprovalLink }> {
  if (!TOKEN_PATTERN.test(token)) throw unknownLink();
  const hash = tokenHash(token);
  const stored = await orgRepo.getStored(deps.db, keys.approvalLink(hash));
  if (!stored) throw unknownLink();
  return { hash, link: stored as unknown as ApprovalLink };
}

async function usableLink(deps: Deps, token: string, viewerEmployeeId: string | null) {
  const { hash, link } = await loadLink(deps, token);
  const skp = await getSkp(deps, link.employeeId, link.skpId).catch(() => {
    throw unknownLink();
  });
  const refusal = linkRefusal(link, skp, deps.clock.now(), viewerEmployeeId);
  if (refusal) throw new DomainError(refusal.code, refusal.message);
  return { hash, link, skp };
}

export interface ApprovalPreview {
  action: ApprovalLink['action'];
  expiresAt: string;
  periode: string;
  skp: Pick<Skp, 'id' | 'employeeId' | 'revision' | 'format' | 'header' | 'rhk' | 'submittedAt'>;
}

/** What the page shows before anyone decides. Reads only. */
export async function previewApproval(
  deps: Deps,
  token: string,
  viewerEmployeeId: string | null,
): Promise<ApprovalPreview> {
  const { link, skp } = await usableLink(deps, token, viewerEmployeeId);
  const period = await getPeriod(deps, skp.periodId);
  const { id, employeeId, revision, format, header, rhk, submittedAt } = skp;
  return {
    action: link.action,
    expiresAt: link.expiresAt,
    periode: period.nama,
    skp: { id, employeeId, revision, format, header, rhk, submittedAt },
  };
}

/** Consumes the link: only if unused and unexpired at commit time (the SKP's own version check does the rest). */
const consume = (deps: Deps, hash: string, at: string): ExtraWrite => ({
  item: {
    Update: {
      TableName: deps.db.tableName,
      Key: keys.approvalLink(hash),
      UpdateExpression: 'SET usedAt = :at',
      ConditionExpression: 'attribute_exists(pk) AND usedAt = :null AND expiresAt > :at',
      ExpressionAttributeValues: { ':at': at, ':null': null },
    },
  },
  onConditionFailed: new DomainError('approval_link.used', 'Tautan ini sudah digunakan atau kedaluwarsa.'),
});

export async function decideByEmail(
  deps: Deps,
  token: string,
  catatan: string | null,
  viewerEmployeeId: string | null,
  ctx: Omit<RequestContext, 'actor' | 'channel'>,
): Promise<Skp> {
  for (let attempt = 0; ; attempt += 1) {
    const { hash, link, skp } = await usableLink(deps, token, viewerEmployeeId);
    const caller = { employeeId: link.approverId, adminScope: null };
    const actor = { id: link.approverId, nama: skp.header.penilai?.nama ?? link.approverId };
    try {
      return await transitionSkp(
        deps,
        caller,
        link.employeeId,
        link.skpId,
        { version: link.skpVersion, action: link.action, catatan },
        { ...ctx, actor, channel: 'email' },
        [consume(deps, hash, deps.clock.now().toISOString())],
      );
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      if (error.code === 'skp.not_allowed') {
        throw new DomainError(
          'approval_link.foreign',
          'Anda bukan lagi pejabat penilai SKP ini; keputusan diambil oleh penilai yang sekarang melalui portal.',
        );
      }
      // Lost a race: the next look at the link says whether someone else decided (used) or it changed (stale).
      if (error.code !== 'concurrency.version_conflict' || attempt >= 2) throw error;
    }
  }
}
