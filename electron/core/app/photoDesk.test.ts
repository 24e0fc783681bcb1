import fs from 'node:fs';
import path from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { emptyMeta } from '../../../shared/domain/article';
import { callCore, openTestCore } from '../../../tests/support/testCore';
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

describe('photo desk through the contract', () => {
  it('imports, captions with codes, processes a batch with the Web recipe and tracks usage', async () => {
    core = openTestCore();
    const report = await callCore(core, 'photos.import', {
      files: [
        file('storm-canon-400d.jpg'),
        file('ladybird.jpg'),
        {
          name: 'z4509060236637_cee53aff582f33e127acb052f924c3c7.jpg',
          dataBase64: Buffer.from('không phải ảnh').toString('base64'),
        },
      ],
      event: 'Kỳ họp HĐND tỉnh',
    });
    expect(report.imported).toHaveLength(2);
    expect(report.failed).toEqual([
      expect.objectContaining({
        name: 'z4509060236637_cee53aff582f33e127acb052f924c3c7.jpg',
        message: expect.stringContaining('không phải là ảnh'),
      }),
    ]);
    const again = await callCore(core, 'photos.import', { files: [file('ladybird.jpg')] });
    expect(again.duplicates).toHaveLength(1);

    await callCore(core, 'photos.setCode', {
      code: 'hd',
      expansion: 'Hoàng Trung Dũng - Ủy viên Trung ương Đảng, Bí thư Tỉnh ủy',
    });
    const ids = report.imported.map((photo) => photo.id);
    const captioned = await callCore(core, 'photos.updateCaptions', {
      ids,
      caption: 'Đồng chí \\hd\\ phát biểu',
      byline: 'Minh Anh',
    });
    expect(captioned.map((photo) => photo.caption)).toEqual([
      'Đồng chí Hoàng Trung Dũng - Ủy viên Trung ương Đảng, Bí thư Tỉnh ủy phát biểu',
      'Đồng chí Hoàng Trung Dũng - Ủy viên Trung ương Đảng, Bí thư Tỉnh ủy phát biểu',
    ]);
    expect((await callCore(core, 'photos.list', { captioned: false })).total).toBe(0);
    expect((await callCore(core, 'photos.events', {})).map((entry) => entry.event)).toEqual([
      'Kỳ họp HĐND tỉnh',
    ]);

    const { jobId } = await callCore(core, 'photos.process', { ids });
    let status = await callCore(core, 'jobs.status', { jobId });
    for (let i = 0; i < 300 && (status.state === 'running' || status.state === 'queued'); i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      status = await callCore(core, 'jobs.status', { jobId });
    }
    expect(status.state).toBe('done');
    expect(status.done).toBe(2);
    expect(status.items.map((item) => item.name).sort()).toEqual([
      'ladybird.jpg',
      'storm-canon-400d.jpg',
    ]);
    const outputs = status.items.flatMap((item) => item.outputs);
    expect(outputs).toHaveLength(6);
    expect(outputs.map((output) => output.format).sort()).toEqual([
      'jpeg',
      'jpeg',
      'jpeg',
      'jpeg',
      'webp',
      'webp',
    ]);
    for (const output of outputs) expect(fs.existsSync(output.path)).toBe(true);
    expect(status.outDir.startsWith(core.paths.outputs)).toBe(true);
    expect(path.basename(status.outDir)).toMatch(/^\d{4}-\d{2}-\d{2}-ky-hop-hdnd-tinh$/);

    const article = await callCore(core, 'articles.create', {});
    const [first] = report.imported;
    await callCore(core, 'articles.save', {
      id: article.id,
      title: 'Kỳ họp',
      meta: emptyMeta(),
      body: {
        type: 'doc',
        content: [{ type: 'figure', attrs: { mediaPath: first?.mediaPath, alt: 'x', credit: '' } }],
      },
      baseVersion: 0,
    });
    const used = await callCore(core, 'photos.list', { usedIn: article.id });
    expect(used.photos.map((photo) => photo.id)).toEqual([first?.id]);
    expect((await callCore(core, 'photos.list', { unused: true })).total).toBe(1);
  });

  it('keeps named recipes, with Web as the default, and runs a batch with a chosen one', async () => {
    core = openTestCore();
    const [web] = await callCore(core, 'recipes.list', {});
    expect(web).toMatchObject({ name: 'Web', isDefault: true });
    const small = await callCore(core, 'recipes.save', {
      recipe: {
        name: 'Ảnh nhỏ 800',
        resize: { mode: 'longEdge', longEdge: 800 },
        outputs: [{ format: 'jpeg', longEdge: 800, quality: 70, targetMaxBytes: 150_000 }],
      },
    });
    expect(small.recipe.outputs[0]).toMatchObject({ format: 'jpeg', longEdge: 800, quality: 70 });
    const refused = await core.dispatch(
      'recipes.delete',
      { id: web?.id ?? '' },
      { shell: 'browser' },
    );
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const reordered = await callCore(core, 'recipes.setDefault', { id: small.id });
    expect(reordered.map((recipe) => [recipe.name, recipe.isDefault])).toEqual([
      ['Ảnh nhỏ 800', true],
      ['Web', false],
    ]);

    const report = await callCore(core, 'photos.import', { files: [file('dune-canon-rebel.jpg')] });
    const { jobId } = await callCore(core, 'photos.process', {
      ids: report.imported.map((photo) => photo.id),
    });
    let status = await callCore(core, 'jobs.status', { jobId });
    for (let i = 0; i < 300 && (status.state === 'running' || status.state === 'queued'); i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      status = await callCore(core, 'jobs.status', { jobId });
    }
    const outputs = status.items.flatMap((item) => item.outputs);
    expect(outputs).toHaveLength(1);
    expect(Math.max(outputs[0]?.width ?? 0, outputs[0]?.height ?? 0)).toBe(800);
    expect(outputs[0]?.bytes).toBeLessThanOrEqual(150_000);
  });
});
