// Retention decisions (docs/privacy.md): both sides of every limit.
import { describe, expect, it } from "vitest";
import { DEFAULT_POLICY } from "../../functions/src/platform/domain/policy.js";
import {
  applicationOnRequest,
  applicationRetention,
  certificationOnRequest,
  evidenceOnRequest,
  evidenceRetention,
  type ApplicationFacts,
} from "../../functions/src/privacy/domain/retention.js";

const r = DEFAULT_POLICY.retention;
const app = (over: Partial<ApplicationFacts>): ApplicationFacts => ({
  status: "draft",
  withdrawnOn: null,
  expiredOn: null,
  decidedOn: null,
  lastActivityOn: "2026-01-15",
  ...over,
});

describe("the retention numbers", () => {
  it("are the ones docs/privacy.md states", () => {
    expect(r).toEqual({
      withdrawnApplicationMonths: 12,
      closedDraftMonths: 12,
      inactiveDraftMonths: 36,
      unreferencedEvidenceDays: 30,
      decisionYears: 10,
      certificationYearsAfterEnd: 10,
      auditYears: 10,
    });
  });
});

describe("applications, daily", () => {
  it("a withdrawn application goes 12 months after the withdrawal, not a day before", () => {
    const withdrawn = app({ status: "withdrawn", withdrawnOn: "2026-03-10" });
    expect(applicationRetention(withdrawn, "2027-03-09", r)).toMatchObject({ erase: false, until: "2027-03-10" });
    expect(applicationRetention(withdrawn, "2027-03-10", r).erase).toBe(true);
  });

  it("a draft closed by the logbook deadline goes 12 months after closing", () => {
    const closed = app({ status: "expired", expiredOn: "2026-02-28" });
    expect(applicationRetention(closed, "2027-02-27", r).erase).toBe(false);
    expect(applicationRetention(closed, "2027-02-28", r).erase).toBe(true);
  });

  it("a draft goes after 36 months without activity, counted from its latest write", () => {
    const draft = app({ lastActivityOn: "2026-01-15" });
    expect(applicationRetention(draft, "2029-01-14", r).erase).toBe(false);
    expect(applicationRetention(draft, "2029-01-15", r).erase).toBe(true);
  });

  it("an application under review is never erased by the job", () => {
    for (const status of ["submitted", "returned"]) {
      expect(applicationRetention(app({ status }), "2099-01-01", r)).toMatchObject({ erase: false, until: null });
    }
  });

  it("a decided application goes 10 years after the decision, whatever was written since", () => {
    for (const status of ["passed", "failed"]) {
      const decided = app({ status, decidedOn: "2026-05-01", lastActivityOn: "2026-09-01" });
      expect(applicationRetention(decided, "2036-04-30", r)).toMatchObject({ erase: false, until: "2036-05-01" });
      expect(applicationRetention(decided, "2036-05-01", r).erase).toBe(true);
    }
  });

  it("a decided application without its decision date counts from its latest write", () => {
    const decided = app({ status: "failed", lastActivityOn: "2026-05-01" });
    expect(applicationRetention(decided, "2036-04-30", r).erase).toBe(false);
    expect(applicationRetention(decided, "2036-05-01", r).erase).toBe(true);
  });

  it("an unknown status is kept, never guessed at", () => {
    expect(applicationRetention(app({ status: "archived" }), "2099-01-01", r)).toMatchObject({
      erase: false,
      until: null,
    });
    expect(applicationOnRequest(app({ status: "archived" }), r)).toMatchObject({ erase: false, until: null });
  });

  it("without a withdrawal date, the latest activity stands in for it", () => {
    const withdrawn = app({ status: "withdrawn", lastActivityOn: "2026-01-15" });
    expect(applicationRetention(withdrawn, "2027-01-14", r).erase).toBe(false);
    expect(applicationRetention(withdrawn, "2027-01-15", r).erase).toBe(true);
  });
});

describe("applications, on request", () => {
  it("drafts, withdrawn and closed applications go at once", () => {
    for (const status of ["draft", "withdrawn", "expired"])
      expect(applicationOnRequest(app({ status }), r).erase).toBe(true);
  });

  it("an application under review is kept while the committee works on it", () => {
    expect(applicationOnRequest(app({ status: "submitted" }), r)).toMatchObject({ erase: false, until: null });
  });

  it("a decided application is kept 10 years from the decision: a certification decision rests on it", () => {
    const verdict = applicationOnRequest(
      app({ status: "failed", decidedOn: "2026-05-01", lastActivityOn: "2026-07-01" }),
      r,
    );
    expect(verdict).toMatchObject({ erase: false, until: "2036-05-01" });
    expect(verdict.reason).toContain("decision");
  });
});

