// "There must be the required minimum number of cases in each diagnostic/study category."
import type { Evaluation, Rule } from "../context.js";
import { error, type Finding, type Report, type Requirement } from "../report.js";
import { CASE_CATEGORIES } from "../schema.js";

export function categoryCounts({ screened, policy, route }: Evaluation): Report["categories"] {
  const minimum = policy.categories.minimum[route];
  const counts = Object.fromEntries(
    CASE_CATEGORIES.map((category) => [category, { counted: 0, minimum: minimum[category] }]),
  ) as Report["categories"];
  for (const { case: c, countsForCategory } of screened.cases) {
    if (countsForCategory) counts[c.category].counted += 1;
  }
  return counts;
}

export const categoryMinimum: Rule = {
  name: "categories",
  evaluate: (evaluation) => {
    const requirements: Requirement[] = [];
    const findings: Finding[] = [];
    for (const [category, { counted, minimum }] of Object.entries(categoryCounts(evaluation))) {
      const met = counted >= minimum;
      requirements.push({ id: `categories.${category}`, met, actual: counted, required: minimum });
      if (!met) {
        findings.push(
          error("CATEGORY_MINIMUM_NOT_MET", `${counted} ${category} cases count; at least ${minimum} are required`, {
            category: category as (typeof CASE_CATEGORIES)[number],
          }),
        );
      }
    }
    return { requirements, findings };
  },
};
