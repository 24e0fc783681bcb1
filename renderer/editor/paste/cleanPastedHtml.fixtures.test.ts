import { describe, expect, it } from 'vitest';
import googleDocsHtml from './fixtures/googleDocs.html?raw';
import hostileHtml from './fixtures/hostilePage.html?raw';
import wordHtml from './fixtures/word2016.html?raw';
import { cleanPastedHtml } from './index';

describe('cleanPastedHtml on real-looking clipboard HTML', () => {
  it('cleans a Word 2016 paste: lists by level, table, legacy fonts, local image dropped', () => {
    const result = cleanPastedHtml(wordHtml);
    expect(result.html).toBe(
      '<h2>Tỉnh hỗ trợ người dân vùng lũ</h2>' +
        '<p><strong>Sáng 12/10,</strong> UBND tỉnh đã tổ chức hội nghị <em>trực tuyến</em> với các huyện. ' +
        'Chi tiết xem tại <a href="https://baotinh.vn/tin/ho-tro-vung-lu.html" rel="noopener noreferrer">Báo tỉnh</a>.</p>' +
        '<ul><li><p>Hỗ trợ <strong>lương thực</strong></p>' +
        '<ul><li><p>Gạo và mì tôm</p></li><li><p>Nước uống</p></li></ul></li>' +
        '<li><p>Sửa chữa nhà cửa</p></li></ul>' +
        '<p>Các bước nhận hỗ trợ:</p>' +
        '<ol><li><p>Đăng ký với trưởng thôn</p></li><li><p>Nhận hàng tại <u>UBND xã</u></p></li></ol>' +
        '<table><tbody>' +
        '<tr><td><p><strong>Huyện</strong></p></td><td><p><strong>Số hộ</strong></p></td></tr>' +
        '<tr><td><p>Phú Ninh</p></td><td><p>1.250</p></td></tr>' +
        '</tbody></table>' +
        '<p><strong>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</strong></p>' +
        '<p>Theo thống kê của Sở Giáo dục, toàn tỉnh có hơn một nghìn trường học bị ngập sâu trong nước lũ và cần được sửa chữa.</p>' +
        '<p>Trường học được sửa chữa xong trước năm học mới.</p>',
    );
    expect(result.legacy).toEqual({ encoding: 'tcvn3', runs: 3 });
    expect(result.images).toEqual([]);
    expect(result.warnings).toEqual(['local-images-dropped']);
  });

  it('keeps the unconverted legacy text when conversion is switched off (the undo path)', () => {
    const result = cleanPastedHtml(wordHtml, { legacy: 'off' });
    expect(result.legacy).toBeNull();
    expect(result.html).toContain('<p>Theo thèng kª cña Së Gi¸o dôc');
    // U+00AD is the TCVN3 letter ư: it must survive when nothing is converted.
    expect(result.html).toContain('tr\u00ADêng häc');
  });

  it('cleans a Google Docs paste: the guid wrapper is not bold, styled spans become marks', () => {
    const result = cleanPastedHtml(googleDocsHtml);
    expect(result.html).toBe(
      '<h2>Mùa nước nổi ở An Giang</h2>' +
        '<p>Người dân <strong>chuẩn bị ghe xuồng</strong> <em>từ tháng Bảy</em>, khi nước ' +
        '<strong><em><u>bắt đầu lên</u></em></strong>.</p>' +
        '<ul><li><p>Cá linh</p><ul><li><p>Cá linh non kho lạt</p></li></ul></li>' +
        '<li><p>Bông điên điển</p></li></ul>' +
        '<p>Nguồn: <a href="https://angiang.gov.vn/tin-tuc/mua-nuoc-noi" rel="noopener noreferrer">Cổng thông tin An Giang</a></p>' +
        '<table><tbody>' +
        '<tr><td><p><strong>Tháng</strong></p></td><td><p><strong>Mực nước (m)</strong></p></td></tr>' +
        '<tr><td colspan="2"><p><s>Chưa có số liệu</s></p></td></tr>' +
        '</tbody></table>',
    );
    expect(result.legacy).toBeNull();
    expect(result.warnings).toEqual([]);
  });

  it('defuses a hostile web page and reports what it removed', () => {
    const result = cleanPastedHtml(hostileHtml);
    expect(result.html).toBe(
      '<h2>Tin nóng trong ngày</h2>' +
        '<p><strong>Đoạn mở đầu bấm vào đây và </strong>' +
        '<a href="https://vnexpress.net/the-thao" rel="noopener noreferrer"><strong>đọc tiếp</strong></a>' +
        '<strong>.</strong></p>' +
        '<p><img src="https://cdn.example.vn/anh/lu-lut.jpg" alt="Nước lũ dâng cao"></p>' +
        '<p>Liên kết lạ: một, hai, ba, bốn.</p>' +
        '<p>Liên hệ: <a href="mailto:toasoan@baotinh.vn" rel="noopener noreferrer">toasoan@baotinh.vn</a></p>' +
        '<blockquote><p>Trích dẫn <em>nguyên văn</em></p></blockquote>' +
        '<figure><img src="data:image/png;base64,iVBORw0KGgo=" alt="Biểu đồ"><figcaption>Biểu đồ mực nước</figcaption></figure>' +
        '<p>Hết.</p>',
    );
    expect(result.images).toEqual([
      { src: 'https://cdn.example.vn/anh/lu-lut.jpg', alt: 'Nước lũ dâng cao' },
      { src: 'data:image/png;base64,iVBORw0KGgo=', alt: 'Biểu đồ' },
    ]);
    expect(result.warnings).toEqual(['active-content-removed', 'tracking-pixels-removed']);
    for (const banned of [
      'script',
      'iframe',
      'svg',
      'onerror',
      'onload',
      'javascript',
      'tracker',
      'Đoạn ẩn',
    ]) {
      expect(result.html).not.toContain(banned);
    }
  });
});
