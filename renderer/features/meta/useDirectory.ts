import { useCallback, useEffect, useState } from 'react';

import type { AuthorProfile, Category } from '../../../shared/domain/article';
import { callOrThrow } from '../../lib/api';
import { useApi } from '../../lib/ApiContext';

/** Author profiles and categories for the pickers, with a way to add to them. */
export function useDirectory() {
  const api = useApi();
  const [authors, setAuthors] = useState<AuthorProfile[]>([]);
  const [categories, setCategories] = useState<Category[]>([]);

  const reload = useCallback(async () => {
    const [loadedAuthors, loadedCategories] = await Promise.all([
      callOrThrow(api, 'authors.list', {}),
      callOrThrow(api, 'categories.list', {}),
    ]);
    setAuthors(loadedAuthors);
    setCategories(loadedCategories);
  }, [api]);

  useEffect(() => {
    // A failed load leaves the pickers empty; the editor still works and saving is unaffected.
    reload().catch(() => undefined);
  }, [reload]);

  const addAuthor = useCallback(
    async (name: string, position: string) => {
      const author = await callOrThrow(api, 'authors.save', { name, position });
      await reload();
      return author;
    },
    [api, reload],
  );

  const addCategory = useCallback(
    async (title: string) => {
      const category = await callOrThrow(api, 'categories.save', { title });
      await reload();
      return category;
    },
    [api, reload],
  );

  return { authors, categories, addAuthor, addCategory };
}
