// What the holder and the team read (refusals, mails, the report's
// requirements and findings), each with its twin on the other side of the
// limit: the recertification domain's mutation survivors, stated as the
// programme's expectations.
import { describe, expect, it } from "vitest";
import { DEFAULT_POLICY } from "../../../functions/src/logbook/domain/index.js";
import type { CmeEntry } from "../../../functions/src/logbook/domain/index.js";
import {
  applicationIdFor,
  checkOpening,
  paidMail,
  recertificationMailIds,
  refusedMail,
  renewedCertificationIdFor,
  renewedMail,
} from "../../../functions/src/recertification/domain/application.js";
import { paymentVerdict, stripePaymentVerdict } from "../../../functions/src/recertification/domain/documents.js";
import { planRecertification, reminderMail } from "../../../functions/src/recertification/domain/reminders.js";
import {
  checklistSchema,
  evaluateRecertification,
  type RecertificationContext,
} from "../../../functions/src/recertification/domain/requirements.js";
import { cycleCme as cycleCmeRule } from "../../../functions/src/recertification/domain/rules/cme.js";
import { cycleCme, fullChecklist, heldCertification, recertificationInput } from "../../factories/recertification.js";

const policy = DEFAULT_POLICY;
const evaluate = (fields: Parameters<typeof recertificationInput>[0] = {}) =>
  evaluateRecertification(recertificationInput(fields), policy);
const requirement = (id: string, fields: Parameters<typeof recertificationInput>[0] = {}) =>
  evaluate(fields).requirements.find((r) => r.id === id);
const findings = (code: string, fields: Parameters<typeof recertificationInput>[0] = {}) =>
  evaluate(fields).findings.filter((f) => f.code === code);

describe("opening refusals say why, naming the certification", () => {
  const open = (uid: string, fields = {}) => checkOpening(heldCertification(fields), uid, "2030-03-01", policy);
  it("someone else's certification", () => {
    expect(open("someone-else")).toEqual({
      ok: false,
      reason: "not-yours",
      message: "Certification cert-1 is not yours.",
    });
  });
  it("a revoked certification", () => {
    expect(open("holder", { status: "revoked" })).toEqual({
      ok: false,
      reason: "revoked",
      message: "Certification cert-1 was revoked: it cannot be renewed.",
    });
  });
  it("a renewed certification, with the renewal when it is known", () => {
    expect(open("holder", { status: "renewed", renewedBy: "cert-2" })).toEqual({
      ok: false,
      reason: "renewed",
      message: "Certification cert-1 was already renewed by cert-2.",
    });
    expect(open("holder", { status: "renewed", renewedBy: null })).toEqual({
      ok: false,
      reason: "renewed",
      message: "Certification cert-1 was already renewed.",
    });
  });
});

describe("deterministic ids (a retry finds what the first attempt wrote)", () => {
  it("one application per certification and attempt, one renewed certification per application", () => {
    expect(applicationIdFor("cert-1", 2)).toBe("recert-cert-1-2");
    expect(renewedCertificationIdFor("recert-cert-1-2")).toBe("cert-recert-cert-1-2");
  });
  it("one mail per application and event", () => {
    expect(recertificationMailIds.paid("a1")).toBe("recert-app-a1-paid");
    expect(recertificationMailIds.renewed("a1")).toBe("recert-app-a1-renewed");
    expect(recertificationMailIds.refused("a1")).toBe("recert-app-a1-refused");
  });
});

