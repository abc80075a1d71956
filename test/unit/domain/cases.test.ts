import { describe, expect, it } from "vitest";
import { validateApplication, type Bundle, type Case } from "../../../functions/src/logbook/domain/index.js";
import { ACCEPTED_CONGENITAL_LESIONS, CONGENITAL_LESIONS } from "../../../functions/src/logbook/domain/schema.js";
import { makeBundle, makeCase, SUPERVISOR_ID } from "../../factories/bundle.js";
import { codesOf, findingsOf, requirementOf } from "../../factories/report.js";

/** The level 2 bundle with case 120 (a spare cardiomyopathy case) changed. */
function withCase(changes: Partial<Case>, bundle: Bundle = makeBundle("level2")) {
  bundle.cases[120] = { ...bundle.cases[120], ...changes };
  return validateApplication(bundle);
}

const excludedBy = (report: ReturnType<typeof validateApplication>, code: string) =>
  findingsOf(report, code).flatMap((f) => f.caseIds ?? []);

describe("case exclusions", () => {
  it("an observed case is left out (CASE_ROLE_NOT_ACCEPTED)", () => {
    const report = withCase({ role: "observer" });
    expect(excludedBy(report, "CASE_ROLE_NOT_ACCEPTED")).toEqual(["case-0120"]);
    expect(report.summary.casesCounted).toBe(149);
  });

  it("a reporting physician's case counts", () => {
    expect(withCase({ role: "reporting-physician" }).eligible).toBe(true);
  });

  it("a study on the day of asOf counts; the day after is CASE_IN_FUTURE", () => {
    expect(codesOf(withCase({ studyDate: "2026-06-01" }))).not.toContain("CASE_IN_FUTURE");
    expect(excludedBy(withCase({ studyDate: "2026-06-02" }), "CASE_IN_FUTURE")).toEqual(["case-0120"]);
  });

  it("the exam window is inclusive at both ends (sitting ± 24 months)", () => {
    expect(codesOf(withCase({ studyDate: "2023-11-07" }))).not.toContain("CASE_OUTSIDE_EXAM_WINDOW");
    expect(excludedBy(withCase({ studyDate: "2023-11-06" }), "CASE_OUTSIDE_EXAM_WINDOW")).toEqual(["case-0120"]);
    const late = makeBundle("level2", { asOf: "2027-12-31" });
    expect(codesOf(withCase({ studyDate: "2027-11-07" }, structuredClone(late)))).not.toContain(
      "CASE_OUTSIDE_EXAM_WINDOW",
    );
    expect(excludedBy(withCase({ studyDate: "2027-11-08" }, late), "CASE_OUTSIDE_EXAM_WINDOW")).toEqual(["case-0120"]);
  });

  it("the exam window does not apply to level 3 via level 2, which has its own window", () => {
    const bundle = makeBundle("level3-via-level2");
    const report = withCase({ studyDate: "2024-06-01" }, structuredClone(bundle));
    expect(codesOf(report)).not.toContain("CASE_OUTSIDE_LEVEL3_WINDOW");
    expect(codesOf(report)).not.toContain("CASE_OUTSIDE_EXAM_WINDOW");
    expect(excludedBy(withCase({ studyDate: "2024-05-31" }, bundle), "CASE_OUTSIDE_LEVEL3_WINDOW")).toEqual([
      "case-0120",
    ]);
  });

  it("a case of the level 2 logbook cannot be used again (CASE_REUSED_FROM_LEVEL2)", () => {
    const report = withCase({ patientRef: "pt-l2-0001", studyDate: "2021-05-05" }, makeBundle("level3-via-level2"));
    expect(excludedBy(report, "CASE_REUSED_FROM_LEVEL2")).toEqual(["case-0120"]);
    const sameDayOtherPatient = withCase(
      { patientRef: "pt-new", studyDate: "2025-05-05" },
      makeBundle("level3-via-level2"),
    );
    expect(codesOf(sameDayOtherPatient)).not.toContain("CASE_REUSED_FROM_LEVEL2");
  });

  it("a case whose supervisor is not listed is left out (SUPERVISOR_UNKNOWN)", () => {
    expect(excludedBy(withCase({ supervisorId: "nobody" }), "SUPERVISOR_UNKNOWN")).toEqual(["case-0120"]);
  });

  it("a supervisor counts from the day of their Level 3 award to its last day", () => {
    const bundle = () =>
      makeBundle("level2", {
        supervisors: [
          { id: SUPERVISOR_ID, body: "EACVI", level3From: "2015-01-01", level3Until: null },
          { id: "sup-new", body: "SCMR", level3From: "2025-06-01", level3Until: "2025-08-31" },
        ],
      });
    const on = (studyDate: string) => withCase({ supervisorId: "sup-new", studyDate }, bundle());
    expect(codesOf(on("2025-06-01"))).not.toContain("SUPERVISOR_NOT_LEVEL3_ON_CASE_DATE");
    expect(codesOf(on("2025-08-31"))).not.toContain("SUPERVISOR_NOT_LEVEL3_ON_CASE_DATE");
    expect(excludedBy(on("2025-05-31"), "SUPERVISOR_NOT_LEVEL3_ON_CASE_DATE")).toEqual(["case-0120"]);
    expect(excludedBy(on("2025-09-01"), "SUPERVISOR_NOT_LEVEL3_ON_CASE_DATE")).toEqual(["case-0120"]);
  });

  it("a course case counts only with a full review (COURSE_CASE_NOT_REVIEWED)", () => {
    expect(excludedBy(withCase({ source: "course" }), "COURSE_CASE_NOT_REVIEWED")).toEqual(["case-0120"]);
    expect(excludedBy(withCase({ source: "course", fullReview: false }), "COURSE_CASE_NOT_REVIEWED")).toEqual([
      "case-0120",
    ]);
    const reviewed = withCase({ source: "course", courseId: "c-1", fullReview: true });
    expect(reviewed.eligible).toBe(true);
    expect(reviewed.summary.course).toBe(1);
  });

  it("reports every reason a case is left out, and counts it once", () => {
    const report = withCase({ role: "observer", supervisorId: "nobody" });
    expect(excludedBy(report, "CASE_ROLE_NOT_ACCEPTED")).toEqual(["case-0120"]);
    expect(excludedBy(report, "SUPERVISOR_UNKNOWN")).toEqual(["case-0120"]);
    expect(report.summary.casesCounted).toBe(149);
  });
});

