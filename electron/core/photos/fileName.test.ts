import { describe, expect, it } from 'vitest';

import { foldVietnamese, numberedFileName, renderFileStem, sanitizeFileStem } from './fileName';

describe('file names', () => {
  it('folds Vietnamese tones and đ', () => {
    expect(foldVietnamese('Đà Nẵng – Thừa Thiên Huế, Phạm Đức Mười')).toBe(
      'Da Nang – Thua Thien Hue, Pham Duc Muoi',
    );
    // Decomposed input (macOS, some keyboards) folds the same way.
    expect(foldVietnamese('Nguyễn'.normalize('NFD'))).toBe('Nguyen');
  });

  it('sanitises to lower-case safe ASCII without path tricks', () => {
    expect(sanitizeFileStem('  Lễ khai mạc: Hội nghị/TW 2024?  ')).toBe(
      'le-khai-mac-hoi-nghi-tw-2024',
    );
    expect(sanitizeFileStem('../../etc/passwd')).toBe('etc-passwd');
    expect(sanitizeFileStem('CON')).toBe('con-anh');
    expect(sanitizeFileStem('ảnh 😀 đẹp')).toBe('anh-dep');
    expect(sanitizeFileStem('a'.repeat(300))).toHaveLength(120);
  });

  it('expands the pattern variables', () => {
    const stem = renderFileStem('{date}_{slug}-{seq}-{byline}-{width}', {
      slug: 'Khai mạc SEA Games',
      date: '2024-05-12T08:30:00+07:00',
      seq: 7,
      byline: 'Trần Thị Ánh',
      width: 1600,
    });
    expect(stem).toBe('2024-05-12_khai-mac-sea-games-007-tran-thi-anh-1600');
  });

  it('keeps a Zalo export recognisable through {original}', () => {
    expect(
      renderFileStem('{original}', {
        original: 'C:\\Users\\pv\\Downloads\\z4509060236637_cee53aff582f33e127acb052f924c3c7.jpg',
      }),
    ).toBe('z4509060236637_cee53aff582f33e127acb052f924c3c7');
  });

  it('never produces an empty name', () => {
    expect(renderFileStem('{slug}{byline}', {})).toBe('anh');
    expect(numberedFileName('anh', '.jpg', 1)).toBe('anh.jpg');
    expect(numberedFileName('anh', '.jpg', 3)).toBe('anh-3.jpg');
  });
});
