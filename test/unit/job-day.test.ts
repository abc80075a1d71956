// The day a scheduled run works on: chosen only on the emulators.
import { describe, expect, it } from "vitest";
import { jobDay } from "../../functions/src/platform/jobs/run-job.js";

const NOW = new Date("2026-11-30T05:00:00.000Z"); // 06:00 in Paris

describe("jobDay", () => {
  it("in production, is today in Paris whatever schedule time the request claims", () => {
    expect(jobDay("2030-06-15T06:00:00.000Z", NOW, false)).toBe("2026-11-30");
    expect(jobDay(undefined, NOW, false)).toBe("2026-11-30");
  });

  it("in production, follows the Paris calendar, not UTC", () => {
    expect(jobDay(undefined, new Date("2026-11-30T23:30:00.000Z"), false)).toBe("2026-12-01");
  });

  it("on the emulators, is the day of the schedule time in Paris", () => {
    expect(jobDay("2030-06-15T06:00:00.000Z", NOW, true)).toBe("2030-06-15");
    expect(jobDay("2030-06-14T22:30:00.000Z", NOW, true)).toBe("2030-06-15");
  });

  it("on the emulators, without a usable schedule time, is today", () => {
    expect(jobDay(undefined, NOW, true)).toBe("2026-11-30");
    expect(jobDay("next tuesday", NOW, true)).toBe("2026-11-30");
  });
});
