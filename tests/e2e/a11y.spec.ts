import AxeBuilder from "@axe-core/playwright";
import { test, expect, ready } from "./fixtures";
import { ROUTES, seed } from "./routes";

for (const scheme of ["light", "dark"] as const) {
  for (const width of [375, 1280]) {
    test(`axe finds no violations on any route, ${scheme} mode at ${width} px`, async ({ page }) => {
      test.setTimeout(120_000);
      await page.setViewportSize({ width, height: 900 });
      await page.emulateMedia({ colorScheme: scheme });
      const partner = await seed(page);
      const routes = [...ROUTES, `#/compare/${partner}`];
      const found: string[] = [];
      for (const route of routes) {
        await page.goto("about:blank");
        await page.goto(`./${route}`);
        await ready(page);
        if (route.startsWith("#/learn/")) await expect(page.locator(".prose p").first()).toBeVisible();
        const results = await new AxeBuilder({ page }).analyze();
        for (const v of results.violations) {
          found.push(`${route}: ${v.id} (${v.impact}) ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(" | ")}`);
        }
        // Nothing is wider than the screen.
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        if (overflow > 0) found.push(`${route}: ${overflow}px wider than the screen`);
      }
      expect(found).toEqual([]);
    });
  }
}

test("prefers-reduced-motion turns transitions off", async ({ page }) => {
  await page.goto("./#/quiz");
  await ready(page);
  const duration = () => page.locator(".option label").first().evaluate((l) => getComputedStyle(l).transitionDuration);
  expect(await duration()).not.toBe("0s");
  await page.emulateMedia({ reducedMotion: "reduce" });
  expect(await duration()).toBe("0s");
});

test("dark mode changes the colours", async ({ page }) => {
  await page.goto("./");
  await ready(page);
  const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const light = await background();
  await page.emulateMedia({ colorScheme: "dark" });
  expect(await background()).not.toBe(light);
});

test("screenshots of the main pages at mobile and desktop widths", async ({ page }) => {
  test.setTimeout(90_000);
  const partner = await seed(page);
  const shots: [string, string][] = [
    ["start", "#/"],
    ["statement", "#/quiz"],
    ["results", "#/results"],
    ["compare", `#/compare/${partner}`],
    ["explainer", "#/learn/what-is-emotional-intimacy"],
  ];
  for (const [width, label] of [[390, "mobile"], [1280, "desktop"]] as const) {
    await page.setViewportSize({ width, height: width < 500 ? 844 : 900 });
    for (const [name, route] of shots) {
      await page.goto("about:blank");
      await page.goto(`./${route}`);
      await ready(page);
      if (route.startsWith("#/learn/")) await expect(page.locator(".prose p").first()).toBeVisible();
      await page.screenshot({ path: `docs/screenshots/${name}-${label}.png`, fullPage: name !== "results" && name !== "compare" });
    }
  }
});

test("every route fits a 320 px screen: nothing is wider than it", async ({ page }) => {
  test.setTimeout(60_000);
  await page.setViewportSize({ width: 320, height: 640 });
  const partner = await seed(page);
  const wide: string[] = [];
  for (const route of [...ROUTES, `#/compare/${partner}`]) {
    await page.goto("about:blank");
    await page.goto(`./${route}`);
    await ready(page);
    if (route.startsWith("#/learn/")) await expect(page.locator(".prose p").first()).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    if (overflow > 0) wide.push(`${route}: ${overflow}px wider than the screen`);
  }
  expect(wide).toEqual([]);
});

test("axe finds no violations in embed mode, on the whole page (every part in a landmark)", async ({ page }) => {
  test.setTimeout(90_000);
  await page.setViewportSize({ width: 375, height: 900 });
  const partner = await seed(page);
  const found: string[] = [];
  for (const route of ["#/", "#/quiz", "#/results", "#/learn", `#/compare/${partner}`]) {
    await page.goto("about:blank");
    await page.goto(`./?embed=1${route}`);
    await ready(page);
    await expect(page.locator(".app.embed")).toBeVisible();
    const results = await new AxeBuilder({ page }).analyze();
    for (const v of results.violations) found.push(`${route}: ${v.id} (${v.impact}) ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(" | ")}`);
  }
  expect(found).toEqual([]);
});
