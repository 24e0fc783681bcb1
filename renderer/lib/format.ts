/** Formats a timestamp for the UI in the newsroom's zone (Vietnam), whatever the PC's clock zone. */
export function formatTime(at: number, locale: string, withDate = false): string {
  return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'vi-VN', {
    timeZone: 'Asia/Ho_Chi_Minh',
    hour: '2-digit',
    minute: '2-digit',
    ...(withDate ? { day: '2-digit', month: '2-digit', year: 'numeric' } : { second: '2-digit' }),
  }).format(at);
}

/** «HH:MM» in Vietnam time, for «đang sửa bài này từ 14:05». */
export function formatHourMinute(at: number, locale: string): string {
  return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'vi-VN', {
    timeZone: 'Asia/Ho_Chi_Minh',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(at);
}
