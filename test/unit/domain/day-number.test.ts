import { describe, expect, it } from "vitest";
import { dayNumber } from "../../../functions/src/logbook/domain/day-number.js";

describe("calendar days as numbers", () => {
  it("counts days since 1970-01-01", () => {
    expect(dayNumber("1970-01-01")).toBe(0);
    expect(dayNumber("1970-02-01")).toBe(31);
    expect(dayNumber("2026-01-31")).toBe(20484);
  });

  it("crosses month ends by the real length of the month (29 days in February 2024, 28 in 2026)", () => {
    expect(dayNumber("2024-03-01") - dayNumber("2024-02-28")).toBe(2);
    expect(dayNumber("2026-03-01") - dayNumber("2026-02-28")).toBe(1);
    expect(dayNumber("2026-05-01") - dayNumber("2026-04-30")).toBe(1);
  });
});
