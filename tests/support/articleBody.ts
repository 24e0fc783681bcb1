import type { DocNode } from '../../shared/domain/article';

/** A body with paragraphs between captioned figures, as the editor saves it. */
export function articleBody(
  title: string,
  figures: { mediaPath: string; caption: string; alt: string; credit: string }[],
): DocNode {
  const content: DocNode[] = [
    {
      type: 'paragraph',
      content: [{ type: 'text', text: `Mở đầu bài «${title}» & “trích dẫn”.` }],
    },
  ];
  figures.forEach((figure, index) => {
    content.push({
      type: 'figure',
      attrs: { mediaPath: figure.mediaPath, alt: figure.alt, credit: figure.credit },
      content: [{ type: 'text', text: figure.caption }],
    });
    content.push({
      type: 'paragraph',
      attrs: { textAlign: index % 2 === 0 ? 'justify' : null },
      content: [
        { type: 'text', text: `Đoạn ${index + 1}: ` },
        { type: 'text', text: 'Bí thư Tỉnh ủy', marks: [{ type: 'bold' }] },
        { type: 'text', text: ' nói chuyện với học viên.' },
      ],
    });
  });
  return { type: 'doc', content };
}
