import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Page } from "@playwright/test";
import { test, expect, ready, watch } from "./fixtures";
import { statements, favourable, contentVersion, uiWord, touched, DIMENSIONS } from "./content";
import { craftCode } from "./codes";

// The safety response wherever a result appears (issue 26, point 1), in both languages: with fear
// reported, no band label, no band praise, no overall score and no steps on the results, in
// History, in the comparison and in print; with Neutral on fear, the caution before sharing and
// no steps in the areas the safety screen touches.

const ALL = statements();
const FEAR = ALL.find((s) => s.safety && /afraid/.test(s.text))!;

/** The three bands' names and each area's three band texts, in `lang`. */
function bandWords(lang: string): string[] {
  const toml = readFileSync(join(__dirname, `../../content/${lang}/assessment.toml`), "utf8");
  const names = [...toml.matchAll(/^\[\[band\]\][^[]*?^name = ("[^\n]*")$/gms)].map((m) => JSON.parse(m[1]));
  const texts = [...toml.matchAll(/^(?:low|middle|high) = (".*")$/gm)].map((m) => JSON.parse(m[1]));
  expect(names).toHaveLength(3);
  expect(texts).toHaveLength(3 * DIMENSIONS.length);
  return [...names, ...texts];
}

/** Two finished check-ins: an earlier ordinary one, then one whose fear statement got `fear`
 *  (everything else answered as favourably as possible); and a partner's link, received. */
function record(fear: number) {
  const answers = (f: number) => Object.fromEntries(ALL.map((s) => [s.id, s.id === FEAR.id ? f : favourable(s)]));
  const importance = Object.fromEntries(DIMENSIONS.map((d) => [d, 4]));
  const partner = craftCode(1, contentVersion(), [100, 100, 100, 100, 100, 100, 100, 100], [4, 4, 4, 4, 4, 4, 4, 4]);
  return {
    version: 2,
    results: [
      { date_ms: 1780000000000, content_version: contentVersion(), answers: answers(0), importance },
      { date_ms: 1781000000000, content_version: contentVersion(), answers: answers(fear), importance },
    ],
    comparisons: [{ received_ms: 1782000000000, code: partner, own_code: null }],
    shared_ms: 1781500000000,
    partner,
  };
}

async function seed(page: Page, fear: number): Promise<string> {
  const r = record(fear);
  await page.addInitScript((text) => { if (!localStorage.getItem("closer.v1")) localStorage.setItem("closer.v1", text); }, JSON.stringify(r));
  return r.partner;
}

/** No band name or band text anywhere in what the page shows (or prints). */
async function expectNoBandWords(page: Page, words: string[]) {
  const text = await page.locator("main").innerText();
  for (const w of words) expect(text, `"${w}" is shown`).not.toContain(w);
}

for (const lang of ["en", "es"]) {
  test.describe(`in ${lang === "en" ? "English" : "Spanish"}`, () => {
    test.use({ locale: lang === "en" ? "en-GB" : "es-ES" });
    const words = bandWords(lang);

    test("fear reported: no band label or praise, no overall score and no steps, on the results, History, the comparison and in print", async ({ page }) => {
      const partner = await seed(page, 4);
      await page.goto("./#/results");
      await ready(page);
      await expect(page.getByTestId("safety-note")).toBeVisible();
      await expect(page.locator(".overall-score")).toHaveAttribute("data-set-aside", "true");
      await expect(page.locator(".overall-band")).toHaveCount(0);
      await expect(page.locator(".dimension-result")).toHaveCount(8);
      await expect(page.locator(".dimension-result:not([data-set-aside=true])")).toHaveCount(0);
      await expect(page.locator(".steps")).toHaveCount(0);
      await expect(page.locator(".score-chart .bar:not([data-band=set-aside])")).toHaveCount(0);
      await expectNoBandWords(page, words);
      // No nudge to share: the partner link waits behind a caution.
      await expect(page.getByTestId("invite-caution")).toBeVisible();
      await expect(page.locator("#invite-link")).toBeHidden();
      await page.emulateMedia({ media: "print" });
      await expectNoBandWords(page, words);
      await page.emulateMedia({ media: "screen" });

      // History: the earlier check-in has its overall score; this one has none, and adds no
      // point to any trend.
      await page.goto("./#/history");
      await ready(page);
      const rows = page.locator(".history-row");
      await expect(rows).toHaveCount(2);
      await expect(rows.nth(0).locator(".history-overall")).toHaveAttribute("data-set-aside", "true");
      await expect(rows.nth(0).locator(".history-overall")).toHaveText(uiWord("history", "set_aside", lang));
      await expect(rows.nth(1).locator(".history-overall")).toContainText("100");
      for (const d of DIMENSIONS) {
        await expect(page.locator(`.trend-row[data-dimension=${d}] svg`)).toHaveAttribute("aria-label", /: 100, –$/);
      }

      // The comparison with a partner who scored 100 everywhere: every area set aside, no
      // shared priorities, no talk guide.
      await page.goto(`./#/compare/${partner}`);
      await ready(page);
      await expect(page.getByTestId("safety-note")).toBeVisible();
      await expect(page.locator(".mark-list [data-mark]")).toHaveCount(8);
      await expect(page.locator(".mark-list [data-mark]:not([data-mark=set-aside])")).toHaveCount(0);
      await expect(page.locator("[data-priority]")).toHaveCount(0);
      await expect(page.getByTestId("talk")).toHaveCount(0);
      await expect(page.getByTestId("talk-set-aside")).toBeVisible();
      await expect(page.getByTestId("invite-caution")).toBeVisible();
      await expectNoBandWords(page, words);
      await page.emulateMedia({ media: "print" });
      await expectNoBandWords(page, words);
    });

    test("Neutral on fear: the gentle note and the caution before sharing, and no steps in the areas the safety screen touches", async ({ page }) => {
      const partner = await seed(page, 2);
      await page.goto("./#/results");
      await ready(page);
      await expect(page.getByTestId("safety-gentle")).toBeVisible();
      await expect(page.getByTestId("safety-note")).toHaveCount(0);
      await expect(page.getByTestId("invite-caution")).toBeVisible();
      for (const d of DIMENSIONS) {
        const card = page.locator(`.dimension-result[data-dimension=${d}]`);
        await expect(card.locator(".steps")).toHaveCount(touched().includes(d) ? 0 : 1);
        if (touched().includes(d)) await expect(card.locator(".card-safety a")).toBeVisible();
      }
      // The talk guide leaves the touched areas out too.
      await page.goto(`./#/compare/${partner}`);
      await ready(page);
      await expect(page.getByTestId("talk")).toBeVisible();
      for (const d of touched()) await expect(page.locator(`.talk .topic[data-area=${d}]`)).toHaveCount(0);
      await expect(page.getByTestId("talk-start")).not.toHaveAttribute("data-area", new RegExp(`^(${touched().join("|")})$`));
      await expect(page.getByTestId("invite-caution")).toBeVisible();
    });

    test("the quick exit on every route, by its button and by Shift pressed three times; Back shows nothing of Closer", async ({ browser, baseURL, problems }) => {
      test.setTimeout(180_000);
      const to = uiWord("safety", "exit_to", lang);
      const neutral = new URL(to).origin;
      const partner = craftCode(1, contentVersion(), [50, 50, 50, 50, 50, 50, 50, 50], [2, 2, 2, 2, 2, 2, 2, 2]);
      const routes = ["#/quiz", "#/", "#/learn", "#/learn/what-is-emotional-intimacy", "#/data", "#/history", `#/compare/${partner}`, "?embed=1#/"];
      for (const route of routes) {
        for (const by of ["button", "shift"]) {
          const context = await browser.newContext({ baseURL, locale: lang === "en" ? "en-GB" : "es-ES" });
          await context.route(`${neutral}/**`, (r) => r.fulfill({ contentType: "text/html", body: "<title>Weather</title><p>Sunny</p>" }));
          // What Closer's page showed as it was left: blank, with an empty title (noted in
          // the tab's sessionStorage, read back at the end).
          await context.addInitScript(() => addEventListener("pagehide", () => {
            if (location.protocol === "http:" && !sessionStorage.getItem("test.left")) sessionStorage.setItem("test.left", `hidden=${document.documentElement.hidden} title="${document.title}"`);
          }));
          const page = await context.newPage();
          watch(page, problems, [new URL(baseURL!).origin, neutral]);
          await seed(page, 0);
          await page.goto("./#/");
          await ready(page);
          await page.goto(`./${route}`);
          await ready(page);
          const exit = page.getByTestId("quick-exit");
          await expect(exit, route).toHaveCount(1);
          await expect(exit, route).toHaveText(uiWord("safety", "exit", lang));
          await expect(exit).toHaveAccessibleDescription(uiWord("safety", "exit_hint", lang));
          await page.evaluate(() => sessionStorage.removeItem("test.left"));
          if (by === "button") {
            await exit.click();
          } else {
            // Not while typing capitals: Shift then a letter does nothing.
            await page.keyboard.press("Shift+A");
            await page.keyboard.press("Shift");
            await page.keyboard.press("Shift");
            await page.keyboard.press("Shift");
          }
          await page.waitForURL(to);
          await expect(page).toHaveTitle("Weather");
          await page.goBack({ waitUntil: "commit" }).catch(() => {});
          // Whatever Back brings (the front page's entry, from the cache or not), the person
          // is sent on at once and nothing of Closer is shown.
          await page.waitForURL(to);
          await expect(page.locator("body")).toHaveText("Sunny");
          // Blanked at once as it was left, before the neutral page came (read on a static
          // page of Closer's, which runs no script, in the same tab).
          await page.goto("./learn/");
          expect(await page.evaluate(() => sessionStorage.getItem("test.left")), route).toBe('hidden=true title=""');
          await context.close();
        }
      }
    });
  });
}
