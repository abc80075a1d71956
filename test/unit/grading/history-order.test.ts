// The order a round's history is read in (compareHistory): events one
// transaction writes share their commit time, and their place in the round's
// life orders them, whatever their ids.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  compareHistory,
  eventRank,
  historyId,
  HISTORY_EVENTS,
  type HistoryEvent,
  type HistoryOrderKey,
} from "../../../functions/src/grading/domain/index.js";

const at = (seconds: number, nanoseconds = 0) => ({ seconds, nanoseconds });
const entry = (event: HistoryEvent, time: HistoryOrderKey["at"], submission = 1): HistoryOrderKey => ({
  id: historyId(submission, event),
  event,
  at: time,
});
const sorted = (entries: HistoryOrderKey[]) => [...entries].sort(compareHistory).map((e) => e.event);

describe("the order of a round's history", () => {
  it("puts the events of one commit in the order the round lives them, although their ids sort otherwise", () => {
    // What the assignment transaction writes, and what a decision that awards writes.
    expect(historyId(1, "assigned") < historyId(1, "submitted")).toBe(true);
    expect(sorted([entry("assigned", at(10)), entry("submitted", at(10))])).toEqual(["submitted", "assigned"]);
    expect(sorted([entry("unassigned", at(10)), entry("submitted", at(10))])).toEqual(["submitted", "unassigned"]);
    expect(sorted([entry("awarded", at(20)), entry("decided", at(20)), entry("graded", at(20))])).toEqual([
      "graded",
      "decided",
      "awarded",
    ]);
    expect(sorted([entry("referred-to-chair", at(20)), entry("graded", at(20))])).toEqual([
      "graded",
      "referred-to-chair",
    ]);
  });

  it("orders any two events of one commit by their place in HISTORY_EVENTS", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...HISTORY_EVENTS),
        fc.constantFrom(...HISTORY_EVENTS),
        fc.nat(),
        fc.nat(999_999_999),
        (a, b, s, n) => {
          const sign = Math.sign(compareHistory(entry(a, at(s, n)), entry(b, at(s, n))));
          expect(sign).toBe(a === b ? 0 : Math.sign(HISTORY_EVENTS.indexOf(a) - HISTORY_EVENTS.indexOf(b)));
        },
      ),
    );
  });

  it("lets the commit time decide between commits, to the nanosecond, whatever the events", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...HISTORY_EVENTS),
        fc.constantFrom(...HISTORY_EVENTS),
        fc.nat(),
        fc.nat(999_999_998),
        (a, b, s, n) => {
          expect(compareHistory(entry(a, at(s, n)), entry(b, at(s, n + 1)))).toBeLessThan(0);
          expect(compareHistory(entry(a, at(s + 1, 0)), entry(b, at(s, n)))).toBeGreaterThan(0);
        },
      ),
    );
    // A later submission's first event after the earlier one's last.
    expect(sorted([entry("submitted", at(30), 2), entry("awarded", at(20), 1)])).toEqual(["awarded", "submitted"]);
  });

  it("puts an entry not yet committed last, and ranks events it does not know after those it knows", () => {
    expect(sorted([entry("decided", null), entry("submitted", at(5))])).toEqual(["submitted", "decided"]);
    expect(sorted([entry("submitted", undefined), entry("awarded", at(5))])).toEqual(["awarded", "submitted"]);
    expect(eventRank("something-new")).toBe(HISTORY_EVENTS.length);
    expect(eventRank("revoked")).toBe(HISTORY_EVENTS.length - 1);
    const unknown = { id: "000-a-new-event", event: "a-new-event", at: at(10) };
    expect([unknown, entry("revoked", at(10))].sort(compareHistory).map((e) => e.event)).toEqual([
      "revoked",
      "a-new-event",
    ]);
  });

  it("is a total order: any shuffle of the same entries reads the same way", () => {
    const key = fc.record({
      id: fc.string({ minLength: 1, maxLength: 6 }),
      event: fc.constantFrom<string>(...HISTORY_EVENTS, "other"),
      at: fc.option(fc.record({ seconds: fc.nat(3), nanoseconds: fc.nat(2) }), { nil: null }),
    });
    fc.assert(
      fc.property(fc.uniqueArray(key, { selector: (k) => k.id, maxLength: 12 }), fc.nat(), (entries, seed) => {
        const shuffled = [...entries].sort(
          (x, y) => ((x.id.charCodeAt(0) * seed) % 7) - ((y.id.charCodeAt(0) * seed) % 7),
        );
        expect([...shuffled].sort(compareHistory)).toEqual([...entries].sort(compareHistory));
        for (const x of entries)
          for (const y of entries) expect(Math.sign(compareHistory(x, y))).toBe(-Math.sign(compareHistory(y, x)) || 0);
      }),
    );
  });
});
