import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { foldForIndex } from '../shared/vietnamese/searchFold';

/*
 * A realistic news archive for the search benchmark. Words are drawn from a Zipf distribution
 * over a ranked vocabulary: newsroom words and phrases first (function words such as `của`,
 * `và`, `được` at the top, so they appear in nearly every article), then every syllable of
 * Hunspell's Vietnamese list (`dictionary-vi`) as the long tail. Each article has a category
 * whose words it favours, and mentions a few named people (with their office), places, an
 * event that lasts a few weeks of the archive, figures with units, and dates. Common words so
 * appear in most articles, names and events in a few, as in a provincial portal's archive.
 */

/** Newsroom words and phrases, roughly most frequent first. */
const head = `của và các có được trong là cho với người những đã không một này để năm tại về từ
khi theo đến cũng ra còn như trên sẽ thì nhiều đó bị hơn lại đồng chí tỉnh huyện xã
phát triển kinh tế xã hội công tác thực hiện cán bộ nhân dân địa phương triển khai chính quyền
an ninh hội nghị tổ chức đơn vị nhiệm vụ giải pháp chương trình kế hoạch đầu tư dự án
hoạt động tình hình quan tâm tiếp tục đảm bảo nâng cao chất lượng hiệu quả lãnh đạo chỉ đạo
tháng ngày sau trước đây cùng các cấp ngành doanh nghiệp sản xuất nông nghiệp người dân
gia đình học sinh giáo viên bệnh viện y tế giáo dục văn hoá du lịch thể thao giao thông
xây dựng công trình hạ tầng nguồn vốn ngân sách kết quả đánh giá kiểm tra giám sát
tuyên truyền vận động phong trào thi đua khen thưởng chính sách hỗ trợ hộ nghèo an sinh
môi trường tài nguyên đất đai quy hoạch thủ tục hành chính cải cách chuyển đổi số
Đảng Nhà nước Mặt trận Tổ quốc đoàn thể thanh niên phụ nữ cựu chiến binh nông dân
quốc phòng lực lượng công an quân sự biên phòng trật tự an toàn phòng chống thiên tai
mưa lũ hạn hán dịch bệnh tiêm chủng khám chữa bệnh bảo hiểm lao động việc làm thu nhập
giá cả thị trường xuất khẩu thương mại dịch vụ tài chính ngân hàng thuế doanh thu
mục tiêu chỉ tiêu nghị quyết quyết định văn bản báo cáo đề nghị yêu cầu đề xuất ý kiến
tham dự phát biểu trao tặng chúc mừng thăm hỏi động viên làm việc tiếp xúc cử tri
khó khăn vướng mắc hạn chế tồn tại nguyên nhân trách nhiệm kỷ luật vi phạm xử lý`
  .split(/\s+/u)
  .filter((word) => word !== '');

/** Words each category favours. */
const categories: Record<string, string[]> = {
  'Thời sự': ['hội nghị', 'nghị quyết', 'Tỉnh ủy', 'Huyện ủy', 'Đại hội', 'Ban Thường vụ'],
  'Kinh tế': ['tăng trưởng', 'tỷ đồng', 'doanh nghiệp', 'thu ngân sách', 'giải ngân', 'lãi suất'],
  'Nông nghiệp': ['lúa', 'hè thu', 'đông xuân', 'năng suất', 'chăn nuôi', 'nông thôn mới'],
  'Xã hội': ['hộ nghèo', 'nhà ở', 'người có công', 'bảo trợ', 'trẻ em', 'khuyết tật'],
  'Giáo dục': ['học sinh', 'kỳ thi', 'tốt nghiệp', 'trường học', 'học bổng', 'điểm chuẩn'],
  'Y tế': ['bệnh nhân', 'sốt xuất huyết', 'tiêm chủng', 'bác sĩ', 'trạm y tế', 'ca mắc'],
  'Pháp luật': ['khởi tố', 'bị can', 'tạm giữ', 'ma tuý', 'lừa đảo', 'tai nạn giao thông'],
  'Văn hoá': ['lễ hội', 'di tích', 'nghệ thuật', 'dân ca ví giặm', 'bảo tàng', 'văn nghệ'],
  'Thể thao': ['giải đấu', 'vận động viên', 'huy chương', 'bóng đá', 'việt dã', 'đội tuyển'],
  'Quốc phòng': ['huấn luyện', 'tân binh', 'diễn tập', 'dân quân', 'biên giới', 'chiến sĩ'],
};

