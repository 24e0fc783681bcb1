import './photos.css';

import type { DragEvent } from 'react';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { callOrThrow } from '../../lib/api';
import { useApi } from '../../lib/ApiContext';
import { BatchPanel } from './BatchPanel';
import { CaptionPanel } from './CaptionPanel';
import { messageOf } from './errors';
import { ImportReport } from './ImportReport';
import { usePhotoLabels } from './labels';
import { PhotoGrid } from './PhotoGrid';
import { PhotoPreview } from './PhotoPreview';
import { PhotoToolbar } from './PhotoToolbar';
import { RecipeEditor } from './RecipeEditor';
import { RecipeSelect } from './RecipeSelect';
import { Modal } from '../../lib/Modal';
import { UploadProgress } from '../../lib/UploadProgress';
import type { ClickModifiers, Selection } from './selection';
import {
  clickSelection,
  emptySelection,
  keepVisible,
  selectAll,
  selectedInOrder,
} from './selection';
import { usePhotoImport } from './usePhotoImport';
import type { PhotoFilter } from './usePhotoList';
import { defaultPhotoFilter, usePhotoList } from './usePhotoList';
import { useRecipes } from './useRecipes';

type ExistingPolicy = 'rename' | 'skip' | 'overwrite';

/**
 * The photo desk, Kho ảnh: import event photos, caption them in bulk with the newsroom's
 * codes and templates, and run a saved recipe ("Web" by default) on the selection as a batch.
 * Self-contained: it needs only the contract client from `ApiContext`.
 */
