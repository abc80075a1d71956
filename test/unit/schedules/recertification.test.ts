import { describe, expect, it } from "vitest";
import { DEFAULT_POLICY } from "../../../functions/src/logbook/domain/index.js";
import {
  planRecertification,
  recertificationFee,
  recertificationMilestones,
  recertificationWindow,
  reminderMail,
  lapsedMail,
  mailIds,
  type Certification,
} from "../../../functions/src/recertification/domain/reminders.js";

const policy = DEFAULT_POLICY;
const cert = (fields: Partial<Certification> = {}): Certification => ({
  id: "c1",
  uid: "u1",
  level: 2,
  expiresOn: "2030-06-15",
  status: "active",
  recertificationSubmitted: false,
  extensionGrantedUntil: null,
  ...fields,
});
const plan = (today: string, fields: Partial<Certification> = {}) => planRecertification(cert(fields), today, policy);
const reminders = (today: string, fields: Partial<Certification> = {}) =>
  plan(today, fields)
    .actions.filter((a) => a.kind === "remind")
    .map((a) => (a as { milestone: string }).milestone);

describe("the recertification window", () => {
  it("runs from 6 months before to 6 months after expiry", () => {
    expect(recertificationWindow(cert(), policy)).toEqual({ opensOn: "2029-12-15", closesOn: "2030-12-15" });
  });

  it("a granted extension moves the closing date, never earlier", () => {
    expect(recertificationWindow(cert({ extensionGrantedUntil: "2031-03-31" }), policy).closesOn).toBe("2031-03-31");
    expect(recertificationWindow(cert({ extensionGrantedUntil: "2030-07-01" }), policy).closesOn).toBe("2030-12-15");
  });

  it("milestones: -6, -3, 0, +3 months and a final notice 2 weeks before closing", () => {
    expect(recertificationMilestones(cert(), policy)).toEqual([
      { key: "m-6", on: "2029-12-15" },
      { key: "m-3", on: "2030-03-15" },
      { key: "m+0", on: "2030-06-15" },
      { key: "m+3", on: "2030-09-15" },
      { key: "final", on: "2030-12-01" },
    ]);
  });

  it("a leap-day expiry keeps its milestones on real dates", () => {
    expect(recertificationMilestones(cert({ expiresOn: "2028-02-29" }), policy).map((m) => m.on)).toEqual([
      "2027-08-29",
      "2027-11-29",
      "2028-02-29",
      "2028-05-29",
      "2028-08-15",
    ]);
  });
});

describe("reminders: the day before, the day of, the day after each milestone", () => {
  it.each([
    ["2029-12-14", []],
    ["2029-12-15", ["m-6"]],
    ["2029-12-16", ["m-6"]],
    ["2030-03-14", ["m-6"]],
    ["2030-03-15", ["m-3"]],
    ["2030-06-14", ["m-3"]],
    ["2030-06-15", ["m+0"]],
    ["2030-09-15", ["m+3"]],
    ["2030-11-30", ["m+3"]],
    ["2030-12-01", ["final"]],
    ["2030-12-15", ["final"]],
  ])("on %s the reminder due is %j", (today, expected) => {
    expect(reminders(today)).toEqual(expected);
  });

  it("catch-up: after days without a run, only the latest milestone is sent (no -6 months mail at -2 months)", () => {
    expect(reminders("2030-04-15")).toEqual(["m-3"]);
  });

  it("no reminders once a recertification is submitted", () => {
    expect(plan("2030-03-15", { recertificationSubmitted: true })).toEqual({ actions: [], nextActionOn: null });
  });
});

