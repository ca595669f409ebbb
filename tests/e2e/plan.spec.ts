import AxeBuilder from "@axe-core/playwright";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { FrameLocator, Page } from "@playwright/test";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import ICAL from "ical.js";
import { parse } from "smol-toml";
import { test, expect, ready, watch } from "./fixtures";
import { statements, favourable, contentVersion, touched, DIMENSIONS, Statement } from "./content";

// Issue 29: the two-week plan. One area chosen after the results (alone) or the comparison
// (together), its practices, the days ticked off on a strip and kept in the record, the calendar
// file (RFC 5545, read back with ical.js), the re-check on day 14 with before and after and the
// trend in History; a plan through a partner link; none under the full safety response and none
// for the areas the safety screen touches under the gentle one; the embed; axe on the new pages.
//
// The clock is Playwright's (page.clock), so a plan's days are known: day 1 is 1 March 2027 in the
// person's own time zone, chosen so that the local date and the UTC date differ.

// ---------------------------------------------------------------- content

type Practice = { title: string; what: string; minutes: number; every: "day" | "week"; why: string };
type AreaPlan = { area: string; lead: string; practice: Practice[] };

const toml = (lang: string, file: string) => parse(readFileSync(join(__dirname, `../../content/${lang}/${file}`), "utf8")) as any;

/** content/<lang>/plans.toml: the plan page's words and each area's plan. */
function plans(lang: string): { words: Record<string, string>; area: (id: string) => AreaPlan } {
  const t = toml(lang, "plans.toml");
  return { words: t.words, area: (id) => t.plan.find((p: AreaPlan) => p.area === id) };
}

/** An area's name in `lang`. */
function areaName(lang: string, id: string): string {
  return toml(lang, "assessment.toml").dimension.find((d: { id: string }) => d.id === id).name;
}

/** A string of content/<lang>/ui.toml. */
function ui(lang: string, section: string, key: string): string {
  return toml(lang, "ui.toml")[section][key];
}

/** `text` with its `{placeholders}` filled. */
const fill = (text: string, values: Record<string, string | number>) => text.replace(/\{(\w+)\}/g, (m, k) => (k in values ? String(values[k]) : m));

const ALL = statements();
const FEAR = ALL.find((s) => s.safety && /afraid/.test(s.text))!;
const SCREEN = ALL.filter((s) => s.safety);
const itemsOf = (area: string) => ALL.filter((s) => s.dimension === area);

// The build under test (CLOSER_DIST, as playwright.config.ts serves it; default dist/).
const DIST = join(__dirname, "../..", process.env.CLOSER_DIST ?? "dist");

/** The build's file of `kind` ("words", "plans") in `lang`: the one holding `sample`, a text of
 *  that language. */
function builtFile(kind: string, sample: string): string {
  const files = readdirSync(DIST).filter((f) => new RegExp(`^${kind}-[0-9a-f]{8}\\.txt$`).test(f));
  expect(files).toHaveLength(2);
  return files.find((f) => readFileSync(join(DIST, f), "utf8").includes(sample))!;
}

// ---------------------------------------------------------------- days

