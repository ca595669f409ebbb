import { test } from "node:test";
import assert from "node:assert/strict";
import { keepsPrerendered, clearPrerendered } from "../prerendered.js";
import { page } from "./dom.js";

const front = { route: "#/", hash: "", search: "", language: "en", prerenderedIn: "en", inProgress: false, quizRoute: "#/quiz" };

test("the markup is kept where the app shows the same: the route it shows, in its language", () => {
  assert.equal(keepsPrerendered(front), true);
  assert.equal(keepsPrerendered({ ...front, hash: "#/" }), true);
  assert.equal(keepsPrerendered({ ...front, route: "#/quiz", hash: "#/quiz" }), true);
  assert.equal(keepsPrerendered({ ...front, search: "?hl=en" }), true);
});

test("taken away at another address, in embed mode, in another language, or on the first statement with a check-in in progress", () => {
  assert.equal(keepsPrerendered({ ...front, hash: "#/compare/abc" }), false);
  assert.equal(keepsPrerendered({ ...front, search: "?embed=1" }), false);
  assert.equal(keepsPrerendered({ ...front, language: "es" }), false);
  assert.equal(keepsPrerendered({ ...front, route: "#/quiz", hash: "#/quiz", inProgress: true }), false);
  assert.equal(keepsPrerendered({ ...front, inProgress: true }), true);
  assert.equal(keepsPrerendered({ ...front, route: undefined }), false);
});

test("taking it away keeps the noscript note", () => {
  const win = page(`<noscript>needs JavaScript</noscript><main><h1>How close</h1></main>`);
  win.document.body.dataset.prerendered = "#/";
  clearPrerendered(win.document);
  assert.deepEqual([...win.document.body.childNodes].map((n) => n.nodeName), ["NOSCRIPT"]);
  assert.equal(win.document.body.hasAttribute("data-prerendered"), false);
});
