import { describe, expect, it } from "vitest";
import { DEFAULT_POLICY } from "../../../functions/src/logbook/domain/index.js";
import {
  logbookDeadline,
  logbookExpiredMail,
  logbookMailIds,
  logbookMilestones,
  logbookReminderMail,
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

describe("logbook deadline mails", () => {
  it("one mail per exam result and milestone, and one when the deadline passes", () => {
    expect(logbookMailIds.reminder("e1", "m-6")).toBe("logbook-e1-m-6");
    expect(logbookMailIds.expired("e1")).toBe("logbook-e1-expired");
  });

  it("a reminder gives the deadline, the exam and how to ask for an extension before it", () => {
    const mail = logbookReminderMail(exam({ extensionGrantedUntil: "2028-06-30" }), DEFAULT_POLICY);
    expect(mail.subject).toBe("Reminder: submit your CMR logbook by 2028-06-30");
    expect(mail.text.split("\n\n")).toEqual([
      "You passed the EACVI CMR exam of 2025-11-07. Your logbook must be submitted by 2028-06-30.",
      "No late submissions are accepted: after that date the exam must be repeated. Extensions (parental leave, less-than-full-time work, illness) must be requested before the deadline, with a signed letter from your supervisor.",
    ]);
  });

  it("the expiry mail says the exam must be repeated and that the draft's content is kept", () => {
    const mail = logbookExpiredMail(exam(), DEFAULT_POLICY);
    expect(mail.subject).toBe("Your CMR logbook deadline has passed");
    expect(mail.text.split("\n\n")).toEqual([
      "The deadline to submit the logbook for the EACVI CMR exam of 2025-11-07 was 2027-12-19. No logbook was submitted, so the exam must be repeated before applying for certification.",
      "Your draft application has been closed; its content is kept.",
    ]);
  });

  it("milestones: 6, 3 and 1 month(s) and 7 days before the deadline, in date order whatever the policy's order", () => {
    expect(logbookMilestones(exam(), DEFAULT_POLICY)).toEqual([
      { key: "m-6", on: "2027-06-19" },
      { key: "m-3", on: "2027-09-19" },
      { key: "m-1", on: "2027-11-19" },
      { key: "d-7", on: "2027-12-12" },
    ]);
    const shuffled = { ...DEFAULT_POLICY, logbookReminders: { monthsBefore: [1, 6], daysBefore: [40, 7] } };
    expect(logbookMilestones(exam(), shuffled).map((m) => m.key)).toEqual(["m-6", "d-40", "m-1", "d-7"]);
  });
});
