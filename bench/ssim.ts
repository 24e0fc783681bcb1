import sharp from 'sharp';

/*
 * SSIM on luma (Wang et al. 2004, constants K1 = 0.01, K2 = 0.03, L = 255) over 8×8 windows at a
 * stride of 4, computed here over sharp raw buffers so no external tool decides the score.
 */

/** An 8-bit luma plane. */
export interface LumaPlane {
  data: Float32Array;
  width: number;
  height: number;
}

/** Decodes raw interleaved 8-bit pixels into BT.601 luma. */
export function lumaOf(
  pixels: Uint8Array,
  width: number,
  height: number,
  channels: number,
): LumaPlane {
  const data = new Float32Array(width * height);
  for (let i = 0, p = 0; i < data.length; i += 1, p += channels) {
    const r = pixels[p] ?? 0;
    const g = channels >= 3 ? (pixels[p + 1] ?? 0) : r;
    const b = channels >= 3 ? (pixels[p + 2] ?? 0) : r;
    data[i] = 0.299 * r + 0.587 * g + 0.114 * b;
  }
  return { data, width, height };
}

/** Luma of an image file (already oriented as stored; outputs carry no orientation tag). */
export async function lumaOfFile(
  file: string,
  size?: { width: number; height: number },
): Promise<LumaPlane> {
  let pipeline = sharp(file).autoOrient().removeAlpha();
  if (size !== undefined) pipeline = pipeline.resize(size.width, size.height, { fit: 'fill' });
  const { data, info } = await pipeline.raw().toBuffer({ resolveWithObject: true });
  return lumaOf(data, info.width, info.height, info.channels);
}

const C1 = (0.01 * 255) ** 2;
const C2 = (0.03 * 255) ** 2;
const WINDOW = 8;
const STRIDE = 4;

/** Mean SSIM of two equally sized luma planes: 1 identical, lower is worse. */
export function ssim(a: LumaPlane, b: LumaPlane): number {
  if (a.width !== b.width || a.height !== b.height) {
    throw new Error(`size mismatch ${a.width}x${a.height} vs ${b.width}x${b.height}`);
  }
  const n = WINDOW * WINDOW;
  let total = 0;
  let windows = 0;
  for (let y = 0; y + WINDOW <= a.height; y += STRIDE) {
    for (let x = 0; x + WINDOW <= a.width; x += STRIDE) {
      let sa = 0;
      let sb = 0;
      let saa = 0;
      let sbb = 0;
      let sab = 0;
      for (let dy = 0; dy < WINDOW; dy += 1) {
        const row = (y + dy) * a.width + x;
        for (let dx = 0; dx < WINDOW; dx += 1) {
          const va = a.data[row + dx] ?? 0;
          const vb = b.data[row + dx] ?? 0;
          sa += va;
          sb += vb;
          saa += va * va;
          sbb += vb * vb;
          sab += va * vb;
        }
      }
      const ma = sa / n;
      const mb = sb / n;
      const va = saa / n - ma * ma;
      const vb = sbb / n - mb * mb;
      const cov = sab / n - ma * mb;
      total += ((2 * ma * mb + C1) * (2 * cov + C2)) / ((ma * ma + mb * mb + C1) * (va + vb + C2));
      windows += 1;
    }
  }
  return windows === 0 ? 1 : total / windows;
}

/**
 * The lossless reference for one original: full decode (no shrink-on-load), oriented, then one
 * Lanczos-3 resize to `longEdge`, kept as raw pixels (lossless, like a PNG, without the I/O).
 */
export async function referenceLuma(file: string, longEdge: number): Promise<LumaPlane> {
  const full = await sharp(file)
    .autoOrient()
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const { data, info } = await sharp(full.data, { raw: full.info })
    .resize(longEdge, longEdge, { fit: 'inside', kernel: 'lanczos3' })
    .raw()
    .toBuffer({ resolveWithObject: true });
  return lumaOf(data, info.width, info.height, info.channels);
}
