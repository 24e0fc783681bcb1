import { useTranslation } from 'react-i18next';

const megabytes = (bytes: number): string => (bytes / 1024 / 1024).toFixed(1);

/** Bytes sent of the file being uploaded, with a progress bar (large photos and bundles). */
export function UploadProgress({ sent, size }: { sent: number; size: number }) {
  const { t } = useTranslation();
  return (
    <span className="upload-progress" data-testid="upload-progress">
      {' '}
      <progress max={size} value={sent} />{' '}
      {t('upload.progress', { done: megabytes(sent), total: megabytes(size) })}
    </span>
  );
}