describe("patient references (no patient data)", () => {
  it.each(["pt-12345", "A7-x", "case.2025.a", "p".repeat(40)])("%s is accepted", (patientRef) => {
    expect(codesOf(withCase({ patientRef }))).toEqual([]);
  });

  it.each([
    ["six digits in a row", "pt-123456"],
    ["a date of birth", "dob 02/04/1961"],
    ["an ISO date", "pt-1961-04-02"],
    ["an e-mail address", "jane.doe@example.org"],
    ["a name", "Jean Dupont"],
    ["41 characters", "p".repeat(41)],
  ])("%s is CASE_PATIENT_REF_IDENTIFYING, and the value is not repeated", (_what, patientRef) => {
    const report = withCase({ patientRef });
    expect(excludedBy(report, "CASE_PATIENT_REF_IDENTIFYING")).toEqual(["case-0120"]);
    expect(JSON.stringify(report)).not.toContain(patientRef);
  });
});

describe("duplicate patients", () => {
  it("the earliest study of a patient counts; a later one without clinical change does not", () => {
    const bundle = makeBundle("level2");
    bundle.cases.push(makeCase(500, { patientRef: bundle.cases[120].patientRef, studyDate: "2025-12-01" }));
    const report = validateApplication(bundle);
    expect(excludedBy(report, "DUPLICATE_PATIENT")).toEqual(["case-0500"]);
    expect(report.summary.casesCounted).toBe(150);
  });

  it("the earlier study counts even when it comes later in the list", () => {
    const bundle = makeBundle("level2");
    bundle.cases.unshift(makeCase(500, { patientRef: bundle.cases[120].patientRef, studyDate: "2024-12-01" }));
    expect(excludedBy(validateApplication(bundle), "DUPLICATE_PATIENT")).toEqual(["case-0120"]);
  });

  it("on the same date, the lower id counts", () => {
    const bundle = makeBundle("level2");
    const first = bundle.cases[120];
    bundle.cases.push({ ...first, id: "case-0000a" });
    expect(excludedBy(validateApplication(bundle), "DUPLICATE_PATIENT")).toEqual(["case-0120"]);
  });

  it("a repeat study after a significant change in clinical status counts", () => {
    const bundle = makeBundle("level2");
    bundle.cases.push(
      makeCase(500, { patientRef: bundle.cases[120].patientRef, studyDate: "2025-12-01", clinicalChange: true }),
    );
    const report = validateApplication(bundle);
    expect(codesOf(report)).not.toContain("DUPLICATE_PATIENT");
    expect(report.summary.casesCounted).toBe(151);
  });

  it("a study left out for another reason does not make the next one a duplicate", () => {
    const bundle = makeBundle("level2");
    bundle.cases.push(
      makeCase(500, { patientRef: bundle.cases[120].patientRef, studyDate: "2024-12-01", role: "observer" }),
    );
    const report = validateApplication(bundle);
    expect(codesOf(report)).toEqual(["CASE_ROLE_NOT_ACCEPTED"]);
  });
});

