// Which cases count (screening/cases.ts): the messages the candidate reads for
// a duplicate patient, a repeated course case and a congenital case outside
// the category, and which of two studies of one patient counts (the earlier;
// on the same date the content decides, then the id, whatever the list order).
import { describe, expect, it } from "vitest";
import {
  DEFAULT_POLICY,
  validateApplication,
  type Bundle,
  type Case,
} from "../../../functions/src/logbook/domain/index.js";
import type { Context } from "../../../functions/src/logbook/domain/context.js";
import { screenCases } from "../../../functions/src/logbook/domain/screening/cases.js";
import { makeBundle, makeCase } from "../../factories/bundle.js";
import { findingsOf } from "../../factories/report.js";

const excludedBy = (report: ReturnType<typeof validateApplication>, code: string) =>
  findingsOf(report, code).flatMap((f) => f.caseIds ?? []);

const COURSE = { source: "course" as const, courseId: "eacvi-course-2025", fullReview: true };

describe("duplicate patient messages", () => {
  it("a later study without clinical change names the study that counts", () => {
    const bundle = makeBundle("level2");
    bundle.cases.push(makeCase(500, { patientRef: "PT-0120", studyDate: "2025-12-01" }));
    const report = validateApplication(bundle);
    expect(findingsOf(report, "DUPLICATE_PATIENT")).toEqual([
      {
        code: "DUPLICATE_PATIENT",
        severity: "error",
        message:
          "Case case-0500: the patient is already in the logbook (case case-0120, 2025-05-01); " +
          "a repeat study counts only after a significant change in clinical status (clinicalChange)",
        caseIds: ["case-0500"],
      },
    ]);
  });

  it("a repeated course case names the course case that counts", () => {
    const bundle = makeBundle("level2");
    bundle.cases.push(makeCase(500, { ...COURSE, patientRef: "course-case-7", studyDate: "2025-10-01" }));
    bundle.cases.push(
      makeCase(501, { ...COURSE, patientRef: "COURSE_CASE_7", studyDate: "2025-10-02", clinicalChange: true }),
    );
    const report = validateApplication(bundle);
    expect(findingsOf(report, "DUPLICATE_PATIENT")).toEqual([
      {
        code: "DUPLICATE_PATIENT",
        severity: "error",
        message:
          "Case case-0501: the same course case is already in the logbook (case case-0500, 2025-10-01); it counts once",
        caseIds: ["case-0501"],
      },
    ]);
    expect(report.summary.course).toBe(1);
  });

  it("a course case is not the candidate's own patient with the same reference, even without a course id", () => {
    const bundle = makeBundle("level2");
    const ownPatient = bundle.cases[120];
    bundle.cases.push(makeCase(500, { ...COURSE, courseId: null, patientRef: ownPatient.patientRef }));
    const report = validateApplication(bundle);
    expect(findingsOf(report, "DUPLICATE_PATIENT")).toEqual([]);
    expect(report.summary.casesCounted).toBe(151);
    expect(report.summary.course).toBe(1);
  });
});

describe("which of two same-day studies of one patient counts", () => {
  it("with the same content, the lower id counts even when it comes first in the list", () => {
    const bundle = makeBundle("level2");
    bundle.cases.push({ ...bundle.cases[120], id: "case-0500" });
    const report = validateApplication(bundle);
    expect(findingsOf(report, "DUPLICATE_PATIENT")).toEqual([
      {
        code: "DUPLICATE_PATIENT",
        severity: "error",
        message: "Case case-0500: the same patient on the same study date is already in the logbook (case case-0120)",
        caseIds: ["case-0500"],
      },
    ]);
  });

  it("with different content, the content decides and not the ids (cardiomyopathy before mass)", () => {
    const first = (bundle: Bundle, massId: string, cardioId: string) => {
      const original = bundle.cases[120];
      bundle.cases[120] = { ...original, id: massId, category: "mass" };
      bundle.cases.push({ ...original, id: cardioId, category: "cardiomyopathy" });
      return excludedBy(validateApplication(bundle), "DUPLICATE_PATIENT");
    };
    expect(first(makeBundle("level2"), "case-0120", "case-0500")).toEqual(["case-0120"]);
    expect(first(makeBundle("level2"), "case-0500", "case-0120")).toEqual(["case-0500"]);
  });

  it("the order of a study's fields does not make it new content: the lower id counts", () => {
    const bundle = makeBundle("level2");
    const original = bundle.cases[120];
    // The same study entered again with its fields in another order (category first).
    const { category, ...rest } = original;
    const reordered: Case = { category, ...rest, id: "case-0500" };
    expect(Object.keys(reordered)[0]).toBe("category");
    bundle.cases.push(reordered);
    const context: Context = {
      bundle,
      policy: DEFAULT_POLICY,
      route: "level2",
      asOf: bundle.asOf,
      supervisors: new Map(bundle.supervisors.map((s) => [s.id, s])),
      ownerUid: null,
    };
    const { cases, findings } = screenCases(context);
    expect(findings.map((f) => f.caseIds)).toEqual([["case-0500"]]);
    expect(cases.map((c) => c.case.id)).toContain("case-0120");
  });
});

describe("congenital case messages", () => {
  const withCongenital = (congenitalLesion: Case["congenitalLesion"]) => {
    const bundle = makeBundle("level2");
    bundle.cases[120] = { ...bundle.cases[120], category: "congenital", congenitalLesion };
    return findingsOf(validateApplication(bundle), "CONGENITAL_CASE_NOT_ACCEPTED");
  };

  it("a lesion that is not true congenital pathology is named", () => {
    expect(withCongenital("bicuspid-aortic-valve")).toEqual([
      {
        code: "CONGENITAL_CASE_NOT_ACCEPTED",
        severity: "warning",
        message:
          'Case case-0120: "bicuspid-aortic-valve" is not true congenital pathology ' +
          "(shunt, anomalous pulmonary venous drainage, Fontan...); " +
          "it counts in the total but not in the congenital category",
        caseIds: ["case-0120"],
      },
    ]);
  });

  it("a missing lesion is said to be missing", () => {
    expect(withCongenital(null)).toEqual([
      {
        code: "CONGENITAL_CASE_NOT_ACCEPTED",
        severity: "warning",
        message:
          "Case case-0120: no lesion is given, and it must be true congenital pathology " +
          "(shunt, anomalous pulmonary venous drainage, Fontan...); " +
          "it counts in the total but not in the congenital category",
        caseIds: ["case-0120"],
      },
    ]);
  });
});
