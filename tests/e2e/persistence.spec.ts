import { Page } from "@playwright/test";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test, expect, ready, progress } from "./fixtures";
import { statements, contentVersion, onScreen } from "./content";

const ALL = statements();
const KEY = "closer.v1";
const BACKUP = "closer.v1.backup";

async function stored(page: Page, key = KEY) {
  return page.evaluate((k) => localStorage.getItem(k), key);
}

/** Answers `count` statements by keyboard, as a person would: each once it is on screen and
 *  has the focus. */
async function answerSome(page: Page, count: number, key = "4") {
  const [first] = await progress(page);
  for (let n = 0; n < count; n++) {
    await expect(page.locator(".progress-text")).toHaveText(`${first + n} of ${ALL.length}`);
    await expect(page.locator("#quiz-form input:focus")).toHaveCount(1);
    await page.keyboard.press(key);
  }
  await expect(page.locator(".progress-text")).toHaveText(`${first + count} of ${ALL.length}`);
}

/** A whole check-in, every statement answered with `key` but the safety questions ("1"). */
async function finishCheckIn(page: Page, key: string) {
  await page.goto("./");
  await ready(page);
  await page.getByRole("button", { name: /Start the check-in|Start over/ }).click();
  for (let n = 1; n <= ALL.length; n++) {
    await expect(page.locator(".progress-text")).toHaveText(`${n} of ${ALL.length}`);
    await page.keyboard.press((await onScreen(page)).safety ? "1" : key);
  }
  await page.getByRole("link", { name: "Continue" }).click();
  await page.getByRole("button", { name: "See my results" }).click();
  await expect(page.locator("h1")).toHaveText("Your results");
}

test("a reload mid-quiz loses nothing and offers to continue", async ({ page }) => {
  await page.goto("./");
  await ready(page);
  await page.getByRole("button", { name: "Start the check-in" }).click();
  await answerSome(page, 12);
  await expect(page.locator(".progress-text")).toHaveText(`13 of ${ALL.length}`);
  await page.reload();
  await expect(page.locator(".progress-text")).toHaveText(`13 of ${ALL.length}`);
  await page.goto("./#/");
  await expect(page.getByRole("button", { name: `Continue where you left off (12 of ${ALL.length})` })).toBeVisible();
  await page.getByRole("button", { name: /Continue where you left off/ }).click();
  await expect(page.locator(".progress-text")).toHaveText(`13 of ${ALL.length}`);
  // Start over forgets the answers in progress.
  await page.goto("./#/");
  await page.getByRole("button", { name: "Start over" }).click();
  await expect(page.locator(".progress-text")).toHaveText(`1 of ${ALL.length}`);
  await expect(page.locator("fieldset[data-kind=statement] input:checked")).toHaveCount(0);
});

test("closing the tab and opening Closer again keeps the answers", async ({ page, context }) => {
  await page.goto("./#/quiz");
  await ready(page);
  await answerSome(page, 5, "2");
  await page.close();
  const again = await context.newPage();
  await again.goto("./");
  await ready(again);
  await expect(again.getByRole("button", { name: `Continue where you left off (5 of ${ALL.length})` })).toBeVisible();
});

test("two tabs answering different statements keep both sets of answers", async ({ context, problems, baseURL }) => {
  const a = await context.newPage();
  const b = await context.newPage();
  for (const p of [a, b]) {
    p.on("pageerror", (e) => problems.push(e.message));
    await p.goto(`${baseURL}#/quiz`);
    await ready(p);
  }
  // Tab A answers the first statement; tab B jumps to the third and answers it.
  await expect(a.locator("#quiz-form input:focus")).toHaveCount(1);
  await a.keyboard.press("5");
  await expect(a.locator(".progress-text")).toHaveText(`2 of ${ALL.length}`);
  await b.goto(`${baseURL}#/review`);
  // B sees A's answer arrive (the storage event): the first statement is no longer skipped.
  await expect(b.locator(".skipped li")).toHaveCount(ALL.length - 1);
  await b.locator(".skipped li").nth(1).getByRole("button").click();
  await expect(b.locator("#quiz-form input:focus")).toHaveCount(1);
  await b.keyboard.press("1");
  await expect(a.locator("fieldset[data-kind=statement]")).toBeVisible();
  // Both answers are stored, and both tabs know them.
  await expect.poll(async () => Object.keys(JSON.parse((await stored(a))!).progress.answers).length).toBe(2);
  await a.goto(`${baseURL}#/review`);
  await expect(a.locator(".skipped li")).toHaveCount(ALL.length - 2);
  // A reload followed at once by another address: the app takes in an address that changed
  // while it was starting (it once missed the change and wrote its first route back over it).
  await b.reload();
  await b.goto(`${baseURL}#/review`);
  await expect(b.locator(".skipped li")).toHaveCount(ALL.length - 2);
});

