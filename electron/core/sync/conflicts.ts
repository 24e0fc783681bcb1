import type { PortalFieldName } from '../../../shared/domain/portalFields';
import { portalFieldNames } from '../../../shared/domain/portalFields';
import type { PortalTerm, SyncConflict, SyncErrorCode } from '../../../shared/domain/sync';
import type { SyncArticleRow } from '../db/queries/sync';
import type { SyncBase } from '../db/queries/syncBases';
import type { ArticlePayload, RemoteArticle } from '../portal/adapter';
import { canonicalFields, fieldChanges, payloadContent, planFields } from './fields';

/*
 * The decision before an update (issue 13, docs/portal-sync-fields.md): send (after taking the
 * portal-only fields into the desk), or stop for the user because the same fields changed on both
 * sides, the portal took the article down, or the post is gone.
 */

const LABELS_VI: Readonly<Record<PortalFieldName, string>> = {
  title: 'Tít',
  lead: 'Sapo',
  body: 'Nội dung',
  category: 'Chuyên mục',
  tags: 'Thẻ',
  featuredImage: 'Ảnh đại diện',
  status: 'Trạng thái',
  publishAt: 'Thời điểm đăng',
  author: 'Tác giả',
  source: 'Nguồn tin',
  slug: 'Đường dẫn (slug)',
};

/** A field's name in Vietnamese, for log lines and messages. */
export function fieldLabelVi(field: PortalFieldName): string {
  return LABELS_VI[field];
}

/** Field names joined for a sentence. */
export function fieldListVi(fields: readonly PortalFieldName[]): string {
  return fields.map(fieldLabelVi).join(', ');
}

/** What to do before an update. */
export type Decision =
  | { kind: 'send'; pull: PortalFieldName[] }
  | { kind: 'conflict'; conflict: Omit<SyncConflict, 'itemId' | 'articleId' | 'detectedAt'> };

const legacy = (payload: ArticlePayload, theirs: RemoteArticle) => ({
  mine: { title: payload.title, html: payload.html },
  theirs: {
    title: theirs.title,
    html: theirs.html,
    modified: theirs.modified,
    url: theirs.url,
    status: theirs.status,
  },
});

/** Compares the desk's payload and the portal's article with the base. */
export function decide(input: {
  payload: ArticlePayload;
  theirs: RemoteArticle | null;
  record: SyncArticleRow | undefined;
  base: SyncBase | undefined;
  categories: readonly PortalTerm[];
}): Decision {
  const { payload, theirs, record, base } = input;
  if (theirs === null) {
    return {
      kind: 'conflict',
      conflict: {
        kind: 'deleted',
        message:
          'Bài đã bị xoá trên cổng. «Giữ bản của Newsdesk» đăng lại thành một bài mới; «Giữ bản trên cổng» để bài không còn trên cổng.',
        fields: [],
        mine: { title: payload.title, html: payload.html },
        theirs: null,
      },
    };
  }
  const mineContent = payloadContent(payload);
  const content = theirs.content;
  const mine = canonicalFields(mineContent);
  if (content !== undefined) {
    const current = canonicalFields(content);
    const wasLive = base
      ? base.read.status === 'live'
      : record?.remote_status === 'publish' || record?.remote_status === 'future';
    if (content.lifecycle !== 'live' && wasLive) {
      const plan = base ? planFields(base, mine, current) : null;
      const who = content.statusChangedBy ? ` (${content.statusChangedBy})` : '';
      return {
        kind: 'conflict',
        conflict: {
          kind: 'status',
          message: `Trên cổng, bài đã được chuyển sang «${content.statusLabel}»${who} sau lần gửi trước. Newsdesk dừng mọi cập nhật để không đăng lại bài ngoài ý muốn. Muốn đăng lại, bấm «Đăng lại bài».`,
          fields: fieldChanges(
            ['status', ...(plan?.desk ?? [])],
            mineContent,
            content,
            input.categories,
          ),
          ...legacy(payload, theirs),
        },
      };
    }
    if (base !== undefined) {
      const plan = planFields(base, mine, current);
      if (plan.conflicts.length === 0) return { kind: 'send', pull: plan.pull };
      return {
        kind: 'conflict',
        conflict: {
          kind: 'edited',
          message: `Bài trên cổng đã được sửa ở đúng những mục bàn biên tập cũng sửa: ${fieldListVi(plan.conflicts)}. Hãy xem hai bản và chọn giữ bản nào.`,
          fields: fieldChanges(plan.conflicts, mineContent, content, input.categories),
          ...legacy(payload, theirs),
        },
      };
    }
  }
  // Published before the per-field base existed: only the portal's stamp can tell.
  if (theirs.modified === record?.remote_modified) return { kind: 'send', pull: [] };
  const differing =
    content === undefined
      ? []
      : portalFieldNames.filter(
          (field) => field !== 'status' && mine[field] !== canonicalFields(content)[field],
        );
  return {
    kind: 'conflict',
    conflict: {
      kind: 'edited',
      message: `Bài trên cổng đã được sửa sau lần gửi trước${differing.length > 0 ? ` (khác ở: ${fieldListVi(differing)})` : ''}. Hãy xem hai bản và chọn giữ bản nào.`,
      fields:
        content === undefined
          ? []
          : fieldChanges(differing, mineContent, content, input.categories),
      ...legacy(payload, theirs),
    },
  };
}

/** A stored conflict, with what conflicts stored before issue 13 lacked filled in. */
export function readConflict(json: string): SyncConflict {
  const stored = JSON.parse(json) as Partial<SyncConflict> &
    Pick<SyncConflict, 'itemId' | 'articleId' | 'mine' | 'theirs' | 'detectedAt'>;
  return {
    ...stored,
    kind: stored.kind ?? (stored.theirs === null ? 'deleted' : 'edited'),
    message:
      stored.message ??
      'Bài trên cổng đã được sửa sau lần gửi trước. Hãy xem hai phiên bản và chọn giữ bản nào.',
    fields: stored.fields ?? [],
  };
}

/** The item's error code and message for a conflict (typed: never `internal`). */
export function conflictError(conflict: SyncConflict): { code: SyncErrorCode; message: string } {
  const code: SyncErrorCode =
    conflict.kind === 'status'
      ? 'portal_status_changed'
      : conflict.kind === 'deleted'
        ? 'portal_deleted'
        : 'portal_edited';
  return {
    code,
    message: conflict.message,
  };
}
