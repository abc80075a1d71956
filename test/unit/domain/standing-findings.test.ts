// What the candidate and the committee read about the candidate's standing,
// the exam and the supervisor's declaration: each finding's whole message with
// its figures, and each yes/no requirement (id, met, actual, required) on both
// sides of its limit.
import { describe, expect, it } from "vitest";
import { validateApplication, type Bundle } from "../../../functions/src/logbook/domain/index.js";
import { EXAM, makeBundle, SUPERVISOR_ID } from "../../factories/bundle.js";
import { findingsOf, requirementOf } from "../../factories/report.js";

const yes = (id: string) => ({ id, met: true, actual: true, required: true });
const no = (id: string) => ({ id, met: false, actual: false, required: true });
const fails = (code: string, message: string) => [{ code, severity: "error", message }];

const withCandidate = (changes: Partial<Bundle["candidate"]>, route: Bundle["route"] = "level2") =>
  validateApplication(makeBundle(route, { candidate: { ...makeBundle(route).candidate, ...changes } }));

describe("physician registration: what the report says", () => {
  it("valid on asOf meets the requirement, with no finding", () => {
    const report = withCandidate({ physicianRegistration: { validUntil: "2026-06-01" } });
    expect(requirementOf(report, "registration")).toEqual(yes("registration"));
    expect(findingsOf(report, "REGISTRATION_NOT_VALID")).toEqual([]);
  });

  it("expired the day before asOf names its last day", () => {
    const report = withCandidate({ physicianRegistration: { validUntil: "2026-05-31" } });
    expect(requirementOf(report, "registration")).toEqual(no("registration"));
    expect(findingsOf(report, "REGISTRATION_NOT_VALID")).toEqual(
      fails("REGISTRATION_NOT_VALID", "the physician registration expired on 2026-05-31"),
    );
  });

  it("none recorded says so", () => {
    const report = withCandidate({ physicianRegistration: null });
    expect(requirementOf(report, "registration")).toEqual(no("registration"));
    expect(findingsOf(report, "REGISTRATION_NOT_VALID")).toEqual(
      fails("REGISTRATION_NOT_VALID", "no current physician registration is recorded"),
    );
  });
});

describe("advanced life support: what the report says", () => {
  const withAcls = (acls: Bundle["candidate"]["acls"]) => withCandidate({ acls });

  it("a certificate valid on asOf, uploaded, meets the requirement", () => {
    const report = withAcls({ kind: "certificate", validUntil: "2026-06-01", evidenceId: "ev" });
    expect(requirementOf(report, "acls")).toEqual(yes("acls"));
    expect(findingsOf(report, "ACLS_MISSING")).toEqual([]);
  });

  it("routine practice with its documented evidence meets the requirement", () => {
    const report = withAcls({ kind: "routine-practice", validUntil: null, evidenceId: "ev-letter" });
    expect(requirementOf(report, "acls")).toEqual(yes("acls"));
  });

  it.each([
    [null, "no ACLS certificate or evidence of advanced life support in routine practice"],
    [{ kind: "certificate", validUntil: "2026-05-31", evidenceId: "ev" }, "the ACLS certificate expired on 2026-05-31"],
    [{ kind: "certificate", validUntil: null, evidenceId: "ev" }, "the ACLS certificate has no validity date"],
    [
      { kind: "certificate", validUntil: "2026-06-01", evidenceId: null },
      "the ACLS certificate is not uploaded (evidenceId)",
    ],
    [
      { kind: "routine-practice", validUntil: null, evidenceId: null },
      "advanced life support in routine practice needs documented evidence",
    ],
  ] as const)("%j is ACLS_MISSING: %s", (acls, message) => {
    const report = withAcls(acls === null ? null : { ...acls });
    expect(requirementOf(report, "acls")).toEqual(no("acls"));
    expect(findingsOf(report, "ACLS_MISSING")).toEqual(fails("ACLS_MISSING", message));
  });
});

describe("level 2 certification (level 3 via level 2): what the report says", () => {
  const level2 = (expiresOn: string) => ({ awardedOn: "2021-06-01", expiresOn, caseKeys: [], cmeIds: [] });

  it("expiring on asOf is current", () => {
    const report = withCandidate({ level2: level2("2026-06-01") }, "level3-via-level2");
    expect(requirementOf(report, "level2.current")).toEqual(yes("level2.current"));
  });

  it("expired the day before names its last day", () => {
    const report = withCandidate({ level2: level2("2026-05-31") }, "level3-via-level2");
    expect(requirementOf(report, "level2.current")).toEqual(no("level2.current"));
    expect(findingsOf(report, "LEVEL2_CERTIFICATION_EXPIRED")).toEqual(
      fails("LEVEL2_CERTIFICATION_EXPIRED", "the Level 2 certification expired on 2026-05-31"),
    );
  });

  it("none says the route needs one", () => {
    const report = withCandidate({ level2: null }, "level3-via-level2");
    expect(requirementOf(report, "level2.current")).toEqual(no("level2.current"));
    expect(findingsOf(report, "LEVEL2_CERTIFICATION_REQUIRED")).toEqual(
      fails("LEVEL2_CERTIFICATION_REQUIRED", "this route needs a current Level 2 certification"),
    );
  });
});

