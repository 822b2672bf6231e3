import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { type Table, toCsv, toXlsx } from '../../functions/jobs/exports/tabular.ts';
import { inertCell } from '../../shared/domain/export/cell-safety.ts';

const table: Table = {
  name: 'Pegawai',
  columns: [
    { key: 'nip', header: 'NIP' },
    { key: 'nama', header: 'Nama' },
    { key: 'nilai', header: 'Capaian (%)' },
  ],
  rows: [
    ['198601012010011049', 'Sari Puspitasari', 100],
    ['197001012000031002', '=HYPERLINK("http://x","y")', 85.5],
    ['199001012020012003', 'Dewi "Ayu", S.Kom.\nBaris dua', null],
    ['199001012020012004', '+62 812', -5],
    ['199001012020012005', '@SUM(A1:A2)', 0],
    ['199001012020012006', '-1+1', 1],
  ],
};

describe('spreadsheet cells are inert', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['+62', "'+62"],
    ['-5', "'-5"],
    ['@x', "'@x"],
    ['\t=1', "'\t=1"],
    ['Sari', 'Sari'],
    ['', ''],
    ['a=b', 'a=b'],
  ])('%j → %j', (value, expected) => {
    expect(inertCell(value)).toBe(expected);
  });
});

describe('CSV and XLSX round trips', () => {
  it('CSV: every row comes back, formulas as inert text, quotes and newlines intact, UTF-8 with BOM', () => {
    const csv = toCsv(table);
    expect(csv.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const rows = parse(csv, { bom: true }) as string[][];
    expect(rows[0]).toEqual(['NIP', 'Nama', 'Capaian (%)']);
    expect(rows.slice(1).map((r) => r[1])).toEqual([
      'Sari Puspitasari',
      `'=HYPERLINK("http://x","y")`,
      'Dewi "Ayu", S.Kom.\nBaris dua',
      "'+62 812",
      "'@SUM(A1:A2)",
      "'-1+1",
    ]);
    expect(rows[1]?.[0]).toBe('198601012010011049');
    expect(rows.slice(1).map((r) => r[2])).toEqual(['100', '85.5', '', '-5', '0', '1']);
  });

  it('XLSX: the same values, text stays text (no formula cells), numbers stay numbers', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await toXlsx(table)) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Pegawai');
    expect(sheet).toBeDefined();
    const values: unknown[][] = [];
    sheet?.eachRow((row) => values.push((row.values as unknown[]).slice(1)));
    expect(values[0]).toEqual(['NIP', 'Nama', 'Capaian (%)']);
    expect(values[2]).toEqual(['197001012000031002', `'=HYPERLINK("http://x","y")`, 85.5]);
    let formulas = 0;
    sheet?.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.type === ExcelJS.ValueType.Formula) formulas += 1;
      }),
    );
    expect(formulas).toBe(0);
    expect(values).toHaveLength(table.rows.length + 1);
  });
});
