/**
 * How fast the web console loads and how its device list responds with 100,000 devices.
 *
 *   node --import tsx bench/console.bench.ts [--devices N] [--loads N] [--samples N]
 *
 * Builds the console if it is stale and reports its size (gzip, and Brotli as sent), seeds a fresh SQLite store with
 * users and devices (as api-paging.bench.ts does), starts the real server, and drives Debian's
 * Chromium: cold loads (a new browser context each, so nothing cached) to the first meaningful
 * render, then, on the device list, filter changes and scroll steps timed inside the page from the
 * input to the frame that shows its result. Targets: first load under 1 s; interactions under 100 ms.
 */
import { existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import { chromium, type Browser, type Page } from "playwright-core";
import { DEFAULT_TENANT_ID } from "@meridian/core";
import { buildConsole, consoleDistDir, consoleIsFresh } from "../apps/console/build/console-build.js";
import { generateDevices, generateUsers } from "./lib/dataset.js";
import { describeMachine, machineLine } from "./lib/machine.js";
import { seedFleet } from "./lib/seed.js";
import { BENCH_ADMIN, startBenchServer, tempDataDir } from "./lib/server.js";
import { ms, summarize, type Summary } from "./lib/stats.js";

const { values: args } = parseArgs({
  options: {
    devices: { type: "string", default: "100000" },
    loads: { type: "string", default: "9" },
    samples: { type: "string", default: "15" },
  },
});
const deviceCount = Number(args.devices);
const loads = Number(args.loads);
const samples = Number(args.samples);

const line = (label: string, s: Summary, target: number) =>
  process.stdout.write(
    `${label.padEnd(52)} p50 ${ms(s.p50).padStart(7)}  p95 ${ms(s.p95).padStart(7)}  max ${ms(s.max).padStart(7)} ms` +
      `${s.p50 < target ? "" : "  <-- over target"}\n`,
  );

function bundleSizes() {
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
  const assets = join(consoleDistDir, "assets");
  const gz = (file: string) => gzipSync(readFileSync(file)).length;
  // What the server sends a browser that accepts Brotli: the build's .br copy when it made one.
  const br = (file: string) => readFileSync(existsSync(`${file}.br`) ? `${file}.br` : file).length;
  const built = readdirSync(assets)
    .filter((f) => !/\.(br|gz)$/.test(f))
    .map((f) => join(assets, f));
  const sum = (files: string[], size: (file: string) => number) => files.reduce((n, f) => n + size(f), 0);
  // What the first page load fetches: index.html and the files it names (entry, preloads, styles).
  const index = readFileSync(join(consoleDistDir, "index.html"), "utf8");
  const named = [...index.matchAll(/(?:src|href)="\/console\/(assets\/[^"]+)"/g)].map((m) =>
    join(consoleDistDir, m[1]!),
  );
  const first = [join(consoleDistDir, "index.html"), ...named];
  process.stdout.write(
    `console bundle: first load ${kb(sum(first, gz))} gzip, ${kb(sum(first, br))} as sent (Brotli) (${first.length} files); ` +
      `every page ${kb(sum(built, gz))} gzip, ${kb(sum(built, br))} Brotli\n`,
  );
}

/**
 * Inside the page: from the option's pointerdown event to the frame after the one in which every row
 * shown is in the chosen state, what the administrator waits for. Rows are recycled by position, so
 * a changed element cannot be the signal; what the rows say is.
 */
const WATCH_FILTER = (state: string) => `void (window.meridianFilterShown = new Promise((resolve) => {
  let down;
  document.addEventListener("pointerdown", (event) => { down = event.timeStamp; }, { once: true, capture: true });
  const shown = () => {
    const rows = [...document.querySelectorAll('[data-testid="device-row"]')];
    return down !== undefined && rows.length > 0 && rows.every((row) => row.getAttribute("data-state") === ${JSON.stringify(state)});
  };
  const observer = new MutationObserver(() => {
    if (!shown()) return;
    observer.disconnect();
    requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now() - down)));
  });
  observer.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ["data-state"] });
}))`;

/**
 * A state picked in the filter bar. Returns the time inside the page (above) and, as an upper bound,
 * the time from the driver sending the click to its seeing the rows (it adds the driver's round trips).
 */
async function timeFilterChange(page: Page, state: string): Promise<{ inPage: number; driver: number }> {
  await page.getByRole("combobox", { name: "State" }).click();
  const option = page.getByRole("option", { name: state, exact: true });
  await option.waitFor();
  await page.evaluate(WATCH_FILTER(state));
  const started = performance.now();
  await option.click();
  await page.waitForFunction(
    (wanted) => {
      const doc = (
        globalThis as unknown as {
          document: { querySelectorAll(s: string): ArrayLike<{ getAttribute(n: string): string | null }> };
        }
      ).document;
      const rows = Array.from(doc.querySelectorAll('[data-testid="device-row"]'));
      return rows.length > 0 && rows.every((row) => row.getAttribute("data-state") === wanted);
    },
    state,
    { polling: "raf" },
  );
  const driver = performance.now() - started;
  return { inPage: Number(await page.evaluate("window.meridianFilterShown")), driver };
}

