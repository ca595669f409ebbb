// Offline: the service worker (sw.js, written by the build: scripts/build/worker.mjs) keeps this
// build's files. Only in a page of its own: not in embed mode nor in any frame, where browsers
// partition or refuse workers. A new version waits until the person chooses to reload (the app's
// notice, src/web/offline.rs); answers are saved as they are given, so a reload keeps them.

/** True where the page may keep Closer offline: a page of its own (not a frame, not embed mode) with workers. */
export function mayKeepOffline(win) {
  return win.self === win.top && !win.location.search.slice(1).split("&").includes("embed=1") && "serviceWorker" in win.navigator;
}

/**
 * Runs `start` once the person is not answering: after `quietMs` with no pointer or key input
 * (each input starts the wait again), at the page's next idle moment. The worker's first install
 * fetches and keeps the whole build, which on a small machine competes with the first answer for
 * the CPU when it starts sooner. (Not at once when the page is hidden: a page hidden because it is
 * being left would register a worker that is retiring itself again.) Returns a function that
 * cancels it.
 */
export function whenQuiet(win, start, { quietMs = 4000, idleTimeoutMs = 2000 } = {}) {
  let timer = null;
  let done = false;
  const inputs = ["pointerdown", "keydown"];
  const stop = () => {
    done = true;
    win.clearTimeout(timer);
    for (const type of inputs) win.removeEventListener(type, wait, true);
  };
  const run = () => {
    if (done) return;
    stop();
    start();
  };
  const idle = () => {
    if (done) return;
    if ("requestIdleCallback" in win) win.requestIdleCallback(run, { timeout: idleTimeoutMs });
    else run();
  };
  function wait() {
    win.clearTimeout(timer);
    timer = win.setTimeout(idle, quietMs);
  }
  for (const type of inputs) win.addEventListener(type, wait, true);
  wait();
  return stop;
}

/**
 * Registers the worker at `script` and follows its updates: a new version waiting (while this
 * page is controlled by an older one) sets `closerUpdate` and raises `closer-update`, which the app
 * shows as a notice; `closer-update-apply` (the notice's reload) asks the waiting worker to take
 * over, and the page reloads once it has. Another tab taking the new version makes this page's
 * code the old one: the reload is offered here too. A page left open for long looks for a new
 * version when it is seen again.
 */
export function keepOffline(win, script = "./sw.js") {
  const workers = win.navigator.serviceWorker;
  let asked = false;
  const waiting = () => {
    win.closerUpdate = true;
    win.dispatchEvent(new win.Event("closer-update"));
  };
  workers.addEventListener("controllerchange", () => (asked ? win.location.reload() : waiting()));
  return workers.register(script).then(
    (registration) => {
      const watch = (worker) =>
        worker &&
        worker.addEventListener("statechange", () => {
          if (worker.state === "installed" && workers.controller) waiting();
        });
      if (registration.waiting && workers.controller) waiting();
      watch(registration.installing);
      registration.addEventListener("updatefound", () => watch(registration.installing));
      // A page served by an older worker looks for a new version now: registering again with the
      // same script does not, and the browser's own look after a navigation may be put off.
      if (workers.controller && !registration.installing && !registration.waiting) registration.update().catch(() => {});
      win.document.addEventListener("visibilitychange", () => {
        if (win.document.visibilityState === "visible") registration.update().catch(() => {});
      });
      win.addEventListener("closer-update-apply", () => {
        asked = true;
        if (registration.waiting) registration.waiting.postMessage("closer:take-over");
        else win.location.reload();
      });
      return registration;
    },
    () => null,
  );
}

/**
 * "Delete everything" (src/web/offline.rs raises `closer-forget`) removes what was kept for use
 * offline: this page's worker, then every cache of Closer's on this site. Where workers or caches
 * are refused (a sandboxed frame, an insecure page) nothing was kept.
 */
export async function forgetOffline(win) {
  try {
    const registration = await win.navigator.serviceWorker.getRegistration();
    if (registration) await registration.unregister();
  } catch {
    // No workers here.
  }
  try {
    for (const name of await win.caches.keys()) if (name.startsWith("closer ")) await win.caches.delete(name);
  } catch {
    // No caches here.
  }
}
