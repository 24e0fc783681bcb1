import type { ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';

import type { PhotoDeskLabels } from './labels';
import type { PhotoFilter } from './usePhotoList';

/** Chromium's folder picker attribute, which React's input props do not list. */
const folderPicker: Record<string, string> = { webkitdirectory: '', directory: '' };

/**
 * The desk's top bar: import (files or a whole folder from a card reader or a Zalo download
 * folder), the event name stamped on the import, and the grid's filters and sort.
 */
export function PhotoToolbar({
  labels,
  eventName,
  onEventName,
  onFiles,
  importing,
  filter,
  events,
  onFilter,
}: {
  labels: PhotoDeskLabels;
  eventName: string;
  onEventName: (value: string) => void;
  onFiles: (files: File[]) => void;
  importing: boolean;
  filter: PhotoFilter;
  events: ReadonlyArray<{ event: string; count: number }>;
  onFilter: (filter: PhotoFilter) => void;
}) {
  const { t } = useTranslation();
  const pick = (event: ChangeEvent<HTMLInputElement>): void => {
    const files = [...(event.target.files ?? [])];
    event.target.value = '';
    if (files.length > 0) onFiles(files);
  };
  return (
    <div className="photo-toolbar">
      <div className="photo-row">
        <label className={importing ? 'primary file-button disabled' : 'primary file-button'}>
          {labels.importFiles}
          <input
            type="file"
            multiple
            accept="image/*,.heic,.heif"
            data-testid="photo-import-input"
            disabled={importing}
            onChange={pick}
          />
        </label>
        <label className={importing ? 'secondary file-button disabled' : 'secondary file-button'}>
          {labels.importFolder}
          <input
            type="file"
            multiple
            {...folderPicker}
            data-testid="photo-folder-input"
            disabled={importing}
            onChange={pick}
          />
        </label>
        <label className="inline-field">
          <span className="field-label">{labels.event}</span>
          <input
            data-testid="photo-event"
            value={eventName}
            maxLength={200}
            placeholder={labels.eventPlaceholder}
            onChange={(event) => onEventName(event.target.value)}
          />
        </label>
      </div>
      <div className="photo-row photo-filters">
        <input
          type="search"
          className="photo-search"
          data-testid="photo-search"
          aria-label={t('photoSearch.label')}
          placeholder={t('photoSearch.placeholder')}
          value={filter.query}
          maxLength={200}
          onChange={(event) => onFilter({ ...filter, query: event.target.value })}
        />
        <select
          data-testid="filter-event"
          aria-label={labels.filterEvent}
          value={filter.event ?? '\u0000all'}
          onChange={(event) =>
            onFilter({
              ...filter,
              event: event.target.value === '\u0000all' ? null : event.target.value,
            })
          }
        >
          <option value={'\u0000all'}>{labels.allEvents}</option>
          {events.map((entry) => (
            <option key={entry.event} value={entry.event}>
              {(entry.event || labels.noEvent) + ` (${entry.count})`}
            </option>
          ))}
        </select>
        <select
          data-testid="filter-caption"
          aria-label={labels.filterCaption}
          value={filter.captioned}
          onChange={(event) => onFilter({ ...filter, captioned: toCaptioned(event.target.value) })}
        >
          <option value="any">{labels.captionAny}</option>
          <option value="captioned">{labels.captioned}</option>
          <option value="missing">{labels.uncaptioned}</option>
        </select>
        <label className="check">
          <input
            type="checkbox"
            data-testid="filter-unused"
            checked={filter.unused}
            onChange={(event) => onFilter({ ...filter, unused: event.target.checked })}
          />
          {labels.unusedOnly}
        </label>
        <label className="check">
          {labels.sort}
          <select
            data-testid="photo-sort"
            value={filter.sort}
            onChange={(event) => onFilter({ ...filter, sort: toSort(event.target.value) })}
          >
            <option value="imported">{labels.sortImported}</option>
            <option value="captured">{labels.sortCaptured}</option>
            <option value="name">{labels.sortName}</option>
          </select>
        </label>
      </div>
    </div>
  );
}

function toCaptioned(value: string): PhotoFilter['captioned'] {
  return value === 'captioned' || value === 'missing' ? value : 'any';
}

function toSort(value: string): PhotoFilter['sort'] {
  return value === 'captured' || value === 'name' ? value : 'imported';
}
