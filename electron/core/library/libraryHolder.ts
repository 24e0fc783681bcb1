import fs from 'node:fs';

/** Who has a library open: written beside the database so a refused second instance can say so. */
export interface LibraryHolder {
  pid: number;
  shell: 'desktop' | 'browser';
  since: number;
}

/** Records this process as the library's holder (informational; SQLite's lock is the guard). */
export function writeHolder(file: string, holder: LibraryHolder): void {
  fs.writeFileSync(file, JSON.stringify(holder));
}

/** Reads the recorded holder, if any and if well-formed. */
export function readHolder(file: string): LibraryHolder | null {
  try {
    const parsed: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
    if (
      typeof parsed === 'object' &&
      parsed !== null &&
      'pid' in parsed &&
      typeof parsed.pid === 'number' &&
      'since' in parsed &&
      typeof parsed.since === 'number' &&
      'shell' in parsed &&
      (parsed.shell === 'desktop' || parsed.shell === 'browser')
    ) {
      return { pid: parsed.pid, shell: parsed.shell, since: parsed.since };
    }
    return null;
  } catch {
    return null;
  }
}

/** The Vietnamese message for a library another process holds, naming it when known. */
export function lockedMessage(holder: LibraryHolder | null): string {
  const base = 'Thư viện dữ liệu này đang được một phiên Newsdesk khác sử dụng';
  if (!holder) return `${base}. Hãy đóng phiên đó rồi mở lại.`;
  const shell = holder.shell === 'desktop' ? 'ứng dụng máy tính' : 'trình duyệt';
  const since = new Date(holder.since).toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' });
  return `${base} (${shell}, tiến trình ${holder.pid}, từ ${since}). Hãy đóng phiên đó rồi mở lại.`;
}
