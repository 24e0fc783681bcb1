import { describe, expect, it } from 'vitest';

import {
  expandCodes,
  formatCaptionDate,
  isCaptionMissing,
  renderCaptionTemplate,
} from './captions';

const codes = new Map([
  ['hd', 'Hoàng Trung Dũng - Ủy viên Trung ương Đảng, Bí thư Tỉnh ủy'],
  ['HD', 'Hội đồng nhân dân'],
  ['ttxvn', 'Thông tấn xã Việt Nam'],
]);

describe('expandCodes', () => {
  it('expands newsroom codes between backslashes, case-sensitively', () => {
    expect(expandCodes('Đồng chí \\hd\\ phát biểu', codes)).toBe(
      'Đồng chí Hoàng Trung Dũng - Ủy viên Trung ương Đảng, Bí thư Tỉnh ủy phát biểu',
    );
    expect(expandCodes('Kỳ họp \\HD\\ tỉnh. Ảnh: \\ttxvn\\', codes)).toBe(
      'Kỳ họp Hội đồng nhân dân tỉnh. Ảnh: Thông tấn xã Việt Nam',
    );
    expect(expandCodes('\\hd\\\\HD\\', codes)).toBe(
      'Hoàng Trung Dũng - Ủy viên Trung ương Đảng, Bí thư Tỉnh ủyHội đồng nhân dân',
    );
  });

  it('leaves unknown codes and stray backslashes as typed', () => {
    expect(expandCodes('Ông \\Hd\\ và \\xyz\\', codes)).toBe('Ông \\Hd\\ và \\xyz\\');
    expect(expandCodes('a \\ b', codes)).toBe('a \\ b');
    expect(expandCodes('kết thúc \\', codes)).toBe('kết thúc \\');
    expect(expandCodes('\\\\', codes)).toBe('\\');
    // An unknown code does not swallow the known one after it.
    expect(expandCodes('\\x\\ttxvn\\', codes)).toBe('\\xThông tấn xã Việt Nam');
  });

  it('writes a backslash with \\\\ and does not expand expansions', () => {
    expect(expandCodes('đường dẫn \\\\hd\\\\', codes)).toBe('đường dẫn \\hd\\');
    expect(expandCodes('\\loop\\', new Map([['loop', '\\loop\\']]))).toBe('\\loop\\');
  });

  it('returns NFC whatever the keyboard typed', () => {
    const nfd = 'Ảnh: \\ttxvn\\'.normalize('NFD');
    expect(expandCodes(nfd, codes)).toBe('Ảnh: Thông tấn xã Việt Nam');
  });
});

describe('renderCaptionTemplate', () => {
  it('fills known variables and leaves unknown ones for the editor to see', () => {
    const caption = renderCaptionTemplate(
      '{event}: {caption} tại {place} ngày {date}. Ảnh: {byline}/{credit} {foo} ({original})',
      {
        event: 'Kỳ họp thứ 7',
        caption: 'Đại biểu biểu quyết',
        place: 'Hà Tĩnh',
        date: '2024-05-12T09:30:00',
        byline: 'Phạm Đức Mười',
        credit: 'Báo Hà Tĩnh',
        original: 'DSC01234.JPG',
      },
    );
    expect(caption).toBe(
      'Kỳ họp thứ 7: Đại biểu biểu quyết tại Hà Tĩnh ngày 12/05/2024. Ảnh: Phạm Đức Mười/Báo Hà Tĩnh {foo} (DSC01234.JPG)',
    );
  });

  it('empties known variables without a value and trims the result', () => {
    expect(renderCaptionTemplate(' {caption} {byline}', { caption: 'Lũ về' })).toBe('Lũ về');
  });

  it('formats dates as dd/MM/yyyy in Vietnam time', () => {
    // 20:30 UTC on 11 May is 03:30 on 12 May in Hà Nội.
    expect(formatCaptionDate(new Date(Date.UTC(2024, 4, 11, 20, 30)))).toBe('12/05/2024');
    expect(formatCaptionDate('2024-05-11T20:30:00Z')).toBe('12/05/2024');
    // A camera's wall-clock time is already local: shown as recorded.
    expect(formatCaptionDate('2008-04-20T23:59:00')).toBe('20/04/2008');
    expect(formatCaptionDate('không phải ngày')).toBe('');
    expect(formatCaptionDate(undefined)).toBe('');
  });
});

describe('isCaptionMissing', () => {
  it('flags empty captions and captions that are only a file name', () => {
    expect(isCaptionMissing('')).toBe(true);
    expect(isCaptionMissing('   ')).toBe(true);
    expect(isCaptionMissing('IMG_1234')).toBe(true);
    expect(isCaptionMissing('z4509060236637 cee53aff0b5f4e4c8f7d2d8d1c5b6a7e')).toBe(true);
    expect(isCaptionMissing('anh1.jpg')).toBe(true);
    expect(isCaptionMissing('Đại biểu biểu quyết thông qua nghị quyết')).toBe(false);
  });
});
