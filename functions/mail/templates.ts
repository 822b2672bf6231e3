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

/** A short message: greeting, paragraphs, an optional note, a button to the portal; HTML and text alike. */
function simpleMail(
  ctx: RenderContext,
  subject: string,
  penerima: string,
  paragraphs: string[],
  extra: { label: string; value: string } | null = null,
  list: string[] = [],
): RenderedMail {
  const body = html`<p>Yth. ${penerima},</p>${paragraphs.map((p) => html`<p>${p}</p>`)}
${list.length > 0 ? html`<ul>${list.map((item) => html`<li>${item}</li>`)}</ul>` : ''}
${extra ? html`<p><strong>${extra.label}:</strong> ${extra.value}</p>` : ''}
<p>${button(`${ctx.origin}/`, 'Buka PIAWAI', '#1f4e79')}</p>`;
  const text = [
    `Yth. ${penerima},`,
    '',
    ...paragraphs.flatMap((p) => [p, '']),
    ...list.map((item) => `- ${item}`),
    ...(list.length > 0 ? [''] : []),
    ...(extra ? [`${extra.label}: ${extra.value}`, ''] : []),
    `Buka PIAWAI: ${ctx.origin}/`,
    '',
    `${ctx.ministry} — PIAWAI`,
  ].join('\n');
  return { subject, html: layout(ctx, subject, body), text };
}

const tanggal = (date: string) =>
  new Intl.DateTimeFormat('id-ID', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${date}T00:00:00Z`));

export function renderMail(message: OutboxMessage, ctx: RenderContext): RenderedMail {
  switch (message.template) {
    case 'window.opened': {
      const d = message.data;
      const ask =
        d.jenis === 'PENYUSUNAN_SKP'
          ? `Susun dan ajukan SKP Anda paling lambat ${tanggal(d.batasPengisian)}.`
          : `Isi realisasi dan bukti dukung Anda paling lambat ${tanggal(d.batasPengisian)}; penilaian oleh pejabat penilai ditutup ${tanggal(d.tutup)}.`;
      return simpleMail(ctx, `${d.nama} dibuka`, d.penerimaNama, [`${d.nama} telah dibuka.`, ask]);
    }
    case 'window.reminder': {
      const d = message.data;
      const what =
        d.peran === 'pegawai'
          ? 'Realisasi dan bukti dukung Anda belum diisi.'
          : `${d.jumlah} pegawai yang Anda nilai menunggu umpan balik dan penilaian.`;
      return simpleMail(ctx, `Pengingat (H-${d.hari}): ${d.nama}`, d.penerimaNama, [
        what,
        `Batas pengisian: ${tanggal(d.batasPengisian)} (${d.hari} hari lagi).`,
      ]);
    }
    case 'window.escalation': {
      const d = message.data;
      return simpleMail(
        ctx,
        `Eskalasi: ${d.nama} belum tuntas`,
        d.penerimaNama,
        [
          `Batas pengisian ${tanggal(d.batasPengisian)} telah lewat; evaluasi pegawai berikut belum tuntas. Mohon tindak lanjut Anda sebagai atasan pejabat penilai.`,
        ],
        null,
        d.pegawai,
      );
    }
    case 'keberatan.filed': {
      const d = message.data;
      return simpleMail(
        ctx,
        `Keberatan atas predikat: ${d.pegawaiNama}`,
        d.atasanNama,
        [
          `${d.pegawaiNama} mengajukan keberatan atas predikat ${d.windowNama} kepada Anda sebagai atasan pejabat penilai. Mintalah penjelasan pejabat penilai dan pegawai, lalu putuskan di PIAWAI; keputusan Anda final.`,
        ],
        { label: 'Alasan', value: d.alasan },
      );
    }
    case 'keberatan.decided': {
      const d = message.data;
      return simpleMail(
        ctx,
        `Keputusan keberatan: ${d.windowNama}`,
        d.pegawaiNama,
        [
          d.diubah
            ? `Keberatan Anda diterima; predikat diubah menjadi ${d.predikat}.`
            : `Keberatan Anda tidak diterima; predikat tetap ${d.predikat}.`,
          'Keputusan ini final.',
        ],
        { label: 'Catatan', value: d.catatan },
      );
    }
    case 'skp.approval_request':
    case 'skp.decided':
      return renderSkpMail(message, ctx);
  }
}

function renderSkpMail(
  message: Extract<OutboxMessage, { template: 'skp.approval_request' | 'skp.decided' }>,
  ctx: RenderContext,
): RenderedMail {
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
