import { describe, expect, it } from 'vitest';

import { cleanPastedHtml } from './cleanPastedHtml';
import { splitPastedHtml } from './chunks';

const head =
  '<html><head><style><!-- p.MsoNormal {font-family:"Times New Roman";} .red {color:red} --></style></head>' +
  '<body lang=VI><!--StartFragment-->';
const tail = '<!--EndFragment--></body></html>';

function wordHtml(paragraphs: number): string {
  const body = Array.from(
    { length: paragraphs },
    (_, i) =>
      `<p class=MsoNormal><span style='font-size:13pt'>Đoạn ${i} có <b>chữ đậm</b> và <i>nghiêng</i>.</span><o:p></o:p></p>\r\n` +
      (i % 7 === 0 ? `<table><tr><td><p>Ô ${i}</p></td></tr></table><br><img src="x.png">` : ''),
  ).join('');
  return `${head}${body}${tail}`;
}

describe('splitPastedHtml', () => {
  it('cuts only between whole blocks: the pieces clean to exactly the whole', () => {
    const html = wordHtml(400);
    const pieces = splitPastedHtml(html, 2_000, 500);
    expect(pieces.length).toBeGreaterThan(10);
    for (const piece of pieces) expect(piece.startsWith(head) && piece.endsWith(tail)).toBe(true);
    const whole = cleanPastedHtml(html, { legacy: 'off' }).html;
    const joined = pieces.map((piece) => cleanPastedHtml(piece, { legacy: 'off' }).html).join('');
    expect(joined).toBe(whole);
  });

  it('keeps loose HTML with an element never closed in one piece', () => {
    const html = `<div>${'<p>một đoạn</p>'.repeat(500)}`;
    expect(splitPastedHtml(html, 1_000, 500)).toEqual([html]);
  });

  it('splits HTML without Word markers inside its body', () => {
    const html = `<html><body>${'<p>một đoạn văn bản</p>'.repeat(300)}</body></html>`;
    const pieces = splitPastedHtml(html, 1_000, 500);
    expect(pieces.length).toBeGreaterThan(3);
    expect(pieces.map((piece) => cleanPastedHtml(piece).html).join('')).toBe(
      cleanPastedHtml(html).html,
    );
  });
});
