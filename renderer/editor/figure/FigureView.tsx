import type { NodeViewProps } from '@tiptap/react';
import { NodeViewContent, NodeViewWrapper } from '@tiptap/react';
import { useTranslation } from 'react-i18next';

/** A photo with an editable caption; alt text and credit are edited in small fields below. */
export function FigureView({ node, updateAttributes, selected, extension, editor }: NodeViewProps) {
  const { t } = useTranslation();
  const mediaUrl = (extension.options as { mediaUrl: (path: string) => string }).mediaUrl;
  const mediaPath = typeof node.attrs.mediaPath === 'string' ? node.attrs.mediaPath : null;
  const alt = typeof node.attrs.alt === 'string' ? node.attrs.alt : '';
  const credit = typeof node.attrs.credit === 'string' ? node.attrs.credit : '';
  // A read-only article (someone else's lease, or a state this user may not edit) stays so.
  const readOnly = !editor.isEditable;
  return (
    <NodeViewWrapper
      as="figure"
      className={selected ? 'article-figure selected' : 'article-figure'}
      data-testid="figure"
    >
      <div contentEditable={false} className="figure-media" data-drag-handle="">
        {mediaPath ? (
          <img src={mediaUrl(mediaPath)} alt={alt} draggable={false} />
        ) : (
          <div className="figure-missing">{t('figure.missing')}</div>
        )}
      </div>
      <NodeViewContent<'figcaption'>
        as="figcaption"
        className="figure-caption"
        data-placeholder={t('figure.captionPlaceholder')}
      />
      <div contentEditable={false} className="figure-fields">
        <input
          data-testid="figure-alt"
          value={alt}
          readOnly={readOnly}
          placeholder={t('figure.alt')}
          aria-label={t('figure.alt')}
          onChange={(event) => updateAttributes({ alt: event.target.value })}
        />
        <input
          data-testid="figure-credit"
          value={credit}
          readOnly={readOnly}
          placeholder={t('figure.credit')}
          aria-label={t('figure.credit')}
          onChange={(event) => updateAttributes({ credit: event.target.value })}
        />
      </div>
    </NodeViewWrapper>
  );
}
