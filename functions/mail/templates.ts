// Renders outbox messages as Indonesian HTML and plain text. Every value from people goes through hono's
// `html` template, which escapes it; no remote images, no scripts, styles inline (mail clients drop <style>).

import { html } from 'hono/html';
import type { OutboxMessage, SkpSummary } from '../../shared/domain/mail/messages.ts';
import { formatWibDateTime } from '../../shared/domain/time.ts';

export interface RenderContext {
  ministry: string;
  origin: string;
  /** The URL of an approval link from its seed (the token is derived with the pepper). */
  approvalUrl: (seed: string) => string;
}

export interface RenderedMail {
  subject: string;
  html: string;
  text: string;
}

const iki = (i: SkpSummary['rhk'][number]['iki'][number]) =>
  `${i.deskripsi}: ${i.target}${i.satuan ? ` ${i.satuan}` : ''}`;

function layout(ctx: RenderContext, title: string, body: unknown): string {
  return String(html`<!doctype html>
<html lang="id"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${title}</title></head>
<body style="margin:0;background:#f4f5f7;font-family:Arial,Helvetica,sans-serif;color:#1f2933">
<div style="max-width:640px;margin:0 auto;padding:24px;background:#ffffff">
<p style="margin:0 0 4px;font-size:13px;color:#52606d">${ctx.ministry}</p>
<p style="margin:0 0 16px;font-size:13px;color:#52606d">PIAWAI — Portal Informasi Kinerja Pegawai</p>
<h1 style="font-size:20px;margin:0 0 16px">${title}</h1>
${body}
<p style="margin:24px 0 0;font-size:12px;color:#52606d">Surel ini dikirim otomatis oleh PIAWAI. Portal: <a href="${ctx.origin}/">${ctx.origin}/</a></p>
</div></body></html>`);
}

const button = (href: string, label: string, colour: string) =>
  html`<a href="${href}" style="display:inline-block;margin:0 8px 8px 0;padding:12px 20px;background:${colour};color:#ffffff;text-decoration:none;border-radius:4px;font-weight:bold">${label}</a>`;

function summaryHtml(skp: SkpSummary) {
  return html`<table style="border-collapse:collapse;width:100%;font-size:14px;margin-bottom:16px">
<tr><td style="padding:4px 8px 4px 0;color:#52606d">Pegawai</td><td>${skp.pegawai.nama}${skp.pegawai.nip ? html` (NIP ${skp.pegawai.nip})` : ''}</td></tr>
<tr><td style="padding:4px 8px 4px 0;color:#52606d">Jabatan</td><td>${skp.jabatan}</td></tr>
<tr><td style="padding:4px 8px 4px 0;color:#52606d">Unit kerja</td><td>${skp.unitNama}</td></tr>
<tr><td style="padding:4px 8px 4px 0;color:#52606d">Periode</td><td>${skp.periode}</td></tr>
</table>
<ol style="padding-left:20px;font-size:14px">${skp.rhk.map(
    (r) =>
      html`<li style="margin-bottom:8px"><strong>RHK ${r.jenis === 'UTAMA' ? 'utama' : 'tambahan'}:</strong> ${r.deskripsi}<ul>${r.iki.map((i) => html`<li>${iki(i)}</li>`)}</ul></li>`,
  )}</ol>`;
}

function summaryText(skp: SkpSummary): string {
  const lines = [
    `Pegawai   : ${skp.pegawai.nama}${skp.pegawai.nip ? ` (NIP ${skp.pegawai.nip})` : ''}`,
    `Jabatan   : ${skp.jabatan}`,
    `Unit kerja: ${skp.unitNama}`,
    `Periode   : ${skp.periode}`,
    '',
  ];
  skp.rhk.forEach((r, n) => {
    lines.push(`${n + 1}. RHK ${r.jenis === 'UTAMA' ? 'utama' : 'tambahan'}: ${r.deskripsi}`);
    for (const i of r.iki) lines.push(`   - ${iki(i)}`);
  });
  return lines.join('\n');
}

export function renderMail(message: OutboxMessage, ctx: RenderContext): RenderedMail {
  if (message.template === 'skp.approval_request') {
    const { data } = message;
    const setujui = ctx.approvalUrl(data.linkSeeds.setujui);
    const kembalikan = ctx.approvalUrl(data.linkSeeds.kembalikan);
    const until = formatWibDateTime(data.expiresAt);
    const subject = `Persetujuan SKP: ${data.skp.pegawai.nama} (${data.skp.periode})`;
    const body = html`<p>Yth. ${data.penilaiNama},</p>
<p>${data.skp.pegawai.nama} mengajukan SKP untuk Anda setujui sebagai pejabat penilai kinerja.</p>
${summaryHtml(data.skp)}
<p>${button(setujui, 'Setujui', '#1b7a43')}${button(kembalikan, 'Kembalikan', '#9b2c2c')}</p>
<p style="font-size:13px;color:#52606d">Tombol membuka halaman pratinjau; keputusan baru tercatat setelah Anda menekan tombol konfirmasi di halaman itu. Tautan berlaku sampai ${until} dan hanya dapat dipakai sekali.</p>`;
    const text = [
      `Yth. ${data.penilaiNama},`,
      '',
      `${data.skp.pegawai.nama} mengajukan SKP untuk Anda setujui sebagai pejabat penilai kinerja.`,
      '',
      summaryText(data.skp),
      '',
      `Setujui: ${setujui}`,
      `Kembalikan (dengan catatan): ${kembalikan}`,
      '',
      `Tautan membuka halaman pratinjau; keputusan tercatat setelah Anda mengonfirmasi. Berlaku sampai ${until}, sekali pakai.`,
      '',
      `${ctx.ministry} — PIAWAI`,
    ].join('\n');
    return { subject, html: layout(ctx, subject, body), text };
  }
  const { data } = message;
  const approved = data.keputusan === 'setujui';
  const subject = approved ? `SKP ${data.periode} Anda disetujui` : `SKP ${data.periode} Anda dikembalikan`;
  const verdict = approved
    ? `${data.penilaiNama} telah menyetujui SKP ${data.periode} Anda.`
    : `${data.penilaiNama} mengembalikan SKP ${data.periode} Anda untuk diperbaiki.`;
  const body = html`<p>Yth. ${data.pegawaiNama},</p><p>${verdict}</p>
${data.catatan ? html`<p><strong>Catatan:</strong> ${data.catatan}</p>` : ''}
<p>${button(`${ctx.origin}/`, 'Buka PIAWAI', '#1f4e79')}</p>`;
  const text = [
    `Yth. ${data.pegawaiNama},`,
    '',
    verdict,
    ...(data.catatan ? ['', `Catatan: ${data.catatan}`] : []),
    '',
    `Buka PIAWAI: ${ctx.origin}/`,
    '',
    `${ctx.ministry} — PIAWAI`,
  ].join('\n');
  return { subject, html: layout(ctx, subject, body), text };
}