const CORRUPT: [string, string, string][] = [
  ["not JSON", "{this is not json", "it was damaged"],
  ["the wrong shape", JSON.stringify({ hello: "world" }), "it was not in the expected form"],
  ["a huge value", JSON.stringify({ version: 2, results: [], progress: null, junk: "x".repeat(2_100_000) }), "it was far too large"],
  ["wrong types", JSON.stringify({ version: 2, progress: { content_version: 1, answers: { au1: "Agree" } } }), "it was not in the expected form"],
  ["out-of-range values", JSON.stringify({ version: 2, progress: { content_version: 1, answers: { au1: 42 } } }), "it held values out of range"],
];

for (const [name, text, reason] of CORRUPT) {
  test(`stored data that is ${name} is kept as a backup and the app starts anyway`, async ({ page }) => {
    await page.addInitScript(
      ([key, value]) => {
        if (!sessionStorage.getItem("seeded")) {
          localStorage.setItem(key, value);
          sessionStorage.setItem("seeded", "1");
        }
      },
      [KEY, text],
    );
    await page.goto("./");
    await ready(page);
    await expect(page.locator("h1")).toHaveText("How close do you feel?");
    await expect(page.locator(".notice")).toContainText(reason);
    expect(await stored(page, BACKUP)).toBe(text);
    const download = page.waitForEvent("download");
    await page.getByRole("button", { name: "Download the copy" }).click();
    expect(readFileSync(await (await download).path(), "utf8")).toBe(text);
    // The app works: a new check-in is saved normally.
    await page.getByRole("button", { name: "Start the check-in" }).click();
    await answerSome(page, 2);
    await expect.poll(async () => JSON.parse((await stored(page))!).progress?.answers).toBeTruthy();
    expect(await stored(page, BACKUP)).toBe(text);
  });
}

/** Puts `text` under the record's key before the app's first load in this tab (not on reloads). */
async function seed(page: Page, text: string, key = KEY) {
  await page.addInitScript(([k, v]) => { if (!sessionStorage.getItem("seeded")) { localStorage.setItem(k, v); sessionStorage.setItem("seeded", "1"); } }, [key, text]);
}

test("a record saved by a newer Closer is left untouched; this one works in memory and says so", async ({ page }) => {
  const newer = JSON.stringify({ version: 99, things: [1, 2, 3] });
  await seed(page, newer);
  await page.goto("./");
  await ready(page);
  await expect(page.getByTestId("not-kept")).toContainText("A newer version of Closer has saved your data");
  await page.getByRole("button", { name: "Start the check-in" }).click();
  await answerSome(page, 3);
  expect(await stored(page)).toBe(newer);
  expect(await stored(page, BACKUP)).toBeNull();
  await page.reload();
  await ready(page);
  await expect(page.getByTestId("not-kept")).toContainText("A newer version of Closer");
  expect(await stored(page)).toBe(newer);
});

test("an older tab never merges or overwrites what a newer Closer wrote in another tab", async ({ page, context }) => {
  await page.goto("./#/quiz");
  await ready(page);
  await answerSome(page, 2);
  const newer = JSON.stringify({ version: 99, progress: "something new" });
  // Another tab, where a newer Closer writes its record.
  const other = await context.newPage();
  await other.goto("./#/learn");
  await ready(other);
  await other.evaluate(([k, v]) => localStorage.setItem(k, v), [KEY, newer]);
  await expect(page.getByTestId("not-kept")).toContainText("A newer version of Closer");
  await page.keyboard.press("4");
  await expect(page.locator(".progress-text")).toHaveText(`4 of ${ALL.length}`);
  expect(await stored(page)).toBe(newer);
});

