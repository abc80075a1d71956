import { describe, expect, it } from "vitest";
import { addMonthsIso, daysBetween, isIsoDate, monthsBetween } from "../../../functions/src/platform/domain/dates.js";
import { latestDue, nextDate } from "../../../functions/src/platform/domain/milestones.js";
import { message } from "../../../functions/src/platform/domain/mail.js";
import { describeIssue } from "../../../functions/src/platform/domain/issues.js";

describe("dates", () => {
  it.each(["2024-02-29", "2026-12-31", "2000-02-29"])("%s is a date", (d) => expect(isIsoDate(d)).toBe(true));
  it.each([
    "2026-02-29",
    "1900-02-29",
    "2026-04-31",
    "2026-00-10",
    "2026-13-01",
    "2026-01-00",
    "2026-12-00",
    "31/02/2026",
    "2026-1-01",
    "2026-01-01T00:00",
  ])("%s is not a date", (d) => expect(isIsoDate(d)).toBe(false));

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

  it("counts calendar days between two dates, negative backwards", () => {
    expect(daysBetween("2024-02-28", "2024-03-01")).toBe(2);
    expect(daysBetween("2025-02-28", "2025-03-01")).toBe(1);
    expect(daysBetween("2025-03-01", "2025-02-28")).toBe(-1);
    expect(daysBetween("2025-03-30", "2025-03-30")).toBe(0);
  });
});

describe("milestones", () => {
  const milestones = [
    { key: "m+0", on: "2030-06-15" },
    { key: "m-6", on: "2029-12-15" },
    { key: "m-3", on: "2030-03-15" },
  ];
  it("the milestone to act on is the latest already due, whatever the order of the list", () => {
    expect(latestDue(milestones, "2029-12-14")).toBeNull();
    expect(latestDue(milestones, "2029-12-15")?.key).toBe("m-6");
    expect(latestDue(milestones, "2030-04-01")?.key).toBe("m-3");
    expect(latestDue([...milestones].reverse(), "2030-04-01")?.key).toBe("m-3");
    expect(latestDue(milestones, "2031-01-01")?.key).toBe("m+0");
  });
  it("the next date is the earliest after today, whatever the order, ignoring missing ones", () => {
    expect(nextDate(["2031-01-01", null, "2030-05-01", "2030-01-01"], "2030-01-01")).toBe("2030-05-01");
    expect(nextDate([null, "2029-01-01"], "2030-01-01")).toBeNull();
  });
});

describe("mail messages", () => {
  it("text has the paragraphs separated by blank lines; HTML has one escaped <p> per line", () => {
    expect(message("Subject", ['Fees & "dates"', "<b>bold</b>"])).toEqual({
      subject: "Subject",
      text: 'Fees & "dates"\n\n<b>bold</b>',
      html: "<p>Fees &amp; &quot;dates&quot;</p>\n<p>&lt;b&gt;bold&lt;/b&gt;</p>",
    });
  });
});

describe("validation issues", () => {
  it("read as the dotted path, a colon and the message; the message alone without a path", () => {
    expect(describeIssue({ path: ["cases", 3, "studyDate"], message: "must be a date" })).toBe(
      "cases.3.studyDate: must be a date",
    );
    expect(describeIssue({ path: [], message: "too short" })).toBe("too short");
  });
});
