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
  return value;
}
