import { describe, expect, it } from 'vitest';
import { cleanPastedHtml } from './index';

const clean = (html: string): string => cleanPastedHtml(html).html;

/** One Word list paragraph as Word 2016 writes it to the clipboard. */
function wordItem(marker: string, level: number, lfo: number, text: string): string {
  return (
    `<p class=MsoListParagraphCxSpMiddle style='text-indent:-18.0pt;mso-list:l0 level${level} lfo${lfo}'>` +
    `<!--[if !supportLists]--><span style='font-family:Symbol'><span style='mso-list:Ignore'>${marker}` +
    `<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp; </span></span></span><!--[endif]-->` +
    `<span lang=VI>${text}<o:p></o:p></span></p>`
  );
}

describe('Word lists', () => {
  it('nests by level and climbs back out', () => {
    const html = [
      wordItem('·', 1, 1, 'A'),
      wordItem('o', 2, 1, 'A1'),
      wordItem('§', 3, 1, 'A1a'),
      wordItem('·', 1, 1, 'B'),
    ].join('\n');
    expect(clean(html)).toBe(
      '<ul><li><p>A</p><ul><li><p>A1</p><ul><li><p>A1a</p></li></ul></li></ul></li>' +
        '<li><p>B</p></li></ul>',
    );
  });

  it('decides ordered or bulleted per level from the marker', () => {
    const html = [
      wordItem('1.', 1, 1, 'Một'),
      wordItem('a)', 2, 1, 'Ý a'),
      wordItem('-', 2, 1, 'Gạch đầu dòng'),
      wordItem('2.', 1, 1, 'Hai'),
    ].join('');
    expect(clean(html)).toBe(
      '<ol><li><p>Một</p><ol><li><p>Ý a</p></li></ol><ul><li><p>Gạch đầu dòng</p></li></ul></li>' +
        '<li><p>Hai</p></li></ol>',
    );
  });

  it('starts a new list after an ordinary paragraph or for another list id', () => {
    const html =
      wordItem('·', 1, 1, 'A') +
      '<p class=MsoNormal>Giữa</p>' +
      wordItem('·', 1, 1, 'B') +
      wordItem('1.', 1, 2, 'C');
    expect(clean(html)).toBe(
      '<ul><li><p>A</p></li></ul><p>Giữa</p><ul><li><p>B</p></li></ul><ol><li><p>C</p></li></ol>',
    );
  });

  it('handles a list that starts deeper than level 1', () => {
    expect(clean(wordItem('o', 2, 1, 'Sâu') + wordItem('·', 1, 1, 'Nông'))).toBe(
      '<ul><li><p>Sâu</p></li></ul><ul><li><p>Nông</p></li></ul>',
    );
  });

  it('keeps the number of a numbered Word heading as text', () => {
    const html =
      "<h2 style='mso-list:l1 level1 lfo3'><!--[if !supportLists]--><span style='mso-list:Ignore'>1." +
      '<span style=\'font:7.0pt "Times New Roman"\'>&nbsp;&nbsp; </span></span><!--[endif]-->Giới thiệu</h2>';
    expect(clean(html)).toBe('<h2>1. Giới thiệu</h2>');
  });
});

