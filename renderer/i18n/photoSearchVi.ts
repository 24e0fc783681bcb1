/** Vietnamese texts of Kho ảnh's search box and virtualised grid, spread into `vi`. */
export const photoSearchVi = {
  photoSearch: {
    label: 'Tìm ảnh',
    placeholder: 'Tìm theo chú thích, tác giả, sự kiện, tên tệp…',
    clear: 'Xoá từ khoá',
    count: 'Có {{total}} ảnh',
    countSelected: 'Có {{total}} ảnh · đã chọn {{selected}}',
    noMatch: 'Không có ảnh nào khớp «{{query}}». Hãy thử từ khác, hoặc bỏ dấu khi gõ.',
    loadingTile: 'Đang tải ảnh…',
  },
};
