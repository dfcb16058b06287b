/**
 * What an Mdm-Signature costs: verifying a device's detached CMS signature on every check-in and
 * command report (server side), and signing one per request (simulated devices in load tests), plus
 * signing an enrollment profile. Each row is the mean CPU time of sequential operations after a warm-up, next
 * to node:crypto's bare sign or verify with the same key, so the CMS overhead can be read off.
 *
 *   node --import tsx bench/cms-signature.bench.ts [--iterations N] [--write]
 *
 * The "pkijs 4 parse" row is the library path this package does not take (docs/decisions/0015).
 */
import { createPrivateKey, createPublicKey, sign, verify } from "node:crypto";
import { promisify } from "node:util";
import { parseArgs } from "node:util";
import * as asn1js from "asn1js";
import * as pkijs from "pkijs";
import {
  prepareCmsSigner,
  signAttachedCms,
  signCms,
  signDetachedCms,
  verifyMdmSignature,
} from "../packages/pki/src/index.js";
import {
  detachStreamed,
  opensslSign,
  P256,
  RSA_2048,
  tenantWithDevices,
  type Device,
} from "../packages/pki/src/cms/cms-test-support.js";
import { describeMachine, machineLine } from "./lib/machine.js";
import { writeResults } from "./lib/report.js";
import { markdownTable } from "./lib/stats.js";

const { values } = parseArgs({
  options: { iterations: { type: "string", default: "2000" }, write: { type: "boolean", default: false } },
});
const iterations = Number(values.iterations);
const signAsync = promisify(sign);

/**
 * Mean CPU microseconds (user and system, all threads) per call of `operation`, run one at a time.
 * The machine is shared and noisy; CPU time is steadier than wall-clock time and is what bounds
 * requests per second on a busy server.
 */
async function timeIt(operation: () => unknown): Promise<number> {
  for (let i = 0; i < Math.min(200, iterations); i++) await operation();
  const start = process.cpuUsage();
  for (let i = 0; i < iterations; i++) await operation();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / iterations;
}

const body = Buffer.from(
  `<?xml version="1.0" encoding="UTF-8"?>\n<plist version="1.0"><dict><key>MessageType</key><string>TokenUpdate</string>` +
    `<key>UDID</key><string>${"0".repeat(40)}</string><key>Token</key><data>${"A".repeat(44)}</data></dict></plist>\n`,
);
const profile = Buffer.from(
  `<plist version="1.0"><dict>${"<key>PayloadContent</key><dict/>".repeat(600)}</dict></plist>`,
);

const { devices } = await tenantWithDevices([RSA_2048, P256]);
const [rsa, ec] = devices as [Device, Device];
const rows: string[][] = [];
const row = (what: string, micros: number, baseline?: number) =>
  rows.push([
    what,
    micros.toFixed(0),
    baseline === undefined ? "" : baseline.toFixed(0),
    baseline === undefined ? "" : (micros - baseline).toFixed(0),
  ]);

for (const [name, device] of [
  ["RSA 2048", rsa],
  ["EC P-256", ec],
] as const) {
  const publicKey = createPublicKey(device.certificatePem);
  const privateKey = createPrivateKey(device.privateKeyPem);
  const appleShaped = detachStreamed(opensslSign(body, [device], ["-md", "sha1", "-stream"]));
  const header = appleShaped.toString("base64");
  const rawSignature = sign("sha1", body, privateKey);
  const bareVerify = await timeIt(() => verify("sha1", body, publicKey, rawSignature));
  row(
    `verify Mdm-Signature, ${name}, SHA-1, BER (${appleShaped.length} B)`,
    await timeIt(() => verifyMdmSignature(header, body)),
    bareVerify,
  );

  const bareSign = await timeIt(() => signAsync("sha256", body, privateKey));
  const options = { ...device, digest: "sha256" as const };
  row(
    `signDetachedCms, ${name}, SHA-256, from PEM`,
    await timeIt(() => signDetachedCms(body, options)),
    bareSign,
  );
  const prepared = prepareCmsSigner(device);
  row(
    `signCms detached, ${name}, SHA-256, prepared signer`,
    await timeIt(() => signCms(prepared, body, "sha256", false)),
    bareSign,
  );
  row(
    `signAttachedCms, ${name}, ${(profile.length / 1024).toFixed(0)} KiB profile`,
    await timeIt(() => signAttachedCms(profile, device)),
    bareSign,
  );
}

const sample = opensslSign(body, [rsa], ["-md", "sha1"]);
row(
  "pkijs 4 parse of the same SignedData (not used)",
  await timeIt(
    () =>
      new pkijs.SignedData({
        schema: new pkijs.ContentInfo({ schema: asn1js.fromBER(sample).result }).content,
      }),
  ),
);

const machine = await describeMachine();
const table = markdownTable(["operation", "CPU µs per op", "bare node:crypto µs", "CMS overhead µs"], rows);
const date = new Date().toISOString().slice(0, 10);
const markdown = `Measured ${date} on ${machineLine(machine)}; ${iterations} sequential operations per row.\n\n${table}`;
console.log(markdown);
if (values.write) writeResults("cms-signature", markdown);