describe('Word clutter', () => {
  it('drops empty paragraphs, o:p, comments, hidden text, reviewer comments and deletions', () => {
    const html =
      '<p class=MsoNormal><o:p>&nbsp;</o:p></p>' +
      '<p class=MsoNormal>Giữ<span style="mso-hide:all">ẩn</span> lại<span class=MsoCommentReference>[PV1]</span>' +
      '<del cite="mailto:BTV" datetime="2024-10-12T08:00">chữ xoá</del>' +
      '<ins cite="mailto:BTV" datetime="2024-10-12T08:00"> chữ thêm</ins></p>' +
      '<p class=MsoNormal>&nbsp;</p>' +
      "<div style='mso-element:comment-list'><p>Bình luận của biên tập viên</p></div>";
    expect(clean(html)).toBe('<p>Giữ lại chữ thêm</p>');
  });

  it('maps headings h1→h2 and h5/h6→h4 and keeps marks from tags and styles', () => {
    expect(
      clean(
        '<h1>A</h1><h3>B</h3><h5>C</h5><h6>D</h6>' +
          '<p><b>đậm</b> <i>nghiêng</i> <u>gạch</u> <strike>xoá</strike> ' +
          '<span style="font-weight:bold;font-style:italic">cả hai</span></p>',
      ),
    ).toBe(
      '<h2>A</h2><h3>B</h3><h4>C</h4><h4>D</h4>' +
        '<p><strong>đậm</strong> <em>nghiêng</em> <u>gạch</u> <s>xoá</s> ' +
        '<strong><em>cả hai</em></strong></p>',
    );
  });

  it('turns loose text, divs and line breaks into paragraphs with normalised spaces', () => {
    expect(clean('Dòng\u00A0một  <br>  dòng\u200B hai<div>Khối <b>đậm </b> tiếp</div>cuối')).toBe(
      '<p>Dòng một<br>dòng hai</p><p>Khối <strong>đậm </strong>tiếp</p><p>cuối</p>',
    );
  });

  it('composes NFD text to NFC and removes soft hyphens from Unicode text', () => {
    const nfd = 'Vie\u0302\u0323t Nam'.normalize('NFD');
    expect(clean(`<p>${nfd} ti\u00ADếng</p>`)).toBe('<p>Việt Nam tiếng</p>');
  });

  it('keeps colspan/rowspan, turns tfoot into tbody', () => {
    expect(
      clean(
        '<table><thead><tr><th colspan="2" style="x">Đầu</th></tr></thead>' +
          '<tfoot><tr><td rowspan="3">Chân</td><td rowspan="1">Một</td></tr></tfoot></table>',
      ),
    ).toBe(
      '<table><thead><tr><th colspan="2"><p>Đầu</p></th></tr></thead>' +
        '<tbody><tr><td rowspan="3"><p>Chân</p></td><td><p>Một</p></td></tr></tbody></table>',
    );
  });

  it('puts stray list items in a list and nested lists inside the previous item', () => {
    expect(clean('<li>Lẻ</li><ul><li>A</li><ul><li>B</li></ul></ul>')).toBe(
      '<ul><li><p>Lẻ</p></li></ul><ul><li><p>A</p><ul><li><p>B</p></li></ul></li></ul>',
    );
  });

  it('turns pre into a paragraph with line breaks', () => {
    expect(clean('<pre>dòng 1\ndòng 2</pre>')).toBe('<p>dòng 1<br>dòng 2</p>');
  });

  it('can drop every image', () => {
    const result = cleanPastedHtml('<p>A<img src="https://a.vn/x.jpg" alt="x"></p>', {
      images: false,
    });
    expect(result).toEqual({ html: '<p>A</p>', legacy: null, images: [], warnings: [] });
  });

  it('returns nothing for an empty or whitespace-only paste', () => {
    expect(cleanPastedHtml('')).toEqual({ html: '', legacy: null, images: [], warnings: [] });
    expect(clean('<p>&nbsp;</p>\n<div> </div>')).toBe('');
  });
});

describe('links and images', () => {
  it('keeps only http, https and mailto links, normalised', () => {
    expect(
      clean(
        '<p><a href="HTTPS://Example.VN/a b">x</a> <a href="mailto:a@b.vn">y</a> ' +
          '<a href="ftp://a.vn">z</a> <a href="#_Toc1">w</a> <a name="_GoBack"></a></p>',
      ),
    ).toBe(
      '<p><a href="https://example.vn/a%20b" rel="noopener noreferrer">x</a> ' +
        '<a href="mailto:a@b.vn" rel="noopener noreferrer">y</a> z w</p>',
    );
  });

  it('keeps raster data: images and drops SVG data, 1×1 pixels and zero-sized images', () => {
    const result = cleanPastedHtml(
      '<p><img src="data:image/jpeg;base64,/9j/4AAQ" alt=" ảnh  một "></p>' +
        '<p><img src="data:image/svg+xml;base64,PHN2Zz4="></p>' +
        '<p><img width="1" height="1" src="https://t.vn/p.gif"></p>' +
        '<p><img width="0" src="https://t.vn/q.gif"></p>',
    );
    expect(result.html).toBe('<p><img src="data:image/jpeg;base64,/9j/4AAQ" alt="ảnh một"></p>');
    expect(result.warnings).toEqual(['active-content-removed', 'tracking-pixels-removed']);
  });
});
