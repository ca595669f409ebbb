import { Page } from "@playwright/test";
import { test, expect, ready } from "./fixtures";
import { statements } from "./content";
import { craftCode } from "./codes";

const ALL = statements();

/** Completes a check-in on this page: every statement answered with `key`, every area rated. */
async function takeCheckIn(page: Page, key: string, rating: number, start = "Start the check-in") {
  await page.getByRole("button", { name: start }).click();
  for (let n = 1; n <= ALL.length; n++) {
    await expect(page.locator(".progress-text")).toHaveText(`${n} of ${ALL.length}`);
    await page.keyboard.press(key);
  }
  await page.getByRole("link", { name: "Continue" }).click();
  const groups = page.locator("fieldset[data-kind=importance]");
  for (let g = 0; g < 8; g++) await groups.nth(g).locator("label").nth(rating).click();
  await page.getByRole("button", { name: "See my results" }).click();
}

async function makeLink(page: Page, name: string, withAnswers: boolean) {
  if (withAnswers) await page.getByLabel("My scores, what matters to me, and my answer to every statement").check();
  await page.getByLabel("Your first name (optional)").fill(name);
  const holds = page.getByTestId("invite-holds");
  await expect(holds).toContainText(withAnswers ? "your answer to every statement" : "your eight scores and how much each area matters");
  await expect(holds).toContainText(`It also holds the name “${name}”.`);
  await expect(holds).toContainText("Anyone who has the link can read what it holds.");
  await page.getByRole("button", { name: "Copy link" }).click();
  await expect(page.locator(".copy-status")).toHaveText(/Link copied\.|The link is selected/);
  return page.locator("#invite-link").inputValue();
}

test("two people compare through links: invite, blind partner quiz, comparison, link back", async ({ newPerson, context }) => {
  // Alex: finishes, makes a link with answers and a name.
  const alex = await newPerson();
  await alex.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  await alex.goto("./");
  await ready(alex);
  await takeCheckIn(alex, "5", 4);
  await expect(alex.locator("h1")).toHaveText("Your results");
  const link = await makeLink(alex, "Alex", true);
  expect(link).toMatch(/^http:\/\/127\.0\.0\.1:4173\/#\/compare\/[A-Za-z0-9_-]+$/);
  const code = link.split("/compare/")[1];
  console.log(`share code for a full result with answers and a 4-letter name: ${code.length} characters`);
  expect(code.length).toBeLessThan(80);
  expect(await alex.evaluate(() => navigator.clipboard.readText())).toBe(link);

  // Sam: a separate browser profile. Opens the link: sees who invited, not Alex's scores.
  const sam = await newPerson();
  await sam.goto(link);
  await ready(sam);
  await expect(sam.getByTestId("invited-by")).toHaveText("Alex invited you to compare results.");
  await expect(sam.locator("svg")).toHaveCount(0);
  await expect(sam.locator("main")).not.toContainText(/\b100\b/);
  expect(await sam.evaluate(() => localStorage.getItem("closer.v1"))).not.toContain('"answers":{"au1"'); // nothing of Alex's answers stored as Sam's
  await takeCheckIn(sam, "3", 3, "Start my check-in");
  // The comparison opens once Sam has finished.
  await expect(sam.locator("h1")).toHaveText("Compare results");
  await expect(sam.locator(".compare-chart [data-dimension]")).toHaveCount(8);
  await expect(sam.locator(".compare-chart")).toHaveAttribute("aria-label", /you and Alex/);
  await expect(sam.locator(".differ-list li").first()).toContainText("points apart");
  await expect(sam.getByTestId("starters").locator("li").first()).toBeVisible();
  // Comparisons are kept: after a reload it is still there.
  await sam.reload();
  await expect(sam.locator(".compare-chart [data-dimension]")).toHaveCount(8);
  expect(JSON.parse((await sam.evaluate(() => localStorage.getItem("closer.v1")))!).comparisons).toHaveLength(1);

  // Sam sends a link back; Alex opens it and sees the same comparison, at once.
  const back = await makeLink(sam, "Sam", false);
  await alex.goto(back);
  await expect(alex.locator("h1")).toHaveText("Compare results");
  await expect(alex.locator(".compare-chart")).toHaveAttribute("aria-label", /you and Sam/);
  const rows = async (p: Page) => p.locator(".differ-list li").allTextContents();
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
  await takeCheckIn(alex, "1", 1);
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
  for (const [bad, message] of cases) {
    await page.goto("about:blank");
    await page.goto(`./#/compare/${bad}`);
    await ready(page);
    await expect(page.locator("h1")).toHaveText("This link cannot be opened");
    await expect(page.getByRole("alert")).toHaveText(message);
  }
});

test("a link from a newer Closer says so; one from an older content version still compares, with a notice", async ({ page }) => {
  await page.goto("./#/compare/" + craftCode(2, 1, [50, 50, 50, 50, 50, 50, 50, 50], [2, 2, 2, 2, 2, 2, 2, 2]));
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
