import type { CallName } from '../contract/calls';
import { newsroomPermissions } from './newsroomPermissions';
import type { Role } from './roles';

/**
 * Who may make a call, checked by the core's dispatch before the handler runs:
 * - `public`: without a session (the sign-in screen's calls);
 * - `signedIn`: any role, session unlocked (finer rules, e.g. the transition table or "own
 *   comments only", are the handler's);
 * - a list of roles, with `what` naming the action in the refusal.
 * `passive` calls (polling) do not count as activity for the inactivity lock.
 */
export type CallPermission =
  | { who: 'public'; passive?: boolean }
  | { who: 'signedIn'; passive?: boolean }
  | { who: readonly Role[]; what: string; passive?: boolean };

const open: CallPermission = { who: 'public' };
const signedIn: CallPermission = { who: 'signedIn' };
const polling: CallPermission = { who: 'signedIn', passive: true };
const only = (what: string, ...who: Role[]): CallPermission => ({ who, what });
const photoDesk = (what: string): CallPermission => only(what, 'photo_editor', 'editor', 'admin');

/**
 * The permission of every contract call. Typed by call name, so a new call does not compile
 * until someone decides who may make it.
 */
export const callPermissions: Record<CallName, CallPermission> = {
  // Writing desk: every signed-in user reads and writes; the state and the lease decide edits.
  'articles.list': signedIn,
  'articles.search': signedIn,
  'articles.get': signedIn,
  'articles.create': signedIn,
  'articles.save': signedIn,
  'articles.exportHtml': signedIn,
  'revisions.list': signedIn,
  // Allowed only on articles the user may edit now: the handler checks state and ownership.
  'revisions.create': signedIn,
  'revisions.get': signedIn,
  'revisions.restore': signedIn,
  'media.importImage': signedIn,
  'authors.list': signedIn,
  // Editors and administrators change any profile; others only the ones they created.
  'authors.save': signedIn,
  'categories.list': signedIn,
  'categories.save': only('sửa danh sách chuyên mục', 'editor', 'admin'),
  // The sign-in screen needs the locale before anyone signs in.
  'settings.get': open,
  'settings.update': only('đổi cài đặt của máy', 'admin'),
  // Every user adds words to the newsroom dictionary and picks the language; see issue 12.
  'settings.addWord': signedIn,
  'settings.updateDisplay': signedIn,
  'app.diagnostics': open,

  // Photo desk: reporters import, caption and pick photos; batches and recipes are the desk's.
  'photos.import': signedIn,
  'photos.list': signedIn,
  'photos.search': signedIn,
  'photos.events': signedIn,
  'photos.duplicates': signedIn,
  'photos.resolveDuplicate': signedIn,
  'photos.duplicateGroups': signedIn,
  'photos.resolveGroup': signedIn,
  'photos.updateCaptions': signedIn,
  'photos.applyTemplate': signedIn,
  'photos.codes': signedIn,
  'photos.setCode': photoDesk('sửa mã chú thích'),
  'photos.removeCode': photoDesk('xoá mã chú thích'),
  'photos.templates': signedIn,
  'photos.saveTemplate': photoDesk('lưu mẫu chú thích'),
  'photos.process': photoDesk('xử lý ảnh hàng loạt'),
  'photos.setFocalPoint': photoDesk('đặt điểm lấy nét của ảnh'),
  'logos.import': photoDesk('thêm logo đóng dấu'),
  'logos.list': signedIn,
  'recipes.list': signedIn,
  'recipes.save': photoDesk('lưu công thức xử lý ảnh'),
  'recipes.delete': photoDesk('xoá công thức xử lý ảnh'),
  'recipes.setDefault': photoDesk('đặt công thức mặc định'),
  'jobs.status': polling,
  'jobs.pause': photoDesk('tạm dừng lô xử lý ảnh'),
  'jobs.resume': photoDesk('tiếp tục lô xử lý ảnh'),
  'jobs.cancel': photoDesk('huỷ lô xử lý ảnh'),

  // Accounts. Switching user and signing out also work on a locked session.
  'auth.status': { who: 'public', passive: true },
  'auth.setupAdmin': open,
  'auth.signIn': open,
  'auth.switchUser': open,
  'auth.signOut': open,
  'auth.lock': signedIn,
  'auth.changePassword': signedIn,
  'users.list': only('xem danh sách tài khoản', 'admin'),
  'users.create': only('tạo tài khoản', 'admin'),
  'users.update': only('sửa tài khoản', 'admin'),
  'auth.unlockAccount': only('mở khoá đăng nhập', 'admin'),
  'auth.signInLog': only('xem nhật ký đăng nhập', 'admin'),

  // Review: the transition table and ownership are checked by the workflow service.
  'workflow.policy': signedIn,
  'workflow.setPolicy': only('đổi quy định của toà soạn', 'admin'),
  'workflow.state': signedIn,
  'workflow.transition': signedIn,
  'workflow.checklist': signedIn,
  'workflow.queue': signedIn,
  'comments.list': signedIn,
  'comments.add': signedIn,
  'comments.resolve': signedIn,
  'comments.reopen': signedIn,
  'comments.delete': signedIn,
  'locks.get': polling,
  // Only for people who may edit the article now (checked by the handler).
  'locks.acquire': signedIn,
  'locks.release': signedIn,
  'locks.takeOver': only('giành quyền sửa bài', 'editor', 'admin'),
  'audit.list': signedIn,

  // Hand-off bundles.
  'bundles.export': signedIn,
  'bundles.import': signedIn,
  // Large imports (docs/large-imports.md): the same people as the direct calls. The three upload
  // calls are open so the first-start screen can send a whole library (kind `library`) before
  // any account exists; the handlers refuse everything else without a signed-in user.
  'uploads.begin': open,
  'uploads.append': open,
  'uploads.cancel': open,
  // Moving to a new PC: first start (no accounts yet) or the administrator; checked by the handler.
  'library.importUploaded': open,
  'photos.importUploaded': signedIn,
  'bundles.importUploaded': signedIn,
  'media.importUploaded': signedIn,
  'bundles.conflictDiff': signedIn,
  ...newsroomPermissions,

  // Portal sync: editors publish; only the admin changes where and as whom (secrets).
  'portals.list': signedIn,
  'portals.save': only('cài đặt cổng thông tin', 'admin'),
  'portals.delete': only('xoá cổng thông tin', 'admin'),
  'portals.secretStorage': signedIn,
  // Whoever may publish re-enters a missing secret after a restart (issue 15).
  'portals.setSecret': only('nhập lại mật khẩu cổng', 'editor', 'admin'),
  'portals.test': only('kiểm tra kết nối cổng', 'editor', 'admin'),
  'portals.refreshTerms': only('tải chuyên mục từ cổng', 'editor', 'admin'),
  'portals.terms': signedIn,
  'portals.categoryLinks': signedIn,
  'portals.linkCategory': only('ghép chuyên mục với cổng', 'editor', 'admin'),
  'portals.remoteUsers': only('xem tài khoản trên cổng', 'admin'),
  'portals.userLinks': signedIn,
  'portals.linkUser': only('ghép người dùng với tài khoản cổng', 'admin'),
  'portals.options': signedIn,
  'portals.setOptions': only('cài đặt cổng thông tin', 'admin'),
  'sync.enqueue': only('gửi bài lên cổng', 'editor', 'admin'),
  'sync.list': polling,
  'sync.retry': only('gửi lại bài', 'editor', 'admin'),
  'sync.cancel': only('huỷ gửi bài', 'editor', 'admin'),
  'sync.log': signedIn,
  'sync.status': polling,
  'sync.conflict': signedIn,
  'sync.resolveConflict': only('giải quyết xung đột với cổng', 'editor', 'admin'),

  // Backups and recovery (issue 11): a damaged library has no accounts to sign in with, so the
  // recovery calls are public and act only while the library is not ok; backups are the admin's.
  'recovery.status': { who: 'public', passive: true },
  'recovery.backups': open,
  'recovery.restore': open,
  'recovery.salvage': open,
  'recovery.continueBehind': open,
  'backups.list': only('xem bản sao lưu', 'admin'),
  'backups.create': only('sao lưu thư viện', 'admin'),
  'backups.setPlaces': only('đổi nơi sao lưu', 'admin'),
  'backups.restore': only('khôi phục bản sao lưu', 'admin'),
  'backups.exportLibrary': only('xuất toàn bộ thư viện', 'admin'),
  'sync.portalChanges': signedIn,
  'sync.pullFromPortal': only('lấy bản trên cổng về bài', 'editor', 'admin'),
};
