import type { Finding, Report } from "../../functions/src/logbook/domain/index.js";

export const codesOf = (report: Pick<Report, "findings">): string[] => [...new Set(report.findings.map((f) => f.code))];

export const findingsOf = (report: Pick<Report, "findings">, code: string): Finding[] =>
  report.findings.filter((f) => f.code === code);

export const requirementOf = (report: Report, id: string) => {
  const requirement = report.requirements.find((r) => r.id === id);
  if (!requirement) throw new Error(`no requirement ${id} in the report`);
  return requirement;
};