describe("duplicate patients: identity, not spelling", () => {
  it.each(["PT-0120", "pt0120", "Pt_0120", "pt.0120", "pt-_.0120"])(
    "%s is the same patient as pt-0120 (DUPLICATE_PATIENT)",
    (patientRef) => {
      const bundle = makeBundle("level2");
      bundle.cases.push(makeCase(500, { patientRef, studyDate: "2025-12-01" }));
      const report = validateApplication(bundle);
      expect(excludedBy(report, "DUPLICATE_PATIENT")).toEqual(["case-0500"]);
      expect(report.summary.casesCounted).toBe(150);
    },
  );

  it("different patients stay different (pt-0120 and pt-0121)", () => {
    const bundle = makeBundle("level2");
    bundle.cases.push(makeCase(500, { patientRef: "pt-01201", studyDate: "2025-12-01" }));
    expect(validateApplication(bundle).summary.casesCounted).toBe(151);
  });

  it("the same patient on the same study date is a duplicate even with clinicalChange", () => {
    const bundle = makeBundle("level2");
    const first = bundle.cases[120];
    bundle.cases.push({ ...first, id: "case-0500", patientRef: "PT0120", clinicalChange: true });
    const report = validateApplication(bundle);
    // Which of two same-day studies counts is decided by content, not id: exactly one of them.
    const excluded = excludedBy(report, "DUPLICATE_PATIENT");
    expect(excluded).toHaveLength(1);
    expect([first.id, "case-0500"]).toContain(excluded[0]);
    expect(findingsOf(report, "DUPLICATE_PATIENT")[0].message).toContain("same study date");
    expect(report.summary.casesCounted).toBe(150);
  });

  it("a study under a new id never displaces the same-day study it copies", () => {
    const bundle = makeBundle("level2");
    const original = bundle.cases[120];
    bundle.cases.push({ ...original, id: "case-0500", category: "mass" });
    const before = validateApplication(bundle);
    bundle.cases.push({ ...bundle.cases[150], id: "0-copy" });
    const after = validateApplication(bundle);
    expect(after.categories).toEqual(before.categories);
    expect(after.summary.casesCounted).toBe(before.summary.casesCounted);
  });

  it("a repeat with clinical change on the date of an earlier repeat is a duplicate of that repeat", () => {
    const bundle = makeBundle("level2");
    const ref = bundle.cases[120].patientRef;
    bundle.cases.push(makeCase(500, { patientRef: ref, studyDate: "2025-12-01", clinicalChange: true }));
    bundle.cases.push(makeCase(501, { patientRef: ref, studyDate: "2025-12-01", clinicalChange: true }));
    const report = validateApplication(bundle);
    const excluded = excludedBy(report, "DUPLICATE_PATIENT");
    expect(excluded).toHaveLength(1);
    expect(["case-0500", "case-0501"]).toContain(excluded[0]);
    expect(report.summary.casesCounted).toBe(151);
  });

  // A space or a full-width letter never reaches the duplicate check: the
  // reference format (letters, digits, '.', '_', '-') refuses it first, so the
  // case is left out either way and can never count twice.
  it.each(["pt 0120", "ＰＴ－０１２０"])("%s is refused by the reference format and not counted", (patientRef) => {
    const bundle = makeBundle("level2");
    bundle.cases.push(makeCase(500, { patientRef, studyDate: "2025-12-01" }));
    const report = validateApplication(bundle);
    expect(excludedBy(report, "CASE_PATIENT_REF_IDENTIFYING")).toEqual(["case-0500"]);
    expect(report.summary.casesCounted).toBe(150);
  });

  it("the same course case counts once, whatever its dates or clinicalChange say", () => {
    const bundle = makeBundle("level2");
    const course = { source: "course" as const, courseId: "eacvi-course-2025", fullReview: true };
    bundle.cases.push(makeCase(500, { ...course, patientRef: "course-case-7", studyDate: "2025-10-01" }));
    bundle.cases.push(
      makeCase(501, {
        ...course,
        patientRef: "Course_Case-7".toLowerCase(),
        studyDate: "2025-10-02",
        clinicalChange: true,
      }),
    );
    bundle.cases.push(
      makeCase(502, { ...course, courseId: "EACVI_course_2025", patientRef: "COURSE-CASE-7", studyDate: "2025-10-03" }),
    );
    const report = validateApplication(bundle);
    expect(excludedBy(report, "DUPLICATE_PATIENT")).toEqual(["case-0501", "case-0502"]);
    expect(report.summary.course).toBe(1);
  });

  it("the same case reference in two different courses is two cases", () => {
    const bundle = makeBundle("level2");
    const course = { source: "course" as const, fullReview: true, patientRef: "case-7", studyDate: "2025-10-01" };
    bundle.cases.push(makeCase(500, { ...course, courseId: "course-a" }));
    bundle.cases.push(makeCase(501, { ...course, courseId: "course-b" }));
    expect(validateApplication(bundle).summary.course).toBe(2);
  });
});

