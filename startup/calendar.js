// The plan's calendar file (RFC 5545, .ics), a module of its own (calendar-<hash>.js), which the
// start-up script imports only when the person asks for the file (src/web/calendar.rs), so the
// first load pays nothing for it. Written by the `ics` package (npm), bundled by esbuild
// (scripts/build/qr.mjs, step "calendar").
import { createEvents } from "ics";

/**
 * The .ics text of a plan's events, or an Error saying why not. `json` is what the app sends
 * (src/web/calendar.rs), JSON of `{ name, events: [{ title, description, url, start: [y, m, d, h, min],
 * minutes, repeat: { every: "day" | "week", count } | null }] }`. Times are the person's local
 * clock time ("floating" in RFC 5545), so a reminder stays at 19:00 wherever they are.
 */
export function calendar(json) {
  const plan = JSON.parse(json);
  const events = plan.events.map((e) => ({
    title: e.title,
    description: e.description,
    url: e.url,
    start: e.start,
    startInputType: "local",
    startOutputType: "local",
    duration: { minutes: e.minutes },
    recurrenceRule: e.repeat ? `FREQ=${e.repeat.every === "week" ? "WEEKLY" : "DAILY"};COUNT=${e.repeat.count}` : undefined,
    productId: "closer",
    calName: plan.name,
  }));
  const { error, value } = createEvents(events);
  if (error) throw error;
  return foldOctets(value);
}

/**
 * Content lines folded at 75 octets, as RFC 5545 (3.1) counts them. The `ics` package (3.12)
 * folds at 75 characters, so a line with accented letters (Spanish) ends up longer than 75
 * octets; this unfolds its lines and folds them again by their UTF-8 length, never inside a
 * character.
 */
export function foldOctets(text) {
  const encoder = new TextEncoder();
  return text
    .replace(/\r\n[ \t]/g, "")
    .split("\r\n")
    .map((line) => {
      const parts = [];
      let part = "";
      let octets = 0;
      for (const char of line) {
        const size = encoder.encode(char).length;
        // The first line takes 75 octets; each next one 74 after its leading space.
        if (octets + size > (parts.length === 0 ? 75 : 74)) {
          parts.push(part);
          part = "";
          octets = 0;
        }
        part += char;
        octets += size;
      }
      parts.push(part);
      return parts.join("\r\n ");
    })
    .join("\r\n");
}
