import { describe, expect, it } from 'vitest';
import {
  formatDateTimeInput,
  formatPortalDateLine,
  getPortalDateParts,
  parseDateTimeInput,
  parsePortalDateLine,
  portalPartsToDate,
} from './dates';

describe('formatPortalDateLine', () => {
  it('prints the seed article’s date line in Vietnam time', () => {
    // 22:22 UTC on the 11th is 05:22 on Wednesday the 12th in Hanoi.
    expect(formatPortalDateLine(new Date('2023-07-11T22:22:00Z'))).toBe(
      'Thứ tư - 12/07/2023 05:22',
    );
  });

  it('names every weekday as the portal does', () => {
    const lines = [9, 10, 11, 12, 13, 14, 15].map((day) =>
      formatPortalDateLine(new Date(`2023-07-${String(day).padStart(2, '0')}T03:00:00Z`)),
    );
    expect(lines).toEqual([
      'Chủ nhật - 09/07/2023 10:00',
      'Thứ hai - 10/07/2023 10:00',
      'Thứ ba - 11/07/2023 10:00',
      'Thứ tư - 12/07/2023 10:00',
      'Thứ năm - 13/07/2023 10:00',
      'Thứ sáu - 14/07/2023 10:00',
      'Thứ bảy - 15/07/2023 10:00',
    ]);
  });

  it('crosses midnight and the new year by Vietnam’s clock', () => {
    expect(formatPortalDateLine(new Date('2023-12-31T17:00:00Z'))).toBe(
      'Thứ hai - 01/01/2024 00:00',
    );
    expect(formatPortalDateLine(new Date('2023-12-31T16:59:00Z'))).toBe(
      'Chủ nhật - 31/12/2023 23:59',
    );
  });

  it('rejects an invalid date', () => {
    expect(() => formatPortalDateLine(new Date('nope'))).toThrow(RangeError);
  });
});

describe('parsePortalDateLine', () => {
  it('reads the date line back', () => {
    expect(parsePortalDateLine('Thứ tư - 12/07/2023 05:22')?.toISOString()).toBe(
      '2023-07-11T22:22:00.000Z',
    );
  });

  it('accepts other capitalisation, dashes and NFD', () => {
    expect(parsePortalDateLine('Thứ Tư – 12/07/2023 05:22')?.toISOString()).toBe(
      '2023-07-11T22:22:00.000Z',
    );
    expect(parsePortalDateLine('  CHỦ NHẬT-09/07/2023 10:00 ')?.toISOString()).toBe(
      '2023-07-09T03:00:00.000Z',
    );
    expect(parsePortalDateLine('Thứ tư - 12/07/2023 05:22'.normalize('NFD'))?.toISOString()).toBe(
      '2023-07-11T22:22:00.000Z',
    );
  });

  it('round-trips a year of hours', () => {
    for (let hour = 0; hour < 366 * 24; hour += 37) {
      const date = new Date(Date.UTC(2024, 0, 1) + hour * 3_600_000);
      expect(parsePortalDateLine(formatPortalDateLine(date))?.getTime()).toBe(date.getTime());
    }
  });

  it.each([
    ['Thứ năm - 12/07/2023 05:22', 'wrong weekday'],
    ['Thứ tám - 12/07/2023 05:22', 'no such weekday'],
    ['12/07/2023 05:22', 'no weekday'],
    ['Thứ tư - 32/07/2023 05:22', 'no such day'],
    ['Thứ tư - 12/07/2023', 'no time'],
    ['', 'empty'],
  ])('returns null for %j (%s)', (line) => {
    expect(parsePortalDateLine(line)).toBeNull();
  });
});

describe('dd/MM/yyyy HH:mm input', () => {
  it('formats and parses in Vietnam time', () => {
    expect(formatDateTimeInput(new Date('2023-07-11T22:22:00Z'))).toBe('12/07/2023 05:22');
    expect(parseDateTimeInput('12/07/2023 05:22')?.toISOString()).toBe('2023-07-11T22:22:00.000Z');
    expect(parseDateTimeInput('1/7/2023 5:02')?.toISOString()).toBe('2023-06-30T22:02:00.000Z');
  });

  it('uses the zone’s history from Intl, not a fixed +7', () => {
    // Saigon kept UTC+8 from 1960 to 1975.
    expect(formatDateTimeInput(new Date('1970-06-01T00:00:00Z'))).toBe('01/06/1970 08:00');
    expect(parseDateTimeInput('01/06/1970 08:00')?.toISOString()).toBe('1970-06-01T00:00:00.000Z');
  });

  it.each([
    '31/02/2023 10:00',
    '29/02/2023 10:00',
    '12/13/2023 10:00',
    '12/07/2023 24:00',
    '12/07/2023 10:60',
    '12-07-2023 10:00',
    '12/07/23 10:00',
    'hôm nay',
  ])('rejects %j', (input) => {
    expect(parseDateTimeInput(input)).toBeNull();
  });

  it('accepts 29 February in a leap year', () => {
    expect(parseDateTimeInput('29/02/2024 00:00')?.toISOString()).toBe('2024-02-28T17:00:00.000Z');
  });
});

describe('portal date parts', () => {
  it('gives the wall clock in Vietnam and back', () => {
    const date = new Date('2023-07-11T22:22:00Z');
    const parts = getPortalDateParts(date);
    expect(parts).toEqual({ year: 2023, month: 7, day: 12, hour: 5, minute: 22 });
    expect(portalPartsToDate(parts)?.getTime()).toBe(date.getTime());
    expect(portalPartsToDate({ ...parts, minute: 1.5 })).toBeNull();
  });
});
