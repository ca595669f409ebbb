import { test } from "node:test";
import assert from "node:assert/strict";
import ICAL from "ical.js";
import { calendar, foldOctets } from "../calendar.js";

const plan = {
  name: "Closer",
  events: [
    {
      title: "Pregunta por su mundo interior, con calma y sin prisa, una vez a la semana",
      description: "Elige un momento tranquilo. Pregúntale qué le ilusiona, qué le preocupa y qué sueña últimamente.\n\nDe tu plan de Closer para «Empatía».\nhttps://example.org/closer/#/plan",
      url: "https://example.org/closer/#/plan",
      start: [2026, 12, 7, 19, 30],
      minutes: 15,
      repeat: { every: "week", count: 2 },
    },
    { title: "Re-check", description: "Two weeks are up.", url: "https://example.org/closer/#/plan/recheck", start: [2026, 12, 20, 19, 30], minutes: 15, repeat: null },
  ],
};

test("every line of the calendar file is at most 75 octets, accents included, and reads back whole", () => {
  const text = calendar(JSON.stringify(plan));
  for (const line of text.split("\r\n")) assert.ok(new TextEncoder().encode(line).length <= 75, line);
  const events = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents("vevent").map((e) => new ICAL.Event(e));
  assert.equal(events.length, 2);
  assert.equal(events[0].summary, plan.events[0].title);
  assert.equal(events[0].description, plan.events[0].description);
  assert.equal(events[0].startDate.toString(), "2026-12-07T19:30:00");
  assert.equal(events[0].component.getFirstPropertyValue("rrule").toString(), "FREQ=WEEKLY;COUNT=2");
  assert.equal(events[1].component.getFirstPropertyValue("rrule"), null);
});

test("folding never splits a character and leaves short lines alone", () => {
  assert.equal(foldOctets("SUMMARY:short"), "SUMMARY:short");
  const folded = foldOctets(`DESCRIPTION:${"é".repeat(60)}`);
  const lines = folded.split("\r\n");
  assert.ok(lines.length > 1 && lines.slice(1).every((l) => l.startsWith(" ")));
  assert.equal(folded.replace(/\r\n /g, ""), `DESCRIPTION:${"é".repeat(60)}`);
});
