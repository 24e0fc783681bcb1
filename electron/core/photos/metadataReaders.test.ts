import { readFile } from 'node:fs/promises';

import sharp from 'sharp';
import { describe, expect, it } from 'vitest';

import { readExif } from './exif';
import { readIptc } from './iptc';
import {
  fixtures,
  withGpsAndSerials,
  withIptc,
  withOrientation6,
} from '../../../tests/support/photoKit';
import { buildXmp, escapeXml, readXmp } from './xmp';

async function exifOf(input: string | Buffer) {
  return readExif((await sharp(input).metadata()).exif);
}

describe('EXIF reader', () => {
  it('reads real Canon EXIF (little-endian)', async () => {
    expect(await exifOf(fixtures.storm)).toMatchObject({
      make: 'Canon',
      model: 'Canon EOS 400D DIGITAL',
      orientation: 1,
      captureTime: '2008-04-20T19:12:06',
      hasGpsIfd: false,
    });
  });

  it('reads real Konica Minolta EXIF (big-endian)', async () => {
    expect(await exifOf(fixtures.wood)).toMatchObject({
      make: 'KONICA MINOLTA',
      model: 'DiMAGE Z5',
      captureTime: '2008-04-19T13:43:16',
    });
  });

  it('finds GPS and serial numbers', async () => {
    const exif = await exifOf(await withGpsAndSerials(fixtures.dune));
    expect(exif).toMatchObject({
      hasGpsIfd: true,
      bodySerialNumber: 'SN-0123456789',
      lensSerialNumber: 'LENS-42',
      make: 'Canon',
    });
    expect(exif?.gps?.latitude).toBeCloseTo(21 + 1 / 60 + 48 / 3600, 6);
    expect(exif?.gps?.longitude).toBeCloseTo(105 + 51 / 60, 6);
  });

  it('reads orientation 6 written by a phone-style tag', async () => {
    expect((await exifOf(await withOrientation6(fixtures.storm)))?.orientation).toBe(6);
  });

  it('survives damaged blocks without throwing', async () => {
    const block = (await sharp(fixtures.storm).metadata()).exif ?? Buffer.alloc(0);
    for (const length of [0, 4, 10, 20, 60, 200, Math.floor(block.length / 2)]) {
      expect(() => readExif(block.subarray(0, length))).not.toThrow();
    }
    expect(readExif(Buffer.from('not exif at all'))).toBeUndefined();
    // A cut block still yields the fields before the cut.
    expect(readExif(block.subarray(0, 400))?.make).toBe('Canon');
  });
});

describe('IPTC-IIM reader', () => {
  it('reads caption, bylines, credit and copyright from a Photoshop APP13 block', async () => {
    const jpeg = withIptc(await readFile(fixtures.ladybird), {
      caption: 'Bọ rùa trên cành hoa lưu ly, Đà Lạt',
      bylines: ['Nguyễn Văn Ảnh', 'Lê Thị Bình'],
      credit: 'TTXVN',
      copyright: '© Báo Nhân Dân',
    });
    const { iptc } = await sharp(jpeg).metadata();
    expect(readIptc(iptc)).toEqual({
      caption: 'Bọ rùa trên cành hoa lưu ly, Đà Lạt',
      byline: 'Nguyễn Văn Ảnh, Lê Thị Bình',
      credit: 'TTXVN',
      copyright: '© Báo Nhân Dân',
    });
  });

  it('ignores blocks without IIM and cut blocks', () => {
    expect(readIptc(Buffer.from('Photoshop 3.0\0', 'latin1'))).toBeUndefined();
    const cut = Buffer.from([0x1c, 2, 120, 0, 50, 0x41]);
    expect(readIptc(cut)).toEqual({});
  });
});

describe('XMP', () => {
  it('round-trips Vietnamese credits through a real file', async () => {
    const credits = {
      caption: 'Thủ tướng phát biểu tại lễ khai mạc <Hội nghị> "APEC" & đối tác',
      byline: 'Phạm Đức Mười',
      credit: 'Báo Tuổi Trẻ',
      copyright: '© 2024 Tuổi Trẻ',
    };
    const xmp = buildXmp(credits);
    expect(xmp).toBeDefined();
    const jpeg = await sharp(fixtures.storm)
      .withXmp(xmp ?? '')
      .jpeg()
      .toBuffer();
    expect(readXmp((await sharp(jpeg).metadata()).xmp)).toEqual({ ...credits, hasGps: false });
  });

  it('reads attribute form, other prefixes, Alt languages and GPS hints', () => {
    const packet = `<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
      <rdf:Description rdf:about="" xmlns:ps="http://ns.adobe.com/photoshop/1.0/"
        xmlns:d="http://purl.org/dc/elements/1.1/" xmlns:exif="http://ns.adobe.com/exif/1.0/"
        ps:Credit="VnExpress &amp; đối tác" exif:GPSLatitude="21,1.8N" ps:DateCreated="2024-05-12T08:30:00+07:00">
        <d:description><rdf:Alt><rdf:li xml:lang="en">Opening</rdf:li><rdf:li xml:lang="x-default">Khai m&#7841;c</rdf:li></rdf:Alt></d:description>
        <d:creator><rdf:Seq><rdf:li>An</rdf:li><rdf:li>Bình</rdf:li></rdf:Seq></d:creator>
      </rdf:Description></rdf:RDF></x:xmpmeta>`;
    expect(readXmp(packet)).toEqual({
      caption: 'Khai mạc',
      byline: 'An, Bình',
      credit: 'VnExpress & đối tác',
      captureTime: '2024-05-12T08:30:00+07:00',
      hasGps: true,
    });
  });

  it('escapes, normalises to NFC and drops forbidden control characters', () => {
    expect(escapeXml('a<b>&"c\'\u0007'.concat('Nguyễn'.normalize('NFD')))).toBe(
      'a&lt;b&gt;&amp;&quot;c&apos;Nguyễn',
    );
    expect(buildXmp({ caption: '  ', byline: undefined })).toBeUndefined();
  });
});
