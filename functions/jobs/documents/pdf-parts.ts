// What every official PIAWAI document shares: an A4 pdfkit document collected into a Buffer, the ministry
// header, person blocks, signature blocks (name, NIP, date) and the QR code of the verification URL.

import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';

export interface DocumentContext {
  ministry: string;
  periode: string;
  /** The page that confirms this document (hash, version, status). */
  verifyUrl: string;
  /** WIB date the document is signed / printed. */
  tanggal: string;
}

export type Person = { nama: string; nip: string | null } | null;

export function startDocument(title: string, ctx: DocumentContext) {
  const doc = new PDFDocument({ size: 'A4', margin: 48, info: { Title: title, Author: ctx.ministry } });
  // Every string drawn goes through pdfText, so no caller can let an emoji garble a line.
  const draw = doc.text.bind(doc);
  doc.text = ((text: unknown, ...rest: unknown[]) =>
    (draw as (...args: unknown[]) => PDFKit.PDFDocument)(
      typeof text === 'string' ? pdfText(text) : text,
      ...rest,
    )) as typeof doc.text;
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  return { doc, done };
}

export function header(doc: PDFKit.PDFDocument, ctx: DocumentContext, title: string, subtitle: string) {
  doc.font('Helvetica-Bold').fontSize(12).text(ctx.ministry.toUpperCase(), { align: 'center' });
  doc.fontSize(11).text(title, { align: 'center' });
  doc.font('Helvetica').fontSize(9).text(subtitle, { align: 'center' });
  doc.moveDown();
}

export function personBlock(doc: PDFKit.PDFDocument, label: string, person: Person, extra: string[] = []) {
  doc.font('Helvetica-Bold').fontSize(9).text(label);
  doc
    .font('Helvetica')
    .text(`Nama: ${person?.nama ?? '-'}`)
    .text(`NIP: ${person?.nip ?? '-'}`);
  for (const line of extra) doc.text(line);
  doc.moveDown(0.5);
}

export function heading(doc: PDFKit.PDFDocument, text: string) {
  doc.font('Helvetica-Bold').fontSize(10).text(text);
  doc.font('Helvetica').fontSize(9);
}

/** Two signature blocks side by side, then the QR code and the verification URL below them. */
export async function signaturesAndQr(
  doc: PDFKit.PDFDocument,
  ctx: DocumentContext,
  left: { role: string; person: Person },
  right: { role: string; person: Person },
) {
  doc.moveDown(2);
  keepTogether(doc, 230);
  const top = doc.y;
  for (const [x, block] of [
    [48, left],
    [320, right],
  ] as const) {
    doc.text(`Jakarta, ${ctx.tanggal}`, x, top, { width: 220 });
    doc.text(block.role, x, doc.y, { width: 220 });
    doc.text(block.person?.nama ?? '-', x, top + 70, { width: 220 });
    doc.text(`NIP ${block.person?.nip ?? '-'}`, x, doc.y, { width: 220 });
  }
  const qr = await QRCode.toBuffer(ctx.verifyUrl, { type: 'png', margin: 1, width: 120 });
  doc.image(qr, 48, top + 110, { width: 80 });
  doc.text(`Verifikasi keaslian: ${ctx.verifyUrl}`, 140, top + 130, { width: 400 });
}

/** The usual pair: the pegawai on the left, their pejabat penilai on the right. */
export const signedByPegawaiAndPenilai = (
  doc: PDFKit.PDFDocument,
  ctx: DocumentContext,
  header: { pegawai: Person; penilai: Person },
) =>
  signaturesAndQr(
    doc,
    ctx,
    { role: 'Pegawai yang dinilai,', person: header.pegawai },
    { role: 'Pejabat penilai kinerja,', person: header.penilai },
  );

// pdfkit's built-in fonts encode WinAnsi only (Latin-1 plus these): any other character prints as garbage
// and shifts the bytes of the rest of its line, so user text goes through pdfText first.
const winAnsiExtra = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');
const encodable = (c: string) => {
  const code = c.codePointAt(0) ?? 0;
  return c === '\n' || (code >= 0x20 && code < 0x7f) || (code >= 0xa0 && code <= 0xff) || winAnsiExtra.has(c);
};
const dropped = /[\p{Cc}\p{Cf}\p{M}\p{Extended_Pictographic}\p{Emoji_Modifier}\p{Regional_Indicator}]/u;
const folded = (c: string) => {
  const plain = c.normalize('NFKD').replace(/\p{M}/gu, '');
  return plain !== '' && [...plain].every(encodable) ? plain : '?';
};

/** User text the built-in fonts can show: accents kept or folded (ő → o), emoji and controls dropped, else "?". */
export const pdfText = (value: string): string =>
  [...value.replace(/\r\n?/g, '\n').replace(/\t/g, ' ').normalize('NFC')]
    .map((c) => (encodable(c) ? c : dropped.test(c) ? '' : folded(c)))
    .join('');

/** Starts a new page unless `height` points are left, so a block drawn at fixed offsets stays on one page. */
export function keepTogether(doc: PDFKit.PDFDocument, height: number) {
  if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
}
