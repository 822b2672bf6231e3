import { describe, expect, it } from 'vitest';
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
