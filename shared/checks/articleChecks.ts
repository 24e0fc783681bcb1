/**
 * Pre-submission checks: the mistakes editors send back most often (captions left as Zalo file
 * names, photos without alt text, a missing sapo or category), found before the article leaves
 * the reporter. Pure, so the editor panel, the submit call and the web bridge agree.
 */
import type { Article, ArticleMeta, AuthorProfile, Category, DocNode } from '../domain/article';
import { bodyWordCount } from '../domain/article';
import { renderPlainText } from '../render/articleHtml';
import { countCharacters } from '../vietnamese/counts';
import { isValidSlug } from '../vietnamese/slug';
import { isFileNameCaption } from './fileNameCaption';

/** Re-exported so callers reach all caption checks through one module. */
export { isFileNameCaption } from './fileNameCaption';

/** Where an issue is: a form field, or a body node by child indexes from the doc root. */
export type CheckTarget =
  { kind: 'field'; field: keyof ArticleMeta | 'title' } | { kind: 'node'; path: number[] };

/** One problem found in an article, with a message that says what and what to do. */
export interface CheckIssue {
  /** Stable within one run: code plus field or node path, for React keys and de-duplication. */
  id: string;
  severity: 'error' | 'warning';
  code: CheckCode;
  /** Vietnamese. */
  message: string;
  messageEn: string;
  target: CheckTarget;
}

/** Every check code, for translations keyed by code. */
export const checkCodes = [
  'title_missing',
  'title_no_letters',
  'title_too_long',
  'slug_invalid',
  'lead_missing',
  'category_missing',
  'category_unknown',
  'author_missing',
  'author_unknown',
  'featured_alt_missing',
  'expiry_before_publish',
  'body_empty',
  'body_too_short',
  'body_too_long',
  'figure_media_missing',
  'caption_file_name',
  'caption_empty',
  'figure_alt_missing',
  'figure_credit_missing',
  'paragraph_empty',
] as const;

/** One check code. */
export type CheckCode = (typeof checkCodes)[number];

/** Limits a newsroom may tighten; defaults suit a provincial portal. */
export interface CheckLimits {
  /** Default 150 characters. */
  titleMaxChars?: number;
  /** Body length in "chữ" (syllables, as Word counts); no check when absent. */
  wordRange?: [number, number];
}

/** What the checks compare the article with. */
export interface CheckContext {
  authors: AuthorProfile[];
  categories: Category[];
  limits?: CheckLimits;
}

/** Default title limit: portals' list views cut longer titles. */
export const DEFAULT_TITLE_MAX_CHARS = 150;

const shorten = (text: string, max = 40): string =>
  text.length > max ? `${text.slice(0, max - 1)}…` : text;

type Draft = Omit<CheckIssue, 'id'>;

function field(
  code: CheckCode,
  severity: CheckIssue['severity'],
  name: keyof ArticleMeta | 'title',
  message: string,
  messageEn: string,
): Draft {
  return { code, severity, message, messageEn, target: { kind: 'field', field: name } };
}

function node(
  code: CheckCode,
  severity: CheckIssue['severity'],
  path: number[],
  message: string,
  messageEn: string,
): Draft {
  return { code, severity, message, messageEn, target: { kind: 'node', path } };
}

