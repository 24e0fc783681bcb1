/**
 * Text and HTML in the form NukeViet stores them, so what the app sends is what the portal keeps
 * (and reading an article back gives the same bytes):
 * - NukeViet's CKEditor writes XHTML void tags (`<br />`, `<img … />`) and leaves Vietnamese
 *   letters as UTF-8 (its `entities` option is off); its request filter rewrites every tag that
 *   has no closing tag later in the text as `<tag … />` and stores quotes in text as `&quot;` and
 *   `&#039;`, and `[`/`]` everywhere as `&#91;`/`&#93;`;
 * - captioned images are `<figure class="image">`, which NukeViet themes style;
 * - titles, authors and alt texts are stored with punctuation as entities (`get_title(…, 1)`),
 *   so they are sent as plain text and decoded when read back.
 * Everything is NFC: NukeViet does no normalisation, and its aliases, search and tag matching
 * only work on precomposed Vietnamese.
 */

const VOID_TAGS = /<(br|hr|img|input|source|track|col|embed|param|wbr)(\s[^<>]*?)?\s*\/?>/giu;

/** Entities NukeViet's get_title(…, true) stores, and the character of each. */
const TITLE_ENTITIES: Readonly<Record<string, string>> = {
  '&amp;': '&',
  '&#039;': "'",
  '&quot;': '"',
  '&lt;': '<',
  '&gt;': '>',
  '&#x005C;': '\\',
  '&#x002F;': '/',
  '&#40;': '(',
  '&#41;': ')',
  '&#42;': '*',
  '&#91;': '[',
  '&#93;': ']',
  '&#33;': '!',
  '&#x3D;': '=',
  '&#x25;': '%',
  '&#x5E;': '^',
  '&#x3A;': ':',
  '&#x7B;': '{',
  '&#x7D;': '}',
  '&#x60;': '`',
  '&#x7E;': '~',
  '&#x23;': '#',
  '&#39;': "'",
};

const TITLE_ENTITY_PATTERN = new RegExp(
  Object.keys(TITLE_ENTITIES)
    .map((e) => e.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&'))
    .join('|'),
  'gu',
);

/** Plain text for a field NukeViet reads with get_title/get_textarea: NFC, trimmed. */
export function toNukeVietText(text: string): string {
  return text.normalize('NFC').trim();
}

/**
 * Body HTML as NukeViet stores it after its editor and request filter: NFC, XHTML void tags,
 * `figure class="image"`, quotes in text as entities, square brackets as entities, attribute
 * values without inner double quotes.
 */
export function toNukeVietHtml(html: string): string {
  const normalized = html
    .normalize('NFC')
    .replace(/\[/gu, '&#91;')
    .replace(/\]/gu, '&#93;')
    .replace(VOID_TAGS, (_match, name: string, attrs: string | undefined) => {
      const inner = (attrs ?? '').replace(/\s*\/\s*$/u, '').trimEnd();
      return `<${name.toLowerCase()}${inner} />`;
    })
    .replace(/<figure(\s[^<>]*)?>/giu, (_match, attrs: string | undefined) =>
      figureTag(attrs ?? ''),
    );
  // Quotes in text (not inside tags) are stored as entities by NukeViet's filter.
  // Attribute values lose inner quotes (&quot; becomes ') and runs of spaces.
  return normalized
    .split(/(<[^<>]*>)/u)
    .map((part, i) =>
      i % 2 === 1
        ? part.replace(/="([^"]*)"/gu, (_m, value: string) => `="${attributeValue(value)}"`)
        : part.replace(/"/gu, '&quot;').replace(/'/gu, '&#039;'),
    )
    .join('');
}

function attributeValue(value: string): string {
  return value
    .replace(/&quot;/gu, "'")
    .replace(/ +/gu, ' ')
    .trim();
}

/** `<figure>` with the class NukeViet's themes style captioned images by. */
function figureTag(attrs: string): string {
  const classMatch = /\sclass\s*=\s*"([^"]*)"/iu.exec(attrs);
  if (classMatch === null) return `<figure class="image"${attrs}>`;
  const classes = (classMatch[1] ?? '')
    .split(/\s+/u)
    .filter((c) => c !== '' && c !== 'article-figure');
  if (!classes.includes('image')) classes.unshift('image');
  return `<figure${attrs.replace(classMatch[0], ` class="${classes.join(' ')}"`)}>`;
}

/** A title, author or alt text as stored by NukeViet, back to plain text. */
export function fromNukeVietTitle(stored: string): string {
  return stored.replace(TITLE_ENTITY_PATTERN, (entity) => TITLE_ENTITIES[entity] ?? entity);
}