/** One scroll step of 30 rows, from setting scrollTop to the frame that paints the new rows. */
const SCROLL_STEP = `new Promise((resolve) => {
  const scroller = document.querySelector('[data-testid="device-scroller"]');
  const start = performance.now();
  scroller.scrollTop += 30 * 44;
  requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now() - start)));
})`;

const machine = await describeMachine();
process.stdout.write(`${machineLine(machine)}\n`);
if (!consoleIsFresh()) {
  process.stdout.write("building the console...\n");
  await buildConsole();
}
bundleSizes();

const dataDir = tempDataDir();
let browser: Browser | undefined;
const server = await startBenchServer(dataDir);
try {
  const now = Date.now();
  const users = generateUsers(Math.max(1, Math.round(deviceCount / 2)), DEFAULT_TENANT_ID, 1, now);
  const devices = generateDevices(deviceCount, DEFAULT_TENANT_ID, users, 2, now);
  process.stdout.write(`seeding ${users.length} users and ${devices.length} devices...`);
  const seeded = await seedFleet(server.store, DEFAULT_TENANT_ID, users, devices);
  process.stdout.write(` ${((seeded.usersMs + seeded.devicesMs) / 1000).toFixed(1)} s\n`);

  browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  const login = await fetch(`${server.url}/api/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(BENCH_ADMIN),
  });
  const session = (await login.json()) as { token: string; expiresAt: number };
  const signedIn = `sessionStorage.setItem("meridian.session", ${JSON.stringify(
    JSON.stringify({
      token: session.token,
      expiresAt: session.expiresAt,
      email: BENCH_ADMIN.email,
      displayName: "",
    }),
  )})`;

  // Cold loads: a new context each time, so nothing is cached.
  const coldLoad = async (path: string, ready: (page: Page) => Promise<unknown>, withSession: boolean) => {
    const times: number[] = [];
    for (let i = 0; i < loads; i++) {
      const context = await browser!.newContext({ viewport: { width: 1280, height: 860 } });
      if (withSession) await context.addInitScript(signedIn);
      const page = await context.newPage();
      const started = performance.now();
      await page.goto(`${server.url}${path}`, { waitUntil: "commit" });
      await ready(page);
      times.push(performance.now() - started);
      await context.close();
    }
    return summarize(times.slice(1));
  };
  line(
    "first load: sign-in page, form shown",
    await coldLoad("/console/", (p) => p.getByLabel("Email", { exact: true }).waitFor(), false),
    1000,
  );
  line(
    `first load: device list, first rows of ${deviceCount.toLocaleString()}`,
    await coldLoad("/console/devices", (p) => p.getByTestId("device-row").first().waitFor(), true),
    1000,
  );
  line(
    "first load: dashboard, charts drawn",
    await coldLoad(
      "/console/dashboard",
      (p) => p.getByTestId("device-charts").locator("svg").first().waitFor(),
      true,
    ),
    1000,
  );

  const context = await browser!.newContext({ viewport: { width: 1280, height: 860 } });
  await context.addInitScript(signedIn);
  const page = await context.newPage();
  await page.goto(`${server.url}/console/devices`);
  await page.getByTestId("device-row").first().waitFor();
  const filterTimes: Array<{ inPage: number; driver: number }> = [];
  const states = ["active", "inactive", "lost", "enrolling"];
  for (let i = 0; i < samples; i++)
    filterTimes.push(await timeFilterChange(page, states[i % states.length]!));
  line("device list: state filter changed, rows painted", summarize(filterTimes.map((t) => t.inPage)), 100);
  line(
    "  (the same, as the driver sees it: an upper bound)",
    summarize(filterTimes.map((t) => t.driver)),
    100,
  );

  await page.getByRole("button", { name: "Clear" }).click();
  await page.getByTestId("device-row").first().waitFor();
  const scrollTimes: number[] = [];
  for (let i = 0; i < samples * 4; i++) scrollTimes.push(Number(await page.evaluate(SCROLL_STEP)));
  line("device list: scroll step (30 rows), frame painted", summarize(scrollTimes), 100);
  const loaded = await page.getByTestId("device-count").textContent();
  process.stdout.write(`  (after scrolling: ${loaded})\n`);
  await context.close();
} finally {
  await browser?.close();
  await server.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
