// Every route, called as each kind of person: the allow/deny matrix of issue 3. A route missing here fails.

import { beforeAll, describe, expect, it } from 'vitest';
import { allRoutes } from '../../functions/api/app.ts';
import { anEmployee, aPosition, aSmallMinistry, aUnit } from '../fixtures/org.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

type Outcome = 'ok' | 401 | 403 | 404;
const callers = ['admin', 'penilai', 'atasan', 'otherPenilai', 'self', 'otherPegawai', 'anonymous'] as const;
type Caller = (typeof callers)[number];
type Row = Record<Caller, Outcome>;

const everyone: Row = {
  admin: 'ok',
  penilai: 'ok',
  atasan: 'ok',
  otherPenilai: 'ok',
  self: 'ok',
  otherPegawai: 'ok',
  anonymous: 'ok',
};
const signedIn: Row = { ...everyone, anonymous: 401 };
const adminOnly: Row = {
  admin: 'ok',
  penilai: 403,
  atasan: 403,
  otherPenilai: 403,
  self: 403,
  otherPegawai: 403,
  anonymous: 401,
};
// The subject is a staff member of the bureau: visible to HR, themself, their penilai and atasan — nobody else.
const subject: Row = {
  admin: 'ok',
  penilai: 'ok',
  atasan: 'ok',
  otherPenilai: 404,
  self: 'ok',
  otherPegawai: 404,
  anonymous: 401,
};
// The bureau's members: visible to HR and to whoever leads the bureau or a unit above it.
const unitMembers: Row = {
  admin: 'ok',
  penilai: 'ok',
  atasan: 'ok',
  otherPenilai: 404,
  self: 404,
  otherPegawai: 404,
  anonymous: 401,
};

const matrix: Record<string, Row> = {
  'GET /api/health': everyone,
  'GET /api/openapi.json': everyone,
  'GET /api/auth/login': everyone,
  'GET /api/auth/callback': everyone,
  'POST /api/auth/logout': everyone,
  'GET /api/me': signedIn,
  'POST /api/dev/session': everyone,
  'GET /api/dev/people': everyone,
  'GET /api/units': signedIn,
  'POST /api/units': adminOnly,
  'GET /api/units/:id': signedIn,
  'PATCH /api/units/:id': adminOnly,
  'GET /api/units/:id/members': unitMembers,
  'GET /api/units/:id/positions': signedIn,
  'POST /api/units/:id/positions': adminOnly,
  'GET /api/employees': adminOnly,
  'POST /api/employees': adminOnly,
  'POST /api/employees/import': adminOnly,
  'GET /api/employees/:id': subject,
  'PATCH /api/employees/:id': adminOnly,
  'PUT /api/employees/:id/admin': adminOnly,
  'GET /api/employees/:id/penilai': subject,
  'GET /api/positions': signedIn,
  'GET /api/acting-assignments': signedIn,
  'POST /api/acting-assignments': adminOnly,
  'GET /api/periods': signedIn,
  'POST /api/periods': adminOnly,
  'GET /api/periods/:id': signedIn,
  'PUT /api/periods/:id/calendar': adminOnly,
  'GET /api/employees/:id/skp': subject,
  'POST /api/employees/:id/skp': subject,
  'GET /api/employees/:id/skp/:skpId': subject,
  'PATCH /api/employees/:id/skp/:skpId': subject,
  'POST /api/employees/:id/skp/:skpId/transitions': subject,
  'GET /api/me/approvals': signedIn,
  'PUT /api/employees/:id/skp-extension': adminOnly,
  'GET /api/periods/:id/board': adminOnly,
  'GET /api/periods/:id/iku': signedIn,
  'POST /api/periods/:id/iku': adminOnly,
  'GET /api/periods/:id/iku/:ikuId/tree': signedIn,
  'GET /api/audit': adminOnly,
  'GET /api/audit/stream': adminOnly,
  'GET /api/audit/verify': adminOnly,
  'GET /api/employees/:id/intervensi-targets': subject,
  'GET /api/me/team': signedIn,
  'GET /api/periods/:id/windows': signedIn,
  'GET /api/periods/:id/keberatan': adminOnly,
  'GET /api/me/keberatan': signedIn,
  'POST /api/jobs/tick': adminOnly,
  'GET /api/employees/:id/evaluations': subject,
  'GET /api/employees/:id/evaluations/:periodId/:windowKey': subject,
  'PUT /api/employees/:id/evaluations/:periodId/:windowKey/realisasi': subject,
  'PUT /api/employees/:id/evaluations/:periodId/:windowKey/penilaian': subject,
  'POST /api/employees/:id/evaluations/:periodId/:windowKey/keberatan': subject,
  'PUT /api/employees/:id/evaluations/:periodId/:windowKey/keberatan/keputusan': subject,
  'GET /api/employees/:id/feedback': subject,
  'POST /api/employees/:id/feedback': subject,
  'GET /api/me/team-evaluations': signedIn,
  'PUT /api/periods/:id/windows/:windowKey/units/:unitId/predikat': signedIn,
  'GET /api/periods/:id/windows/:windowKey/calibration': adminOnly,
  'POST /api/periods/:id/windows/:windowKey/units/:unitId/finalize': adminOnly,
  'POST /api/periods/:id/windows/:windowKey/reopen': adminOnly,
  'GET /api/email-approvals/preview': everyone,
  'POST /api/email-approvals/decision': everyone,
  'GET /api/mail/messages': adminOnly,
  'POST /api/mail/messages/:id/retry': adminOnly,
  'GET /api/mail/undeliverable': adminOnly,
  'DELETE /api/mail/undeliverable/:email': adminOnly,
  'POST /api/exports': adminOnly,
  'GET /api/exports': signedIn,
  'GET /api/exports/:id': signedIn,
  'GET /api/exports/:id/file': signedIn,
  'POST /api/employees/:id/documents': subject,
  'GET /api/documents/:id/verification': everyone,
  'GET /api/reports/completion': adminOnly,
  'GET /api/reports/units/:unitId/completion': unitMembers,
  'GET /api/reports/units/:unitId/late': unitMembers,
  'GET /api/reports/distribution': adminOnly,
};