const surnames = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Phan', 'Võ', 'Đặng', 'Bùi', 'Đỗ'];
const middles = ['Văn', 'Thị', 'Hữu', 'Đức', 'Minh', 'Thanh', 'Quốc', 'Ngọc', 'Xuân', 'Đình'];
const givens = `Dũng Hùng Lan Hương Hải Hà Tuấn Nam Anh Sơn Long Thắng Hoa Mai Bình Cường Phúc
Quang Tâm Trang Linh Huy Khánh Thành Việt Hạnh Yến Nga Lộc Thảo`.split(/\s+/u);
const offices = [
  'Bí thư Tỉnh ủy',
  'Chủ tịch UBND tỉnh',
  'Phó Chủ tịch UBND tỉnh',
  'Giám đốc Sở Nông nghiệp',
  'Giám đốc Sở Y tế',
  'Bí thư Huyện ủy',
  'Chủ tịch UBND huyện',
  'Chủ tịch UBND xã',
  'Trưởng Công an huyện',
  'Hiệu trưởng',
  'Bác sĩ',
  'Nông dân',
];
const places =
  `Đức Thọ|Cẩm Xuyên|Kỳ Anh|Hương Sơn|Thạch Hà|Nghi Xuân|Can Lộc|Hương Khê|Vũ Quang|Lộc Hà
|Hồng Lĩnh|Thành phố Hà Tĩnh|Kỳ Sơn|Con Cuông|Quỳnh Lưu|Diễn Châu|Nam Đàn|Thanh Chương|Đô Lương
|Quảng Trạch|Bố Trạch|Lệ Thủy|Vinh|Cửa Lò|Xuân Thành|Thiên Cầm|Vũng Áng|Sơn Kim|Tây Sơn|Cầu Treo`
    .split('|')
    .map((place) => place.trim());
const eventNames =
  `Lễ hội đền Chợ Củi|bão số 3|lũ lịch sử|dịch sốt xuất huyết|Hội chợ thương mại Việt – Lào
|kỳ thi tốt nghiệp THPT|Đại hội Đảng bộ tỉnh|Giải việt dã Báo Hà Tĩnh|Tuần lễ du lịch biển
|cao tốc Bắc – Nam|cháy rừng Hồng Lĩnh|mùa tuyển quân|Festival dân ca ví giặm|sạt lở bờ biển
|dự án Formosa|Lễ kỷ niệm 190 năm thành lập tỉnh|đường dây 500 kV mạch 3|Ngày hội Đại đoàn kết`
    .split('|')
    .map((event) => event.trim());
const units = ['ha', 'tấn', 'tỷ đồng', 'triệu đồng', 'km', '%', 'hộ', 'học sinh', 'người', 'ca'];

/** A deterministic pseudo-random generator, so every run builds the same archive. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** Samples ranks 0..n-1 with probability ∝ 1 / (rank + q)^s (Zipf–Mandelbrot). */
function zipf(n: number, s: number, q: number): (random: () => number) => number {
  const cumulative: number[] = [];
  let total = 0;
  for (let rank = 0; rank < n; rank += 1) {
    total += 1 / (rank + q) ** s;
    cumulative.push(total);
  }
  return (random) => {
    const target = random() * total;
    let low = 0;
    let high = n - 1;
    while (low < high) {
      const mid = (low + high) >> 1;
      if ((cumulative[mid] ?? total) < target) low = mid + 1;
      else high = mid;
    }
    return low;
  };
}

const pick = <T>(items: readonly T[], random: () => number): T => {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('empty list');
  return item;
};

/** Every lower-case syllable of Hunspell's Vietnamese list, shuffled the same way every run. */
function tailSyllables(random: () => number): string[] {
  // The package exports only its loader; the syllable list sits next to it.
  const file = path.join(
    path.dirname(fileURLToPath(import.meta.resolve('dictionary-vi'))),
    'index.dic',
  );
  const words = fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .slice(1)
    .filter((word) => word !== '' && word === word.toLowerCase() && /^\p{L}+$/u.test(word));
  for (let i = words.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [words[i], words[j]] = [words[j] ?? '', words[i] ?? ''];
  }
  return words;
}

/** One generated article: its fields and when it was written. */
export interface ArchiveArticle {
  title: string;
  lead: string;
  body: string;
  category: string;
  at: number;
}

/** A person of the archive: name and office; a few are in the news far more than others. */
interface Person {
  name: string;
  office: string;
}

/** The generator and the names it uses (for queries that find a few articles). */
export interface Archive {
  article(index: number): ArchiveArticle;
  people: readonly Person[];
  events: readonly string[];
  places: readonly string[];
}

/**
 * Builds the archive generator for `count` articles spread over the years before `endAt`
 * (index 0 oldest). Deterministic: the same `count` and `seed` give the same articles.
 */
