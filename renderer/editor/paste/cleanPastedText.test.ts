import { describe, expect, it } from 'vitest';
import { cleanPastedText, PasteTooLargeError } from './index';

describe('cleanPastedText', () => {
  it('splits paragraphs on blank lines and keeps single line breaks', () => {
    expect(cleanPastedText('Đoạn một\r\ndòng hai\r\n\r\n\r\n  Đoạn  hai  \n \nĐoạn ba').html).toBe(
      '<p>Đoạn một<br>dòng hai</p><p>Đoạn hai</p><p>Đoạn ba</p>',
    );
  });

  it('escapes markup and normalises to NFC without invisible characters', () => {
    expect(cleanPastedText('<b>x</b> & "y"\u200B Vie\u0302\u0323t').html).toBe(
      '<p>&lt;b&gt;x&lt;/b&gt; &amp; "y" Việt</p>',
    );
  });

  it('passes a 1–3 letter IME clipboard paste through untouched', () => {
    expect(cleanPastedText('ế')).toEqual({
      html: '<p>ế</p>',
      legacy: null,
      images: [],
      warnings: [],
    });
    expect(cleanPastedText('').html).toBe('');
  });

  it('refuses text over the limit', () => {
    expect(() => cleanPastedText('x'.repeat(11), { maxBytes: 10 })).toThrow(PasteTooLargeError);
  });
});
