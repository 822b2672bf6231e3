// Performance periods (periode kinerja): one performance year; its window calendar arrives with issue 4.

export interface Period {
  id: string;
  tahun: number;
  nama: string;
  /** WIB dates, inclusive. */
  mulai: string;
  selesai: string;
  version: number;
}

/** A period lies within its own year and ends after it starts. */
export function periodProblems(
  p: Pick<Period, 'tahun' | 'mulai' | 'selesai'>,
): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  if (!p.mulai.startsWith(`${p.tahun}-`))
    problems.push({ path: 'mulai', message: `Tanggal mulai harus di tahun ${p.tahun}.` });
  if (!p.selesai.startsWith(`${p.tahun}-`)) {
    problems.push({ path: 'selesai', message: `Tanggal selesai harus di tahun ${p.tahun}.` });
  }
  if (p.selesai < p.mulai)
    problems.push({ path: 'selesai', message: 'Tanggal selesai harus setelah tanggal mulai.' });
  return problems;
}
