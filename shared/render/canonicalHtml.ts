import { decodeHtmlEntities, tokenizeHtml } from './htmlTokens';

/*
 * The canonical form of a body or a text field for three-way sync: what a reader sees (text and
 * structure), not how an editor wrote it. CKEditor's XHTML void tags and entities, WordPress's
 * classes and attribute order, whitespace between tags and NFC/NFD differences all vanish; a
 * changed word, paragraph, heading, link target or photo does not. Rules: docs/portal-sync-fields.md.
 */

const STRUCTURE: Readonly<Record<string, string>> = {
  p: 'p',
  div: 'p',
  h1: 'h',
  h2: 'h',
  h3: 'h',
  h4: 'h',
  h5: 'h',
  h6: 'h',
  ul: 'ul',
  ol: 'ol',
  li: 'li',
  blockquote: 'q',
  figure: 'fig',
  figcaption: 'cap',
  table: 't',
  tr: 'tr',
  td: 'td',
  th: 'td',
  strong: 'b',
  b: 'b',
  em: 'i',
  i: 'i',
  u: 'u',
  s: 's',
  strike: 's',
  del: 's',
  a: 'a',
  br: 'br',
  hr: 'hr',
  img: 'img',
};

/** Plain text as compared: entities decoded, NFC, runs of white space as one space, trimmed. */
export function canonicalText(text: string): string {
  return decodeHtmlEntities(text).normalize('NFC').replace(/\s+/gu, ' ').trim();
}

/** A photo compared by its file name, without WordPress's `-1024x768` size suffix. */
function imageKey(src: string): string {
  const file = src.split(/[?#]/u)[0]?.split('/').pop() ?? '';
  return file.replace(/-\d+x\d+(?=\.[a-z0-9]+$)/iu, '').toLowerCase();
}

/** Body HTML in canonical form (see the comment at the top of this file). */
export function canonicalHtml(html: string): string {
  const out: string[] = [];
  let text = '';
  const flush = (): void => {
    const value = canonicalText(text);
    if (value !== '') out.push(value);
    text = '';
  };
  for (const token of tokenizeHtml(html.normalize('NFC'))) {
    if (token.kind === 'text') {
      text += ` ${token.text} `;
      continue;
    }
    const tag = STRUCTURE[token.name];
    if (tag === undefined) continue;
    flush();
    if (token.kind === 'close') {
      if (tag !== 'br' && tag !== 'hr' && tag !== 'img') out.push(`</${tag}>`);
      continue;
    }
    if (tag === 'img') out.push(`<img ${imageKey(token.attrs.src ?? '')}>`);
    else if (tag === 'a') out.push(`<a ${token.attrs.href ?? ''}>`);
    else out.push(`<${tag}>`);
  }
  flush();
  return out.join('');
}
