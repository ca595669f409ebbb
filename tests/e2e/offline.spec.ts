// Working offline and installing like an app: the service worker the build writes (sw.js, from
// scripts/offline.mjs), the manifest and its icons, the update notice, and no worker where
// Closer is embedded. Tests that take the network away serve a build on a server of their own,
// which they stop (and the browser is set offline too), so nothing can come from the network.
import { Browser, BrowserContext, Page, chromium } from "@playwright/test";
import { cpSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { test, expect, ready, watch } from "./fixtures";
import { statements } from "./content";

const ROOT = join(__dirname, "../..");
// The build under test (CLOSER_DIST, as playwright.config.ts serves it; default dist/).
const DIST = join(ROOT, process.env.CLOSER_DIST ?? "dist");
const ALL = statements();
const FOLDER = "/a/b/closer/";
const PAGES = readdirSync(join(ROOT, "content/en/pages"))
  .filter((f) => f.endsWith(".md"))
  .map((f) => {
    const text = readFileSync(join(ROOT, "content/en/pages", f), "utf8");
    return { slug: JSON.parse(text.match(/^slug = (.*)$/m)![1]), title: JSON.parse(text.match(/^title = (.*)$/m)![1]) };
  });

/** Serves `dir` under FOLDER on loopback (port 0: any free one, or the one given). */
async function serve(dir: string, port = 0): Promise<{ server: Server; url: string; stop: () => Promise<void>; asked: string[] }> {
  // A plain JavaScript module of the build, with a top-level await: imported, not required.
  const { startServer } = await import("../../scripts/serve.mjs" as string);
  const server: Server = await startServer({ dir, port, prefixes: [FOLDER] });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}${FOLDER}`;
  // Every path asked of this server, relative to FOLDER.
  const asked: string[] = [];
  server.on("request", (req) => asked.push(decodeURIComponent(new URL(req.url!, url).pathname).slice(FOLDER.length)));
  const stop = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return { server, url, stop, asked };
}

async function person(browser: Browser, problems: string[], url: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  watch(page, problems, [new URL(url).origin]);
  return { context, page };
}

/** Waits until this page's folder has a worker that has taken over, with its files kept. */
async function workerActive(page: Page) {
  await expect
    .poll(() => page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.active?.state ?? "none"), { timeout: 30_000 })
    .toBe("activated");
}

/** The names of the caches Closer's workers keep on this site. */
/** A person on this build, with its worker active; then `next` served in its place at the same
 *  address (the person's page still the old one). */
async function nextVersionServed(browser: Browser, problems: string[], next: string) {
  const old = await serve(DIST);
  const { context, page } = await person(browser, problems, old.url);
  await page.goto(old.url);
  await ready(page);
  await workerActive(page);
  await old.stop();
  const site = await serve(next, Number(new URL(old.url).port));
  return { site, context, page };
}

function closerCaches(page: Page): Promise<string[]> {
  return page.evaluate(async () => (await caches.keys()).filter((n) => n.startsWith("closer ")));
}

async function answer(page: Page, from: number, to: number) {
  for (let n = from; n <= to; n++) {
    await expect(page.locator(".progress-text")).toHaveText(`${n} of ${ALL.length}`);
    await page.getByText("Agree", { exact: true }).click();
  }
}

test("after one visit, Closer works with no network: the start page, a whole check-in, results, history and every explainer page", async ({ browser, problems }) => {
  test.setTimeout(120_000);
  const site = await serve(DIST);
  const { context, page } = await person(browser, problems, site.url);
  await page.goto(site.url);
  await ready(page);
  await workerActive(page);
  // A first visit offers no update: there was no older version.
  await expect(page.getByText("A new version of Closer is ready")).toHaveCount(0);

  await site.stop();
  await context.setOffline(true);
  const response = await page.reload();
  expect(response?.fromServiceWorker(), "the page comes from the worker's cache").toBe(true);
  await ready(page);
  await expect(page.locator("h1")).toHaveText("How close do you feel?");

  await page.getByRole("button", { name: "Start the check-in" }).click();
  await answer(page, 1, ALL.length);
  await page.getByRole("link", { name: "Continue" }).click();
  await page.getByRole("button", { name: "See my results" }).click();
  await expect(page.locator("[data-dimension]")).toHaveCount(8);

  await page.goto(`${site.url}#/history`);
  await expect(page.locator("h1")).toHaveText("Your history");
  await expect(page.getByRole("button", { name: /^Delete the check-in from/ })).toHaveCount(1);

  // Every explainer page, its body fetched (from the cache) when it is opened.
  expect(PAGES.length).toBeGreaterThanOrEqual(15);
  for (const p of PAGES) {
    await page.goto(`${site.url}#/learn/${p.slug}`);
    await expect(page.locator("h1")).toHaveText(p.title);
    await expect(page.locator(".prose p").first()).toBeVisible();
  }
  // Opened afresh at an explainer page, too.
  await page.reload();
  await expect(page.locator(".prose p").first()).toBeVisible();
  // And each at its real path, as the prerendered page of its own.
  for (const p of PAGES) {
    const response = await page.goto(`${site.url}learn/${p.slug}/`);
    expect(response?.fromServiceWorker(), `learn/${p.slug}/ comes from the worker's cache`).toBe(true);
    await expect(page.locator("h1")).toHaveText(p.title);
    await expect(page.locator(".prose p").first()).toBeVisible();
  }
  // The check-in's first statement at its real path, too.
  const checkIn = await page.goto(`${site.url}check-in/`);
  expect(checkIn?.fromServiceWorker(), "check-in/ comes from the worker's cache").toBe(true);
  await expect(page).toHaveURL(`${site.url}#/quiz`);
  await ready(page);
  await expect(page.locator(".progress-text")).toHaveText(`1 of ${ALL.length}`);
  // And the front page in Spanish at its real path (last: it keeps Spanish as the choice).
  const es = await page.goto(`${site.url}es/`);
  expect(es?.fromServiceWorker(), "es/ comes from the worker's cache").toBe(true);
  await expect(page).toHaveURL(`${site.url}?hl=es#/`);
  await ready(page);
  await expect(page.getByRole("button", { name: "Empezar el cuestionario" })).toBeVisible();
  await context.close();
});

