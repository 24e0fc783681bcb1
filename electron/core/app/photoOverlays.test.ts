import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';

import { callCore, openTestCore } from '../../../tests/support/testCore';
import { readIptc } from '../photos/iptc';
import { meanDifference } from '../../../tests/support/photoKit';
import type { Core } from './createCore';

const fixtures = path.resolve(import.meta.dirname, '../../../tests/fixtures/photos');
let core: Core | null = null;
afterEach(async () => {
  await core?.close();
  core = null;
});

const file = (name: string) => ({
  name,
  dataBase64: fs.readFileSync(path.join(fixtures, name)).toString('base64'),
});

async function runToEnd(open: Core, ids: string[], recipeId: string) {
  const { jobId } = await callCore(open, 'photos.process', { ids, recipeId });
  let status = await callCore(open, 'jobs.status', { jobId });
  for (let i = 0; i < 300 && (status.state === 'running' || status.state === 'queued'); i += 1) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    status = await callCore(open, 'jobs.status', { jobId });
  }
  expect(status.state).toBe('done');
  return status.items.flatMap((item) => item.outputs);
}

/** A red "logo" with a transparent margin, as a newsroom's PNG would be. */
async function logoPng(): Promise<Buffer> {
  return sharp({
    create: { width: 200, height: 100, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } },
  })
    .composite([
      {
        input: await sharp({
          create: { width: 180, height: 80, channels: 4, background: '#d00000' },
        })
          .png()
          .toBuffer(),
        left: 10,
        top: 10,
      },
    ])
    .png()
    .toBuffer();
}

