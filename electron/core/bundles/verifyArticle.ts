import type { ArticleStatus } from '../../../shared/domain/article';
import type { Roster, RosterMember } from '../../../shared/newsroom/roster';
import type { RefusedItem } from '../../../shared/workflow/handoff';
import { canonicalUserName } from '../../../shared/workflow/accounts';
import { roleLabels, statusLabels } from '../../../shared/workflow/roles';
import type { Transition } from '../../../shared/workflow/transitions';
import {
  checkTransition,
  editRefusal,
  transitionRefusal,
  transitions,
  transitionTable,
} from '../../../shared/workflow/transitions';
import { membersByName } from '../roster/rosterFile';
import type { ArticlePayload } from './payload';
import type { ChainLink, SignaturePayload } from './signatures';
import {
  auditForm,
  commentForm,
  commentStateForm,
  formHash,
  formSigned,
  legacyEntryHash,
  revisionForm,
  textHash,
} from './signatures';

/** What the receiving library already holds (trusted: it was verified or made here). */
export interface LocalRecords {
  knownEntry(hash: string): boolean;
  knownAuditId(id: string): boolean;
  knownSignature(
    kind: 'comment' | 'commentState' | 'revision',
    id: string,
    signature: string,
  ): boolean;
}

/** The result of checking one article entry of a bundle. */
export type Verdict =
  | {
      ok: true;
      status: ArticleStatus;
      /** The article's owner by sign-in name (null: from before accounts, everyone's). */
      owner: string | null;
      /** Hashes of the chain from its first entry to the bundle's head. */
      path: Set<string>;
      head: string;
      /** Account ids of the bundle, by the sign-in names their signatures prove. */
      names: Map<string, string>;
    }
  | { ok: false; problems: Array<Omit<RefusedItem, 'articleId' | 'title'>> };

type AuditItem = ArticlePayload['audit'][number];

interface Node {
  entry: AuditItem;
  link: ChainLink;
  member: RosterMember | null;
  known: boolean;
}

const who = (entry: { userName: string }, sig: SignaturePayload | null | undefined): string =>
  sig ? `${entry.userName || sig.signer} («${sig.signer}»)` : `«${entry.userName || 'không rõ'}»`;

/**
 * Checks one article entry against the roster: every new audit entry, comment (and its state)
 * and revision is signed by a member's key; the audit trail is one hash chain from its first
 * entry to the head (nothing removed, reordered or moved from another article); and replaying
 * the chain with the rules of the transition table (role, ownership, state before) leads to
 * exactly the status and text the bundle carries. Anything else is a refusal, in Vietnamese.
 */
