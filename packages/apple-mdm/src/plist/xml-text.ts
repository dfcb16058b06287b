import { AppleMdmError } from "../errors.js";

const malformed = (message: string) => new AppleMdmError("malformed_plist", message);

const NAMED: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

/** Only XML's five built-in entities and character references: a plist never needs declared ones. */
export function decodeEntities(raw: string): string {
  return raw.replace(/&([^;&<\s]{0,10});?/g, (whole, name: string) => {
    if (!whole.endsWith(";")) throw malformed("An '&' in the text does not start an entity reference.");
    const named = NAMED[name];
    if (named !== undefined) return named;
    const code = /^#x([0-9a-f]+)$/i.test(name)
      ? parseInt(name.slice(2), 16)
      : /^#\d+$/.test(name)
        ? parseInt(name.slice(1), 10)
        : NaN;
    if (Number.isNaN(code) || code > 0x10ffff)
      throw malformed(`The entity "&${name};" is not allowed; only XML's built-in entities are.`);
    return String.fromCodePoint(code);
  });
}

/**
 * Reads the text of an element up to its closing tag, joining CDATA sections and skipping comments.
 * Returns the text and the index just past `</tag>`.
 */
export function readElementText(xml: string, from: number, tag: string): { text: string; end: number } {
  let text = "";
  let at = from;
  for (;;) {
    const lt = xml.indexOf("<", at);
    if (lt === -1) throw malformed(`The document ends inside <${tag}>.`);
    text += decodeEntities(xml.slice(at, lt));
    if (xml.startsWith("<![CDATA[", lt)) {
      const close = xml.indexOf("]]>", lt + 9);
      if (close === -1) throw malformed(`A CDATA section inside <${tag}> is never closed.`);
      text += xml.slice(lt + 9, close);
      at = close + 3;
    } else if (xml.startsWith("<!--", lt)) {
      const close = xml.indexOf("-->", lt + 4);
      if (close === -1) throw malformed(`A comment inside <${tag}> is never closed.`);
      at = close + 3;
    } else {
      const end = closingTagEnd(xml, lt, tag);
      if (end === -1) throw malformed(`<${tag}> may hold only text, but an element starts inside it.`);
      return { text, end };
    }
  }
}

/** The index just past `</tag>` (whitespace allowed before `>`) starting at `at`, or -1. */
function closingTagEnd(xml: string, at: number, tag: string): number {
  if (!xml.startsWith(`</${tag}`, at)) return -1;
  let index = at + tag.length + 2;
  while (index < xml.length && /\s/.test(xml[index]!)) index += 1;
  return xml[index] === ">" ? index + 1 : -1;
}
