import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Page } from "@playwright/test";

/**
 * The statements of content/en/assessment.toml, read with a small parser for our own format, in
 * file order: the dimensions' statements, then the safety screen's (dimension "screen", with
 * `safety` true: agreeing brings the safety response; they count toward no score).
 */
export type Statement = {
  id: string;
  dimension: string;
  text: string;
  reverse: boolean;
  safety: boolean;
  mayNotApply: boolean;
  neutralNote: boolean;
};

function toml(lang = "en"): string {
  return readFileSync(join(__dirname, `../../content/${lang}/assessment.toml`), "utf8");
}

/** `lang`: the language folder ("en", "es"); every language has the same ids in the same order. */
export function statements(lang = "en"): Statement[] {
  const out: Statement[] = [];
  let dimension = "";
  for (const block of toml(lang).split(/^\[\[/m)) {
    const field = (name: string) => block.match(new RegExp(`^${name} = (.*)$`, "m"))?.[1];
    if (block.startsWith("dimension]]")) dimension = JSON.parse(field("id")!);
    const screen = block.startsWith("screen.item]]");
    if (block.startsWith("dimension.item]]") || screen) {
      out.push({
        id: JSON.parse(field("id")!),
        dimension: screen ? "screen" : dimension,
        text: JSON.parse(field("text")!),
        reverse: field("reverse") === "true",
        safety: screen,
        mayNotApply: field("may_not_apply") === "true",
        neutralNote: field("neutral_note") === "true",
      });
    }
  }
  return out;
}

/** The content version of content/en/assessment.toml. */
export function contentVersion(): number {
  return Number(toml().match(/^content_version = (\d+)$/m)![1]);
}

/** The dimensions the safety screen touches. */
export function touched(): string[] {
  return JSON.parse(toml().match(/^touches = (\[.*\])$/m)![1]);
}

export const DIMENSIONS = ["authenticity", "quality_time", "support", "boundaries", "openness", "empathy", "security", "physical"];

/** The answer (0–4) that is best for the relationship: agreeing with a straight statement,
 *  disagreeing with a reverse-worded one or a safety statement. */
export function favourable(s: Statement): number {
  return s.safety || s.reverse ? 0 : 4;
}

/** The statement on screen in the check-in, shown in language `lang`. */
export async function onScreen(page: Page, lang = "en"): Promise<Statement> {
  const text = (await page.locator("fieldset[data-kind=statement] legend").textContent())!.trim();
  const s = statements(lang).find((x) => x.text === text);
  if (!s) throw new Error(`unknown statement on screen: ${text}`);
  return s;
}

/** The words of the page around the app (content/en/shell.toml), by key. */
export function shellWords(): Record<string, string> {
  const toml = readFileSync(join(__dirname, "../../content/en/shell.toml"), "utf8");
  return Object.fromEntries([...toml.matchAll(/^([a-z_]+) = ("(?:[^"\\]|\\.)*")$/gm)].map((m) => [m[1], JSON.parse(m[2])]));
}

/** A string of content/<lang>/ui.toml, by section and key. */
export function uiWord(section: string, key: string, lang = "en"): string {
  const text = readFileSync(join(__dirname, `../../content/${lang}/ui.toml`), "utf8");
  const body = text.split(/^\[/m).find((b) => b.startsWith(`${section}]`))!;
  return JSON.parse(body.match(new RegExp(`^${key} = (.*)$`, "m"))![1]);
}
