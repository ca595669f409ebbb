import { Page } from "@playwright/test";
import { test, expect, ready, expectRefusedLinks } from "./fixtures";
import { statements, favourable, DIMENSIONS } from "./content";
import { craftCode } from "./codes";
import { takeCheckIn } from "./checkin";

const ALL = statements();

async function makeLink(page: Page, name: string) {
  await page.getByLabel("Your first name (optional)").fill(name);
  const holds = page.getByTestId("invite-holds");
  await expect(holds).toContainText("your eight scores and how much each area matters");
  await expect(holds).not.toContainText("answer");
  await expect(holds).toContainText(`It also holds the name “${name}”.`);
  await expect(holds).toContainText("Anyone who has the link can read what it holds.");
  await page.getByRole("button", { name: "Copy link" }).click();
  await expect(page.locator(".copy-status")).toHaveText(/Link copied\.|The link is selected/);
  return page.locator("#invite-link").inputValue();
}

test("two people compare through links: invite, blind partner quiz, comparison, link back", async ({ newPerson, context }) => {
  // Alex: finishes with every answer favourable, makes a link with a name.
  const alex = await newPerson();
  await alex.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  await alex.goto("./");
  await ready(alex);
  await takeCheckIn(alex, favourable, 4);
  await expect(alex.locator("h1")).toHaveText("Your results");
  const link = await makeLink(alex, "Alex");
  expect(link).toMatch(/^http:\/\/127\.0\.0\.1:4173\/#\/compare\/[A-Za-z0-9_-]+$/);
  const code = link.split("/compare/")[1];
  console.log(`share code for a result with a 4-letter name: ${code.length} characters`);
  expect(code.length).toBeLessThan(40);
  expect(await alex.evaluate(() => navigator.clipboard.readText())).toBe(link);

  // Sam: a separate browser profile. Opens the link: sees who invited, not Alex's scores.
  const sam = await newPerson();
  await sam.goto(link);
  await ready(sam);
  await expect(sam.getByTestId("invited-by")).toHaveText("Alex invited you to compare results.");
  await expect(sam.locator("svg")).toHaveCount(0);
  await expect(sam.locator("main")).not.toContainText(/\b100\b/);
  expect(await sam.evaluate(() => localStorage.getItem("closer.v1"))).not.toContain('"answers":{"'); // nothing of Alex's answers stored as Sam's
  // Sam: favourable on being yourself and quality time, Neutral elsewhere.
  const strong = new Set(["authenticity", "quality_time"]);
  await takeCheckIn(sam, (s) => (strong.has(s.dimension) || s.safety ? favourable(s) : 2), 3, "Start my check-in");
  // The comparison opens once Sam has finished.
  await expect(sam.locator("h1")).toHaveText("Compare results");
  await expect(sam.getByTestId("safety-note")).toHaveCount(0);
  await expect(sam.locator(".compare-chart [data-dimension]")).toHaveCount(8);
  await expect(sam.locator(".compare-chart")).toHaveAttribute("aria-label", /you and Alex/);
  // Each area marked: 100 and 100 a shared strength; 100 and 50 a difference.
  const marks = sam.locator(".mark-list li");
  await expect(marks).toHaveCount(8);
  await expect(sam.locator('[data-area="authenticity"][data-mark="strength"]')).toHaveText("Being yourself · Shared strength");
  await expect(sam.locator('[data-area="empathy"][data-mark="difference"]')).toHaveText("Empathy · A difference: 50 points apart");
  // The talk guide: ground rules, a start from a shared strength, prompts per topic with appreciation first.
  const talk = sam.getByTestId("talk");
  await expect(talk.locator(".rules li")).toHaveCount(7);
  await expect(talk.locator(".rules")).toContainText("Did I get that right?");
  await expect(talk.locator(".rules")).toContainText("at least 20 minutes");
  await expect(talk.getByTestId("talk-end")).toContainText("thank each other");
  await expect(talk.locator(".rules")).toContainText("Scores are not ammunition");
  await expect(talk.locator(".rules")).toContainText("A difference is not a verdict");
  await expect(talk.getByTestId("talk-start")).toContainText("You both see Being yourself as a strength.");
  const topics = talk.locator(".topic");
  await expect(topics).toHaveCount(6);
  for (const t of await topics.all()) {
    const n = await t.locator(".prompts li").count();
    expect(n).toBeGreaterThanOrEqual(2);
    expect(n).toBeLessThanOrEqual(3);
    await expect(t.locator(".prompts li").first()).toHaveClass("appreciation");
  }
  await expect(talk).toContainText("If one of you does not want to talk");
  // Comparisons are kept: after a reload it is still there.
  await sam.reload();
  await expect(sam.locator(".compare-chart [data-dimension]")).toHaveCount(8);
  expect(JSON.parse((await sam.evaluate(() => localStorage.getItem("closer.v1")))!).comparisons).toHaveLength(1);

  // Sam sends a link back; Alex opens it and sees the same comparison, at once.
  const back = await makeLink(sam, "Sam");
  await alex.goto(back);
  await expect(alex.locator("h1")).toHaveText("Compare results");
  await expect(alex.locator(".compare-chart")).toHaveAttribute("aria-label", /you and Sam/);
  const rows = async (p: Page) => p.locator(".mark-list li").allTextContents();
  expect(await rows(alex)).toEqual(await rows(sam));
  // Alex's side shows Alex's scores as "You", Sam's as the partner: mirrored charts.
  const label = (p: Page) => p.locator(".compare-chart").getAttribute("aria-label");
  const alexLabel = (await label(alex))!;
  const samLabel = (await label(sam))!;
  const firstScores = (s: string) => s.match(/Being yourself: You (\d+|–), \S+ (\d+|–)/)!.slice(1);
  expect(firstScores(alexLabel)).toEqual(firstScores(samLabel).reverse());

  // The comparison is listed in Alex's history.
  await alex.goto("./#/history");
  await expect(alex.locator(".comparisons a")).toHaveText(/^With Sam, opened on /);

  // A later check-in of Alex's ends on Alex's own results; the comparison stays as it was.
  await alex.goto("./#/");
  await takeCheckIn(alex, () => 0, 1);
  await expect(alex.locator("h1")).toHaveText("Your results");
  await alex.goto(back);
  await expect(alex.locator(".compare-chart")).toHaveAttribute("aria-label", alexLabel);
});

test("a name in a link is shown as text, never as markup", async ({ page }) => {
  // Build a real link from a finished check-in, with a name that looks like HTML.
  await page.goto("./");
  await ready(page);
  await takeCheckIn(page, "4", 2);
  await page.getByLabel("Your first name (optional)").fill("<img src=x onerror=alert(1)>");
  const link = await page.locator("#invite-link").inputValue();
  await page.evaluate(() => localStorage.clear());
  await page.goto("about:blank");
  await page.goto(link);
  await ready(page);
  await expect(page.getByTestId("invited-by")).toContainText("<img src=x onerror=alert(1");
  await expect(page.locator("main img")).toHaveCount(0);
});

test("bad links each get a clear message and no uncaught error", async ({ page }) => {
  await page.goto("./");
  await ready(page);
  await takeCheckIn(page, "4", 2);
  const link = await page.locator("#invite-link").inputValue();
  const code = link.split("/compare/")[1];
  const altered = code.slice(0, 10) + (code[10] === "A" ? "B" : "A") + code.slice(11);
  const cases: [string, RegExp][] = [
    [code.slice(0, code.length - 5), /incomplete/],
    [altered, /changed or damaged/],
    ["this-is-not-a-closer-link", /(not a Closer link|changed or damaged|incomplete)/],
    ["!!!", /not a Closer link/],
    ["x".repeat(600), /not a Closer link/],
  ];
  await expectRefusedLinks(page, cases);
});

test("a link from a newer Closer says so; one from an older content version still compares, with a notice", async ({ page }) => {
  // Format 2 is a locked link, 3 a result with a plan; 4 is the next.
  await page.goto("./#/compare/" + craftCode(4, 1, [50, 50, 50, 50, 50, 50, 50, 50], [2, 2, 2, 2, 2, 2, 2, 2]));
  await ready(page);
  await expect(page.getByRole("alert")).toHaveText(/newer version of Closer/);

  await page.goto("./");
  await takeCheckIn(page, "3", 3);
  await page.getByRole("button", { name: "Copy link" }).click(); // this person has shared: a link back opens at once
  const older = craftCode(1, 0, [10, 20, 30, 40, 50, 60, 70, 80], [4, 4, 4, 4, 4, 4, 4, 4]);
  await page.goto("about:blank");
  await page.goto("./#/compare/" + older);
  await ready(page);
  await expect(page.locator("h1")).toHaveText("Compare results");
  await expect(page.locator(".notice").first()).toContainText("different version of the check-in");
  await expect(page.locator(".compare-chart")).toHaveAttribute("aria-label", /Being yourself: You \d+, Your partner 10/);
});

test("in the partner flow, fear reported brings the safety response before the comparison and before any link back", async ({ newPerson }) => {
  const alex = await newPerson();
  await alex.goto("./");
  await ready(alex);
  await takeCheckIn(alex, favourable, 4);
  const link = await makeLink(alex, "Alex");

  // Sam: every answer favourable, except agreeing that Sam is afraid of how Alex might react.
  const sam = await newPerson();
  await sam.goto(link);
  await ready(sam);
  const fear = ALL.find((s) => s.safety && /afraid/.test(s.text))!;
  await takeCheckIn(sam, (s) => (s.id === fear.id ? 3 : favourable(s)), 4, "Start my check-in");
  await expect(sam.locator("h1")).toHaveText("Compare results");
  const note = sam.getByTestId("safety-note");
  await expect(note).toBeVisible();
  const y = async (selector: string) => (await sam.locator(selector).first().boundingBox())!.y;
  expect(await y("[data-testid=safety-note]")).toBeLessThan(await y(".compare-chart"));
  expect(await y("[data-testid=safety-note]")).toBeLessThan(await y(".invite"));
  // Both at 100 everywhere, but no area is called a shared strength, and no talk guide.
  for (const id of DIMENSIONS) {
    const mark = sam.locator(`[data-area="${id}"]`);
    await expect(mark).toHaveAttribute("data-mark", "set-aside");
    await expect(mark).not.toContainText("Shared strength");
  }
  await expect(sam.getByTestId("talk")).toHaveCount(0);
  await expect(sam.getByTestId("talk-set-aside")).toBeVisible();
  // Sending a result back: a plain caution first, the link only on request.
  await expect(sam.getByTestId("invite-caution")).toBeVisible();
  await expect(sam.locator("#invite-link")).toBeHidden();
});

test("a link is the same whatever the answers to the safety questions", async ({ newPerson }) => {
  const links: string[] = [];
  for (const screen of [0, 4]) {
    const person = await newPerson();
    await person.goto("./");
    await ready(person);
    await takeCheckIn(person, (s) => (s.safety ? screen : favourable(s)), 2);
    if (screen > 0) {
      await expect(person.getByTestId("safety-note")).toBeVisible();
      await person.getByText("Compare with your partner anyway").click();
    }
    await person.getByLabel("Your first name (optional)").fill("Kim");
    links.push(await person.locator("#invite-link").inputValue());
  }
  expect(links[1]).toBe(links[0]);
});

test("the comparison prints well: chart and marks, then the talk guide on a page of its own", async ({ newPerson }) => {
  const alex = await newPerson();
  await alex.goto("./");
  await ready(alex);
  await takeCheckIn(alex, favourable, 4);
  const link = await makeLink(alex, "Alex");
  const sam = await newPerson();
  await sam.goto(link);
  await ready(sam);
  await takeCheckIn(sam, "3", 3, "Start my check-in");
  await expect(sam.getByTestId("talk")).toBeVisible();
  await sam.emulateMedia({ media: "print" });
  for (const hidden of [".site-header", ".site-footer", ".invite"]) await expect(sam.locator(hidden).first()).toBeHidden();
  await expect(sam.getByTestId("talk")).toBeVisible();
  expect(await sam.getByTestId("talk").evaluate((e) => getComputedStyle(e).breakBefore)).toBe("page");
  const pdf = await sam.pdf({ format: "A4" });
  const pages = (pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) || []).length;
  expect(pages).toBeGreaterThanOrEqual(2);
  expect(pages).toBeLessThanOrEqual(4);
});