test.describe("a new version", () => {
  let next: string;
  test.beforeAll(() => {
    // The next build: the same files with a changed page, and its worker written from them as the
    // build writes it (a new worker, whose files differ).
    next = mkdtempSync(join(tmpdir(), "closer-next-"));
    cpSync(DIST, next, { recursive: true });
    const index = join(next, "index.html");
    writeFileSync(index, readFileSync(index, "utf8").replace("</head>", `<meta name="closer-build" content="next" />\n  </head>`));
    execFileSync("node", [join(ROOT, "scripts/offline.mjs"), "sw", next]);
  });
  test.afterAll(() => rmSync(next, { recursive: true, force: true }));

  test("waits for a reload the person chooses; answers given before, and offline, are kept", async ({ browser, problems }) => {
    test.setTimeout(90_000);
    let site = await serve(DIST);
    const port = new URL(site.url).port;
    const { context, page } = await person(browser, problems, site.url);
    await page.goto(site.url);
    await ready(page);
    await page.getByRole("button", { name: "Start the check-in" }).click();
    await answer(page, 1, 3);
    await workerActive(page);

    // Offline, mid-check-in.
    await site.stop();
    await context.setOffline(true);
    await page.reload();
    await answer(page, 4, 5);
    await expect(page.locator(".progress-text")).toHaveText(`6 of ${ALL.length}`);

    // Back online, where the next build is now served: the page still runs this version, and
    // says calmly that a new one is ready.
    site = await serve(next, Number(port));
    await context.setOffline(false);
    await page.reload();
    await expect(page.locator(".progress-text")).toHaveText(`6 of ${ALL.length}`);
    const notice = page.locator(".notice", { hasText: "A new version of Closer is ready" });
    await expect(notice).toBeVisible({ timeout: 30_000 });
    await expect(notice).toHaveAttribute("role", "status");
    await expect(page.locator('meta[name="closer-build"]')).toHaveCount(0);
    // Nothing moved while the notice came: the statement on screen is still the sixth.
    await expect(page.locator(".progress-text")).toHaveText(`6 of ${ALL.length}`);

    await notice.getByRole("button", { name: "Reload now" }).click();
    await expect(page.locator('meta[name="closer-build"]')).toHaveCount(1);
    await ready(page);
    await expect(page.locator(".progress-text")).toHaveText(`6 of ${ALL.length}`);
    await expect(page.getByText("A new version of Closer is ready")).toHaveCount(0);
    // Every answer is still there.
    await page.goto(`${site.url}#/review`);
    await expect(page.getByText(`You skipped ${ALL.length - 5} statements.`)).toBeVisible();
    // The old version's cache is gone; only the new one's is kept.
    await expect.poll(() => closerCaches(page)).toHaveLength(1);
    await context.close();
    await site.stop();
  });

  test("where answers cannot be saved, no reload is offered: the new version waits for the next visit", async ({ browser, problems }) => {
    const { site, context, page } = await nextVersionServed(browser, problems, next);
    // A page whose storage is full: its answers live in memory only, and a reload would lose them.
    const full = await context.newPage();
    watch(full, problems, [new URL(site.url).origin]);
    await full.addInitScript(() => {
      Storage.prototype.setItem = function () {
        throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
      };
    });
    await full.goto(`${site.url}#/quiz`);
    await ready(full);
    await answer(full, 1, 2);
    await expect(full.getByTestId("not-kept")).toContainText("storage is full");
    const notice = full.locator(".notice", { hasText: "A new version of Closer is ready" });
    await expect(notice).toContainText("It will be used the next time you open Closer.", { timeout: 30_000 });
    await expect(notice.getByRole("button")).toHaveText(["Dismiss"]);
    await expect(full.locator(".progress-text")).toHaveText(`3 of ${ALL.length}`);
    await context.close();
    await site.stop();
  });
});

