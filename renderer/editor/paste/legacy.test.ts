import { describe, expect, it } from 'vitest';
import { unicodeToTcvn3, unicodeToVni } from '../../../shared/vietnamese';
import { cleanPastedHtml, cleanPastedText } from './index';

const SENTENCE =
  'Theo thống kê của Sở Giáo dục, toàn tỉnh có hơn một nghìn trường học bị ngập sâu trong nước lũ.';
const TCVN3 = unicodeToTcvn3(SENTENCE);
const VNI = unicodeToVni(SENTENCE);

describe('legacy fonts in HTML', () => {
  it('converts runs by the font inherited from an ancestor, and leaves Unicode runs alone', () => {
    const result = cleanPastedHtml(
      `<div style="font-family:'.VnTime'"><p><b>${TCVN3}</b></p></div>` +
        '<p style="font-family:Arial">Café được giữ nguyên</p>',
    );
    expect(result.html).toBe(`<p><strong>${SENTENCE}</strong></p><p>Café được giữ nguyên</p>`);
    expect(result.legacy).toEqual({ encoding: 'tcvn3', runs: 1 });
  });

  it('upper-cases .VnTimeH runs, reads VNI fonts and the <font face> of old HTML', () => {
    const result = cleanPastedHtml(
      `<p><span style='font-family:"\\.VnTimeH"'>${unicodeToTcvn3('ỦY BAN NHÂN DÂN')}</span></p>` +
        `<p><font face="VNI-Helve, sans-serif">${VNI}</font></p>`,
    );
    expect(result.html).toBe(`<p>ỦY BAN NHÂN DÂN</p><p>${SENTENCE}</p>`);
    expect(result.legacy).toEqual({ encoding: 'tcvn3', runs: 2 });
  });

  it('finds the font in the clipboard style sheet (Normal style set to .VnTime)', () => {
    const html =
      '<html><head><style><!-- p.MsoNormal, li.MsoNormal {font-family:".VnTime",sans-serif;} --></style></head>' +
      `<body><p class=MsoNormal>${TCVN3}</p><p class=Other>${TCVN3}</p></body></html>`;
    const result = cleanPastedHtml(html);
    expect(result.html).toBe(`<p>${SENTENCE}</p><p>${TCVN3.replace(/\u00AD/gu, '')}</p>`);
    expect(result.legacy).toEqual({ encoding: 'tcvn3', runs: 1 });
  });

  it('only converts by font in "fonts" mode, and not at all in "off" mode', () => {
    const html = `<p style="font-family:'VNI-Times'">${VNI}</p><p>${TCVN3}</p>`;
    expect(cleanPastedHtml(html, { legacy: 'fonts' }).legacy).toEqual({ encoding: 'vni', runs: 1 });
    const off = cleanPastedHtml(html, { legacy: 'off' });
    expect(off.legacy).toBeNull();
    expect(off.html).toBe(`<p>${VNI}</p><p>${TCVN3}</p>`);
  });
});

describe('legacy detection without fonts', () => {
  it('converts long TCVN3 text from a page that names no font', () => {
    const result = cleanPastedHtml(`<p>${TCVN3}</p><p>${unicodeToTcvn3('Hà Nội mùa thu')}</p>`);
    expect(result.html).toBe(`<p>${SENTENCE}</p><p>Hà Nội mùa thu</p>`);
    expect(result.legacy).toEqual({ encoding: 'tcvn3', runs: 2 });
  });

  it('never converts or warns on a short paste, and keeps its soft hyphen (TCVN3 ư)', () => {
    const short = unicodeToTcvn3('Trường học');
    expect(cleanPastedHtml(`<p>${short}</p>`)).toEqual({
      html: `<p>${short}</p>`,
      legacy: null,
      images: [],
      warnings: [],
    });
    expect(cleanPastedText('à').warnings).toEqual([]);
  });

  it('warns when a longer paste might be legacy but has too few words to decide', () => {
    const few = unicodeToTcvn3('Bản tin sáng thứ hai 2024');
    const result = cleanPastedHtml(`<p>${few}</p>`);
    expect(result.legacy).toBeNull();
    expect(result.warnings).toEqual(['legacy-uncertain']);
    expect(cleanPastedText(few).warnings).toEqual(['legacy-uncertain']);
  });

  it('treats text in named Unicode fonts as Unicode', () => {
    const result = cleanPastedHtml(`<p style="font-family:Arial">${TCVN3}</p>`);
    expect(result.legacy).toBeNull();
  });
});

describe('legacy detection in plain text', () => {
  it('converts a confident TCVN3 paste paragraph by paragraph', () => {
    const result = cleanPastedText(`${TCVN3}\n\n${unicodeToTcvn3('Hà Nội mùa thu')}`);
    expect(result.html).toBe(`<p>${SENTENCE}</p><p>Hà Nội mùa thu</p>`);
    expect(result.legacy).toEqual({ encoding: 'tcvn3', runs: 2 });
  });

  it('converts VNI and leaves short or Unicode text alone', () => {
    expect(cleanPastedText(VNI).legacy).toEqual({ encoding: 'vni', runs: 1 });
    expect(cleanPastedText('Tröôøng').legacy).toBeNull();
    expect(cleanPastedText(SENTENCE)).toEqual({
      html: `<p>${SENTENCE}</p>`,
      legacy: null,
      images: [],
      warnings: [],
    });
  });
});
