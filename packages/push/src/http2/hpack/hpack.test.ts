import { describe, expect, it } from "vitest";
import { HpackDecoder } from "./decoder.js";
import { HpackEncoder } from "./encoder.js";
import { HpackError } from "./hpack-error.js";
import { huffmanDecode, huffmanEncode, huffmanLength } from "./huffman.js";
import {
  REQUESTS_HUFFMAN,
  REQUESTS_PLAIN,
  RESPONSES_HUFFMAN,
  RESPONSES_PLAIN,
  SINGLE_FIELDS,
  type Example,
} from "./rfc7541-examples.js";

const hex = (text: string) => Buffer.from(text, "hex");

function encode(encoder: HpackEncoder, fields: Array<[string, string]>): string {
  const out = Buffer.alloc(HpackEncoder.bound(fields));
  return out.subarray(0, encoder.encode(fields, out, 0)).toString("hex");
}

describe("HPACK decoder against RFC 7541 Appendix C", () => {
  it.each(SINGLE_FIELDS)("$name", ({ hex: block, fields, tableSize }) => {
    const decoder = new HpackDecoder();
    expect(decoder.decode(hex(block))).toEqual(fields);
    expect(decoder.tableOctets).toBe(tableSize);
  });

  const sequences: Array<[string, Example[], number]> = [
    ["C.3 requests, plain", REQUESTS_PLAIN, 4096],
    ["C.4 requests, Huffman", REQUESTS_HUFFMAN, 4096],
    ["C.5 responses, plain, 256-octet table", RESPONSES_PLAIN, 256],
    ["C.6 responses, Huffman, 256-octet table", RESPONSES_HUFFMAN, 256],
  ];
  it.each(sequences)("%s, each block on the table the one before left", (_name, examples, size) => {
    const decoder = new HpackDecoder(size);
    for (const example of examples) {
      expect(decoder.decode(hex(example.hex)), example.name).toEqual(example.fields);
      expect(decoder.tableOctets, example.name).toBe(example.tableSize);
    }
  });

  it("applies a dynamic table size update, and refuses one above our setting or after a field", () => {
    const decoder = new HpackDecoder(4096);
    decoder.decode(hex(REQUESTS_PLAIN[0]!.hex));
    expect(decoder.tableOctets).toBe(57);
    // 0x20: size update to 0 empties the table; 0x3f 0xe1 0x1f: to 4096.
    expect(decoder.decode(hex("203fe11f82"))).toEqual([[":method", "GET"]]);
    expect(decoder.tableOctets).toBe(0);
    expect(decoder.tableSize).toBe(4096);
    expect(() => new HpackDecoder(4096).decode(hex("3fe21f"))).toThrow(/above the 4096 we allow/);
    expect(() => new HpackDecoder(4096).decode(hex("8220"))).toThrow(/after a header field/);
  });

  it.each([
    ["index 0", "80", /index 0/],
    ["an index past the dynamic table", "be", /past the 0 entries/],
    ["a string longer than the block", "400a6375", /runs past the end/],
    ["an integer that never ends", "7fffff", /runs past the end/],
    ["an integer above 2^31", "7fffffffffff0f", /larger than 2\^31/],
    ["Huffman padding that is not all ones", "418cf1e3c2e5f23a6ba0ab90f4fe", /padding/],
    ["Huffman padding of a whole octet", "418df1e3c2e5f23a6ba0ab90f4ffff", /padding longer than 7 bits/],
    ["EOS inside a string", "4184ffffffff", /EOS/],
  ])("refuses %s with an HPACK error", (_name, block, message) => {
    const decode = () => new HpackDecoder().decode(hex(block));
    expect(decode).toThrow(HpackError);
    expect(decode).toThrow(message);
  });
});

describe("HPACK encoder", () => {
  it("writes RFC 7541 C.4's requests octet for octet: indexed, then Huffman-coded and inserted", () => {
    const encoder = new HpackEncoder();
    for (const example of REQUESTS_HUFFMAN)
      expect(encode(encoder, example.fields), example.name).toBe(example.hex);
  });

  it("writes a field it must not index as a plain literal (C.2.2) and keeps it out of the table", () => {
    const encoder = new HpackEncoder(new Set([":path"]));
    expect(encode(encoder, [[":path", "/sample/path"]])).toBe(SINGLE_FIELDS[1]!.hex);
    expect(encode(encoder, [[":path", "/sample/path"]])).toBe(SINGLE_FIELDS[1]!.hex);
  });

  it("sends a repeated authorization as one octet, and a decoder reads back every block", () => {
    const encoder = new HpackEncoder(new Set([":path", "apns-id"]));
    const decoder = new HpackDecoder();
    const fields = (token: string, jwt: string): Array<[string, string]> => [
      [":method", "POST"],
      [":path", `/3/device/${token}`],
      ["authorization", `bearer ${jwt}`],
      ["apns-topic", "com.example.meridian.agent"],
      ["apns-id", crypto.randomUUID()],
    ];
    const first = fields("aa".repeat(32), "x".repeat(180));
    const firstBlock = encode(encoder, first);
    const second = fields("bb".repeat(32), "x".repeat(180));
    const secondBlock = encode(encoder, second);
    expect(secondBlock.length / 2).toBeLessThan(firstBlock.length / 2 - 150);
    expect(decoder.decode(hex(firstBlock))).toEqual(first);
    expect(decoder.decode(hex(secondBlock))).toEqual(second);
    // A new token evicts nothing it still needs and is itself indexed from then on.
    const renewed = fields("cc".repeat(32), "y".repeat(180));
    expect(decoder.decode(hex(encode(encoder, renewed)))).toEqual(renewed);
    expect(decoder.decode(hex(encode(encoder, renewed)))).toEqual(renewed);
  });

  it("follows the peer's table size: announces it, evicts, and never indexes past it", () => {
    const encoder = new HpackEncoder();
    const decoder = new HpackDecoder();
    const fields: Array<[string, string]> = [["apns-topic", "com.example.meridian.agent"]];
    decoder.decode(hex(encode(encoder, fields)));
    encoder.setPeerTableSize(0);
    const block = encode(encoder, fields);
    expect(block.startsWith("20")).toBe(true);
    expect(decoder.decode(hex(block))).toEqual(fields);
    expect(decoder.tableOctets).toBe(0);
    encoder.setPeerTableSize(100_000);
    const raised = encode(encoder, fields);
    expect(raised.startsWith("3fe11f")).toBe(true);
    expect(decoder.decode(hex(raised))).toEqual(fields);
    // Down to 0 and back up between two blocks: both sizes are announced, the smallest first.
    encoder.setPeerTableSize(0);
    encoder.setPeerTableSize(100_000);
    const next = encode(encoder, fields);
    expect(next.startsWith("203fe11f")).toBe(true);
    expect(decoder.decode(hex(next))).toEqual(fields);
    expect(decoder.decode(hex(encode(encoder, fields)))).toEqual(fields);
  });
});

describe("Huffman code", () => {
  it("round-trips every octet and agrees with the RFC's example", () => {
    const all = Buffer.from(Array.from({ length: 256 }, (_, octet) => octet));
    const out = Buffer.alloc(huffmanLength(all));
    expect(huffmanEncode(all, out, 0)).toBe(out.length);
    expect(huffmanDecode(out, 0, out.length)).toEqual(all);
    const example = Buffer.from("www.example.com");
    const coded = Buffer.alloc(huffmanLength(example));
    huffmanEncode(example, coded, 0);
    expect(coded.toString("hex")).toBe("f1e3c2e5f23a6ba0ab90f4ff");
  });
});
