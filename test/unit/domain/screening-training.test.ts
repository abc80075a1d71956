// Which days of training count (screening/training.ts): the messages the
// candidate reads when a period is left out or cut (own supervisor, unknown
// supervisor, supervisor not Level 3 on those days, days after asOf, remote
// supervision), both sides of each date limit, and the union of the periods
// as runs of constant full-time fraction.
import { describe, expect, it } from "vitest";
import { validateApplication, type Bundle, type TrainingPeriod } from "../../../functions/src/logbook/domain/index.js";
import { trainingRuns } from "../../../functions/src/logbook/domain/screening/training.js";
import { AS_OF, makeBundle, makeTraining, SUPERVISOR_ID } from "../../factories/bundle.js";
import { codesOf, findingsOf } from "../../factories/report.js";

/** The level 2 bundle (training tr-1, 2025-01-01 – 2025-03-31 full time) with `extra` periods added. */
function withExtra(extra: TrainingPeriod[], change: (b: Bundle) => void = () => {}) {
  const bundle = makeBundle("level2");
  bundle.training.push(...extra);
  change(bundle);
  return validateApplication(bundle);
}

const trainingFinding = (code: string, id: string, message: string, severity = "warning") => ({
  code,
  severity,
  message: `Training ${id}: ${message}`,
  trainingIds: [id],
});

const addSupervisor = (id: string, level3From: string, level3Until: string | null) => (b: Bundle) => {
  b.supervisors.push({ id, body: "SCMR", level3From, level3Until });
};

describe("periods left out, and why", () => {
  it("a period the candidate supervised is CANDIDATE_OWN_SUPERVISOR", () => {
    const report = withExtra(
      [makeTraining("own", { supervisorId: "cand-1", start: "2025-06-01", end: "2025-06-30" })],
      (b) => {
        b.candidate.uid = "cand-1";
        addSupervisor("cand-1", "2015-01-01", null)(b);
      },
    );
    // (A separate finding names the candidate in the list of supervisors; this one is about the period.)
    expect(findingsOf(report, "CANDIDATE_OWN_SUPERVISOR").filter((f) => f.trainingIds)).toEqual([
      trainingFinding(
        "CANDIDATE_OWN_SUPERVISOR",
        "own",
        "the candidate cannot be their own supervisor; the period is not counted",
        "error",
      ),
    ]);
    expect(report.summary.trainingFteMonths).toBe(3);
  });

  /** A June 2025 period "x" under `supervisorId` (added with these Level 3 dates unless null): its report. */
  const juneUnder = (supervisorId: string, level3: [from: string, until: string | null] | null) =>
    withExtra(
      [makeTraining("x", { supervisorId, start: "2025-06-01", end: "2025-06-30" })],
      level3 ? addSupervisor(supervisorId, ...level3) : undefined,
    );
  const notLevel3 = (message: string) => [trainingFinding("TRAINING_SUPERVISOR_NOT_LEVEL3", "x", message)];

  it("a supervisor missing from the list of supervisors is named", () => {
    const report = juneUnder("nobody", null);
    expect(findingsOf(report, "TRAINING_SUPERVISOR_NOT_LEVEL3")).toEqual(
      notLevel3('supervisor "nobody" is not in the list of supervisors; the period is not counted'),
    );
    expect(report.summary.trainingFteMonths).toBe(3);
  });

  it("a supervisor whose Level 3 ended the day before the period: not counted, with both dates", () => {
    const report = juneUnder("sup-old", ["2010-01-01", "2025-05-31"]);
    expect(findingsOf(report, "TRAINING_SUPERVISOR_NOT_LEVEL3")).toEqual(
      notLevel3('supervisor "sup-old" held Level 3 from 2010-01-01 to 2025-05-31; the period is not counted'),
    );
    expect(report.summary.trainingFteMonths).toBe(3);
  });

  it("a supervisor whose Level 3 ended on the period's first day: that one day counts", () => {
    const report = juneUnder("sup-old", ["2010-01-01", "2025-06-01"]);
    expect(findingsOf(report, "TRAINING_SUPERVISOR_NOT_LEVEL3")).toEqual(
      notLevel3('supervisor "sup-old" held Level 3 from 2010-01-01 to 2025-06-01; only 2025-06-01 – 2025-06-01 counts'),
    );
    expect(report.summary.trainingFteMonths).toBe(3.03);
  });

  it("a supervisor awarded Level 3 after the period (no end date): not counted, with the award date only", () => {
    const report = juneUnder("sup-new", ["2025-07-01", null]);
    expect(findingsOf(report, "TRAINING_SUPERVISOR_NOT_LEVEL3")).toEqual(
      notLevel3('supervisor "sup-new" held Level 3 from 2025-07-01; the period is not counted'),
    );
  });
});

