import type { Rule } from "../context.js";
import { error, round2, type Finding } from "../report.js";

/** Sums credited hours in id order, so the total does not depend on entry order. */
export function creditedTotal(cme: { entry: { id: string }; credits: number }[]): number {
  return round2(
    [...cme]
      .sort((a, b) => (a.entry.id < b.entry.id ? -1 : a.entry.id > b.entry.id ? 1 : 0))
      .reduce((sum, { credits }) => sum + credits, 0),
  );
}

// "Required CME credits should not be claimed from a single online source,
// congress or event."
const sourceOf = (entry: { catalogueId?: string | null; title: string }) =>
  entry.catalogueId ? `catalogue:${entry.catalogueId}` : `title:${entry.title.trim().toLowerCase()}`;

export const cmeCredits: Rule = {
  name: "cme",
  evaluate: ({ screened, policy, route }) => {
    const actual = creditedTotal(screened.cme);
    const required = policy.cme.requiredCredits[route];
    const sources = new Set(screened.cme.filter((c) => c.credits > 0).map((c) => sourceOf(c.entry))).size;
    const minSources = policy.cme.minDistinctSources;
    const findings: Finding[] = [];
    if (actual < required) {
      findings.push(error("CME_TOO_FEW_CREDITS", `${actual} CME hours in CMR count; ${required} are required`));
    }
    if (sources < minSources) {
      findings.push(
        error(
          "CME_SINGLE_SOURCE",
          `the credited CME comes from ${sources} source(s); it must come from at least ${minSources} different events or sources`,
        ),
      );
    }
    return {
      requirements: [
        { id: "cme.credits", met: actual >= required, actual, required },
        { id: "cme.sources", met: sources >= minSources, actual: sources, required: minSources },
      ],
      findings,
    };
  },
};
