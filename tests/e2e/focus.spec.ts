// The keyboard's focus is never dropped to the start of the page: every button of every page,
// pressed by keyboard, leaves the focus on an element (the same button, what replaced it, the
// next statement, or the heading of the page it led to). A screen reader or keyboard user whose
// focus falls to the body has to find their place again from the top.
import { Page } from "@playwright/test";
import { test, expect, ready } from "./fixtures";
import { ROUTES, seed } from "./routes";

type Setup = { name: string; open: (page: Page) => Promise<void> };

const seeded = (route: string): Setup => ({
  name: `${route} (with a check-in in progress, results, history and a partner's link)`,
  open: async (page) => {
    const partner = await seed(page);
    await page.goto("./" + (route === "#/compare" ? `#/compare/${partner}` : route));
    await ready(page);
  },
});

const SETUPS: Setup[] = [
  ...[...ROUTES.filter((r) => !r.startsWith("#/learn")), "#/compare"].map(seeded),
  {
    name: "a first visit",
    open: async (page) => {
      await page.goto("./");
      await ready(page);
    },
  },
  {
    name: "#/quiz, a new check-in",
    open: async (page) => {
      await page.goto("./#/quiz");
      await ready(page);
    },
  },
  {
    name: "#/results with the lock chosen",
    open: async (page) => {
      await seed(page);
      await page.goto("./#/results");
      await ready(page);
      await page.getByLabel("Lock it with a passphrase").check();
    },
  },
];

// Buttons a person can reach on the page; not the one that leaves Closer for another site.
const BUTTONS = "main button:visible:not(.quick-exit-button), .notices button:visible, header button:visible:not(.quick-exit-button)";

for (const setup of SETUPS) {
  test(`no button drops the keyboard's focus to the start of the page: ${setup.name}`, async ({ browser, baseURL }) => {
    const count = async () => {
      const context = await browser.newContext({ baseURL });
      const page = await context.newPage();
      await setup.open(page);
      const n = await page.locator(BUTTONS).count();
      await context.close();
      return n;
    };
    const n = await count();
    const dropped: string[] = [];
    // Each button in a fresh profile, as the page first shows it.
    for (let i = 0; i < n; i++) {
      const context = await browser.newContext({ baseURL, acceptDownloads: true });
      const page = await context.newPage();
      await setup.open(page);
      await page.evaluate(() => (window.print = () => {}));
      const button = page.locator(BUTTONS).nth(i);
      if (await button.isDisabled()) {
        await context.close();
        continue;
      }
      const words = (await button.textContent())?.trim();
      await button.focus();
      await page.keyboard.press("Enter");
      // Until the page has been drawn again since the key.
      await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
      const onBody = await page.evaluate(() => document.activeElement === null || document.activeElement === document.body);
      if (onBody) dropped.push(`"${words}"`);
      await context.close();
    }
    expect(n, "buttons on the page").toBeGreaterThan(0);
    expect(dropped, "buttons after which the focus was on the body").toEqual([]);
  });
}
