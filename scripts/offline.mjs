// Working offline, written by the build (the post-build's "worker" step, scripts/build/worker.mjs):
//  - the service worker (sw.js) of a release build: startup/sw.js, minified, after the list of
//    the files it keeps and a revision for each, from Workbox's getManifest; it keeps them in one
//    cache by address and revision, so a new build's worker fetches only the files that changed;
//  - in a debug build (`trunk serve`), a worker that retires: it removes a release build's
//    worker and caches met at the same address, so live reload sees fresh files.
//
//   node scripts/offline.mjs sw DIR   writes DIR/sw.js for the files in DIR (the tests' next builds)
import { join } from "node:path";
import { readFileSync, writeFileSync } from "node:fs";
import { getManifest } from "workbox-build";
import { transform } from "esbuild";


/**
 * Every file of a build that the worker keeps, with its revision (Workbox's getManifest): all but
 * the worker itself, embed.js (for other sites' pages), what only crawlers read (sitemap.xml,
 * robots.txt), dot files, and the static explainer pages of languages other than English
 * (`es/learn/…`: 16 pages, about 40 KB gzip, that every first visit would otherwise fetch;
 * offline, the app's own `#/learn/…` pages show them in the reader's language from the page
 * bodies it keeps). A file whose name has a hash in it has no revision (its name is one); any
 * other has a hash of its content. Returns `[{ url, revision }]` in the order of the file names.
 */
export async function precacheEntries(dir) {
  const { manifestEntries, warnings } = await getManifest({
    globDirectory: dir,
    globPatterns: ["**/*"],
    globIgnores: ["sw.js", "embed.js", "sitemap.xml", "robots.txt", "[a-z][a-z]/learn/**"],
    dontCacheBustURLsMatching: HASHED,
    maximumFileSizeToCacheInBytes: 8 << 20,
  });
  if (warnings.length) throw new Error(`workbox getManifest: ${warnings.join("; ")}`);
  return manifestEntries.map(({ url, revision }) => ({ url, revision: revision ?? null })).sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
}

/** A name with a hash in it (a build names such files after their content). */
export const HASHED = /-[0-9a-f]{8,}[._]/;

/**
 * The service worker of the build in `dir`: startup/sw.js, minified, after the list of the files
 * it keeps and their revisions. A new build whose kept files differ is a new worker (the browser
 * compares sw.js byte for byte), and it fetches only the files that changed; an unchanged build
 * is not a new worker.
 */
export async function serviceWorker(dir) {
  const entries = await precacheEntries(dir);
  if (!entries.some((e) => e.url === "index.html")) throw new Error(`${dir} has no index.html`);
  const source = readFileSync(new URL("../startup/sw.js", import.meta.url), "utf8");
  const { code } = await transform(source, { minify: true, target: "es2022", legalComments: "none" });
  // Each file by its name (every static host serves index.html by its name; the worker answers the
  // folder's address with it). FILES is read by scripts/sizes.mjs too.
  return `const FILES = ${JSON.stringify(entries.map((e) => `./${e.url}`))};\nconst REVISIONS = ${JSON.stringify(entries.map((e) => e.revision))};\n${code}`;
}

/** The worker a debug build serves at sw.js: it removes a release build's worker and caches from this address. */
export const RETIRING_WORKER = `// A debug build of Closer keeps nothing offline: this worker replaces a release build's worker
// met at the same address, removes its caches and itself, and reloads the pages it served.
self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", (event) => {
  const prefix = "closer " + self.registration.scope + " ";
  event.waitUntil(
    caches.keys()
      .then((names) => Promise.all(names.filter((n) => n.startsWith(prefix)).map((n) => caches.delete(n))))
      .then(() => self.registration.unregister())
      .then(() => self.clients.matchAll({ type: "window" }))
      .then((pages) => pages.forEach((page) => page.navigate(page.url)))
  );
});
`;

if (import.meta.url === `file://${process.argv[1]}`) {
  const [command, dir] = process.argv.slice(2);
  if (command !== "sw" || !dir) {
    console.error("usage: node scripts/offline.mjs sw DIR");
    process.exit(2);
  }
  writeFileSync(join(dir, "sw.js"), await serviceWorker(dir));
}
