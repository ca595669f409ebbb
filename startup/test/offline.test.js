import { test, mock } from "node:test";
import assert from "node:assert/strict";
import { whenQuiet, keepOffline, mayKeepOffline, forgetOffline } from "../offline.js";

/** A window with what the worker's flow uses: events, timers, a document's visibility, a location. */
function fakeWindow({ search = "", framed = false, workers } = {}) {
  const win = new EventTarget();
  const doc = new EventTarget();
  doc.visibilityState = "visible";
  Object.assign(win, {
    Event,
    document: doc,
    reloads: 0,
    location: { search, reload: () => win.reloads++ },
    setTimeout: (f, ms) => setTimeout(f, ms),
    clearTimeout: (t) => clearTimeout(t),
    navigator: workers ? { serviceWorker: workers } : {},
  });
  win.self = win;
  win.top = framed ? {} : win;
  return win;
}

/** A worker (its state changes raise statechange) and the registration and container around it. */
class FakeWorker extends EventTarget {
  constructor(state) {
    super();
    this.state = state;
    this.messages = [];
  }
  postMessage(m) {
    this.messages.push(m);
  }
  become(state) {
    this.state = state;
    this.dispatchEvent(new Event("statechange"));
  }
}
function fakeWorkers({ controlled, waiting = null, installing = null } = {}) {
  const registration = new EventTarget();
  Object.assign(registration, { waiting, installing, updates: 0, update: async () => registration.updates++ });
  const workers = new EventTarget();
  Object.assign(workers, {
    controller: controlled ? {} : null,
    registered: [],
    register: async (url) => (workers.registered.push(url), registration),
  });
  return { workers, registration };
}

test("the worker is kept only in a page of its own: not in embed mode, not in a frame, not without workers", () => {
  const { workers } = fakeWorkers();
  assert.equal(mayKeepOffline(fakeWindow({ workers })), true);
  assert.equal(mayKeepOffline(fakeWindow({ workers, search: "?embed=1" })), false);
  assert.equal(mayKeepOffline(fakeWindow({ workers, search: "?lang=es&embed=1" })), false);
  assert.equal(mayKeepOffline(fakeWindow({ workers, framed: true })), false);
  assert.equal(mayKeepOffline(fakeWindow()), false);
});

test("registered only after some quiet seconds: each answer starts the wait again", () => {
  mock.timers.enable({ apis: ["setTimeout"] });
  try {
    const win = fakeWindow();
    let started = 0;
    whenQuiet(win, () => started++, { quietMs: 4000 });
    mock.timers.tick(3000);
    win.dispatchEvent(new Event("pointerdown"));
    mock.timers.tick(3000);
    win.dispatchEvent(new Event("keydown"));
    mock.timers.tick(3999);
    assert.equal(started, 0);
    mock.timers.tick(1);
    assert.equal(started, 1);
    // Once only.
    win.dispatchEvent(new Event("pointerdown"));
    mock.timers.tick(10_000);
    assert.equal(started, 1);
  } finally {
    mock.timers.reset();
  }
});

test("at the page's next idle moment when it has one", () => {
  mock.timers.enable({ apis: ["setTimeout"] });
  try {
    const win = fakeWindow();
    const idle = [];
    win.requestIdleCallback = (f, options) => idle.push([f, options]);
    let started = 0;
    whenQuiet(win, () => started++, { quietMs: 4000 });
    mock.timers.tick(4000);
    assert.equal(started, 0);
    assert.deepEqual(idle[0][1], { timeout: 2000 });
    idle[0][0]();
    assert.equal(started, 1);
  } finally {
    mock.timers.reset();
  }
});

