import sharp from 'sharp';
import { describe, expect, it } from 'vitest';

import { readIptc } from './iptc';
import { buildIim, truncateUtf8, withIptc } from './iptcWrite';

async function jpeg(): Promise<Buffer> {
  return sharp({ create: { width: 32, height: 24, channels: 3, background: '#808080' } })
    .jpeg()
    .withXmp('<x:xmpmeta xmlns:x="adobe:ns:meta/"></x:xmpmeta>')
    .toBuffer();
}

describe('IPTC-IIM writer', () => {
  it('cuts to the IIM byte limit without splitting a Vietnamese letter', () => {
    // "Hường" is 8 bytes in UTF-8: ư (2), ờ (3).
    const cut = truncateUtf8('Nguyễn Thị Hường Nguyễn Thị Hường', 32);
    expect(cut.length).toBeLessThanOrEqual(32);
    const text = new TextDecoder('utf-8', { fatal: true }).decode(cut);
    expect('Nguyễn Thị Hường Nguyễn Thị Hường'.startsWith(text)).toBe(true);
    expect(text.length).toBeGreaterThan(20);
  });

  it('writes nothing when there is nothing to say', () => {
    expect(buildIim({ caption: ' ', byline: '' })).toBeUndefined();
  });

  it('replaces an existing Photoshop block instead of adding a second, keeping XMP and pixels', async () => {
    const original = await jpeg();
    const first = withIptc(original, buildIim({ caption: 'Cũ', byline: 'A' }) ?? Buffer.alloc(0));
    const second = withIptc(
      first,
      buildIim({ caption: 'Mới', credit: 'Báo Hà Tĩnh' }) ?? Buffer.alloc(0),
    );
    const count = (buffer: Buffer) => buffer.toString('latin1').split('Photoshop 3.0').length - 1;
    expect(count(first)).toBe(1);
    expect(count(second)).toBe(1);
    const meta = await sharp(second).metadata();
    expect(readIptc(meta.iptc)).toEqual({ caption: 'Mới', credit: 'Báo Hà Tĩnh' });
    expect(meta.xmp?.toString('utf8')).toContain('xmpmeta');
    const [a, b] = await Promise.all(
      [original, second].map((bytes) => sharp(bytes).raw().toBuffer()),
    );
    expect(b?.equals(a ?? Buffer.alloc(0))).toBe(true);
  });

  it('leaves bytes that are not a JPEG alone', () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]);
    expect(withIptc(png, buildIim({ caption: 'x' }) ?? Buffer.alloc(0))).toBe(png);
  });
});