describe("the holder's mails", () => {
  it("payment received: where to upload and which documents are needed", () => {
    const mail = paidMail("recert-cert-1-1", "https://example.org/recertification/recert-cert-1-1");
    expect(mail.subject).toBe("CMR recertification: payment received, upload your documents");
    expect(mail.text.split("\n\n")).toEqual([
      "Your payment for recertification application recert-cert-1-1 has been validated.",
      "Upload your documents here: https://example.org/recertification/recert-cert-1-1",
      "You need the completed recertification checklist (CMR studies performed or reported in each year of the cycle, and the institutions), a formal letter, and the CME of the cycle with their attendance certificates. Your current certificate is already known to us.",
    ]);
  });
  it("renewed: the level, the new number and the new dates", () => {
    const mail = renewedMail(3, "CMR-L3-2030-00002", "2030-06-15", "2035-06-15");
    expect(mail.subject).toBe("CMR recertification: your Level 3 certification is renewed");
    expect(mail.text.split("\n\n")).toEqual([
      "The EACVI Certification Committee has renewed your EACVI CMR Level 3 certification.",
      "New certificate number CMR-L3-2030-00002, valid from 2030-06-15 until 2035-06-15. Your certificate (PDF) is attached and available in your account; the public register shows the new dates.",
    ]);
  });
  it("refused: says so in the subject, then the reasons", () => {
    const mail = refusedMail(["too few studies"], "2030-12-15", "2030-12-01");
    expect(mail.subject).toBe("CMR recertification: application not accepted");
    expect(mail.text.split("\n\n").slice(0, 2)).toEqual([
      "The EACVI Certification Committee did not accept your recertification application. The reasons:",
      "- too few studies",
    ]);
  });
  it("a reminder on the day of expiry says the certification expired; the day before, that it expires", () => {
    const cert = { ...heldCertification(), id: "c1" };
    expect(reminderMail(cert, "m+0", "silver", "2030-06-15", policy).text).toContain(
      "Your EACVI CMR Level 2 certification expired on 2030-06-15.",
    );
    expect(reminderMail(cert, "m+0", "silver", "2030-06-14", policy).text).toContain(
      "Your EACVI CMR Level 2 certification expires on 2030-06-15.",
    );
  });
  it("a reminder says until when to apply and that no late submission is accepted", () => {
    const mail = reminderMail(heldCertification(), "m-3", "non-member", "2030-03-15", policy);
    expect(mail.text.split("\n\n")[1]).toBe(
      "You can apply for recertification, and submit it, until 2030-12-15. No late submissions are accepted: after that date the certification lapses and the whole process (exam and logbook) must be repeated.",
    );
  });
  it("when the final notice falls on the day of a regular reminder, the final notice is sent", () => {
    // The window closes 2030-12-15; the +3 months reminder is on 2030-09-15, 91 days before.
    const sameDay = { ...policy, recertification: { ...policy.recertification, finalNoticeDaysBefore: 91 } };
    const oneDayEarlier = { ...policy, recertification: { ...policy.recertification, finalNoticeDaysBefore: 92 } };
    const cert = { ...heldCertification(), id: "c1" };
    expect(planRecertification(cert, "2030-09-15", sameDay).actions).toContainEqual({
      kind: "remind",
      milestone: "final",
    });
    expect(planRecertification(cert, "2030-09-15", oneDayEarlier).actions).toContainEqual({
      kind: "remind",
      milestone: "m+3",
    });
  });
});

describe("payment refusals say why", () => {
  const app = {
    uid: "holder",
    status: "awaiting-payment" as const,
    fee: { tier: "non-member" as const, amountMinor: 20000, currency: "eur" },
    paid: null,
  };
  const payment = {
    reference: "pi_1",
    amountMinor: 20000,
    currency: "EUR",
    method: "stripe" as const,
    recordedBy: null,
  };
  it("another account's payment", () => {
    expect(paymentVerdict(app, "other", payment, "2030-03-01")).toEqual({
      kind: "refused",
      message: "the payment was made by another account than the holder's",
    });
  });
  it("a second payment is to be refunded, naming the first", () => {
    const paid = { ...app, paid: { method: "bank-transfer" as const, reference: "TR-9" } as never };
    expect(paymentVerdict(paid, "holder", payment, "2030-03-01")).toEqual({
      kind: "duplicate",
      message: "the application is already paid (bank-transfer TR-9): this payment is to be refunded",
    });
  });
  it("an application that no longer awaits a payment", () => {
    expect(paymentVerdict({ ...app, status: "withdrawn" }, "holder", payment, "2030-03-01")).toEqual({
      kind: "refused",
      message: "the application is withdrawn: it no longer awaits a payment",
    });
  });
  it("too little paid: both amounts in minor units", () => {
    expect(paymentVerdict(app, "holder", { ...payment, amountMinor: 19999 }, "2030-03-01")).toEqual({
      kind: "refused",
      message: "paid 19999 EUR; the fee is 20000 eur (minor units)",
    });
  });
  it("a Stripe payment that has not succeeded is ignored, saying its status", () => {
    const intent = { id: "pi_1", status: "processing", amount: 20000, currency: "eur" };
    expect(stripePaymentVerdict(app, "holder", "pi_1", intent, "2030-03-01")).toEqual({
      kind: "ignore",
      why: "payment status processing",
    });
  });
});

