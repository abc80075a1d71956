// The case counts: total, and the caps and minimum among counted cases.
import type { CountedCase, Evaluation, Rule } from "../context.js";
import { error } from "../report.js";

/** A percentage cap of the required number of cases (10 % of 150 = 15). */
export function fractionCap(required: number, fraction: number): number {
  return Math.floor(required * fraction + 1e-9);
}

export const countWhere = (cases: CountedCase[], predicate: (c: CountedCase["case"]) => boolean) =>
  cases.reduce((n, { case: c }) => (predicate(c) ? n + 1 : n), 0);

export const casesTotal: Rule = {
  name: "cases.total",
  evaluate: ({ screened, policy, route }) => {
    const actual = screened.cases.length;
    const required = policy.cases.required[route];
    const met = actual >= required;
    return {
      requirements: [{ id: "cases.total", met, actual, required }],
      findings: met ? [] : [error("CASES_TOO_FEW", `${actual} cases count; ${required} are required`)],
    };
  },
};

interface CaseCap {
  id: string;
  code: string;
  what: string;
  matches: (c: CountedCase["case"]) => boolean;
  limit: (evaluation: Evaluation) => number;
}

function capRule({ id, code, what, matches, limit }: CaseCap): Rule {
  return {
    name: id,
    evaluate: (evaluation) => {
      const actual = countWhere(evaluation.screened.cases, matches);
      const required = limit(evaluation);
      const met = actual <= required;
      return {
        requirements: [{ id, met, actual, required }],
        findings: met ? [] : [error(code, `${actual} ${what} count; at most ${required} are allowed`)],
      };
    },
  };
}

export const normalCases = capRule({
  id: "cases.normal",
  code: "NORMAL_CASES_OVER_LIMIT",
  what: "normal cases",
  matches: (c) => c.normal,
  limit: ({ policy, route }) => fractionCap(policy.cases.required[route], policy.cases.maxNormalFraction),
});

export const courseCases = capRule({
  id: "cases.course",
  code: "COURSE_CASES_OVER_LIMIT",
  what: "cases from courses or teaching files",
  matches: (c) => c.source === "course",
  limit: ({ policy, route }) => fractionCap(policy.cases.required[route], policy.cases.maxCourseFraction),
});

export const otherCentreCases = capRule({
  id: "cases.otherCentre",
  code: "OTHER_CENTRE_CASES_OVER_LIMIT",
  what: "cases from another centre",
  matches: (c) => c.source === "other-centre",
  limit: ({ policy, route }) => policy.cases.maxOtherCentre[route],
});

export const controlRoom: Rule = {
  name: "cases.controlRoom",
  evaluate: ({ screened, policy, route }) => {
    const actual = countWhere(screened.cases, (c) => c.presentInControlRoom);
    const required = policy.cases.minControlRoom[route];
    const met = actual >= required;
    return {
      requirements: [{ id: "cases.controlRoom", met, actual, required }],
      findings: met
        ? []
        : [
            error(
              "CONTROL_ROOM_PRESENCE_TOO_LOW",
              `the candidate was in the scanner control room for ${actual} counted cases; at least ${required} are required`,
            ),
          ],
    };
  },
};
