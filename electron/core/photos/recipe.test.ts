import { describe, expect, it } from 'vitest';

import { aspectRatio, cropRect, fitInside, planGeometry } from './geometry';
import { defaultWebRecipe, parseRecipe, recipeSchema } from '../../../shared/photos/recipe';

describe('recipe schema', () => {
  it('ships the Web recipe the brief asks for', () => {
    expect(defaultWebRecipe.autoOrient).toBe(true);
    expect(defaultWebRecipe.metadata).toBe('keep-credits');
    expect(defaultWebRecipe.outputs).toEqual([
      expect.objectContaining({ format: 'jpeg', longEdge: 1600, quality: 82, progressive: true }),
      expect.objectContaining({ format: 'webp', longEdge: 1600, quality: 80, effort: 4 }),
      expect.objectContaining({ format: 'jpeg', longEdge: 400, overlays: false }),
    ]);
  });

  it('fills defaults so callers can send a short recipe', () => {
    const recipe = parseRecipe({ name: 'Tối giản', outputs: [{ format: 'avif' }] });
    expect(recipe.crop).toEqual({
      aspect: 'free',
      strategy: 'focal',
      focalPoint: { x: 0.5, y: 0.5 },
    });
    expect(recipe.resize).toEqual({ mode: 'none' });
    expect(recipe.outputs[0]).toMatchObject({ format: 'avif', quality: 50, overlays: true });
    expect(recipe.fileNamePattern).toBe('{slug}-{seq}-{width}');
  });

  it('rejects unknown file-name variables, bad focal points and empty output lists', () => {
    const base = { name: 'x', outputs: [{ format: 'jpeg' }] };
    expect(recipeSchema.safeParse({ ...base, fileNamePattern: '{slug}-{camera}' }).success).toBe(
      false,
    );
    expect(
      recipeSchema.safeParse({ ...base, crop: { aspect: '1:1', focalPoint: { x: 1.2, y: 0 } } })
        .success,
    ).toBe(false);
    expect(recipeSchema.safeParse({ ...base, outputs: [] }).success).toBe(false);
    expect(recipeSchema.safeParse({ ...base, textOverlay: { color: 'red' } }).success).toBe(false);
  });
});

describe('geometry', () => {
  it('crops the largest rectangle of the aspect around the focal point, kept inside the image', () => {
    const size = { width: 1200, height: 800 };
    expect(cropRect(size, aspectRatio('16:9'), { x: 0.5, y: 0.5 })).toEqual({
      left: 0,
      top: 63,
      width: 1200,
      height: 675,
    });
    expect(cropRect(size, aspectRatio('1:1'), { x: 0, y: 0.5 })).toEqual({
      left: 0,
      top: 0,
      width: 800,
      height: 800,
    });
    expect(cropRect(size, aspectRatio('1:1'), { x: 0.9, y: 0.5 })).toMatchObject({ left: 400 });
    expect(cropRect(size, undefined, { x: 0.2, y: 0.2 })).toEqual({ left: 0, top: 0, ...size });
  });

  it('never enlarges', () => {
    expect(fitInside({ width: 300, height: 200 }, { width: 1600, height: 1600 })).toEqual({
      width: 300,
      height: 200,
    });
    expect(fitInside({ width: 4000, height: 3000 }, { width: 1600, height: 1600 })).toEqual({
      width: 1600,
      height: 1200,
    });
  });

  it('plans every output and decodes once at the largest', () => {
    const plan = planGeometry({ width: 4000, height: 3000 }, defaultWebRecipe);
    expect(plan.outputs.map((o) => o.size)).toEqual([
      { width: 1600, height: 1200 },
      { width: 1600, height: 1200 },
      { width: 400, height: 300 },
    ]);
    expect(plan.base).toEqual({ width: 1600, height: 1200 });

    const boxed = parseRecipe({
      name: 'box',
      resize: { mode: 'box', width: 1000, height: 500 },
      crop: { aspect: '4:3' },
      outputs: [{ format: 'jpeg' }, { format: 'webp', longEdge: 200 }],
    });
    const boxedPlan = planGeometry({ width: 3000, height: 3000 }, boxed);
    expect(boxedPlan.crop).toMatchObject({ width: 3000, height: 2250 });
    expect(boxedPlan.outputs.map((o) => o.size)).toEqual([
      { width: 667, height: 500 },
      { width: 200, height: 150 },
    ]);
  });
});
