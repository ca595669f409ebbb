// Where Chromium is: CHROME_PATH if set, else where Debian (chromium) or Ubuntu
// (chromium-browser) puts it. Shared by the bench and the cross-engine suite; the Playwright
// configs look the same way (playwright.config.ts), and so does the Makefile.
import { existsSync } from "node:fs";

export const CHROMIUM_PLACES = ["/usr/bin/chromium", "/usr/bin/chromium-browser"];

/** The path of Chromium's executable; throws, naming every place it looked, when there is none. */
export function chromiumPath() {
  const wanted = process.env.CHROME_PATH;
  if (wanted) {
    if (existsSync(wanted)) return wanted;
    throw new Error(`CHROME_PATH is ${wanted}, and there is no such file`);
  }
  const found = CHROMIUM_PLACES.find((p) => existsSync(p));
  if (!found) throw new Error(`no Chromium at ${CHROMIUM_PLACES.join(" or ")}: run scripts/tools.sh test, or set CHROME_PATH`);
  return found;
}