export function verifyArticle(
  payload: ArticlePayload,
  roster: Roster | null,
  local: LocalRecords,
): Verdict {
  const problems: Array<Omit<RefusedItem, 'articleId' | 'title'>> = [];
  const refuse = (item: RefusedItem['item'], itemId: string | null, reason: string): void => {
    problems.push({ item, itemId, reason });
  };
  if (!roster) {
    refuse(
      'bundle',
      null,
      'Máy này chưa thuộc tòa soạn nào nên không kiểm chứng được ai đã làm gì. Hãy nhập danh sách tòa soạn (Cài đặt → Tòa soạn) rồi nhập lại gói.',
    );
    return { ok: false, problems };
  }
  const members = membersByName(roster);
  const articleId = payload.article.id;
  const names = new Map<string, string>();

  /** The roster member behind a signature, or a refusal. */
  const signedBy = (
    item: RefusedItem['item'],
    itemId: string,
    label: string,
    sig: SignaturePayload,
    form: string,
  ): RosterMember | null => {
    const member = members.get(sig.signer);
    if (!member) {
      refuse(item, itemId, `${label}: người ký «${sig.signer}» không có trong danh sách tòa soạn.`);
    } else if (member.publicKey !== sig.publicKey) {
      refuse(
        item,
        itemId,
        `${label}: ký bằng một khoá không phải của «${sig.signer}» trong danh sách tòa soạn (có thể do một máy khác tạo tài khoản trùng tên).`,
      );
    } else if (!formSigned(form, member.publicKey, sig.signature)) {
      refuse(item, itemId, `${label}: chữ ký không khớp nội dung (đã bị sửa sau khi ký).`);
    } else {
      return member;
    }
    return null;
  };

  // 1. Every chained audit entry: intact, and signed by a member in the role it states.
  const byHash = new Map<string, Node>();
  const legacy: AuditItem[] = [];
  let lastHash: string | null = null;
  for (const entry of payload.audit) {
    if (!entry.chain) {
      legacy.push(entry);
      continue;
    }
    const signer = entry.sig?.signer ?? null;
    const form = auditForm(articleId, entry, signer, entry.chain);
    const hash = formHash(form);
    const label = `Mục nhật ký «${entry.action}» của ${who(entry, entry.sig)}`;
    if (hash !== entry.chain.hash) {
      refuse('audit', entry.id, `${label} đã bị sửa sau khi ghi (mã băm không khớp).`);
      continue;
    }
    lastHash = hash;
    if (signer && entry.userId) names.set(entry.userId, signer);
    const known = local.knownEntry(hash);
    let member: RosterMember | null = null;
    if (entry.sig) {
      member = known
        ? (members.get(entry.sig.signer) ?? null)
        : signedBy('audit', entry.id, label, entry.sig, form);
      if (!known && member && entry.userRole !== member.role) {
        refuse(
          'audit',
          entry.id,
          `${label} ghi vai trò «${entry.userRole ?? ''}», nhưng trong danh sách tòa soạn người này là ${roleLabels[member.role]}.`,
        );
      }
    } else if (!known && (entry.userId !== null || entry.action !== 'sync')) {
      refuse('audit', entry.id, `${label} không có chữ ký.`);
    }
    byHash.set(hash, { entry, link: entry.chain, member, known });
  }

  // 2. The chain from the head back to its first entry.
  const head = payload.head ?? lastHash;
  if (!head) {
    refuse(
      'article',
      null,
      'Bài không có nhật ký đã ký (gói từ phiên bản Newsdesk cũ, hoặc chữ ký đã bị gỡ): không có gì chứng minh ai đã viết, gửi hay duyệt bài.',
    );
    return { ok: false, problems };
  }
  const path: Node[] = [];
  const seen = new Set<string>();
  for (let hash: string | null = head; hash !== null;) {
    const node = byHash.get(hash);
    if (!node || seen.has(hash)) {
      refuse(
        'audit',
        null,
        'Chuỗi nhật ký của bài bị đứt: có mục đã bị xoá, đổi thứ tự hoặc lấy từ bài khác.',
      );
      return { ok: false, problems };
    }
    seen.add(hash);
    path.push(node);
    hash = node.link.prev;
  }
  path.reverse();
  if (problems.length > 0) return { ok: false, problems };

  // 3. Replay the chain with the newsroom's rules.
  const first = path[0];
  const genesis = first?.link.genesis;
  if (!first || !genesis) {
    refuse(
      'audit',
      first?.entry.id ?? null,
      'Mục đầu tiên của chuỗi nhật ký không ghi trạng thái gốc của bài.',
    );
    return { ok: false, problems };
  }
  let status: ArticleStatus = genesis.status;
  let text = genesis.textHash;
  const owner = genesis.owner;
  const isOwner = (name: string | null): boolean => owner === null || owner === name;
  if (!first.known) {
    const signer = first.entry.sig?.signer ?? null;
    const role = first.member?.role;
    const createsOwn = first.entry.action === 'create' && status === 'draft' && owner === signer;
    if (
      !role ||
      (!createsOwn && editRefusal(status, { role, isOwner: isOwner(signer) }) !== null)
    ) {
      refuse(
        'article',
        first.entry.id,
        `Nhật ký bắt đầu với bài ở trạng thái «${statusLabels[status]}» do ${who(first.entry, first.entry.sig)} xác nhận, nhưng người này không có quyền với bài ở trạng thái đó.`,
      );
    }
  }
  for (const item of legacy) {
    if (
      !genesis.legacy.includes(legacyEntryHash(articleId, item)) &&
      !local.knownAuditId(item.id)
    ) {
      refuse(
        'audit',
        item.id,
        `Mục nhật ký «${item.action}» của «${item.userName}» không có chữ ký.`,
      );
    }
  }
  for (const node of path.slice(1)) {
    const { entry } = node;
    const signer = entry.sig?.signer ?? null;
    const role = node.member?.role;
    if (entry.action === 'edit') {
      const refusal = role
        ? editRefusal(status, { role, isOwner: isOwner(signer) })
        : 'không có chữ ký';
      if (!node.known && refusal) {
        refuse(
          'content',
          entry.id,
          `Nội dung do ${who(entry, entry.sig)} sửa khi bài «${statusLabels[status]}» bị từ chối: ${refusal}`,
        );
      }
      text = node.link.textHash ?? text;
      continue;
    }
    const transition = transitions.find((name): name is Transition => name === entry.transition);
    if (entry.transition === null) continue;
    if (!transition) {
      refuse('transition', entry.id, `Bước lạ «${entry.transition}» trong nhật ký.`);
      continue;
    }
    const rule = transitionTable[transition];
    if (entry.fromStatus !== status || entry.toStatus !== rule.to) {
      refuse(
        'transition',
        entry.id,
        `Bước «${rule.label}» của ${who(entry, entry.sig)} ghi chuyển từ «${entry.fromStatus ?? ''}», nhưng lúc đó bài đang «${statusLabels[status]}».`,
      );
    } else if (!node.known) {
      if (!entry.sig) {
        if (!(transition === 'markPublished' && status === 'queued')) {
          refuse('transition', entry.id, `Bước «${rule.label}» không có chữ ký của ai.`);
        }
      } else if (role) {
        const check = checkTransition(
          transition,
          status,
          { role, isOwner: isOwner(signer) },
          entry.note,
        );
        if (!check.ok) {
          refuse(
            'transition',
            entry.id,
            `Bước «${rule.label}» của ${who(entry, entry.sig)} (${roleLabels[role]}) bị từ chối: ${transitionRefusal(transition, status, check)}`,
          );
        }
      }
    }
    status = rule.to;
  }

  // 4. The bundle's article is what the chain leads to.
  const article = payload.article;
  if (article.status !== status) {
    refuse(
      'article',
      null,
      `Gói ghi bài ở trạng thái «${statusLabels[article.status]}», nhưng nhật ký đã ký chỉ dẫn tới «${statusLabels[status]}».`,
    );
  }
  if (textHash(articleId, article) !== text) {
    refuse(
      'content',
      null,
      'Nội dung bài trong gói không phải bản mà một người có quyền sửa đã ký (bị sửa ngoài Newsdesk, hoặc do người không có quyền).',
    );
  }

  // 5. Comments (and their state) and revisions.
  for (const comment of payload.comments) {
    const label = `Bình luận của «${comment.authorName}»`;
    if (!comment.sig) {
      refuse('comment', comment.id, `${label} không có chữ ký.`);
      continue;
    }
    names.set(comment.authorId, comment.sig.signer);
    if (!local.knownSignature('comment', comment.id, comment.sig.signature)) {
      signedBy(
        'comment',
        comment.id,
        label,
        comment.sig,
        commentForm(articleId, comment, comment.sig.signer),
      );
    }
    const changed = comment.resolvedAt !== null || comment.deletedAt !== null || comment.stateSig;
    if (changed) {
      if (!comment.stateSig) {
        refuse('comment', comment.id, `${label}: việc đánh dấu đã xử lý hoặc xoá không có chữ ký.`);
      } else if (!local.knownSignature('commentState', comment.id, comment.stateSig.signature)) {
        signedBy(
          'comment',
          comment.id,
          `${label} (đánh dấu đã xử lý / xoá)`,
          comment.stateSig,
          commentStateForm(articleId, comment, comment.stateSig.signer),
        );
      }
    }
  }
  for (const revision of payload.revisions) {
    const label = `Bản lưu lúc ${new Date(revision.createdAt + 7 * 3600_000).toISOString().slice(0, 16).replace('T', ' ')}`;
    if (!revision.sig) {
      refuse('revision', revision.globalId, `${label} không có chữ ký.`);
    } else if (!local.knownSignature('revision', revision.globalId, revision.sig.signature)) {
      signedBy(
        'revision',
        revision.globalId,
        label,
        revision.sig,
        revisionForm(articleId, revision, revision.sig.signer),
      );
    }
  }

  // 6. The bundle's list of accounts must name people as their signatures do.
  for (const user of payload.users ?? []) {
    const proven = names.get(user.id);
    if (proven && proven !== canonicalUserName(user.userName)) {
      refuse(
        'bundle',
        user.id,
        `Gói gán tên đăng nhập «${user.userName}» cho người đã ký là «${proven}».`,
      );
    }
  }
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    status,
    owner,
    path: new Set(path.map((node) => node.link.hash)),
    head,
    names,
  };
}