describe("the report's requirements, met and unmet", () => {
  it("the current certificate: met while known, unmet with the reason otherwise", () => {
    const certificate = recertificationInput().certificate;
    expect(requirement("certificate")).toEqual({ id: "certificate", met: true, actual: true, required: true });
    expect(requirement("certificate", { certificate: { ...certificate, status: "lapsed" } })).toEqual({
      id: "certificate",
      met: false,
      actual: false,
      required: true,
    });
    expect(
      findings("RECERT_CERTIFICATE_UNKNOWN", { certificate: { ...certificate, status: "lapsed" } })[0].message,
    ).toBe("certification cert-1 is lapsed: it cannot be renewed");
    expect(
      findings("RECERT_CERTIFICATE_UNKNOWN", { certificate: { ...certificate, certificateNumber: null } })[0].message,
    ).toBe("certification cert-1 has no certificate number on record: the certification team must record it");
  });

  it("the letter: met once accepted, unmet while missing or unusable", () => {
    expect(requirement("letter")).toEqual({ id: "letter", met: true, actual: true, required: true });
    const unmet = { id: "letter", met: false, actual: false, required: true };
    expect(requirement("letter", { letter: null })).toEqual(unmet);
    expect(requirement("letter", { letter: { evidenceId: "ev-letter", problem: "the file was deleted" } })).toEqual(
      unmet,
    );
    expect(findings("RECERT_LETTER_MISSING", { letter: null })[0].message).toBe(
      "the formal letter is not uploaded yet",
    );
    expect(
      findings("RECERT_LETTER_UNUSABLE", { letter: { evidenceId: "ev-letter", problem: "the file was deleted" } }).map(
        (f) => f.message,
      ),
    ).toEqual(["the formal letter (evidence ev-letter): the file was deleted"]);
  });

  it("the checklist: present or not, as a requirement and a finding", () => {
    expect(requirement("checklist.present")).toEqual({
      id: "checklist.present",
      met: true,
      actual: true,
      required: true,
    });
    const missing = evaluate({ checklist: null });
    expect(missing.requirements.filter((r) => r.id.startsWith("checklist"))).toEqual([
      { id: "checklist.present", met: false, actual: false, required: true },
    ]);
    expect(missing.findings.find((f) => f.code === "RECERT_CHECKLIST_MISSING")?.message).toBe(
      "the recertification checklist is not filled in yet",
    );
  });

  it("each checklist problem names the year", () => {
    const checklist = fullChecklist();
    checklist.years[1] = { ...checklist.years[1], studies: 49 };
    checklist.years[2] = { ...checklist.years[2], institutions: [] };
    checklist.years.push({ year: 6, studies: 60, reported: 1, institutions: ["A"] });
    checklist.years.push({ year: 1, studies: 60, reported: 1, institutions: ["A"] });
    const messages = evaluate({ checklist }).findings.map((f) => [f.code, f.message]);
    expect(messages).toEqual(
      expect.arrayContaining([
        ["RECERT_CHECKLIST_YEAR_OUTSIDE_CYCLE", "year 6 is outside the 5-year cycle"],
        ["RECERT_CHECKLIST_YEAR_TWICE", "year 1 is given more than once"],
        [
          "RECERT_TOO_FEW_STUDIES",
          "year 2 (2026-06-15 to 2027-06-14): 49 CMR studies performed or reported; 50 are required",
        ],
        [
          "RECERT_INSTITUTION_MISSING",
          "year 3 (2027-06-15 to 2028-06-14): name the institution(s) where you practised CMR",
        ],
      ]),
    );
    const fourYears = { years: fullChecklist().years.filter((y) => y.year !== 4) };
    expect(findings("RECERT_CHECKLIST_YEAR_MISSING", { checklist: fourYears })).toHaveLength(1);
  });

  it("institutions per complete year: one is enough, none is not", () => {
    const checklist = fullChecklist();
    checklist.years[2] = { ...checklist.years[2], institutions: [] };
    expect(requirement("checklist.year3.institutions", { checklist })).toEqual({
      id: "checklist.year3.institutions",
      met: false,
      actual: 0,
      required: 1,
    });
    expect(requirement("checklist.year3.institutions")).toEqual({
      id: "checklist.year3.institutions",
      met: true,
      actual: 1,
      required: 1,
    });
  });

  it("a checklist year reports at most the studies it counts: equal is accepted, one more is refused", () => {
    const year = { year: 1, studies: 50, reported: 50, institutions: ["A"] };
    expect(checklistSchema.safeParse({ years: [year] }).success).toBe(true);
    const refused = checklistSchema.safeParse({ years: [{ ...year, reported: 51 }] });
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]).toMatchObject({
      path: ["years", 0, "reported"],
      message: "reported studies are part of the studies performed or reported: reported cannot exceed studies",
    });
  });
});

