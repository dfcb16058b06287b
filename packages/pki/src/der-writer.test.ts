import { describe, expect, it } from "vitest";
import { decodeObjectIdentifier, readChildren, readElement } from "./der-reader.js";
import {
  directoryString,
  integerFromHex,
  namedBits,
  objectIdentifier,
  sequence,
  time,
} from "./der-writer.js";
import { ipAddressBytes } from "./ip-address.js";
import { normalizeSerialNumber, randomSerialNumber } from "./serial-number.js";

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString("hex");

describe("DER writer", () => {
  it("writes integers in their shortest positive form", () => {
    expect(hex(integerFromHex("00"))).toBe("020100");
    expect(hex(integerFromHex("7f"))).toBe("02017f");
    expect(hex(integerFromHex("80"))).toBe("02020080");
    expect(hex(integerFromHex("000102"))).toBe("02020102");
    expect(hex(integerFromHex("abc"))).toBe("02020abc");
  });

  it("writes object identifiers, including large arcs, and reads them back", () => {
    expect(hex(objectIdentifier("1.2.840.10045.4.3.2"))).toBe("06082a8648ce3d040302");
    expect(hex(objectIdentifier("2.5.29.37"))).toBe("0603551d25");
    const encoded = objectIdentifier("1.3.6.1.4.1.99999.4294967295");
    expect(decodeObjectIdentifier(encoded.subarray(2))).toBe("1.3.6.1.4.1.99999.4294967295");
  });

  it("switches from UTCTime to GeneralizedTime in 2050 and drops milliseconds", () => {
    expect(Buffer.from(time(new Date("2049-12-31T23:59:59.999Z")).subarray(2)).toString()).toBe(
      "491231235959Z",
    );
    expect(Buffer.from(time(new Date("2050-01-01T00:00:00Z")).subarray(2)).toString()).toBe(
      "20500101000000Z",
    );
    expect(time(new Date("2049-12-31T23:59:59Z"))[0]).toBe(0x17);
    expect(time(new Date("2050-01-01T00:00:00Z"))[0]).toBe(0x18);
  });

  it("writes named bits with the unused count DER requires", () => {
    expect(hex(namedBits([0]))).toBe("03020780"); // digitalSignature
    expect(hex(namedBits([0, 2]))).toBe("030205a0"); // + keyEncipherment
    expect(hex(namedBits([5, 6]))).toBe("03020106"); // keyCertSign, cRLSign
  });

  it("chooses PrintableString when it can and UTF8String otherwise", () => {
    expect(directoryString("Acme Inc.")[0]).toBe(0x13);
    expect(directoryString("Ärzte & Co")[0]).toBe(0x0c);
  });

  it("writes long lengths that the reader reads back exactly", () => {
    const big = sequence(new Uint8Array(70_000).fill(4));
    const element = readElement(big, 0);
    expect(element.end).toBe(big.length);
    expect(hex(big.subarray(0, 4))).toBe("30830111");
    expect(() => readChildren(big, element)).toThrow(); // 0x04 0x04 ... runs past its container
  });
});

describe("IP addresses and serial numbers", () => {
  it.each([
    ["10.0.0.7", "0a000007"],
    ["::1", "00000000000000000000000000000001"],
    ["2001:db8::1", "20010db8000000000000000000000001"],
    ["fe80::1:2", "fe800000000000000000000000010002"],
    ["::ffff:192.0.2.1", "00000000000000000000ffffc0000201"],
    ["1:2:3:4:5:6:7:8", "00010002000300040005000600070008"],
  ])("encodes %s", (text, expected) => {
    expect(hex(ipAddressBytes(text)!)).toBe(expected);
  });

  it("refuses what is not an IP address", () => {
    expect(ipAddressBytes("device.test")).toBeUndefined();
    expect(ipAddressBytes("fe80::1%eth0")).toBeUndefined();
  });

  it("normalizes serial numbers to lowercase hex without leading zero bytes", () => {
    expect(normalizeSerialNumber("00:AB:CD")).toBe("abcd");
    expect(normalizeSerialNumber("0080")).toBe("80");
    expect(normalizeSerialNumber("abc")).toBe("0abc");
    expect(normalizeSerialNumber("00")).toBe("00");
    expect(() => normalizeSerialNumber("xyz")).toThrow(expect.objectContaining({ code: "invalid_request" }));
    expect(randomSerialNumber()).toMatch(/^[4-7][0-9a-f]{31}$/);
  });
});
