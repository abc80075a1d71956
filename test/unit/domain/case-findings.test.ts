// What the candidate and the committee read about the cases: why each case is
// left out (the whole message, with the case and its dates), and the counts,
// caps, span and category minimums with their figures.
import { describe, expect, it } from "vitest";
import { validateApplication, type Bundle, type Case } from "../../../functions/src/logbook/domain/index.js";
import { makeBundle, SUPERVISOR_ID } from "../../factories/bundle.js";
import { findingsOf, requirementOf } from "../../factories/report.js";

/** The bundle with case 120 (a spare cardiomyopathy case) changed. */
function withCase(changes: Partial<Case>, bundle: Bundle = makeBundle("level2")) {
  bundle.cases[120] = { ...bundle.cases[120], ...changes };
  return validateApplication(bundle);
}

const leftOut = (code: string, reason: string) => [
  { code, severity: "error", message: `Case case-0120: ${reason}`, caseIds: ["case-0120"] },
];

describe("why a case is left out", () => {
  it("observed", () => {
    expect(findingsOf(withCase({ role: "observer" }), "CASE_ROLE_NOT_ACCEPTED")).toEqual(
      leftOut(
        "CASE_ROLE_NOT_ACCEPTED",
        "only cases where the candidate was primary operator or reporting physician count; observed cases do not",
      ),
    );
  });

  it("studied after asOf", () => {
    expect(findingsOf(withCase({ studyDate: "2026-06-02" }), "CASE_IN_FUTURE")).toEqual(
      leftOut("CASE_IN_FUTURE", "the study date 2026-06-02 is after 2026-06-01"),
    );
  });

  it("outside the exam window (sitting 2025-11-07 ± 24 months)", () => {
    expect(findingsOf(withCase({ studyDate: "2023-11-06" }), "CASE_OUTSIDE_EXAM_WINDOW")).toEqual(
      leftOut(
        "CASE_OUTSIDE_EXAM_WINDOW",
        "the study date 2023-11-06 is outside 2023-11-07 – 2027-11-07 (24 months either side of the exam sitting)",
      ),
    );
  });

  it("outside the level 3 window (the 24 months before asOf)", () => {
    const report = withCase({ studyDate: "2024-05-31" }, makeBundle("level3-via-level2"));
    expect(findingsOf(report, "CASE_OUTSIDE_LEVEL3_WINDOW")).toEqual(
      leftOut(
        "CASE_OUTSIDE_LEVEL3_WINDOW",
        "the study date 2024-05-31 is outside 2024-06-01 – 2026-06-01 (the 24 months before the application)",
      ),
    );
  });

  it("a patient reference that looks like patient data, without repeating it", () => {
    expect(findingsOf(withCase({ patientRef: "pt-123456" }), "CASE_PATIENT_REF_IDENTIFYING")).toEqual(
      leftOut(
        "CASE_PATIENT_REF_IDENTIFYING",
        "the patient reference looks like patient data (it contains a long run of digits (record, insurance or phone number?)); use a pseudonymous code",
      ),
    );
  });

  it("already part of the Level 2 logbook", () => {
    const report = withCase({ patientRef: "pt-l2-0001", studyDate: "2021-05-05" }, makeBundle("level3-via-level2"));
    expect(findingsOf(report, "CASE_REUSED_FROM_LEVEL2")).toEqual(
      leftOut("CASE_REUSED_FROM_LEVEL2", "this case was already part of the Level 2 logbook"),
    );
  });

  it("supervised by someone not in the list of supervisors", () => {
    expect(findingsOf(withCase({ supervisorId: "nobody" }), "SUPERVISOR_UNKNOWN")).toEqual(
      leftOut("SUPERVISOR_UNKNOWN", 'supervisor "nobody" is not in the list of supervisors'),
    );
  });

  it("supervised outside the supervisor's Level 3 period, which the message gives with its end if it has one", () => {
    const bundle = (level3Until: string | null) =>
      makeBundle("level2", {
        supervisors: [
          { id: SUPERVISOR_ID, body: "EACVI", level3From: "2015-01-01", level3Until: null },
          { id: "sup-new", body: "SCMR", level3From: "2025-06-01", level3Until },
        ],
      });
    const ended = withCase({ supervisorId: "sup-new", studyDate: "2025-09-01" }, bundle("2025-08-31"));
    expect(findingsOf(ended, "SUPERVISOR_NOT_LEVEL3_ON_CASE_DATE")).toEqual(
      leftOut(
        "SUPERVISOR_NOT_LEVEL3_ON_CASE_DATE",
        'supervisor "sup-new" held Level 3 from 2025-06-01 until 2025-08-31, not on 2025-09-01',
      ),
    );
    const before = withCase({ supervisorId: "sup-new", studyDate: "2025-05-31" }, bundle(null));
    expect(findingsOf(before, "SUPERVISOR_NOT_LEVEL3_ON_CASE_DATE")).toEqual(
      leftOut(
        "SUPERVISOR_NOT_LEVEL3_ON_CASE_DATE",
        'supervisor "sup-new" held Level 3 from 2025-06-01, not on 2025-05-31',
      ),
    );
  });

  it("supervised by the candidate", () => {
    const bundle = makeBundle("level2");
    bundle.candidate.uid = "cand-1";
    bundle.supervisors.push({ id: "cand-1", body: "EACVI", level3From: "2015-01-01", level3Until: null });
    const report = withCase({ supervisorId: "cand-1" }, bundle);
    // The other CANDIDATE_OWN_SUPERVISOR finding is about the list of supervisors (standing-findings.test.ts).
    expect(findingsOf(report, "CANDIDATE_OWN_SUPERVISOR").filter((f) => f.caseIds)).toEqual(
      leftOut("CANDIDATE_OWN_SUPERVISOR", "the candidate cannot be their own supervisor"),
    );
  });

  it("a course case without a full review", () => {
    expect(findingsOf(withCase({ source: "course" }), "COURSE_CASE_NOT_REVIEWED")).toEqual(
      leftOut(
        "COURSE_CASE_NOT_REVIEWED",
        "a case from a course counts only with a full review by the candidate (fullReview)",
      ),
    );
  });
});

