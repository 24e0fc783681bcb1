import sharp from 'sharp';

import { fixtures } from './photoKit';

const sources = Object.values(fixtures);

/**
 * A distinct real photo for `index`: one of the fixture photos, cropped at a different offset
 * and tinted, as a JPEG `width` px wide (upscaled when wider than the source, for the benchmark's
 * 1600 px). Distinct bytes, so each index is a different photo in the library.
 */
export async function photoBytes(index: number, width = 1200): Promise<Buffer> {
  const source = sources[index % sources.length] ?? fixtures.storm;
  const meta = await sharp(source).metadata();
  const sourceWidth = meta.width ?? 1200;
  const sourceHeight = meta.height ?? 800;
  const crop = Math.floor(sourceWidth * 0.9);
  const left = Math.floor(index * 7) % (sourceWidth - crop + 1);
  return sharp(source)
    .extract({ left, top: 0, width: crop, height: Math.floor(sourceHeight * 0.9) })
    .modulate({ hue: (index * 37) % 360, brightness: 1 + ((index % 5) - 2) / 50 })
    .resize({ width })
    .jpeg({ quality: 88 })
    .toBuffer();
}