describe("the candidate as their own supervisor", () => {
  it("a case supervised by the candidate is CANDIDATE_OWN_SUPERVISOR and not counted", () => {
    const bundle = makeBundle("level2");
    bundle.candidate.uid = "cand-1";
    bundle.supervisors.push({ id: "cand-1", body: "EACVI", level3From: "2015-01-01", level3Until: null });
    bundle.cases[120] = { ...bundle.cases[120], supervisorId: "cand-1" };
    const report = validateApplication(bundle);
    expect(excludedBy(report, "CANDIDATE_OWN_SUPERVISOR")).toEqual(["case-0120"]);
    expect(report.summary.casesCounted).toBe(149);
    expect(report.eligible).toBe(false);
  });

  it("without the owner's uid in the bundle (an offline bundle) nothing is assumed", () => {
    const bundle = makeBundle("level2");
    expect(bundle.candidate.uid ?? null).toBeNull();
    expect(validateApplication(bundle).eligible).toBe(true);
  });
});

describe("level 2 cases compared by identity", () => {
  it.each(["PT-L2-0001", "pt l2 0001", "ptl20001"])(
    "%s on the Level 2 date is CASE_REUSED_FROM_LEVEL2",
    (patientRef) => {
      const bundle = makeBundle("level3-via-level2");
      bundle.cases[120] = { ...bundle.cases[120], patientRef, studyDate: "2021-05-05" };
      expect(excludedBy(validateApplication(bundle), "CASE_REUSED_FROM_LEVEL2")).toEqual(["case-0120"]);
    },
  );
});