const DAY_MS = 86_400_000;
/** A date as a calendar day: days since 1970-01-01. */
const dayNumber = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d) / DAY_MS;
/** A calendar day as [year, month, day]. */
const dateOf = (day: number) => {
  const d = new Date(day * DAY_MS);
  return [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
};
/** Day 1 of the plans here: 1 March 2027 where the person is. */
const START = dayNumber(2027, 3, 1);

/** Per language: the browser's language, a time zone, and the moment the test starts in it, when
 *  the local date (1 March) is not the UTC date. */
const PEOPLE = {
  en: { locale: "en-GB", timezoneId: "Pacific/Auckland", now: "2027-03-01T08:00:00+13:00" }, // UTC: 28 February
  es: { locale: "es-ES", timezoneId: "America/Mexico_City", now: "2027-03-01T21:30:00-06:00" }, // UTC: 2 March
} as const;

// Tests outside a language's block: the English person's language and time zone.
test.use({ locale: PEOPLE.en.locale, timezoneId: PEOPLE.en.timezoneId });

// ---------------------------------------------------------------- records

type Answers = Record<string, number>;

/** Every statement answered by `f`, the safety screen "Strongly disagree" unless `f` says. */
const answersBy = (f: (s: Statement) => number | undefined): Answers =>
  Object.fromEntries(ALL.map((s) => [s.id, f(s) ?? favourable(s)]));

/** A finished check-in at `date_ms`: favourable everywhere except the areas in `low` (Neutral
 *  throughout: a score of 50), and `fear` on the fear statement. */
function result(date_ms: number, low: string[] = ["support"], fear = 0, importance?: Record<string, number>) {
  return {
    date_ms,
    content_version: contentVersion(),
    answers: answersBy((s) => (s.id === FEAR.id ? fear : low.includes(s.dimension) ? 2 : undefined)),
    importance: importance ?? Object.fromEntries(DIMENSIONS.map((d) => [d, 4])),
  };
}

/** A re-check of `area` at `date_ms`: its statements answered `pick`, the safety screen `fear`
 *  on the fear statement and "Strongly disagree" on the others. */
function recheckResult(date_ms: number, area: string, pick: number, fear = 0) {
  const answers = Object.fromEntries([...itemsOf(area).map((s) => [s.id, pick]), ...SCREEN.map((s) => [s.id, s.id === FEAR.id ? fear : 0])]);
  return { date_ms, content_version: contentVersion(), answers, importance: {}, area };
}

/** A version 4 record. */
function record(results: object[], plan?: object, extra: object = {}) {
  return { version: 4, results, comparisons: [], shared_ms: null, ...(plan ? { plan } : {}), ...extra };
}

/** Stores `rec` before the first page of this test loads (once per tab). */
async function seed(page: Page, rec: object) {
  await page.addInitScript((text) => {
    if (location.protocol === "http:" && !sessionStorage.getItem("seeded")) {
      localStorage.setItem("closer.v1", text);
      sessionStorage.setItem("seeded", "1");
    }
  }, JSON.stringify(rec));
}

/** The record as stored now. */
async function stored(page: Page): Promise<any> {
  return JSON.parse((await page.evaluate(() => localStorage.getItem("closer.v1"))) ?? "null");
}

/** Millisecond time of a moment `days` after `iso`. */
const at = (iso: string, days = 0) => new Date(iso).getTime() + days * DAY_MS;

// ---------------------------------------------------------------- steps

/** A whole check-in in `lang`: each statement answered `pick`, every area rated `rating`. */
async function takeCheckIn(page: Page, lang: string, pick: (s: Statement) => number, rating: number) {
  const all = statements(lang);
  await page.getByRole("button", { name: ui(lang, "home", "start") }).click();
  for (let n = 1; n <= all.length; n++) {
    await expect(page.locator(".progress-text")).toHaveText(fill(ui(lang, "quiz", "progress"), { done: n, total: all.length }));
    const text = (await page.locator("fieldset[data-kind=statement] legend").textContent())!.trim();
    const s = all.find((x) => x.text === text)!;
    await page.keyboard.press(String(pick(s) + 1));
  }
  await page.getByRole("link", { name: ui(lang, "review", "continue") }).click();
  const groups = page.locator("fieldset[data-kind=importance]");
  for (let g = 0; g < 8; g++) await groups.nth(g).locator("label").nth(rating).click();
  await page.getByRole("button", { name: ui(lang, "importance", "see_results") }).click();
  await expect(page.locator(".dimension-result")).toHaveCount(8);
}

/** The plan's page, once its practices have come. */
async function planShown(page: Page, area: string) {
  await expect(page.locator(`.plan[data-area=${area}]`)).toBeVisible({ timeout: 15_000 });
}

/** The link code in `#invite-link`, and its format (the first byte: 1 plain, 2 locked, 3 with a plan). */
async function inviteCode(page: Page): Promise<{ link: string; format: number }> {
  const link = await page.locator("#invite-link").inputValue();
  const code = link.split("#/compare/")[1];
  return { link, format: Buffer.from(code, "base64url")[0] };
}

/** Clicks the calendar button and returns the downloaded file's name and text. */
async function downloadCalendar(page: Page, from: Page | FrameLocator = page): Promise<{ name: string; text: string }> {
  const [download] = await Promise.all([page.waitForEvent("download"), from.locator("[data-testid=plan-calendar]").click()]);
  const path = await download.path();
  return { name: download.suggestedFilename(), text: readFileSync(path!, "utf8") };
}

/** The events of an .ics text, parsed by ical.js. */
function calendarEvents(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  expect(calendar.name).toBe("vcalendar");
  expect(calendar.getFirstPropertyValue("version")).toBe("2.0");
  return calendar.getAllSubcomponents("vevent").map((v) => {
    const e = new ICAL.Event(v);
    const rrule = v.getFirstPropertyValue("rrule") as ICAL.Recur | null;
    const occurrences: number[][] = [];
    const it = e.iterator();
    for (let t, n = 0; (t = it.next()) && n < 100; n++) occurrences.push([t.year, t.month, t.day]);
    return {
      summary: e.summary,
      description: e.description,
      start: [e.startDate.year, e.startDate.month, e.startDate.day, e.startDate.hour, e.startDate.minute],
      floating: e.startDate.zone?.tzid === "floating",
      seconds: e.duration.toSeconds(),
      rule: rrule ? { freq: rrule.freq, count: rrule.count } : null,
      url: v.getFirstPropertyValue("url"),
      occurrences,
    };
  });
}

// ---------------------------------------------------------------- the whole plan, in each language

for (const lang of ["en", "es"] as const) {
  test.describe(`in ${lang === "en" ? "English" : "Spanish"}`, () => {
    const who = PEOPLE[lang];
    test.use({ locale: who.locale, timezoneId: who.timezoneId });
    const { words, area: planOf } = plans(lang);
    const support = planOf("support");
    const name = areaName(lang, "support");

    test("choose an area, tick two days, reload, the calendar file, the re-check on day 14, before and after, and History's trend", async ({ page, baseURL }) => {
      test.setTimeout(180_000);
      await page.clock.install({ time: new Date(who.now) });
      await page.goto("./");
      await ready(page);
      // A check-in: Neutral on emotional support (50), favourable elsewhere (100), every area
      // rated as mattering most: emotional support is the one suggested.
      await takeCheckIn(page, lang, (s) => (s.dimension === "support" ? 2 : favourable(s)), 4);
      await expect(page.locator(".dimension-result[data-dimension=support]")).toHaveAttribute("data-score", "50");

      // The offer: heading, the suggestion, one choice per area, start and "Not now".
      const offer = page.getByTestId("plan-offer");
      await expect(offer.locator("h2")).toHaveText(ui(lang, "plan", "offer_heading"));
      await expect(offer.locator(".plan-suggested")).toHaveAttribute("data-suggested", "support");
      await expect(offer.locator(".plan-suggested")).toContainText(fill(ui(lang, "plan", "offer_suggested"), { area: name }));
      await expect(offer.locator(".plan-suggested")).toContainText(ui(lang, "plan", "offer_why_alone"));
      expect(await offer.locator("input[name=plan-area]").evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value))).toEqual(DIMENSIONS);
      await expect(offer.locator("input[name=plan-area][value=support]")).toBeChecked();
      const start = offer.getByTestId("plan-start");
      await expect(start).toHaveText(fill(ui(lang, "plan", "offer_start"), { area: name }));
      // Another area picked names it on the button; back to the suggested one.
      await offer.locator("label[for=plan-area-empathy]").click();
      await expect(start).toHaveText(fill(ui(lang, "plan", "offer_start"), { area: areaName(lang, "empathy") }));
      await offer.locator("label[for=plan-area-support]").click();
      await expect(start).toHaveText(fill(ui(lang, "plan", "offer_start"), { area: name }));
      // "Not now" puts it aside for this visit of the page only.
      await offer.getByRole("button", { name: ui(lang, "plan", "offer_not_now") }).click();
      await expect(page.getByTestId("plan-offer")).toHaveCount(0);
      await page.reload();
      await ready(page);
      await expect(page.getByTestId("plan-offer")).toBeVisible();
      await expect(page.locator(".site-header a[href='#/plan']")).toHaveCount(0);

      // The plan: its page, its practices, day 1 of 14, and kept in the record (version 4).
      await page.getByTestId("plan-start").click();
      await expect(page).toHaveURL(/#\/plan$/);
      await planShown(page, "support");
      await expect(page.locator("main h1")).toHaveText(fill(words.title, { area: name }));
      await expect(page.locator(".plan-day")).toHaveAttribute("data-day", "1");
      await expect(page.locator(".plan-day")).toHaveText(fill(words.day_of, { day: 1 }));
      await expect(page.locator(".plan .lead")).toHaveText(support.lead);
      const practices = page.locator("ol.practices > li.practice");
      await expect(practices).toHaveCount(support.practice.length);
      for (const [i, p] of support.practice.entries()) {
        await expect(practices.nth(i).locator("h3")).toHaveText(p.title);
        await expect(practices.nth(i)).toContainText(p.what);
        await expect(practices.nth(i)).toContainText(p.why);
        await expect(practices.nth(i)).toContainText(fill(words.minutes, { minutes: p.minutes }));
        await expect(practices.nth(i)).toContainText(p.every === "day" ? words.every_day : words.every_week);
      }
      await expect(page.locator(".plan-together")).toHaveCount(0);
      const nav = page.locator(".site-header a[href='#/plan']");
      await expect(nav).toHaveText(ui(lang, "plan", "nav_plan"));
      await expect(nav).toHaveAttribute("aria-current", "page");
      await expect.poll(async () => (await stored(page))?.plan).toMatchObject({ area: "support", start_day: START, before: 50, together: false });
      expect((await stored(page)).version).toBe(4);

      // The strip: fourteen days, today picked, the days to come not yet open.
      const day = (d: number) => page.locator(`ol.strip > li.strip-day[data-day="${d}"]`);
      await expect(page.locator("ol.strip > li.strip-day")).toHaveCount(14);
      await expect(day(1).locator("button")).toHaveAttribute("aria-pressed", "true");
      await expect(day(1).locator("button")).toHaveAttribute("aria-current", "date");
      for (let d = 2; d <= 14; d++) await expect(day(d).locator("button")).toBeDisabled();
      await expect(page.locator("fieldset.ticks")).toHaveAttribute("data-day", "1");
      await expect(page.locator("fieldset.ticks input[type=checkbox]")).toHaveCount(support.practice.length);
      // Day 1: the first and third practices.
      await page.locator("#tick-1-0").check();
      await page.locator("#tick-1-2").check();
      await expect(day(1)).toHaveAttribute("data-done", "2");

      // The next day: the strip moves on to day 2, and the header's link leads back to the plan.
      await page.clock.fastForward("24:00:00");
      await page.locator(".site-header").getByRole("link", { name: ui(lang, "site", "nav_results") }).click();
      await expect(page.locator("main h1")).toHaveText(ui(lang, "results", "title"));
      await expect(page.getByTestId("plan-offer").getByRole("link", { name: ui(lang, "plan", "open_plan") })).toHaveAttribute("href", "#/plan");
      await nav.click();
      await planShown(page, "support");
      await expect(page.locator(".plan-day")).toHaveAttribute("data-day", "2");
      await expect(day(2).locator("button")).toHaveAttribute("aria-pressed", "true");
      await expect(day(2).locator("button")).toHaveAttribute("aria-current", "date");
      await expect(page.locator("ol.strip button[aria-current]")).toHaveCount(1);
      await expect(day(1).locator("button")).toHaveAttribute("aria-pressed", "false");
      // The re-check is there already, not yet due.
      await expect(page.locator(".plan-recheck")).toContainText(words.recheck_early);
      await expect(page.getByTestId("plan-recheck")).not.toHaveAttribute("data-due", /.*/);
      await expect(day(2).locator("button")).toBeEnabled();
      await expect(day(3).locator("button")).toBeDisabled();
      await expect(page.locator("fieldset.ticks")).toHaveAttribute("data-day", "2");
      await page.locator("#tick-2-1").check();
      await expect(day(2)).toHaveAttribute("data-done", "1");

      // Reloaded: both days kept, on the strip and in their tick boxes.
      await page.reload();
      await ready(page);
      await planShown(page, "support");
      const done = await page.locator("ol.strip > li.strip-day").evaluateAll((els) => els.map((e) => e.getAttribute("data-done")));
      expect(done).toEqual(["2", "1", ...Array(12).fill("0")]);
      await expect(page.locator("#tick-2-1")).toBeChecked();
      await day(1).locator("button").click();
      await expect(page.locator("fieldset.ticks")).toHaveAttribute("data-day", "1");
      await expect(day(1).locator("button")).toHaveAttribute("aria-pressed", "true");
      const ticked = await page.locator("fieldset.ticks input[type=checkbox]").evaluateAll((els) => els.map((e) => (e as HTMLInputElement).checked));
      expect(ticked).toEqual(support.practice.map((_, i) => i === 0 || i === 2));
      expect((await stored(page)).plan.done).toEqual([0b101, 0b010]);

      // The calendar file at a time picked: a reminder per practice from day 1, daily for two
      // weeks or weekly twice, and the re-check on day 14, each leading back to Closer.
      await expect(page.locator("#plan-time")).toHaveValue("19:00");
      await page.locator("#plan-time").fill("07:45");
      const file = await downloadCalendar(page);
      expect(file.name).toBe("closer-plan.ics");
      await expect(page.locator(".plan-reminders [role=alert]")).toHaveCount(0);
      expect(file.text).toMatch(/^BEGIN:VCALENDAR\r\n/);
      expect(file.text.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/); // every line ends in CRLF
      const events = calendarEvents(file.text);
      expect(events).toHaveLength(support.practice.length + 1);
      const [y, m, d] = dateOf(START);
      for (const [i, p] of support.practice.entries()) {
        const e = events[i];
        expect(e.summary).toBe(p.title);
        expect(e.description).toContain(p.what);
        expect(e.start).toEqual([y, m, d, 7, 45]);
        expect(e.floating).toBe(true);
        expect(e.seconds).toBe(p.minutes * 60);
        expect(e.url).toBe(`${baseURL}#/plan`);
        if (p.every === "day") {
          expect(e.rule).toEqual({ freq: "DAILY", count: 14 });
          expect(e.occurrences).toEqual([...Array(14).keys()].map((k) => dateOf(START + k)));
        } else {
          expect(e.rule).toEqual({ freq: "WEEKLY", count: 2 });
          expect(e.occurrences).toEqual([dateOf(START), dateOf(START + 7)]);
        }
      }
      const recheck = events[support.practice.length];
      expect(recheck.summary).toBe(fill(words.event_recheck, { area: name }));
      expect(recheck.description).toContain(fill(words.event_recheck_text, { area: name }));
      expect(recheck.start).toEqual([...dateOf(START + 13), 7, 45]);
      expect(recheck.rule).toBeNull();
      expect(recheck.url).toBe(`${baseURL}#/plan/recheck`);

      // Day 14: the re-check is due.
      await page.clock.fastForward(12 * DAY_MS);
      await page.reload();
      await ready(page);
      await planShown(page, "support");
      await expect(page.locator(".plan-day")).toHaveAttribute("data-day", "14");
      await expect(page.locator(".plan-recheck")).toContainText(fill(words.recheck_due, { area: name }));
      const go = page.getByTestId("plan-recheck");
      await expect(go).toHaveText(fill(words.recheck_start, { area: name }));
      await expect(go).toHaveAttribute("data-due", "true");
      await expect(page.getByTestId("plan-result")).toHaveCount(0);
      await go.click();

      // The re-check: the area's statements and the safety screen, nothing else.
      await expect(page).toHaveURL(/#\/plan\/recheck$/);
      await expect(page.locator(".recheck[data-area=support]")).toBeVisible({ timeout: 15_000 });
      await expect(page.locator("main h1")).toHaveText(fill(words.recheck_start, { area: name }));
      const asked = [...itemsOf("support"), ...SCREEN];
      const names = await page.locator("main fieldset input[type=radio]").evaluateAll((els) => [...new Set(els.map((e) => (e as HTMLInputElement).name))]);
      expect(names.sort()).toEqual(asked.map((s) => `recheck-${s.id}`).sort());
      const finish = page.getByTestId("recheck-finish");
      await expect(finish).toBeDisabled();
      // Emotional support now as favourable as can be (100); the safety screen all "Strongly disagree".
      for (const s of asked) await page.locator(`label[for="recheck-${s.id}-${favourable(s)}"]`).click();
      for (const s of asked) await expect(page.locator(`#recheck-${s.id}-${favourable(s)}`)).toBeChecked();
      await finish.click();

      // Before and after, side by side, and what next.
      await expect(page).toHaveURL(/#\/plan$/);
      const outcome = page.getByTestId("plan-result");
      await expect(outcome).toBeVisible();
      await expect(outcome.locator("h2")).toHaveText(words.result_heading);
      await expect(outcome.locator("[data-before]")).toHaveAttribute("data-before", "50");
      await expect(outcome.locator("[data-after]")).toHaveAttribute("data-after", "100");
      await expect(outcome.locator("[data-before]")).toContainText(words.before);
      await expect(outcome.locator("[data-after]")).toContainText(words.after);
      await expect(outcome.locator(".plan-change")).toHaveAttribute("data-change", "better");
      await expect(outcome.locator(".plan-change")).toHaveText(fill(words.better, { area: name }));
      await expect(outcome.getByRole("button", { name: words.keep_going })).toBeVisible();
      await expect(outcome.getByRole("button", { name: words.choose_another })).toBeVisible();
      // Things did not get worse: no pointer to getting help.
      await expect(outcome.locator("a[href*=getting-help]")).toHaveCount(0);
      const kept = await stored(page);
      expect(kept.results).toHaveLength(2);
      expect(kept.results[1].area).toBe("support");
      // Kept at the moment it was made: day 14 (the clock runs on from where it was set).
      expect(kept.results[1].date_ms).toBeGreaterThanOrEqual(at(who.now, 13));
      expect(kept.results[1].date_ms).toBeLessThan(at(who.now, 13) + 3_600_000);
      expect(Object.keys(kept.results[1].answers).sort()).toEqual(asked.map((s) => s.id).sort());

      // History: the re-check's row, and one more point on the area's trend (only that area's).
      await page.locator(".site-header").getByRole("link", { name: ui(lang, "site", "nav_history") }).click();
      await expect(page.locator("main h1")).toHaveText(ui(lang, "history", "title"));
      const row = page.locator(".recheck-row[data-area=support]");
      await expect(row).toHaveCount(1);
      await expect(row).toContainText(fill(ui(lang, "plan", "history_recheck"), { area: name }));
      await expect(row).toContainText(fill(ui(lang, "results", "overall_of"), { score: 100 }));
      await expect(page.locator(".history-row").first()).toHaveClass(/recheck-row/); // the newest first
      const trend = (d: string) => page.locator(`.trend-row[data-dimension=${d}] svg`);
      await expect(trend("support")).toHaveAttribute("aria-label", fill(ui(lang, "history", "trend_label"), { name, values: "50, 100" }));
      await expect(trend("empathy")).toHaveAttribute("aria-label", fill(ui(lang, "history", "trend_label"), { name: areaName(lang, "empathy"), values: "100" }));

      // What next. English: keep going, two more weeks from tomorrow, the re-check's 100 as the
      // new "before". Spanish: another area, the plan ended and the offer back.
      await nav.click();
      await planShown(page, "support");
      if (lang === "en") {
        await page.getByTestId("plan-result").getByRole("button", { name: words.keep_going }).click();
        await expect(page.getByTestId("plan-result")).toHaveCount(0);
        await expect(page.locator(".plan-day")).toHaveAttribute("data-day", "0");
        await expect.poll(async () => (await stored(page)).plan).toMatchObject({ area: "support", start_day: START + 14, before: 100 });
        expect((await stored(page)).plan.done ?? []).toEqual([]);
        // "Change the area": the plan ends and the offer comes at once.
        await page.getByRole("button", { name: words.change }).click();
        await expect(page.getByTestId("plan-offer").getByTestId("plan-start")).toBeVisible();
        await expect.poll(async () => (await stored(page)).plan).toBeUndefined();
      } else {
        await page.getByTestId("plan-result").getByRole("button", { name: words.choose_another }).click();
        // The offer at once, on the plan's page (no note that a plan ended: one is being chosen).
        await expect(page.getByTestId("plan-offer").getByTestId("plan-start")).toBeVisible();
        await expect(page).toHaveURL(/#\/plan$/);
        await expect(page.locator("[role=status]")).toHaveCount(0);
        await expect(page.locator(".site-header a[href='#/plan']")).toHaveCount(0);
        await expect.poll(async () => (await stored(page)).plan).toBeUndefined();
      }
    });

    test("the practices and the page's words come in a file of their own, fetched when the plan's page opens, in the language shown", async ({ page }) => {
      const asked: string[] = [];
      page.on("request", (r) => {
        const m = r.url().match(/plans-[0-9a-f]{8}\.txt$/);
        if (m) asked.push(m[0]);
      });
      await page.clock.install({ time: new Date(who.now) });
      await seed(page, record([result(at(who.now, -1))]));
      await page.goto("./#/results");
      await ready(page);
      await expect(page.getByTestId("plan-start")).toBeVisible();
      expect(asked, "fetched before a plan's page opened").toEqual([]);
      await page.getByTestId("plan-start").click();
      await planShown(page, "support");
      expect(asked).toEqual([builtFile("plans", support.practice[0].title)]);
      // Back to it in the same visit: not fetched again.
      await page.locator(".site-header").getByRole("link", { name: ui(lang, "site", "nav_history") }).click();
      await expect(page.locator("main h1")).toHaveText(ui(lang, "history", "title"));
      await page.locator(".site-header").getByRole("link", { name: ui(lang, "plan", "nav_plan") }).click();
      await planShown(page, "support");
      expect(asked).toHaveLength(1);
    });

    test("the safety response: with fear reported no plan is offered or shown, nor carried in a link; with Neutral on fear none for the areas the screen touches", async ({ page }) => {
      test.setTimeout(90_000);
      await page.clock.install({ time: new Date(who.now) });
      // A plan on emotional support, started two days ago; then a check-in with fear reported.
      const plan = { area: "support", start_day: START - 2, done: [1], before: 50, together: false };
      await seed(page, record([result(at(who.now, -10)), result(at(who.now, -1), ["support"], 3)], plan));
      await page.goto("./#/results");
      await ready(page);
      await expect(page.getByTestId("safety-note")).toBeVisible();
      await expect(page.getByTestId("plan-offer")).toHaveCount(0);
      await expect(page.locator(".site-header a[href='#/plan']")).toHaveCount(0);
      // The link made anyway holds no plan (format 1).
      await page.getByText(ui(lang, "invite", "caution_open")).click();
      expect((await inviteCode(page)).format).toBe(1);
      await expect(page.getByTestId("invite-holds")).not.toContainText(ui(lang, "plan", "link_holds_plan"));
      // The plan's page: set aside, with the safety note; no practices, days or calendar.
      await page.goto("./#/plan");
      await expect(page.getByTestId("plan-set-aside")).toBeVisible({ timeout: 15_000 });
      await expect(page.getByTestId("plan-set-aside")).toContainText(words.set_aside_full);
      await expect(page.getByTestId("safety-note")).toBeVisible();
      for (const gone of [".plan-day", "ol.strip", "ol.practices", "[data-testid=plan-calendar]", "[data-testid=plan-recheck]"]) await expect(page.locator(gone)).toHaveCount(0);
      await page.goto("./#/plan/recheck");
      await expect(page.locator("main h1")).toHaveText(words.recheck_heading);
      await expect(page.locator("main fieldset")).toHaveCount(0);

      // Neutral on fear (the gentle response): emotional support and respected boundaries both
      // at 50, boundaries mattering most. No choice of an area the screen touches; the one
      // suggested is the one that matters most among the others.
      await page.evaluate((text) => localStorage.setItem("closer.v1", text), JSON.stringify(record([
        result(at(who.now, -1), ["support", "boundaries"], 2, Object.fromEntries(DIMENSIONS.map((d) => [d, d === "boundaries" ? 4 : d === "support" ? 3 : 2]))),
      ])));
      await page.goto("about:blank");
      await page.goto("./#/results");
      await ready(page);
      await expect(page.getByTestId("safety-gentle")).toBeVisible();
      const offer = page.getByTestId("plan-offer");
      await expect(offer).toBeVisible();
      const offered = await offer.locator("input[name=plan-area]").evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
      expect(offered).toEqual(DIMENSIONS.filter((d) => !touched().includes(d)));
      await expect(offer.locator(".plan-suggested:not([data-suggested=support])")).toHaveCount(0);

      // A plan on an area the screen touches, started before: set aside, with a way to end it.
      const boundaries = areaName(lang, "boundaries");
      await page.evaluate((text) => localStorage.setItem("closer.v1", text), JSON.stringify(record(
        [result(at(who.now, -10)), result(at(who.now, -1), ["boundaries"], 2)],
        { area: "boundaries", start_day: START - 5, done: [3, 0, 1], before: 50, together: false },
      )));
      await page.goto("about:blank");
      await page.goto("./#/plan");
      await expect(page.getByTestId("plan-set-aside")).toBeVisible({ timeout: 15_000 });
      await expect(page.getByTestId("plan-set-aside")).toContainText(fill(words.set_aside_gentle, { area: boundaries }));
      await expect(page.locator(".site-header a[href='#/plan']")).toHaveCount(0);
      for (const gone of ["ol.strip", "ol.practices", "[data-testid=plan-calendar]"]) await expect(page.locator(gone)).toHaveCount(0);
      await page.getByRole("button", { name: words.end }).click();
      await expect.poll(async () => (await stored(page)).plan).toBeUndefined();
      await expect(page.getByTestId("plan-offer")).toBeVisible();
      await expect(page.getByTestId("plan-offer").locator("input[name=plan-area][value=boundaries]")).toHaveCount(0);
    });
  });
}

// ---------------------------------------------------------------- the re-check and safety

test("Neutral on fear: the area suggested is the one that matters most among the lower scores a plan may be offered for", async ({ page }) => {
  // Respected boundaries (touched by the safety screen) matters most and emotional support next,
  // both at 50; everything else at 100.
  const importance = Object.fromEntries(DIMENSIONS.map((d) => [d, d === "boundaries" ? 4 : d === "support" ? 3 : 2]));
  await seed(page, record([result(at(PEOPLE.en.now, -1), ["support", "boundaries"], 2, importance)]));
  await page.goto("./#/results");
  await ready(page);
  await expect(page.getByTestId("safety-gentle")).toBeVisible();
  const offer = page.getByTestId("plan-offer");
  await expect(offer.locator("input[name=plan-area][value=boundaries]")).toHaveCount(0);
  await expect(offer.locator(".plan-suggested")).toHaveAttribute("data-suggested", "support");
  await expect(offer.locator("input[name=plan-area][value=support]")).toBeChecked();
});

test("fear reported in the re-check sets the plan aside at once", async ({ page }) => {
  const who = PEOPLE.en;
  await page.clock.install({ time: new Date(who.now) });
  await seed(page, record([result(at(who.now, -14))], { area: "support", start_day: START - 13, done: [1, 1], before: 50, together: false }));
  await page.goto("./#/plan");
  await ready(page);
  await planShown(page, "support");
  await expect(page.locator(".plan-day")).toHaveAttribute("data-day", "14");
  await page.getByTestId("plan-recheck").click();
  await expect(page.locator(".recheck[data-area=support]")).toBeVisible();
  for (const s of [...itemsOf("support"), ...SCREEN]) await page.locator(`label[for="recheck-${s.id}-${s.id === FEAR.id ? 3 : favourable(s)}"]`).click();
  await page.getByTestId("recheck-finish").click();
  await expect(page.getByTestId("plan-set-aside")).toBeVisible();
  await expect(page.getByTestId("plan-set-aside")).toContainText(plans("en").words.set_aside_full);
  await expect(page.getByTestId("plan-result")).toHaveCount(0);
  await expect(page.locator(".site-header a[href='#/plan']")).toHaveCount(0);
  // History: the re-check is listed, set aside, and adds no point to the trend.
  await page.goto("./#/history");
  await expect(page.locator(".recheck-row[data-area=support]")).toContainText(ui("en", "history", "set_aside"));
  await expect(page.locator(".trend-row[data-dimension=support] svg")).toHaveAttribute("aria-label", "Emotional support: 50, –");
});

test("the re-check before day 14, when the person wants it: before and after at once", async ({ page }) => {
  const who = PEOPLE.en;
  const { words } = plans("en");
  await page.clock.install({ time: new Date(who.now) });
  await seed(page, record([result(at(who.now, -3))], { area: "support", start_day: START - 2, done: [1], before: 50, together: false }));
  await page.goto("./#/plan");
  await ready(page);
  await planShown(page, "support");
  await expect(page.locator(".plan-day")).toHaveAttribute("data-day", "3");
  await expect(page.locator(".plan-recheck")).toContainText(words.recheck_early);
  await page.getByTestId("plan-recheck").click();
  await expect(page.locator(".recheck[data-area=support]")).toBeVisible();
  // Only part answered: what is answered counts (Neutral again on emotional support: the same).
  for (const s of itemsOf("support")) await page.locator(`label[for="recheck-${s.id}-2"]`).click();
  await page.getByTestId("recheck-finish").click();
  const outcome = page.getByTestId("plan-result");
  await expect(outcome.locator("[data-before]")).toHaveAttribute("data-before", "50");
  await expect(outcome.locator("[data-after]")).toHaveAttribute("data-after", "50");
  await expect(outcome.locator(".plan-change")).toHaveAttribute("data-change", "same");
  await expect(outcome.locator(".plan-change")).toHaveText(fill(words.same, { area: "Emotional support" }));
  // The plan goes on: day 3, its strip and reminders still there.
  await expect(page.locator(".plan-day")).toHaveAttribute("data-day", "3");
  await expect(page.locator("ol.strip")).toBeVisible();
});

test("Neutral on fear, then a re-check with the safety screen left unanswered: still no plan for the areas the screen touches", async ({ page }) => {
  const who = PEOPLE.en;
  await page.clock.install({ time: new Date(who.now) });
  await seed(page, record([result(at(who.now, -14), ["support"], 2)], { area: "support", start_day: START - 13, done: [1], before: 50, together: false }));
  await page.goto("./#/plan");
  await ready(page);
  await planShown(page, "support");
  await page.getByTestId("plan-recheck").click();
  await expect(page.locator(".recheck[data-area=support]")).toBeVisible();
  for (const s of itemsOf("support")) await page.locator(`label[for="recheck-${s.id}-${favourable(s)}"]`).click();
  await page.getByTestId("recheck-finish").click();
  await expect(page.getByTestId("plan-result")).toBeVisible();
  await page.getByTestId("plan-result").getByRole("button", { name: plans("en").words.choose_another }).click();
  const offer = page.getByTestId("plan-offer");
  await expect(offer).toBeVisible();
  const offered = await offer.locator("input[name=plan-area]").evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
  expect(offered).toEqual(DIMENSIONS.filter((d) => !touched().includes(d)));
});

test("things got worse: before and after, and the way to the page on getting help; ending the plan", async ({ page }) => {
  const who = PEOPLE.en;
  const { words } = plans("en");
  await page.clock.install({ time: new Date(who.now) });
  await seed(page, record([result(at(who.now, -16)), recheckResult(at(who.now, -1), "support", 0)], { area: "support", start_day: START - 15, done: [1], before: 50, together: false }));
  await page.goto("./#/plan");
  await ready(page);
  await planShown(page, "support");
  const outcome = page.getByTestId("plan-result");
  await expect(outcome.locator("[data-before]")).toHaveAttribute("data-before", "50");
  // Strongly disagree on every statement: the straight ones 0, the reverse-worded ones 100.
  const after = Math.round((100 * itemsOf("support").reduce((n, s) => n + (s.reverse ? 4 : 0), 0)) / (4 * itemsOf("support").length));
  expect(after).toBeLessThan(45);
  await expect(outcome.locator("[data-after]")).toHaveAttribute("data-after", String(after));
  await expect(outcome.locator(".plan-change")).toHaveAttribute("data-change", "worse");
  await expect(outcome.locator(".plan-change")).toHaveText(fill(words.worse, { area: "Emotional support" }));
  await expect(outcome.getByRole("link", { name: words.get_help })).toHaveAttribute("href", "#/learn/getting-help");
  // Ending it: nothing of the plan kept, the offer back on the results.
  await page.getByTestId("plan-end").click();
  await expect(page.locator("[role=status]")).toHaveText(words.ended);
  await expect.poll(async () => (await stored(page)).plan).toBeUndefined();
  await page.goto("./#/results");
  await expect(page.getByTestId("plan-offer").getByTestId("plan-start")).toBeVisible();
});

// ---------------------------------------------------------------- together

test("a plan through a partner link: the link holds its area and first day, and the partner's plan starts the same day", async ({ browser, baseURL, problems }) => {
  test.setTimeout(90_000);
  const person = async (now: string) => {
    const context = await browser.newContext({ baseURL, locale: "en-GB", timezoneId: "Europe/London" });
    const page = await context.newPage();
    watch(page, problems, [new URL(baseURL!).origin]);
    await page.clock.install({ time: new Date(now) });
    return page;
  };
  const T0 = "2027-03-01T12:00:00Z";
  // Alex and Sam: emotional support at 50, the rest at 100 (so the talk guide's first topic is
  // not empathy, the area Alex picks).
  const alex = await person(T0);
  await seed(alex, { version: 2, results: [result(at(T0, -1))], comparisons: [], shared_ms: null });
  await alex.goto("./#/results");
  await ready(alex);
  await alex.getByLabel("Your first name (optional)").fill("Alex");
  const before = await inviteCode(alex);
  expect(before.format).toBe(1); // no plan: the link as before
  await alex.getByTestId("plan-offer").locator("label[for=plan-area-empathy]").click();
  await alex.getByTestId("plan-start").click();
  await planShown(alex, "empathy");
  // Alex's record, version 2 until now, is written as version 4 with the plan.
  await expect.poll(async () => (await stored(alex)).version).toBe(4);
  await alex.goto("./#/results");
  await ready(alex);
  await expect(alex.getByTestId("plan-offer").getByRole("link", { name: "Open your plan" })).toHaveAttribute("href", "#/plan");
  await alex.getByLabel("Your first name (optional)").fill("Alex");
  await expect(alex.getByTestId("invite-holds")).toContainText(ui("en", "plan", "link_holds_plan"));
  const withPlan = await inviteCode(alex);
  expect(withPlan.format).toBe(3);
  // Nothing else is added: the area and the first day take a few characters more.
  const codeLength = (link: string) => link.split("#/compare/")[1].length;
  expect(codeLength(withPlan.link) - codeLength(before.link)).toBeLessThanOrEqual(6);

  // Sam, three days later, has a result and has shared before: links open the comparison at once.
  const sam = await person(new Date(at(T0, 3)).toISOString());
  await seed(sam, { version: 2, results: [result(at(T0, -2))], comparisons: [], shared_ms: at(T0, -2) });
  // The link without a plan (still opens): the suggestion comes from the comparison.
  await sam.goto(before.link);
  await ready(sam);
  await expect(sam.locator("main h1")).toHaveText("Compare results");
  await expect(sam.getByTestId("plan-offer").locator(".plan-suggested")).not.toHaveAttribute("data-suggested", "empathy");
  await expect(sam.getByTestId("plan-offer").locator(".plan-suggested")).toContainText(ui("en", "plan", "offer_why_together"));
  // The link with Alex's plan: empathy suggested, and started on Alex's first day.
  await sam.goto("about:blank");
  await sam.goto(withPlan.link);
  await ready(sam);
  await expect(sam.locator("main h1")).toHaveText("Compare results");
  const offer = sam.getByTestId("plan-offer");
  await expect(offer.locator(".plan-suggested")).toHaveAttribute("data-suggested", "empathy");
  await expect(offer.locator("input[name=plan-area][value=empathy]")).toBeChecked();
  await offer.getByTestId("plan-start").click();
  await planShown(sam, "empathy");
  await expect(sam.locator(".plan-together")).toHaveText(plans("en").words.lead_together);
  await expect(sam.locator(".plan-day")).toHaveAttribute("data-day", "4");
  for (let d = 1; d <= 14; d++) {
    const button = sam.locator(`li.strip-day[data-day="${d}"] button`);
    if (d <= 4) await expect(button).toBeEnabled();
    else await expect(button).toBeDisabled();
  }
  const alexPlan = (await stored(alex)).plan;
  await expect.poll(async () => (await stored(sam)).plan).toMatchObject({ area: "empathy", start_day: alexPlan.start_day, together: true });
  expect(alexPlan.start_day).toBe(START);
  // Each ticks their own days: Sam's tick is not Alex's.
  await sam.locator("#tick-4-0").check();
  expect((await stored(sam)).plan.done).toEqual([0, 0, 0, 1]);
  expect((await stored(alex)).plan.done ?? []).toEqual([]);
  // Sam's link back holds the same plan.
  await sam.goto("./#/results");
  await ready(sam);
  await sam.getByLabel("Your first name (optional)").fill("Sam");
  expect((await inviteCode(sam)).format).toBe(3);
  for (const p of [alex, sam]) await p.context().close();
});

test("a plan in a locked link: locked with it, and opened with the passphrase, the same area and first day", async ({ browser, baseURL, problems }) => {
  test.setTimeout(90_000);
  const T0 = "2027-03-01T12:00:00Z";
  const person = async (now: string) => {
    const context = await browser.newContext({ baseURL, locale: "en-GB", timezoneId: "Europe/London" });
    const page = await context.newPage();
    watch(page, problems, [new URL(baseURL!).origin]);
    await page.clock.install({ time: new Date(now) });
    return page;
  };
  const alex = await person(T0);
  await seed(alex, record([result(at(T0, -1))], { area: "physical", start_day: START, done: [1], before: 100, together: false }));
  await alex.goto("./#/results");
  await ready(alex);
  await alex.getByLabel("Lock it with a passphrase").check();
  await alex.getByLabel("Passphrase", { exact: true }).fill("blue kettle at noon");
  await alex.getByLabel("Passphrase", { exact: true }).press("Enter");
  await expect(alex.getByTestId("invite-holds")).toContainText("It is locked");
  await expect(alex.getByTestId("invite-holds")).toContainText(ui("en", "plan", "link_holds_plan"));
  const { link, format } = await inviteCode(alex);
  expect(format).toBe(2);

  const sam = await person(new Date(at(T0, 1)).toISOString());
  await seed(sam, record([result(at(T0, -2))], undefined, { shared_ms: at(T0, -2) }));
  await sam.goto(link);
  await ready(sam);
  await expect(sam.locator("main h1")).toHaveText("A locked link");
  // Nothing of the plan before the passphrase.
  await expect(sam.getByTestId("plan-offer")).toHaveCount(0);
  await sam.getByLabel("Passphrase", { exact: true }).fill("blue kettle at noon");
  await sam.getByLabel("Passphrase", { exact: true }).press("Enter");
  await expect(sam.locator("main h1")).toHaveText("Compare results");
  const offer = sam.getByTestId("plan-offer");
  await expect(offer.locator(".plan-suggested")).toHaveAttribute("data-suggested", "physical");
  await offer.getByTestId("plan-start").click();
  await planShown(sam, "physical");
  await expect(sam.locator(".plan-day")).toHaveAttribute("data-day", "2");
  await expect.poll(async () => (await stored(sam)).plan).toMatchObject({ area: "physical", start_day: START, together: true });
  // Alex's own ticks did not travel.
  expect((await stored(sam)).plan.done ?? []).toEqual([]);
  for (const p of [alex, sam]) await p.context().close();
});

test("two tabs: a practice ticked in each, both kept in both", async ({ page, context }) => {
  const who = PEOPLE.en;
  await page.clock.install({ time: new Date(who.now) });
  await seed(page, record([result(at(who.now, -1))], { area: "support", start_day: START, done: [], before: 50, together: false }));
  await page.goto("./#/plan");
  await ready(page);
  await planShown(page, "support");
  const other = await context.newPage();
  await other.goto("./#/plan");
  await ready(other);
  await planShown(other, "support");
  await page.locator("#tick-1-0").check();
  await expect(other.locator("#tick-1-0")).toBeChecked();
  await other.locator("#tick-1-1").check();
  for (const p of [page, other]) {
    await expect(p.locator("li.strip-day[data-day='1']")).toHaveAttribute("data-done", "2");
    await expect(p.locator("#tick-1-0")).toBeChecked();
    await expect(p.locator("#tick-1-1")).toBeChecked();
  }
  await expect.poll(async () => (await stored(page)).plan.done).toEqual([3]);
  await other.close();
});

test("a plan in the stored record that Closer did not write is refused with the usual notice, and kept as a backup", async ({ page }) => {
  const who = PEOPLE.en;
  const plan = { area: "support", start_day: START, done: [1], before: 50, together: false };
  const base = record([result(at(who.now, -1))]);
  const cases: [string, object, string][] = [
    ["an unknown area", { ...base, plan: { ...plan, area: "nowhere" } }, ui("en", "notice", "reason_bad_value")],
    ["more than 14 days", { ...base, plan: { ...plan, done: Array(15).fill(1) } }, ui("en", "notice", "reason_bad_value")],
    ["a fifth practice", { ...base, plan: { ...plan, done: [16] } }, ui("en", "notice", "reason_bad_value")],
    ["a score over 100", { ...base, plan: { ...plan, before: 101 } }, ui("en", "notice", "reason_bad_value")],
    ["a plan in a version 3 record", { ...base, version: 3, plan }, ui("en", "notice", "reason_wrong_shape")],
  ];
  for (const [name, rec, reason] of cases) {
    const text = JSON.stringify(rec);
    await page.goto("./#/learn");
    await ready(page);
    await page.evaluate((text) => {
      localStorage.clear();
      localStorage.setItem("closer.v1", text);
    }, text);
    await page.goto("about:blank");
    await page.goto("./#/plan");
    await ready(page);
    await expect(page.locator(".notice").first(), name).toContainText(reason);
    expect(await page.evaluate(() => localStorage.getItem("closer.v1.backup")), name).toBe(text);
  }
});

test("export, delete everything, import: the plan, its ticks and its re-check come back", async ({ page }) => {
  const who = PEOPLE.en;
  await page.clock.install({ time: new Date(who.now) });
  const plan = { area: "support", start_day: START - 13, done: [1, 0, 3], before: 50, together: true };
  await seed(page, record([result(at(who.now, -14)), recheckResult(at(who.now, -1), "support", 4)], plan));
  await page.goto("./#/data");
  await ready(page);
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export everything as a file" }).click();
  const file = await (await download).path();
  const exported = JSON.parse(readFileSync(file!, "utf8"));
  expect(exported.version).toBe(4);
  expect(exported.plan).toEqual(plan);
  await page.getByRole("button", { name: "Delete everything" }).click();
  await page.getByRole("button", { name: "Yes, delete everything" }).click();
  await expect(page.locator(".notice")).toContainText("has been deleted");
  await expect(page.locator(".site-header a[href='#/plan']")).toHaveCount(0);
  await expect.poll(async () => (await stored(page))?.plan).toBeUndefined();
  await page.locator("#import-file").setInputFiles(file!);
  await expect(page.locator(".notice")).toContainText("Your data was imported.");
  await expect.poll(async () => (await stored(page)).plan).toEqual(plan);
  await page.locator(".site-header a[href='#/plan']").click();
  await planShown(page, "support");
  await expect(page.locator("ol.strip > li.strip-day[data-day='3']")).toHaveAttribute("data-done", "2");
  await expect(page.getByTestId("plan-result").locator("[data-after]")).toHaveAttribute("data-after", /\d+/);
  await page.goto("./#/history");
  await expect(page.locator(".recheck-row[data-area=support]")).toHaveCount(1);
});

test("a partner's plan on an area the safety screen touches, opened under the gentle response: not suggested, not offered", async ({ browser, baseURL, problems }) => {
  const T0 = "2027-03-01T12:00:00Z";
  const person = async () => {
    const context = await browser.newContext({ baseURL, locale: "en-GB", timezoneId: "Europe/London" });
    const page = await context.newPage();
    watch(page, problems, [new URL(baseURL!).origin]);
    await page.clock.install({ time: new Date(T0) });
    return page;
  };
  const alex = await person();
  await seed(alex, record([result(at(T0, -1), ["support", "security"])], { area: "security", start_day: START - 1, done: [], before: 50, together: false }));
  await alex.goto("./#/results");
  await ready(alex);
  const { link, format } = await inviteCode(alex);
  expect(format).toBe(3);
  const sam = await person();
  await seed(sam, record([result(at(T0, -2), ["support"], 2)], undefined, { shared_ms: at(T0, -2) }));
  await sam.goto(link);
  await ready(sam);
  await expect(sam.locator("main h1")).toHaveText("Compare results");
  const offer = sam.getByTestId("plan-offer");
  await expect(offer).toBeVisible();
  await expect(offer.locator("input[name=plan-area][value=security]")).toHaveCount(0);
  await expect(offer.locator(".plan-suggested[data-suggested=security]")).toHaveCount(0);
  for (const p of [alex, sam]) await p.context().close();
});

test("after one visit the plan works with no network: its page, a tick, and the calendar file", async ({ browser, problems }) => {
  test.setTimeout(90_000);
  const { startServer } = await import("../../scripts/serve.mjs" as string);
  const FOLDER = "/a/b/closer/";
  const server: Server = await startServer({ dir: DIST, port: 0, prefixes: [FOLDER] });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}${FOLDER}`;
  const context = await browser.newContext({ locale: "en-GB" });
  const page = await context.newPage();
  watch(page, problems, [new URL(url).origin]);
  await seed(page, record([result(Date.now() - DAY_MS)]));
  await page.goto(`${url}#/results`);
  await ready(page);
  await expect
    .poll(() => page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.active?.state ?? "none"), { timeout: 30_000 })
    .toBe("activated");
  await new Promise<void>((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });
  await context.setOffline(true);
  await page.reload();
  await ready(page);
  await page.getByTestId("plan-start").click();
  await planShown(page, "support");
  await page.locator("#tick-1-0").check();
  await expect(page.locator("li.strip-day[data-day='1']")).toHaveAttribute("data-done", "1");
  const file = await downloadCalendar(page);
  expect(file.name).toBe("closer-plan.ics");
  const events = calendarEvents(file.text);
  expect(events).toHaveLength(plans("en").area("support").practice.length + 1);
  expect(events[0].url).toBe(`${url}#/plan`);
  await context.close();
});

// ---------------------------------------------------------------- the embed

test("in an embed the plan page says how to get the calendar file from Closer's own page", async ({ page, baseURL }) => {
  const who = PEOPLE.en;
  await page.clock.install({ time: new Date(who.now) });
  await seed(page, record([result(at(who.now, -3))], { area: "support", start_day: START - 2, done: [], before: 50, together: false }));
  await page.goto("./?embed=1#/plan");
  await ready(page);
  await planShown(page, "support");
  await expect(page.locator(".site-header")).toHaveCount(0);
  const note = page.locator(".plan-embed-note");
  await expect(note).toContainText(plans("en").words.calendar_embed);
  const link = note.locator("a");
  await expect(link).toHaveAttribute("href", `${baseURL}#/plan`);
  await expect(link).toHaveAttribute("target", "_blank");
  // Not on Closer's own page.
  await page.goto("about:blank");
  await page.goto("./#/plan");
  await planShown(page, "support");
  await expect(page.locator(".plan-embed-note")).toHaveCount(0);
});

test("embedded in another site's page: a plan chosen in the frame, a day ticked, the note, and the file where the frame may download", async ({ browser, problems }) => {
  test.setTimeout(90_000);
  const APP = "http://127.0.0.1:4173/a/b/closer/";
  const HOST = "http://localhost:4174";
  const page = await browser.newPage({ locale: "en-GB" });
  watch(page, problems, [HOST, new URL(APP).origin]);
  await page.goto(`${HOST}/post.html`);
  const frame = page.frameLocator("iframe");
  await expect(frame.locator("main h1")).toHaveText("How close do you feel?", { timeout: 15_000 });
  // A check-in in the frame, by keys: Neutral on emotional support, favourable elsewhere.
  await frame.getByRole("button", { name: "Start the check-in" }).click();
  for (let n = 1; n <= ALL.length; n++) {
    await expect(frame.locator(".progress-text")).toHaveText(`${n} of ${ALL.length}`);
    const text = (await frame.locator("fieldset[data-kind=statement] legend").textContent())!.trim();
    const s = ALL.find((x) => x.text === text)!;
    await page.keyboard.press(String((s.dimension === "support" ? 2 : favourable(s)) + 1));
  }
  await frame.getByRole("link", { name: "Continue" }).click();
  await frame.getByRole("button", { name: "See my results" }).click();
  await frame.getByTestId("plan-start").click();
  await expect(frame.locator(".plan[data-area]")).toBeVisible({ timeout: 15_000 });
  const area = (await frame.locator(".plan[data-area]").getAttribute("data-area"))!;
  await frame.locator("#tick-1-0").check();
  await expect(frame.locator("li.strip-day[data-day='1']")).toHaveAttribute("data-done", "1");
  const note = frame.locator(".plan-embed-note");
  await expect(note).toContainText(plans("en").words.calendar_embed);
  await expect(note.locator("a")).toHaveAttribute("href", `${APP}#/plan`);
  await expect(note.locator("a")).toHaveAttribute("target", "_blank");
  // This host lets the frame download: the file comes, leading back to Closer's own page.
  const file = await downloadCalendar(page, frame);
  expect(file.name).toBe("closer-plan.ics");
  const events = calendarEvents(file.text);
  expect(events).toHaveLength(plans("en").area(area).practice.length + 1);
  expect(events[0].url).toBe(`${APP}#/plan`);
  await page.close();
});

// ---------------------------------------------------------------- RFC 5545 details

test("the calendar file's lines are at most 75 octets (RFC 5545, 3.1), in Spanish too", async ({ browser, baseURL, problems }) => {
  for (const lang of ["en", "es"] as const) {
    const who = PEOPLE[lang];
    const context = await browser.newContext({ baseURL, locale: who.locale, timezoneId: who.timezoneId });
    const page = await context.newPage();
    watch(page, problems, [new URL(baseURL!).origin]);
    await page.clock.install({ time: new Date(who.now) });
    await seed(page, record([result(at(who.now, -1))], { area: "support", start_day: START, done: [], before: 50, together: false }));
    await page.goto("./#/plan");
    await ready(page);
    await planShown(page, "support");
    const { text } = await downloadCalendar(page);
    const long = text.split("\r\n").filter((l) => Buffer.byteLength(l, "utf8") > 75);
    expect(long, `${lang}: lines over 75 octets`).toEqual([]);
    await context.close();
  }
});

// ---------------------------------------------------------------- the keyboard's focus

// As focus.spec.ts does for every other page: each button of the plan's pages pressed by
// keyboard (Enter), in a fresh profile; the focus must not fall to the body.
const BUTTONS = "main button:visible:not(.quick-exit-button), .notices button:visible, header button:visible:not(.quick-exit-button)";

// (Not embedded: the same page; not set aside by fear: no button there.)
for (const state of states(PEOPLE.en.now).filter((s) => !s.route.startsWith("?embed") && !s.wait.includes("plan-set-aside"))) {
  test(`no button of the plan's pages drops the keyboard's focus to the start of the page: ${state.name}`, async ({ browser, baseURL }) => {
    test.setTimeout(120_000);
    const open = async () => {
      const context = await browser.newContext({ baseURL, locale: PEOPLE.en.locale, timezoneId: PEOPLE.en.timezoneId, acceptDownloads: true });
      const page = await context.newPage();
      await page.clock.install({ time: new Date(PEOPLE.en.now) });
      await seed(page, state.rec);
      await page.goto(`./${state.route}`);
      await ready(page);
      await expect(page.locator(state.wait).first()).toBeVisible({ timeout: 15_000 });
      // On the re-check, one answer given, so that its last button is pressed too.
      if (state.route === "#/plan/recheck") await page.locator("main fieldset input[type=radio]").first().check();
      return { context, page };
    };
    const first = await open();
    const n = await first.page.locator(BUTTONS).count();
    await first.context.close();
    const dropped: string[] = [];
    for (let i = 0; i < n; i++) {
      const { context, page } = await open();
      const button = page.locator(BUTTONS).nth(i);
      if (await button.isDisabled()) {
        await context.close();
        continue;
      }
      const words = (await button.textContent())?.trim();
      await button.focus();
      await page.keyboard.press("Enter");
      await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
      // A moment for what the key started (a file written, a page changed) to settle.
      await page.waitForTimeout(300);
      const onBody = await page.evaluate(() => document.activeElement === null || document.activeElement === document.body);
      if (onBody) dropped.push(`"${words}"`);
      await context.close();
    }
    expect(n, "buttons on the page").toBeGreaterThan(0);
    expect(dropped, "buttons after which the focus was on the body").toEqual([]);
  });
}

// ---------------------------------------------------------------- axe

/** The plan's pages in each of their states, each with the record it needs. */
function states(now: string) {
  const plan = (extra: object = {}) => ({ area: "support", start_day: START - 2, done: [1, 0, 5], before: 50, together: false, ...extra });
  const earlier = result(at(now, -20));
  return [
    { name: "the plan on day 3, days ticked", route: "#/plan", rec: record([earlier], plan()), wait: ".plan[data-area] fieldset.ticks" },
    { name: "the plan together, not yet started", route: "#/plan", rec: record([earlier], plan({ start_day: START + 1, together: true })), wait: ".plan-together" },
    { name: "the re-check", route: "#/plan/recheck", rec: record([earlier], plan()), wait: ".recheck fieldset" },
    { name: "before and after, worse", route: "#/plan", rec: record([earlier, recheckResult(at(now, -1), "support", 0)], plan({ start_day: START - 14 })), wait: "[data-testid=plan-result] .plan-change" },
    { name: "set aside (fear reported)", route: "#/plan", rec: record([earlier, result(at(now, -1), ["support"], 3)], plan()), wait: "[data-testid=plan-set-aside]" },
    { name: "no plan: the offer on the plan's page", route: "#/plan", rec: record([earlier]), wait: "[data-testid=plan-offer] [data-testid=plan-start]" },
    { name: "the results with the offer", route: "#/results", rec: record([earlier]), wait: "[data-testid=plan-start]" },
    { name: "the results with a plan running", route: "#/results", rec: record([earlier], plan()), wait: "[data-testid=plan-offer] a" },
    { name: "embedded", route: "?embed=1#/plan", rec: record([earlier], plan()), wait: ".plan-embed-note" },
  ];
}

/** Opens `state` afresh, with its record stored. */
async function visit(page: Page, state: ReturnType<typeof states>[number]) {
  await page.goto("./#/learn");
  await ready(page);
  await page.evaluate((text) => localStorage.setItem("closer.v1", text), JSON.stringify(state.rec));
  await page.goto("about:blank");
  await page.goto(`./${state.route}`);
  await ready(page);
  await expect(page.locator(state.wait).first(), state.name).toBeVisible({ timeout: 15_000 });
}

/** Runs axe and the width check on every state; returns what was found. */
async function checkStates(page: Page, now: string): Promise<string[]> {
  const found: string[] = [];
  for (const state of states(now)) {
    await visit(page, state);
    // Embedded, the page around the app's main (the quick exit's hint, the footer line and the
    // language switch, outside any landmark) is the embed's on every route, not the plan's:
    // only the plan is checked there.
    const axe = new AxeBuilder({ page });
    if (state.route.startsWith("?embed=1")) axe.include("main");
    const results = await axe.analyze();
    for (const v of results.violations) found.push(`${state.name} (${state.route}): ${v.id} (${v.impact}) ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(" | ")}`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    if (overflow > 0) found.push(`${state.name} (${state.route}): ${overflow}px wider than the screen`);
  }
  return found;
}

for (const scheme of ["light", "dark"] as const) {
  for (const width of [320, 375, 1280]) {
    test(`axe finds nothing on the plan's pages, ${scheme} mode at ${width} px, and nothing is wider than the screen`, async ({ page }) => {
      test.setTimeout(120_000);
      const now = PEOPLE.en.now;
      await page.clock.install({ time: new Date(now) });
      await page.setViewportSize({ width, height: 900 });
      await page.emulateMedia({ colorScheme: scheme });
      expect(await checkStates(page, now)).toEqual([]);
    });
  }
}

test.describe("in Spanish", () => {
  test.use({ locale: "es-ES" });
  test("axe finds nothing on the plan's pages in Spanish, at 375 px", async ({ page }) => {
    test.setTimeout(120_000);
    const now = PEOPLE.en.now;
    await page.clock.install({ time: new Date(now) });
    await page.setViewportSize({ width: 375, height: 900 });
    expect(await checkStates(page, now)).toEqual([]);
  });

  test("the plan's pages in Spanish have no English word left", async ({ page }) => {
    test.setTimeout(120_000);
    // Words of the English words and plans files that no Spanish text of the app uses.
    const en = [builtFile("words", "Strongly disagree"), builtFile("plans", plans("en").area("support").practice[0].title)];
    const es = [builtFile("words", "Muy en desacuerdo"), builtFile("plans", plans("es").area("support").practice[0].title)];
    const wordsOf = (text: string) => new Set(text.toLowerCase().match(/\p{L}+/gu) ?? []);
    const read = (files: string[]) => files.map((f) => readFileSync(join(DIST, f), "utf8")).join("\n");
    const spanish = wordsOf(read(es));
    const english = [...wordsOf(read(en))].filter((w) => !spanish.has(w));
    const now = PEOPLE.es.now;
    await page.clock.install({ time: new Date(now) });
    // Dates are the browser's Intl's: Spanish month and day names are Spanish here.
    const dates = new Set(await page.evaluate(() => [...Array(14).keys()].flatMap((d) => new Date(2027, 2, 1 + d).toLocaleDateString("es", { weekday: "short", day: "numeric", month: "short" }).toLowerCase().match(/\p{L}+/gu) ?? [])));
    const found: string[] = [];
    for (const state of states(now)) {
      await visit(page, state);
      expect(await page.evaluate(() => document.documentElement.lang)).toBe("es");
      const shown = await page.evaluate(() => {
        document.querySelectorAll(".languages").forEach((e) => e.remove());
        return [document.title, document.body.innerText, ...[...document.querySelectorAll("[aria-label]")].map((e) => e.getAttribute("aria-label"))].join("\n");
      });
      const left = [...wordsOf(shown)].filter((w) => english.includes(w) && !dates.has(w));
      if (left.length) found.push(`${state.name}: ${left.join(", ")}`);
    }
    expect(found).toEqual([]);
  });
});
