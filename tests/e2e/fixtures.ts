import { test as base, expect, Page, BrowserContext } from "@playwright/test";

/**
 * Every test fails on any console error, uncaught exception, failed request, or request to
 * another origin than the one serving the app: Closer sends nothing anywhere.
 */
export function watch(page: Page, problems: string[], allowedOrigins: string[]) {
  page.on("console", (msg) => {
    if (msg.type() === "error") problems.push(`console error: ${msg.text()}`);
  });
  page.on("pageerror", (err) => problems.push(`uncaught exception: ${err.message}`));
  page.on("requestfailed", (req) => {
    // A test navigating away cancels what the old page was still loading (often the icon):
    // that is the browser's doing, not a failure of the app.
    if (req.failure()?.errorText === "net::ERR_ABORTED") return;
    problems.push(`failed request: ${req.url()} (${req.failure()?.errorText})`);
  });
  page.on("request", (req) => {
    const url = new URL(req.url());
    if (url.protocol === "data:" || url.protocol === "blob:") return;
    if (!allowedOrigins.includes(url.origin)) problems.push(`request to another origin: ${req.url()}`);
  });
  page.on("response", (res) => {
    if (res.status() >= 400) problems.push(`HTTP ${res.status()}: ${res.url()}`);
  });
}

type Fixtures = { problems: string[]; newPerson: () => Promise<Page> };

export const test = base.extend<Fixtures>({
  problems: async ({}, use) => {
    const problems: string[] = [];
    await use(problems);
    expect(problems, "console errors, exceptions, failed or foreign requests").toEqual([]);
  },
  page: async ({ page, problems, baseURL }, use) => {
    watch(page, problems, [new URL(baseURL!).origin]);
    await use(page);
  },
  // A second person, with a browser context (and so a localStorage) of their own.
  newPerson: async ({ browser, problems, baseURL }, use) => {
    const contexts: BrowserContext[] = [];
    await use(async () => {
      const context = await browser.newContext({ baseURL });
      contexts.push(context);
      const page = await context.newPage();
      watch(page, problems, [new URL(baseURL!).origin]);
      return page;
    });
    for (const c of contexts) await c.close();
  },
});

export { expect };

export const LABELS = ["Strongly disagree", "Disagree", "Neutral", "Agree", "Strongly agree"];

/** Waits until the app has rendered (the wasm has loaded and mounted), and has taken over a
 *  prerendered page (the start-up script then drops `data-prerendered` from the body). */
export async function ready(page: Page) {
  await expect(page.locator("main h1").first()).toBeAttached({ timeout: 15_000 });
  await expect(page.locator("body[data-prerendered]")).toHaveCount(0, { timeout: 15_000 });
}

/** The "12 of 36" progress, as numbers. */
export async function progress(page: Page): Promise<[number, number]> {
  const text = (await page.locator(".progress-text").textContent()) ?? "";
  const m = text.match(/(\d+) of (\d+)/);
  if (!m) throw new Error(`no progress in "${text}"`);
  return [Number(m[1]), Number(m[2])];
}

/** Opens each bad partner link in `cases` and checks the page that says it cannot be opened,
 *  with the message expected for it. */
export async function expectRefusedLinks(page: Page, cases: [string, RegExp][]) {
  for (const [bad, message] of cases) {
    await page.goto("about:blank");
    await page.goto(`./#/compare/${bad}`);
    await ready(page);
    await expect(page.locator("h1")).toHaveText("This link cannot be opened");
    await expect(page.getByRole("alert")).toHaveText(message);
  }
}
