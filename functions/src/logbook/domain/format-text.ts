// The report as a readable table, for the `validate` CLI's text format.
import type { Finding, Report } from "./report.js";

const show = (value: number | boolean) => (typeof value === "boolean" ? (value ? "yes" : "no") : String(value));

function table(rows: string[][]): string[] {
  const widths = rows[0].map((_, col) => Math.max(...rows.map((row) => row[col].length)));
  return rows.map((row) =>
    row
      .map((cell, col) => cell.padEnd(widths[col]))
      .join("  ")
      .trimEnd(),
  );
}

function groupByCode(findings: Finding[]): Map<string, Finding[]> {
  const groups = new Map<string, Finding[]>();
  for (const finding of findings) groups.set(finding.code, [...(groups.get(finding.code) ?? []), finding]);
  return groups;
}

export function formatReportText(report: Report): string {
  const lines = [
    `${report.eligible ? "ELIGIBLE" : "NOT ELIGIBLE"}: route ${report.route}, as of ${report.asOf}, policy ${report.policyVersion}`,
    "",
    ...table([
      ["requirement", "met", "actual", "required"],
      ...report.requirements.map((r) => [r.id, r.met ? "met" : "NOT MET", show(r.actual), show(r.required)]),
    ]),
  ];
  if (report.findings.length > 0) lines.push("", "Findings:");
  for (const [code, findings] of groupByCode(report.findings)) {
    lines.push(`  ${code} (${findings[0].severity}, ${findings.length})`);
    for (const finding of findings) lines.push(`    - ${finding.message}`);
  }
  return lines.join("\n");
}
