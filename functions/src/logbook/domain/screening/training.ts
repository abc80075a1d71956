// Which days of training count, and at what fraction of full time. A period
// counts on the days its supervisor held Level 3 (a period straddling the
// award date counts from that date) and not after `asOf`. Overlapping periods
// count once: per day, the hours of the periods under different supervisors
// add up (capped at full time), and overlapping periods under the same
// supervisor count as the longest of them (a period entered twice is one).
import type { Context, TrainingRun } from "../context.js";
import { addDaysIso, maxIso, minIso, type IsoDate } from "../../../platform/domain/dates.js";
import { error, warning, type Finding } from "../report.js";
import type { TrainingPeriod } from "../schema.js";
import { describeSpans, remoteRuleFor, splitByCoverage } from "../remote-supervision.js";

const EPSILON = 1e-9;

/** The parts of `period` that count (none, one, or several where approval covers only some days); the findings say what was left out. */
function countedParts(period: TrainingPeriod, context: Context, findings: Finding[]): TrainingPeriod[] {
  const note = (code: string, why: string, severity = warning) =>
    findings.push(severity(code, `Training ${period.id}: ${why}`, { trainingIds: [period.id] }));
  if (context.ownerUid !== null && period.supervisorId === context.ownerUid) {
    note("CANDIDATE_OWN_SUPERVISOR", "the candidate cannot be their own supervisor; the period is not counted", error);
    return [];
  }
  const supervisor = context.supervisors.get(period.supervisorId);
  if (!supervisor) {
    note(
      "TRAINING_SUPERVISOR_NOT_LEVEL3",
      `supervisor "${period.supervisorId}" is not in the list of supervisors; the period is not counted`,
    );
    return [];
  }
  const start = maxIso(period.start, supervisor.level3From);
  const level3End = supervisor.level3Until === null ? period.end : minIso(period.end, supervisor.level3Until);
  const held = `held Level 3 from ${supervisor.level3From}${supervisor.level3Until ? ` to ${supervisor.level3Until}` : ""}`;
  if (start > level3End) {
    note("TRAINING_SUPERVISOR_NOT_LEVEL3", `supervisor "${period.supervisorId}" ${held}; the period is not counted`);
    return [];
  }
  if (start > period.start || level3End < period.end) {
    note(
      "TRAINING_SUPERVISOR_NOT_LEVEL3",
      `supervisor "${period.supervisorId}" ${held}; only ${start} – ${level3End} counts`,
    );
  }
  const end = minIso(level3End, context.asOf);
  if (end < start) {
    note("TRAINING_IN_FUTURE", `the period starts after ${context.asOf}; it is not counted`);
    return [];
  }
  if (end < level3End) note("TRAINING_IN_FUTURE", `the days after ${context.asOf} are not counted`);
  return remotelyApproved({ ...period, start, end }, context, note);
}

/** Remote mentoring requires prior approval: only the days a granted remote-supervision request covers count. */
function remotelyApproved(
  period: TrainingPeriod,
  context: Context,
  note: (code: string, why: string) => void,
): TrainingPeriod[] {
  const rule = remoteRuleFor(context, period.supervisorId);
  if (rule === null) return [period];
  const { covered, uncovered } = splitByCoverage(rule, period.start, period.end);
  if (uncovered.length) {
    const counted = covered.length ? `only ${describeSpans(covered)} counts` : "the period is not counted";
    note(
      "REMOTE_SUPERVISION_NOT_APPROVED",
      `${rule.why}; no granted remote-supervision request naming them covers ${describeSpans(uncovered)}, so ${counted} (remote mentoring requires prior approval)`,
    );
  }
  return covered.map((c) => ({ ...period, start: c.from, end: c.to }));
}

/** The union of the periods as runs of constant full-time fraction (see the header). */
export function trainingRuns(periods: TrainingPeriod[], fullTimeHoursPerWeek: number): TrainingRun[] {
  const spans = periods.map((p) => ({ ...p, endExclusive: addDaysIso(p.end, 1) }));
  const points = [...new Set(spans.flatMap((s) => [s.start, s.endExclusive]))].sort();
  const runs: TrainingRun[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const [start, endExclusive]: IsoDate[] = [points[i], points[i + 1]];
    const bySupervisor = new Map<string, number>();
    for (const s of spans) {
      if (s.start <= start && s.endExclusive > start) {
        bySupervisor.set(s.supervisorId, Math.max(bySupervisor.get(s.supervisorId) ?? 0, s.hoursPerWeek));
      }
    }
    const hours = [...bySupervisor.values()].reduce((sum, h) => sum + h, 0);
    const fraction = Math.min(1, hours / fullTimeHoursPerWeek);
    if (fraction <= 0) continue;
    const last = runs[runs.length - 1];
    if (last && last.endExclusive === start && Math.abs(last.fraction - fraction) < EPSILON) {
      last.endExclusive = endExclusive;
    } else {
      runs.push({ start, endExclusive, fraction });
    }
  }
  return runs;
}

export function screenTraining(context: Context): {
  training: TrainingPeriod[];
  runs: TrainingRun[];
  findings: Finding[];
} {
  const findings: Finding[] = [];
  const training = context.bundle.training.flatMap((period) => countedParts(period, context, findings));
  return { training, runs: trainingRuns(training, context.policy.training.fullTimeHoursPerWeek), findings };
}
