// Spreadsheet formula injection (CSV/XLSX opened in Excel or LibreOffice): a cell that starts with one of
// = + - @ (or a tab / carriage return that some programs strip first) is read as a formula. Such a cell is
// written with a leading apostrophe, which spreadsheets show as text and never evaluate (OWASP guidance).

const FORMULA_START = /^[=+\-@\t\r]/;

/** The text to write for a value people typed (names, descriptions): inert in any spreadsheet. */
export function inertCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** A row of cells made inert; numbers and empty values pass unchanged (they cannot carry a formula). */
export const inertRow = (row: readonly (string | number | null)[]): (string | number | null)[] =>
  row.map((cell) => (typeof cell === 'string' ? inertCell(cell) : cell));
