// validateApplication: the one engine behind the live revalidation trigger,
// the submission check and the `validate` CLI. Pure: the date is in the bundle.
import { parseBundle } from "./bundle.js";
import { appliesTo, type Context, type Evaluation } from "./context.js";
import { DEFAULT_POLICY, type Policy } from "../../platform/domain/policy.js";
import { round2, sortFindings, type Finding, type Report, type Requirement } from "./report.js";
import { RULES } from "./rules/index.js";
import { categoryCounts } from "./rules/categories.js";
import { countWhere } from "./rules/case-limits.js";
import { creditedTotal } from "./rules/cme.js";
import { totalFteMonths } from "./rules/training.js";
import { screenCases } from "./screening/cases.js";
import { screenCme } from "./screening/cme.js";
import { screenTraining } from "./screening/training.js";

function summarize(evaluation: Evaluation): Report["summary"] {
  const { screened, policy, route } = evaluation;
  return {
    casesCounted: screened.cases.length,
    casesRequired: policy.cases.required[route],
    normal: countWhere(screened.cases, (c) => c.normal),
    course: countWhere(screened.cases, (c) => c.source === "course"),
    otherCentre: countWhere(screened.cases, (c) => c.source === "other-centre"),
    controlRoom: countWhere(screened.cases, (c) => c.presentInControlRoom),
    cmeCredits: creditedTotal(screened.cme),
    cmeRequired: policy.cme.requiredCredits[route],
    trainingFteMonths: round2(totalFteMonths(screened.trainingRuns)),
    trainingRequired: policy.training.requiredFteMonths[route],
  };
}

/**
 * Judges an application bundle against the policy. Throws BundleInvalidError
 * when the bundle as a whole is unusable; a bad case, CME entry or training
 * period is reported in the findings instead.
 */
export function validateApplication(rawBundle: unknown, policy: Policy = DEFAULT_POLICY): Report {
  const { bundle, findings: itemFindings } = parseBundle(rawBundle);
  const context: Context = {
    bundle,
    policy,
    route: bundle.route,
    asOf: bundle.asOf,
    supervisors: new Map(bundle.supervisors.map((s) => [s.id, s])),
    ownerUid: bundle.candidate.uid ?? null,
  };
  const cases = screenCases(context);
  const cme = screenCme(context);
  const training = screenTraining(context);
  const evaluation: Evaluation = {
    ...context,
    screened: { cases: cases.cases, cme: cme.cme, training: training.training, trainingRuns: training.runs },
  };

  const findings: Finding[] = [...itemFindings, ...cases.findings, ...cme.findings, ...training.findings];
  const requirements: Requirement[] = [];
  for (const rule of RULES) {
    if (!appliesTo(rule, context.route)) continue;
    const outcome = rule.evaluate(evaluation);
    requirements.push(...(outcome.requirements ?? []));
    findings.push(...(outcome.findings ?? []));
  }

  return {
    // Every unmet requirement comes with an error finding; both are checked so that no rule can forget one.
    eligible: findings.every((f) => f.severity !== "error") && requirements.every((r) => r.met),
    route: context.route,
    asOf: context.asOf,
    policyVersion: policy.version,
    summary: summarize(evaluation),
    categories: categoryCounts(evaluation),
    requirements,
    findings: sortFindings(findings),
  };
}
