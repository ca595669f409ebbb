import { test } from "node:test";
import assert from "node:assert/strict";
import { tell } from "../notice.js";
import { page } from "./dom.js";

test("the failure note: its words, a reload button that has the focus, shown once", () => {
  const win = page("<main></main>");
  let reloads = 0;
  tell(win.document, "Closer could not start.", "Reload", () => reloads++);
  tell(win.document, "Closer stopped.", "Reload", () => reloads++);
  const notes = win.document.querySelectorAll("#shell-alert");
  assert.equal(notes.length, 1);
  assert.equal(notes[0].getAttribute("role"), "alert");
  assert.equal(notes[0].querySelector("p").textContent, "Closer could not start.");
  assert.equal(win.document.activeElement.textContent, "Reload");
  win.document.activeElement.click();
  assert.equal(reloads, 1);
  assert.equal(win.document.body.firstElementChild, notes[0]);
});