test("unreadable data is kept three deep, newest first, and each copy can be downloaded", async ({ page }) => {
  await page.goto("./#/data");
  await ready(page);
  for (const text of ["{first", "{second", "{third", "{fourth"]) {
    await page.evaluate(([k, v]) => localStorage.setItem(k, v), [KEY, text]);
    await page.reload();
    await ready(page);
    await expect(page.locator(".notice")).toContainText("could not be read");
    await expect.poll(() => stored(page, BACKUP)).toBe(text);
  }
  expect(await stored(page, `${BACKUP}.2`)).toBe("{third");
  expect(await stored(page, `${BACKUP}.3`)).toBe("{second");
  await expect(page.getByRole("button", { name: /^Download copy \d$/ })).toHaveCount(3);
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download copy 3" }).click();
  expect(readFileSync(await (await download).path(), "utf8")).toBe("{second");
});

test.describe(() => {
  // The check reads the download's blob: address from the page, which the app's CSP forbids.
  test.use({ bypassCSP: true });
  test("a download's address still works after the click (Firefox and Safari read it later)", async ({ page }) => {
    await page.addInitScript(() => {
      const click = HTMLAnchorElement.prototype.click;
      HTMLAnchorElement.prototype.click = function () {
        click.call(this);
        const href = this.href;
        // After the click has returned, as a browser that starts the download later would.
        setTimeout(() => {
          fetch(href).then((r) => r.text()).then(
            (text) => ((window as any).downloadRead = text),
            () => ((window as any).downloadRead = "revoked"),
          );
        }, 50);
      };
    });
    await page.goto("./#/quiz");
    await ready(page);
    await answerSome(page, 1);
    await page.goto("./#/data");
    const download = page.waitForEvent("download");
    await page.getByRole("button", { name: "Export everything as a file" }).click();
    await download;
    await expect.poll(() => page.evaluate(() => (window as any).downloadRead)).toContain('"version": 4');
  });
});

test("an import whose file cannot be read says so and changes nothing", async ({ page }) => {
  await page.addInitScript(() => {
    Blob.prototype.text = () => Promise.reject(new DOMException("The file could not be read.", "NotReadableError"));
    FileReader.prototype.readAsText = function () {
      throw new DOMException("The file could not be read.", "NotReadableError");
    };
  });
  await page.goto("./#/quiz");
  await ready(page);
  await answerSome(page, 2);
  const before = await stored(page);
  await page.goto("./#/data");
  await page.locator("#import-file").setInputFiles({ name: "data.json", mimeType: "application/json", buffer: Buffer.from(before!) });
  await expect(page.getByRole("alert")).toContainText("it could not be read");
  await expect(page.getByRole("alert")).toContainText("Nothing was changed.");
  expect(await stored(page)).toBe(before);
});

test("storage that throws on read and write: the app works in memory and says so", async ({ page }) => {
  await page.addInitScript(() => {
    const blocked = () => {
      throw new DOMException("The operation is insecure.", "SecurityError");
    };
    Storage.prototype.getItem = blocked;
    Storage.prototype.setItem = blocked;
    Storage.prototype.removeItem = blocked;
  });
  await finishCheckIn(page, "3");
  await expect(page.getByTestId("not-kept")).toContainText("your progress will not be kept");
  await expect(page.locator("[data-dimension]")).toHaveCount(8);
});

test("storage that is missing altogether: the app works in memory", async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, "localStorage", { get() { throw new DOMException("denied", "SecurityError"); } });
  });
  await finishCheckIn(page, "4");
  await expect(page.getByTestId("not-kept")).toBeVisible();
});

test("a full storage: progress goes on in memory with a notice", async ({ page }) => {
  await page.addInitScript(() => {
    Storage.prototype.setItem = function () {
      throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
    };
  });
  await page.goto("./#/quiz");
  await ready(page);
  await answerSome(page, 3);
  await expect(page.getByTestId("not-kept")).toContainText("storage is full");
  await expect(page.locator(".progress-text")).toHaveText(`4 of ${ALL.length}`);
});

