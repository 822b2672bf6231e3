import { describe, expect, it } from 'vitest';
import {
  escalationDue,
  reminderDue,
  statusOn,
  stepsToward,
  windowKey,
} from '../../shared/domain/period/windows.ts';

const w = {
  kind: 'EVALUASI_PERIODIK' as const,
  periodeMulai: '2025-01-01',
  buka: '2025-03-27',
  tutup: '2025-04-10',
};

describe('window state by date', () => {
  it.each([
    ['2025-03-26', 'TERJADWAL'],
    ['2025-03-27', 'DIBUKA'],
    ['2025-04-10', 'DIBUKA'],
    ['2025-04-11', 'DITUTUP'],
  ] as const)('on %s the window is %s', (today, status) => {
    expect(statusOn(w, today)).toBe(status);
  });

  it.each([
    ['TERJADWAL', 'TERJADWAL', []],
    ['TERJADWAL', 'DIBUKA', ['buka']],
    ['TERJADWAL', 'DITUTUP', ['buka', 'tutup']],
    ['DIBUKA', 'DIBUKA', []],
    ['DIBUKA', 'DITUTUP', ['tutup']],
    ['DITUTUP', 'DITUTUP', []],
    // A calendar moved later never reopens a closed window by itself (HR reopens, with a reason).
    ['DITUTUP', 'DIBUKA', []],
    ['DIBUKA', 'TERJADWAL', []],
  ] as const)('%s → %s takes %j', (from, to, steps) => {
    expect(stepsToward(from, to)).toEqual(steps);
  });

  it('names windows stably by kind and first evaluated day', () => {
    expect(windowKey(w)).toBe('EVALUASI_PERIODIK-2025-01-01');
  });
});

describe('reminders before the input deadline (batas 2025-04-07)', () => {
  const batas = '2025-04-07';
  it.each([
    ['2025-03-30', [], null],
    ['2025-03-31', [], 7],
    ['2025-04-03', [7], null],
    ['2025-04-04', [7], 3],
    ['2025-04-06', [7, 3], 1],
    ['2025-04-07', [7, 3, 1], null],
    ['2025-04-08', [], null],
    // After an outage over H-7 and H-3, only the latest due stage goes out.
    ['2025-04-05', [], 3],
    ['2025-04-06', [], 1],
    ['2025-04-06', [1], null],
  ] as const)('on %s with %j handled: stage %s', (today, handled, stage) => {
    expect(reminderDue(batas, today, handled)).toBe(stage);
  });

  it('escalates once, after the deadline', () => {
    expect(escalationDue(batas, '2025-04-07', false)).toBe(false);
    expect(escalationDue(batas, '2025-04-08', false)).toBe(true);
    expect(escalationDue(batas, '2025-04-08', true)).toBe(false);
  });
});

describe('reminder stages set per period', () => {
  it('uses the period’s own stages (e.g. H-5 and H-2)', () => {
    expect(reminderDue('2025-04-07', '2025-04-02', [], [5, 2])).toBe(5);
    expect(reminderDue('2025-04-07', '2025-04-04', [5], [5, 2])).toBe(null);
    expect(reminderDue('2025-04-07', '2025-04-05', [5], [5, 2])).toBe(2);
  });
});