function checkFields(article: Article, context: CheckContext): Draft[] {
  const out: Draft[] = [];
  const { meta } = article;
  const title = article.title.trim();
  const titleMax = context.limits?.titleMaxChars ?? DEFAULT_TITLE_MAX_CHARS;
  if (title === '') {
    out.push(
      field(
        'title_missing',
        'error',
        'title',
        'Bài viết chưa có tiêu đề. Hãy nhập tiêu đề.',
        'The article has no title. Enter one.',
      ),
    );
  } else if (!/[\p{L}\p{N}]/u.test(title)) {
    out.push(
      field(
        'title_no_letters',
        'error',
        'title',
        'Tiêu đề chỉ có biểu tượng hoặc dấu câu. Hãy viết tiêu đề bằng chữ.',
        'The title has only emoji or punctuation. Write it in words.',
      ),
    );
  } else {
    const length = countCharacters(title);
    if (length > titleMax) {
      out.push(
        field(
          'title_too_long',
          'warning',
          'title',
          `Tiêu đề dài ${length} ký tự, quá ${titleMax} ký tự. Hãy rút gọn để trang tin không cắt mất.`,
          `The title is ${length} characters, over ${titleMax}. Shorten it so the portal does not cut it.`,
        ),
      );
    }
  }
  if (meta.slug.trim() === '') {
    out.push(
      field(
        'slug_invalid',
        'error',
        'slug',
        'Đường dẫn (slug) đang trống. Hãy tạo lại từ tiêu đề.',
        'The slug is empty. Generate it from the title.',
      ),
    );
  } else if (!isValidSlug(meta.slug)) {
    out.push(
      field(
        'slug_invalid',
        'error',
        'slug',
        `Đường dẫn «${shorten(meta.slug)}» không hợp lệ. Chỉ dùng chữ thường không dấu, số và dấu gạch ngang.`,
        `The slug "${shorten(meta.slug)}" is invalid. Use lower-case letters, digits and hyphens only.`,
      ),
    );
  }
  if (meta.lead.trim() === '') {
    out.push(
      field(
        'lead_missing',
        'error',
        'lead',
        'Bài viết chưa có sapo (phần tóm tắt in đậm). Hãy viết sapo.',
        'The article has no lead. Write one.',
      ),
    );
  }
  if (meta.categoryId === null || meta.categoryId.trim() === '') {
    out.push(
      field(
        'category_missing',
        'error',
        'categoryId',
        'Chưa chọn chuyên mục. Hãy chọn chuyên mục cho bài viết.',
        'No category is chosen. Pick one.',
      ),
    );
  } else if (!context.categories.some((category) => category.id === meta.categoryId)) {
    out.push(
      field(
        'category_unknown',
        'error',
        'categoryId',
        'Chuyên mục đã chọn không còn trên trang tin. Hãy đồng bộ danh sách chuyên mục rồi chọn lại.',
        'The chosen category no longer exists on the portal. Sync categories and pick again.',
      ),
    );
  }
  if (meta.authorId === null || meta.authorId.trim() === '') {
    out.push(
      field(
        'author_missing',
        'warning',
        'authorId',
        'Chưa chọn tác giả. Hãy chọn tác giả để in dòng «Tác giả:».',
        'No author is chosen. Pick one for the byline.',
      ),
    );
  } else if (!context.authors.some((author) => author.id === meta.authorId)) {
    out.push(
      field(
        'author_unknown',
        'warning',
        'authorId',
        'Tác giả đã chọn không còn trong danh sách. Hãy chọn lại tác giả.',
        'The chosen author is no longer listed. Pick the author again.',
      ),
    );
  }
  if (meta.featuredImage && meta.featuredImage.alt.trim() === '') {
    out.push(
      field(
        'featured_alt_missing',
        'error',
        'featuredImage',
        'Ảnh đại diện chưa có mô tả (alt). Hãy mô tả ngắn nội dung ảnh cho người khiếm thị và máy tìm kiếm.',
        'The featured image has no alt text. Describe it briefly.',
      ),
    );
  }
  if (meta.expireAt !== null && meta.publishAt !== null && meta.expireAt <= meta.publishAt) {
    out.push(
      field(
        'expiry_before_publish',
        'error',
        'expireAt',
        'Thời điểm hết hạn đứng trước thời điểm đăng. Hãy sửa giờ hết hạn hoặc bỏ trống.',
        'The expiry time is before the publish time. Fix it or clear it.',
      ),
    );
  }
  return out;
}

function isEmptyParagraph(candidate: DocNode): boolean {
  return candidate.type === 'paragraph' && renderPlainText(candidate).trim() === '';
}

function checkFigure(figure: DocNode, path: number[]): Draft[] {
  const out: Draft[] = [];
  const attrs = figure.attrs ?? {};
  const text = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');
  const caption = renderPlainText(figure).trim();
  if (text(attrs.mediaPath) === '') {
    out.push(
      node(
        'figure_media_missing',
        'error',
        path,
        'Khung ảnh chưa có ảnh. Hãy chèn ảnh hoặc xoá khung này.',
        'This figure has no photo. Insert one or delete the figure.',
      ),
    );
  }
  if (caption === '') {
    out.push(
      node(
        'caption_empty',
        'warning',
        path,
        'Ảnh chưa có chú thích. Hãy viết chú thích: ai, làm gì, ở đâu.',
        'The photo has no caption. Say who, what and where.',
      ),
    );
  } else if (isFileNameCaption(caption)) {
    out.push(
      node(
        'caption_file_name',
        'error',
        path,
        `Chú thích ảnh «${shorten(caption)}» là tên tệp ảnh. Hãy thay bằng câu mô tả: ai, làm gì, ở đâu.`,
        `The caption "${shorten(caption)}" is a file name. Replace it with who, what and where.`,
      ),
    );
  }
  if (text(attrs.alt) === '') {
    out.push(
      node(
        'figure_alt_missing',
        'error',
        path,
        'Ảnh chưa có mô tả thay thế (alt). Hãy mô tả ngắn nội dung ảnh.',
        'The photo has no alt text. Describe it briefly.',
      ),
    );
  }
  if (text(attrs.credit) === '') {
    out.push(
      node(
        'figure_credit_missing',
        'warning',
        path,
        'Ảnh chưa ghi nguồn (Ảnh: …). Hãy ghi tên người chụp hoặc nguồn ảnh.',
        'The photo has no credit. Name the photographer or source.',
      ),
    );
  }
  return out;
}

