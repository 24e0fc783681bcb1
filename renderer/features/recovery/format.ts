/** A byte count as people read it (Vietnamese decimal comma in `vi`). */
export function formatBytes(bytes: number, locale: string): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value.toLocaleString(locale === 'en' ? 'en-GB' : 'vi-VN', { maximumFractionDigits: 1 })} ${units[unit] ?? 'B'}`;
}

/** A moment with date and time, in Vietnam's clock. */
export function formatMoment(at: number, locale: string): string {
  return new Date(at).toLocaleString(locale === 'en' ? 'en-GB' : 'vi-VN', {
    timeZone: 'Asia/Ho_Chi_Minh',
    dateStyle: 'short',
    timeStyle: 'medium',
  });
}