describe("expiries", () => {
  it("the day before expiry it is still active; on the day it expires", () => {
    expect(plan("2030-06-14").actions).not.toContainEqual({ kind: "expire" });
    expect(plan("2030-06-15").actions).toContainEqual({ kind: "expire" });
    expect(plan("2030-06-16", { status: "expired" }).actions).not.toContainEqual({ kind: "expire" });
  });

  it("the last day of the window is still open; the day after it lapses", () => {
    expect(plan("2030-12-15", { status: "expired" }).actions).toEqual([{ kind: "remind", milestone: "final" }]);
    expect(plan("2030-12-16", { status: "expired" })).toEqual({ actions: [{ kind: "lapse" }], nextActionOn: null });
  });

  it("catch-up: a certification never seen expired lapses directly", () => {
    expect(plan("2031-02-01").actions).toEqual([{ kind: "lapse" }]);
  });

  it("an extension postpones the lapse to its last day", () => {
    expect(plan("2031-03-31", { status: "expired", extensionGrantedUntil: "2031-03-31" }).actions).not.toContainEqual({
      kind: "lapse",
    });
    expect(plan("2031-04-01", { status: "expired", extensionGrantedUntil: "2031-03-31" }).actions).toEqual([
      { kind: "lapse" },
    ]);
  });

  it("a lapsed or renewed certification has nothing more to do", () => {
    expect(plan("2031-01-01", { status: "lapsed" })).toEqual({ actions: [], nextActionOn: null });
    expect(plan("2030-07-01", { status: "renewed" })).toEqual({ actions: [], nextActionOn: null });
  });
});

describe("the next date to look again", () => {
  it.each([
    ["2025-01-01", "2029-12-15"],
    ["2029-12-15", "2030-03-15"],
    ["2030-06-14", "2030-06-15"],
    ["2030-12-01", "2030-12-16"],
  ])("on %s it is %s", (today, next) => {
    expect(plan(today).nextActionOn).toBe(next);
  });
});

describe("fees", () => {
  it("€200 for non-members and Associates, €75 for Silver members, excluding VAT", () => {
    expect(recertificationFee("non-member", policy)).toBe("€200 (excluding VAT)");
    expect(recertificationFee("associate", policy)).toBe("€200 (excluding VAT)");
    expect(recertificationFee("silver", policy)).toBe("€75 (excluding VAT)");
  });

  it("each reminder states the deadline and the holder's fee", () => {
    const mail = reminderMail(cert(), "m-3", "silver", "2030-03-15", policy);
    expect(mail.subject).toBe("Reminder: apply for CMR recertification by 2030-12-15");
    expect(mail.text).toContain("€75 (excluding VAT)");
    expect(mail.text).toContain("expires on 2030-06-15");
    expect(mail.html).toContain("<p>");
  });
});

describe("recertification mails and milestones, worked out by hand", () => {
  it("milestones come in date order even when the final notice falls before the last reminder", () => {
    const early = {
      ...policy,
      recertification: { ...policy.recertification, finalNoticeDaysBefore: 120 },
    };
    const dates = recertificationMilestones(cert(), early).map((m) => m.on);
    expect(dates).toEqual([...dates].sort());
    expect(recertificationMilestones(cert(), early).map((m) => m.key)).toEqual(["m-6", "m-3", "m+0", "final", "m+3"]);
  });
  it("a fee in another currency is written with its code", () => {
    const chf = { ...policy, recertification: { ...policy.recertification, currency: "CHF" } };
    expect(recertificationFee("silver", chf)).toMatch(/^CHF \d+ \(excluding VAT\)$/);
    expect(recertificationFee("silver", policy)).toMatch(/^€\d+ \(excluding VAT\)$/);
  });
  it("one mail per certification and milestone, and one when it lapses", () => {
    expect(mailIds.reminder("c1", "m-6")).toBe("recert-c1-m-6");
    expect(mailIds.lapsed("c1")).toBe("recert-c1-lapsed");
  });
  it("after expiry the reminder says it expired; the final notice says so in its subject", () => {
    // The window closes 6 months after expiry (2030-06-15 + 6 months).
    const mail = reminderMail(cert(), "final", "non-member", "2030-12-01", policy);
    expect(mail.subject).toBe("Final notice: apply for CMR recertification by 2030-12-15");
    expect(mail.text).toContain("Your EACVI CMR Level 2 certification expired on 2030-06-15.");
  });
  it("the lapse mail says when the window closed and that the whole process must be repeated", () => {
    const mail = lapsedMail(cert(), policy);
    expect(mail.subject).toBe("Your CMR Level 2 certification has lapsed");
    expect(mail.text).toContain("The recertification window closed on 2030-12-15");
    expect(mail.text).toContain("the exam and the logbook");
  });
});
