import { describe, expect, it } from "vitest";
import { addMonthsIso, isIsoDate, monthsBetween } from "../../../functions/src/platform/domain/dates.js";

describe("dates", () => {
  it.each(["2024-02-29", "2026-12-31", "2000-02-29"])("%s is a date", (d) => expect(isIsoDate(d)).toBe(true));
  it.each(["2026-02-29", "1900-02-29", "2026-04-31", "2026-00-10", "31/02/2026", "2026-1-01", "2026-01-01T00:00"])(
    "%s is not a date",
    (d) => expect(isIsoDate(d)).toBe(false),
  );

  it("adds months the date-fns way, clamping to the month's end", () => {
    expect(addMonthsIso("2024-02-29", 12)).toBe("2025-02-28");
    expect(addMonthsIso("2024-08-31", -6)).toBe("2024-02-29");
    expect(addMonthsIso("2025-11-07", 24)).toBe("2027-11-07");
  });

  it("counts whole months plus leftover days / 30", () => {
    expect(monthsBetween("2025-01-01", "2025-04-01")).toBe(3);
    expect(monthsBetween("2025-01-01", "2025-01-16")).toBe(0.5);
    expect(monthsBetween("2025-01-31", "2025-03-01")).toBeCloseTo(1 + 1 / 30);
    expect(monthsBetween("2025-03-01", "2025-03-01")).toBe(0);
  });
});
