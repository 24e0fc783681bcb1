/**
 * Slugs as NukeViet 4.5's `change_alias()` (+ `strtolower`, the news module's default) makes them,
 * HTML entities included. The table's expected aliases were produced by NukeViet 4.5's own
 * function, run on a fetched copy outside this repository; the same check over 100,000 generated
 * titles found no difference except ð/Ð (docs/nukeviet-slugs.md). No NukeViet code is here.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { slugify } from './slug';

/** [title, alias NukeViet 4.5 gives it]: 22 written by hand, 40 generated (seeded). */
const VERIFIED: readonly (readonly [string, string])[] = [
  ['Tôm &amp; cua', 'tom-cua'],
  ['Giá &lt;b&gt;tăng&lt;/b&gt; &amp; &quot;giảm&quot;', 'gia-b-tang-b-giam'],
  ['Bác Hồ&#039;s di sản', 'bac-ho-s-di-san'],
  ['A&nbsp;B', 'a-nbsp-b'],
  ['Bác&#39;s', 'bac-39-s'],
  ['Tôm &AMP; cua', 'tom-amp-cua'],
  ['Hội nghị (mở rộng) &#40;lần 2&#41;', 'hoi-nghi-mo-rong-lan-2'],
  ['Điểm &#x3A; 9&#x2F;10', 'diem-9-x2f-10'],
  ['Năm 2023: «Đổi mới» – “Phát triển”', 'nam-2023-doi-moi-phat-trien'],
  ['100% &#x25; tăng trưởng', '100-tang-truong'],
  ['Tỷ lệ 5&#x5E;2 &#x3D; 25', 'ty-le-5-2-25'],
  ['C&#x23; và C++', 'c-va-c'],
  ['Email: a@b.vn', 'email-aab-vn'],
  ['Straße Ärger Øre', 'strasse-aerger-ore'],
  ['Lễ hội hoa 🌸 Đà Lạt', 'le-hoi-hoa-da-lat'],
  ['&amp;&amp;&amp;', ''],
  ['Chào&hellip;', 'chao-hellip'],
  ['UBND tỉnh &#x7B;dự thảo&#x7D;', 'ubnd-tinh-du-thao'],
  ['x&#x60;y&#x7E;z', 'x-y-z'],
  ['a&#x005C;b&#x002F;c', 'a-b-c'],
  ['Sao &#42; và &#33;', 'sao-va'],
  ['&#91;Cập nhật&#93; Bão số 3', 'cap-nhat-bao-so-3'],
  ['ỳê}&#x7B;&AMP;Ê&#x7E;ơ', 'ye-amp-e-o'],
  ['"–Ảọị&#39;', 'aoi-39'],
  ['q…ỳ&ampã{Ẳ&#x005C;ö*ờ&#x7B;', 'q-y-ampa-a-oe-o'],
  ['qẻ!^ằ', 'qe-a'],
  ['&gt;Eờ9“', 'eo9'],
  [' #>Ằ&amp', 'a-amp'],
  ['Ỉ&#33;!«', 'i'],
  ['#ĩâ&#x25;', 'ia'],
  ['>', ''],
  ['Ãô—ẻê&#x5E;', 'ao-ee'],
  ['ớłử', 'olu'],
  ['ặỜấằ–}', 'aoaa'],
  ['Ằ»', 'a'],
  ['d', 'd'],
  ['đ&#x25;»', 'd'],
  ['Ử*Úữ2ý,+"ẳỴ', 'u-uu2y-ay'],
  [' ', ''],
  ['ớ—úxh&#039;Ẵ1Úc', 'o-uxh-a1uc'],
  ['_ặẮQ]Ậèịø&gt;Ẳ—', 'aaq-aeio-a'],
  ['ẴỀ.&łũ', 'ae-lu'],
  ['Ú\\%U', 'u-u'],
  ['áÒ`ỒẨĂ', 'ao-oaa'],
  ['Ổ ', 'o'],
  ['ệ\\Ị&', 'e-i'],
  ['v=oệ&#x7E;mẠ]âỐ', 'v-oe-ma-ao'],
  [';;&#x60;Ỹ', 'y'],
  ['[Ự&#x3D;ị', 'u-i'],
  ['&#x3D;%ẰĂ', 'aa'],
  ['þ&#x7D;Ơĩ', 'th-oi'],
  ['Ừ5ằ^&quot;à`!&#40;ỳ^ọ', 'u5a-a-y-o'],
  ['&#x25;ẳặõ', 'aao'],
  ['ẹẢằjắ`&#40;ộ', 'eaaja-o'],
  ['ẽếũ"ủồóẳỄĂ', 'eeu-uooaea'],
  ['&AMP;&#x7E;áý,Ó:', 'amp-ay-o'],
  ['&#x005C;ỎÝ2&#x002F;&#33;&#91;ặ', 'oy2-a'],
  ['æ', 'ae'],
  ['ü&#42;|&#x3D;&quot;{', 'ue'],
  ['&gt; Ỹ', 'y'],
  ['*Ề', 'e'],
  ['ằ&amp;K&#40;Ôẹ', 'a-k-oe'],
];

/** The entities change_alias turns into separators. */
const SEPARATOR_ENTITIES = [
  '&amp;',
  '&#039;',
  '&quot;',
  '&lt;',
  '&gt;',
  '&#x005C;',
  '&#x002F;',
  '&#40;',
  '&#41;',
  '&#42;',
  '&#91;',
  '&#93;',
  '&#33;',
  '&#x3D;',
  '&#x23;',
  '&#x25;',
  '&#x5E;',
  '&#x3A;',
  '&#x7B;',
  '&#x7D;',
  '&#x60;',
  '&#x7E;',
];

describe('slugify matches NukeViet 4.5 change_alias', () => {
  it.each(VERIFIED)('%j → %s', (title, alias) => {
    expect(slugify(title)).toBe(alias);
  });

  it('turns each listed entity into a separator, wherever it stands', () => {
    const word = fc.string({
      unit: fc.constantFrom(...'aăâbcdđeêghiklmnoôơpqrstuưvxyÁẮẤÉẾÍÓỐỚÚỨÝ0123456789 &#;x-'),
      maxLength: 12,
    });
    fc.assert(
      fc.property(word, fc.constantFrom(...SEPARATOR_ENTITIES), word, (a, entity, b) => {
        expect(slugify(`${a}${entity}${b}`)).toBe(slugify(`${a} ${b}`));
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps the letters and digits of other entities, as NukeViet does', () => {
    expect(slugify('A&nbsp;B')).toBe('a-nbsp-b');
    expect(slugify('Bác&#39;s')).toBe('bac-39-s');
    expect(slugify('Tôm &AMP; cua')).toBe('tom-amp-cua');
  });
});
