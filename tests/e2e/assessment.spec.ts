import { Page } from "@playwright/test";
import { test, expect, ready, progress, LABELS } from "./fixtures";
import { statements, DIMENSIONS, favourable } from "./content";

const ALL = statements();
const byText = new Map(ALL.map((s) => [s.text, s]));

/** The statement on screen. */
async function current(page: Page) {
  const text = (await page.locator("fieldset[data-kind=statement] legend").textContent())!.trim();
  const s = byText.get(text);
  if (!s) throw new Error(`unknown statement on screen: ${text}`);
  return s;
}

/** Tabs forward until the focused element has this accessible text, like a keyboard user. */
async function tabTo(page: Page, name: string) {
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press("Tab");
    const text = await page.evaluate(() => (document.activeElement as HTMLElement | null)?.innerText?.trim() ?? "");
    if (text === name) return;
  }
  throw new Error(`could not reach "${name}" with Tab`);
}

test("a full run by keyboard alone, from the start page to the results", async ({ page }) => {
  await page.goto("./");
  await ready(page);
  const started = Date.now();
  await tabTo(page, "Start the check-in");
  await page.keyboard.press("Enter");
  await expect(page.locator(".progress-text")).toHaveText(`1 of ${ALL.length}`);
  // The first option has the focus: arrow keys choose, Enter moves on.
  await expect(page.locator("fieldset[data-kind=statement] input").first()).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  await expect(page.locator("fieldset[data-kind=statement] input").nth(2)).toBeChecked();
  await page.keyboard.press("Enter");
  await expect(page.locator(".progress-text")).toHaveText(`2 of ${ALL.length}`);
  // Number keys choose and move on.
  for (let n = 2; n <= ALL.length; n++) {
    await expect(page.locator(".progress-text")).toHaveText(`${n} of ${ALL.length}`);
    await page.keyboard.press(String(1 + (n % 5)));
  }
  await expect(page.locator("h1")).toHaveText("Before your results");
  await expect(page.getByText("You answered every statement.")).toBeVisible();
  await tabTo(page, "Continue");
  await page.keyboard.press("Enter");
  await expect(page.locator("h1")).toHaveText("What matters to you?");
  // A new page puts the focus on its heading; from there, Tab reaches each group in turn.
  await expect(page.locator("main h1")).toBeFocused();
  for (let g = 0; g < DIMENSIONS.length; g++) {
    await page.keyboard.press("Tab");
    await page.keyboard.press("ArrowDown"); // "A little", then one more: "Somewhat"
    await page.keyboard.press("ArrowDown");
  }
  await expect(page.locator("fieldset[data-kind=importance] input:checked")).toHaveCount(DIMENSIONS.length);
  await tabTo(page, "See my results");
  await page.keyboard.press("Enter");
  await expect(page.locator("h1")).toHaveText("Your results");
  await expect(page.locator("[data-dimension]")).toHaveCount(DIMENSIONS.length);
  console.log(`keyboard-only run: ${ALL.length} statements and ${DIMENSIONS.length} ratings in ${((Date.now() - started) / 1000).toFixed(1)} s`);
});

test("a full run by mouse, with back, skip and the review of skipped statements", async ({ page }) => {
  await page.goto("./");
  await ready(page);
  await page.getByRole("button", { name: "Start the check-in" }).click();
  const first = await current(page);
  await page.getByText("Agree", { exact: true }).click();
  await expect(page.locator(".progress-text")).toHaveText(`2 of ${ALL.length}`);
  await page.getByRole("button", { name: "Back" }).click();
  await expect(page.locator(".progress-text")).toHaveText(`1 of ${ALL.length}`);
  await expect(page.getByRole("radio", { name: "Agree", exact: true })).toBeChecked();
  await page.getByRole("button", { name: "Next" }).click();
  // Skip the second statement.
  const skipped = await current(page);
  expect(skipped.dimension).not.toBe(first.dimension);
  await page.getByRole("button", { name: "Skip" }).click();
  let previous = skipped.dimension;
  for (let n = 3; n <= ALL.length; n++) {
    const [at] = await progress(page);
    expect(at).toBe(n);
    const s = await current(page);
    expect(s.dimension, "two statements of one dimension in a row").not.toBe(previous);
    previous = s.dimension;
    await page.getByText(s.safety ? LABELS[0] : LABELS[n % 5], { exact: true }).click();
  }
  await expect(page.locator("h1")).toHaveText("Before your results");
  await expect(page.getByText("You skipped one statement.")).toBeVisible();
  await expect(page.locator(".skipped li")).toHaveText([new RegExp(skipped.text.replace(/[.?]/g, "\\$&"))]);
  await page.getByRole("button", { name: `Answer this: ${skipped.text}` }).click();
  await expect(page.locator("fieldset[data-kind=statement] legend")).toHaveText(skipped.text);
  await page.getByText("Disagree", { exact: true }).click();
  await page.goto("./#/review");
  await expect(page.getByText("You answered every statement.")).toBeVisible();
  await page.getByRole("link", { name: "Continue" }).click();
  await page.getByRole("button", { name: "See my results" }).click();
  await expect(page.locator("[data-dimension]")).toHaveCount(8);
  await expect(page.getByText("You did not rate what matters to you")).toBeVisible();
});

