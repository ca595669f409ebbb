// Step "shell words": the words of the page around the app (content/<language>/shell.toml, read
// with a TOML parser): the title and descriptions in index.html's `{{key}}` placeholders, and
// what the start-up script says when the app cannot start. Every language has English's keys.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "smol-toml";
import { StepError } from "./util.mjs";

/** One shell.toml: a table of non-empty strings. */
export function readShell(path) {
  let table;
  try {
    table = parse(readFileSync(path, "utf8"));
  } catch (error) {
    throw new StepError(path, error.message);
  }
  for (const [key, value] of Object.entries(table)) {
    if (typeof value !== "string") throw new StepError(path, `\`${key}\` is not a string`);
    if (!value.trim()) throw new StepError(path, `\`${key}\` is empty`);
  }
  return table;
}

export function shellWords(ctx) {
  const englishPath = join(ctx.root, "content/en/shell.toml");
  ctx.words = readShell(englishPath);
  ctx.shells = Object.fromEntries(
    Object.keys(ctx.wordsFiles).map((code) => {
      const path = join(ctx.root, "content", code, "shell.toml");
      const theirs = readShell(path);
      const missing = Object.keys(ctx.words).filter((k) => !(k in theirs));
      const extra = Object.keys(theirs).filter((k) => !(k in ctx.words));
      if (missing.length) throw new StepError(path, `missing ${missing.join(", ")}`);
      if (extra.length) throw new StepError(path, `not in ${englishPath}: ${extra.join(", ")}`);
      return [code, theirs];
    }),
  );
  // What the start-up script tells the person, in each language (the page carries English's
  // description already; another language's replaces it).
  ctx.told = Object.fromEntries(
    Object.entries(ctx.shells).map(([code, { failed_to_start, stopped, reload, description }]) => [code, code === "en" ? { failed_to_start, stopped, reload } : { failed_to_start, stopped, reload, description }]),
  );
}

/** Step "page words": index.html's `{{key}}` placeholders, in its text and attributes, filled with English's shell words; every key used. */
export function pageWords(ctx) {
  const file = "index.html";
  const used = new Set(["failed_to_start", "stopped", "reload"]); // the start-up script's
  const fill = (text) =>
    text.replace(/\{\{([a-z_]+)\}\}/g, (_, key) => {
      if (!(key in ctx.words)) throw new StepError(file, `uses {{${key}}}, which content/en/shell.toml does not have`);
      used.add(key);
      return ctx.words[key];
    });
  const $ = ctx.$;
  $("*").each((_, el) => {
    for (const [name, value] of Object.entries(el.attribs ?? {})) if (value.includes("{{")) $(el).attr(name, fill(value));
  });
  const walk = (node) => {
    for (const child of node.children ?? []) {
      if (child.type === "text" && child.data.includes("{{")) child.data = fill(child.data);
      else walk(child);
    }
  };
  walk($.root()[0]);
  const unused = Object.keys(ctx.words).filter((k) => !used.has(k));
  if (unused.length) throw new StepError("content/en/shell.toml", `no page uses ${unused.join(", ")}`);
}