export function createArchive(count: number, endAt: number, seed = 7): Archive {
  const random = seededRandom(seed);
  const vocabulary = [...head, ...tailSyllables(random)];
  const word = zipf(vocabulary.length, 1.05, 2.7);
  const people: Person[] = [{ name: 'Hoàng Trung Dũng', office: 'Bí thư Tỉnh ủy' }];
  for (let i = 1; i < 1500; i += 1) {
    people.push({
      name: `${pick(surnames, random)} ${pick(middles, random)} ${pick(givens, random)}`,
      office:
        offices[Math.min(offices.length - 1, Math.floor(random() ** 2 * offices.length))] ?? '',
    });
  }
  const person = zipf(people.length, 0.9, 3);
  const place = zipf(places.length, 0.9, 1.5);
  const categoryNames = Object.keys(categories);
  const spanMs = 6 * 365 * 86_400_000;

  const entity = (r: () => number, at: number, event: string | null): string => {
    const kind = r();
    if (kind < 0.3) {
      const who = people[person(r)] ?? { name: '', office: '' };
      return r() < 0.5 ? `đồng chí ${who.name} – ${who.office}` : `ông ${who.name}`;
    }
    if (kind < 0.55) return `${r() < 0.5 ? 'huyện' : 'xã'} ${places[place(r)] ?? ''}`;
    if (kind < 0.8) {
      const amount = Math.floor(r() * 5000) + 1;
      return `${amount.toLocaleString('vi-VN')} ${pick(units, r)}`;
    }
    if (kind < 0.9 && event) return event;
    const date = new Date(at - Math.floor(r() * 30) * 86_400_000);
    return `ngày ${date.getUTCDate()}/${date.getUTCMonth() + 1}/${date.getUTCFullYear()}`;
  };

  const sentence = (
    r: () => number,
    words: number,
    topical: string[],
    at: number,
    event: string | null,
  ) => {
    const out: string[] = [];
    for (let i = 0; i < words; i += 1) {
      const roll = r();
      if (roll < 0.12) out.push(pick(topical, r));
      else if (roll < 0.135) out.push(entity(r, at, event));
      else out.push(vocabulary[word(r)] ?? '');
    }
    const text = out.join(' ');
    return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
  };

  const paragraphText = (
    r: () => number,
    words: number,
    topical: string[],
    at: number,
    event: string | null,
  ) => {
    const sentences: string[] = [];
    let written = 0;
    while (written < words) {
      const length = 12 + Math.floor(r() * 18);
      sentences.push(sentence(r, length, topical, at, event));
      written += length;
    }
    return sentences.join(' ');
  };

  return {
    people,
    events: eventNames,
    places,
    article(index) {
      const r = seededRandom(seed * 1_000_003 + index);
      const at = endAt - spanMs + Math.floor((index / count) * spanMs);
      const category = pick(categoryNames, r);
      const topical = categories[category] ?? [];
      // Each event is news for about 3% of the archive's time span, around its own moment.
      const slot = Math.floor((index / count) * eventNames.length * 8);
      const event = slot % 8 === 0 && r() < 0.6 ? (eventNames[slot / 8] ?? null) : null;
      const who = people[person(r)] ?? { name: '', office: '' };
      const where = places[place(r)] ?? '';
      const titleStart =
        event ?? (r() < 0.5 ? `${who.office} ${who.name}` : `${pick(topical, r)} ở ${where}`);
      const title = `${titleStart}: ${sentence(r, 6 + Math.floor(r() * 6), topical, at, null).slice(0, -1)}`;
      const lead = `(Báo Hà Tĩnh) – ${sentence(r, 25 + Math.floor(r() * 20), topical, at, event)}`;
      const body = paragraphText(r, 250 + Math.floor(r() * 550), topical, at, event);
      return { title, lead, body, category, at };
    },
  };
}

/**
 * Queries as reporters type them (no tones), for a given archive: common words that match most
 * articles, offices, places, people and events that match a few, and a word still being typed.
 */
export function archiveQueries(archive: Archive): string[] {
  const person = (rank: number): string => foldForIndex(archive.people[rank]?.name ?? 'dung');
  return [
    'bi thu',
    'bi thu tinh uy',
    'chu tich ubnd huyen',
    'kinh te',
    'an ninh trat tu',
    'nong thon moi',
    'hoang trung dung',
    person(40),
    person(300),
    'duc tho',
    'cam xuyen',
    'le hoi den cho cui',
    'bao so 3',
    'sot xuat huyet',
    'tai nan giao thong',
    'hoc sinh',
    'gia lua',
    'ky thi tot nghiep',
    'nguyen van',
    'dau tu',
    'hoi ngh',
    'ty dong',
    foldForIndex(archive.events[11] ?? 'mua tuyen quan'),
    'vung ang',
  ];
}
