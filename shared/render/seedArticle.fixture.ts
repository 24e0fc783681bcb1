/**
 * The seed article (a real NukeViet post, /work/shared/seed/portal-article.txt) as the editor
 * stores it, shared by the render, checks, export and preview tests so they all exercise the
 * same real-world content, including the photo captions left as Zalo file names.
 */
import type { Article, AuthorProfile, Category, DocNode } from '../domain/article';
import { emptyMeta } from '../domain/article';

/** Body paragraphs of the seed article. */
export const seedParagraphs = [
  'Tại buổi nói chuyện, đồng chí Hoàng Trung Dũng – Bí thư Tỉnh ủy, Chủ tịch HĐND Tỉnh đã thông tin tình hình phát triển kinh tế - xã hội.',
  'Các địa phương cũng cần tạo môi trường, diễn đàn, cơ hội để người dân phản biện, góp ý, hiến kế tham gia vào việc chung của địa phương, đơn vị.',
] as const;

/** The Zalo file names the portal shows as captions. */
export const seedCaptions = [
  'z4509060236637 cee53aff582f33e127acb052f924c3c7',
  'z4509061029203 e7432122ffdd9f0dddebe184b9e7aecd',
] as const;

/** A figure node as the editor stores it. */
export function figure(mediaPath: string, caption: string, alt = '', credit = ''): DocNode {
  return {
    type: 'figure',
    attrs: { mediaPath, alt, credit },
    ...(caption ? { content: [{ type: 'text', text: caption }] } : {}),
  };
}

/** A paragraph with one text run (or none). */
export function paragraph(text = ''): DocNode {
  return text ? { type: 'paragraph', content: [{ type: 'text', text }] } : { type: 'paragraph' };
}

/** 12/07/2023 05:22 in Vietnam (UTC+7). */
export const seedPublishAt = Date.UTC(2023, 6, 11, 22, 22);

/** The seed body: two figures captioned with file names between the paragraphs. */
export function seedBody(): DocNode {
  return {
    type: 'doc',
    content: [
      figure('photos/a1/z4509060236637.jpg', seedCaptions[0]),
      figure('photos/b2/z4509061029203.jpg', seedCaptions[1]),
      paragraph(seedParagraphs[0]),
      paragraph(seedParagraphs[1]),
    ],
  };
}

/** The seed author: `Th.S Lê Đình Hùng - Phó Trưởng phòng TC, HC, TT, TLL`. */
export const seedAuthor: AuthorProfile = {
  id: 'author-hung',
  name: 'Th.S Lê Đình Hùng',
  position: 'Phó Trưởng phòng TC, HC, TT, TLL',
};

/** The seed category. */
export const seedCategory: Category = {
  id: 'cat-tin-hoat-dong',
  parentId: null,
  title: 'Tin hoạt động',
  alias: 'tin-hoat-dong',
};

/** The seed article as the editor loads it. */
export function seedArticle(): Article {
  return {
    id: 'article-1',
    title:
      'Bí thư Tỉnh ủy nói chuyện với Lớp Bồi dưỡng cập nhật kiến thức chức danh chủ tịch UBND xã, phường, thị trấn năm 2023',
    status: 'draft',
    excerpt: '',
    wordCount: 0,
    createdAt: seedPublishAt - 3_600_000,
    updatedAt: seedPublishAt - 60_000,
    version: 3,
    body: seedBody(),
    meta: {
      ...emptyMeta(),
      slug: 'bi-thu-tinh-uy-noi-chuyen-voi-lop-boi-duong',
      lead: 'Sáng ngày 12/7/2023, tại trường Chính trị Trần Phú, đồng chí Hoàng Trung Dũng - Ủy viên Trung ương Đảng, Bí thư Tỉnh ủy, Chủ tịch HĐND Tỉnh đã có buổi tiếp xúc, nói chuyện với hơn 200 học viên.',
      categoryId: seedCategory.id,
      authorId: seedAuthor.id,
      publishAt: seedPublishAt,
    },
  };
}
