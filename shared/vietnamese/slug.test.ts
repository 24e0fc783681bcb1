import { describe, expect, it } from 'vitest';
import { isValidSlug, slugify, WORDPRESS_SLUG_MAX_LENGTH } from './slug';

const SEED_TITLE =
  'Bí thư Tỉnh ủy nói chuyện với Lớp Bồi dưỡng cập nhật kiến thức chức danh chủ tịch UBND xã, phường, thị trấn năm 2023';

describe('slugify', () => {
  it('gives the seed title the alias NukeViet gives it', () => {
    expect(slugify(SEED_TITLE)).toBe(
      'bi-thu-tinh-uy-noi-chuyen-voi-lop-boi-duong-cap-nhat-kien-thuc-chuc-danh-chu-tich-ubnd-xa-phuong-thi-tran-nam-2023',
    );
  });

  it('matches the examples in the portal references', () => {
    expect(slugify('Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ 12 (mở rộng)')).toBe(
      'hoi-nghi-ban-chap-hanh-dang-bo-tinh-lan-thu-12-mo-rong',
    );
    // WordPress's own sanitize_title results for the same strings.
    expect(slugify('Bí thư Tỉnh ủy nói chuyện với Lớp Bồi dưỡng')).toBe(
      'bi-thu-tinh-uy-noi-chuyen-voi-lop-boi-duong',
    );
    expect(slugify('Đại hội Đảng bộ ĐẶC BIỆT')).toBe('dai-hoi-dang-bo-dac-biet');
    expect(slugify('Bồi dưỡng cán bộ')).toBe('boi-duong-can-bo');
    expect(slugify('Thời sự')).toBe('thoi-su');
  });

  it('gives NFD titles the same alias as NFC ones', () => {
    const title = 'Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ 12 (mở rộng): "Người" – đổi mới';
    const expected = 'hoi-nghi-ban-chap-hanh-dang-bo-tinh-lan-thu-12-mo-rong-nguoi-doi-moi';
    expect(slugify(title)).toBe(expected);
    expect(slugify(title.normalize('NFD'))).toBe(expected);
  });

  it('maps đ and Đ in any case to d', () => {
    expect(slugify('ĐẮK LẮK đảng Đoàn đĐ')).toBe('dak-lak-dang-doan-dd');
    // U+00D0 (Icelandic eth) looks like Đ and turns up in mis-decoded text (NukeViet: "dh").
    expect(slugify('Ðà Nẵng')).toBe('da-nang');
  });

  it('turns every run of punctuation into one hyphen and trims hyphens', () => {
    expect(slugify('Giá xăng tăng 1.000 đồng/lít từ 15h chiều nay')).toBe(
      'gia-xang-tang-1-000-dong-lit-tu-15h-chieu-nay',
    );
    expect(slugify('ĐỐI THOẠI: Thủy lợi, “thuỷ điện” và hoà bình')).toBe(
      'doi-thoai-thuy-loi-thuy-dien-va-hoa-binh',
    );
    expect(slugify('--Tin  nóng---!!! (cập nhật) ...')).toBe('tin-nong-cap-nhat');
    expect(slugify("Xuân's & Hạ <b>")).toBe('xuan-s-ha-b');
    expect(slugify('  Việt\u00A0Nam\t\n')).toBe('viet-nam');
  });

  it('romanises other Latin letters as NukeViet does', () => {
    expect(slugify('Müller Straße Ærø café')).toBe('mueller-strasse-aero-cafe');
    expect(slugify('email@toasoan')).toBe('emailatoasoan');
  });

  it('returns the fallback, or nothing, when no letter or digit is left', () => {
    expect(slugify('🎉🔥')).toBe('');
    expect(slugify('🎉🔥', { fallback: 'post' })).toBe('post');
    expect(slugify('— … —', { fallback: 'post' })).toBe('post');
    expect(slugify('Lễ hội 🎉 pháo hoa')).toBe('le-hoi-phao-hoa');
    expect(slugify('Новости')).toBe('');
  });

  it('cuts at a hyphen when given a maximum length', () => {
    expect(slugify(SEED_TITLE, { maxLength: 20 })).toBe('bi-thu-tinh-uy-noi');
    expect(slugify(SEED_TITLE, { maxLength: 19 })).toBe('bi-thu-tinh-uy-noi');
    expect(slugify(SEED_TITLE, { maxLength: 18 })).toBe('bi-thu-tinh-uy-noi');
    expect(slugify(SEED_TITLE, { maxLength: 17 })).toBe('bi-thu-tinh-uy');
    expect(slugify('Chuyệnnnnnnnnnnnnn', { maxLength: 8 })).toBe('chuyennn');
    const long = slugify(`${SEED_TITLE} ${SEED_TITLE}`, { maxLength: WORDPRESS_SLUG_MAX_LENGTH });
    expect(long.length).toBeLessThanOrEqual(200);
    expect(isValidSlug(long)).toBe(true);
  });
});

describe('isValidSlug', () => {
  it.each(['a', 'bi-thu-tinh-uy', 'nam-2023', '2023', 'x'.repeat(200)])('accepts %s', (slug) => {
    expect(isValidSlug(slug)).toBe(true);
  });

  it.each(['', 'Bi-thu', 'bi--thu', '-bi', 'bi-', 'bí-thư', 'bi_thu', 'bi thu', 'x'.repeat(201)])(
    'rejects %j',
    (slug) => {
      expect(isValidSlug(slug)).toBe(false);
    },
  );

  it('takes another length limit (NukeViet: 250)', () => {
    expect(isValidSlug('x'.repeat(250), 250)).toBe(true);
    expect(isValidSlug('x'.repeat(251), 250)).toBe(false);
  });

  it('accepts whatever slugify produces from real titles', () => {
    for (const title of [SEED_TITLE, 'Đại hội Đảng bộ ĐẶC BIỆT', 'Giá xăng tăng 1.000 đồng/lít']) {
      expect(isValidSlug(slugify(title))).toBe(true);
    }
  });
});
