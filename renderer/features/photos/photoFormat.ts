/** File sizes the way editors read them: «2,4 MB», with the Vietnamese decimal comma. */
export function formatSize(bytes: number, locale = 'vi'): string {
  const format = (value: number): string =>
    value.toLocaleString(locale === 'en' ? 'en-GB' : 'vi-VN', { maximumFractionDigits: 1 });
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${format(bytes / 1024)} KB`;
  return `${format(bytes / (1024 * 1024))} MB`;
}

/** A camera time `YYYY-MM-DDTHH:MM:SS` (wall clock, no zone) as «14:05 12/07/2023». */
export function formatCaptureTime(captureTime: string | null): string {
  if (captureTime === null) return '—';
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(captureTime);
  if (!match) return captureTime;
  const [, year, month, day, hour, minute] = match;
  return `${hour}:${minute} ${day}/${month}/${year}`;
}
