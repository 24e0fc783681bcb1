/**
 * Vietnamese texts of the photo desk (Kho ảnh) written with i18next, spread into `vi`. The older
 * texts still live in `features/photos/labels.ts` until they move here (issue 14 point 4).
 */
export const photosVi = {
  photos: {
    title: 'Kho ảnh',
    groups: {
      count_one: '{{count}} nhóm ảnh gần giống nhau',
      count_other: '{{count}} nhóm ảnh gần giống nhau',
      size: '{{count}} ảnh giống nhau',
      hint: 'Bấm vào ảnh muốn giữ, rồi «Chỉ giữ ảnh đã chọn»; hoặc «Giữ tất cả».',
      keepAll: 'Giữ tất cả',
      keepOne: 'Chỉ giữ ảnh đã chọn',
      chosen: 'Giữ',
    },
    altText: 'Mô tả ảnh (alt)',
    altHint: 'Ảnh cho người không nhìn thấy: ảnh chụp gì. Đi kèm ảnh khi chèn vào bài.',
    uncaptioned: {
      title: 'Có ảnh chưa có chú thích',
      body_one:
        '{{count}} trong {{total}} ảnh đã chọn chưa có chú thích. Ảnh xuất cho web sẽ không có chú thích, tác giả ghi trong tệp.',
      body_other:
        '{{count}} trong {{total}} ảnh đã chọn chưa có chú thích. Ảnh xuất cho web sẽ không có chú thích, tác giả ghi trong tệp.',
      goOn: 'Vẫn xử lý',
      cancel: 'Quay lại viết chú thích',
    },
  },
};
