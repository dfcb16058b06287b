import { beforeAll, describe, expect, it } from "vitest";
import { explicit, objectIdentifier, sequence, set, smallInteger } from "../der-writer.js";
import { PkiError } from "../errors.js";
import { pemToDer } from "../test-support.js";
import { OID } from "./algorithms.js";
import {
  detachStreamed,
  opensslSign,
  P256,
  RSA_2048,
  tenantWithDevices,
  type Device,
} from "./cms-test-support.js";
import { verifyMdmSignature } from "./mdm-signature.js";
import { verifyDetachedCms, type CmsVerifyLimits } from "./verify-detached.js";

const body = Buffer.from("<plist><dict><key>MessageType</key><string>Idle</string></dict></plist>");

let alice: Device;
let bob: Device;
let ecDevice: Device;

beforeAll(async () => {
  [alice, bob, ecDevice] = (await tenantWithDevices([RSA_2048, RSA_2048, P256])).devices as [
    Device,
    Device,
    Device,
  ];
});

/** The PkiError code that verification fails with; anything else thrown fails the test. */
function failure(signature: Uint8Array, content: Uint8Array = body, limits?: CmsVerifyLimits): string {
  try {
    verifyDetachedCms(signature, content, limits);
  } catch (error) {
    if (error instanceof PkiError) return error.code;
    throw error;
  }
  return "verified";
}

function headerFailure(header: string): string {
  try {
    verifyMdmSignature(header, body);
  } catch (error) {
    if (error instanceof PkiError) return error.code;
    throw error;
  }
  return "verified";
}

function flipByte(bytes: Uint8Array, index: number): Buffer {
  const copy = Buffer.from(bytes);
  copy[index]! ^= 0x01;
  return copy;
}

function replaceAll(bytes: Buffer, from: Uint8Array, to: Uint8Array): Buffer {
  expect(from.length).toBe(to.length);
  const copy = Buffer.from(bytes);
  let found = 0;
  for (let at = copy.indexOf(from); at !== -1; at = copy.indexOf(from, at + 1), found++) copy.set(to, at);
  expect(found).toBeGreaterThan(0);
  return copy;
}

/**
 * Replaces the only certificate in the [0] certificates field, fixing that field's two-octet length;
 * every enclosing length in streamed BER is indefinite, so nothing else needs to change.
 */
function swapCertificate(signature: Buffer, from: Uint8Array, to: Uint8Array): Buffer {
  const at = signature.indexOf(from);
  const header = signature.subarray(at - 4, at);
  expect([header[0], header[1]]).toEqual([0xa0, 0x82]);
  const field = Buffer.from(header);
  field.writeUInt16BE(header.readUInt16BE(2) + to.length - from.length, 2);
  return Buffer.concat([signature.subarray(0, at - 4), field, to, signature.subarray(at + from.length)]);
}

