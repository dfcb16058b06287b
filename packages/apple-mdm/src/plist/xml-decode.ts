import { AppleMdmError } from "../errors.js";
import type { ResolvedLimits } from "./limits.js";
import { dataFrom, dateFrom, integerFrom, realFrom } from "./scalars.js";
import { setKey, type PlistDict, type PlistValue } from "./value.js";
import { readElementText } from "./xml-text.js";

type Frame =
  | { tag: "plist"; value: PlistValue | undefined }
  | { tag: "array"; value: PlistValue[] }
  | { tag: "dict"; value: PlistDict; key: string | undefined };

const malformed = (message: string) => new AppleMdmError("malformed_plist", message);

/**
 * Decodes an XML plist with an explicit stack instead of recursion or a DOM, so depth and size are
 * checked as each element opens: 10,000 nested arrays fail at the limit, not in the call stack.
 * No DTD is read: the standard Apple DOCTYPE is skipped, and an internal subset (where entity
 * declarations live) is refused.
 */
export function decodeXmlPlist(xml: string, limits: ResolvedLimits): PlistValue {
  const stack: Frame[] = [];
  let root: PlistValue | undefined;
  let sawPlist = false;
  let depth = 0;
  let objects = 0;
  let at = 0;

  const place = (value: PlistValue) => {
    objects += 1;
    if (objects > limits.maxObjects)
      throw new AppleMdmError("too_large", `The plist holds more than ${limits.maxObjects} values.`);
    const top = stack.at(-1);
    if (!top) throw malformed("A value appears outside <plist>.");
    if (top.tag === "array") top.value.push(value);
    else if (top.tag === "dict") {
      if (top.key === undefined) throw malformed("A <dict> value has no <key> before it.");
      setKey(top.value, top.key, value);
      top.key = undefined;
    } else {
      if (top.value !== undefined) throw malformed("<plist> holds more than one top-level value.");
      top.value = value;
    }
  };

  for (;;) {
    const lt = xml.indexOf("<", at);
    const between = xml.slice(at, lt === -1 ? undefined : lt);
    if (between.trim() !== "") throw malformed("Text appears between elements where only markup belongs.");
    if (lt === -1) break;

    if (xml.startsWith("<?", lt)) {
      at = endOf(xml, lt, "?>", "processing instruction");
    } else if (xml.startsWith("<!--", lt)) {
      at = endOf(xml, lt, "-->", "comment");
    } else if (xml.startsWith("<!DOCTYPE", lt)) {
      const end = endOf(xml, lt, ">", "DOCTYPE");
      if (xml.slice(lt, end).includes("[") || sawPlist)
        throw malformed("A DOCTYPE with its own declarations is refused: plists never need entities.");
      at = end;
    } else if (xml.startsWith("<!", lt)) {
      throw malformed("Markup declarations such as <!ENTITY> are refused.");
    } else if (xml.startsWith("</", lt)) {
      const end = endOf(xml, lt, ">", "closing tag");
      const name = xml.slice(lt + 2, end - 1).trim();
      const frame = stack.pop();
      if (!frame || frame.tag !== name) throw malformed(`</${name}> does not close the open element.`);
      if (frame.tag === "dict" && frame.key !== undefined)
        throw malformed(`The <key> "${frame.key}" has no value.`);
      at = end;
      if (frame.tag === "plist") {
        if (frame.value === undefined) throw malformed("<plist> is empty.");
        root = frame.value;
      } else {
        depth -= 1;
        place(frame.value);
      }
    } else {
      const end = endOf(xml, lt, ">", "tag");
      const selfClosing = xml[end - 2] === "/";
      const name = /^<([A-Za-z][\w.-]*)/.exec(xml.slice(lt, end))?.[1];
      at = end;
      switch (name) {
        case "plist":
          if (sawPlist || stack.length > 0) throw malformed("<plist> appears more than once.");
          sawPlist = true;
          if (selfClosing) throw malformed("<plist> is empty.");
          stack.push({ tag: "plist", value: undefined });
          break;
        case "dict":
        case "array":
          if (depth + 1 > limits.maxDepth)
            throw new AppleMdmError("too_deep", `The plist nests deeper than ${limits.maxDepth} levels.`);
          if (selfClosing) {
            place(name === "dict" ? {} : []);
          } else {
            depth += 1;
            stack.push(
              name === "dict" ? { tag: "dict", value: {}, key: undefined } : { tag: "array", value: [] },
            );
          }
          break;
        case "key": {
          const top = stack.at(-1);
          if (top?.tag !== "dict" || top.key !== undefined)
            throw malformed("A <key> appears where a value was expected.");
          const read = selfClosing ? { text: "", end } : readElementText(xml, end, "key");
          top.key = read.text;
          at = read.end;
          break;
        }
        case "true":
        case "false":
          if (!selfClosing) at = readElementText(xml, end, name).end;
          place(name === "true");
          break;
        case "string":
        case "integer":
        case "real":
        case "date":
        case "data": {
          const read = selfClosing ? { text: "", end } : readElementText(xml, end, name);
          at = read.end;
          place(scalar(name, read.text));
          break;
        }
        default:
          throw malformed(`<${name ?? xml.slice(lt, lt + 10)}> is not a plist element.`);
      }
    }
  }
  if (stack.length > 0 || root === undefined)
    throw malformed("The plist ends before its elements are closed (truncated?).");
  return root;
}

function scalar(tag: "string" | "integer" | "real" | "date" | "data", text: string): PlistValue {
  switch (tag) {
    case "string":
      return text;
    case "integer":
      return integerFrom(text);
    case "real":
      return realFrom(text);
    case "date":
      return dateFrom(text);
    case "data":
      return dataFrom(text);
  }
}

function endOf(xml: string, from: number, terminator: string, what: string): number {
  const index = xml.indexOf(terminator, from + 1);
  if (index === -1) throw malformed(`A ${what} is never closed (truncated?).`);
  return index + terminator.length;
}
