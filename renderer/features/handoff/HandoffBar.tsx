import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { ArticleSummary } from '../../../shared/domain/article';
import { bundleExtension } from '../../../shared/workflow/handoff';
import { callOrThrow, CallFailed } from '../../lib/api';
import { useApi } from '../../lib/ApiContext';
import { uploadFile } from '../../lib/uploadFile';
import { ExportDialog } from './ExportDialog';
import type { ImportResult } from './ImportReportDialog';
import { ImportReportDialog } from './ImportReportDialog';
import './handoff.css';

/** «Xuất gói bài» and «Nhập gói bài» above the article list: hand-off without a network. */
export function HandoffBar({
  articles,
  selectedId,
  onOpen,
}: {
  articles: ArticleSummary[];
  selectedId: string | null;
  onOpen: (articleId: string) => void;
}) {
  const api = useApi();
  const { t } = useTranslation();
  const [exporting, setExporting] = useState(false);
  const [imported, setImported] = useState<ImportResult | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  const importFile = async (file: File): Promise<void> => {
    setImported({ kind: 'running', fileName: file.name });
    try {
      // In chunks, so bundles up to the contract's limit go through both shells.
      const uploadId = await uploadFile(api, 'bundle', file, (sent, size) =>
        setImported({ kind: 'running', fileName: file.name, sent, size }),
      );
      const report = await callOrThrow(api, 'bundles.importUploaded', { uploadId });
      setImported({ kind: 'done', fileName: file.name, report });
    } catch (failure) {
      setImported({
        kind: 'refused',
        fileName: file.name,
        message: failure instanceof CallFailed ? failure.message : String(failure),
      });
    }
  };

  return (
    <div className="handoff-bar">
      <button
        type="button"
        className="secondary small"
        data-testid="bundle-export"
        disabled={articles.length === 0}
        onClick={() => setExporting(true)}
      >
        {t('handoff.export')}
      </button>
      <button
        type="button"
        className="secondary small"
        data-testid="bundle-import"
        onClick={() => fileInput.current?.click()}
      >
        {t('handoff.import')}
      </button>
      <input
        ref={fileInput}
        type="file"
        accept={`${bundleExtension},application/octet-stream`}
        hidden
        data-testid="bundle-file-input"
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (file) void importFile(file);
        }}
      />
      {exporting ? (
        <ExportDialog
          articles={articles}
          preselected={selectedId}
          onClose={() => setExporting(false)}
        />
      ) : null}
      {imported ? (
        <ImportReportDialog result={imported} onOpen={onOpen} onClose={() => setImported(null)} />
      ) : null}
    </div>
  );
}