describe("signatures that must not verify", () => {
  it.each([
    ["with signed attributes", [], alice],
    ["without signed attributes", ["-noattr"], alice],
    ["ECDSA without signed attributes", ["-noattr"], undefined],
  ])("one flipped byte in the content, %s, is bad_signature", (_name, extra, signer) => {
    const signature = opensslSign(body, [signer ?? ecDevice], extra as string[]);
    expect(failure(signature)).toBe("verified");
    for (const index of [0, body.length >> 1, body.length - 1])
      expect(failure(signature, flipByte(body, index))).toBe("bad_signature");
  });

  it("a valid signature over other content is bad_signature", () => {
    const other = Buffer.from("<plist><dict><key>MessageType</key><string>CheckOut</string></dict></plist>");
    expect(failure(opensslSign(other, [alice]))).toBe("bad_signature");
    expect(failure(opensslSign(other, [alice], ["-noattr"]))).toBe("bad_signature");
  });

  it("a flipped byte in the signature value or the signed attributes is bad_signature", () => {
    const signature = opensslSign(body, [alice]);
    expect(failure(flipByte(signature, signature.length - 10))).toBe("bad_signature");
    // The signing time's last digit sits inside the signed attributes: changing it breaks the signature.
    const time = signature.lastIndexOf(Buffer.from([0x17, 0x0d]));
    expect(failure(flipByte(signature, time + 2 + 11))).toBe("bad_signature");
  });

  it("another device's certificate swapped in does not pass for the signer", () => {
    const signature = detachStreamed(opensslSign(body, [alice], ["-stream"]));
    const aliceSerial = Buffer.from(alice.serialNumber, "hex");
    const bobSerial = Buffer.from(bob.serialNumber, "hex");
    // Bob's certificate is included instead of Alice's; the sid still names Alice.
    const certificateSwapped = swapCertificate(
      signature,
      pemToDer(alice.certificatePem),
      pemToDer(bob.certificatePem),
    );
    expect(failure(certificateSwapped)).toBe("no_signer");
    // With the sid also naming Bob, the structure is consistent, but Alice's key made the signature.
    const signerSwapped = replaceAll(certificateSwapped, aliceSerial, bobSerial);
    expect(failure(signerSwapped)).toBe("bad_signature");
  });

  it("a signature without the signer's certificate is no_signer", () => {
    expect(failure(opensslSign(body, [alice], ["-nocerts"]))).toBe("no_signer");
  });

  it("truncated BER is malformed_signature", () => {
    const der = opensslSign(body, [alice]);
    const ber = detachStreamed(opensslSign(body, [alice], ["-stream"]));
    for (const cut of [1, 2, 100]) {
      expect(failure(der.subarray(0, der.length - cut))).toBe("malformed_signature");
      // Cutting the end-of-contents octets off leaves indefinite lengths never closed.
      expect(failure(ber.subarray(0, ber.length - cut))).toBe("malformed_signature");
    }
    expect(failure(Buffer.concat([der, Buffer.of(0)]))).toBe("malformed_signature");
    expect(failure(Buffer.alloc(0))).toBe("malformed_signature");
  });

  it.each([
    ["not base64", "this is not base64!"],
    ["base64 with a bad length", "MIAGCSqGSIb3DQEHAq"],
    ["base64 of garbage", Buffer.from("garbage that is no BER at all").toString("base64")],
    ["base64 of a certificate", "MIIBkTCB+wIJAK"],
    ["empty", ""],
  ])("an Mdm-Signature header that is %s is malformed_signature", (_name, header) => {
    expect(headerFailure(header)).toBe("malformed_signature");
  });

  it("100,000 nested indefinite-length elements are refused at once, without exhausting the stack", () => {
    const depth = 100_000;
    const nested = Buffer.concat([Buffer.alloc(depth * 2, Buffer.of(0x30, 0x80)), Buffer.alloc(depth * 2)]);
    expect(failure(nested)).toBe("input_too_large");
    expect(failure(nested, body, { maxBytes: nested.length })).toBe("malformed_signature");
    expect(() => verifyDetachedCms(nested, body, { maxBytes: nested.length })).toThrow(
      /deeper than 32 levels/,
    );
  });

  it("a signature over the size cap is input_too_large before any parsing", () => {
    const signature = opensslSign(body, [alice]);
    expect(failure(signature, body, { maxBytes: signature.length - 1 })).toBe("input_too_large");
    expect(failure(Buffer.alloc(64 * 1024 + 1, 0x30))).toBe("input_too_large");
    expect(headerFailure("A".repeat(90_000))).toBe("input_too_large");
  });

  it("a SignedData without any SignerInfo is no_signer", () => {
    const empty = sequence(
      objectIdentifier(OID.signedData),
      explicit(0, sequence(smallInteger(1), set(), sequence(objectIdentifier(OID.data)), set())),
    );
    expect(failure(empty)).toBe("no_signer");
  });

  it("two signers are refused: a device signs its messages alone", () => {
    const signature = opensslSign(body, [alice, bob]);
    expect(failure(signature)).toBe("malformed_signature");
    expect(() => verifyDetachedCms(signature, body)).toThrow(/2 signers/);
  });

  it("a signature that carries its own content is not taken as a detached one", () => {
    expect(failure(opensslSign(body, [alice], ["-nodetach"]))).toBe("malformed_signature");
  });

  it("an MD5 digest is unsupported_algorithm", () => {
    expect(failure(opensslSign(body, [alice], ["-md", "md5"]))).toBe("unsupported_algorithm");
  });

  it("something other than SignedData is malformed_signature", () => {
    const data = sequence(objectIdentifier(OID.data), explicit(0, Buffer.of(0x04, 0x01, 0x00)));
    expect(failure(data)).toBe("malformed_signature");
  });
});