/** Answers every statement through the page, choosing with `pick`, then rates importance. */
async function completeWith(page: Page, pick: (s: (typeof ALL)[number]) => number, rate?: (dimension: string) => number) {
  await page.goto("./");
  await ready(page);
  await page.getByRole("button", { name: "Start the check-in" }).click();
  for (let n = 1; n <= ALL.length; n++) {
    await expect(page.locator(".progress-text")).toHaveText(`${n} of ${ALL.length}`);
    await page.keyboard.press(String(pick(await current(page)) + 1));
  }
  await page.getByRole("link", { name: "Continue" }).click();
  if (rate) {
    const groups = page.locator("fieldset[data-kind=importance]");
    for (let g = 0; g < DIMENSIONS.length; g++) await groups.nth(g).locator("label").nth(rate(DIMENSIONS[g])).click();
  }
  await page.getByRole("button", { name: "See my results" }).click();
  await expect(page.locator("h1")).toHaveText("Your results");
}

test("Neutral on every statement gives 50 on every dimension, and only the gentler safety note", async ({ page }) => {
  await completeWith(page, () => 2);
  for (const id of DIMENSIONS) {
    await expect(page.locator(`[data-dimension="${id}"]`)).toHaveAttribute("data-score", "50");
  }
  await expect(page.locator("[data-overall]")).toHaveAttribute("data-overall", "50");
  await expect(page.getByText("Steady in places").first()).toBeVisible();
  // Unsure about fear and about sexual pressure: a gentler note, and nothing else held back.
  await expect(page.getByTestId("safety-gentle")).toBeVisible();
  await expect(page.getByTestId("safety-note")).toHaveCount(0);
  await expect(page.locator(".steps").first()).toBeVisible();
});

test("agreeing with every statement gives every dimension 40 to 60", async ({ page }) => {
  await completeWith(page, () => 3);
  for (const id of DIMENSIONS) {
    const score = Number(await page.locator(`[data-dimension="${id}"]`).getAttribute("data-score"));
    expect(score, id).toBeGreaterThanOrEqual(40);
    expect(score, id).toBeLessThanOrEqual(60);
  }
});

