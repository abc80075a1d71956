// The report as a readable table, for the `validate` CLI's text format. Each
// requirement reads as a sentence: what is counted, how it compares ("≥" for
// a minimum, "≤" for a cap), and its unit; a number that is not finite is
// printed as "n/a", never as NaN.
import type { Finding, Report, Requirement } from "./report.js";

interface Label {
  what: string;
  /** How `actual` must compare with `required`. */
  compare: "≥" | "≤" | "<";
  unit?: string;
}

const LABELS: Record<string, Label> = {
  "training.fteMonths": { what: "training (full-time equivalent)", compare: "≥", unit: "months" },
  "training.window": { what: "training within one 24-month window", compare: "≥", unit: "months" },
  "cases.total": { what: "cases", compare: "≥" },
  "cases.normal": { what: "normal cases", compare: "≤" },
  "cases.course": { what: "cases from courses or teaching files", compare: "≤" },
  "cases.otherCentre": { what: "cases from another centre", compare: "≤" },
  "cases.controlRoom": { what: "cases present in the control room", compare: "≥" },
  "cases.span": { what: "span of the counted cases", compare: "<", unit: "months" },
  "cme.credits": { what: "CME in CMR", compare: "≥", unit: "hours" },
  "cme.sources": { what: "CME events or sources", compare: "≥" },
};

const YES_NO: Record<string, string> = {
  registration: "current physician registration",
  "exam.passed": "exam passed",
  "logbook.deadline": "submitted before the deadline",
  "level2.current": "current Level 2 certification",
  acls: "advanced life support",
  peerRecognition: "peer recognition",
  supervisorDeclaration: "supervisor's declaration",
};

function labelOf(id: string): Label {
  if (Object.hasOwn(LABELS, id)) return LABELS[id];
  if (id.startsWith("categories.")) return { what: `${id.slice("categories.".length)} cases`, compare: "≥" };
  return { what: id, compare: "≥" };
}

const number = (value: number) => (Number.isFinite(value) ? String(value) : "n/a");
const withUnit = (value: string, unit?: string) => (unit && value !== "n/a" ? `${value} ${unit}` : value);

/** [requirement, met, actual, required] for one requirement. */
function row(r: Requirement): string[] {
  const met = r.met ? "met" : "NOT MET";
  if (typeof r.actual === "boolean" || typeof r.required === "boolean") {
    const what = Object.hasOwn(YES_NO, r.id) ? YES_NO[r.id] : r.id;
    return [`${r.id}: ${what}`, met, r.actual === true ? "yes" : "no", "yes"];
  }
  const { what, compare, unit } = labelOf(r.id);
  const required = withUnit(number(r.required), unit);
  return [`${r.id}: ${what} ${compare} ${required}`, met, withUnit(number(r.actual), unit), `${compare} ${required}`];
}

function table(rows: string[][]): string[] {
  const widths = rows[0].map((_, col) => Math.max(...rows.map((r) => r[col].length)));
  return rows.map((r) =>
    r
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
    ...table([["requirement", "met", "actual", "required"], ...report.requirements.map(row)]),
  ];
  if (report.findings.length > 0) lines.push("", "Findings:");
  for (const [code, findings] of groupByCode(report.findings)) {
    lines.push(`  ${code} (${findings[0].severity}, ${findings.length})`);
    for (const finding of findings) lines.push(`    - ${finding.message}`);
  }
  return lines.join("\n");
}
