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