test("fear reported and every other answer favourable: the safety response first, no area called a strength, no exercise with the partner", async ({ page }) => {
  const fear = ALL.find((s) => s.safety && /afraid/.test(s.text))!;
  await completeWith(page, (s) => (s.id === fear.id ? 3 : favourable(s)), () => 4);
  const note = page.getByTestId("safety-note");
  await expect(note).toBeVisible();
  await expect(note).toContainText("not something couples exercises can fix");
  // The response comes first, before the scores.
  const noteBox = await note.boundingBox();
  const overallBox = await page.locator(".overall").boundingBox();
  expect(noteBox!.y).toBeLessThan(overallBox!.y);
  // The screen counts toward no score: every area is at its best…
  for (const id of DIMENSIONS) {
    await expect(page.locator(`[data-dimension="${id}"]`)).toHaveAttribute("data-score", "100");
  }
  // …yet neither the overall score nor any area reads as a strength, and focus says nothing stands out.
  await expect(page.locator(".overall")).not.toContainText("A strength");
  await expect(page.locator("[data-overall]")).toHaveCount(0);
  await expect(page.locator(".focus")).not.toContainText("Nothing stands out");
  for (const id of DIMENSIONS) {
    const card = page.locator(`[data-dimension="${id}"]`);
    await expect(card).not.toContainText("A strength");
    await expect(card).toHaveAttribute("data-set-aside", "true");
  }
  // No exercise to do with the partner, anywhere.
  await expect(page.locator(".steps")).toHaveCount(0);
  await expect(page.locator(".steps-set-aside")).toBeVisible();
  // Inviting the partner: a plain caution first; the link only on request.
  await expect(page.getByTestId("invite-caution")).toBeVisible();
  await expect(page.locator("#invite-link")).toBeHidden();
  await page.getByText("Compare with your partner anyway").click();
  await expect(page.locator("#invite-link")).toBeVisible();
  // The note leads to the safety page.
  await note.getByRole("link", { name: /Read about safety/ }).click();
  await expect(page).toHaveURL(/#\/learn\/safety$/);
  await expect(page.locator("h1")).toHaveText("Safety");
});

test("'Does not apply to us' is offered only where a statement may not apply, and counts for nothing", async ({ page }) => {
  const notApplicable = ALL.find((s) => s.dimension === "physical" && s.mayNotApply && s.reverse)!;
  // Every statement at its best, except one about physical closeness: "Does not apply to us" (key 6).
  await page.goto("./");
  await ready(page);
  await page.getByRole("button", { name: "Start the check-in" }).click();
  for (let n = 1; n <= ALL.length; n++) {
    await expect(page.locator(".progress-text")).toHaveText(`${n} of ${ALL.length}`);
    const s = await current(page);
    await expect(page.getByRole("radio", { name: "Does not apply to us" })).toHaveCount(s.mayNotApply ? 1 : 0);
    await page.keyboard.press(s.id === notApplicable.id ? "6" : String(favourable(s) + 1));
  }
  await expect(page.getByText("You answered every statement.")).toBeVisible();
  await page.getByRole("link", { name: "Continue" }).click();
  await page.getByRole("button", { name: "See my results" }).click();
  // Left out, not scored as a middle answer: the rest give 100.
  await expect(page.locator('[data-dimension="physical"]')).toHaveAttribute("data-score", "100");
});

test("the results explain each score, open with your focus and link to the explainer", async ({ page }) => {
  // Low on quality time and empathy, high elsewhere; quality time rated most important.
  const low = new Set(["quality_time", "empathy"]);
  await completeWith(
    page,
    (s) => (low.has(s.dimension) ? (s.reverse ? 4 : 0) : favourable(s)),
    (d) => (d === "quality_time" ? 4 : d === "empathy" ? 3 : 2),
  );
  await expect(page.locator("[data-focus]")).toHaveText(["Quality time", "Empathy"]);
  const card = page.locator('[data-dimension="quality_time"]');
  await expect(card).toHaveAttribute("data-score", "0");
  await expect(card).toContainText("Room to grow");
  await expect(card.locator(".steps li")).toHaveCount(3);
  await expect(page.locator('[data-dimension="support"]')).toContainText("A strength");
  await expect(page.getByText("This is a reflection tool, not a diagnosis.")).toBeVisible();
  // The chart is drawn by the app, and says its scores in words.
  await expect(page.locator("svg.score-chart")).toHaveAttribute("aria-label", /Quality time: 0/);
  await card.getByRole("link", { name: /Read more/ }).click();
  await expect(page.locator("h1")).toHaveText("Quality time");
  await page.getByRole("link", { name: "Back to your results" }).click();
  await expect(page.locator("h1")).toHaveText("Your results");
});

test("each statement is a radio group named by the statement, and the dimension is not shown", async ({ page }) => {
  await page.goto("./#/quiz");
  await ready(page);
  const s = await current(page);
  const group = page.getByRole("radiogroup", { name: s.text });
  await expect(group).toBeVisible();
  await expect(group.getByRole("radio")).toHaveCount(5);
  for (const label of LABELS) await expect(group.getByRole("radio", { name: label, exact: true })).toHaveCount(1);
  await expect(page.locator("main")).not.toContainText(/Being yourself|Quality time|Emotional support|Respected boundaries|Facing conflict|Physical connection/);
});

test("the quiz fits a 320 px screen and shows visible focus", async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  await page.goto("./#/quiz");
  await ready(page);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.keyboard.press("ArrowDown");
  const outline = await page.evaluate(() => {
    const label = document.querySelector("fieldset[data-kind=statement] input:focus + label");
    return label ? getComputedStyle(label).outlineStyle : "none";
  });
  expect(outline).toBe("solid");
});

test("printing the results gives a clean summary of at most two pages", async ({ page }) => {
  await completeWith(page, (s) => (s.safety ? 0 : s.reverse ? 1 : 3), () => 3);
  await page.emulateMedia({ media: "print" });
  for (const hidden of [".site-header", ".site-footer", ".invite", ".actions"]) {
    await expect(page.locator(hidden).first()).toBeHidden();
  }
  const pdf = await page.pdf({ format: "A4" });
  const pages = (pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) || []).length;
  expect(pages).toBeGreaterThanOrEqual(1);
  expect(pages).toBeLessThanOrEqual(2);
});