describe("counts, caps, span and categories: what the report says", () => {
  /** The level 2 bundle with no normal case, then `change` applied to cases 100 to 100 + n - 1. */
  const withCount = (n: number, change: Partial<Case>) => {
    const bundle = makeBundle("level2");
    bundle.cases.forEach((c, i) => Object.assign(c, { normal: false }, i >= 100 && i < 100 + n ? change : {}));
    return validateApplication(bundle);
  };

  it("too few cases gives both figures", () => {
    const bundle = makeBundle("level2");
    bundle.cases.pop();
    expect(findingsOf(validateApplication(bundle), "CASES_TOO_FEW")).toEqual([
      { code: "CASES_TOO_FEW", severity: "error", message: "149 cases count; 150 are required" },
    ]);
  });

  it("each cap names what it counts and both figures", () => {
    expect(findingsOf(withCount(16, { normal: true }), "NORMAL_CASES_OVER_LIMIT")).toEqual([
      { code: "NORMAL_CASES_OVER_LIMIT", severity: "error", message: "16 normal cases count; at most 15 are allowed" },
    ]);
    const course = withCount(31, { source: "course", fullReview: true });
    expect(requirementOf(course, "cases.course")).toEqual({ id: "cases.course", met: false, actual: 31, required: 30 });
    expect(findingsOf(course, "COURSE_CASES_OVER_LIMIT")).toEqual([
      {
        code: "COURSE_CASES_OVER_LIMIT",
        severity: "error",
        message: "31 cases from courses or teaching files count; at most 30 are allowed",
      },
    ]);
    const bundle = makeBundle("level2");
    bundle.cases.forEach((c, i) => (c.source = i < 76 ? "other-centre" : "own-centre"));
    const otherCentre = validateApplication(bundle);
    expect(requirementOf(otherCentre, "cases.otherCentre")).toEqual({
      id: "cases.otherCentre",
      met: false,
      actual: 76,
      required: 75,
    });
    expect(findingsOf(otherCentre, "OTHER_CENTRE_CASES_OVER_LIMIT")).toEqual([
      {
        code: "OTHER_CENTRE_CASES_OVER_LIMIT",
        severity: "error",
        message: "76 cases from another centre count; at most 75 are allowed",
      },
    ]);
  });

  it("too little control-room presence gives both figures", () => {
    const bundle = makeBundle("level2");
    bundle.cases.forEach((c, i) => (c.presentInControlRoom = i < 49));
    expect(findingsOf(validateApplication(bundle), "CONTROL_ROOM_PRESENCE_TOO_LOW")).toEqual([
      {
        code: "CONTROL_ROOM_PRESENCE_TOO_LOW",
        severity: "error",
        message: "the candidate was in the scanner control room for 49 counted cases; at least 50 are required",
      },
    ]);
  });

  it("a span over 24 months names the first and last study and the day the span ends", () => {
    const bundle = makeBundle("level2", {
      asOf: "2027-01-10",
      supervisorDeclaration: { supervisorId: SUPERVISOR_ID, signedOn: "2027-01-05" },
    });
    const report = withCase({ studyDate: "2027-01-01" }, bundle);
    expect(findingsOf(report, "CASES_SPAN_OVER_24_MONTHS")).toEqual([
      {
        code: "CASES_SPAN_OVER_24_MONTHS",
        severity: "error",
        message:
          "the counted cases run from 2025-01-01 to 2027-01-01; they must fall within 24 consecutive months (before 2027-01-01)",
      },
    ]);
    expect(requirementOf(report, "cases.span")).toEqual({ id: "cases.span", met: false, actual: 24, required: 24 });
  });

  it("a category below its minimum gives the category and both figures", () => {
    const bundle = makeBundle("level2");
    bundle.cases[0].category = "cardiomyopathy"; // one ischaemic fewer
    expect(findingsOf(validateApplication(bundle), "CATEGORY_MINIMUM_NOT_MET")).toEqual([
      {
        code: "CATEGORY_MINIMUM_NOT_MET",
        severity: "error",
        message: "24 ischaemic cases count; at least 25 are required",
        category: "ischaemic",
      },
    ]);
  });
});