export function PhotoDesk() {
  const api = useApi();
  const { t } = useTranslation();
  const labels = usePhotoLabels();
  const [confirmUncaptioned, setConfirmUncaptioned] = useState(false);
  const [filter, setFilter] = useState<PhotoFilter>(defaultPhotoFilter);
  const [eventName, setEventName] = useState('');
  const [selection, setSelection] = useState<Selection>(emptySelection);
  const [previewId, setPreviewId] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const [policy, setPolicy] = useState<ExistingPolicy>('rename');
  const [jobId, setJobId] = useState<string | null>(null);
  const [processError, setProcessError] = useState<string | null>(null);
  const list = usePhotoList(api, filter, labels);
  const imports = usePhotoImport(api, labels, list.reload);
  const recipes = useRecipes(api, labels.unexpected);
  const [editingRecipes, setEditingRecipes] = useState(false);
  const closeRecipes = useCallback(() => setEditingRecipes(false), []);

  const order = useMemo(() => list.photos.map((photo) => photo.id), [list.photos]);
  const visible = useMemo(() => keepVisible(selection, order), [selection, order]);
  const selectedIds = useMemo(() => selectedInOrder(visible, order), [visible, order]);
  const selectedPhotos = useMemo(() => {
    const byId = new Map(list.photos.map((photo) => [photo.id, photo]));
    return selectedIds.flatMap((id) => byId.get(id) ?? []);
  }, [list.photos, selectedIds]);
  const previewIndex = previewId === null ? -1 : order.indexOf(previewId);

  const onClickTile = useCallback(
    (id: string, modifiers: ClickModifiers) =>
      setSelection((current) => clickSelection(keepVisible(current, order), order, id, modifiers)),
    [order],
  );
  const onMovePreview = useCallback(
    (index: number) => {
      const id = order[index];
      if (id === undefined) return;
      setPreviewId(id);
      setSelection({ ids: new Set([id]), anchor: id });
    },
    [order],
  );
  const closePreview = useCallback(() => setPreviewId(null), []);
  const onFiles = (files: File[]): void => void imports.importFiles(files, eventName);

  const onDrop = (event: DragEvent<HTMLDivElement>): void => {
    event.preventDefault();
    setDragging(false);
    const files = [...event.dataTransfer.files];
    if (files.length > 0 && !imports.progress) onFiles(files);
  };

  const uncaptioned = selectedPhotos.filter((photo) => photo.captionMissing).length;
  /** A batch over uncaptioned photos asks first: their web files would carry no caption. */
  const askProcess = (): void => {
    if (uncaptioned > 0) setConfirmUncaptioned(true);
    else void process();
  };

  const process = async (): Promise<void> => {
    setConfirmUncaptioned(false);
    try {
      const started = await callOrThrow(api, 'photos.process', {
        ids: selectedIds,
        existingPolicy: policy,
        ...(recipes.chosen ? { recipeId: recipes.chosen.id } : {}),
      });
      setProcessError(null);
      setJobId(started.jobId);
    } catch (failure) {
      setProcessError(messageOf(failure, labels.unexpected));
    }
  };

  return (
    <div className="photo-desk">
      <div
        className={dragging ? 'photo-main dragging' : 'photo-main'}
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={(event) => {
          if (event.currentTarget === event.target) setDragging(false);
        }}
        onDrop={onDrop}
      >
        <header className="pane-header">
          <h2>{t('photos.title')}</h2>
        </header>
        <PhotoToolbar
          labels={labels}
          eventName={eventName}
          onEventName={setEventName}
          onFiles={onFiles}
          importing={imports.progress !== null}
          filter={filter}
          events={list.events}
          onFilter={setFilter}
        />
        {imports.progress ? (
          <p className="import-progress muted" role="status" data-testid="import-progress">
            {labels.importing(imports.progress.done, imports.progress.total)}
            {imports.progress.size ? (
              <UploadProgress sent={imports.progress.sent ?? 0} size={imports.progress.size} />
            ) : null}
          </p>
        ) : null}
        {imports.report ? (
          <ImportReport
            report={imports.report}
            error={imports.error}
            labels={labels}
            onResolve={(ids, keep) => void imports.resolveGroup(ids, keep)}
            onClose={imports.dismiss}
          />
        ) : null}
        {jobId ? (
          <BatchPanel key={jobId} jobId={jobId} labels={labels} onClose={() => setJobId(null)} />
        ) : null}
        <div className="photo-selection-bar">
          <span className="muted" data-testid="photo-count">
            {selectedIds.length > 0
              ? t('photoSearch.countSelected', {
                  total: list.total,
                  selected: selectedIds.length,
                })
              : t('photoSearch.count', { total: list.total })}
          </span>
          <button
            type="button"
            className="secondary small"
            data-testid="photo-select-all"
            onClick={() => setSelection(selectAll(order))}
          >
            {labels.selectAll}
          </button>
          <button
            type="button"
            className="secondary small"
            disabled={selectedIds.length === 0}
            onClick={() => setSelection(emptySelection)}
          >
            {labels.selectNone}
          </button>
          <span className="spacer" />
          <label className="check">
            {labels.existingPolicy}
            <select
              data-testid="existing-policy"
              value={policy}
              onChange={(event) => setPolicy(toPolicy(event.target.value))}
            >
              <option value="rename">{labels.policyRename}</option>
              <option value="skip">{labels.policySkip}</option>
              <option value="overwrite">{labels.policyOverwrite}</option>
            </select>
          </label>
          <RecipeSelect
            recipes={recipes.recipes}
            chosenId={recipes.chosen?.id ?? null}
            labels={labels}
            onChoose={recipes.choose}
            onOpenEditor={() => setEditingRecipes(true)}
          />
          <button
            type="button"
            className="primary"
            data-testid="process-selected"
            disabled={selectedIds.length === 0}
            onClick={askProcess}
          >
            {recipes.chosen ? labels.recipe.processWith(recipes.chosen.name) : labels.process}
          </button>
        </div>
        {list.error || processError || recipes.error ? (
          <p className="banner error" role="alert">
            {processError ?? list.error ?? recipes.error}
          </p>
        ) : null}
        {list.total === 0 && filter.query.trim() === '' && !list.loading ? (
          <p className="muted empty photo-drop-hint">{labels.empty}</p>
        ) : null}
        {list.total === 0 && filter.query.trim() !== '' && !list.loading ? (
          <p className="muted empty" data-testid="photo-no-match">
            {t('photoSearch.noMatch', { query: filter.query.trim() })}
          </p>
        ) : null}
        <PhotoGrid
          total={list.total}
          photoAt={list.photoAt}
          onRange={list.ensureRange}
          selected={visible.ids}
          labels={labels}
          onClickTile={onClickTile}
          onOpen={setPreviewId}
        />
        {dragging ? <div className="photo-drop-overlay">{labels.dropHint}</div> : null}
      </div>
      <CaptionPanel photos={selectedPhotos} labels={labels} onSaved={list.replace} />
      {previewIndex !== -1 ? (
        <PhotoPreview
          photos={list.photos}
          index={previewIndex}
          labels={labels}
          onMove={onMovePreview}
          onClose={closePreview}
          onUpdated={list.replace}
        />
      ) : null}
      {confirmUncaptioned ? (
        <Modal
          title={t('photos.uncaptioned.title')}
          testId="uncaptioned-warning"
          onClose={() => setConfirmUncaptioned(false)}
          footer={
            <>
              <button
                type="button"
                className="secondary"
                data-testid="uncaptioned-cancel"
                onClick={() => setConfirmUncaptioned(false)}
              >
                {t('photos.uncaptioned.cancel')}
              </button>
              <button
                type="button"
                className="primary"
                data-testid="uncaptioned-go-on"
                onClick={() => void process()}
              >
                {t('photos.uncaptioned.goOn')}
              </button>
            </>
          }
        >
          <p>{t('photos.uncaptioned.body', { count: uncaptioned, total: selectedIds.length })}</p>
        </Modal>
      ) : null}
      {editingRecipes ? (
        <RecipeEditor
          recipes={recipes.recipes}
          initialId={recipes.chosen?.id ?? null}
          labels={labels}
          onChanged={recipes.replace}
          onClose={closeRecipes}
        />
      ) : null}
    </div>
  );
}

function toPolicy(value: string): ExistingPolicy {
  return value === 'skip' || value === 'overwrite' ? value : 'rename';
}