test("export, delete everything, import: the same state as at the start", async ({ page }) => {
  await finishCheckIn(page, "4");
  await page.goto("./#/quiz");
  await answerSome(page, 7, "2");
  const before = JSON.parse((await stored(page))!);
  expect(before.results).toHaveLength(1);
  expect(Object.keys(before.progress.answers)).toHaveLength(7);

  await page.goto("./#/data");
  await expect(page.getByTestId("data-summary")).toHaveText("Stored now: 1 finished check-in, 7 answers in progress, 0 partner links.");
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export everything as a file" }).click();
  const file = await (await download).path();
  expect((await download).suggestedFilename()).toMatch(/^closer-data-\d{4}-\d\d-\d\d\.json$/);

  await page.getByRole("button", { name: "Delete everything" }).click();
  await page.getByRole("button", { name: "Cancel" }).click();
  expect(await stored(page)).not.toBeNull();
  await page.getByRole("button", { name: "Delete everything" }).click();
  await page.getByRole("button", { name: "Yes, delete everything" }).click();
  await expect(page.locator(".notice")).toContainText("has been deleted");
  await expect(page.getByTestId("data-summary")).toHaveText("Stored now: 0 finished check-ins, 0 answers in progress, 0 partner links.");
  await expect.poll(() => stored(page)).toBe(JSON.stringify({ version: 4, progress: null, results: [], comparisons: [], shared_ms: null }));

  await page.locator("#import-file").setInputFiles(file);
  await expect(page.locator(".notice")).toContainText("Your data was imported.");
  await expect.poll(async () => JSON.parse((await stored(page))!)).toEqual(before);
  await page.goto("./");
  await expect(page.getByRole("button", { name: `Continue where you left off (7 of ${ALL.length})` })).toBeVisible();
});

test("a bad import file is refused with a clear message and changes nothing", async ({ page }) => {
  await page.goto("./#/quiz");
  await ready(page);
  await answerSome(page, 3);
  const before = await stored(page);
  await page.goto("./#/data");
  for (const [content, reason] of [
    ["not json at all", "it was damaged"],
    [JSON.stringify({ version: 7 }), "newer version"],
    [JSON.stringify({ version: 2, results: [{ date_ms: 1, content_version: 1, answers: { au1: 11 } }] }), "out of range"],
    ["x".repeat(2_100_000), "far too large"],
  ]) {
    await page.locator("#import-file").setInputFiles({ name: "data.json", mimeType: "application/json", buffer: Buffer.from(content) });
    await expect(page.getByRole("alert")).toContainText(reason);
    await expect(page.getByRole("alert")).toContainText("Nothing was changed.");
    expect(await stored(page)).toBe(before);
  }
});

test("history keeps every result, shows the change since last time, and deletes one", async ({ page }) => {
  await finishCheckIn(page, "3");
  await finishCheckIn(page, "5");
  await expect(page.locator(".overall-change")).toHaveText(/^(up|down) \d+ since last time|the same as last time$/);
  await expect(page.locator('[data-dimension="support"] .dimension-score')).toContainText("since last time");
  await page.getByRole("link", { name: "History" }).click();
  await expect(page.locator(".history-row")).toHaveCount(2);
  await expect(page.locator(".trend-row svg")).toHaveCount(8);
  await expect(page.locator('[data-dimension="support"] svg')).toHaveAttribute("aria-label", /Emotional support: \d+, \d+/);
  await page.locator(".history-row").first().getByRole("button", { name: /Delete the check-in/ }).click();
  await page.getByRole("button", { name: "Yes, delete it" }).click();
  await expect(page.locator(".history-row")).toHaveCount(1);
  expect(JSON.parse((await stored(page))!).results).toHaveLength(1);
});