/** Every file below `dir`, as paths with `/`. */
function filesOf(dir: string): string[] {
  return (readdirSync(dir, { recursive: true }) as string[]).map((f) => f.split("\\").join("/")).filter((f) => statSync(join(dir, f)).isFile());
}

/**
 * The next build as the build makes it when one words file changes (Spanish's): that file under a
 * new name (words files are named after their checksum) and the boot script given its new
 * integrity, every file that names it changed to name the new one, and each such file whose name
 * has a hash in it renamed in turn (the boot script), until nothing more changes; then its worker,
 * written as the build writes it.
 */
function buildWithNewWords(from: string): string {
  const next = mkdtempSync(join(tmpdir(), "closer-words-"));
  cpSync(from, next, { recursive: true });
  const boot = readFileSync(join(next, "index.html"), "utf8").match(/src="\.\/(boot-[0-9a-f]+\.js)"/)![1];
  const es = readFileSync(join(next, boot), "utf8").match(/es:"\.\/(words-[0-9a-f]{8}\.txt)"/)![1];
  let renames: [string, string][] = [[es, "words-0e0e0e0e.txt"]];
  const integrity = (file: string) => `sha384-${createHash("sha384").update(readFileSync(join(next, file))).digest("base64")}`;
  const before = integrity(es);
  writeFileSync(join(next, es), readFileSync(join(next, es), "utf8").replace("Confianza", "Confianza mutua"));
  const bootText = readFileSync(join(next, boot), "utf8");
  expect(bootText).toContain(before);
  writeFileSync(join(next, boot), bootText.replace(before, integrity(es)));
  let round = 0;
  while (renames.length && round++ < 5) {
    for (const [old, name] of renames) renameSync(join(next, old), join(next, name));
    const more: [string, string][] = [];
    for (const f of filesOf(next).filter((f) => /\.(html|js|webmanifest)$/.test(f))) {
      const text = readFileSync(join(next, f), "utf8");
      const changed = renames.reduce((t, [old, name]) => t.replaceAll(old, name), text);
      if (changed === text) continue;
      writeFileSync(join(next, f), changed);
      const hashed = f.match(/^(boot|qr)-[0-9a-f]+\.js$/);
      if (hashed) more.push([f, `${hashed[1]}-${round.toString(16).padStart(16, "f")}.js`]);
    }
    renames = more;
  }
  execFileSync("node", [join(ROOT, "scripts/offline.mjs"), "sw", next]);
  return next;
}

