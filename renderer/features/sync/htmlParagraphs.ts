/**
 * The paragraphs of an article's HTML as plain text, for comparing the Newsdesk and portal
 * versions of a conflict. Parsed into an inert document (DOMParser runs no scripts and loads no
 * images), read as text only, never inserted into the page.
 */
export function htmlParagraphs(html: string): string[] {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const blocks = doc.body.querySelectorAll('p, h1, h2, h3, h4, h5, h6, li, blockquote, figcaption');
  const texts: string[] = [];
  blocks.forEach((block) => {
    // Nested blocks (a <p> inside <blockquote>) are read once, by the innermost.
    if (block.querySelector('p, li, figcaption')) return;
    const text = (block.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (text !== '') texts.push(text);
  });
  if (texts.length === 0) {
    const whole = (doc.body.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (whole !== '') texts.push(whole);
  }
  return texts;
}
