import * as plist from "plist";
import { describe, expect, it } from "vitest";
import { vectorBytes, vectorFiles } from "../testing/vectors.js";
import { decodePlist, decodePlistDict } from "./decode.js";
import { encodePlist } from "./encode.js";

const xml = (body: string) =>
  Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>\n<plist version="1.0">${body}</plist>`);

function errorCode(body: Uint8Array, limits?: Parameters<typeof decodePlist>[1]): string | undefined {
  const result = decodePlist(body, limits);
  return result.ok ? undefined : result.error.code;
}

describe("decodePlist", () => {
  it("decodes every shared Apple vector that is a plist into a dictionary", () => {
    const files = [...vectorFiles("nanomdm", ".plist"), ...vectorFiles("micromdm", ".plist")];
    expect(files.length).toBeGreaterThanOrEqual(7);
    for (const file of files) {
      const result = decodePlistDict(vectorBytes(file));
      expect(result.ok, file).toBe(true);
    }
  });

  it("gives <data> as bytes, <date> as Date, numbers as numbers and big integers exactly", () => {
    const result = decodePlist(
      xml(`<dict><key>d</key><data>YXBw
      bGU=</data><key>t</key><date>2024-01-02T03:04:05Z</date><key>i</key><integer>-42</integer>
      <key>r</key><real>59.5</real><key>big</key><integer>18446744073709551615</integer>
      <key>s</key><string>a &amp; b &lt;c&gt; &#x263A;</string><key>b</key><true/><key>e</key><array/></dict>`),
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const value = result.value as Record<string, unknown>;
    expect(Buffer.isBuffer(value.d)).toBe(true);
    expect((value.d as Buffer).toString()).toBe("apple");
    expect(value.t).toEqual(new Date("2024-01-02T03:04:05Z"));
    expect(value.i).toBe(-42);
    expect(value.r).toBe(59.5);
    expect(value.big).toBe(18446744073709551615n);
    expect(value.s).toBe("a & b <c> \u263a");
    expect(value.b).toBe(true);
    expect(value.e).toEqual([]);
  });

  it("keeps a __proto__ key as data instead of changing the dictionary's prototype", () => {
    const result = decodePlistDict(xml(`<dict><key>__proto__</key><dict><key>x</key><true/></dict></dict>`));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(Object.getPrototypeOf(result.value)).toBe(Object.prototype);
    expect(Object.keys(result.value)).toEqual(["__proto__"]);
    expect((result.value as { x?: unknown }).x).toBeUndefined();
  });

  it("round-trips a binary plist", () => {
    const original = {
      MessageType: "Authenticate",
      Count: 7,
      Ratio: 0.25,
      Flag: false,
      Blob: Buffer.from([0, 1, 2, 250]),
      When: new Date("2023-05-06T07:08:09Z"),
      Nested: { List: ["a", "β", 3] },
    };
    const binary = Buffer.from(plist.buildBinary(original));
    expect(binary.subarray(0, 8).toString("latin1")).toBe("bplist00");
    const result = decodePlist(binary);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value).toEqual(original);
  });

  it("reads what encodePlist writes", () => {
    const value = { A: "x", B: [1, 2, { C: Buffer.from("hi") }], D: true, E: 2n ** 64n - 1n, F: -0.5 };
    const result = decodePlist(encodePlist(value));
    expect(result.ok && result.value).toEqual(value);
  });

  it("refuses truncated XML", () => {
    const whole = vectorBytes("nanomdm/Authenticate.1.plist");
    expect(errorCode(whole.subarray(0, Math.floor(whole.length / 2)))).toBe("malformed_plist");
  });

  it("refuses garbage, including garbage behind the binary magic", () => {
    expect(errorCode(Buffer.from("not a plist at all"))).toBe("malformed_plist");
    const garbage = Buffer.concat([Buffer.from("bplist00"), Buffer.alloc(60, 0xff)]);
    expect(errorCode(garbage)).toBe("malformed_plist");
    expect(errorCode(Buffer.from("bplist00"))).toBe("malformed_plist");
  });

  it("fails fast on 10,000 nested arrays, in both encodings", () => {
    const deep = xml("<array>".repeat(10_000) + "</array>".repeat(10_000));
    const started = Date.now();
    expect(errorCode(deep)).toBe("too_deep");
    expect(Date.now() - started).toBeLessThan(1000);
    let nested: unknown[] = [];
    for (let i = 0; i < 40; i += 1) nested = [nested];
    expect(errorCode(Buffer.from(plist.buildBinary(nested as plist.PlistValue)))).toBe("too_deep");
    expect(errorCode(xml("<array>".repeat(32) + "</array>".repeat(32)))).toBeUndefined();
    expect(errorCode(xml("<array>".repeat(33) + "</array>".repeat(33)))).toBe("too_deep");
  });

  it("refuses a binary plist whose array contains itself without looping", () => {
    // Object 0 is a one-element array whose element is object 0.
    expect(errorCode(handBuiltBinary([Buffer.from([0xa1, 0x00])], 0))).toBe("too_deep");
  });

  it("refuses a binary plist that reuses one subtree to expand past the value limit", () => {
    // Object 0 is a string; object k is an array holding object k-1 twice: 2^20 visits from 21 objects.
    const objects = [Buffer.from([0x54, ...Buffer.from("leaf")])];
    for (let k = 1; k <= 20; k += 1) objects.push(Buffer.from([0xa2, k - 1, k - 1]));
    const body = handBuiltBinary(objects, 20);
    expect(body.length).toBeLessThan(200);
    expect(errorCode(body, { maxDepth: 64 })).toBe("too_large");
    expect(errorCode(handBuiltBinary(objects.slice(0, 4), 3))).toBeUndefined();
  });

  it("refuses a binary plist that refers to an object it does not have", () => {
    expect(errorCode(handBuiltBinary([Buffer.from([0xa1, 0x07])], 0))).toBe("malformed_plist");
  });

  it("refuses an oversized body before parsing it", () => {
    expect(errorCode(Buffer.alloc(4 * 1024 * 1024 + 1, 0x20))).toBe("too_large");
    expect(errorCode(vectorBytes("nanomdm/Authenticate.1.plist"), { maxBytes: 100 })).toBe("too_large");
  });

  it("refuses too many values", () => {
    expect(errorCode(xml(`<array>${"<true/>".repeat(11)}</array>`), { maxObjects: 10 })).toBe("too_large");
  });

  it("refuses DOCTYPE declarations and custom entities", () => {
    const entity = `<?xml version="1.0"?><!DOCTYPE plist [<!ENTITY boom "ka">]><plist><string>&boom;</string></plist>`;
    expect(errorCode(Buffer.from(entity))).toBe("malformed_plist");
    const external = `<?xml version="1.0"?><!DOCTYPE plist SYSTEM "file:///etc/passwd" [<!ENTITY x SYSTEM "file:///etc/passwd">]><plist><string>&x;</string></plist>`;
    expect(errorCode(Buffer.from(external))).toBe("malformed_plist");
    expect(errorCode(xml("<string>&undeclared;</string>"))).toBe("malformed_plist");
  });

  it("refuses anything but a dictionary at the top of a message", () => {
    const result = decodePlistDict(xml("<array><string>x</string></array>"));
    expect(result.ok || result.error.code).toBe("not_a_dictionary");
  });

  it("refuses structural mistakes", () => {
    expect(errorCode(xml("<dict><string>no key</string></dict>"))).toBe("malformed_plist");
    expect(errorCode(xml("<dict><key>a</key></dict>"))).toBe("malformed_plist");
    expect(errorCode(xml("<dict></array>"))).toBe("malformed_plist");
    expect(errorCode(xml("<integer>12x</integer>"))).toBe("malformed_plist");
    expect(errorCode(xml("<data>@@@</data>"))).toBe("malformed_plist");
    expect(errorCode(xml("<date>yesterday</date>"))).toBe("malformed_plist");
    expect(errorCode(xml("<blob/>"))).toBe("malformed_plist");
    expect(errorCode(xml("<string>a</string><string>b</string>"))).toBe("malformed_plist");
  });
});

/** A bplist00 with one-byte offsets and references, so tests can write hostile object graphs. */
function handBuiltBinary(objects: Buffer[], top: number): Buffer {
  const header = Buffer.from("bplist00", "latin1");
  const offsets: number[] = [];
  let at = header.length;
  for (const object of objects) {
    offsets.push(at);
    at += object.length;
  }
  const trailer = Buffer.alloc(32);
  trailer[6] = 1;
  trailer[7] = 1;
  trailer.writeBigUInt64BE(BigInt(objects.length), 8);
  trailer.writeBigUInt64BE(BigInt(top), 16);
  trailer.writeBigUInt64BE(BigInt(at), 24);
  return Buffer.concat([header, ...objects, Buffer.from(offsets), trailer]);
}
