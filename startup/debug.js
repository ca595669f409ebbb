// A debug build's start-up (`trunk serve`): Trunk's own script starts the app; this one, inline
// before it (a debug build has no CSP), picks the language as the release build's start-up script
// does (main.js) and asks for its words at once. Bundled by scripts/build/startup.mjs.
import settings from "closer:settings";
import build from "closer:build";
import { pickLanguage } from "./language.js";
import { storedRecord } from "./record.js";

const language = pickLanguage({
  languages: settings.languages,
  query: new URLSearchParams(location.search),
  saved: storedRecord(window, settings).language,
  browser: navigator.languages || [navigator.language],
});
document.documentElement.lang = language;
const description = build.told[language].description;
if (description) document.querySelector("meta[name=description]")?.setAttribute("content", description);
// With their integrity, as main.js asks for them; English's integrity for the app's own fetch.
window.closerWords = fetch(build.words[language], { integrity: build.integrity[language] })
  .then((r) => (r.ok ? r.text() : null))
  .catch(() => null);
window.closerEnglishIntegrity = build.integrity.en;