describe("the CME of the cycle: findings on both sides of each minimum", () => {
  const days = (n: number, credits = 8, kind: CmeEntry["kind"] = "course") =>
    Array.from({ length: n }, (_, i) =>
      cycleCme(
        {
          kind,
          credits,
          startDate: `2027-03-${String(i + 1).padStart(2, "0")}`,
          endDate: `2027-03-${String(i + 1).padStart(2, "0")}`,
        },
        `cme-${i}`,
      ),
    );
  it("50 credits in all: no finding; 49: a finding with both figures", () => {
    const fifty = [...days(6), cycleCme({ startDate: "2027-04-01", endDate: "2027-04-01", credits: 2 }, "cme-x")];
    expect(findings("RECERT_CME_TOO_FEW", { cme: fifty })).toEqual([]);
    const fortyNine = [...days(6), cycleCme({ startDate: "2027-04-01", endDate: "2027-04-01", credits: 1 }, "cme-x")];
    expect(findings("RECERT_CME_TOO_FEW", { cme: fortyNine }).map((f) => f.message)).toEqual([
      "49 CME credits in CMR count in the cycle; 50 are required",
    ]);
  });
  it("25 CMR-specific credits: no finding; 24: a finding with both figures", () => {
    const meetings = Array.from({ length: 9 }, (_, i) =>
      cycleCme(
        {
          kind: "multimodality-meeting",
          modalities: 2,
          credits: 6,
          title: `Imaging meeting ${i}`,
          startDate: `2028-02-1${i}`,
          endDate: `2028-02-1${i}`,
        },
        `m${i}`,
      ),
    );
    const specific = (credits: number) => [
      ...days(3),
      cycleCme({ credits: credits - 24, startDate: "2027-04-04", endDate: "2027-04-04" }, "s4"),
      ...meetings,
    ];
    expect(findings("RECERT_CME_TOO_FEW_CMR_SPECIFIC", { cme: specific(25) })).toEqual([]);
    expect(findings("RECERT_CME_TOO_FEW_CMR_SPECIFIC", { cme: specific(24) }).map((f) => f.message)).toEqual([
      "24 CME credits come from CMR-specific events; 25 are required",
    ]);
    expect(evaluate({ cme: specific(24) }).eligible).toBe(false);
  });
  it("an event counts as CMR-specific only when every entry of it is CMR-specific", () => {
    const context = (kinds: CmeEntry["kind"][]) =>
      ({
        policy,
        screenedCme: [{ entries: kinds.map((kind, i) => cycleCme({ kind }, `e${i}`)), credits: 30, series: [] }],
      }) as unknown as RecertificationContext;
    const specific = (kinds: CmeEntry["kind"][]) =>
      cycleCmeRule.evaluate(context(kinds)).requirements.find((r) => r.id === "cme.cmrSpecific")?.actual;
    expect(specific(["course", "cmr-meeting"])).toBe(30);
    expect(specific(["course", "general-meeting"])).toBe(0);
  });
  it("an event starting on the cycle's first day raises no warning; the day before, it does, naming it", () => {
    const first = cycleCme({ startDate: "2025-06-15", endDate: "2025-06-15" });
    expect(evaluate({ cme: [first] }).findings.filter((f) => f.severity === "warning")).toEqual([]);
    const before = cycleCme({ startDate: "2025-06-14", endDate: "2025-06-14" });
    expect(findings("RECERT_CME_BEFORE_CYCLE", { cme: [before] })).toEqual([
      expect.objectContaining({
        severity: "warning",
        message: "CME cme-a: the event started before the cycle began on 2025-06-15; credited 0",
        cmeIds: ["cme-a"],
      }),
    ]);
  });
  it("an event ending on the day of judgement raises no warning; the day after, one warning naming it", () => {
    const onTheDay = cycleCme({ startDate: "2030-03-01", endDate: "2030-03-01" });
    expect(evaluate({ cme: [onTheDay] }).findings.filter((f) => f.severity === "warning")).toEqual([]);
    const after = cycleCme({ startDate: "2030-03-02", endDate: "2030-03-02" });
    expect(evaluate({ cme: [after] }).findings.filter((f) => f.cmeIds?.includes("cme-a"))).toEqual([
      expect.objectContaining({
        code: "CME_IN_FUTURE",
        severity: "warning",
        message: "CME cme-a: the event ends on 2030-03-02, after 2030-03-01; credited 0",
        cmeIds: ["cme-a"],
      }),
    ]);
  });
  it("warnings alone do not make an application ineligible", () => {
    const report = evaluate({ cme: [...days(7), cycleCme({ startDate: "2025-06-01", endDate: "2025-06-01" }, "old")] });
    expect(report.findings.map((f) => f.severity)).toEqual(["warning"]);
    expect(report.eligible).toBe(true);
  });
});