test("a keyboard user asked before deleting keeps the focus: on the question's safe answer, back on the button after keeping, on the heading after deleting", async ({ page }) => {
  await finishCheckIn(page, "3");
  await finishCheckIn(page, "5");
  await page.getByRole("link", { name: "History" }).click();
  const second = page.locator(".history-row").nth(1);
  const ask = second.getByRole("button", { name: /Delete the check-in/ });
  await ask.focus();
  await page.keyboard.press("Enter");
  await expect(second.getByRole("button", { name: "Keep it" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(ask).toBeFocused();
  await page.keyboard.press("Enter");
  await page.keyboard.press("Shift+Tab");
  await expect(second.getByRole("button", { name: "Yes, delete it" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.locator(".history-row")).toHaveCount(1);
  await expect(page.getByRole("heading", { level: 1, name: "History" })).toBeFocused();
  // Your data: the same for deleting everything.
  await page.goto("./#/data");
  const all = page.getByRole("button", { name: "Delete everything" });
  await all.focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("button", { name: "Cancel" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(all).toBeFocused();
  await page.keyboard.press("Enter");
  await page.getByRole("button", { name: "Yes, delete everything" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.locator("main h1")).toBeFocused();
});

test("a new content version keeps answers to statements that still exist, with a notice", async ({ page }) => {
  const record = {
    version: 2,
    progress: { content_version: 0, answers: { [ALL[0].id]: 4, [ALL[1].id]: 0, retired1: 2, retired2: 3 }, importance: {}, position: 3 },
    results: [],
    comparisons: [],
  };
  await page.addInitScript(([k, v]) => { if (!sessionStorage.getItem("seeded")) { localStorage.setItem(k, v); sessionStorage.setItem("seeded", "1"); } }, [KEY, JSON.stringify(record)]);
  await page.goto("./");
  await ready(page);
  await expect(page.locator(".notice")).toContainText("2 answers to statements that were removed have been set aside");
  await expect(page.getByRole("button", { name: `Continue where you left off (2 of ${ALL.length})` })).toBeVisible();
  // Dismissed by keyboard: the focus goes on to the page's heading, not to the start of the page.
  await page.locator(".notice-dismiss").focus();
  await page.keyboard.press("Enter");
  await expect(page.locator(".notice")).toHaveCount(0);
  await expect(page.getByRole("heading", { level: 1 })).toBeFocused();
});

test("a version 1 record from an older Closer is migrated on load", async ({ page }) => {
  const v1 = { version: 1, content_version: 1, answers: { [ALL[0].id]: 3 }, results: [{ date_ms: 1780000000000, answers: Object.fromEntries(ALL.map((s) => [s.id, 2])) }] };
  await page.addInitScript(([k, v]) => { if (!sessionStorage.getItem("seeded")) { localStorage.setItem(k, v); sessionStorage.setItem("seeded", "1"); } }, [KEY, JSON.stringify(v1)]);
  await page.goto("./#/results");
  await ready(page);
  await expect(page.locator("[data-overall]")).toHaveAttribute("data-overall", "50");
  await expect(page.locator(".notice")).toHaveCount(0);
  await expect.poll(async () => JSON.parse((await stored(page))!).version).toBe(4);
});

test("a check-in saved with the previous content version keeps the answers that still fit, with a notice", async ({ page }) => {
  // Content version 1's 36 statements, all answered: the first 36 lines of the id lock.
  const v1 = readFileSync(join(__dirname, "../../content/item-ids.lock"), "utf8")
    .split("\n").filter((l) => l && !l.startsWith("#")).slice(0, 36).map((l) => l.split("\t")[0]);
  expect([v1[0], v1[35]]).toEqual(["au1", "ph4"]);
  const now = new Set(ALL.map((s) => s.id));
  const kept = v1.filter((id) => now.has(id));
  expect(kept.length).toBeGreaterThan(0);
  expect(kept.length).toBeLessThan(36);
  const record = {
    version: 2,
    progress: { content_version: 1, answers: Object.fromEntries(v1.map((id) => [id, 3])), importance: { support: 4 }, position: 30 },
    results: [],
    comparisons: [],
  };
  await page.addInitScript(([k, v]) => { if (!sessionStorage.getItem("seeded")) { localStorage.setItem(k, v); sessionStorage.setItem("seeded", "1"); } }, [KEY, JSON.stringify(record)]);
  await page.goto("./");
  await ready(page);
  await expect(page.locator(".notice")).toContainText(`${36 - kept.length} answers to statements that were removed have been set aside; the rest are kept.`);
  await expect(page.getByRole("button", { name: `Continue where you left off (${kept.length} of ${ALL.length})` })).toBeVisible();
  // Stored again for this content version, with only the answers that still fit.
  await expect.poll(async () => JSON.parse((await stored(page))!).progress.content_version).toBe(contentVersion());
  expect(Object.keys(JSON.parse((await stored(page))!).progress.answers).sort()).toEqual([...kept].sort());
  // Going on starts at the first statement without an answer.
  await page.getByRole("button", { name: /Continue where you left off/ }).click();
  await expect(page.locator("fieldset[data-kind=statement] legend")).toBeVisible();
  expect(kept).not.toContain((await onScreen(page)).id);
});
