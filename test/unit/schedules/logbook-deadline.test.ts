import { describe, expect, it } from "vitest";
import { DEFAULT_POLICY } from "../../../functions/src/logbook/domain/index.js";
import {
  logbookDeadline,
  planLogbookDeadline,
  type ExamResult,
} from "../../../functions/src/logbook/domain/deadline.js";

const exam = (fields: Partial<ExamResult> = {}): ExamResult => ({
  id: "e1",
  uid: "u1",
  passed: true,
  sittingDate: "2025-11-07",
  resultDate: "2025-12-19",
  status: "passed",
  logbookSubmittedOn: null,
  extensionGrantedUntil: null,
  ...fields,
});
const plan = (today: string, fields: Partial<ExamResult> = {}) =>
  planLogbookDeadline(exam(fields), today, DEFAULT_POLICY);

describe("logbook deadline", () => {
  it("is the results date + 24 months, or a later granted extension", () => {
    expect(logbookDeadline(exam(), DEFAULT_POLICY)).toBe("2027-12-19");
    expect(logbookDeadline(exam({ extensionGrantedUntil: "2028-06-30" }), DEFAULT_POLICY)).toBe("2028-06-30");
  });

  it.each([
    ["2027-06-18", []],
    ["2027-06-19", [{ kind: "remind", milestone: "m-6" }]],
    ["2027-09-19", [{ kind: "remind", milestone: "m-3" }]],
    ["2027-11-18", [{ kind: "remind", milestone: "m-3" }]],
    ["2027-11-19", [{ kind: "remind", milestone: "m-1" }]],
    ["2027-12-12", [{ kind: "remind", milestone: "d-7" }]],
    ["2027-12-19", [{ kind: "remind", milestone: "d-7" }]],
    ["2027-12-20", [{ kind: "expire" }]],
  ])("on %s: %j", (today, actions) => {
    expect(plan(today).actions).toEqual(actions);
  });

  it("catch-up: three months of missed runs send only the latest reminder", () => {
    expect(plan("2027-11-25").actions).toEqual([{ kind: "remind", milestone: "m-1" }]);
  });

  it("nothing to do for a failed exam, a submitted logbook or an expired pass", () => {
    expect(plan("2027-12-20", { passed: false })).toEqual({ actions: [], nextActionOn: null });
    expect(plan("2027-12-20", { logbookSubmittedOn: "2027-01-01" })).toEqual({ actions: [], nextActionOn: null });
    expect(plan("2028-01-20", { status: "expired-for-logbook" })).toEqual({ actions: [], nextActionOn: null });
  });

  it("the next date to look is the next milestone, then the day after the deadline", () => {
    expect(plan("2026-01-01").nextActionOn).toBe("2027-06-19");
    expect(plan("2027-12-12").nextActionOn).toBe("2027-12-20");
  });
});
