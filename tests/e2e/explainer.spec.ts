import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { test, expect, ready } from "./fixtures";

/** The explainer pages, read from content/en/pages: slug, title and order from the front matter. */
const PAGES = readdirSync(join(__dirname, "../../content/en/pages"))
  .filter((f) => f.endsWith(".md"))
  .map((f) => {
    const text = readFileSync(join(__dirname, "../../content/en/pages", f), "utf8");
    const field = (name: string) => text.match(new RegExp(`^${name} = (.*)$`, "m"))![1];
    return { slug: JSON.parse(field("slug")), title: JSON.parse(field("title")), order: Number(field("order")), dimension: text.match(/^dimension = "(.*)"$/m)?.[1] };
  })
  .sort((a, b) => a.order - b.order);

test("every explainer page has its route, its title and one h1, and every link in it resolves", async ({ page }) => {
  expect(PAGES.length).toBeGreaterThanOrEqual(15);
  const targets = new Set<string>();
  for (const p of PAGES) {
    await page.goto(`./#/learn/${p.slug}`);
    await ready(page);
    await expect(page.locator("h1")).toHaveText(p.title);
    await expect(page.locator(".prose p").first()).toBeVisible();
    await expect(page.locator("h1")).toHaveCount(1);
    await expect(page).toHaveTitle(`${p.title} · Closer`);
    await expect(page.locator(`.guide a[aria-current="page"]`)).toHaveText(p.title);
    // Headings go down one level at a time.
    const levels = await page.locator("main h1, main h2, main h3, main h4").evaluateAll((hs) => hs.map((h) => Number(h.tagName[1])));
    for (let i = 1; i < levels.length; i++) expect(levels[i] - levels[i - 1], `${p.slug}: h${levels[i - 1]} then h${levels[i]}`).toBeLessThanOrEqual(1);
    const links = await page.locator(".prose a[href^='#/']").evaluateAll((as) => as.map((a) => a.getAttribute("href")!));
    links.forEach((l) => targets.add(l));
  }
  // Each link target, loaded afresh, is a real page.
  expect(targets.size).toBeGreaterThan(5);
  for (const href of targets) {
    await page.goto("about:blank");
    await page.goto(`./${href}`);
    await ready(page);
    await expect(page.locator("h1"), href).not.toHaveText("Page not found");
  }
});

test("the contents page reaches every page, and previous and next walk through them in order", async ({ page }) => {
  await page.goto("./#/learn");
  await ready(page);
  await expect(page.locator("main .contents a")).toHaveText(PAGES.map((p) => p.title));
  await page.getByRole("link", { name: PAGES[0].title }).first().click();
  for (let i = 1; i < PAGES.length; i++) {
    await page.getByRole("link", { name: `Next: ${PAGES[i].title}` }).click();
    await expect(page.locator("h1")).toHaveText(PAGES[i].title);
  }
  await expect(page.getByRole("link", { name: /^Next:/ })).toHaveCount(0);
  await page.getByRole("link", { name: `Previous: ${PAGES[PAGES.length - 2].title}` }).click();
  await expect(page.locator("h1")).toHaveText(PAGES[PAGES.length - 2].title);
});

test("every dimension has a page, and the skip link moves focus to the content", async ({ page }) => {
  const dims = PAGES.filter((p) => p.dimension).map((p) => p.dimension);
  expect(new Set(dims)).toEqual(new Set(["authenticity", "quality_time", "support", "boundaries", "openness", "empathy", "security", "physical"]));
  await page.goto("./#/learn/why-it-matters");
  await ready(page);
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Skip to the main content" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.locator("main")).toBeFocused();
  await expect(page.locator("header nav a[aria-current='page']")).toHaveText("Learn");
});

test("a page body that cannot be loaded, or is not the one built, is never shown: a message and a retry instead", async ({ browser, baseURL }) => {
  // A page of its own: the failures here are on purpose, so the usual watch does not apply.
  const page = await browser.newPage({ baseURL });
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  let mode: "fail" | "tamper" | "pass" = "fail";
  await page.route("**/pages/*.html", (route) =>
    mode === "fail" ? route.abort() : mode === "tamper" ? route.fulfill({ contentType: "text/html", body: "<p id=injected>Not ours</p>" }) : route.continue(),
  );
  await page.goto("./#/learn/safety");
  await expect(page.getByRole("alert")).toContainText("could not be loaded");
  mode = "tamper";
  await page.getByRole("button", { name: "Try again" }).click();
  await expect(page.getByRole("alert")).toContainText("could not be loaded");
  await expect(page.locator("#injected")).toHaveCount(0);
  mode = "pass";
  await page.getByRole("button", { name: "Try again" }).click();
  await expect(page.locator(".prose h2").first()).toBeVisible();
  // Fetched once: back on the page later, it is there at once, even with the network gone.
  mode = "fail";
  await page.goto("./#/learn");
  await page.goto("./#/learn/safety");
  await expect(page.locator(".prose h2").first()).toBeVisible();
  expect(errors).toEqual([]);
  await page.close();
});

test("a first visit does not load the explainer pages", async ({ page }) => {
  const fetched: string[] = [];
  page.on("request", (r) => { if (r.url().includes("/pages/")) fetched.push(r.url()); });
  await page.goto("./");
  await ready(page);
  await page.goto("./#/quiz");
  await expect(page.locator("fieldset[data-kind=statement]")).toBeVisible();
  expect(fetched).toEqual([]);
  await page.goto("./#/learn/empathy");
  await expect(page.locator(".prose h2").first()).toBeVisible();
  expect(fetched).toHaveLength(1);
});

test("the studies are attributed and the disclaimer is there", async ({ page }) => {
  await page.goto("./#/learn/why-it-matters");
  await ready(page);
  await expect(page.locator(".prose")).toContainText("2018");
  await expect(page.locator(".prose")).toContainText("43");
  await page.goto("./#/learn/getting-help");
  await expect(page.locator(".prose")).toContainText("2021");
  await page.goto("./#/learn/how-it-works");
  await expect(page.locator(".prose")).toContainText(/not .*diagnosis/);
});