describe("days after asOf", () => {
  it(`a period starting the day after asOf (${AS_OF}) is not counted`, () => {
    const report = withExtra([makeTraining("later", { start: "2026-06-02", end: "2026-06-30" })]);
    expect(findingsOf(report, "TRAINING_IN_FUTURE")).toEqual([
      trainingFinding("TRAINING_IN_FUTURE", "later", `the period starts after ${AS_OF}; it is not counted`),
    ]);
    expect(report.summary.trainingFteMonths).toBe(3);
  });

  it(`a period starting on asOf counts for that one day; the later days are not counted`, () => {
    const report = withExtra([makeTraining("now", { start: AS_OF, end: "2026-06-30" })]);
    expect(findingsOf(report, "TRAINING_IN_FUTURE")).toEqual([
      trainingFinding("TRAINING_IN_FUTURE", "now", `the days after ${AS_OF} are not counted`),
    ]);
    expect(report.summary.trainingFteMonths).toBe(3.03);
  });
});

describe("remote supervision fully approved", () => {
  it("a remote supervisor whose granted request covers every day leaves nothing to report", () => {
    const report = withExtra([], (b) => {
      b.candidate.institution = "Hôpital Européen Georges-Pompidou";
      b.supervisors = b.supervisors.map((s) => ({ ...s, institution: "King's College London" }));
      b.remoteSupervision = [{ requestId: "req-1", supervisorId: SUPERVISOR_ID, from: "2024-12-01", to: "2026-05-31" }];
    });
    expect(codesOf(report)).toEqual([]);
    expect(report.summary.trainingFteMonths).toBe(3);
    expect(report.eligible).toBe(true);
  });
});

describe("overlapping periods", () => {
  it("periods listed latest first still count over their union (January to April is 4 months)", () => {
    const report = withExtra(
      [makeTraining("second", { supervisorId: "sup-2", start: "2025-02-01", end: "2025-04-30" })],
      (b) => {
        addSupervisor("sup-2", "2015-01-01", null)(b);
        b.training.reverse();
      },
    );
    expect(report.summary.trainingFteMonths).toBe(4);
  });
});

describe("trainingRuns: the union as runs of constant full-time fraction", () => {
  it("back-to-back periods at the same fraction make one run", () => {
    const periods = [
      makeTraining("jan", { start: "2025-01-01", end: "2025-01-31", hoursPerWeek: 35 }),
      makeTraining("feb", { start: "2025-02-01", end: "2025-02-28", hoursPerWeek: 40 }),
    ];
    expect(trainingRuns(periods, 35)).toEqual([{ start: "2025-01-01", endExclusive: "2025-03-01", fraction: 1 }]);
  });

  it("back-to-back periods at different fractions make two runs", () => {
    const periods = [
      makeTraining("jan", { start: "2025-01-01", end: "2025-01-31", hoursPerWeek: 21 }),
      makeTraining("feb", { start: "2025-02-01", end: "2025-02-28", hoursPerWeek: 35 }),
    ];
    expect(trainingRuns(periods, 35)).toEqual([
      { start: "2025-01-01", endExclusive: "2025-02-01", fraction: 0.6 },
      { start: "2025-02-01", endExclusive: "2025-03-01", fraction: 1 },
    ]);
  });

  it("a gap between periods is no run", () => {
    const periods = [
      makeTraining("jan", { start: "2025-01-01", end: "2025-01-31" }),
      makeTraining("mar", { start: "2025-03-01", end: "2025-03-31" }),
    ];
    expect(trainingRuns(periods, 35)).toEqual([
      { start: "2025-01-01", endExclusive: "2025-02-01", fraction: 1 },
      { start: "2025-03-01", endExclusive: "2025-04-01", fraction: 1 },
    ]);
  });

  it("under two supervisors the hours add up; under one the longer period counts", () => {
    const two = [
      makeTraining("a", { start: "2025-01-01", end: "2025-01-31", hoursPerWeek: 14 }),
      makeTraining("b", { start: "2025-01-16", end: "2025-01-31", hoursPerWeek: 7, supervisorId: "sup-2" }),
    ];
    expect(trainingRuns(two, 35)).toEqual([
      { start: "2025-01-01", endExclusive: "2025-01-16", fraction: 0.4 },
      { start: "2025-01-16", endExclusive: "2025-02-01", fraction: 0.6 },
    ]);
    const one = [two[0], { ...two[1], supervisorId: SUPERVISOR_ID }];
    expect(trainingRuns(one, 35)).toEqual([{ start: "2025-01-01", endExclusive: "2025-02-01", fraction: 0.4 }]);
  });
});
