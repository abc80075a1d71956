// A request's history is read in the order of its sequence numbers
// (historyEventId / historySequence), never by its dates (several events share one).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { historyEventId, historySequence } from "../../../functions/src/requests/domain/lifecycle.js";

describe("the order of a request's history", () => {
  it("reads back the number every event id carries, whatever the event", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }), fc.stringMatching(/^[a-z-]{1,20}$/), (n, event) => {
        expect(historySequence(historyEventId(n, event))).toBe(n);
      }),
    );
  });

  it("orders by number where the text would not (past 999), and puts an id without one last", () => {
    expect(historyEventId(1000, "granted") < historyEventId(999, "resubmitted")).toBe(true); // the text misorders
    expect(historySequence(historyEventId(1000, "granted"))).toBeGreaterThan(
      historySequence(historyEventId(999, "resubmitted")),
    );
    expect(historySequence("statement-added")).toBeGreaterThan(historySequence(historyEventId(99_999, "x")));
    expect(historySequence("12statement")).toBe(Number.MAX_SAFE_INTEGER);
  });
});
