/**
 * The newsroom's words for roles, article states and workflow steps (Vietnamese), spread into
 * `vi`. `shared/workflow` keeps only their ids; every screen names them through `vocab.*`.
 */
export const vocabVi = {
  vocab: {
    role: {
      reporter: 'Phóng viên',
      photo_editor: 'Biên tập ảnh',
      editor: 'Biên tập viên',
      admin: 'Quản trị viên',
    },
    status: {
      draft: 'Bản nháp',
      submitted: 'Chờ duyệt',
      in_review: 'Đang duyệt',
      returned: 'Trả lại',
      approved: 'Đã duyệt',
      scheduled: 'Hẹn giờ đăng',
      queued: 'Chờ gửi lên trang',
      published: 'Đã đăng',
      updated: 'Đã cập nhật sau khi đăng',
      taken_down: 'Đã gỡ khỏi trang',
      spiked: 'Đã loại',
    },
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