describe("congenital cases", () => {
  const congenital = (congenitalLesion: Case["congenitalLesion"]) =>
    withCase({ category: "congenital", congenitalLesion });

  // Member by member from the lists the engine uses, so a lesion dropped from
  // (or added to) the accepted list is caught.
  const accepted: readonly string[] = ACCEPTED_CONGENITAL_LESIONS;
  const refused = CONGENITAL_LESIONS.filter((lesion) => !accepted.includes(lesion));

  it("the refused lesions are exactly the two the programme names as not congenital pathology", () => {
    expect(refused).toEqual(["bicuspid-aortic-valve", "hypertrophic-cardiomyopathy"]);
    expect(ACCEPTED_CONGENITAL_LESIONS).toHaveLength(8);
  });

  it.each(ACCEPTED_CONGENITAL_LESIONS)("%s counts in the congenital category", (lesion) => {
    const report = congenital(lesion);
    expect(report.categories.congenital.counted).toBe(11);
    expect(codesOf(report)).toEqual([]);
  });

  it.each([...refused, null, undefined])(
    "%s counts in the total but not in the congenital category (CONGENITAL_CASE_NOT_ACCEPTED)",
    (lesion) => {
      const report = congenital(lesion);
      expect(findingsOf(report, "CONGENITAL_CASE_NOT_ACCEPTED")).toMatchObject([
        { severity: "warning", caseIds: ["case-0120"] },
      ]);
      expect(report.categories.congenital.counted).toBe(10);
      expect(report.summary.casesCounted).toBe(150);
      expect(report.eligible).toBe(true);
    },
  );
});

describe("case counts and caps", () => {
  it("150 counted cases are enough for level 2; 149 are CASES_TOO_FEW", () => {
    expect(requirementOf(validateApplication(makeBundle("level2")), "cases.total")).toEqual({
      id: "cases.total",
      met: true,
      actual: 150,
      required: 150,
    });
    const bundle = makeBundle("level2");
    bundle.cases.pop();
    const report = validateApplication(bundle);
    expect(codesOf(report)).toEqual(["CASES_TOO_FEW"]);
    expect(requirementOf(report, "cases.total")).toMatchObject({ met: false, actual: 149 });
  });

  it("level 3 direct needs 300 cases", () => {
    const bundle = makeBundle("level3-direct");
    bundle.cases.pop();
    expect(codesOf(validateApplication(bundle))).toEqual(["CASES_TOO_FEW"]);
  });

  const withCount = (n: number, change: (c: Case) => Partial<Case>) => {
    const bundle = makeBundle("level2");
    bundle.cases.forEach((c, i) => Object.assign(c, { normal: false }, i >= 100 && i < 100 + n ? change(c) : {}));
    return validateApplication(bundle);
  };

  it("15 normal cases are allowed for level 2 (10 % of 150); 16 are NORMAL_CASES_OVER_LIMIT", () => {
    expect(withCount(15, () => ({ normal: true })).eligible).toBe(true);
    const report = withCount(16, () => ({ normal: true }));
    expect(codesOf(report)).toEqual(["NORMAL_CASES_OVER_LIMIT"]);
    expect(requirementOf(report, "cases.normal")).toMatchObject({ actual: 16, required: 15, met: false });
  });

  it("30 course cases are allowed for level 2 (20 % of 150); 31 are COURSE_CASES_OVER_LIMIT", () => {
    const course = () => ({ source: "course" as const, fullReview: true });
    expect(withCount(30, course).eligible).toBe(true);
    expect(codesOf(withCount(31, course))).toEqual(["COURSE_CASES_OVER_LIMIT"]);
  });

  it("75 cases from another centre are allowed for level 2; 76 are OTHER_CENTRE_CASES_OVER_LIMIT", () => {
    const bundle = makeBundle("level2");
    bundle.cases.forEach((c, i) => (c.source = i < 75 ? "other-centre" : "own-centre"));
    expect(validateApplication(bundle).eligible).toBe(true);
    bundle.cases[75].source = "other-centre";
    expect(codesOf(validateApplication(bundle))).toEqual(["OTHER_CENTRE_CASES_OVER_LIMIT"]);
  });

  it("course and other-centre cases are separate buckets", () => {
    const bundle = makeBundle("level2");
    bundle.cases.forEach((c, i) => {
      if (i < 75) c.source = "other-centre";
      else if (i < 105) Object.assign(c, { source: "course", fullReview: true });
    });
    expect(validateApplication(bundle).eligible).toBe(true);
  });

  it("50 cases in the control room are enough for level 2; 49 are CONTROL_ROOM_PRESENCE_TOO_LOW", () => {
    const bundle = makeBundle("level2");
    bundle.cases.forEach((c, i) => (c.presentInControlRoom = i < 50));
    expect(validateApplication(bundle).eligible).toBe(true);
    bundle.cases[49].presentInControlRoom = false;
    expect(codesOf(validateApplication(bundle))).toEqual(["CONTROL_ROOM_PRESENCE_TOO_LOW"]);
  });

  it("only counted cases count towards the control room: an excluded case present in the room does not", () => {
    const bundle = makeBundle("level2");
    bundle.cases.forEach((c, i) => (c.presentInControlRoom = i < 49));
    // Two cases in the room that are left out: an observed case and a repeat
    // study of a patient already in the logbook.
    bundle.cases.push(makeCase(600, { presentInControlRoom: true, role: "observer", studyDate: "2025-06-01" }));
    bundle.cases.push(
      makeCase(601, { presentInControlRoom: true, patientRef: bundle.cases[0].patientRef, studyDate: "2025-06-02" }),
    );
    const report = validateApplication(bundle);
    expect(codesOf(report).sort()).toEqual([
      "CASE_ROLE_NOT_ACCEPTED",
      "CONTROL_ROOM_PRESENCE_TOO_LOW",
      "DUPLICATE_PATIENT",
    ]);
    expect(requirementOf(report, "cases.controlRoom")).toEqual({
      id: "cases.controlRoom",
      met: false,
      actual: 49,
      required: 50,
    });
  });

  it("level 3 direct needs 100 cases in the control room", () => {
    const bundle = makeBundle("level3-direct");
    bundle.cases.forEach((c, i) => (c.presentInControlRoom = i < 99));
    expect(codesOf(validateApplication(bundle))).toEqual(["CONTROL_ROOM_PRESENCE_TOO_LOW"]);
  });

  it("only counted cases count towards the caps", () => {
    const bundle = makeBundle("level2");
    bundle.cases.forEach((c, i) => (c.normal = i >= 100 && i < 115));
    bundle.cases.push(makeCase(600, { normal: true, role: "observer", studyDate: "2025-06-01" }));
    expect(codesOf(validateApplication(bundle))).toEqual(["CASE_ROLE_NOT_ACCEPTED"]);
  });
});

