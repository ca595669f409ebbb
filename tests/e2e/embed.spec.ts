import { Browser, Page, FrameLocator } from "@playwright/test";
import { test, expect, watch } from "./fixtures";
import { statements, uiWord } from "./content";

const ALL = statements();
// The app and the blog that embeds it live on different origins.
const APP = "http://127.0.0.1:4173/a/b/closer/";
const HOST = "http://localhost:4174";

/** Opens a host page from tests/e2e/hosts, served on another origin than the app, in a page of its
 *  own that is watched like every other (console errors, failed or foreign requests). */
async function openHost(browser: Browser, problems: string[], name: string) {
  const page = await browser.newPage();
  watch(page, problems, [HOST, new URL(APP).origin]);
  await page.addInitScript(() => {
    (window as any).__csp = [];
    document.addEventListener("securitypolicyviolation", (e) => (window as any).__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.goto(`${HOST}/${name}`);
  return { page, frame: page.frameLocator("iframe") };
}

async function frameHeight(page: Page) {
  return page.locator("iframe").evaluate((f: HTMLIFrameElement) => f.getBoundingClientRect().height);
}

async function contentHeight(frame: FrameLocator) {
  return frame.locator("body").evaluate((b) => Math.ceil(b.getBoundingClientRect().height));
}

async function runQuiz(frame: FrameLocator | Page) {
  await frame.getByRole("button", { name: "Start the check-in" }).click();
  for (let n = 1; n <= ALL.length; n++) {
    await expect(frame.locator(".progress-text")).toHaveText(`${n} of ${ALL.length}`);
    await frame.getByText("Agree", { exact: true }).click();
  }
  await frame.getByRole("link", { name: "Continue" }).click();
  await frame.getByRole("button", { name: "See my results" }).click();
  await expect(frame.locator("[data-dimension]")).toHaveCount(8);
}

test.describe("embedded in another site's page", () => {
  test.use({ baseURL: undefined });

  test("two pasted lines embed Closer, which sizes itself, grows and shrinks, and completes", async ({ browser, problems }) => {
    const { page, frame } = await openHost(browser, problems, "post.html");
    await expect(frame.locator("h1")).toHaveText("How close do you feel?");
    await expect(page.locator("iframe")).toHaveAttribute("src", `${APP}?embed=1`);
    await expect(page.locator("iframe")).toHaveAttribute("title", /Closer/);
    // Embed mode: no site header or footer.
    await expect(frame.locator(".site-header")).toHaveCount(0);
    await expect(frame.locator(".site-footer")).toHaveCount(0);
    // The frame takes the height of its content.
    await expect.poll(async () => Math.abs((await frameHeight(page)) - (await contentHeight(frame)))).toBeLessThanOrEqual(1);
    const startHeight = await frameHeight(page);
    await runQuiz(frame);
    await expect.poll(() => frameHeight(page)).toBeGreaterThan(startHeight * 2);
    const resultsHeight = await frameHeight(page);
    // A shorter page: the frame shrinks to fit.
    await frame.locator("body").evaluate(() => (location.hash = "#/nowhere"));
    await expect(frame.locator("h1")).toHaveText("Page not found");
    await expect.poll(() => frameHeight(page)).toBeLessThan(resultsHeight / 3);
    await expect.poll(async () => Math.abs((await frameHeight(page)) - (await contentHeight(frame)))).toBeLessThanOrEqual(1);
    // No CSP violation, in the host or in the frame.
    expect(await page.evaluate(() => (window as any).__csp)).toEqual([]);
    expect(await frame.locator("body").evaluate(() => (window as any).__csp)).toEqual([]);
    await page.close();
  });

  test("the quick exit leaves the whole page where the browser allows it, and else blanks the frame", async ({ browser, problems }) => {
    const to = uiWord("safety", "exit_to");
    const neutral = new URL(to).origin;
    for (const [host, whole] of [["post.html", true], ["sandboxed.html", false]] as const) {
      const page = await browser.newPage();
      watch(page, problems, [HOST, new URL(APP).origin, neutral]);
      await page.context().route(`${neutral}/**`, (r) => r.fulfill({ contentType: "text/html", body: "<title>Weather</title><p>Sunny</p>" }));
      await page.goto(`${HOST}/${host}`);
      const frame = page.frameLocator("iframe");
      await expect(frame.locator("h1")).toBeVisible();
      await frame.getByTestId("quick-exit").click();
      if (whole) {
        // The blog's page is replaced, not only the frame.
        await page.waitForURL(to);
        await expect(page).toHaveTitle("Weather");
      } else {
        // A sandbox without allow-top-navigation: the frame shows nothing of Closer.
        await expect(frame.locator("main")).toBeHidden();
        expect(page.url()).toBe(`${HOST}/${host}`);
        // The browser reports the refused attempt on the whole page: expected here, and the
        // only such report.
        const refused = problems.filter((p) => p.includes("Unsafe attempt to initiate navigation"));
        expect(refused).toHaveLength(1);
        problems.splice(problems.indexOf(refused[0]), 1);
      }
      await page.close();
    }
  });

  test("links to the full site open in a new tab, without embed mode", async ({ browser, problems }) => {
    const { page, frame } = await openHost(browser, problems, "post.html");
    const link = frame.getByRole("link", { name: "Open Closer in a new tab" });
    await expect(link).toHaveAttribute("target", "_blank");
    await expect(link).toHaveAttribute("href", `${APP}#/`);
    await page.close();
  });

  test("a sandboxed iframe without allow-same-origin still runs the quiz, and says progress is not kept", async ({ browser, problems }) => {
    const { page, frame } = await openHost(browser, problems, "sandboxed.html");
    await expect(frame.getByTestId("not-kept")).toContainText("not letting Closer save");
    await expect(frame.getByRole("link", { name: "Open Closer in its own tab to keep your progress" })).toHaveAttribute("target", "_blank");
    await runQuiz(frame);
    expect(await frame.locator("body").evaluate(() => (window as any).__csp)).toEqual([]);
    await page.close();
  });
});

for (const path of ["/quiz/", "/a/b/closer/"]) {
  test(`the release build runs under ${path} with no CSP violation`, async ({ page }) => {
    await page.addInitScript(() => {
      (window as any).__csp = [];
      document.addEventListener("securitypolicyviolation", (e) => (window as any).__csp.push(e.violatedDirective));
    });
    await page.goto(path);
    await runQuiz(page);
    expect(await page.evaluate(() => (window as any).__csp)).toEqual([]);
  });
}