describe('watermark logos, the bundled font, focal points and IPTC through the contract', () => {
  it('imports a logo by bytes, stamps it and the byline with the bundled font', async () => {
    core = openTestCore();
    const png = await logoPng();
    const logo = await callCore(core, 'logos.import', {
      fileName: 'Logo Báo.png',
      dataBase64: png.toString('base64'),
    });
    expect(logo).toMatchObject({ name: 'Logo Báo.png', width: 200, height: 100, hasAlpha: true });
    expect(logo.mediaPath).toBe(`logos/${logo.id}.png`);
    // The same bytes again: one logo.
    await callCore(core, 'logos.import', {
      fileName: 'copy.png',
      dataBase64: png.toString('base64'),
    });
    expect(await callCore(core, 'logos.list', {})).toHaveLength(1);

    // A JPEG, or text named .png, is refused with a message that says what to do.
    const jpeg = await core.dispatch(
      'logos.import',
      { fileName: 'logo.png', dataBase64: file('ladybird.jpg').dataBase64 },
      { shell: 'browser' },
    );
    expect(jpeg).toMatchObject({ ok: false, error: { message: expect.stringContaining('PNG') } });

    const report = await callCore(core, 'photos.import', { files: [file('storm-canon-400d.jpg')] });
    const ids = report.imported.map((photo) => photo.id);
    await callCore(core, 'photos.updateCaptions', { ids, byline: 'Nguyễn Thị Hường' });
    const plain = await callCore(core, 'recipes.save', {
      recipe: { name: 'Không dấu', outputs: [{ format: 'jpeg', quality: 95 }] },
    });
    const stamped = await callCore(core, 'recipes.save', {
      recipe: {
        name: 'Có logo',
        outputs: [{ format: 'jpeg', quality: 95 }],
        watermark: { logoId: logo.id, opacity: 1, position: 'top-right', widthRatio: 0.2 },
        textOverlay: { template: 'Ảnh: {byline}', sizeRatio: 0.04 },
      },
    });
    expect(stamped.recipe.textOverlay?.fontFamily).toBe('Be Vietnam Pro');
    const [before] = await runToEnd(core, ids, plain.id);
    const [after] = await runToEnd(core, ids, stamped.id);
    const region = async (left: number, top: number, width: number, height: number) => {
      const [a, b] = await Promise.all(
        [before?.path ?? '', after?.path ?? ''].map((out) =>
          sharp(out).extract({ left, top, width, height }).raw().toBuffer(),
        ),
      );
      return meanDifference(a ?? Buffer.alloc(0), b ?? Buffer.alloc(0));
    };
    // 1200×800: the logo is 240 px wide, 24 px from the top-right corner; red on a grey sky.
    expect(await region(1200 - 24 - 200, 40, 150, 60)).toBeGreaterThan(20);
    expect(await region(30, 800 - 24 - 40, 300, 36)).toBeGreaterThan(3);
    expect(await region(500, 300, 200, 200)).toBeLessThan(1.5);
  });

  it('refuses a batch whose logo is gone from the library, naming the recipe', async () => {
    core = openTestCore();
    const report = await callCore(core, 'photos.import', { files: [file('ladybird.jpg')] });
    const recipe = await callCore(core, 'recipes.save', {
      recipe: {
        name: 'Logo cũ',
        outputs: [{ format: 'jpeg' }],
        watermark: { logoId: 'f'.repeat(64) },
      },
    });
    const result = await core.dispatch(
      'photos.process',
      { ids: report.imported.map((photo) => photo.id), recipeId: recipe.id },
      { shell: 'browser' },
    );
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'not_found', message: expect.stringContaining('Logo cũ') },
    });
  });

  it('crops around the focal point the editor set on the photo', async () => {
    core = openTestCore();
    const report = await callCore(core, 'photos.import', { files: [file('storm-canon-400d.jpg')] });
    const ids = report.imported.map((photo) => photo.id);
    const [updated] = await callCore(core, 'photos.setFocalPoint', {
      ids,
      focalPoint: { x: 1, y: 0.5 },
    });
    expect(updated?.focalPoint).toEqual({ x: 1, y: 0.5 });
    const square = await callCore(core, 'recipes.save', {
      recipe: {
        name: 'Vuông',
        crop: { aspect: '1:1' },
        outputs: [{ format: 'jpeg', longEdge: 200, quality: 92 }],
      },
    });
    const [right] = await runToEnd(core, ids, square.id);
    expect(right).toMatchObject({ width: 200, height: 200 });
    const expected = await sharp(path.join(fixtures, 'storm-canon-400d.jpg'))
      .extract({ left: 400, top: 0, width: 800, height: 800 })
      .resize(200, 200)
      .raw()
      .toBuffer();
    const actual = await sharp(right?.path).raw().toBuffer();
    expect(meanDifference(expected, actual)).toBeLessThan(6);

    // Cleared: back to the centre, which differs from the right edge.
    await callCore(core, 'photos.setFocalPoint', { ids, focalPoint: null });
    const [centre] = await runToEnd(core, ids, square.id);
    const centred = await sharp(centre?.path).raw().toBuffer();
    expect(meanDifference(expected, centred)).toBeGreaterThan(6);
  });

  it('writes caption, byline and credit as IPTC-IIM (UTF-8) next to XMP, and not when stripping', async () => {
    core = openTestCore();
    const report = await callCore(core, 'photos.import', { files: [file('ladybird.jpg')] });
    const ids = report.imported.map((photo) => photo.id);
    const caption = 'Bí thư Tỉnh ủy Hoàng Trung Dũng phát biểu tại Lớp Bồi dưỡng';
    await callCore(core, 'photos.updateCaptions', {
      ids,
      caption,
      byline: 'Nguyễn Thị Hường',
      credit: 'Báo Hà Tĩnh',
    });
    const [web] = await callCore(core, 'recipes.list', {});
    const outputs = await runToEnd(core, ids, web?.id ?? '');
    const jpegs = outputs.filter((output) => output.format === 'jpeg');
    expect(jpegs.length).toBeGreaterThan(0);
    for (const output of jpegs) {
      const meta = await sharp(output.path).metadata();
      expect(readIptc(meta.iptc)).toMatchObject({
        caption,
        byline: 'Nguyễn Thị Hường',
        credit: 'Báo Hà Tĩnh',
      });
      expect(meta.xmp?.toString('utf8')).toContain('Hường');
    }
    // An independent reader agrees, when exiftool is installed (CI installs it).
    if (hasExiftool()) {
      const read = JSON.parse(
        execFileSync(
          'exiftool',
          ['-j', '-IPTC:All', '-charset', 'iptc=UTF8', jpegs[0]?.path ?? ''],
          {
            encoding: 'utf8',
          },
        ),
      ) as Array<Record<string, unknown>>;
      expect(read[0]).toMatchObject({
        'Caption-Abstract': caption,
        'By-line': 'Nguyễn Thị Hường',
        Credit: 'Báo Hà Tĩnh',
        CodedCharacterSet: 'UTF8',
      });
    }

    const strip = await callCore(core, 'recipes.save', {
      recipe: { name: 'Xoá hết', metadata: 'strip', outputs: [{ format: 'jpeg' }] },
    });
    const [stripped] = await runToEnd(core, ids, strip.id);
    expect((await sharp(stripped?.path).metadata()).iptc).toBeUndefined();
  });
});

function hasExiftool(): boolean {
  try {
    execFileSync('exiftool', ['-ver'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
