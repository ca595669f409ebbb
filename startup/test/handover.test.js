import { test } from "node:test";
import assert from "node:assert/strict";
import { handOver, placeOf, atPlace } from "../handover.js";
import { page, appReady } from "./dom.js";

const statement = (checked = "") => `<main><fieldset><legend>I feel heard</legend>
  <input type="radio" name="s" id="a1" ${checked}><label for="a1">Agree</label>
  <input type="radio" name="s" id="a2"><label for="a2">Disagree</label></fieldset>
  <nav><button type="button">Back</button><button type="button">Skip</button></nav></main>`;

test("an element's place below the body, and the element at a place", () => {
  const win = page(statement());
  const skip = win.document.querySelectorAll("button")[1];
  assert.deepEqual(placeOf(skip, win.document.body), [0, 1, 1]);
  assert.equal(atPlace([0, 1, 1], win.document.body), skip);
  assert.equal(atPlace([0, 9, 1], win.document.body), undefined);
});

test("an answer clicked before the app is ready is clicked in the app's markup, after a key's input as it was", () => {
  const win = page(statement());
  handOver(win);
  win.dispatchEvent(new win.KeyboardEvent("keydown"));
  win.document.getElementById("a2").click();
  // The app's markup and its listeners, then closer-ready.
  win.document.body.innerHTML = statement();
  const seen = [];
  win.addEventListener("pointerdown", () => seen.push("pointerdown"));
  win.addEventListener("keydown", () => seen.push("keydown"));
  win.document.getElementById("a2").addEventListener("click", () => seen.push("click a2"));
  win.dispatchEvent(new win.Event("closer-ready"));
  assert.deepEqual(seen, ["keydown", "click a2"]);
  assert.equal(win.document.getElementById("a2").checked, true);
});

test("a pointer's click on an answer is handed over as a pointer's", () => {
  const win = page(statement());
  handOver(win);
  win.dispatchEvent(new win.PointerEvent("pointerdown"));
  win.document.getElementById("a1").click();
  win.document.body.innerHTML = statement();
  const seen = [];
  win.addEventListener("pointerdown", () => seen.push("pointerdown"));
  win.addEventListener("keydown", () => seen.push("keydown"));
  win.document.getElementById("a1").addEventListener("click", () => seen.push("click a1"));
  win.dispatchEvent(new win.Event("closer-ready"));
  assert.deepEqual(seen, ["pointerdown", "click a1"]);
});

test("a button clicked early is clicked again at the same place only if it has the same words", () => {
  const win = page(statement());
  handOver(win);
  win.document.querySelectorAll("button")[1].click();
  win.document.body.innerHTML = statement();
  let skipped = 0;
  win.document.querySelectorAll("button")[1].addEventListener("click", () => skipped++);
  win.dispatchEvent(new win.Event("closer-ready"));
  assert.equal(skipped, 1);

  const other = page(statement());
  handOver(other);
  other.document.querySelectorAll("button")[1].click();
  other.document.body.innerHTML = statement().replace("Skip", "Continue");
  let continued = 0;
  other.document.querySelectorAll("button")[1].addEventListener("click", () => continued++);
  other.dispatchEvent(new other.Event("closer-ready"));
  assert.equal(continued, 0);
});

test("the focus is put back on the same element in the app's markup: by its id, else at its place with the same words", () => {
  const win = page(statement());
  handOver(win);
  win.document.getElementById("a2").focus();
  appReady(win, statement());
  assert.equal(win.document.activeElement, win.document.getElementById("a2"));

  const byPlace = page(statement());
  handOver(byPlace);
  byPlace.document.querySelectorAll("button")[0].focus();
  appReady(byPlace, statement());
  assert.equal(byPlace.document.activeElement, byPlace.document.querySelectorAll("button")[0]);

  const changed = page(statement());
  handOver(changed);
  changed.document.querySelectorAll("button")[0].focus();
  appReady(changed, statement().replace("Back", "Home"));
  assert.equal(changed.document.activeElement, changed.document.body);
});

test("focus that left for nowhere is forgotten", async () => {
  const win = page(statement());
  handOver(win);
  const back = win.document.querySelectorAll("button")[0];
  back.focus();
  back.blur();
  await new Promise((resolve) => win.queueMicrotask(resolve));
  appReady(win, statement());
  assert.equal(win.document.activeElement, win.document.body);
});

test("after the hand-over nothing more is recorded, and the page is no longer marked prerendered", () => {
  const win = page(statement());
  win.document.body.dataset.prerendered = "#/quiz";
  const state = handOver(win);
  appReady(win, statement());
  assert.equal(win.document.body.hasAttribute("data-prerendered"), false);
  win.document.getElementById("a1").click();
  assert.equal(state.early.length, 0);
});
