// Approval by email (architecture.md §6): what a link is bound to, and whether it may still decide.

import type { SkpStatus } from '../skp/workflow.ts';

export const approvalLinkActions = ['setujui', 'kembalikan'] as const;
export type ApprovalLinkAction = (typeof approvalLinkActions)[number];

/** What is stored for a link: never the token, only its SHA-256 (the key) and what it is bound to. */
export interface ApprovalLink {
  approverId: string;
  employeeId: string;
  skpId: string;
  /** The SKP version the link was made for: any later change of the SKP kills it. */
  skpVersion: number;
  action: ApprovalLinkAction;
  expiresAt: string;
  usedAt: string | null;
}

export type LinkRefusal = {
  code: 'approval_link.expired' | 'approval_link.used' | 'approval_link.stale' | 'approval_link.foreign';
  message: string;
};

/**
 * Why a link may no longer decide (null: it may). Order matters for the message a person sees: a used link
 * says so even after it expired; a link whose SKP changed says that rather than "expired".
 */
export function linkRefusal(
  link: ApprovalLink,
  skp: { version: number; status: SkpStatus },
  now: Date,
  viewerEmployeeId: string | null,
): LinkRefusal | null {
  if (link.usedAt) {
    return {
      code: 'approval_link.used',
      message: 'Tautan ini sudah digunakan; keputusan atas SKP ini sudah tercatat.',
    };
  }
  if (skp.version !== link.skpVersion || skp.status !== 'DIAJUKAN') {
    return {
      code: 'approval_link.stale',
      message: 'SKP ini sudah berubah sejak surel dikirim; buka portal untuk melihat versi terbaru.',
    };
  }
  if (now.toISOString() >= link.expiresAt) {
    return {
      code: 'approval_link.expired',
      message: 'Tautan ini sudah kedaluwarsa; putuskan melalui portal.',
    };
  }
  if (viewerEmployeeId !== null && viewerEmployeeId !== link.approverId) {
    return {
      code: 'approval_link.foreign',
      message: 'Tautan ini ditujukan kepada pejabat penilai lain; Anda sedang masuk dengan akun berbeda.',
    };
  }
  return null;
}
