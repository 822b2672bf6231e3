import { describe, expect, it } from 'vitest';
import { wibDate } from '../../shared/domain/time.ts';

describe('WIB calendar dates', () => {
  it.each([
    ['2025-01-31T16:59:59.999Z', '2025-01-31'],
    ['2025-01-31T17:00:00.000Z', '2025-02-01'],
    ['2024-12-31T17:00:00.000Z', '2025-01-01'],
    ['2025-06-15T00:00:00.000Z', '2025-06-15'],
  ])('%s is %s in Jakarta', (iso, expected) => {
    expect(wibDate(new Date(iso))).toBe(expected);
  });
});
