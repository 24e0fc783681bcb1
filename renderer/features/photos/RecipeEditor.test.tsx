import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';

import { defaultWebRecipe } from '../../../shared/photos/recipe';
import { initI18n } from '../../i18n';
import { ApiContext } from '../../lib/ApiContext';
import { FakePhotoApi, photoRecord, savedRecipe, uuid } from './fakePhotoApi';
import { PhotoDesk } from './PhotoDesk';

beforeAll(async () => {
  await initI18n('vi');
});
afterEach(cleanup);

const webId = uuid(501);
const socialId = uuid(502);

function deskWithRecipes(): FakePhotoApi {
  const api = new FakePhotoApi([photoRecord(uuid(1)), photoRecord(uuid(2))]);
  api.recipes = [
    savedRecipe(webId, { isDefault: true }),
    savedRecipe(socialId, {
      recipe: { ...defaultWebRecipe, name: 'Mạng xã hội', metadata: 'strip' },
    }),
  ];
  return api;
}

async function openEditor(api: FakePhotoApi): Promise<HTMLElement> {
  render(
    <ApiContext.Provider value={api}>
      <PhotoDesk />
    </ApiContext.Provider>,
  );
  await screen.findAllByTestId('photo-tile');
  await waitFor(() =>
    expect(screen.getByTestId('process-selected').textContent).toBe('Xử lý ảnh (công thức: Web)'),
  );
  fireEvent.click(screen.getByTestId('recipe-open'));
  return screen.findByTestId('recipe-editor');
}

