import { test } from "node:test";
import assert from "node:assert/strict";
import { knownLanguage, pickLanguage } from "../language.js";

const languages = ["en", "es"];
const pick = (search, saved, browser) => pickLanguage({ languages, query: new URLSearchParams(search), saved, browser });

test("a tag is known by its first two letters, alone or before a region", () => {
  assert.equal(knownLanguage("es", languages), "es");
  assert.equal(knownLanguage("es-MX", languages), "es");
  assert.equal(knownLanguage("ES", languages), "es");
  assert.equal(knownLanguage("est", languages), null);
  assert.equal(knownLanguage("fr", languages), null);
  assert.equal(knownLanguage(42, languages), null);
  assert.equal(knownLanguage(null, languages), null);
});

test("the switch's ?hl= first, then the saved choice, then the embed's ?lang=, then the browser's languages in order", () => {
  assert.equal(pick("?hl=es&lang=en", "en", ["en"]), "es");
  assert.equal(pick("?lang=en", "es", ["en"]), "es");
  assert.equal(pick("?lang=es", null, ["en"]), "es");
  assert.equal(pick("?hl=fr&lang=xx", null, ["fr-FR", "es-AR", "en"]), "es");
  assert.equal(pick("", null, ["de", "en-GB", "es"]), "en");
});

test("English when nothing matches", () => {
  assert.equal(pick("", null, []), "en");
  assert.equal(pick("?hl=zz", "klingon", ["de"]), "en");
});
