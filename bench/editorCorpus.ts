import type { DocNode } from '../shared/domain/article';

/** Sentences in the register of a provincial portal, to build realistic articles from. */
const sentences = [
  'Sáng ngày 12/7/2023, tại trường Chính trị Trần Phú, đồng chí Hoàng Trung Dũng đã có buổi tiếp xúc, nói chuyện với hơn 200 học viên.',
  'Tại buổi nói chuyện, đồng chí đã thông tin tình hình phát triển kinh tế - xã hội, đảm bảo quốc phòng - an ninh của tỉnh.',
  'Đồng chí đề nghị đội ngũ cán bộ xã, phường, thị trấn tiếp tục phát huy tinh thần đoàn kết, nỗ lực vươn lên.',
  'Các địa phương cần tạo môi trường, diễn đàn, cơ hội để người dân phản biện, góp ý, hiến kế tham gia vào việc chung.',
  'Kịp thời tháo gỡ những khó khăn, vướng mắc phát sinh ngay từ cơ sở, tránh tình trạng khiếu kiện vượt cấp, kéo dài.',
  'Quan tâm hơn nữa công tác an sinh xã hội, huy động tối đa mọi nguồn lực xây dựng nhà ở cho hộ nghèo.',
  'Tiếp tục phát huy và giữ gìn bản sắc văn hoá, đẩy mạnh phong trào toàn dân bảo vệ an ninh Tổ quốc.',
  'Nông dân huyện Đức Thọ phấn khởi vì vụ lúa hè thu năm nay được mùa, được giá.',
  'Ủy ban nhân dân tỉnh đã ban hành kế hoạch triển khai các Chương trình mục tiêu Quốc gia giai đoạn 2021 - 2025.',
  'Hội nghị đã thảo luận, thống nhất nhiều giải pháp trọng tâm cần thực hiện trong 6 tháng cuối năm.',
];

/** A deterministic pseudo-random generator, so every run builds the same corpus. */
export function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** Plain text of about `words` words. */
export function makeText(words: number, random: () => number): string {
  const out: string[] = [];
  let count = 0;
  while (count < words) {
    const sentence = sentences[Math.floor(random() * sentences.length)] ?? '';
    out.push(sentence);
    count += sentence.split(' ').length;
  }
  return out.join(' ');
}

/** A TipTap doc of about `words` words in paragraphs of ~80 words, with `figures` photos spread through it. */
export function makeDoc(
  words: number,
  figures: number,
  mediaPath: string,
  random: () => number,
): DocNode {
  const paragraphs: DocNode[] = [];
  const perParagraph = 80;
  const count = Math.ceil(words / perParagraph);
  const every = Math.max(1, Math.floor(count / Math.max(1, figures)));
  let placed = 0;
  for (let i = 0; i < count; i += 1) {
    paragraphs.push({
      type: 'paragraph',
      content: [{ type: 'text', text: makeText(perParagraph, random) }],
    });
    if (placed < figures && i % every === every - 1) {
      placed += 1;
      paragraphs.push({
        type: 'figure',
        attrs: { mediaPath, alt: `Ảnh minh hoạ số ${placed}`, credit: 'Minh Anh' },
        content: [{ type: 'text', text: `Quang cảnh hội nghị, ảnh ${placed}` }],
      });
    }
  }
  return { type: 'doc', content: paragraphs };
}

/** p-th percentile of a list of numbers. */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? NaN;
}
