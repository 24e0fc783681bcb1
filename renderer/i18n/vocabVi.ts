import { roleLabels, statusLabels } from '../../shared/workflow/roles';

/**
 * The newsroom's words for roles, article states and workflow steps (Vietnamese), spread into
 * `vi`. Roles and states are `shared/workflow/roles.ts`'s words (the core's refusals use them
 * too); every screen names them through `vocab.*`.
 */
export const vocabVi = {
  vocab: {
    // The same words the core's Vietnamese sentences use: one source, so they cannot drift.
    role: roleLabels,
    status: statusLabels,
    step: {
      submit: 'Gửi duyệt',
      withdraw: 'Rút lại để sửa',
      startReview: 'Nhận duyệt',
      return: 'Trả lại',
      approve: 'Duyệt',
      reopen: 'Mở lại để duyệt',
      schedule: 'Hẹn giờ đăng',
      unschedule: 'Huỷ hẹn giờ',
      queue: 'Gửi lên trang',
      dequeue: 'Rút khỏi hàng chờ',
      markPublished: 'Đánh dấu đã đăng',
      update: 'Cập nhật bài đã đăng',
      takeDown: 'Gỡ khỏi trang',
      republish: 'Đăng lại',
      spike: 'Loại bài',
      unspike: 'Khôi phục bài đã loại',
    },
  },
};
