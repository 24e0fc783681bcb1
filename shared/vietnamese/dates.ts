/**
 * Newsroom dates. Portals print "Thứ tư - 12/07/2023 05:22" in Vietnam time whatever the
 * reporter's PC is set to, and CLDR's `vi` patterns differ (time first, "Thứ Tư"), so the string
 * is assembled by hand from Intl parts computed in Asia/Ho_Chi_Minh.
 */

/** The portal's time zone (UTC+7 today; Intl also knows its historical offsets). */
export const PORTAL_TIME_ZONE = 'Asia/Ho_Chi_Minh';

/** Weekday names as the portal writes them, Sunday first (lower case after "Thứ"). */
export const PORTAL_WEEKDAYS = [
  'Chủ nhật',
  'Thứ hai',
  'Thứ ba',
  'Thứ tư',
  'Thứ năm',
  'Thứ sáu',
  'Thứ bảy',
] as const;

/** A wall-clock date and time in the portal's zone. */
export interface PortalDateParts {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
  /** 0–23 */
  hour: number;
  minute: number;
}

const partsFormatter = new Intl.DateTimeFormat('en-GB', {
  timeZone: PORTAL_TIME_ZONE,
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
  hourCycle: 'h23',
});

function zonedParts(instant: number): PortalDateParts & { second: number } {
  const values: Partial<Record<Intl.DateTimeFormatPartTypes, number>> = {};
  for (const part of partsFormatter.formatToParts(instant)) {
    if (part.type !== 'literal') values[part.type] = Number(part.value);
  }
  return {
    year: values.year ?? NaN,
    month: values.month ?? NaN,
    day: values.day ?? NaN,
    hour: values.hour ?? NaN,
    minute: values.minute ?? NaN,
    second: values.second ?? NaN,
  };
}

/**
 * The date's wall-clock parts in Vietnam, independent of the machine's time zone. Useful for
 * filling date inputs and for folder names such as NukeViet's `2023_07`.
 */
export function getPortalDateParts(date: Date): PortalDateParts {
  const { year, month, day, hour, minute } = zonedParts(date.getTime());
  return { year, month, day, hour, minute };
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** Date.UTC without its 1900 shift for years 0–99. */
function utc(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  d.setUTCHours(hour, minute, second, 0);
  return d.getTime();
}

function weekdayOf(year: number, month: number, day: number): number {
  return new Date(utc(year, month, day)).getUTCDay();
}

/**
 * Formats the date line portals print under a headline, e.g. `Thứ tư - 12/07/2023 05:22`, in
 * Vietnam time. Throws RangeError for an invalid Date rather than printing "NaN".
 */
export function formatPortalDateLine(date: Date): string {
  if (Number.isNaN(date.getTime())) throw new RangeError('Invalid Date');
  const p = getPortalDateParts(date);
  const weekday = PORTAL_WEEKDAYS[weekdayOf(p.year, p.month, p.day)] ?? '';
  return `${weekday} - ${formatDateTimeInput(date)}`;
}

/**
 * Formats `dd/MM/yyyy HH:mm` in Vietnam time, the form date inputs and scheduling fields use.
 */
export function formatDateTimeInput(date: Date): string {
  if (Number.isNaN(date.getTime())) throw new RangeError('Invalid Date');
  const p = getPortalDateParts(date);
  return `${pad2(p.day)}/${pad2(p.month)}/${String(p.year).padStart(4, '0')} ${pad2(p.hour)}:${pad2(p.minute)}`;
}

function daysInMonth(year: number, month: number): number {
  return new Date(utc(year, month + 1, 0)).getUTCDate();
}

/**
 * The instant at which the portal's clock shows these parts, or null when the parts are not a
 * real date/time (31/02, 24:00…). The zone offset comes from Intl, not from the machine.
 */
export function portalPartsToDate(parts: PortalDateParts): Date | null {
  const { year, month, day, hour, minute } = parts;
  const ints = [year, month, day, hour, minute].every((n) => Number.isInteger(n));
  if (!ints || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59) return null;
  const wall = utc(year, month, day, hour, minute);
  let instant = wall;
  for (let i = 0; i < 3; i += 1) {
    const seen = zonedParts(instant);
    const seenWall = utc(seen.year, seen.month, seen.day, seen.hour, seen.minute, seen.second);
    const diff = wall - seenWall;
    if (diff === 0) return new Date(instant);
    instant += diff;
  }
  return null;
}

const DATE_TIME = /^(\d{1,2})\/(\d{1,2})\/(\d{4})\s+(\d{1,2}):(\d{2})$/u;

/**
 * Reads `dd/MM/yyyy HH:mm` (single-digit day, month and hour accepted) as Vietnam time. Returns
 * null for anything else or for an impossible date, so a form can show its own message.
 */
export function parseDateTimeInput(input: string): Date | null {
  const m = DATE_TIME.exec(input.trim());
  if (m === null) return null;
  const [, day, month, year, hour, minute] = m.map(Number);
  if (day === undefined || month === undefined || year === undefined) return null;
  if (hour === undefined || minute === undefined) return null;
  return portalPartsToDate({ year, month, day, hour, minute });
}

const DATE_LINE = /^(Chủ nhật|Thứ hai|Thứ ba|Thứ tư|Thứ năm|Thứ sáu|Thứ bảy)\s*[-–—]\s*(.+)$/iu;

/**
 * Reads a portal date line (`Thứ tư - 12/07/2023 05:22`, also "Thứ Tư", an en dash, NFD) back
 * into a Date, e.g. when importing published articles. Returns null when the weekday does not
 * match the date: such a line is corrupt and should be looked at, not silently trusted.
 */
export function parsePortalDateLine(line: string): Date | null {
  const m = DATE_LINE.exec(line.normalize('NFC').trim());
  const name = m?.[1];
  const rest = m?.[2];
  if (name === undefined || rest === undefined) return null;
  const date = parseDateTimeInput(rest);
  if (date === null) return null;
  const p = getPortalDateParts(date);
  const expected = PORTAL_WEEKDAYS[weekdayOf(p.year, p.month, p.day)] ?? '';
  return expected.toLowerCase() === name.toLowerCase() ? date : null;
}
