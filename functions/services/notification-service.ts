// Mail that a change causes, as outbox items (and approval links) written in that change's transaction.

import type { ApprovalLink, ApprovalLinkAction } from '../../shared/domain/mail/approval-link.ts';
import type { SkpSummary } from '../../shared/domain/mail/messages.ts';
import type { Skp } from '../../shared/domain/skp/types.ts';
import { keys } from '../db/keys.ts';
import { employeeFromItem, employeeRepo } from '../db/repos/employee-repo.ts';
import { enqueue } from '../db/repos/outbox-repo.ts';
import type { ExtraWrite } from '../db/transact.ts';
import type { Deps } from '../deps.ts';
import { newLinkSeed, tokenFromSeed, tokenHash } from '../mail/approval-token.ts';
import { staleVersion } from './context.ts';

const summaryOf = (skp: Omit<Skp, 'version'>, periode: string): SkpSummary => ({
  pegawai: { nama: skp.header.pegawai.nama, nip: skp.header.pegawai.nip },
  jabatan: skp.header.jabatan,
  unitNama: skp.header.unitNama,
  periode,
  rhk: skp.rhk.map((r) => ({
    jenis: r.jenis,
    deskripsi: r.deskripsi,
    iki: r.iki.map(({ deskripsi, target, satuan }) => ({ deskripsi, target, satuan })),
  })),
});

async function recipient(deps: Deps, employeeId: string) {
  const stored = await employeeRepo.get(deps.db, employeeId);
  if (!stored) return null;
  const person = employeeFromItem(stored);
  return person.email ? { email: person.email, nama: person.nama } : null;
}

/**
 * A submitted SKP: its penilai gets the summary with a Setujui and a Kembalikan link, each bound to the
 * approver, the SKP, the version it is submitted at and the action, expiring, single use.
 */
export async function approvalRequestWrites(
  deps: Deps,
  skp: Omit<Skp, 'version'>,
  submittedVersion: number,
  periode: string,
): Promise<ExtraWrite[]> {
  const penilai = skp.header.penilai;
  const to = penilai ? await recipient(deps, penilai.id) : null;
  if (!penilai || !to) return [];
  const now = deps.clock.now();
  const expiresAt = new Date(now.getTime() + deps.config.APPROVAL_LINK_HOURS * 3600_000).toISOString();
  const linkSeeds = { setujui: newLinkSeed(), kembalikan: newLinkSeed() };
  const links = (Object.entries(linkSeeds) as [ApprovalLinkAction, string][]).map(([action, seed]) => {
    const link: ApprovalLink = {
      approverId: penilai.id,
      employeeId: skp.employeeId,
      skpId: skp.id,
      skpVersion: submittedVersion,
      action,
      expiresAt,
      usedAt: null,
    };
    const hash = tokenHash(tokenFromSeed(deps.mail.pepper(), seed));
    return {
      item: {
        Put: {
          TableName: deps.db.tableName,
          Item: {
            ...keys.approvalLink(hash),
            entity: 'ApprovalLink',
            ...link,
            // Kept a month past expiry so a late click still gets a clear answer, then DynamoDB removes it.
            ttl: Math.floor(Date.parse(expiresAt) / 1000) + 30 * 24 * 3600,
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      onConditionFailed: staleVersion(),
    } satisfies ExtraWrite;
  });
  const message = {
    template: 'skp.approval_request' as const,
    data: { penilaiNama: penilai.nama, skp: summaryOf(skp, periode), expiresAt, linkSeeds },
  };
  return [...links, enqueue(deps.db, deps.newId(), to, message, now)];
}

/** The employee hears of the decision on their SKP, whichever way it was taken. */
export async function decisionNoticeWrites(
  deps: Deps,
  skp: Omit<Skp, 'version'>,
  keputusan: 'setujui' | 'kembalikan',
  catatan: string | null,
  periode: string,
  oleh: { nama: string; lewatSurel: boolean },
): Promise<ExtraWrite[]> {
  const to = await recipient(deps, skp.employeeId);
  if (!to) return [];
  const message = {
    template: 'skp.decided' as const,
    data: {
      pegawaiNama: skp.header.pegawai.nama,
      keputusan,
      penilaiNama: oleh.nama,
      catatan,
      periode,
      lewatSurel: oleh.lewatSurel,
    },
  };
  return [enqueue(deps.db, deps.newId(), to, message, deps.clock.now())];
}
