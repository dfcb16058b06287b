import type { Page } from "playwright-core";

/** A small unsigned Configuration profile, as Apple Configurator exports one. */
export function mobileconfig(identifier: string, displayName: string): Buffer {
  return Buffer.from(
    `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
<plist version="1.0"><dict>
<key>PayloadType</key><string>Configuration</string>
<key>PayloadVersion</key><integer>1</integer>
<key>PayloadIdentifier</key><string>${identifier}</string>
<key>PayloadUUID</key><string>9D3F2C9E-5B1A-4C1B-9F0E-2A6B7C8D9E01</string>
<key>PayloadDisplayName</key><string>${displayName}</string>
<key>PayloadContent</key><array/>
</dict></plist>
`,
  );
}

/** Chooses a file with the Profiles page's upload button. */
export async function uploadProfile(page: Page, name: string, content: Buffer): Promise<void> {
  const chooser = page.waitForEvent("filechooser");
  await page.getByRole("button", { name: "Upload profile" }).click();
  await (await chooser).setFiles({ name, mimeType: "application/x-apple-aspen-config", buffer: content });
}
