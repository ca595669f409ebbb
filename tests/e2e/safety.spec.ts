import AxeBuilder from "@axe-core/playwright";
import { test, expect, ready, watch } from "./fixtures";
import { statements, favourable, contentVersion, uiWord, DIMENSIONS } from "./content";

const ALL = statements();
const TO = uiWord("safety", "exit_to");
const NEUTRAL = new URL(TO).origin;

test("quick exit: a plain navigation to a neutral page that takes Closer's place in the back history", async ({ browser, baseURL, problems }) => {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  watch(page, problems, [new URL(baseURL!).origin, NEUTRAL]);
  // The neutral page is served here (the network is closed to the tests).
  await context.route(`${NEUTRAL}/**`, (route) => route.fulfill({ contentType: "text/html", body: "<title>Weather</title><p>Sunny</p>" }));
  const toNeutral: string[] = [];
  page.on("request", (r) => { if (r.url().startsWith(NEUTRAL)) toNeutral.push(r.resourceType()); });
  await page.goto("./#/");
  await ready(page);
  await page.goto("./#/learn/safety");
  await expect(page.locator("h1")).toHaveText("Safety");
  const entries = await page.evaluate(() => history.length);
  await page.getByTestId("quick-exit").click();
  await page.waitForURL(TO);
  await expect(page).toHaveTitle("Weather");
  // A navigation of the page itself, not a fetch; and it replaced the safety page's entry.
  expect(toNeutral).toEqual(["document"]);
  expect(await page.evaluate(() => history.length)).toBe(entries);
  // Back reaches the Closer page before it, which sends the person straight on again.
  await page.goBack({ waitUntil: "commit" }).catch(() => {});
  await page.waitForURL(TO);
  await expect(page).toHaveTitle("Weather");
  await context.close();
});

test("the safety page: a quick exit, emergency numbers for many countries and how to find a local line", async ({ page }) => {
  await page.goto("./#/learn/safety");
  await ready(page);
  await expect(page.getByTestId("quick-exit")).toBeVisible();
  const prose = page.locator(".prose");
  for (const text of ["911", "999", "112", "000 in Australia", "111 in New Zealand", "domestic violence helpline", "non-emergency"]) {
    await expect(prose).toContainText(text);
  }
});

test("the results with the full safety response have no accessibility violations", async ({ page }) => {
  const fear = ALL.find((s) => s.safety && /afraid/.test(s.text))!;
  const answers = Object.fromEntries(ALL.map((s) => [s.id, s.id === fear.id ? 4 : favourable(s)]));
  const record = {
    version: 2,
    results: [{ date_ms: 1780000000000, content_version: contentVersion(), answers, importance: Object.fromEntries(DIMENSIONS.map((d) => [d, 4])) }],
    comparisons: [],
  };
  await page.addInitScript((text) => localStorage.setItem("closer.v1", text), JSON.stringify(record));
  await page.goto("./#/results");
  await ready(page);
  await expect(page.getByTestId("safety-note")).toBeVisible();
  await expect(page.getByTestId("safety-note").getByTestId("quick-exit-note")).toBeVisible();
  await expect(page.getByTestId("quick-exit")).toBeVisible();
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(" | ")}`)).toEqual([]);
});
