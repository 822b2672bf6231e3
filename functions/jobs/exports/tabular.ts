// Exports as files: CSV (RFC 4180, UTF-8 with BOM so Excel reads Indonesian names right) and XLSX (one
// sheet, header row bold and frozen), every text cell made inert against formula injection.

import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import { inertRow } from '../../../shared/domain/export/cell-safety.ts';

export interface Table {
  /** Sheet name (XLSX) — at most 31 characters. */
  name: string;
  columns: { key: string; header: string; width?: number }[];
  rows: (string | number | null)[][];
}

export function toCsv(table: Table): Buffer {
  const text = stringify([table.columns.map((c) => c.header), ...table.rows.map(inertRow)], {
    quoted_string: true,
    record_delimiter: 'windows',
  });
  return Buffer.concat([Buffer.from('\ufeff', 'utf8'), Buffer.from(text, 'utf8')]);
}

export async function toXlsx(table: Table): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'PIAWAI';
  const sheet = workbook.addWorksheet(table.name.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = table.columns.map((c) => ({ key: c.key, header: c.header, width: c.width ?? 20 }));
  sheet.getRow(1).font = { bold: true };
  // Written as values (strings stay strings): ExcelJS never turns a string into a formula, and inertRow
  // also guards the copy someone re-saves as CSV.
  for (const row of table.rows) sheet.addRow(inertRow(row));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