test("a second build after changing one words file: its worker fetches only the files that changed, and keeps only the new build's", async ({ browser, problems }) => {
  test.setTimeout(120_000);
  const next = buildWithNewWords(DIST);
  try {
    const before = new Set(filesOf(DIST));
    const changed = filesOf(next).filter((f) => f !== "sw.js" && (!before.has(f) || !readFileSync(join(DIST, f)).equals(readFileSync(join(next, f)))));
    // The words file, the boot script that names it, and the pages that load the boot script.
    expect(changed.some((f) => /^words-/.test(f)), "the words file is new").toBe(true);
    expect(changed.some((f) => /^boot-/.test(f)), "the boot script is new").toBe(true);
    expect(changed).toContain("index.html");
    const FILES: string[] = JSON.parse(readFileSync(join(next, "sw.js"), "utf8").match(/const FILES = (\[[^\]]*\]);/)![1]);
    const kept = new Set(FILES.map((f) => f.replace(/^\.\//, "")));
    const refetched = changed.filter((f) => kept.has(f)).sort();
    expect(refetched.length).toBeLessThan(kept.size / 4);

    const { site, context, page } = await nextVersionServed(browser, problems, next);
    await page.reload();
    await ready(page);
    await expect
      .poll(() => page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting?.state ?? "none"), { timeout: 30_000 })
      .toBe("installed");
    // What the new worker asked of the server (besides itself): the changed files it keeps, each once.
    const asked = site.asked.filter((p) => p !== "sw.js");
    expect(asked.sort()).toEqual(refetched);
    // Once it takes over, the cache holds exactly the new build's files.
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.waiting!.postMessage("closer:take-over"));
    await expect.poll(() => page.evaluate(async () => { const r = await navigator.serviceWorker.getRegistration(); return !r?.waiting && r?.active?.state; })).toBe("activated");
    await expect
      .poll(async () => {
        const names = await closerCaches(page);
        const keys = await page.evaluate(async (names) => (await Promise.all(names.map(async (n) => (await (await caches.open(n)).keys()).map((r) => r.url)))).flat(), names);
        return keys.map((k) => new URL(k).pathname.slice(FOLDER.length)).sort();
      }, { timeout: 15_000 })
      .toEqual([...kept].sort());
    await context.close();
    await site.stop();
  } finally {
    rmSync(next, { recursive: true, force: true });
  }
});

