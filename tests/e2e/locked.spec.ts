import { Browser, Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import jsQR from "jsqr";
import { test, expect, ready, expectRefusedLinks } from "./fixtures";
import { favourable } from "./content";
import { takeCheckIn } from "./checkin";

const PASSPHRASE = "blue kettle at noon";

/** Records, from before `act` until the button is busy and then no longer, whether it said it
 *  was busy (aria-busy and its words, seen by a MutationObserver, so no state is missed between
 *  frames) and how many frames the page painted meanwhile: deriving the key must not freeze it. */
async function whileBusy(page: Page, act: () => Promise<void>) {
  await page.evaluate(() => {
    const seen = { busy: false, words: "", frames: 0, done: false };
    (window as any).__busy = seen;
    const check = () => {
      const button = document.querySelector("form.lock button[type=submit]");
      if (button?.getAttribute("aria-busy") === "true") {
        seen.busy = true;
        seen.words = button.textContent ?? "";
      } else if (seen.busy) {
        seen.done = true;
        observer.disconnect();
      }
    };
    const observer = new MutationObserver(check);
    observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
    const tick = () => {
      if (seen.done) return;
      if (seen.busy) seen.frames++;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  await act();
  await page.waitForFunction(() => (window as any).__busy.done);
  return page.evaluate(() => (window as any).__busy as { busy: boolean; words: string; frames: number });
}

/** axe-core on the page as it is, in both colour schemes. */
async function noViolations(page: Page, where: string) {
  for (const colorScheme of ["light", "dark"] as const) {
    // No colour transitions: axe must not measure a button halfway from one scheme to the other.
    await page.emulateMedia({ colorScheme, reducedMotion: "reduce" });
    const { violations } = await new AxeBuilder({ page }).analyze();
    expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`), `${where}, ${colorScheme}`).toEqual([]);
  }
}

/** Ticks the lock, types the passphrase and presses Enter; returns the locked link. */
async function lockLink(page: Page, passphrase: string | null) {
  const lock = page.getByLabel("Lock it with a passphrase");
  if (!(await lock.isChecked())) await lock.check();
  const field = page.getByLabel("Passphrase", { exact: true });
  if (passphrase !== null) await field.fill(passphrase);
  await expect(field).toHaveAttribute("type", "password");
  await expect(page.locator("#passphrase-hint")).toContainText("Tell them another way than the link");
  const busy = await whileBusy(page, () => field.press("Enter"));
  expect(busy.busy, "the button says it is busy while the key is derived").toBe(true);
  expect(busy.words).toBe("Locking…");
  const link = await page.locator("#invite-link").inputValue();
  await expect(page.getByTestId("invite-holds")).toContainText("It is locked: only someone with the passphrase can read what it holds.");
  // The form is gone: the keyboard's focus is on the locked link it made, not lost.
  await expect(page.locator("#invite-link")).toBeFocused();
  return link;
}

/** Types a passphrase on a locked link's page and presses Enter, waiting until it is tried. */
async function tryPassphrase(page: Page, passphrase: string) {
  const field = page.getByLabel("Passphrase", { exact: true });
  await field.fill(passphrase);
  const busy = await whileBusy(page, () => field.press("Enter"));
  expect(busy.words).toBe("Opening…");
  return busy;
}

/** Reads the QR code on screen from a screenshot of it, with jsQR (decoded in a blank page). */
async function readQr(page: Page, browser: Browser) {
  const shot = await page.getByTestId("qr").locator("svg").screenshot();
  const blank = await browser.newPage();
  try {
    const { width, height, data } = await blank.evaluate(async (png) => {
      const image = await createImageBitmap(await (await fetch(`data:image/png;base64,${png}`)).blob());
      const canvas = new OffscreenCanvas(image.width, image.height);
      const context = canvas.getContext("2d")!;
      context.drawImage(image, 0, 0);
      return { width: image.width, height: image.height, data: Array.from(context.getImageData(0, 0, image.width, image.height).data) };
    }, shot.toString("base64"));
    return jsQR(Uint8ClampedArray.from(data), width, height)?.data ?? null;
  } finally {
    await blank.close();
  }
}

test("a locked link: made with a passphrase, opened elsewhere after a wrong one, compared, and the link back locked with the same passphrase", async ({ newPerson, browser }) => {
  const alex = await newPerson();
  await alex.goto("./");
  await ready(alex);
  await takeCheckIn(alex, favourable, 4);
  await expect(alex.locator("h1")).toHaveText("Your results");
  await alex.getByLabel("Your first name (optional)").fill("Alex");
  const open = await alex.locator("#invite-link").inputValue();

  // An empty passphrase is refused, plainly.
  await alex.getByLabel("Lock it with a passphrase").check();
  await alex.getByRole("button", { name: "Lock the link" }).click();
  await expect(alex.getByRole("alert")).toHaveText("Type a passphrase first.");
  // Show and hide.
  const field = alex.getByLabel("Passphrase", { exact: true });
  await field.fill(PASSPHRASE);
  await alex.getByLabel("Show the passphrase").check();
  await expect(field).toHaveAttribute("type", "text");
  await alex.getByLabel("Show the passphrase").uncheck();

  const link = await lockLink(alex, null);
  // Alex hands it over: from then on, a link back opens at once.
  await alex.getByRole("button", { name: "Copy link" }).click();
  await expect(alex.locator(".copy-status")).toHaveText(/Link copied\.|The link is selected/);
  expect(link).toMatch(/^http:\/\/127\.0\.0\.1:4173\/#\/compare\/[A-Za-z0-9_-]+$/);
  const code = link.split("/compare/")[1];
  const openCode = open.split("/compare/")[1];
  console.log(`locked link: ${code.length} characters (open: ${openCode.length})`);
  expect(code.length).toBe(openCode.length + 64);
  // Each lock is new: the same result and passphrase give another link (fresh salt and IV).
  await alex.getByLabel("Lock it with a passphrase").uncheck();
  const again = await lockLink(alex, null);
  expect(again).not.toBe(link);

  // Sam opens the first link in a browser of their own: asked for the passphrase, shown nothing else.
  const sam = await newPerson();
  await sam.goto(link);
  await ready(sam);
  await expect(sam.locator("h1")).toHaveText("A locked link");
  await expect(sam.locator("main")).not.toContainText("Alex");
  await expect(sam.getByTestId("invited-by")).toHaveCount(0);
  await expect(sam.locator("main svg")).toHaveCount(0);
  await noViolations(sam, "a locked link's page");
  // A wrong passphrase: said plainly, and another try is possible; the page stays usable meanwhile.
  const wrong = await tryPassphrase(sam, "blue kettle at midnight");
  expect(wrong.frames, "frames painted while the key was derived").toBeGreaterThan(1);
  await expect(sam.getByRole("alert")).toHaveText("That passphrase does not open this link. Check it with your partner and try again.");
  await noViolations(sam, "a locked link's page after a wrong passphrase");
  await expect(sam.getByLabel("Passphrase", { exact: true })).toBeFocused();
  await expect(sam.locator("main")).not.toContainText("Alex");
  await tryPassphrase(sam, PASSPHRASE);
  await expect(sam.getByTestId("invited-by")).toHaveText("Alex invited you to compare results.");
  // The form is gone: the focus is on the page's heading, not lost.
  await expect(sam.getByRole("heading", { level: 1 })).toBeFocused();
  // The blind check-in, then the comparison.
  await takeCheckIn(sam, () => 2, 3, "Start my check-in");
  await expect(sam.locator("h1")).toHaveText("Compare results");
  await expect(sam.locator(".compare-chart")).toHaveAttribute("aria-label", /you and Alex/);
  await expect(sam.locator(".mark-list li")).toHaveCount(8);
  // Neither the passphrase nor Alex's name is stored; the link is kept as it came.
  const stored = (await sam.evaluate(() => localStorage.getItem("closer.v1")))!;
  expect(stored).not.toContain(PASSPHRASE);
  expect(stored).not.toContain("Alex");
  expect(JSON.parse(stored).comparisons[0].code).toBe(code);

  // The link back: locked by default, with the same passphrase already there. (Sam answered
  // Neutral to everything, fear included: the form waits behind the caution.)
  await expect(sam.getByTestId("invite-caution")).toBeVisible();
  await sam.getByText("Compare with your partner anyway").click();
  await sam.getByLabel("Your first name (optional)").fill("Sam");
  await expect(sam.getByLabel("Lock it with a passphrase")).toBeChecked();
  await expect(sam.getByLabel("Passphrase", { exact: true })).toHaveValue(PASSPHRASE);
  const back = await lockLink(sam, null);

  // Alex opens it with the same passphrase and sees the same comparison at once.
  await alex.goto(back);
  await expect(alex.locator("h1")).toHaveText("A locked link");
  await tryPassphrase(alex, PASSPHRASE);
  await expect(alex.locator("h1")).toHaveText("Compare results");
  await expect(alex.locator(".compare-chart")).toHaveAttribute("aria-label", /you and Sam/);
  expect(await alex.locator(".mark-list li").allTextContents()).toEqual(await sam.locator(".mark-list li").allTextContents());

  // A new visit asks for the passphrase again: nothing opened is kept.
  await sam.reload();
  await ready(sam);
  await expect(sam.locator("h1")).toHaveText("A locked link");
});

test("the QR code shown decodes to the exact link, locked or not, and prints", async ({ page, browser }) => {
  await page.goto("./");
  await ready(page);
  await takeCheckIn(page, "4", 2);
  await page.getByLabel("Your first name (optional)").fill("Ana");
  const open = await page.locator("#invite-link").inputValue();
  const requests: string[] = [];
  page.on("request", (r) => requests.push(new URL(r.url()).pathname));
  // By keyboard: the focus stays on the button, and the status line says where the code is.
  const show = page.getByRole("button", { name: "Show a QR code" });
  await show.focus();
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("qr")).toBeVisible();
  await expect(show).toBeFocused();
  await expect(page.locator(".copy-status")).toHaveText("The QR code is below.");
  // The encoder is loaded from this site when first shown, not before.
  expect(requests.filter((p) => /\/qr-[0-9a-f]{16}\.js$/.test(p))).toHaveLength(1);
  expect(await readQr(page, browser)).toBe(open);
  await expect(page.getByRole("img", { name: "QR code of your link" })).toBeVisible();
  await noViolations(page, "the results with the QR code shown");

  // Printed: the code stays, the form does not.
  await page.emulateMedia({ media: "print" });
  await expect(page.getByTestId("qr")).toBeVisible();
  await expect(page.locator(".invite")).toBeHidden();
  await page.emulateMedia({ media: "screen" });

  // A changed name is another link: its code is drawn anew. Typed key by key, every key stays
  // in the field (the form is not drawn anew, with the focus lost, when the code goes).
  const name = page.getByLabel("Your first name (optional)");
  await name.focus();
  await page.keyboard.type(" B");
  await expect(name).toHaveValue("Ana B");
  await expect(name).toBeFocused();
  await expect(page.getByTestId("qr")).toHaveCount(0);
  await page.getByLabel("Lock it with a passphrase").check();
  await noViolations(page, "the results with the lock form open");
  const locked = await lockLink(page, PASSPHRASE);
  await page.getByRole("button", { name: "Show a QR code" }).click();
  await expect(page.getByTestId("qr")).toBeVisible();
  expect(await readQr(page, browser)).toBe(locked);
});

test("a damaged locked link gets the same clear messages as any bad link", async ({ page }) => {
  await page.goto("./");
  await ready(page);
  await takeCheckIn(page, "4", 2);
  const code = (await lockLink(page, PASSPHRASE)).split("/compare/")[1];
  const at = 40;
  const altered = code.slice(0, at) + (code[at] === "A" ? "B" : "A") + code.slice(at + 1);
  const cases: [string, RegExp][] = [
    [code.slice(0, 30), /incomplete/],
    // Without a name the link is as short as a locked link can be: any cut shows.
    [code.slice(0, code.length - 3), /incomplete/],
    [altered, /changed or damaged/],
    ["!" + code.slice(1), /not a Closer link/],
  ];
  await expectRefusedLinks(page, cases);
});
