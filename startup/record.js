// What the start-up script reads of the stored record, before the app runs: the language the
// person chose, and whether a check-in is in progress. The record's key, its newest version and
// its fields' names come from the Rust definitions (core/src/record.rs, printed by
// core/src/bin/startup-settings.rs at build time); the app (src/app/persist.rs) is the record's
// reader and writer, and this reads only what the page needs before it starts. A record the app
// would set aside (unreadable, not an object, without a version, or written by a newer Closer)
// is read as no record at all: the app starts without it too.

/** `{ language, inProgress, state }` from the stored text (`state`: "none", "read", "damaged" or "newer"). */
export function readRecord(text, { recordVersion, fields }) {
  const nothing = (state) => ({ language: null, inProgress: false, state });
  if (text === null || text === undefined) return nothing("none");
  let record;
  try {
    record = JSON.parse(text);
  } catch {
    return nothing("damaged");
  }
  if (!record || typeof record !== "object" || Array.isArray(record)) return nothing("damaged");
  const version = record[fields.version];
  if (!Number.isInteger(version) || version < 1) return nothing("damaged");
  if (version > recordVersion) return nothing("newer");
  const language = typeof record[fields.language] === "string" ? record[fields.language] : null;
  const progress = record[fields.progress];
  const answers = progress && typeof progress === "object" ? progress[fields.answers] : null;
  const inProgress = !!answers && typeof answers === "object" && !Array.isArray(answers) && Object.keys(answers).length > 0;
  return { language, inProgress, state: "read" };
}

/** The record in `win`'s localStorage under the settings' key; storage refused (even to be looked at, as in a sandboxed frame) counts as none. */
export function storedRecord(win, settings) {
  let text = null;
  try {
    text = win.localStorage.getItem(settings.storageKey);
  } catch {
    // Storage refused (a sandboxed frame, blocked cookies): nothing stored.
  }
  return readRecord(text, settings);
}