describe("the exam: what the report says", () => {
  it("a passed exam meets the requirement", () => {
    expect(requirementOf(validateApplication(makeBundle("level2")), "exam.passed")).toEqual(yes("exam.passed"));
  });

  it("a failed exam names its sitting; no exam says none is recorded", () => {
    const failed = validateApplication(makeBundle("level2", { exam: { ...EXAM, passed: false } }));
    expect(requirementOf(failed, "exam.passed")).toEqual(no("exam.passed"));
    expect(findingsOf(failed, "EXAM_NOT_PASSED")).toEqual(
      fails("EXAM_NOT_PASSED", "the exam of 2025-11-07 was not passed"),
    );
    const none = validateApplication(makeBundle("level3-direct", { exam: null }));
    expect(requirementOf(none, "exam.passed")).toEqual(no("exam.passed"));
    expect(findingsOf(none, "EXAM_NOT_PASSED")).toEqual(fails("EXAM_NOT_PASSED", "no exam result is recorded"));
  });

  it("the submission deadline (results 2025-12-19 + 24 months) is met on its day and names itself the day after", () => {
    const onTheDay = validateApplication(makeBundle("level2", { asOf: "2027-12-19" }));
    expect(requirementOf(onTheDay, "logbook.deadline")).toEqual(yes("logbook.deadline"));
    const late = validateApplication(makeBundle("level2", { asOf: "2027-12-20" }));
    expect(requirementOf(late, "logbook.deadline")).toEqual(no("logbook.deadline"));
    expect(findingsOf(late, "LOGBOOK_SUBMISSION_DEADLINE_PASSED")).toEqual(
      fails(
        "LOGBOOK_SUBMISSION_DEADLINE_PASSED",
        "the logbook had to be submitted by 2027-12-19; the exam must be repeated (or an extension requested before the deadline)",
      ),
    );
  });

  it("a granted extension is the deadline the finding names", () => {
    const late = validateApplication(makeBundle("level2", { asOf: "2028-04-01", extensionGrantedUntil: "2028-03-31" }));
    expect(findingsOf(late, "LOGBOOK_SUBMISSION_DEADLINE_PASSED")[0].message).toBe(
      "the logbook had to be submitted by 2028-03-31; the exam must be repeated (or an extension requested before the deadline)",
    );
  });
});

describe("the supervisor's declaration: what the report says", () => {
  const declared = (signedOn: string, supervisorId = SUPERVISOR_ID) =>
    validateApplication(makeBundle("level2", { supervisorDeclaration: { supervisorId, signedOn } }));

  it("signed between the last case and asOf by a Level 3 supervisor meets the requirement", () => {
    expect(requirementOf(declared("2026-05-20"), "supervisorDeclaration")).toEqual(yes("supervisorDeclaration"));
  });

  it("not signed yet", () => {
    const report = validateApplication(makeBundle("level2", { supervisorDeclaration: null }));
    expect(requirementOf(report, "supervisorDeclaration")).toEqual(no("supervisorDeclaration"));
    expect(findingsOf(report, "SUPERVISOR_DECLARATION_MISSING")).toEqual(
      fails("SUPERVISOR_DECLARATION_MISSING", "the supervisor's declaration is not signed yet"),
    );
  });

  it("dated after asOf names both dates", () => {
    const report = declared("2026-06-02");
    expect(requirementOf(report, "supervisorDeclaration")).toEqual(no("supervisorDeclaration"));
    expect(findingsOf(report, "SUPERVISOR_DECLARATION_IN_FUTURE")).toEqual(
      fails("SUPERVISOR_DECLARATION_IN_FUTURE", "the declaration is dated 2026-06-02, after 2026-06-01"),
    );
  });

  it("dated before the last case names the last case's date, wherever that case is in the list", () => {
    // The level 2 bundle's cases run from 2025-01-01 to 2025-05-30; the last
    // case is moved to the front so that the latest date is not the last one read.
    const bundle = makeBundle("level2", {
      supervisorDeclaration: { supervisorId: SUPERVISOR_ID, signedOn: "2025-05-29" },
    });
    bundle.cases.unshift(bundle.cases.pop()!);
    const report = validateApplication(bundle);
    expect(requirementOf(report, "supervisorDeclaration")).toEqual(no("supervisorDeclaration"));
    expect(findingsOf(report, "SUPERVISOR_DECLARATION_BEFORE_LAST_CASE")).toEqual(
      fails(
        "SUPERVISOR_DECLARATION_BEFORE_LAST_CASE",
        "the declaration is dated 2025-05-29, before the logbook's last case (2025-05-30); it must cover every case",
      ),
    );
  });

  it("signed by someone who is not a Level 3 supervisor on that day names them and the day", () => {
    const report = declared("2026-05-01", "x");
    expect(requirementOf(report, "supervisorDeclaration")).toEqual(no("supervisorDeclaration"));
    expect(findingsOf(report, "SUPERVISOR_DECLARATION_NOT_LEVEL3")).toEqual(
      fails(
        "SUPERVISOR_DECLARATION_NOT_LEVEL3",
        'the declaration is signed by "x", who was not a known Level 3 supervisor on 2026-05-01',
      ),
    );
  });
});

describe("the candidate as their own supervisor: what the report says", () => {
  it("named among the supervisors, and signing the declaration, are two findings saying which", () => {
    const bundle = makeBundle("level2");
    bundle.candidate.uid = "cand-1";
    bundle.supervisors.push({ id: "cand-1", body: "EACVI", level3From: "2015-01-01", level3Until: null });
    bundle.supervisorDeclaration = { supervisorId: "cand-1", signedOn: "2026-05-20" };
    const report = validateApplication(bundle);
    expect(findingsOf(report, "CANDIDATE_OWN_SUPERVISOR")).toEqual([
      {
        code: "CANDIDATE_OWN_SUPERVISOR",
        severity: "error",
        message: "the candidate is named as one of their own supervisors",
      },
      { code: "CANDIDATE_OWN_SUPERVISOR", severity: "error", message: "the declaration is signed by the candidate" },
    ]);
    expect(requirementOf(report, "supervisorDeclaration")).toEqual(no("supervisorDeclaration"));
  });
});
