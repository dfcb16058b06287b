import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { buildConsole, consoleIsFresh } from "../build/console-build.js";
import { startAllInOne, type AllInOne } from "../../cli/src/all-in-one/start-all.js";

export const ADMIN = { email: "admin@example.com", password: "a long admin password" };
export const SCREENSHOTS = join(
  dirname(fileURLToPath(import.meta.url)),
  "..",
  "..",
  "..",
  "docs",
  "screenshots",
);

const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });

/** Everything a console test drives: Meridian on a fresh data directory, and Chromium. */
export interface ConsoleRig {
  meridian: AllInOne;
  url: string;
  browser: BrowserContext;
  /** Uncaught errors in any page: a test fails if there are any. */
  pageErrors: string[];
  newPage(width?: number): Promise<Page>;
  api<T>(method: string, path: string, body?: unknown, token?: string): Promise<{ status: number; body: T }>;
  stop(): Promise<void>;
}

/** `environment` adds settings (MERIDIAN_MODE=cloud...) to the test defaults. */
export async function startConsoleRig(environment: Record<string, string> = {}): Promise<ConsoleRig> {
  if (!consoleIsFresh()) await buildConsole();
  const dataDir = mkdtempSync(join(tmpdir(), "meridian-console-e2e-"));
  const profileDir = mkdtempSync(join(tmpdir(), "meridian-chromium-"));
  const meridian = await startAllInOne({
    MERIDIAN_DATA_DIR: dataDir,
    MERIDIAN_HTTP_PORT: String(await freePort()),
    MERIDIAN_RELAY_LINK_PORT: String(await freePort()),
    MERIDIAN_RELAY_EDGE_PORT: String(await freePort()),
    MERIDIAN_ADMIN_EMAIL: ADMIN.email,
    MERIDIAN_ADMIN_PASSWORD: ADMIN.password,
    MERIDIAN_LOG_LEVEL: "silent",
    ...environment,
  });
  await meridian.server.relay!.whenSynced();
  const browser = await chromium.launchPersistentContext(profileDir, {
    executablePath: "/usr/bin/chromium",
    headless: true,
    viewport: { width: 1280, height: 860 },
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  const url = meridian.server.url;
  const pageErrors: string[] = [];
  mkdirSync(SCREENSHOTS, { recursive: true });
  let adminToken = "";
  const api: ConsoleRig["api"] = async (method, path, body, token) => {
    if (!token && !adminToken) {
      const login = await fetch(`${url}/api/v1/auth/login`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(ADMIN),
      });
      adminToken = ((await login.json()) as { token: string }).token;
    }
    const response = await fetch(`${url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token ?? adminToken}`,
        ...(body === undefined ? {} : { "content-type": "application/json" }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : undefined) as never };
  };
  return {
    meridian,
    url,
    browser,
    pageErrors,
    api,
    async newPage(width = 1280) {
      const page = await browser.newPage();
      await page.setViewportSize({ width, height: 860 });
      page.on("pageerror", (error) => pageErrors.push(error.message));
      return page;
    },
    async stop() {
      await browser.close();
      await meridian.stop();
      rmSync(dataDir, { recursive: true, force: true });
      rmSync(profileDir, { recursive: true, force: true });
    },
  };
}

export async function signIn(page: Page, url: string, email: string, password: string): Promise<void> {
  await page.goto(`${url}/console/`);
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("navigation", { name: "Main" }).waitFor();
}

/** A full-page screenshot for docs/screenshots, once the page has settled (charts drawn, no spinner). */
export async function screenshot(page: Page, name: string): Promise<void> {
  await page.waitForLoadState("networkidle");
  await page.waitForTimeout(400);
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** Follows a link of the main navigation. */
export async function nav(page: Page, label: string): Promise<void> {
  await page
    .getByRole("navigation", { name: "Main" })
    .getByRole("link", { name: label, exact: true })
    .click();
}
