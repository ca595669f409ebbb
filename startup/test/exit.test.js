import { test } from "node:test";
import assert from "node:assert/strict";
import { leftFor, sendOn, quickExitBack } from "../exit.js";

function fakeWindow(type, noted) {
  const listeners = {};
  const replaced = [];
  const session = new Map(noted ? [["closer.left", noted]] : []);
  return {
    replaced,
    session,
    listeners,
    location: { replace: (to) => replaced.push(to) },
    sessionStorage: { getItem: (k) => session.get(k) ?? null, removeItem: (k) => session.delete(k) },
    performance: { getEntriesByType: () => [{ type }] },
    addEventListener: (t, f) => (listeners[t] = f),
    document: { documentElement: { hidden: false } },
  };
}

test("back to a page the quick exit left: sent on to the neutral page, and the app does not start", () => {
  const win = fakeWindow("back_forward", "https://www.bbc.co.uk/weather");
  assert.equal(quickExitBack(win, "closer.left"), true);
  assert.deepEqual(win.replaced, ["https://www.bbc.co.uk/weather"]);
  // Nothing of Closer's shows while it goes.
  assert.equal(win.document.documentElement.hidden, true);
});

test("any other visit starts afresh and forgets the note", () => {
  const win = fakeWindow("navigate", "https://www.bbc.co.uk/weather");
  assert.equal(quickExitBack(win, "closer.left"), false);
  assert.deepEqual(win.replaced, []);
  assert.equal(win.session.has("closer.left"), false);
  assert.equal(win.document.documentElement.hidden, false);
});

test("a page restored from the back-forward cache is sent on too", () => {
  const win = fakeWindow("navigate", null);
  quickExitBack(win, "closer.left");
  win.session.set("closer.left", "https://example.org/");
  win.listeners.pageshow({ persisted: true });
  assert.deepEqual(win.replaced, ["https://example.org/"]);
});

test("only an https address is followed; storage refused is no note", () => {
  const replaced = [];
  assert.equal(sendOn({ replace: (to) => replaced.push(to) }, "javascript:alert(1)"), false);
  assert.equal(sendOn({ replace: (to) => replaced.push(to) }, null), false);
  assert.deepEqual(replaced, []);
  assert.equal(leftFor({ getItem() { throw new Error("no"); } }, "closer.left"), null);
});
