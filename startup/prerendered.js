// The page's markup was prerendered for one address: the front page (`#/`) in index.html (and
// es/), the first statement (`#/quiz`) in check-in/ (and es/check-in/). The app renders something
// else when the page is opened at another address (a partner's link), in embed mode, in another
// language than the markup's, or, for the first statement, with a check-in in progress (the app
// shows the person's own statement): then the markup is taken away at once rather than shown
// until the app replaces it.

/** True if the app will show what the prerendered markup shows. */
export function keepsPrerendered({ route, hash, search, language, prerenderedIn, inProgress, quizRoute }) {
  if (!route) return false;
  if (route !== "#/" + hash.replace(/^#\/?/, "")) return false;
  if (search.slice(1).split("&").includes("embed=1")) return false;
  if (language !== prerenderedIn) return false;
  return !(route === quizRoute && inProgress);
}

/** Takes the prerendered markup away (all but `<noscript>`): the app renders afresh. */
export function clearPrerendered(doc) {
  for (const node of [...doc.body.childNodes]) if (node.nodeName !== "NOSCRIPT") node.remove();
  doc.body.removeAttribute("data-prerendered");
}
