import type { CreditedEvent, Rule } from "../context.js";
import { groupEvents } from "../cme-identity.js";
import { error, round2, type Finding } from "../report.js";

const firstId = (event: { entries: { id: string }[] }) => event.entries.map((e) => e.id).sort()[0] ?? "";

/** Sums credited hours in id order, so the total does not depend on entry order. */
export function creditedTotal(cme: Pick<CreditedEvent, "entries" | "credits">[]): number {
  return round2(
    [...cme]
      .sort((a, b) => (firstId(a) < firstId(b) ? -1 : firstId(a) > firstId(b) ? 1 : 0))
      .reduce((sum, { credits }) => sum + credits, 0),
  );
}

// "Required CME credits should not be claimed from a single online source,
// congress or event." Sources are counted over the events credited more than 0
// (entries describing the same event already merged, screening/cme.ts); events
// of one series (the same Table 1 entry or the same title, e.g. EuroCMR 2024
// and 2025, or one on-demand library) are one source.
function sourceCount(events: CreditedEvent[]): number {
  const credited = events.filter((event) => event.credits > 0).map((event) => new Set(event.series));
  return groupEvents(credited, (a, b) => [...a].some((key) => b.has(key))).length;
}

export const cmeCredits: Rule = {
  name: "cme",
  evaluate: ({ screened, policy, route }) => {
    const actual = creditedTotal(screened.cme);
    const required = policy.cme.requiredCredits[route];
    const sources = sourceCount(screened.cme);
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
