/** The enrollment page a user opens on their iPhone, iPad or Mac: address, activation password, platform. */

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!,
  );

export interface EnrollmentPageInput {
  organization: string;
  address?: string | undefined;
  platform?: "ios" | "macos" | undefined;
  /** Why the last try failed, in words the user can act on. */
  error?: string | undefined;
}

/** Guesses the platform from the browser, so most users never touch the choice. */
export function platformFromUserAgent(userAgent: string | undefined): "ios" | "macos" {
  return /Macintosh|Mac OS X(?!.*Mobile)/.test(userAgent ?? "") && !/iPhone|iPad|Mobile/.test(userAgent ?? "")
    ? "macos"
    : "ios";
}

export function enrollmentPage(input: EnrollmentPageInput): string {
  const organization = escapeHtml(input.organization);
  const checked = (platform: string) => (input.platform === platform ? " checked" : "");
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Enrol this device · ${organization}</title>
<style>
  body { font: 17px/1.45 -apple-system, system-ui, sans-serif; margin: 0; padding: 24px; background: #f5f5f7; color: #1d1d1f; }
  main { max-width: 440px; margin: 0 auto; background: #fff; border-radius: 14px; padding: 24px; box-shadow: 0 1px 3px rgba(0,0,0,.08); }
  h1 { font-size: 22px; margin: 0 0 8px; }
  label { display: block; margin: 16px 0 6px; font-weight: 600; }
  input[type=email], input[type=password] { width: 100%; box-sizing: border-box; padding: 12px; font-size: 17px; border: 1px solid #c7c7cc; border-radius: 10px; }
  fieldset { border: 0; padding: 0; margin: 16px 0 0; }
  legend { font-weight: 600; margin-bottom: 6px; }
  fieldset label { display: inline; font-weight: 400; margin-right: 16px; }
  button { margin-top: 24px; width: 100%; padding: 14px; font-size: 17px; font-weight: 600; color: #fff; background: #0071e3; border: 0; border-radius: 10px; }
  .error { background: #fdecea; color: #8a1c14; padding: 12px; border-radius: 10px; margin-top: 12px; }
  .hint { color: #6e6e73; font-size: 15px; }
</style>
</head>
<body>
<main>
<h1>Enrol this device with ${organization}</h1>
<p class="hint">Use the email address and the activation password your administrator gave you. Your device then downloads a profile; open Settings to install it.</p>
${input.error ? `<p class="error" role="alert">${escapeHtml(input.error)}</p>` : ""}
<form method="post" action="/enroll">
<label for="address">Email address</label>
<input id="address" name="address" type="email" autocomplete="username" required maxlength="254" value="${escapeHtml(input.address ?? "")}">
<label for="password">Activation password</label>
<input id="password" name="password" type="password" autocomplete="one-time-code" required maxlength="64">
<fieldset>
<legend>This device is</legend>
<input type="radio" id="ios" name="platform" value="ios"${checked("ios")}><label for="ios">an iPhone or iPad</label>
<input type="radio" id="macos" name="platform" value="macos"${checked("macos")}><label for="macos">a Mac</label>
</fieldset>
<button type="submit">Download the profile</button>
</form>
</main>
</body>
</html>
`;
}
