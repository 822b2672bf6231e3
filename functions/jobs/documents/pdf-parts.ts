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