test("where a debug build is served, the release build's worker and its caches remove themselves", async ({ browser, problems }) => {
  const dir = mkdtempSync(join(tmpdir(), "closer-debug-"));
  try {
    cpSync(DIST, dir, { recursive: true });
    let site = await serve(dir);
    const { context, page } = await person(browser, problems, site.url);
    await page.goto(site.url);
    await ready(page);
    await workerActive(page);
    expect(await closerCaches(page)).toHaveLength(1);
    // `trunk serve` writes this worker instead (scripts/build/worker.mjs, debug builds); the server
    // starts afresh (it keeps what it served).
    const { RETIRING_WORKER } = await import("../../scripts/offline.mjs" as string);
    writeFileSync(join(dir, "sw.js"), RETIRING_WORKER);
    await site.stop();
    site = await serve(dir, Number(new URL(site.url).port));
    await page.reload();
    // The retiring worker reloads the page once it has removed itself: a check that meets that
    // navigation is asked again.
    const again = <T>(check: () => Promise<T>) => () => check().catch(() => "page reloading" as const);
    await expect.poll(again(() => page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length)), { timeout: 30_000 }).toBe(0);
    await expect.poll(again(() => closerCaches(page))).toEqual([]);
    await ready(page);
    await context.close();
    await site.stop();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("installable: the manifest, its icons and the worker are found, from a folder of the host", async ({ baseURL, problems }) => {
  // A browser profile of its own: Chromium installs nothing from an incognito context, which is
  // what Playwright's contexts are.
  const profile = mkdtempSync(join(tmpdir(), "closer-profile-"));
  const context = await chromium.launchPersistentContext(profile, test.info().project.use.launchOptions ?? {});
  const page = context.pages()[0] ?? (await context.newPage());
  watch(page, problems, [new URL(baseURL!).origin]);
  await page.goto(new URL(FOLDER, baseURL).href);
  await ready(page);
  await workerActive(page);
  const cdp = await context.newCDPSession(page);
  const { installabilityErrors } = await cdp.send("Page.getInstallabilityErrors");
  expect(installabilityErrors).toEqual([]);
  const { url, errors, data } = await cdp.send("Page.getAppManifest");
  expect(errors).toEqual([]);
  const manifest = JSON.parse(data!);
  expect(new URL(manifest.start_url, url).href).toBe(new URL(FOLDER, page.url()).href);
  expect(new URL(manifest.scope, url).href).toBe(new URL(FOLDER, page.url()).href);
  expect(manifest.short_name).toBe("Closer");
  expect(manifest.display).toBe("standalone");
  expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/);
  expect(manifest.background_color).toMatch(/^#[0-9a-f]{6}$/);
  expect(manifest.color_scheme_dark.background_color).not.toBe(manifest.background_color);
  // The sizes phones ask for, each a PNG of exactly that size.
  const icons: { src: string; sizes: string; purpose: string }[] = manifest.icons;
  expect(icons.map((i) => `${i.sizes} ${i.purpose}`).sort()).toEqual(["192x192 any", "512x512 any", "512x512 maskable"]);
  const apple = await page.locator('link[rel="apple-touch-icon"]').getAttribute("href");
  for (const [src, size] of [...icons.map((i) => [i.src, Number(i.sizes.split("x")[0])] as const), [apple!, 180] as const]) {
    const response = await page.request.get(new URL(src, url).href);
    expect(response.headers()["content-type"]).toBe("image/png");
    const png = await response.body();
    expect([png.readUInt32BE(16), png.readUInt32BE(20)], src).toEqual([size, size]);
  }
  // The browser bar's colour follows the colour scheme.
  await expect(page.locator('meta[name="theme-color"][media="(prefers-color-scheme: light)"]')).toHaveAttribute("content", manifest.theme_color);
  await expect(page.locator('meta[name="theme-color"][media="(prefers-color-scheme: dark)"]')).toHaveAttribute("content", manifest.color_scheme_dark.theme_color);
  await context.close();
  rmSync(profile, { recursive: true, force: true });
});

test("no worker in embed mode, on the site itself or in another site's frame; the site beside it has one", async ({ browser, problems }) => {
  const context = await browser.newContext();
  const origin = "http://127.0.0.1:4173";
  const embedded = await context.newPage();
  watch(embedded, problems, [origin]);
  await embedded.goto(`${origin}/quiz/?embed=1`);
  await ready(embedded);
  const host = await context.newPage();
  watch(host, problems, [origin, "http://localhost:4174"]);
  await host.goto("http://localhost:4174/post.html");
  const frame = host.frameLocator("iframe");
  await expect(frame.locator("h1")).toHaveText("How close do you feel?");
  // The full site in another folder of the same origin registers its worker meanwhile: by the
  // time it has taken over, the embedded pages, opened first, would have registered theirs.
  const site = await context.newPage();
  watch(site, problems, [origin]);
  await site.goto(`${origin}/some/path/`);
  await ready(site);
  await workerActive(site);
  const scopes = () => embedded.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).map((r) => r.scope));
  expect(await scopes()).toEqual([`${origin}/some/path/`]);
  expect(await embedded.evaluate(() => navigator.serviceWorker.controller)).toBeNull();
  // The frame on another site: no worker controls it, and none is registered in its
  // (partitioned) storage, where this Chromium refuses workers altogether.
  expect(await frame.locator("body").evaluate(() => navigator.serviceWorker.controller)).toBeNull();
  expect(await frame.locator("body").evaluate(() => navigator.serviceWorker.getRegistrations().then((r) => r.length, () => 0))).toBe(0);
  await context.close();
});

test("“Delete everything” also removes Closer's offline copy, and the app goes on working online", async ({ page }) => {
  await page.goto("./");
  await ready(page);
  await workerActive(page);
  expect(await closerCaches(page)).toHaveLength(1);
  await page.goto("./#/data");
  await page.getByRole("button", { name: "Delete everything" }).click();
  await page.getByRole("button", { name: "Yes, delete everything" }).click();
  await expect(page.getByText("Everything Closer stored on this device has been deleted.")).toBeVisible();
  await expect.poll(() => closerCaches(page)).toEqual([]);
  await expect.poll(() => page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length)).toBe(0);
  // Nothing the page needs later was lost: an explainer page still opens (from the network).
  await page.goto("./#/learn/safety");
  await expect(page.locator(".prose p").first()).toBeVisible();
});
