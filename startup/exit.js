// The quick exit (src/web/exit.rs) leaves for a neutral page and notes which in this tab's
// sessionStorage. Someone who comes back to an earlier Closer page with the back button is sent
// on there at once, before anything shows; a visit of any other kind starts afresh.

/** The neutral page noted in `session` under `key`, or null. */
export function leftFor(session, key) {
  try {
    return session.getItem(key);
  } catch {
    return null;
  }
}

/** Sends the page on to `to` (only ever an https address); true if it did. */
export function sendOn(location, to) {
  if (typeof to === "string" && to.startsWith("https://")) {
    location.replace(to);
    return true;
  }
  return false;
}

/**
 * On a visit by the back (or forward) button, sends the page on to the noted neutral page and
 * returns true (the app must not start); otherwise forgets the note. A page restored from the
 * back-forward cache is sent on too.
 */
export function quickExitBack(win, key) {
  win.addEventListener("pageshow", (e) => {
    if (e.persisted) sendOn(win.location, leftFor(win.sessionStorage, key));
  });
  if (win.performance.getEntriesByType("navigation")[0]?.type === "back_forward") {
    const to = leftFor(win.sessionStorage, key);
    // Nothing of Closer's is shown while the neutral page loads (as the quick exit itself does).
    if (typeof to === "string" && to.startsWith("https://")) win.document.documentElement.hidden = true;
    return sendOn(win.location, to);
  }
  try {
    win.sessionStorage.removeItem(key);
  } catch {
    // No session storage: nothing was noted.
  }
  return false;
}