function checkBody(body: DocNode, limits: CheckLimits | undefined): Draft[] {
  const out: Draft[] = [];
  const top = body.content ?? [];
  const plain = renderPlainText(body);
  const hasFigure = top.some((child) => child.type === 'figure');
  if (plain.trim() === '' && !hasFigure) {
    out.push(
      node(
        'body_empty',
        'error',
        [],
        'Nội dung bài viết đang trống. Hãy viết nội dung.',
        'The body is empty. Write it.',
      ),
    );
    return out;
  }
  const nodes: Draft[] = [];
  const lastIndex = top.length - 1;
  // Pre-order walk in document order; tables are skipped for empty paragraphs (empty cells are fine).
  const stack: Array<{ node: DocNode; path: number[]; inTable: boolean }> = [];
  for (let i = top.length - 1; i >= 0; i -= 1) {
    const child = top[i];
    if (child) stack.push({ node: child, path: [i], inTable: false });
  }
  while (stack.length > 0) {
    const item = stack.pop();
    if (item === undefined) break;
    const { node: current, path, inTable } = item;
    if (current.type === 'figure') {
      nodes.push(...checkFigure(current, path));
      continue;
    }
    if (isEmptyParagraph(current)) {
      const trailing = path.length === 1 && path[0] === lastIndex;
      if (!inTable && !trailing) {
        nodes.push(
          node(
            'paragraph_empty',
            'warning',
            path,
            'Đoạn văn trống. Hãy xoá dòng trống này.',
            'Empty paragraph. Delete the blank line.',
          ),
        );
      }
      continue;
    }
    const children = current.content ?? [];
    const childInTable = inTable || current.type === 'table';
    for (let i = children.length - 1; i >= 0; i -= 1) {
      const child = children[i];
      if (child && typeof child.text !== 'string') {
        stack.push({ node: child, path: [...path, i], inTable: childInTable });
      }
    }
  }
  if (limits?.wordRange) {
    // Newsrooms count the text, not the captions.
    const [min, max] = limits.wordRange;
    const words = bodyWordCount(body);
    if (words < min) {
      out.push(
        node(
          'body_too_short',
          'warning',
          [],
          `Bài viết có ${words} chữ, ít hơn ${min} chữ yêu cầu. Hãy viết thêm.`,
          `The body has ${words} words, under the ${min} required.`,
        ),
      );
    } else if (words > max) {
      out.push(
        node(
          'body_too_long',
          'warning',
          [],
          `Bài viết có ${words} chữ, quá ${max} chữ cho phép. Hãy rút gọn.`,
          `The body has ${words} words, over the ${max} allowed.`,
        ),
      );
    }
  }
  return [...out, ...nodes];
}

function issueId(draft: Draft): string {
  const where =
    draft.target.kind === 'field' ? draft.target.field : `body.${draft.target.path.join('.')}`;
  return `${draft.code}:${where}`;
}

/**
 * Checks an article before it is sent for approval. Errors come first, then warnings, each
 * group in the order the reporter reads the form: fields top to bottom, then the body.
 */
export function checkArticle(article: Article, context: CheckContext): CheckIssue[] {
  const drafts = [...checkFields(article, context), ...checkBody(article.body, context.limits)];
  const rank = (draft: Draft): number => (draft.severity === 'error' ? 0 : 1);
  return drafts
    .map((draft, index) => ({ draft, index }))
    .sort((a, b) => rank(a.draft) - rank(b.draft) || a.index - b.index)
    .map(({ draft }) => ({ id: issueId(draft), ...draft }));
}
