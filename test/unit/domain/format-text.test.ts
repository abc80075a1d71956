import { describe, expect, it } from "vitest";
import { formatReportText } from "../../../functions/src/logbook/domain/format-text.js";
import { validateApplication, type Report } from "../../../functions/src/logbook/domain/index.js";
import { makeBundle, makeTraining } from "../../factories/bundle.js";

const line = (text: string, id: string) => text.split("\n").find((l) => l.startsWith(`${id}:`)) ?? "";

describe("the text report", () => {
  // Computed in each test: StrykerJS activates a mutant before the tests, after collection.
  const report = () => formatReportText(validateApplication(makeBundle("level2")));

  it("labels caps as maxima and minimums as minima", () => {
    const text = report();
    expect(line(text, "cases.normal")).toMatch(/^cases\.normal: normal cases ≤ 15\s+met\s+7\s+≤ 15$/);
    expect(line(text, "cases.otherCentre")).toContain("cases from another centre ≤ 75");
    expect(line(text, "cases.total")).toMatch(/cases ≥ 150\s+met\s+150\s+≥ 150$/);
    expect(line(text, "categories.ischaemic")).toContain("ischaemic cases ≥ 25");
  });

  it("gives units: months of training, hours of CME, months of span", () => {
    const text = report();
    expect(line(text, "training.fteMonths")).toMatch(/≥ 3 months\s+met\s+3 months\s+≥ 3 months$/);
    expect(line(text, "cme.credits")).toMatch(/CME in CMR ≥ 25 hours\s+met\s+28 hours\s+≥ 25 hours$/);
    expect(line(text, "cases.span")).toContain("< 24 months");
  });

  it("yes/no requirements read yes or no", () => {
    const report = validateApplication(makeBundle("level2", { supervisorDeclaration: null }));
    expect(line(formatReportText(report), "supervisorDeclaration")).toMatch(/NOT MET\s+no\s+yes$/);
  });

  it("never prints NaN or Infinity", () => {
    const report = validateApplication(makeBundle("level2", { training: [makeTraining("t", { end: "2025-01-02" })] }));
    const broken: Report = {
      ...report,
      requirements: report.requirements.map((r, i) => (i === 0 ? { ...r, actual: NaN, required: Infinity } : r)),
    };
    const out = formatReportText(broken);
    expect(out).not.toMatch(/NaN|Infinity/);
    expect(out).toContain("n/a");
  });
});

describe("the text report, line by line", () => {
  // A report built by hand, so that every kind of row and the findings section are read exactly.
  const base = (): Report => validateApplication(makeBundle("level2"));

  it("prints the verdict, a column-aligned table of every kind of requirement, and the findings grouped by code", () => {
    const report: Report = {
      ...base(),
      eligible: false,
      route: "level2",
      asOf: "2026-06-30",
      policyVersion: "v7",
      requirements: [
        { id: "cases.total", met: true, actual: 150, required: 150 },
        { id: "cme.credits", met: false, actual: NaN, required: 25 },
        { id: "categories.ischaemic", met: false, actual: 24, required: 25 },
        { id: "custom.rule", met: true, actual: 3, required: 2 },
        { id: "registration", met: true, actual: true, required: true },
        { id: "acls", met: false, actual: false, required: true },
        { id: "custom.flag", met: false, actual: 0, required: true },
        { id: "exam.passed", met: true, actual: true, required: 1 },
      ],
      findings: [
        { code: "CASE_INVALID", severity: "error", message: "Case a is not valid" },
        { code: "CASE_INVALID", severity: "error", message: "Case b is not valid" },
        { code: "CME_LATE", severity: "warning", message: "CME c is late" },
      ],
    };
    expect(formatReportText(report).split("\n")).toEqual([
      "NOT ELIGIBLE: route level2, as of 2026-06-30, policy v7",
      "",
      "requirement                                   met      actual  required",
      "cases.total: cases ≥ 150                      met      150     ≥ 150",
      "cme.credits: CME in CMR ≥ 25 hours            NOT MET  n/a     ≥ 25 hours",
      "categories.ischaemic: ischaemic cases ≥ 25    NOT MET  24      ≥ 25",
      "custom.rule: custom.rule ≥ 2                  met      3       ≥ 2",
      "registration: current physician registration  met      yes     yes",
      "acls: advanced life support                   NOT MET  no      yes",
      "custom.flag: custom.flag                      NOT MET  no      yes",
      "exam.passed: exam passed                      met      yes     yes",
      "",
      "Findings:",
      "  CASE_INVALID (error, 2)",
      "    - Case a is not valid",
      "    - Case b is not valid",
      "  CME_LATE (warning, 1)",
      "    - CME c is late",
    ]);
  });

  it("an eligible report says so and has no findings section", () => {
    const report: Report = {
      ...base(),
      eligible: true,
      route: "level3-direct",
      asOf: "2026-01-31",
      policyVersion: "v8",
      requirements: [{ id: "training.fteMonths", met: true, actual: 12, required: 12 }],
      findings: [],
    };
    expect(formatReportText(report).split("\n")).toEqual([
      "ELIGIBLE: route level3-direct, as of 2026-01-31, policy v8",
      "",
      "requirement                                                      met  actual     required",
      "training.fteMonths: training (full-time equivalent) ≥ 12 months  met  12 months  ≥ 12 months",
    ]);
  });
});
