// Where Chromium is: CHROME_PATH if set, else where Debian (chromium) or Ubuntu
// (chromium-browser) puts it. Shared by the bench and the cross-engine suite; the Playwright
// configs look the same way (playwright.config.ts), and so does the Makefile.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";

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

// `node scripts/chromium.mjs` prints the path; `--webdriver-json FILE` writes webdriver.json's
// capabilities with that Chromium as the binary, for wasm-bindgen-test-runner (make test-wasm
// points WASM_BINDGEN_TEST_WEBDRIVER_JSON at it), after checking that CHROMEDRIVER, which the
// runner uses, names a program (on the PATH it would take geckodriver first, if there).
if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    const binary = chromiumPath();
    const at = process.argv.indexOf("--webdriver-json");
    if (at > 0) {
      const driver = process.env.CHROMEDRIVER;
      if (!driver || !existsSync(driver)) throw new Error(`no chromedriver at ${driver ? driver : "CHROMEDRIVER (unset), nor on the PATH"}: run scripts/tools.sh test, or set CHROMEDRIVER`);
      const root = new URL("../", import.meta.url);
      const capabilities = JSON.parse(readFileSync(new URL("webdriver.json", root), "utf8"));
      capabilities["goog:chromeOptions"].binary = binary;
      mkdirSync(dirname(process.argv[at + 1]), { recursive: true });
      writeFileSync(process.argv[at + 1], JSON.stringify(capabilities, null, 2) + "\n");
    } else console.log(binary);
  } catch (err) {
    console.error(`chromium: ${err.message}`);
    process.exit(1);
  }
}
