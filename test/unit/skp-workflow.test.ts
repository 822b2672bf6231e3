import { describe, expect, it } from 'vitest';
import { dayBefore, skpsClosedByTransfer } from '../../shared/domain/skp/transfer.ts';
import {
  decideSkpTransition,
  type SkpAction,
  type SkpRole,
  type SkpStatus,
  skpActions,
  skpStatuses,
} from '../../shared/domain/skp/workflow.ts';

// Every allowed step: [from, action, role] → to. Everything not listed here must be refused.
const allowed: [SkpStatus, SkpAction, SkpRole, SkpStatus][] = [
  ['DRAFT', 'ubah', 'pegawai', 'DRAFT'],
  ['DRAFT', 'ubah', 'admin', 'DRAFT'],
  ['DRAFT', 'ajukan', 'pegawai', 'DIAJUKAN'],
  ['DRAFT', 'ajukan', 'admin', 'DIAJUKAN'],
  ['DIAJUKAN', 'tarik', 'pegawai', 'DRAFT'],
  ['DIAJUKAN', 'tarik', 'admin', 'DRAFT'],
  ['DIAJUKAN', 'setujui', 'penilai', 'DISETUJUI'],
  ['DIAJUKAN', 'setujui', 'admin', 'DISETUJUI'],
  ['DIAJUKAN', 'kembalikan', 'penilai', 'DIKEMBALIKAN'],
  ['DIAJUKAN', 'kembalikan', 'admin', 'DIKEMBALIKAN'],
  ['DIKEMBALIKAN', 'ubah', 'pegawai', 'DRAFT'],
  ['DIKEMBALIKAN', 'ubah', 'admin', 'DRAFT'],
  ['DIKEMBALIKAN', 'ajukan', 'pegawai', 'DIAJUKAN'],
  ['DIKEMBALIKAN', 'ajukan', 'admin', 'DIAJUKAN'],
  ['DISETUJUI', 'revisi', 'pegawai', 'DISETUJUI'],
  ['DISETUJUI', 'revisi', 'admin', 'DISETUJUI'],
];
const roles: SkpRole[] = ['pegawai', 'penilai', 'admin'];
const isAllowed = (from: SkpStatus, action: SkpAction, role: SkpRole) =>
  allowed.some(([f, a, r]) => f === from && a === action && r === role);
const refused = skpStatuses.flatMap((from) =>
  skpActions.flatMap((action) =>
    roles.filter((role) => !isAllowed(from, action, role)).map((role) => [from, action, role] as const),
  ),
);

describe('SKP workflow (every allowed and every refused step)', () => {
  it.each(allowed)('%s --%s by %s--> %s', (from, action, role, to) => {
    const result = decideSkpTransition(from, action, role, 'catatan');
    expect(result).toMatchObject({ ok: true, to, opensRevision: action === 'revisi' });
  });

  it('refuses exactly the steps that are not allowed', () => {
    expect(allowed.length + refused.length).toBe(skpStatuses.length * skpActions.length * roles.length);
  });

  it.each(refused)('%s --%s by %s--> refused', (from, action, role) => {
    const result = decideSkpTransition(from, action, role, 'catatan');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message.length).toBeGreaterThan(10);
  });

  it.each([null, '', '   '])('a return needs a note (%j)', (note) => {
    expect(decideSkpTransition('DIAJUKAN', 'kembalikan', 'penilai', note)).toMatchObject({
      ok: false,
      reason: 'note_required',
    });
  });

  it('tells a wrong step from a step by the wrong person', () => {
    expect(decideSkpTransition('DRAFT', 'setujui', 'penilai')).toMatchObject({
      ok: false,
      reason: 'invalid_transition',
    });
    expect(decideSkpTransition('DIAJUKAN', 'setujui', 'pegawai')).toMatchObject({
      ok: false,
      reason: 'not_allowed',
    });
  });
});

describe('a transfer mid-year', () => {
  const skp = (
    status: SkpStatus,
    mulai: string,
    sampai: string,
    ditutup: null | { per: string; karena: 'MUTASI' } = null,
  ) => ({
    status,
    berlaku: { mulai, sampai },
    ditutup,
  });

  it('closes only the SKPs running on the transfer date', () => {
    const running = skp('DISETUJUI', '2025-01-01', '2025-12-31');
    const draftRevision = skp('DRAFT', '2025-01-01', '2025-12-31');
    const replaced = skp('DIGANTI', '2025-01-01', '2025-12-31');
    const closedEarlier = skp('DISETUJUI', '2025-01-01', '2025-03-31', {
      per: '2025-04-01',
      karena: 'MUTASI',
    });
    const startsThatDay = skp('DRAFT', '2025-07-01', '2025-12-31');
    const otherYear = skp('DISETUJUI', '2024-01-01', '2024-12-31');
    expect(
      skpsClosedByTransfer(
        [running, draftRevision, replaced, closedEarlier, startsThatDay, otherYear],
        '2025-07-01',
      ),
    ).toEqual([running, draftRevision]);
  });

  it('ends the old SKP the day before, across month and year ends', () => {
    expect(dayBefore('2025-07-01')).toBe('2025-06-30');
    expect(dayBefore('2025-03-01')).toBe('2025-02-28');
    expect(dayBefore('2024-03-01')).toBe('2024-02-29');
    expect(dayBefore('2025-01-01')).toBe('2024-12-31');
  });
});
