// Known figures of known logbooks, worked out by hand from the factories and
// the programme, not by the engine: the live-report tests compare the stored
// report with these, so that an engine bug fails them too.
//
// The small level 2 logbook (makeBundle("level2", {}, SMALL_POLICY)): 6 cases
// (ischaemic, stress-perfusion, cardiomyopathy, congenital "shunt",
// cardiomyopathy, cardiomyopathy; the 1st, 3rd and 5th in the control room),
// EuroCMR 18 credits + SCMR intro 10 credits, 3 months of full-time training.
import { isDeepStrictEqual } from "node:util";
import { expect } from "vitest";
import type { Summary } from "../../functions/src/logbook/domain/index.js";
import { waitFor } from "./helpers.js";

export interface Figures {
  eligible: boolean;
  /** The distinct finding codes, sorted. */
  codes: string[];
  summary: Partial<Summary>;
}

export const SMALL_LEVEL2: Figures = {
  eligible: true,
  codes: [],
  summary: { casesCounted: 6, controlRoom: 3, cmeCredits: 28, trainingFteMonths: 3 },
};

/** makeBundle("level3-direct", {}, SMALL_POLICY): 12 cases, 6 in the control room, 18 + 24 + 10 credits, a year of training. */
export const SMALL_LEVEL3_DIRECT: Figures = {
  eligible: true,
  codes: [],
  summary: { casesCounted: 12, controlRoom: 6, cmeCredits: 52, trainingFteMonths: 12 },
};

/** The figures of a stored report, restricted to the summary fields `expected` names. */
export function figuresOf(report: Record<string, unknown> | undefined, expected: Figures): Figures | undefined {
  if (!report) return undefined;
  const summary = (report.summary ?? {}) as Record<string, unknown>;
  const findings = (report.findings ?? []) as { code: string }[];
  return {
    eligible: report.eligible as boolean,
    codes: [...new Set(findings.map((f) => f.code))].sort(),
    summary: Object.fromEntries(Object.keys(expected.summary).map((k) => [k, summary[k]])),
  };
}

/** Waits until the report read by `read` has the expected figures; on a timeout, shows the difference. */
export async function expectFigures(
  read: () => Promise<Record<string, unknown> | undefined>,
  expected: Figures,
  timeoutMs = 20_000,
): Promise<Record<string, unknown>> {
  try {
    return (await waitFor(read, (r) => isDeepStrictEqual(figuresOf(r, expected), expected), {
      what: `a report with ${JSON.stringify(expected)}`,
      timeoutMs,
    })) as Record<string, unknown>;
  } catch (e) {
    expect(figuresOf(await read(), expected)).toEqual(expected); // shows the difference
    throw e;
  }
}
