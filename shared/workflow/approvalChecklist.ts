import type { CheckContext } from '../checks/articleChecks';
import { checkArticle } from '../checks/articleChecks';
import type { Article, DocNode } from '../domain/article';
import { bodyWordCount } from '../domain/article';
import type { MetadataPolicy } from '../photos/recipe';
import type { ApprovalChecklist, ChecklistIssue } from './review';

/*
 * What an editor checks before «Duyệt»: the writing-desk checks, with photo captions and credits
 * raised to blocking (the portal publishes them and rights depend on them), plus rules only the
 * core can judge: the featured image is set, the photo files exist, and a photo's GPS position
 * cannot reach the portal.
 */

/** What the core found out about one photo the article uses. */
export interface PhotoFacts {
  /** False when the file is not in the media folder. */
  exists: boolean;
  /** Whether the original carries a GPS position; null when it could not be read. */
  hasGps: boolean | null;
  /** A name for messages (the original file name, or the media path). */
  name: string;
}

/** What the checklist compares the article with. */
export interface ChecklistContext extends CheckContext {
  wordRange: { min: number; max: number };
  /** Facts per media path for every figure and the featured image. */
  photos: ReadonlyMap<string, PhotoFacts>;
  /** The recipe the portal copies are made with, and its metadata policy. */
  publishRecipe: { name: string; metadata: MetadataPolicy };
}

/** Writing-desk codes that block approval although they only warn the reporter. */
const raisedToErrors = new Set(['caption_empty', 'figure_credit_missing']);

function figures(body: DocNode): Array<{ node: DocNode; path: number[] }> {
  const found: Array<{ node: DocNode; path: number[] }> = [];
  const stack: Array<{ node: DocNode; path: number[] }> = [{ node: body, path: [] }];
  while (stack.length > 0) {
    const item = stack.pop();
    if (!item) break;
    if (item.node.type === 'figure') {
      found.push(item);
      continue;
    }
    const children = item.node.content ?? [];
    for (let i = children.length - 1; i >= 0; i -= 1) {
      const child = children[i];
      if (child) stack.push({ node: child, path: [...item.path, i] });
    }
  }
  return found;
}

function photoIssues(
  mediaPath: string,
  target: ChecklistIssue['target'],
  context: ChecklistContext,
): Array<Omit<ChecklistIssue, 'id'>> {
  const facts = context.photos.get(mediaPath);
  if (!facts || !facts.exists) {
    return [
      {
        code: 'photo_file_missing',
        severity: 'error',
        message: `Không tìm thấy tệp ảnh «${facts?.name ?? mediaPath}» trong thư viện. Hãy chèn lại ảnh.`,
        messageEn: `The photo file "${facts?.name ?? mediaPath}" is missing. Insert the photo again.`,
        target,
      },
    ];
  }
  if (facts.hasGps === null) {
    return [
      {
        code: 'photo_gps_unknown',
        severity: 'warning',
        message: `Không đọc được siêu dữ liệu của ảnh «${facts.name}» để kiểm tra vị trí GPS. Hãy kiểm tra ảnh trước khi đăng.`,
        messageEn: `Could not read the metadata of "${facts.name}" to check for GPS. Check the photo.`,
        target,
      },
    ];
  }
  if (facts.hasGps && context.publishRecipe.metadata === 'keep-all') {
    return [
      {
        code: 'photo_gps_kept',
        severity: 'error',
        message: `Ảnh «${facts.name}» có toạ độ GPS và công thức «${context.publishRecipe.name}» giữ mọi siêu dữ liệu, nên vị trí chụp sẽ lộ trên trang. Hãy đổi chính sách siêu dữ liệu của công thức sang «giữ thông tin tác quyền» hoặc «xoá hết».`,
        messageEn: `"${facts.name}" has a GPS position and the "${context.publishRecipe.name}" recipe keeps all metadata. Change its metadata policy.`,
        target,
      },
    ];
  }
  return [];
}

/** Runs the checklist. Errors block approval; warnings are shown and recorded. */
export function approvalChecklist(article: Article, context: ChecklistContext): ApprovalChecklist {
  const limits = {
    ...context.limits,
    wordRange: [context.wordRange.min, context.wordRange.max] as [number, number],
  };
  const issues: ChecklistIssue[] = checkArticle(article, { ...context, limits }).map((issue) =>
    raisedToErrors.has(issue.code) ? { ...issue, severity: 'error' } : issue,
  );
  const extra: Array<Omit<ChecklistIssue, 'id'>> = [];
  const featured = article.meta.featuredImage;
  if (!featured) {
    extra.push({
      code: 'featured_missing',
      severity: 'error',
      message: 'Bài chưa có ảnh đại diện. Hãy chọn ảnh đại diện để trang tin hiển thị ở danh sách.',
      messageEn: 'The article has no featured image. Choose one.',
      target: { kind: 'field', field: 'featuredImage' },
    });
  } else {
    extra.push(
      ...photoIssues(featured.mediaPath, { kind: 'field', field: 'featuredImage' }, context),
    );
  }
  const found = figures(article.body);
  for (const figure of found) {
    const mediaPath = figure.node.attrs?.mediaPath;
    if (typeof mediaPath === 'string' && mediaPath !== '')
      extra.push(...photoIssues(mediaPath, { kind: 'node', path: figure.path }, context));
  }
  for (const issue of extra) {
    const where =
      issue.target.kind === 'field' ? issue.target.field : `body.${issue.target.path.join('.')}`;
    issues.push({ ...issue, id: `${issue.code}:${where}` });
  }
  const errors = issues.filter((issue) => issue.severity === 'error');
  const warnings = issues.filter((issue) => issue.severity === 'warning');
  return {
    articleId: article.id,
    ok: errors.length === 0,
    errors,
    warnings,
    wordCount: bodyWordCount(article.body),
    wordRange: context.wordRange,
    photoCount: found.length,
  };
}
