import { AgentDevice, activateDevice, androidProfile, type DeviceCredentials } from "@meridian/simulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN, nav, screenshot, signIn, startConsoleRig, type ConsoleRig } from "./harness.js";
import { mobileconfig, uploadProfile } from "./profiles.js";
import { startFcmEmulator } from "@meridian/emulators";
import { makeProviderCertificate } from "@meridian/push/testing/provider-certificate";

/**
 * The production console, served by a real Meridian (relay and server) on a fresh data directory and
 * driven in Chromium as an administrator would, with a simulated Android device on the other side.
 */
describe("the console, in Chromium", () => {
  let rig: ConsoleRig;

  beforeAll(async () => {
    rig = await startConsoleRig();
  });
  afterAll(async () => {
    await rig?.stop();
  });

  it("takes an administrator from sign-in to a locked device, and shows it in the audit log", async () => {
    const page = await rig.newPage();
    await signIn(page, rig.url, ADMIN.email, ADMIN.password);
    await page.getByRole("heading", { name: "Dashboard" }).waitFor();

    // A user, then an activation whose password and QR code are shown once.
    await nav(page, "Users");
    await page.getByText("No users yet").waitFor();
    await page.getByRole("button", { name: "Create user" }).click();
    await page.getByLabel("Email").fill("ada@example.com");
    await page.getByLabel("Given name").fill("Ada");
    await page.getByLabel("Family name").fill("Lovelace");
    await page.getByRole("button", { name: "Create user" }).last().click();
    await page.getByRole("heading", { name: "Ada Lovelace" }).waitFor();
    await page.getByRole("button", { name: "Create activation" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Create" }).click();
    const password = (await page.getByTestId("activation-password").textContent())!.trim();
    expect(password).toMatch(/^\S{6,}$/);
    await page.getByTestId("activation-qr").waitFor();
    expect(
      await page
        .getByTestId("activation-qr")
        .evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth),
    ).toBeGreaterThan(100);

    // The device activates through the embedded relay and appears on the user's page by itself.
    let credentials: DeviceCredentials | undefined;
    for (let i = 0; !credentials && i < 30; i++) {
      credentials = await activateDevice({
        relay: {
          edge: rig.meridian.relay!.edgeAddress,
          host: rig.meridian.relay!.host,
          caFingerprint: rig.meridian.relay!.caFingerprint,
        },
        address: "ada@example.com",
        password,
        platform: "android",
        device: { model: "Pixel 8" },
      }).catch(async () => {
        await new Promise((resolve) => setTimeout(resolve, 100));
        return undefined;
      });
    }
    const device = new AgentDevice(credentials!, androidProfile(7));
    try {
      await device.hello();
      await device.reportInventory();
      await page.getByTestId("user-devices").getByRole("link").waitFor({ timeout: 15_000 });
      await screenshot(page, "user");

      await nav(page, "Users");
      await page.getByTestId("users-table").waitFor();
      await screenshot(page, "users");

      await nav(page, "Devices");
      await page.getByTestId("device-row").first().waitFor();
      await screenshot(page, "devices");
      await page.getByTestId("device-row").first().getByRole("link").click();
      await page.getByTestId("device-apps").waitFor();

      // Lock, confirmed in a dialog that names the device; the device carries it out.
      await page.getByRole("button", { name: "Send command" }).click();
      await page.getByRole("menuitem", { name: "Lock" }).click();
      const dialog = page.getByRole("dialog");
      await dialog.getByText(/It is sent to/).waitFor();
      await dialog.getByRole("button", { name: /^Lock/ }).click();
      await page.locator('[data-command-type="lock"]').waitFor();
      await device.execute((await device.nextCommand(10))!);
      await page
        .locator('[data-command-type="lock"] [data-state="acknowledged"]')
        .waitFor({ timeout: 15_000 });
      await screenshot(page, "device");

      // A wipe asks for the device's name before it can be sent.
      await page.getByRole("button", { name: "Send command" }).click();
      await page.getByRole("menuitem", { name: "Wipe" }).click();
      await expect
        .poll(() => page.getByRole("dialog").getByRole("button", { name: /^Wipe/ }).isDisabled())
        .toBe(true);
      await page.getByRole("dialog").getByRole("button", { name: "Cancel" }).click();
    } finally {
      device.close();
    }

    await nav(page, "Audit log");
    await page.getByTestId("audit-table").getByText("user.create").waitFor();
    await page.getByTestId("audit-table").getByText("command.send").first().waitFor();
    await screenshot(page, "audit");

    await nav(page, "Settings");
    await page.getByTestId("administrators").waitFor();
    await screenshot(page, "settings");
    await page.getByRole("tab", { name: "Roles" }).click();
    await page.getByTestId("roles-matrix").waitFor();
    await screenshot(page, "settings-roles");

    // Push credentials go to the relay, which checks them: a bad file is refused in words, a good one kept.
    await page.getByRole("tab", { name: "Push" }).click();
    await page.getByTestId("push-credentials").waitFor();
    await page.getByLabel("…or paste it").fill('{"type": "service_account"}');
    await page.getByRole("button", { name: "Save at the relay" }).click();
    await page
      .getByText(/client_email|private_key|service account/i)
      .first()
      .waitFor();
    const fcm = await startFcmEmulator();
    await page.getByLabel("…or paste it").fill(JSON.stringify(fcm.createServiceAccount("acme-fleet")));
    await page.getByRole("button", { name: "Save at the relay" }).click();
    await page.getByTestId("push-fcm").getByText("acme-fleet").waitFor();
    await fcm.close();

    // An APNs push certificate (.p12) that ends in 20 days: kept, its end shown, and warned of.
    const certificate = makeProviderCertificate("com.apple.mgmt.External.e2e", { days: 20 });
    await page.getByText("APNs (Apple)").click();
    await page.getByText("Push certificate (.p12)").click();
    const chooser = page.waitForEvent("filechooser");
    await page.getByRole("button", { name: "Choose .p12 file" }).click();
    await (
      await chooser
    ).setFiles({ name: "push.p12", mimeType: "application/x-pkcs12", buffer: certificate.pfx });
    await page.getByRole("button", { name: "Certificate read" }).waitFor();
    await page.getByLabel("Its password").fill(certificate.passphrase);
    await page.getByRole("button", { name: "Save at the relay" }).click();
    await page.getByTestId("push-apns").getByText("com.apple.mgmt.External.e2e").waitFor();
    await page
      .getByTestId("push-apns")
      .getByText(/valid until/)
      .waitFor();

    // A certificate for another topic would cut off every enrolled Apple device: asked first, then kept.
    const otherTopic = makeProviderCertificate("com.apple.mgmt.External.other", { days: 20 });
    await page.getByText("Push certificate (.p12)").click();
    const secondChooser = page.waitForEvent("filechooser");
    await page.getByRole("button", { name: "Choose .p12 file" }).click();
    await (
      await secondChooser
    ).setFiles({ name: "other.p12", mimeType: "application/x-pkcs12", buffer: otherTopic.pfx });
    await page.getByRole("button", { name: "Certificate read" }).waitFor();
    await page.getByLabel("Its password").fill(otherTopic.passphrase);
    await page.getByRole("button", { name: "Save at the relay" }).click();
    const topicDialog = page.getByRole("dialog", { name: "Change the APNs push topic?" });
    await topicDialog.getByText(/current one is for com\.apple\.mgmt\.External\.e2e/).waitFor();
    await topicDialog.getByText(/stop receiving commands, and each must enrol again/).waitFor();
    await screenshot(page, "settings-push-topic-change");
    await topicDialog.getByRole("button", { name: "Change the topic" }).click();
    await page.getByTestId("push-apns").getByText("com.apple.mgmt.External.other").waitFor();
    await screenshot(page, "settings-push");

    await nav(page, "Dashboard");
    await page.getByTestId("warnings").getByText("The APNs push certificate expires soon").waitFor();
    await page.getByTestId("device-charts").waitFor();
    await screenshot(page, "dashboard");
    await page.close();
    expect(rig.pageErrors).toEqual([]);
  });

  it("uploads a configuration profile, refuses a file that is not one, and installs it on the iOS devices", async () => {
    // An iPhone, activated as an agent would, so that there is an iOS device to install on.
    const user = await rig.api<{ id: string }>("POST", "/api/v1/users", {
      email: "grace@example.com",
      givenName: "Grace",
      familyName: "Hopper",
    });
    const issued = await rig.api<{ password: string }>("POST", `/api/v1/users/${user.body.id}/activations`, {
      platforms: ["ios"],
    });
    const iphone = await activateDevice({
      relay: {
        edge: rig.meridian.relay!.edgeAddress,
        host: rig.meridian.relay!.host,
        caFingerprint: rig.meridian.relay!.caFingerprint,
      },
      address: "grace@example.com",
      password: issued.body.password,
      platform: "ios",
      device: { model: "iPhone 16" },
    });

    const page = await rig.newPage();
    await signIn(page, rig.url, ADMIN.email, ADMIN.password);
    await nav(page, "Profiles");
    await page.getByText("No profiles yet").waitFor();
    await uploadProfile(page, "wifi.mobileconfig", mobileconfig("com.example.wifi", "Office Wi-Fi"));
    await page.getByTestId("profile-row").getByText("com.example.wifi").waitFor();
    // A file that is not a profile is refused with the server's own words.
    await uploadProfile(page, "notes.mobileconfig", Buffer.from("just some notes"));
    await page
      .getByRole("alert")
      .getByText(/not a readable \.mobileconfig/)
      .waitFor();
    await screenshot(page, "profiles");

    await page.getByRole("button", { name: "Install on devices…" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByText("All iOS devices").waitFor();
    await dialog.getByRole("button", { name: "Install" }).click();
    expect(
      await dialog
        .getByTestId("install-queued")
        .getByText(/Queued for/)
        .textContent(),
    ).toBe("Queued for 1 iOS device.");
    await screenshot(page, "profiles-install");
    await dialog.getByRole("button", { name: "Close" }).click();

    // To a group: the server picks the devices of the group's users, nested groups included.
    const outer = await rig.api<{ id: string }>("POST", "/api/v1/groups", { name: "Engineering" });
    const inner = await rig.api<{ id: string }>("POST", "/api/v1/groups", { name: "Compilers" });
    await rig.api("POST", `/api/v1/groups/${outer.body.id}/members`, { type: "group", id: inner.body.id });
    await rig.api("POST", `/api/v1/groups/${inner.body.id}/members`, { type: "user", id: user.body.id });
    await rig.api("POST", "/api/v1/groups", { name: "Nobody here" });
    const toGroup = async (group: string, expected: string) => {
      await page.getByRole("button", { name: "Install on devices…" }).click();
      await dialog.getByText("A group's devices").click();
      await dialog.getByLabel("Group", { exact: true }).click();
      await page.getByRole("option", { name: group }).click();
      await dialog.getByRole("button", { name: "Install" }).click();
      expect(await dialog.getByTestId("install-queued").textContent()).toContain(expected);
      await dialog.getByRole("button", { name: "Close" }).click();
    };
    await toGroup("Engineering", "Queued for 1 iOS device.");
    await toGroup("Nobody here", "No managed iOS device was found there; nothing was sent.");

    // The device list filters by group too, and keeps the group in the address.
    await nav(page, "Devices");
    await page.getByTestId("device-row").first().waitFor();
    await page.getByTestId("device-filters").getByLabel("Group", { exact: true }).click();
    await page.getByRole("option", { name: "Engineering" }).click();
    await expect.poll(() => page.getByTestId("device-row").count()).toBe(1);
    expect(new URL(page.url()).searchParams.get("group")).toBe(outer.body.id);
    await page.getByTestId("device-row").locator(`a[href$="${iphone.deviceId}"]`).waitFor();

    // The iPhone's page offers the Apple commands, among them installing a stored profile.
    await page.goto(`${rig.url}/console/devices/${iphone.deviceId}`);
    await page.getByRole("button", { name: "Send command" }).click();
    await page.getByRole("menuitem", { name: "Shut down" }).waitFor();
    await page.getByRole("menuitem", { name: "Install profile" }).click();
    await page.getByRole("dialog").getByLabel("Profile").click();
    await page.getByRole("option", { name: /Office Wi-Fi/ }).waitFor();
    await screenshot(page, "device-install-profile");
    await page.keyboard.press("Escape");
    await page.getByRole("dialog").getByRole("button", { name: "Cancel" }).click();
    await page.getByRole("dialog").waitFor({ state: "detached" });

    // Removing one offers the stored profiles (and, once asked, what the device reported), or takes a typed identifier.
    await page.getByRole("button", { name: "Send command" }).click();
    await page.getByRole("menuitem", { name: "Remove profile" }).click();
    const identifier = page.getByRole("dialog").getByLabel("Identifier of the installed profile");
    await identifier.click();
    await page.getByRole("option", { name: "Office Wi-Fi (com.example.wifi) stored" }).click();
    expect(await identifier.inputValue()).toBe("com.example.wifi");
    await page.getByRole("dialog").getByRole("button", { name: "Cancel" }).click();
    await page.getByRole("dialog").waitFor({ state: "detached" });

    // An Android device is offered none of them, and can have its work data deleted.
    const android = await rig.api<{ items: Array<{ id: string }> }>(
      "GET",
      "/api/v1/devices?platform=android",
    );
    await page.goto(`${rig.url}/console/devices/${android.body.items[0]!.id}`);
    await page.getByRole("button", { name: "Send command" }).click();
    await page.getByRole("menuitem", { name: "Delete work data" }).waitFor();
    const offered = await page.getByRole("menuitem").allTextContents();
    for (const appleOnly of ["Shut down", "Install profile", "Remove profile", "Rename device"])
      expect(offered).not.toContain(appleOnly);
    await page.close();
    expect(rig.pageErrors).toEqual([]);
  });

  it("fits a tablet: the navigation folds behind a menu button at 768 px", async () => {
    const page = await rig.newPage(768);
    await signIn(page, rig.url, ADMIN.email, ADMIN.password);
    await page.goto(`${rig.url}/console/devices`);
    await page.getByTestId("device-row").first().waitFor();
    await screenshot(page, "devices-tablet");
    await page.getByRole("button", { name: "Menu" }).click();
    await nav(page, "Users");
    await page.getByRole("heading", { name: "Users" }).waitFor();
    await page.close();
  });

  it("refuses a Help Desk administrator a page their role does not allow, and names the permission", async () => {
    const created = await rig.api("POST", "/api/v1/administrators", {
      email: "desk@example.com",
      password: "help desk password",
      roleId: "help-desk",
    });
    expect(created.status).toBe(201);
    const page = await rig.newPage();
    await signIn(page, rig.url, "desk@example.com", "help desk password");
    await page.goto(`${rig.url}/console/users/import`);
    const refusal = page.getByTestId("forbidden");
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain("users:write");
    await screenshot(page, "forbidden");
    // Reading is allowed: the users list shows, without the buttons that change users.
    await nav(page, "Users");
    await page.getByTestId("users-table").waitFor();
    expect(await page.getByRole("button", { name: "Create user" }).count()).toBe(0);
    await page.close();
  });

  it("sends an administrator whose session ended back to sign-in, saying why", async () => {
    const page = await rig.newPage();
    await signIn(page, rig.url, ADMIN.email, ADMIN.password);
    // The dashboard's first requests must be answered before the session ends: one answered after
    // would end it in this page already, and the reload below would find no session to explain.
    await page.waitForLoadState("networkidle");
    // The page's own storage, read in the page (this file has no DOM types).
    const stored = await page.evaluate("sessionStorage.getItem('meridian.session')");
    const { token } = JSON.parse(String(stored)) as { token: string };
    // Leave the console first (the tab keeps its sessionStorage): a refresh of the open dashboard
    // would otherwise meet the 401 on its own, on a busy machine before the page below does.
    await page.goto("about:blank");
    expect((await rig.api("POST", "/api/v1/auth/logout", undefined, token)).status).toBe(204);
    // Open a page that asks the API for data.
    await page.goto(`${rig.url}/console/groups`);
    await page.getByTestId("session-ended").waitFor();
    expect(await page.getByTestId("session-ended").textContent()).toContain("session has ended");
    expect(new URL(page.url()).pathname).toBe("/console/sign-in");
    await page.close();
  });
});
