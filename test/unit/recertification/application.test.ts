import { describe, expect, it } from "vitest";
import { DEFAULT_POLICY, resolvePolicy } from "../../../functions/src/logbook/domain/index.js";
import {
  checkOpening,
  cycleOf,
  feeFor,
  refusedMail,
  renewalDates,
} from "../../../functions/src/recertification/domain/application.js";
import { planRecertification } from "../../../functions/src/recertification/domain/reminders.js";
import { heldCertification } from "../../factories/recertification.js";

const policy = DEFAULT_POLICY;
const open = (today: string, fields = {}) => checkOpening(heldCertification(fields), "holder", today, policy);

describe("opening a recertification application", () => {
  it("opens exactly six months before expiry: refused the day before, with the dates", () => {
    const before = open("2029-12-14");
    expect(before).toMatchObject({ ok: false, reason: "not-yet-open" });
    expect(before.ok ? "" : before.message).toContain("from 2029-12-15 to 2030-12-15");
    expect(open("2029-12-15")).toEqual({ ok: true, opensOn: "2029-12-15", closesOn: "2030-12-15" });
  });

  it("closes six months after expiry: allowed on the last day, refused the day after with the whole process to repeat", () => {
    expect(open("2030-12-15").ok).toBe(true);
    const after = open("2030-12-16");
    expect(after).toMatchObject({ ok: false, reason: "window-closed" });
    expect(after.ok ? "" : after.message).toContain("closed on 2030-12-15");
    expect(after.ok ? "" : after.message).toContain(
      "the whole certification process (exam and logbook) must be repeated",
    );
  });

  it("a granted extension keeps the window open until its date, both sides", () => {
    expect(open("2031-03-31", { extensionGrantedUntil: "2031-03-31" }).ok).toBe(true);
    expect(open("2031-04-01", { extensionGrantedUntil: "2031-03-31" })).toMatchObject({ reason: "window-closed" });
  });

  it("an extension earlier than the regular closing date never shortens the window", () => {
    expect(open("2030-12-15", { extensionGrantedUntil: "2030-07-01" }).ok).toBe(true);
  });

  it("a lapsed certification cannot be renewed, even inside the dates: the whole process must be repeated", () => {
    const lapsed = open("2030-03-01", { status: "lapsed" });
    expect(lapsed).toMatchObject({ ok: false, reason: "lapsed" });
    expect(lapsed.ok ? "" : lapsed.message).toContain("(exam and logbook) must be repeated");
    expect(open("2030-03-01", { status: "expired" }).ok).toBe(true);
  });

  it("renewed and revoked certifications are refused; someone else's certification too", () => {
    expect(open("2030-03-01", { status: "renewed", renewedBy: "cert-2" })).toMatchObject({ reason: "renewed" });
    expect(open("2030-03-01", { status: "revoked" })).toMatchObject({ reason: "revoked" });
    expect(checkOpening(heldCertification(), "someone-else", "2030-03-01", policy)).toMatchObject({
      reason: "not-yours",
    });
    expect(checkOpening(heldCertification(), "holder", "2030-03-01", policy).ok).toBe(true);
  });
});

describe("the fee", () => {
  it("€200 for non-members and Associates, €75 for Silver members, in cents, excluding VAT", () => {
    expect(feeFor("non-member", policy)).toEqual({
      tier: "non-member",
      amountMinor: 20000,
      currency: "eur",
      label: "€200 (excluding VAT)",
    });
    expect(feeFor("associate", policy).amountMinor).toBe(20000);
    expect(feeFor("silver", policy)).toMatchObject({ amountMinor: 7500, label: "€75 (excluding VAT)" });
  });

  it("amounts and currency are policy", () => {
    const custom = resolvePolicy({ recertification: { feesExclVat: { silver: 80.5 }, currency: "CHF" } });
    if (!custom.success) throw custom.error;
    expect(feeFor("silver", custom.data)).toMatchObject({
      amountMinor: 8050,
      currency: "chf",
      label: "CHF 80.5 (excluding VAT)",
    });
  });
});

describe("the renewal", () => {
  it("runs from the previous expiry for five years, not from the decision date", () => {
    expect(renewalDates("2030-06-15", policy)).toEqual({ validFrom: "2030-06-15", expiresOn: "2035-06-15" });
  });

  it("a 29 February expiry renews to the 28th five years on", () => {
    expect(renewalDates("2028-02-29", policy).expiresOn).toBe("2033-02-28");
  });

  it("the cycle is the five years before expiry", () => {
    expect(cycleOf(heldCertification(), policy)).toEqual({ from: "2025-06-15", until: "2030-06-15", years: 5 });
  });
});

describe("a refusal says what follows", () => {
  it("inside the window (last day included): apply again before the closing date", () => {
    expect(refusedMail(["too few studies"], "2030-12-15", "2030-12-15").text).toContain(
      "you may apply again before then",
    );
  });
  it("after the window: the whole process must be repeated", () => {
    const text = refusedMail(["too few studies"], "2030-12-15", "2030-12-16").text;
    expect(text).not.toContain("apply again");
    expect(text).toContain("(exam and logbook) must be repeated");
    expect(text).toContain("- too few studies");
  });
});

describe("an open application stops the reminders; only a submitted one stops the lapse", () => {
  const cert = { ...heldCertification(), recertificationSubmitted: false };
  const opened = { ...cert, recertificationApplicationId: "recert-cert-1-1" };
  it("after the window (closing 2030-12-15), a certification lapses unless its application was submitted", () => {
    expect(planRecertification(cert, "2030-12-16", policy).actions).toEqual([{ kind: "lapse" }]);
    // No late submissions: opened in time but not submitted is not enough.
    expect(planRecertification(opened, "2030-12-16", policy)).toEqual({
      actions: [{ kind: "lapse" }],
      nextActionOn: null,
    });
    expect(planRecertification({ ...opened, recertificationSubmitted: true }, "2030-12-16", policy)).toEqual({
      actions: [],
      nextActionOn: null,
    });
  });
  it("on the window's last day an open application is not lapsed; the job looks again the day after", () => {
    expect(planRecertification(opened, "2030-12-15", policy)).toEqual({ actions: [], nextActionOn: "2030-12-16" });
  });
  it("a granted extension moves that day", () => {
    expect(planRecertification({ ...opened, extensionGrantedUntil: "2031-03-01" }, "2030-12-16", policy)).toEqual({
      actions: [],
      nextActionOn: "2031-03-02",
    });
  });
  it("inside the window, reminders stop once an application is open", () => {
    expect(planRecertification(cert, "2029-12-15", policy).actions).toContainEqual({
      kind: "remind",
      milestone: "m-6",
    });
    expect(planRecertification(opened, "2029-12-15", policy)).toEqual({ actions: [], nextActionOn: "2030-12-16" });
  });
  it("a revoked certification is never reminded nor lapsed", () => {
    expect(planRecertification({ ...cert, status: "revoked" }, "2030-12-16", policy).actions).toEqual([]);
  });
});
