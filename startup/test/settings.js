// Settings as core/src/bin/startup-settings.rs prints them (its own test checks these values).
export const settings = {
  storageKey: "closer.v1",
  recordVersion: 4,
  fields: { version: "version", language: "language", progress: "progress", answers: "answers" },
  leftKey: "closer.left",
  languages: ["en", "es"],
  routes: { home: "#/", quiz: "#/quiz" },
};
