import { test } from "node:test";
import assert from "node:assert/strict";
import { readRecord, storedRecord } from "../record.js";
import { settings } from "./settings.js";

const read = (value) => readRecord(typeof value === "string" ? value : JSON.stringify(value), settings);

test("no record: no language, nothing in progress", () => {
  assert.deepEqual(readRecord(null, settings), { language: null, inProgress: false, state: "none" });
});

test("the language chosen and a check-in in progress are read from a record of this version or older", () => {
  assert.deepEqual(read({ version: 4, language: "es", progress: { content_version: 3, answers: { sa1: 4 } }, plan: { area: "empathy", start_day: 20794, done: [] } }), { language: "es", inProgress: true, state: "read" });
  assert.deepEqual(read({ version: 3, language: "es", progress: { content_version: 3, answers: { sa1: 4 } } }), { language: "es", inProgress: true, state: "read" });
  assert.deepEqual(read({ version: 3, progress: { content_version: 3, answers: {} } }), { language: null, inProgress: false, state: "read" });
  // Version 2 had no language.
  assert.deepEqual(read({ version: 2, progress: { content_version: 2, answers: { x: 1 } }, results: [] }), { language: null, inProgress: true, state: "read" });
  assert.deepEqual(read({ version: 1, progress: null }), { language: null, inProgress: false, state: "read" });
});

test("the fields' names are the settings' (the Rust definitions')", () => {
  const renamed = { ...settings, fields: { version: "v", language: "lang", progress: "p", answers: "a" } };
  assert.deepEqual(readRecord(JSON.stringify({ v: 3, lang: "es", p: { a: { x: 1 } } }), renamed), { language: "es", inProgress: true, state: "read" });
  assert.deepEqual(readRecord(JSON.stringify({ version: 3, language: "es" }), renamed).state, "damaged");
});

test("a damaged record is read as none: not JSON, not an object, no version, fields of the wrong type", () => {
  for (const text of ["{", "", "null", "[]", "42", '"closer"', JSON.stringify({ language: "es" }), JSON.stringify({ version: "3", language: "es" }), JSON.stringify({ version: 0, language: "es" }), JSON.stringify({ version: 2.5, language: "es" })]) {
    assert.deepEqual(readRecord(text, settings), { language: null, inProgress: false, state: "damaged" }, text);
  }
  // A field of the wrong type is left out; the others are still read.
  assert.deepEqual(read({ version: 3, language: 7, progress: { answers: { x: 1 } } }), { language: null, inProgress: true, state: "read" });
  assert.deepEqual(read({ version: 3, language: "es", progress: { answers: ["x"] } }), { language: "es", inProgress: false, state: "read" });
  assert.deepEqual(read({ version: 3, language: "es", progress: "yes" }), { language: "es", inProgress: false, state: "read" });
});

test("a record written by a newer Closer is set aside, as the app sets it aside: nothing is read from it", () => {
  assert.deepEqual(read({ version: settings.recordVersion + 1, language: "es", progress: { answers: { x: 1 } } }), { language: null, inProgress: false, state: "newer" });
});

test("storage that refuses to be read counts as no record", () => {
  const refusing = { localStorage: { getItem() { throw new Error("SecurityError"); } } };
  assert.deepEqual(storedRecord(refusing, settings), { language: null, inProgress: false, state: "none" });
  // A sandboxed frame refuses even to hand out localStorage.
  const sandboxed = { get localStorage() { throw new Error("SecurityError"); } };
  assert.deepEqual(storedRecord(sandboxed, settings), { language: null, inProgress: false, state: "none" });
  const asked = [];
  const win = { localStorage: { getItem(key) { asked.push(key); return JSON.stringify({ version: 3, language: "es" }); } } };
  assert.equal(storedRecord(win, settings).language, "es");
  assert.deepEqual(asked, ["closer.v1"]);
});
