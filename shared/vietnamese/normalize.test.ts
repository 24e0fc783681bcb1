import { describe, expect, it } from 'vitest';
import { normalizePastedText, normalizeSpaces, stripInvisibleChars, toNfc } from './normalize';

describe('toNfc', () => {
  it('composes NFD and the IMEs’ "Unicode tổ hợp" output', () => {
    expect(toNfc('Tie\u0302\u0301ng Vie\u0323\u0302t')).toBe('Tiếng Việt');
    // UniKey/OpenKey "tổ hợp": precomposed ê plus a combining tone.
    expect(toNfc('Ti\u00EA\u0301ng Vi\u00EA\u0323t')).toBe('Tiếng Việt');
    expect(toNfc('Tiếng Việt')).toBe('Tiếng Việt');
    expect(toNfc('ngu\u031Bo\u031B\u0300i').length).toBe(5);
  });
});

describe('stripInvisibleChars', () => {
  it('removes zero-width, BOM and bidi characters', () => {
    expect(stripInvisibleChars('\uFEFFBí\u200B thư\u2060 \u200ETỉnh\u202B ủy\u202C')).toBe(
      'Bí thư Tỉnh ủy',
    );
  });

  it('keeps the soft hyphen unless asked, since TCVN3 uses it for ư', () => {
    expect(stripInvisibleChars('tr\u00ADêng')).toBe('tr\u00ADêng');
    expect(stripInvisibleChars('bồi\u00ADdưỡng', { removeSoftHyphen: true })).toBe('bồidưỡng');
  });

  it('keeps joiners that emoji need', () => {
    expect(stripInvisibleChars('👨\u200D👩\u200D👧')).toBe('👨\u200D👩\u200D👧');
  });
});

describe('normalizeSpaces', () => {
  it('turns odd spaces into plain ones and collapses runs', () => {
    expect(normalizeSpaces('Bí\u00A0thư  Tỉnh\tủy\u2003Chủ\u3000tịch')).toBe(
      'Bí thư Tỉnh ủy Chủ tịch',
    );
  });

  it('can keep no-break spaces', () => {
    expect(normalizeSpaces('TP.\u00A0HCM  mới', { keepNbsp: true })).toBe('TP.\u00A0HCM mới');
  });

  it('drops an OpenKey U+202F left inside a word and spaces it elsewhere', () => {
    expect(normalizeSpaces('Th\u202Fử nghiệm')).toBe('Thử nghiệm');
    expect(normalizeSpaces('12\u202F000 đồng')).toBe('12 000 đồng');
    expect(normalizeSpaces('xin chào\u202F!')).toBe('xin chào !');
    expect(normalizeSpaces('Bí thư \u202FTỉnh')).toBe('Bí thư Tỉnh');
  });

  it('unifies line breaks and trims each line', () => {
    expect(normalizeSpaces('  Dòng một  \r\n\tDòng hai\rDòng ba ')).toBe(
      'Dòng một\nDòng hai\nDòng ba',
    );
  });
});

describe('normalizePastedText', () => {
  it('does all of it at once', () => {
    const pasted = '\uFEFF  Bi\u0301 thu\u031B\u00A0\u00A0Ti\u0309nh u\u0309y\u200B \r\n';
    expect(normalizePastedText(pasted)).toBe('Bí thư Tỉnh ủy');
  });

  it('passes the options through', () => {
    expect(normalizePastedText('a\u00ADb\u00A0c', { removeSoftHyphen: true, keepNbsp: true })).toBe(
      'ab\u00A0c',
    );
  });
});
