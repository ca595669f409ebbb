// Which language the page shows, picked before the app starts (the app then shows the words the
// start-up script fetched for it: src/lib.rs, `start`).

/** The code of `tag` ("es", "es-MX", "ES") if it is one of `languages`, else null. */
export function knownLanguage(tag, languages) {
  if (typeof tag !== "string") return null;
  const code = tag.slice(0, 2).toLowerCase();
  return languages.includes(code) && (tag.length === 2 || tag[2] === "-") ? code : null;
}

/**
 * The first of these that Closer has: the one just chosen with the switch (`?hl=`, which the app
 * then keeps in the record), the person's saved choice (the record's language), the embed's
 * `?lang=` (embed.js, from `data-lang`), the browser's languages in order; else the default,
 * `languages[0]`.
 */
export function pickLanguage({ languages, query, saved, browser }) {
  for (const tag of [query.get("hl"), saved, query.get("lang"), ...browser]) {
    const code = knownLanguage(tag, languages);
    if (code) return code;
  }
  return languages[0];
}
