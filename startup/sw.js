// Closer's service worker (sw.js). The build (scripts/offline.mjs) writes it from this file,
// minified, after two lists it takes from Workbox's getManifest over the build's files:
//   FILES      every file it keeps, by its address relative to the worker ("./index.html");
//   REVISIONS  each one's revision: null for a name with a hash in it (the name changes with
//              the content), else a hash of its content.
// It keeps them in one cache, each under its address and revision, so a new build's worker
// fetches only the files that changed (a new name or a new revision) and copies nothing; it
// serves them from there first (then the network); once it takes over, it drops what the old
// build kept and this one does not, and the caches older builds of Closer left at this address.
// A new build waits until the page asks it to take over (the page offers a reload).
/* global FILES, REVISIONS */
const SCOPE = self.registration.scope;
const PREFIX = "closer " + SCOPE + " ";
const CACHE = PREFIX + "precache";
const HASHED = /-[0-9a-f]{8,}[._]/;
/** Each kept file's address → its key in the cache (its address with its revision). */
const KEYS = new Map(
  FILES.map((file, i) => {
    const url = new URL(file, SCOPE).href;
    return [url, REVISIONS[i] ? url + "?__revision=" + REVISIONS[i] : url];
  }),
);

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches.open(CACHE).then((cache) =>
      Promise.all(
        [...KEYS].map(async ([url, key]) => {
          if (await cache.match(key)) return;
          // A name with a hash never changes: the HTTP cache may give it; the rest is asked of the server.
          const response = await fetch(new Request(url, { cache: HASHED.test(url) ? "default" : "no-cache" }));
          if (!response.ok) throw new Error(url + ": HTTP " + response.status);
          // A response the server reached by a redirect cannot answer a navigation: keep its body.
          await cache.put(key, response.redirected ? new Response(response.body, response) : response);
        }),
      ),
    ),
  );
});

self.addEventListener("activate", (event) => {
  const kept = new Set(KEYS.values());
  event.waitUntil(
    Promise.all([
      caches.keys().then((names) => Promise.all(names.filter((n) => n.startsWith(PREFIX) && n !== CACHE).map((n) => caches.delete(n)))),
      caches.open(CACHE).then((cache) => cache.keys().then((requests) => Promise.all(requests.filter((r) => !kept.has(r.url)).map((r) => cache.delete(r))))),
    ]),
  );
});

self.addEventListener("message", (event) => {
  if (event.data === "closer:take-over") self.skipWaiting();
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  let key;
  if (request.mode === "navigate") {
    // A page of the build (the app's, or a prerendered explainer page), at its folder or as
    // index.html, with any query but embed mode's (another site's frame gets the page from the
    // network, as it always did).
    const path = url.origin + url.pathname;
    const page = path.endsWith("/") ? path + "index.html" : path;
    if (page.endsWith(".html") && url.searchParams.get("embed") !== "1") key = KEYS.get(page);
  } else if (!url.search) {
    key = KEYS.get(url.href);
  }
  if (!key) return;
  event.respondWith(
    caches
      .open(CACHE)
      .then((cache) => cache.match(key))
      .then((kept) => kept || fetch(request)),
  );
});
