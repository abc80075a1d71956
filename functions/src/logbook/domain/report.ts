// The report the engine returns, and how findings are ordered.
import type { CaseCategory, Route } from "./schema.js";

export type Severity = "error" | "warning";

export interface Finding {
  code: string;
  severity: Severity;
  message: string;
  caseIds?: string[];
  cmeIds?: string[];
  trainingIds?: string[];
  category?: CaseCategory;
  /** The Firestore document a finding is about, when it is not a case, CME entry or training period. */
  documentPath?: string;
}

export interface Requirement {
  id: string;
  met: boolean;
  actual: number | boolean;
  required: number | boolean;
}

export interface Summary {
  casesCounted: number;
  casesRequired: number;
  normal: number;
  course: number;
  otherCentre: number;
  controlRoom: number;
  cmeCredits: number;
  cmeRequired: number;
  trainingFteMonths: number;
  trainingRequired: number;
}

export interface Report {
  eligible: boolean;
  route: Route;
  asOf: string;
  policyVersion: string;
  summary: Summary;
  categories: Record<CaseCategory, { counted: number; minimum: number }>;
  requirements: Requirement[];
  findings: Finding[];
}

export function error(code: string, message: string, extra: Partial<Finding> = {}): Finding {
  return { code, severity: "error", message, ...extra };
}

export function warning(code: string, message: string, extra: Partial<Finding> = {}): Finding {
  return { code, severity: "warning", message, ...extra };
}

/** Rounds to two decimals, so that reports hold no floating-point noise. */
export function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

function sortKey(f: Finding): string {
  const ids = [...(f.caseIds ?? []), ...(f.cmeIds ?? []), ...(f.trainingIds ?? []), f.documentPath ?? ""].join(",");
  return `${ids}\u0000${f.category ?? ""}\u0000${f.message}`;
}

const compareStrings = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Findings sorted by code, then ids: the report is deterministic. */
export function sortFindings(findings: Finding[]): Finding[] {
  return findings
    .map((f) => ({ f, key: sortKey(f) }))
    .sort((a, b) => compareStrings(a.f.code, b.f.code) || compareStrings(a.key, b.key))
    .map(({ f }) => f);
}
