import { assertXmlText } from './text-check.js';

/** What the XMP packet says about a document; mirrors the Info dictionary entry for entry. */
export interface XmpFields {
  readonly title: string;
  readonly author?: string;
  readonly subject?: string;
  readonly keywords?: string;
  /** Info `Creator` → `xmp:CreatorTool`. */
  readonly creator: string;
  readonly producer: string;
  /** Written only when given, like the Info entry (a date makes the bytes depend on the day). */
  readonly creationDate?: Date;
  /** BCP 47 language of the document, for `dc:language`. */
  readonly lang: string;
}

/** Escapes text for XML element content and attribute values. */
function xml(text: string, what: string): string {
  assertXmlText(text, what);
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** An XMP date: ISO 8601 to the second in UTC, as pdfkit writes the Info date (`D:…Z`). */
function xmpDate(date: Date): string {
  return `${date.toISOString().slice(0, 19)}Z`;
}

/**
 * The `rdf:Description` elements of a document's XMP metadata, to go inside pdfkit's packet
 * (`x:xmpmeta`/`rdf:RDF`, written by pdfkit along with the PDF/A identification).
 *
 * pdfkit 0.20 writes its own descriptions, which this replaces because they put the title and
 * author into XML unescaped (a `&` or `<` in a poster name made the packet malformed) and always
 * carry a creation date. PDF/A requires each Info entry to have its XMP equivalent with the same
 * value (ISO 19005-2 §6.6.3): Title ↔ dc:title, Author ↔ dc:creator, Subject ↔ dc:description,
 * Keywords ↔ pdf:Keywords, Creator ↔ xmp:CreatorTool, Producer ↔ pdf:Producer, CreationDate ↔
 * xmp:CreateDate. `dc:language` adds the document language for catalogues.
 *
 * @throws Error when a value holds a character XML cannot carry.
 */
export function xmpDescriptions(fields: XmpFields): string {
  const alt = (text: string, what: string) =>
    `<rdf:Alt><rdf:li xml:lang="x-default">${xml(text, what)}</rdf:li></rdf:Alt>`;
  const dc = [
    '<dc:format>application/pdf</dc:format>',
    `<dc:title>${alt(fields.title, 'info.title')}</dc:title>`,
    fields.author
      ? `<dc:creator><rdf:Seq><rdf:li>${xml(fields.author, 'info.author')}</rdf:li></rdf:Seq></dc:creator>`
      : '',
    fields.subject ? `<dc:description>${alt(fields.subject, 'info.subject')}</dc:description>` : '',
    `<dc:language><rdf:Bag><rdf:li>${xml(fields.lang, 'lang')}</rdf:li></rdf:Bag></dc:language>`,
  ];
  const xmp = [
    `<xmp:CreatorTool>${xml(fields.creator, 'info.creator')}</xmp:CreatorTool>`,
    fields.creationDate ? `<xmp:CreateDate>${xmpDate(fields.creationDate)}</xmp:CreateDate>` : '',
  ];
  const pdf = [
    `<pdf:Producer>${xml(fields.producer, 'info.producer')}</pdf:Producer>`,
    fields.keywords ? `<pdf:Keywords>${xml(fields.keywords, 'info.keywords')}</pdf:Keywords>` : '',
  ];
  const description = (ns: string, uri: string, body: string[]) =>
    `<rdf:Description rdf:about="" xmlns:${ns}="${uri}">${body.join('')}</rdf:Description>`;
  return [
    description('dc', 'http://purl.org/dc/elements/1.1/', dc),
    description('xmp', 'http://ns.adobe.com/xap/1.0/', xmp),
    description('pdf', 'http://ns.adobe.com/pdf/1.3/', pdf),
  ].join('\n');
}
