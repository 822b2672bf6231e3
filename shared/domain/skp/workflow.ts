// SKP workflow as a pure transition table (PermenPANRB 6/2022 penetapan SKP; statuses after domain.md §6.4).

/** `DIGANTI`: an approved SKP superseded when a later revision is approved (no step leads out of it). */
export const skpStatuses = ['DRAFT', 'DIAJUKAN', 'DISETUJUI', 'DIKEMBALIKAN', 'DIGANTI'] as const;
export type SkpStatus = (typeof skpStatuses)[number];

/**
 * - `ubah`: edit the plan; `ajukan`: submit to the penilai; `tarik`: take a submission back;
 * - `setujui`: the penilai approves (menetapkan); `kembalikan`: the penilai returns it with a note;
 * - `revisi`: start a new revision of an approved SKP (the approved one stays in force meanwhile).
 */
export const skpActions = ['ubah', 'ajukan', 'tarik', 'setujui', 'kembalikan', 'revisi'] as const;
export type SkpAction = (typeof skpActions)[number];

/** In what capacity someone acts on an SKP. */
export type SkpRole = 'pegawai' | 'penilai' | 'admin';

interface Transition {
  to: SkpStatus;
  by: readonly SkpRole[];
  /** `kembalikan` must say why. */
  needsNote?: boolean;
  /** `revisi` leaves this SKP as it is and opens a new revision in DRAFT. */
  opensRevision?: boolean;
}

/**
 * The whole workflow. HR (admin) may act for the employee and, after the deadline, approve — the
 * pengelola kinerja drafts and sets the SKP of someone who missed it (PermenPANRB 8/2021, kept by 6/2022).
 */
export const skpTransitions: Readonly<Record<SkpStatus, Partial<Record<SkpAction, Transition>>>> = {
  DRAFT: {
    ubah: { to: 'DRAFT', by: ['pegawai', 'admin'] },
    ajukan: { to: 'DIAJUKAN', by: ['pegawai', 'admin'] },
  },
  DIAJUKAN: {
    tarik: { to: 'DRAFT', by: ['pegawai', 'admin'] },
    setujui: { to: 'DISETUJUI', by: ['penilai', 'admin'] },
    kembalikan: { to: 'DIKEMBALIKAN', by: ['penilai', 'admin'], needsNote: true },
  },
  DIKEMBALIKAN: {
    ubah: { to: 'DRAFT', by: ['pegawai', 'admin'] },
    ajukan: { to: 'DIAJUKAN', by: ['pegawai', 'admin'] },
  },
  DISETUJUI: {
    revisi: { to: 'DISETUJUI', by: ['pegawai', 'admin'], opensRevision: true },
  },
  DIGANTI: {},
};

export type TransitionResult =
  | { ok: true; to: SkpStatus; opensRevision: boolean }
  | { ok: false; reason: 'invalid_transition' | 'not_allowed' | 'note_required'; message: string };

const statusLabel: Record<SkpStatus, string> = {
  DRAFT: 'draf',
  DIAJUKAN: 'diajukan',
  DISETUJUI: 'disetujui',
  DIKEMBALIKAN: 'dikembalikan',
  DIGANTI: 'diganti revisi',
};

/** Decides one step of the workflow; every refusal says why, in Indonesian. */
export function decideSkpTransition(
  from: SkpStatus,
  action: SkpAction,
  role: SkpRole,
  note?: string | null,
): TransitionResult {
  const transition = skpTransitions[from][action];
  if (!transition) {
    return {
      ok: false,
      reason: 'invalid_transition',
      message: `SKP berstatus ${statusLabel[from]} tidak dapat di-${action}.`,
    };
  }
  if (!transition.by.includes(role)) {
    return {
      ok: false,
      reason: 'not_allowed',
      message: `Tindakan ${action} bukan kewenangan ${role} pada SKP ini.`,
    };
  }
  if (transition.needsNote && !note?.trim()) {
    return { ok: false, reason: 'note_required', message: 'Catatan pengembalian wajib diisi.' };
  }
  return { ok: true, to: transition.to, opensRevision: transition.opensRevision === true };
}