const denialCodes: Record<number, string[]> = {
  401: ['auth.unauthenticated'],
  403: ['auth.forbidden'],
  404: ['employee.not_found', 'unit.not_found'],
};

describe('who may call what (every route × every kind of caller)', () => {
  let t: TestApp;
  let tokens: Record<Caller, string | null>;
  let ids: { employee: string; unit: string; period: string; skp: string };
  const routes = () => allRoutes(t.deps).map((r) => `${r.spec.method.toUpperCase()} ${r.spec.path}`);

  beforeAll(async () => {
    t = await createTestApp();
    const org = await aSmallMinistry(t);
    const lain = await aUnit(t, { kode: 'DAA.LAIN', parentId: org.deputi.id });
    const lainHead = await aPosition(t, lain.id, { nama: 'Kepala Biro Lain', jenis: 'JPT_PRATAMA' });
    const lainStaff = await aPosition(t, lain.id, {
      nama: 'Analis Lain',
      jenis: 'FUNGSIONAL',
      jenjang: 'AHLI_MUDA',
    });
    const kepalaLain = await anEmployee(t, { unitId: lain.id, positionId: lainHead.id });
    const stafLain = await anEmployee(t, { unitId: lain.id, positionId: lainStaff.id });
    const hr = await anEmployee(t, { unitId: org.biro.id, positionId: org.analisPos.id, nama: 'Admin SDM' });
    tokens = {
      admin: await t.tokenFor(hr.id, 'ALL'),
      penilai: await t.tokenFor(org.kepalaBiro.id),
      atasan: await t.tokenFor(org.kepalaDeputi.id),
      otherPenilai: await t.tokenFor(kepalaLain.id),
      self: await t.tokenFor(org.analis.id),
      otherPegawai: await t.tokenFor(stafLain.id),
      anonymous: null,
    };
    const period = await t.call('POST', '/api/periods', {
      tahun: 2025,
      nama: 'Periode 2025',
      mulai: '2025-01-01',
      selesai: '2025-12-31',
    });
    const skp = await t.call('POST', `/api/employees/${org.analis.id}/skp`, { periodId: period.body.id });
    ids = { employee: org.analis.id, unit: org.biro.id, period: period.body.id, skp: skp.body.id };
  });

  it('has a row for every route the app serves, and no row for a route it does not', () => {
    expect(routes().sort()).toEqual(Object.keys(matrix).sort());
  });

  it.each(Object.entries(matrix))('%s', async (key, row) => {
    const [method, pattern] = key.split(' ') as [string, string];
    const id = pattern.startsWith('/api/units')
      ? ids.unit
      : pattern.startsWith('/api/periods')
        ? ids.period
        : ids.employee;
    const path = pattern
      .replace(':id', id)
      .replace(':skpId', ids.skp)
      .replace(':ikuId', ids.period)
      .replace(':email', 'nobody@piawai.test')
      .replace(':periodId', ids.period)
      .replace(':windowKey', 'EVALUASI_PERIODIK-2025-01-01')
      .replace(':unitId', ids.unit);
    const csv = pattern.endsWith('/import');
    const body = method === 'GET' ? undefined : csv ? 'x' : {};
    const headers = csv ? { 'content-type': 'text/csv' } : undefined;
    const seen: Record<string, Outcome | string> = {};
    for (const caller of callers) {
      const res = await t.callAs(tokens[caller], method, path, body, headers);
      const denied = denialCodes[res.status]?.includes(res.body?.code);
      seen[caller] = denied ? (res.status as Outcome) : res.status >= 500 ? `error ${res.status}` : 'ok';
    }
    expect(seen).toEqual(row);
  });
});
