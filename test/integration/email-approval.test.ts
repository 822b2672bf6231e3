import { simpleParser } from 'mailparser';
import { beforeAll, describe, expect, it } from 'vitest';
import { anEmployee, aPeriod, aSmallMinistry } from '../fixtures/org.ts';
import { aFilledSkp } from '../fixtures/skp.ts';
import { allItems, createTestApp, type TestApp } from '../helpers/test-app.ts';

describe('approval by email: previews change nothing, one POST decides once', () => {
  let t: TestApp;
  let org: Awaited<ReturnType<typeof aSmallMinistry>>;
  let periodId: string;
  beforeAll(async () => {
    t = await createTestApp('2025-01-10T03:00:00.000Z');
    org = await aSmallMinistry(t);
    periodId = await aPeriod(t);
  });

  /** A staff member of the bureau submits an SKP; returns the SKP and the penilai's delivered message. */
  async function submitted(nama = 'Staf Contoh') {
    const person = await anEmployee(t, { unitId: org.biro.id, positionId: org.analisPos.id, nama });
    const skp = await aFilledSkp(t, periodId, person, null, false);
    const base = `/api/employees/${person.id}/skp/${skp.id}`;
    const res = await t.callAs(await t.tokenFor(person.id), 'POST', `${base}/transitions`, {
      version: skp.version,
      action: 'ajukan',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const before = t.mail.sent.length;
    await t.mail.deliver();
    const message = t.mail.sent.slice(before).find((m) => m.to === org.kepalaBiro.email);
    return { person, skp: res.body, base, message };
  }

  const skpState = async (base: string) => {
    const res = await t.call('GET', base);
    return { status: res.body.status, version: res.body.version };
  };
  const decisionAudits = async (skpId: string) =>
    (await allItems(t)).filter(
      (i) =>
        i.entity === 'AuditEntry' &&
        (i.stream as string).includes(skpId) &&
        ['skp.setujui', 'skp.kembalikan'].includes(i.action as string),
    );
  const preview = (token: string) =>
    t.callAs(null, 'GET', '/api/email-approvals/preview', undefined, { 'x-approval-token': token });
  const decide = (token: string, catatan: string | null = null) =>
    t.callAs(null, 'POST', '/api/email-approvals/decision', { token, catatan });

  it('sends the penilai an Indonesian summary with Setujui and Kembalikan links, as valid MIME', async () => {
    const { message } = await submitted('Siti <b>Ayu</b> & "Rekan"');
    expect(message).toBeDefined();
    const mail = await simpleParser(message?.raw as Buffer);
    expect(mail.subject).toMatch(/^Persetujuan SKP: Siti <b>Ayu<\/b> & "Rekan"/);
    expect(mail.text).toContain('Setujui: http://piawai.test/persetujuan/#t=');
    expect(mail.text).toContain('Jumlah laporan: 12 laporan');
    const html = String(mail.html);
    // User text is escaped, nothing is loaded from elsewhere, no scripts.
    expect(html).toContain('Siti &lt;b&gt;Ayu&lt;/b&gt; &amp; &quot;Rekan&quot;');
    expect(html).not.toMatch(/<img|<script|src="http/i);
    expect(html).toContain('Kementerian Sekretariat Negara');
    expect(mail.from?.text).toContain('noreply@piawai.local');
    expect(mail.replyTo?.text).toContain('biro.sdm@piawai.local');
  });

  it('HEAD and GET of the link and a preview change nothing', async () => {
    const { base, message, skp } = await submitted();
    const token = await t.mail.linkToken(message as { raw: Buffer }, 'Setujui');
    const before = await skpState(base);
    // The link itself is a static page; the token sits in the fragment, which is never sent.
    for (const method of ['HEAD', 'GET']) {
      const res = await t.callAs(null, method, `/api/email-approvals/preview`);
      expect(res.status).toBe(400);
    }
    const shown = await preview(token);
    expect(shown.status).toBe(200);
    expect(shown.body).toMatchObject({
      action: 'setujui',
      skp: { id: skp.id, header: { unitNama: 'Unit DAA.SDM' } },
    });
    await preview(token);
    expect(await skpState(base)).toEqual(before);
    expect(await decisionAudits(skp.id)).toHaveLength(0);
  });

  it('20 concurrent POSTs with one token: one decision, 19 clear refusals, one audit entry, one email', async () => {
    const { base, message, skp, person } = await submitted();
    const token = await t.mail.linkToken(message as { raw: Buffer }, 'Setujui');
    const before = t.mail.sent.length;
    const results = await Promise.all(Array.from({ length: 20 }, () => decide(token)));
    const won = results.filter((r) => r.status === 200);
    expect(won).toHaveLength(1);
    const refused = results.filter((r) => r.status !== 200);
    expect(refused.map((r) => r.body.code)).toEqual(Array(19).fill('approval_link.used'));
    expect(refused.every((r) => /sudah digunakan/.test(r.body.detail))).toBe(true);
    expect((await skpState(base)).status).toBe('DISETUJUI');
    const audits = await decisionAudits(skp.id);
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ channel: 'email', actor: { id: org.kepalaBiro.id } });
    await t.mail.deliver();
    const notices = t.mail.sent.slice(before).filter((m) => m.to === person.email);
    expect(notices).toHaveLength(1);
    expect((await simpleParser(notices[0]?.raw as Buffer)).subject).toBe('SKP Periode 2025 Anda disetujui');
  });

  it('refuses expired, replayed, stale and tampered links, changing nothing', async () => {
    // Expired: 72 hours and a minute later.
    const late = await submitted();
    const lateToken = await t.mail.linkToken(late.message as { raw: Buffer }, 'Setujui');
    t.setNow('2025-01-13T03:01:00.000Z');
    const expired = await decide(lateToken);
    t.setNow('2025-01-10T03:00:00.000Z');
    expect([expired.status, expired.body.code]).toEqual([410, 'approval_link.expired']);
    expect((await skpState(late.base)).status).toBe('DIAJUKAN');

    // Stale: the employee withdrew and resubmitted; the first mail's links are dead, the new ones work.
    const stale = await submitted();
    const oldToken = await t.mail.linkToken(stale.message as { raw: Buffer }, 'Setujui');
    const me = await t.tokenFor(stale.person.id);
    const back = await t.callAs(me, 'POST', `${stale.base}/transitions`, {
      version: stale.skp.version,
      action: 'tarik',
    });
    await t.callAs(me, 'POST', `${stale.base}/transitions`, { version: back.body.version, action: 'ajukan' });
    const refusedStale = await decide(oldToken);
    expect([refusedStale.status, refusedStale.body.code]).toEqual([409, 'approval_link.stale']);
    expect((await preview(oldToken)).body.code).toBe('approval_link.stale');

    // Tampered: one character changed.
    const tampered = `${oldToken.slice(0, -1)}${oldToken.endsWith('A') ? 'B' : 'A'}`;
    expect((await decide(tampered)).body.code).toBe('approval_link.unknown');
    expect((await decide('pendek')).status).toBe(400);
    expect(await decisionAudits(stale.skp.id)).toHaveLength(0);

    // Replayed: used once, refused after.
    const replay = await submitted();
    const token = await t.mail.linkToken(replay.message as { raw: Buffer }, 'Setujui');
    expect((await decide(token)).status).toBe(200);
    const again = await decide(token);
    expect([again.status, again.body.code]).toEqual([409, 'approval_link.used']);
    // The other link of the same mail died with the decision.
    const other = await t.mail.linkToken(replay.message as { raw: Buffer }, 'Kembalikan');
    expect((await decide(other, 'Perbaiki target')).body.code).toMatch(/approval_link\.(used|stale)/);
  });

  it('Kembalikan needs a note, named on its field; with one the SKP goes back and the employee is told', async () => {
    const { base, message, person } = await submitted();
    const token = await t.mail.linkToken(message as { raw: Buffer }, 'Kembalikan');
    const empty = await decide(token, '  ');
    expect(empty.status).toBe(422);
    expect(empty.body.errors).toEqual([{ path: 'catatan', message: expect.stringMatching(/wajib/) }]);
    expect((await skpState(base)).status).toBe('DIAJUKAN');
    const returned = await decide(token, 'Target kuantitas perlu dinaikkan.');
    expect(returned.body).toMatchObject({
      status: 'DIKEMBALIKAN',
      catatanPengembalian: 'Target kuantitas perlu dinaikkan.',
    });
    const before = t.mail.sent.length;
    await t.mail.deliver();
    const notice = t.mail.sent.slice(before).find((m) => m.to === person.email);
    const text = (await simpleParser(notice?.raw as Buffer)).text ?? '';
    expect(text).toContain('Catatan: Target kuantitas perlu dinaikkan.');
  });

  it('a signed-in person who is not the approver gets the foreign-link page', async () => {
    const { message } = await submitted();
    const token = await t.mail.linkToken(message as { raw: Buffer }, 'Setujui');
    const someoneElse = await t.tokenFor(org.analis.id);
    const res = await t.callAs(someoneElse, 'GET', '/api/email-approvals/preview', undefined, {
      'x-approval-token': token,
    });
    expect([res.status, res.body.code]).toEqual([403, 'approval_link.foreign']);
  });

  it('never writes a token to the logs', async () => {
    const { message } = await submitted();
    const token = await t.mail.linkToken(message as { raw: Buffer }, 'Setujui');
    const lines: string[] = [];
    const write = process.stdout.write.bind(process.stdout);
    const logger = t.deps.logger;
    logger.setLogLevel('DEBUG');
    process.stdout.write = ((chunk: string | Uint8Array) => {
      lines.push(String(chunk));
      return true;
    }) as typeof process.stdout.write;
    try {
      await preview(token);
      await decide(token);
      await decide(token);
      await t.mail.deliver();
    } finally {
      process.stdout.write = write;
      logger.setLogLevel('SILENT');
    }
    const logged = lines.join('\n');
    expect(logged).toContain('mail delivered');
    expect(logged).not.toContain(token);
  });
});
