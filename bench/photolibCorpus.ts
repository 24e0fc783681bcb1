import { randomUUID, createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

import type { Database } from 'better-sqlite3';
import sharp from 'sharp';

import { thumbnailMediaPath } from '../electron/core/photos/library/layout';
import { seeded } from './editorCorpus';

/*
 * A newsroom-sized photo library for `npm run bench:photolib`: rows written straight into a real
 * library (the FTS triggers index them as an import would), each with its own thumbnail file, and
 * captions, bylines and events drawn from a newsroom's vocabulary, so a search for a place matches
 * a few hundred photos and a search for an event a few dozen, not all of them.
 */

const places = [
  'Hà Nội',
  'TP Hồ Chí Minh',
  'Đà Nẵng',
  'Hải Phòng',
  'Cần Thơ',
  'Huế',
  'Nghệ An',
  'Hà Tĩnh',
  'Quảng Ninh',
  'Đắk Lắk',
  'Lâm Đồng',
  'Bình Định',
  'Thanh Hóa',
  'Nam Định',
  'Điện Biên',
];
const subjects = [
  'Đại biểu Quốc hội tiếp xúc cử tri',
  'Người dân đón xuân',
  'Lực lượng cứu hộ tìm kiếm',
  'Nông dân thu hoạch lúa',
  'Học sinh tựu trường',
  'Công nhân làm việc tại công trường',
  'Bộ đội giúp dân khắc phục hậu quả bão',
  'Lãnh đạo tỉnh thăm hỏi gia đình chính sách',
  'Đội tuyển bóng đá tập luyện',
  'Khách du lịch tham quan',
  'Bác sĩ khám bệnh miễn phí',
  'Ngư dân ra khơi',
  'Lễ khánh thành cầu mới',
  'Đường phố ngập sau mưa lớn',
];
const events = [
  'Kỳ họp HĐND tỉnh',
  'Bão số 3',
  'Lễ hội đường phố',
  'Tết Nguyên đán',
  'Đại hội Đảng bộ',
  'SEA Games',
  'Hội chợ nông sản',
  'Khai giảng năm học',
  'Diễn tập phòng cháy',
  '',
];
const bylines = [
  'Đức Anh',
  'Minh Châu',
  'Thu Hằng',
  'Quốc Tuấn',
  'Ngọc Diệp',
  'Văn Đông',
  'Hoàng Long',
  'Thanh Hà',
];

/** Writes `count` photo rows and their thumbnails into an open (migrated) library. */
export async function fillPhotoLibrary(
  db: Database,
  mediaDir: string,
  count: number,
  sampleJpeg: string,
): Promise<void> {
  const thumbnail = await sharp(sampleJpeg)
    .resize(320, 320, { fit: 'inside' })
    .webp({ quality: 72, effort: 2 })
    .toBuffer();
  const random = seeded(16);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const insert = db.prepare(
    `INSERT INTO photos (id, sha256, media_path, original_name, bytes, format, width, height,
       capture_time, camera, caption, caption_missing, byline, credit, dhash, event,
       imported_at, updated_at)
     VALUES (@id, @sha, @media, @name, 4000000, 'jpeg', 4000, 3000, @captured, 'Canon EOS R6',
       @caption, @missing, @byline, @credit, @dhash, @event, @at, @at)`,
  );
  const base = Date.UTC(2024, 0, 1);
  const shas: string[] = [];
  db.transaction(() => {
    for (let i = 0; i < count; i += 1) {
      const sha = createHash('sha256').update(`photo-${i}`).digest('hex');
      const missing = random() < 0.2;
      const at = base + i * 60_000;
      insert.run({
        id: randomUUID(),
        sha,
        media: `photos/${sha.slice(0, 2)}/${sha}.jpg`,
        name: missing
          ? `IMG_${String(1000 + i)}.JPG`
          : `z${4_509_060_236_637 + i}_${sha.slice(0, 8)}.jpg`,
        captured: new Date(at).toISOString().slice(0, 19),
        caption: missing ? '' : `${pick(subjects)} tại ${pick(places)}`,
        missing: missing ? 1 : 0,
        byline: pick(bylines),
        credit: random() < 0.3 ? 'TTXVN' : '',
        dhash: sha.slice(0, 16),
        event: pick(events),
        at,
      });
      shas.push(sha);
    }
  })();
  fs.mkdirSync(path.join(mediaDir, 'thumbs'), { recursive: true });
  for (const sha of shas) fs.writeFileSync(path.join(mediaDir, thumbnailMediaPath(sha)), thumbnail);
}

/** Queries an editor types into Kho ảnh: places, people, events, file names, a half-typed word. */
export const photoQueries = [
  'ha noi',
  'da nang',
  'duc anh',
  'bao so 3',
  'hdnd',
  'le hoi duong pho',
  'ttxvn',
  'cu tri',
  'nguoi dan don xuan',
  'img',
  'thu hoach lua',
  'dien bien',
  'tet nguyen',
  'bac si kham',
  'khanh thanh cau',
  'ngu dan ra kh',
];

/**
 * `count` distinct 12 MP files from the bench corpus: each corpus photo again with a JPEG comment
 * segment after its start marker, so the bytes (and the SHA-256) differ while the pixels do not.
 */
export function distinctCopies(files: readonly string[], count: number, dir: string): string[] {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  return Array.from({ length: count }, (_, i) => {
    const source = files[i % files.length] ?? '';
    const bytes = fs.readFileSync(source);
    const note = Buffer.from(`newsdesk bench copy ${i}`);
    const segment = Buffer.alloc(4 + note.length);
    segment.writeUInt16BE(0xfffe, 0);
    segment.writeUInt16BE(note.length + 2, 2);
    note.copy(segment, 4);
    const target = path.join(dir, `${String(i).padStart(3, '0')}-${path.basename(source)}`);
    fs.writeFileSync(target, Buffer.concat([bytes.subarray(0, 2), segment, bytes.subarray(2)]));
    return target;
  });
}
