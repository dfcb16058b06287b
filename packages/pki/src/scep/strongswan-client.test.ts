import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { certificateFingerprint, parseCertificate } from "../certificate.js";
import { openssl, scratch } from "../test-support.js";
import { serveScep } from "./http-test-server.js";
import { CHALLENGE, runPki, scepFixture } from "./test-support.js";

// A real SCEP client: strongSwan's `pki --scepca` and `pki --scep` (Debian strongswan-pki with the
// curl plugin from libstrongswan-extra-plugins), against our server over node:http.
let fixture: Awaited<ReturnType<typeof scepFixture>>;
let http: Awaited<ReturnType<typeof serveScep>>;
const files = scratch();

beforeAll(async () => {
  fixture = await scepFixture();
  http = await serveScep(fixture.server);
  files.write(
    "key.pem",
    (await runPki(["--gen", "--type", "rsa", "--size", "2048", "--outform", "pem"])).output,
  );
  expect(files.read("key.pem")).toContain("PRIVATE KEY");
  const fetched = await runPki([
    "--scepca",
    "--url",
    http.url,
    "--outform",
    "pem",
    "--caout",
    files.path("ca.pem"),
    "--raout",
    files.path("ra.pem"),
  ]);
  expect(fetched.status, fetched.output).toBe(0);
});

afterAll(() => http?.close());
beforeEach(() => fixture.reset());

const enrol = (dn: string, password: string, extra: string[] = []) =>
  runPki([
    "--scep",
    "--url",
    http.url,
    "--in",
    files.path("key.pem"),
    "--dn",
    dn,
    "--password",
    password,
    "--cacert-enc",
    files.path("ra.pem"),
    "--cacert-sig",
    files.path("ra.pem"),
    "--cacert",
    files.path("ca.pem"),
    "--outform",
    "pem",
    ...extra,
  ]);

function publicKeyOf(file: string, kind: "certificate" | "key"): string {
  return kind === "certificate"
    ? openssl(["x509", "-in", file, "-noout", "-pubkey"])
    : openssl(["pkey", "-in", file, "-pubout"]);
}

describe("strongSwan pki as the SCEP client", () => {
  it("fetches the CA and the RA certificate with --scepca", () => {
    expect(certificateFingerprint(files.read("ca.pem"))).toBe(fixture.ca.fingerprint);
    expect(certificateFingerprint(files.read("ra.pem"))).toBe(
      certificateFingerprint(fixture.ra.certificatePem),
    );
  });

  it.each([
    ["AES-128-CBC (its default)", []],
    ["DES-EDE3-CBC", ["--cipher", "des3"]],
  ])("enrols with %s, and openssl verifies the certificate for the key it sent", async (_name, extra) => {
    const run = await enrol("CN=strongswan-device", CHALLENGE, extra);
    expect(run.status, run.output).toBe(0);
    expect(run.output).toContain('Issued certificate "CN=strongswan-device"');
    const certificatePem = pemIn(run.output);
    const certificateFile = files.write("issued.pem", certificatePem);
    expect(
      openssl(["verify", "-CAfile", files.path("ca.pem"), "-purpose", "sslclient", certificateFile]),
    ).toContain("OK");
    expect(publicKeyOf(certificateFile, "certificate")).toBe(publicKeyOf(files.path("key.pem"), "key"));

    expect(fixture.authorized).toHaveLength(1);
    expect(fixture.authorized[0]).toMatchObject({
      challenge: CHALLENGE,
      subject: "CN=strongswan-device",
      publicKeyType: "rsa",
      messageType: "PKCSReq",
    });
    expect(fixture.issued).toHaveLength(1);
    expect(fixture.issued[0]!.transactionId).toBe(fixture.authorized[0]!.transactionId);
    expect((await parseCertificate(fixture.issued[0]!.certificate.certificatePem)).fingerprint).toBe(
      certificateFingerprint(certificatePem),
    );
  });

  it("is refused with badRequest for a wrong challenge, and nothing is issued", async () => {
    const run = await enrol("CN=strongswan-device", "not-the-challenge");
    expect(run.status).not.toBe(0);
    expect(run.output).toContain("badRequest");
    expect(run.output).not.toContain("Issued certificate");
    expect(fixture.authorized.map((request) => request.challenge)).toEqual(["not-the-challenge"]);
    expect(fixture.issued).toEqual([]);
    expect(fixture.refused).toMatchObject([{ failInfo: "badRequest" }]);
  });

  it("renews with --cert and --key: a RenewalReq signed by the old certificate, for a new key", async () => {
    const first = await enrol("CN=renewing-device", CHALLENGE);
    expect(first.status, first.output).toBe(0);
    const oldCertificate = files.write("old.pem", pemIn(first.output));
    const newKey = files.write(
      "new-key.pem",
      (await runPki(["--gen", "--type", "rsa", "--size", "2048", "--outform", "pem"])).output,
    );
    fixture.reset();

    const run = await runPki([
      "--scep",
      "--url",
      http.url,
      "--in",
      newKey,
      "--dn",
      "CN=renewing-device",
      "--cert",
      oldCertificate,
      "--key",
      files.path("key.pem"),
      "--cacert-enc",
      files.path("ra.pem"),
      "--cacert-sig",
      files.path("ra.pem"),
      "--cacert",
      files.path("ca.pem"),
      "--outform",
      "pem",
    ]);
    expect(run.status, run.output).toBe(0);
    const renewed = files.write("renewed.pem", pemIn(run.output));
    expect(publicKeyOf(renewed, "certificate")).toBe(publicKeyOf(newKey, "key"));
    expect(fixture.authorized).toMatchObject([
      { messageType: "RenewalReq", challenge: undefined, signerCertificatePem: files.read("old.pem") },
    ]);
  });
});

/** pki prints the issued certificate (PEM, with --outform pem) on stdout among its log lines. */
function pemIn(output: string): string {
  const pem = /-----BEGIN CERTIFICATE-----[^-]+-----END CERTIFICATE-----\n/.exec(output)?.[0];
  expect(pem, output).toBeDefined();
  return pem!;
}
