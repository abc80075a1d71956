// What every rule may look at: the parsed bundle, the policy, and the results
// of the three screening passes (cases, CME, training), computed once.
import { isWithin, type IsoDate } from "../../platform/domain/dates.js";
import type { Policy } from "../../platform/domain/policy.js";
import type { Finding, Requirement } from "./report.js";
import type { Bundle, Case, CmeEntry, Route, Supervisor, TrainingPeriod } from "./schema.js";

export interface Context {
  bundle: Bundle;
  policy: Policy;
  route: Route;
  asOf: IsoDate;
  supervisors: ReadonlyMap<string, Supervisor>;
  /** The candidate's uid when the bundle carries it: they can never be their own supervisor. */
  ownerUid: string | null;
}

export interface CountedCase {
  case: Case;
  /** False for a congenital case whose lesion is not true congenital pathology. */
  countsForCategory: boolean;
}

/** One CME event (one or more entries describing it) and the hours it is credited with. */
export interface CreditedEvent {
  entries: CmeEntry[];
  credits: number;
  /** The series the event belongs to (`catalogue:<id>`, `title:<normalised title>`), for the single-source rule. */
  series: string[];
}

export interface Screened {
  cases: CountedCase[];
  cme: CreditedEvent[];
  training: TrainingPeriod[];
  /** Full-time-equivalent training over the union of periods, as runs of constant fraction. */
  trainingRuns: TrainingRun[];
}

/** Days [start, endExclusive) during which training ran at `fraction` of full time. */
export interface TrainingRun {
  start: IsoDate;
  endExclusive: IsoDate;
  fraction: number;
}

export type Evaluation = Context & { screened: Screened };

export interface RuleOutcome {
  requirements?: Requirement[];
  findings?: Finding[];
}

/** A rule over the whole application, run after screening. */
export interface Rule {
  name: string;
  routes?: readonly Route[];
  evaluate(evaluation: Evaluation): RuleOutcome;
}

/**
 * A rule that may leave a case out. `prepare` does the per-application work
 * once (window bounds...) and returns the per-case check: why the case is
 * left out, or null.
 */
export interface CaseRule {
  code: string;
  routes?: readonly Route[];
  prepare(context: Context): (c: Case) => string | null;
}

export function appliesTo(rule: { routes?: readonly Route[] }, route: Route): boolean {
  return rule.routes === undefined || rule.routes.includes(route);
}

export function isLevel3On(supervisor: Supervisor | undefined, date: IsoDate): boolean {
  return supervisor !== undefined && isWithin(date, supervisor.level3From, supervisor.level3Until);
}

export const EXAM_ROUTES = ["level2", "level3-direct"] as const satisfies readonly Route[];
export const LEVEL3_ROUTES = ["level3-via-level2", "level3-direct"] as const satisfies readonly Route[];
