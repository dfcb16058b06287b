import { createPublicKey } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { openssl, scratch } from "../test-support.js";
import { scepEnroll, ScepEnrolmentError } from "./client.js";
import { serveScep } from "./http-test-server.js";
import { CHALLENGE, rsaKeyPem, scepFixture } from "./test-support.js";

let fixture: Awaited<ReturnType<typeof scepFixture>>;
let http: Awaited<ReturnType<typeof serveScep>>;
let keyPem: string;

beforeAll(async () => {
  fixture = await scepFixture();
  http = await serveScep(fixture.server);
  keyPem = await rsaKeyPem();
});
afterAll(() => http?.close());
beforeEach(() => fixture.reset());

const samePublicKey = (certificatePem: string, privateKeyPem: string) =>
  createPublicKey(certificatePem).equals(createPublicKey(privateKeyPem));

describe("scepEnroll, as a simulated iPhone uses it", () => {
  it.each(["aes-128-cbc", "aes-256-cbc", "des-ede3-cbc"] as const)(
    "gets a certificate over HTTP with %s that openssl verifies against the CA",
    async (cipher) => {
      const certificatePem = await scepEnroll({
        url: http.url,
        challenge: CHALLENGE,
        subject: "CN=iPhone-42, O=Acme",
        keys: { privateKeyPem: keyPem },
        cipher,
      });
      const files = scratch();
      const verdict = openssl([
        "verify",
        "-CAfile",
        files.write("ca.pem", fixture.ca.certificatePem),
        "-purpose",
        "sslclient",
        files.write("cert.pem", certificatePem),
      ]);
      expect(verdict).toContain("OK");
      expect(samePublicKey(certificatePem, keyPem)).toBe(true);
      expect(fixture.authorized).toMatchObject([{ subject: "CN=iPhone-42, O=Acme", challenge: CHALLENGE }]);
      expect(fixture.issued).toHaveLength(1);
    },
  );

  it("works through any fetch, here one that calls the server's handle directly", async () => {
    const direct = async (url: string, init?: RequestInit) => {
      const query = new URL(url).searchParams;
      const body = init?.body === undefined ? undefined : new Uint8Array(init.body as Uint8Array);
      const answer = await fixture.server.handle({
        method: init?.method === "POST" ? "POST" : "GET",
        operation: query.get("operation") ?? "",
        message: body ?? query.get("message") ?? undefined,
      });
      return new Response(answer.body, {
        status: answer.status,
        headers: { "content-type": answer.contentType },
      });
    };
    const certificatePem = await scepEnroll({
      url: "http://scep.invalid/scep",
      fetch: direct,
      challenge: CHALLENGE,
      subject: "CN=iPhone-direct",
      keys: { privateKeyPem: keyPem },
    });
    expect(samePublicKey(certificatePem, keyPem)).toBe(true);
  });

  it("rejects with the server's failInfo when the challenge is wrong", async () => {
    const attempt = scepEnroll({
      url: http.url,
      challenge: "guess",
      subject: "CN=iPhone-42",
      keys: { privateKeyPem: keyPem },
    });
    await expect(attempt).rejects.toBeInstanceOf(ScepEnrolmentError);
    await expect(attempt).rejects.toMatchObject({ code: "scep_enrolment_failed", failInfo: "badRequest" });
    expect(fixture.issued).toEqual([]);
  });

  it("refuses a key that is not RSA before sending anything", async () => {
    const { privateKey } = await import("node:crypto").then((crypto) =>
      crypto.generateKeyPairSync("ec", { namedCurve: "P-256" }),
    );
    await expect(
      scepEnroll({
        url: http.url,
        challenge: CHALLENGE,
        subject: "CN=iPhone-42",
        keys: { privateKeyPem: privateKey.export({ type: "pkcs8", format: "pem" }).toString() },
      }),
    ).rejects.toMatchObject({ code: "unsupported_key" });
    expect(fixture.authorized).toEqual([]);
  });
});