describe('RecipeEditor', () => {
  it('duplicates Web, renames it, changes quality, adds a 300 KB target and saves', async () => {
    const api = deskWithRecipes();
    const editor = await openEditor(api);
    // Portalled into <body>, outside the desk's columns.
    expect(editor.closest('.photo-desk')).toBeNull();
    expect(screen.getAllByTestId('recipe-item')[0]?.textContent).toContain('Mặc định');

    fireEvent.click(screen.getByTestId('recipe-duplicate'));
    await waitFor(() => expect(screen.getAllByTestId('recipe-item')).toHaveLength(3));
    const name = screen.getByTestId<HTMLInputElement>('recipe-name');
    expect(name.value).toBe('Web (bản sao)');
    const copy = api.recipes[2];
    expect(copy?.isDefault).toBe(false);

    fireEvent.change(name, { target: { value: 'Trang nhất' } });
    fireEvent.change(screen.getAllByTestId('recipe-output-quality')[0] as HTMLElement, {
      target: { value: '75' },
    });
    fireEvent.change(screen.getAllByTestId('recipe-output-target-kb')[0] as HTMLElement, {
      target: { value: '300' },
    });
    fireEvent.click(screen.getByTestId('recipe-add-output'));
    const rows = screen.getAllByTestId('recipe-output-row');
    expect(rows).toHaveLength(4);
    fireEvent.change(within(rows[3] as HTMLElement).getByTestId('recipe-output-format'), {
      target: { value: 'avif' },
    });
    fireEvent.change(within(rows[3] as HTMLElement).getByTestId('recipe-output-edge'), {
      target: { value: '1200' },
    });
    fireEvent.click(screen.getByTestId('recipe-metadata-strip'));
    const pattern = screen.getByTestId<HTMLInputElement>('recipe-pattern');
    fireEvent.change(pattern, { target: { value: '{slug}-' } });
    pattern.setSelectionRange(7, 7);
    fireEvent.click(screen.getByTestId('recipe-chip-width'));
    expect(pattern.value).toBe('{slug}-{width}');
    expect(screen.getByTestId('recipe-example').textContent).toBe('ky-hop-hdnd-1600.jpg');

    fireEvent.click(screen.getByTestId('recipe-save'));
    await screen.findByText('Đã lưu công thức.');
    const saves = api.callsOf('recipes.save');
    expect(saves).toHaveLength(2);
    const last = saves[1];
    expect(last?.id).toBe(copy?.id);
    expect(last?.recipe).toEqual({
      ...defaultWebRecipe,
      name: 'Trang nhất',
      metadata: 'strip',
      fileNamePattern: '{slug}-{width}',
      outputs: [
        { ...defaultWebRecipe.outputs[0], quality: 75, targetMaxBytes: 300_000 },
        defaultWebRecipe.outputs[1],
        defaultWebRecipe.outputs[2],
        { format: 'avif', longEdge: 1200, quality: 50, effort: 4, overlays: true },
      ],
    });
    expect(screen.getAllByTestId('recipe-item')[2]?.textContent).toContain('Trang nhất');
    expect(within(screen.getByTestId('recipe-select')).getByText('Trang nhất')).toBeInstanceOf(
      HTMLOptionElement,
    );
  });

  it('shows the Vietnamese message for an invalid quality and does not save', async () => {
    const api = deskWithRecipes();
    await openEditor(api);
    fireEvent.change(screen.getAllByTestId('recipe-output-quality')[1] as HTMLElement, {
      target: { value: '140' },
    });
    fireEvent.change(screen.getByTestId('recipe-pattern'), { target: { value: '{slug}-{ngay}' } });
    fireEvent.click(screen.getByTestId('recipe-save'));
    expect(await screen.findByText('Chất lượng từ 1 đến 100')).toBeTruthy();
    expect(screen.getByText('Biến {ngay} không có; chỉ dùng các biến bên dưới')).toBeTruthy();
    expect(api.callsOf('recipes.save')).toEqual([]);
  });

  it('shows the main side’s message when it refuses the recipe', async () => {
    const api = deskWithRecipes();
    api.failures['recipes.save'] = { code: 'invalid_input', message: 'Tên công thức đã có.' };
    await openEditor(api);
    fireEvent.click(screen.getByTestId('recipe-save'));
    expect((await screen.findByTestId('recipe-message')).textContent).toBe('Tên công thức đã có.');
  });

  it('does not delete the default; deletes another after confirmation', async () => {
    const api = deskWithRecipes();
    await openEditor(api);
    const remove = screen.getByTestId<HTMLButtonElement>('recipe-delete');
    expect(remove.disabled).toBe(true);
    expect(screen.getByTestId<HTMLButtonElement>('recipe-set-default').disabled).toBe(true);
    fireEvent.click(remove);
    expect(screen.queryByTestId('recipe-delete-confirm')).toBeNull();

    fireEvent.click(screen.getAllByTestId('recipe-item')[1] as HTMLElement);
    expect(screen.getByTestId<HTMLInputElement>('recipe-name').value).toBe('Mạng xã hội');
    fireEvent.click(screen.getByTestId('recipe-delete'));
    fireEvent.click(screen.getByTestId('recipe-delete-confirm'));
    await waitFor(() => expect(screen.getAllByTestId('recipe-item')).toHaveLength(1));
    expect(api.callsOf('recipes.delete')).toEqual([{ id: socialId }]);
    expect(api.callsOf('recipes.delete').some((input) => input.id === webId)).toBe(false);
  });

  it('sends the chosen recipeId with the batch and can make it the default', async () => {
    const api = deskWithRecipes();
    api.job = {
      jobId: uuid(900),
      state: 'queued',
      stateMessage: null,
      outDir: 'D:\\Newsdesk\\xuat-anh',
      total: 2,
      done: 0,
      failed: 0,
      skipped: 0,
      etaSeconds: null,
      items: [],
    };
    await openEditor(api);
    fireEvent.click(screen.getAllByTestId('recipe-item')[1] as HTMLElement);
    fireEvent.click(screen.getByTestId('recipe-set-default'));
    await waitFor(() =>
      expect(screen.getAllByTestId('recipe-item')[1]?.textContent).toContain('Mặc định'),
    );
    fireEvent.click(screen.getByTestId('recipe-close'));
    expect(screen.queryByTestId('recipe-editor')).toBeNull();

    fireEvent.change(screen.getByTestId('recipe-select'), { target: { value: webId } });
    expect(screen.getByTestId('process-selected').textContent).toBe('Xử lý ảnh (công thức: Web)');
    fireEvent.change(screen.getByTestId('recipe-select'), { target: { value: socialId } });
    expect(screen.getByTestId('process-selected').textContent).toBe(
      'Xử lý ảnh (công thức: Mạng xã hội)',
    );
    fireEvent.click(screen.getByTestId('photo-select-all'));
    fireEvent.click(screen.getByTestId('process-selected'));
    fireEvent.click(await screen.findByTestId('uncaptioned-go-on'));
    await waitFor(() => expect(api.callsOf('photos.process')).toHaveLength(1));
    expect(api.callsOf('photos.process')[0]).toEqual({
      ids: [uuid(1), uuid(2)],
      existingPolicy: 'rename',
      recipeId: socialId,
    });
  });
});
