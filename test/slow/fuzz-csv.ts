// CSV bodies for the employee import: the real header with plausible, duplicate and hostile cells, broken
// quoting, wrong headers, too many rows, too many bytes, and the wrong media type.

import fc from 'fast-check';
import { importColumns, MAX_IMPORT_ROWS } from '../../functions/services/import-service.ts';
import { oddStrings } from './fuzz-inputs.ts';
import type { Pools } from './fuzz-world.ts';

const nips = fc.stringMatching(
  /^19[5-9]\d(0[1-9]|1[0-2])(0[1-9]|1\d|2[0-8])20[01]\d(0[1-9]|1[0-2])[12]\d{3}$/,
);

function cell(real: readonly string[], plausible: fc.Arbitrary<string>): fc.Arbitrary<string> {
  const value = fc.oneof(
    { weight: 4, arbitrary: real.length > 0 ? fc.constantFrom(...real) : plausible },
    { weight: 4, arbitrary: plausible },
    { weight: 1, arbitrary: fc.string({ maxLength: 20 }) },
    { weight: 1, arbitrary: fc.constantFrom(...oddStrings.slice(0, -1)) },
  );
  // Usually quoted properly; sometimes raw, so commas, quotes and line breaks in it break the row.
  return fc
    .tuple(value, fc.boolean(), fc.nat(9))
    .map(([v, quote, raw]) =>
      raw === 0 ? v : quote ? `"${v.replaceAll('"', '""')}"` : v.replace(/[",\r\n]/g, ' '),
    );
}

function rowArb(pools: Pools): fc.Arbitrary<string> {
  return fc
    .tuple(
      cell(pools.nip ?? [], nips),
      cell([], fc.string({ minLength: 2, maxLength: 40 })),
      cell(['PNS', 'PPPK', 'PEJABAT_NEGARA'], fc.constantFrom('PNS', 'PPPK', 'pns', 'HONORER')),
      cell(['Penata / III-c', ''], fc.string({ maxLength: 20 })),
      cell(pools.email ?? [], fc.emailAddress()),
      cell(pools.kode ?? [], fc.string({ maxLength: 10 })),
      cell(pools.jabatan ?? [], fc.string({ maxLength: 30 })),
    )
    .map((cells) => cells.join(','));
}

const header = importColumns.join(',');
const headers = fc.oneof(
  { weight: 8, arbitrary: fc.constant(header) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      header.toUpperCase(),
      `\uFEFF${header}`,
      importColumns.slice(1).join(','),
      `${header},gaji`,
    ),
  },
  { weight: 1, arbitrary: fc.string({ maxLength: 40 }) },
);

/** A CSV body with its media type. */
export function csvBody(pools: Pools, maxBytes: number): fc.Arbitrary<{ body?: string; type?: string }> {
  const tooManyRows = [
    header,
    ...Array.from({ length: MAX_IMPORT_ROWS + 1 }, (_, i) => `x${i},x,PNS,,x,x,x`),
  ].join('\n');
  const document = fc
    .tuple(headers, fc.array(rowArb(pools), { maxLength: 4 }), fc.constantFrom('\n', '\r\n'))
    .map(([head, rows, eol]) => [head, ...rows].join(eol));
  return fc.oneof(
    { weight: 16, arbitrary: document.map((body) => ({ body, type: 'text/csv' })) },
    {
      weight: 2,
      arbitrary: fc
        .tuple(
          document,
          fc.constantFrom(
            'application/json',
            'text/plain',
            'text/csv; charset=utf-16',
            'application/octet-stream',
          ),
        )
        .map(([body, type]) => ({ body, type })),
    },
    {
      weight: 1,
      arbitrary: fc.constantFrom('', '"', '\u0000', tooManyRows).map((body) => ({ body, type: 'text/csv' })),
    },
    { weight: 1, arbitrary: fc.constant({ body: `${header}\n${'x'.repeat(maxBytes)}`, type: 'text/csv' }) },
    { weight: 1, arbitrary: fc.constant({}) },
  );
}
