import { describe, expect, it } from "vitest";
import { MalformedBer, scanBer } from "./ber.js";

const hex = (text: string) => Buffer.from(text.replace(/\s/g, ""), "hex");

describe("scanBer", () => {
  it("indexes definite and indefinite lengths alike", () => {
    // SEQUENCE (indefinite) { INTEGER 1, [0] (indefinite) { OCTET STRING "ab" } }
    const index = scanBer(hex("30 80 02 01 01 a0 80 04 02 61 62 00 00 00 00"));
    expect(index.get(0)).toMatchObject({
      tag: 0x30,
      contentStart: 2,
      contentEnd: 13,
      end: 15,
      indefinite: true,
    });
    expect(index.get(5)).toMatchObject({ tag: 0xa0, contentEnd: 11, end: 13 });
    expect(index.get(7)).toMatchObject({ tag: 0x04, contentStart: 9, end: 11, indefinite: false });
  });

  it("reads long-form lengths", () => {
    const content = Buffer.alloc(300, 0x41);
    const index = scanBer(Buffer.concat([hex("30 82 01 30 04 82 01 2c"), content]));
    expect(index.get(4)).toMatchObject({ contentStart: 8, end: 308 });
  });

  it.each([
    ["empty input", ""],
    ["a truncated header", "30"],
    ["a length past the input", "30 05 02 01 01"],
    ["a child past its parent", "30 03 04 05 00 00 00 00 00"],
    ["an indefinite length never closed", "30 80 02 01 01"],
    ["nested indefinite lengths closed once", "30 80 30 80 00 00"],
    ["end-of-contents inside a definite length", "30 02 00 00"],
    ["end-of-contents with a length", "30 80 00 01 00 00 00"],
    ["an indefinite primitive", "04 80 61 00 00"],
    ["five length octets", "04 85 00 00 00 00 01 00"],
    ["a multi-byte tag", "1f 81 01 00"],
    ["bytes after the element", "02 01 01 00"],
    ["two elements", "02 01 01 02 01 02"],
  ])("refuses %s", (_name, bytes) => {
    expect(() => scanBer(hex(bytes))).toThrow(MalformedBer);
  });

  it("stops at the depth cap, however deep the input goes", () => {
    const deep = (depth: number) =>
      Buffer.concat([Buffer.alloc(depth * 2, hex("30 80")), Buffer.alloc(depth * 2)]);
    expect(() => scanBer(deep(32))).not.toThrow();
    expect(() => scanBer(deep(33))).toThrow(/deeper than 32 levels/);
    expect(() => scanBer(deep(1_000_000))).toThrow(/deeper than 32 levels/);
    expect(() => scanBer(deep(40), 64)).not.toThrow();
  });
});
