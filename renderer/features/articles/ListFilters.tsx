import { useTranslation } from 'react-i18next';

import type { ArticleStatus, AuthorProfile, Category } from '../../../shared/domain/article';
import { articleStatuses } from '../../../shared/domain/article';

/** What the article list is filtered and sorted by. */
export interface ListFilter {
  /** The workflow state, or null for any. */
  status: ArticleStatus | null;
  authorId: string | null;
  categoryId: string | null;
  period: 'all' | 'today' | 'week' | 'month';
  sort: 'updated' | 'created' | 'title';
}

/** Nothing filtered, newest edits first. */
export const defaultFilter: ListFilter = {
  status: null,
  authorId: null,
  categoryId: null,
  period: 'all',
  sort: 'updated',
};

const day = 24 * 60 * 60 * 1000;

/** The `articles.list` input for a filter, with the period counted back from `now` in Vietnam time. */
export function toListInput(filter: ListFilter, now: number) {
  const vietnamMidnight = Math.floor((now + 7 * 3600 * 1000) / day) * day - 7 * 3600 * 1000;
  const from =
    filter.period === 'today'
      ? vietnamMidnight
      : filter.period === 'week'
        ? vietnamMidnight - 6 * day
        : filter.period === 'month'
          ? vietnamMidnight - 29 * day
          : undefined;
  return {
    sort: filter.sort,
    ...(filter.status ? { status: filter.status } : {}),
    ...(filter.authorId ? { authorId: filter.authorId } : {}),
    ...(filter.categoryId ? { categoryId: filter.categoryId } : {}),
    ...(from !== undefined ? { updatedFrom: from } : {}),
  };
}

/** Filter and sort controls above the article list. */
export function ListFilters({
  filter,
  authors,
  categories,
  onChange,
}: {
  filter: ListFilter;
  authors: AuthorProfile[];
  categories: Category[];
  onChange: (filter: ListFilter) => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="list-filters">
      <select
        aria-label={t('workflow.filterStatus')}
        data-testid="filter-status"
        className="filter-status"
        value={filter.status ?? ''}
        onChange={(event) =>
          onChange({
            ...filter,
            status: articleStatuses.find((status) => status === event.target.value) ?? null,
          })
        }
      >
        <option value="">{t('workflow.allStatuses')}</option>
        {articleStatuses.map((status) => (
          <option key={status} value={status}>
            {t(`vocab.status.${status}`)}
          </option>
        ))}
      </select>
      <select
        aria-label={t('filters.author')}
        data-testid="filter-author"
        value={filter.authorId ?? ''}
        onChange={(event) => onChange({ ...filter, authorId: event.target.value || null })}
      >
        <option value="">{t('filters.allAuthors')}</option>
        {authors.map((author) => (
          <option key={author.id} value={author.id}>
            {author.name}
          </option>
        ))}
      </select>
      <select
        aria-label={t('filters.category')}
        data-testid="filter-category"
        value={filter.categoryId ?? ''}
        onChange={(event) => onChange({ ...filter, categoryId: event.target.value || null })}
      >
        <option value="">{t('filters.allCategories')}</option>
        {categories.map((category) => (
          <option key={category.id} value={category.id}>
            {category.title}
          </option>
        ))}
      </select>
      <select
        aria-label={t('filters.period')}
        data-testid="filter-period"
        value={filter.period}
        onChange={(event) =>
          onChange({ ...filter, period: event.target.value as ListFilter['period'] })
        }
      >
        <option value="all">{t('filters.anyTime')}</option>
        <option value="today">{t('filters.today')}</option>
        <option value="week">{t('filters.week')}</option>
        <option value="month">{t('filters.month')}</option>
      </select>
      <select
        aria-label={t('filters.sort')}
        data-testid="filter-sort"
        value={filter.sort}
        onChange={(event) =>
          onChange({ ...filter, sort: event.target.value as ListFilter['sort'] })
        }
      >
        <option value="updated">{t('filters.sortUpdated')}</option>
        <option value="created">{t('filters.sortCreated')}</option>
        <option value="title">{t('filters.sortTitle')}</option>
      </select>
    </div>
  );
}
