import { readFileSync } from "node:fs";
import { join } from "node:path";

/** The statements of content/en/assessment.toml, read with a small parser for our own format. */
export type Statement = { id: string; dimension: string; text: string; reverse: boolean; safety: boolean };

export function statements(): Statement[] {
  const toml = readFileSync(join(__dirname, "../../content/en/assessment.toml"), "utf8");
  const out: Statement[] = [];
  let dimension = "";
  for (const block of toml.split(/^\[\[/m)) {
    const field = (name: string) => block.match(new RegExp(`^${name} = (.*)$`, "m"))?.[1];
    if (block.startsWith("dimension]]")) dimension = JSON.parse(field("id")!);
    if (block.startsWith("dimension.item]]")) {
      out.push({
        id: JSON.parse(field("id")!),
        dimension,
        text: JSON.parse(field("text")!),
        reverse: field("reverse") === "true",
        safety: field("safety") === "true",
      });
    }
  }
  return out;
}

export const DIMENSIONS = ["authenticity", "quality_time", "support", "boundaries", "openness", "empathy", "security", "physical"];

/** The words of the page around the app (content/en/shell.toml), by key. */
export function shellWords(): Record<string, string> {
  const toml = readFileSync(join(__dirname, "../../content/en/shell.toml"), "utf8");
  return Object.fromEntries([...toml.matchAll(/^([a-z_]+) = ("(?:[^"\\]|\\.)*")$/gm)].map((m) => [m[1], JSON.parse(m[2])]));
}
