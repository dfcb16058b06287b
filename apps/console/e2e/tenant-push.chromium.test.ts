import { makeProviderCertificate } from "@meridian/push/testing/provider-certificate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { nav, screenshot, signIn, startConsoleRig, type ConsoleRig } from "./harness.js";

const TENANT_ADMIN = { email: "admin@globex.example", password: "globex admin password" };

/**
 * In cloud mode an organisation's administrator keeps its own APNs push certificate in Settings →
 * Push, sees when the server's is inherited, and cannot change the operator's FCM or WNS credentials.
 */
describe("an organisation's own push certificate, in Chromium", () => {
  let rig: ConsoleRig;

  beforeAll(async () => {
    rig = await startConsoleRig({ MERIDIAN_MODE: "cloud" });
    const server = makeProviderCertificate("com.apple.mgmt.External.operator");
    const stored = await rig.api("PUT", "/api/v1/push/credentials/apns", {
      certificate: { cert: server.cert, key: server.key },
    });
    expect(stored.status).toBe(200);
    const tenant = await rig.api("POST", "/api/v1/tenants", {
      slug: "globex",
      name: "Globex",
      adminEmail: TENANT_ADMIN.email,
      adminPassword: TENANT_ADMIN.password,
    });
    expect(tenant.status).toBe(201);
  });
  afterAll(async () => {
    await rig?.stop();
  });

  it("uploads, confirms and removes the organisation's certificate, the server's inherited otherwise", async () => {
    const page = await rig.newPage();
    await signIn(page, rig.url, TENANT_ADMIN.email, TENANT_ADMIN.password);
    await page.getByRole("heading", { name: "Dashboard" }).waitFor();
    await nav(page, "Settings");
    await page.getByRole("tab", { name: "Push" }).click();
    await page.getByTestId("push-tenant-note").waitFor();
    const apns = page.getByTestId("push-apns");
    await apns.getByText("com.apple.mgmt.External.operator").waitFor();
    await apns.getByText("inherited from the server").waitFor();
    // Nothing of the server's can be removed from here, and only the APNs certificate uploaded.
    expect(await page.getByRole("button", { name: "Remove" }).count()).toBe(0);
    await page.getByText("Upload your APNs push certificate").waitFor();
    expect(await page.getByText("FCM (Android)").count()).toBe(0);

    const own = makeProviderCertificate("com.apple.mgmt.External.globex", { days: 20 });
    await page.getByText("Push certificate (.p12)").click();
    const chooser = page.waitForEvent("filechooser");
    await page.getByRole("button", { name: "Choose .p12 file" }).click();
    await (await chooser).setFiles({ name: "globex.p12", mimeType: "application/x-pkcs12", buffer: own.pfx });
    await page.getByRole("button", { name: "Certificate read" }).waitFor();
    await page.getByLabel("Its password").fill(own.passphrase);
    await page.getByRole("button", { name: "Save at the relay" }).click();
    // Its devices enrolled so far listen on the server's topic: asked first.
    const topicDialog = page.getByRole("dialog", { name: "Change the APNs push topic?" });
    await topicDialog.getByText(/com\.apple\.mgmt\.External\.operator \(the server's/).waitFor();
    await topicDialog.getByRole("button", { name: "Change the topic" }).click();
    await apns.getByText("com.apple.mgmt.External.globex").waitFor();
    await apns.getByText("your organisation's own").waitFor();
    await screenshot(page, "settings-push-tenant");

    // The dashboard warns of the organisation's own certificate, which it renews itself.
    await nav(page, "Dashboard");
    await page
      .getByTestId("warnings")
      .getByText(/com\.apple\.mgmt\.External\.globex/)
      .waitFor();

    await nav(page, "Settings");
    await page.getByRole("tab", { name: "Push" }).click();
    await apns.getByRole("button", { name: "Remove" }).click();
    // Asked first, naming the topic whose devices would be cut off.
    const confirm = page.getByRole("dialog", {
      name: "Remove the Apple Push Notification service credentials?",
    });
    await confirm.getByText(/enrolled on the topic com\.apple\.mgmt\.External\.globex/).waitFor();
    await confirm.getByRole("button", { name: "Remove" }).click();
    await apns.getByText("inherited from the server").waitFor();
    await apns.getByText("com.apple.mgmt.External.operator").waitFor();
    await page.close();
    expect(rig.pageErrors).toEqual([]);
  });
});