describe("evidence", () => {
  const checked = { checkedOn: "2026-06-01", frozen: false, referenced: false };

  it("unreferenced evidence goes 30 days after its check", () => {
    expect(evidenceRetention(checked, "2026-06-30", r).erase).toBe(false);
    expect(evidenceRetention(checked, "2026-07-01", r).erase).toBe(true);
  });

  it("referenced or submitted evidence is kept however old", () => {
    expect(evidenceRetention({ ...checked, referenced: true }, "2099-01-01", r).erase).toBe(false);
    expect(evidenceRetention({ ...checked, frozen: true }, "2099-01-01", r).erase).toBe(false);
  });

  it("on request, everything but what a submission rests on goes", () => {
    expect(evidenceOnRequest({ ...checked, referenced: true }).erase).toBe(true);
    expect(evidenceOnRequest({ ...checked, frozen: true }).erase).toBe(false);
  });
});

describe("certifications", () => {
  it("are kept 10 years after they end (lapse, or expiry)", () => {
    expect(certificationOnRequest({ status: "active", expiresOn: "2030-06-15", lapsedOn: null }, r)).toMatchObject({
      erase: false,
      until: "2040-06-15",
    });
    expect(
      certificationOnRequest({ status: "lapsed", expiresOn: "2030-06-15", lapsedOn: "2030-12-16" }, r),
    ).toMatchObject({ erase: false, until: "2040-12-16" });
  });
});

// The reason is what the erasure log and the person asking read: each verdict
// names its ground, and an erasure at the end of a retention names the day.
describe("every verdict says why", () => {
  const ev = { checkedOn: "2026-06-01", frozen: false, referenced: false };
  // Thunks: each verdict is computed inside its own test, so that a mutant is
  // active when it is computed (not at collection time).
  const cases: [string, () => { reason: string }, string][] = [
    [
      "withdrawn, kept",
      () => applicationRetention(app({ status: "withdrawn", withdrawnOn: "2026-02-01" }), "2026-03-01", r),
      "withdrawn application",
    ],
    [
      "withdrawn, erased",
      () => applicationRetention(app({ status: "withdrawn", withdrawnOn: "2026-02-01" }), "2027-02-01", r),
      "withdrawn application: retention ended on 2027-02-01",
    ],
    [
      "expired",
      () => applicationRetention(app({ status: "expired", expiredOn: "2026-02-01" }), "2026-03-01", r),
      "draft closed by the logbook deadline",
    ],
    ["inactive draft", () => applicationRetention(app({ status: "draft" }), "2026-03-01", r), "draft without activity"],
    [
      "under review",
      () => applicationRetention(app({ status: "returned" }), "2026-03-01", r),
      "under review by the committee",
    ],
    [
      "unknown status",
      () => applicationRetention(app({ status: "archived" }), "2026-03-01", r),
      'status "archived" is not covered by the retention rules',
    ],
    [
      "decided, kept",
      () => applicationRetention(app({ status: "passed", decidedOn: "2026-02-01" }), "2026-03-01", r),
      "the logbook a certification decision rests on",
    ],
    ["draft on request", () => applicationOnRequest(app({ status: "draft" }), r), "never submitted"],
    [
      "withdrawn on request",
      () => applicationOnRequest(app({ status: "withdrawn" }), r),
      "withdrawn: no decision rests on it",
    ],
    ["expired on request", () => applicationOnRequest(app({ status: "expired" }), r), "closed by the logbook deadline"],
    [
      "frozen evidence",
      () => evidenceRetention({ ...ev, frozen: true }, "2026-06-02", r),
      "part of a submitted application",
    ],
    [
      "referenced evidence",
      () => evidenceRetention({ ...ev, referenced: true }, "2026-06-02", r),
      "referenced by the logbook or the profile",
    ],
    ["unreferenced evidence", () => evidenceRetention(ev, "2026-06-02", r), "evidence no longer referenced"],
    ["frozen evidence on request", () => evidenceOnRequest({ ...ev, frozen: true }), "part of a submitted application"],
    ["evidence on request", () => evidenceOnRequest(ev), "not part of a submission"],
    [
      "certification",
      () => certificationOnRequest({ status: "active", expiresOn: "2030-06-15", lapsedOn: null }, r),
      "a certification is a record of the programme",
    ],
  ];
  it.each(cases)("%s", (_what, verdict, ground) => expect(verdict().reason).toContain(ground));
});
