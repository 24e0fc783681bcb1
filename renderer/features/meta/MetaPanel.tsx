import { memo, useState } from 'react';
import { useTranslation } from 'react-i18next';

import type {
  ArticleMeta,
  AuthorProfile,
  Category,
  FeaturedImage,
} from '../../../shared/domain/article';
import { formatByline } from '../../../shared/domain/article';
import { formatDateTimeInput, parseDateTimeInput } from '../../../shared/vietnamese/dates';
import { articleSlug, isValidSlug } from '../../../shared/vietnamese/slug';
import { usePortalTags } from './usePortalTags';
import { Field } from '../../lib/Field';

/** A photo in the body that can become the featured image. */
export interface FigureChoice {
  mediaPath: string;
  alt: string;
  caption: string;
}

/** The article's fields: slug, category, tags, author, source, times, featured image. */
export const MetaPanel = memo(function MetaPanel({
  meta,
  title,
  authors,
  categories,
  figures,
  onChange,
  onAddAuthor,
  onAddCategory,
}: {
  meta: ArticleMeta;
  title: string;
  authors: AuthorProfile[];
  categories: Category[];
  figures: FigureChoice[];
  onChange: (patch: Partial<ArticleMeta>) => void;
  onAddAuthor: (name: string, position: string) => Promise<AuthorProfile>;
  /** Absent for roles that may not add categories (the «+» is then hidden). */
  onAddCategory?: (title: string) => Promise<Category>;
}) {
  const { t } = useTranslation();
  const slug = meta.slugLocked ? meta.slug : articleSlug(title);
  return (
    <div className="meta-panel" data-testid="meta-panel">
      <Field
        label={t('meta.slug')}
        hint={meta.slugLocked ? t('meta.slugLocked') : t('meta.slugAuto')}
      >
        <div className="slug-row">
          <input
            data-testid="meta-slug"
            value={slug}
            spellCheck={false}
            onChange={(event) => onChange({ slug: event.target.value, slugLocked: true })}
            onBlur={(event) =>
              onChange({
                slug: articleSlug(event.target.value),
                slugLocked: event.target.value !== '',
              })
            }
            aria-invalid={slug !== '' && !isValidSlug(slug)}
          />
          {meta.slugLocked ? (
            <button
              type="button"
              className="link-button"
              onClick={() => onChange({ slug: '', slugLocked: false })}
            >
              {t('meta.slugReset')}
            </button>
          ) : null}
        </div>
      </Field>

      <Field label={t('meta.category')}>
        <AddableSelect
          testId="meta-category"
          value={meta.categoryId}
          options={categories.map((category) => ({ value: category.id, label: category.title }))}
          placeholder={t('meta.choose')}
          addLabel={t('meta.addCategory')}
          onChange={(categoryId) => onChange({ categoryId })}
          {...(onAddCategory
            ? { onAdd: async (text: string) => (await onAddCategory(text)).id }
            : {})}
        />
      </Field>

      <Field label={t('meta.author')}>
        <AddableSelect
          testId="meta-author"
          value={meta.authorId}
          options={authors.map((author) => ({ value: author.id, label: formatByline(author) }))}
          placeholder={t('meta.choose')}
          addLabel={t('meta.addAuthor')}
          addHint={t('meta.addAuthorHint')}
          onChange={(authorId) => onChange({ authorId })}
          onAdd={async (text) => {
            const [name = '', ...rest] = text.split(' - ');
            return (await onAddAuthor(name.trim(), rest.join(' - ').trim())).id;
          }}
        />
      </Field>

      <Field label={t('meta.tags')} hint={t('meta.tagsHint')}>
        <TagsInput tags={meta.tags} onChange={(tags) => onChange({ tags })} />
      </Field>

      <Field label={t('meta.source')}>
        <input
          data-testid="meta-source"
          value={meta.source}
          onChange={(event) => onChange({ source: event.target.value })}
        />
      </Field>

      <Field label={t('meta.publishAt')} hint={t('meta.timeHint')}>
        <TimeInput
          testId="meta-publish"
          value={meta.publishAt}
          onChange={(publishAt) => onChange({ publishAt })}
        />
      </Field>
      <Field label={t('meta.expireAt')} hint={t('meta.expireHint')}>
        <TimeInput
          testId="meta-expire"
          value={meta.expireAt}
          onChange={(expireAt) => onChange({ expireAt })}
        />
      </Field>

      <Field label={t('meta.featured')}>
        <FeaturedPicker
          featured={meta.featuredImage}
          figures={figures}
          onChange={(featuredImage) => onChange({ featuredImage })}
        />
      </Field>
    </div>
  );
});