describe("the 24-month span of the cases", () => {
  it("cases up to the day before earliest + 24 months fit; on that day they do not", () => {
    const signedLater = {
      asOf: "2027-01-10",
      supervisorDeclaration: { supervisorId: SUPERVISOR_ID, signedOn: "2027-01-05" },
    };
    const fits = withCase({ studyDate: "2026-12-31" }, makeBundle("level2", signedLater));
    expect(codesOf(fits)).toEqual([]);
    const over = withCase({ studyDate: "2027-01-01" }, makeBundle("level2", signedLater));
    expect(codesOf(over)).toEqual(["CASES_SPAN_OVER_24_MONTHS"]);
    expect(requirementOf(over, "cases.span")).toMatchObject({ met: false, required: 24 });
  });
});

describe("category minimums", () => {
  it("one finding per category below its minimum, naming the category", () => {
    const bundle = makeBundle("level2");
    bundle.cases[0].category = "cardiomyopathy"; // one ischaemic fewer
    bundle.cases[25].category = "cardiomyopathy"; // one stress-perfusion fewer
    const report = validateApplication(bundle);
    expect(findingsOf(report, "CATEGORY_MINIMUM_NOT_MET").map((f) => f.category)).toEqual([
      "ischaemic",
      "stress-perfusion",
    ]);
    expect(report.categories.ischaemic).toEqual({ counted: 24, minimum: 25 });
    expect(requirementOf(report, "categories.ischaemic")).toMatchObject({ met: false, actual: 24, required: 25 });
  });

  it("level 3 direct minimums are twice level 2's", () => {
    const report = validateApplication(makeBundle("level3-direct"));
    expect(report.categories.ischaemic).toEqual({ counted: 50, minimum: 50 });
  });
});