test("not at once when the page is hidden: a page being left would register a retiring worker again", () => {
  mock.timers.enable({ apis: ["setTimeout"] });
  try {
    const win = fakeWindow();
    let started = 0;
    whenQuiet(win, () => started++, { quietMs: 4000 });
    win.document.visibilityState = "hidden";
    win.document.dispatchEvent(new Event("visibilitychange"));
    assert.equal(started, 0);
    mock.timers.tick(4000);
    assert.equal(started, 1);
  } finally {
    mock.timers.reset();
  }
});

test("a first visit registers sw.js and offers no update", async () => {
  const { workers } = fakeWorkers({ controlled: false, installing: new FakeWorker("installing") });
  const win = fakeWindow({ workers });
  let offered = 0;
  win.addEventListener("closer-update", () => offered++);
  const registration = await keepOffline(win);
  assert.deepEqual(workers.registered, ["./sw.js"]);
  registration.installing.become("installed");
  assert.equal(offered, 0);
  assert.equal(win.closerUpdate, undefined);
});

test("a new version installed while an older one controls the page: the update notice", async () => {
  const fresh = new FakeWorker("installing");
  const { workers, registration } = fakeWorkers({ controlled: true });
  const win = fakeWindow({ workers });
  let offered = 0;
  win.addEventListener("closer-update", () => offered++);
  await keepOffline(win);
  registration.installing = fresh;
  registration.dispatchEvent(new Event("updatefound"));
  assert.equal(offered, 0);
  fresh.become("installed");
  assert.equal(offered, 1);
  assert.equal(win.closerUpdate, true);
});

test("a version already waiting at the visit is offered at once; the reload asks it to take over, then reloads", async () => {
  const waiting = new FakeWorker("installed");
  const { workers } = fakeWorkers({ controlled: true, waiting });
  const win = fakeWindow({ workers });
  let offered = 0;
  win.addEventListener("closer-update", () => offered++);
  await keepOffline(win);
  assert.equal(offered, 1);
  win.dispatchEvent(new Event("closer-update-apply"));
  assert.deepEqual(waiting.messages, ["closer:take-over"]);
  assert.equal(win.reloads, 0);
  workers.dispatchEvent(new Event("controllerchange"));
  assert.equal(win.reloads, 1);
});

test("another tab took the new version: the reload is offered here, not forced", async () => {
  const { workers } = fakeWorkers({ controlled: true });
  const win = fakeWindow({ workers });
  let offered = 0;
  win.addEventListener("closer-update", () => offered++);
  await keepOffline(win);
  workers.dispatchEvent(new Event("controllerchange"));
  assert.equal(offered, 1);
  assert.equal(win.reloads, 0);
});

test("a page an older worker serves looks for a new version at once, and again when it is seen again; a refused registration is quiet", async () => {
  const { workers, registration } = fakeWorkers({ controlled: true });
  const win = fakeWindow({ workers });
  await keepOffline(win);
  assert.equal(registration.updates, 1);
  win.document.dispatchEvent(new Event("visibilitychange"));
  assert.equal(registration.updates, 2);
  // A first visit (no worker serves the page) does not: its worker is being installed.
  const first = fakeWorkers({ controlled: false, installing: new FakeWorker("installing") });
  await keepOffline(fakeWindow({ workers: first.workers }));
  assert.equal(first.registration.updates, 0);
  workers.register = async () => {
    throw new Error("SecurityError");
  };
  assert.equal(await keepOffline(fakeWindow({ workers })), null);
});

test("“Delete everything” unregisters the worker and deletes Closer's caches only", async () => {
  let unregistered = 0;
  const deleted = [];
  const win = {
    navigator: { serviceWorker: { getRegistration: async () => ({ unregister: async () => unregistered++ }) } },
    caches: { keys: async () => ["closer http://x/ precache", "other"], delete: async (n) => deleted.push(n) },
  };
  await forgetOffline(win);
  assert.equal(unregistered, 1);
  assert.deepEqual(deleted, ["closer http://x/ precache"]);
  // Where workers and caches are refused, nothing happens.
  await forgetOffline({ navigator: {}, caches: undefined });
});