function AddableSelect({
  value,
  options,
  placeholder,
  addLabel,
  addHint,
  testId,
  onChange,
  onAdd,
}: {
  value: string | null;
  options: Array<{ value: string; label: string }>;
  placeholder: string;
  addLabel: string;
  addHint?: string;
  testId: string;
  onChange: (value: string | null) => void;
  /** Without it the list cannot be added to from here. */
  onAdd?: (text: string) => Promise<string>;
}) {
  const [adding, setAdding] = useState(false);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  if (adding && onAdd) {
    return (
      <span className="add-row">
        <input
          autoFocus
          data-testid={`${testId}-new`}
          value={text}
          placeholder={addHint ?? addLabel}
          onChange={(event) => setText(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Escape') setAdding(false);
            if (event.key === 'Enter' && text.trim()) {
              event.preventDefault();
              onAdd(text.trim()).then(
                (id) => {
                  onChange(id);
                  setAdding(false);
                  setText('');
                  setError(null);
                },
                (failure: unknown) =>
                  setError(failure instanceof Error ? failure.message : String(failure)),
              );
            }
          }}
        />
        {error ? (
          <span className="field-error" role="alert">
            {error}
          </span>
        ) : null}
      </span>
    );
  }
  return (
    <span className="add-row">
      <select
        data-testid={testId}
        value={value ?? ''}
        onChange={(event) => onChange(event.target.value === '' ? null : event.target.value)}
      >
        <option value="">{placeholder}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      {onAdd ? (
        <button
          type="button"
          className="icon-button"
          title={addLabel}
          aria-label={addLabel}
          data-testid={`${testId}-add`}
          onClick={() => setAdding(true)}
        >
          +
        </button>
      ) : null}
    </span>
  );
}

function TagsInput({ tags, onChange }: { tags: string[]; onChange: (tags: string[]) => void }) {
  const [draft, setDraft] = useState('');
  const suggestions = usePortalTags().filter((tag) => !tags.includes(tag));
  const commit = (): void => {
    const added = draft
      .split(',')
      .map((tag) => tag.trim())
      .filter((tag) => tag !== '' && !tags.includes(tag));
    if (added.length > 0) onChange([...tags, ...added]);
    setDraft('');
  };
  return (
    <span className="tags-input">
      {tags.map((tag) => (
        <span key={tag} className="tag">
          {tag}
          <button
            type="button"
            aria-label={`Xoá ${tag}`}
            onClick={() => onChange(tags.filter((other) => other !== tag))}
          >
            ×
          </button>
        </span>
      ))}
      <input
        data-testid="meta-tags"
        list="portal-tag-suggestions"
        value={draft}
        onChange={(event) => setDraft(event.target.value)}
        onBlur={commit}
        onKeyDown={(event) => {
          if (event.key === 'Enter' || event.key === ',') {
            event.preventDefault();
            commit();
          }
        }}
      />
      <datalist id="portal-tag-suggestions" data-testid="meta-tag-suggestions">
        {suggestions.map((tag) => (
          <option key={tag} value={tag} />
        ))}
      </datalist>
    </span>
  );
}

function TimeInput({
  value,
  testId,
  onChange,
}: {
  value: number | null;
  testId: string;
  onChange: (value: number | null) => void;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(value === null ? '' : formatDateTimeInput(new Date(value)));
  const parsed = draft.trim() === '' ? null : parseDateTimeInput(draft);
  const invalid = draft.trim() !== '' && parsed === null;
  return (
    <>
      <input
        data-testid={testId}
        value={draft}
        placeholder="dd/mm/yyyy hh:mm"
        aria-invalid={invalid}
        onChange={(event) => {
          setDraft(event.target.value);
          const next =
            event.target.value.trim() === '' ? null : parseDateTimeInput(event.target.value);
          if (event.target.value.trim() === '' || next) onChange(next ? next.getTime() : null);
        }}
      />
      {invalid ? <span className="field-error">{t('meta.timeInvalid')}</span> : null}
    </>
  );
}

function FeaturedPicker({
  featured,
  figures,
  onChange,
}: {
  featured: FeaturedImage | null;
  figures: FigureChoice[];
  onChange: (featured: FeaturedImage | null) => void;
}) {
  const { t } = useTranslation();
  if (figures.length === 0 && !featured)
    return <span className="field-hint">{t('meta.featuredNone')}</span>;
  return (
    <>
      <select
        data-testid="meta-featured"
        value={featured?.mediaPath ?? ''}
        onChange={(event) => {
          const figure = figures.find((choice) => choice.mediaPath === event.target.value);
          onChange(
            figure ? { mediaPath: figure.mediaPath, alt: figure.alt || figure.caption } : null,
          );
        }}
      >
        <option value="">{t('meta.featuredPick')}</option>
        {figures.map((figure) => (
          <option key={figure.mediaPath} value={figure.mediaPath}>
            {figure.caption || figure.mediaPath}
          </option>
        ))}
      </select>
      {featured ? (
        <input
          data-testid="meta-featured-alt"
          value={featured.alt}
          placeholder={t('meta.featuredAlt')}
          onChange={(event) => onChange({ ...featured, alt: event.target.value })}
        />
      ) : null}
    </>
  );
}
