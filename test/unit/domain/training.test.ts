import { describe, expect, it } from "vitest";
import { validateApplication, type Bundle, type TrainingPeriod } from "../../../functions/src/logbook/domain/index.js";
import { makeBundle, makeTraining, SUPERVISOR_ID } from "../../factories/bundle.js";
import { codesOf, findingsOf, requirementOf } from "../../factories/report.js";

const withTraining = (training: TrainingPeriod[], overrides: Partial<Bundle> = {}) =>
  validateApplication(makeBundle("level2", { training, ...overrides }));

describe("training length", () => {
  it("1 January to 31 March full time is 3.0 months: enough for level 2", () => {
    const report = withTraining([makeTraining("t", { start: "2025-01-01", end: "2025-03-31" })]);
    expect(requirementOf(report, "training.fteMonths")).toEqual({
      id: "training.fteMonths",
      met: true,
      actual: 3,
      required: 3,
    });
  });

  it("one day short of 3 months is TRAINING_TOO_SHORT", () => {
    const report = withTraining([makeTraining("t", { start: "2025-01-01", end: "2025-03-29" })]);
    expect(codesOf(report)).toEqual(["TRAINING_TOO_SHORT"]);
    expect(report.summary.trainingFteMonths).toBe(2.97);
    expect(findingsOf(report, "TRAINING_TOO_SHORT")).toEqual([
      {
        code: "TRAINING_TOO_SHORT",
        severity: "error",
        message: "2.97 months of full-time-equivalent training count; 3 are required",
      },
    ]);
    expect(requirementOf(report, "training.fteMonths")).toEqual({
      id: "training.fteMonths",
      met: false,
      actual: 2.97,
      required: 3,
    });
  });

  it("part time counts pro rata: 3 days a week (21 h) for 5 months is 3 FTE months", () => {
    expect(withTraining([makeTraining("t", { end: "2025-05-31", hoursPerWeek: 21 })]).summary.trainingFteMonths).toBe(
      3,
    );
    expect(codesOf(withTraining([makeTraining("t", { end: "2025-05-29", hoursPerWeek: 21 })]))).toEqual([
      "TRAINING_TOO_SHORT",
    ]);
  });

  it("more than 35 hours a week counts as full time, not more", () => {
    expect(withTraining([makeTraining("t", { end: "2025-01-31", hoursPerWeek: 70 })]).summary.trainingFteMonths).toBe(
      1,
    );
  });

  it("split periods add up", () => {
    const report = withTraining([
      makeTraining("a", { start: "2025-01-01", end: "2025-01-31" }),
      makeTraining("b", { start: "2025-06-01", end: "2025-07-31" }),
    ]);
    expect(report.eligible).toBe(true);
    expect(report.summary.trainingFteMonths).toBe(3);
  });

  it("a period whose supervisor was not Level 3 throughout is not counted (TRAINING_SUPERVISOR_NOT_LEVEL3)", () => {
    const supervisors = [
      { id: SUPERVISOR_ID, body: "EACVI" as const, level3From: "2015-01-01", level3Until: null },
      { id: "sup-late", body: "SCMR" as const, level3From: "2025-02-01", level3Until: null },
    ];
    const report = withTraining([makeTraining("t", { supervisorId: "sup-late" })], { supervisors });
    expect(findingsOf(report, "TRAINING_SUPERVISOR_NOT_LEVEL3")).toMatchObject([
      { severity: "warning", trainingIds: ["t"] },
    ]);
    expect(codesOf(report)).toContain("TRAINING_TOO_SHORT");
    const unknown = withTraining([makeTraining("t", { supervisorId: "nobody" })]);
    expect(codesOf(unknown)).toEqual(["TRAINING_SUPERVISOR_NOT_LEVEL3", "TRAINING_TOO_SHORT"]);
  });

  it("level 3 direct needs 12 months", () => {
    const report = validateApplication(
      makeBundle("level3-direct", { training: [makeTraining("t", { end: "2025-12-30" })] }),
    );
    expect(codesOf(report)).toEqual([]);
    const short = validateApplication(
      makeBundle("level3-direct", { training: [makeTraining("t", { end: "2025-12-28" })] }),
    );
    expect(codesOf(short)).toEqual(["TRAINING_TOO_SHORT"]);
  });
});

describe("training within 24 months", () => {
  it("periods that fit in one 24-month window, counting the edge pro rata, are enough", () => {
    const report = withTraining([
      makeTraining("a", { start: "2023-01-01", end: "2023-02-28" }),
      makeTraining("b", { start: "2024-12-01", end: "2025-01-31" }),
    ]);
    expect(codesOf(report)).toEqual([]);
    expect(requirementOf(report, "training.window")).toMatchObject({ met: true, actual: 3 });
  });

  it("enough in total but too spread out is TRAINING_SPREAD_OVER_24_MONTHS", () => {
    const report = withTraining([
      makeTraining("a", { start: "2023-01-01", end: "2023-02-28" }),
      makeTraining("b", { start: "2024-12-03", end: "2025-02-02" }),
    ]);
    expect(findingsOf(report, "TRAINING_SPREAD_OVER_24_MONTHS")).toMatchObject([{ trainingIds: ["a", "b"] }]);
    expect(requirementOf(report, "training.fteMonths").met).toBe(true);
    expect(requirementOf(report, "training.window").met).toBe(false);
  });
});

describe("the best 24-month window", () => {
  // Three months full time in early 2023, two months at half or full time
  // around the new year 2025: no window holds both periods whole.
  const early = (hoursPerWeek: number) => makeTraining("a", { start: "2023-01-01", end: "2023-03-31", hoursPerWeek });
  const late = (hoursPerWeek: number) => makeTraining("b", { start: "2024-12-01", end: "2025-01-31", hoursPerWeek });

  it.each([
    ["start where a period starts: all of the early period and December at half time are 3.5 months", 35, 17.5, 3.5],
    [
      "end where a period ends: February and March 2023 at half time and all of the late period are 3 months",
      17.5,
      35,
      3,
    ],
  ])("may %s", (_, earlyHours, lateHours, months) => {
    const report = withTraining([early(earlyHours), late(lateHours)]);
    expect(requirementOf(report, "training.window")).toEqual({
      id: "training.window",
      met: true,
      actual: months,
      required: 3,
    });
    expect(codesOf(report)).toEqual([]);
  });

  it("counts a part-time period pro rata: 2 months full time and 3–31 December at half time are 2.48 months, too few", () => {
    // Entered latest first: the finding still names the periods in id order.
    const report = withTraining([
      makeTraining("b", { start: "2024-12-03", end: "2025-02-02", hoursPerWeek: 17.5 }),
      makeTraining("a", { start: "2023-01-01", end: "2023-02-28" }),
    ]);
    expect(requirementOf(report, "training.fteMonths")).toMatchObject({ met: true, actual: 3 });
    expect(requirementOf(report, "training.window")).toEqual({
      id: "training.window",
      met: false,
      actual: 2.48,
      required: 3,
    });
    expect(report.findings).toEqual([
      {
        code: "TRAINING_SPREAD_OVER_24_MONTHS",
        severity: "error",
        message: "at most 2.48 full-time-equivalent months fall within any 24-month window; 3 are required",
        trainingIds: ["a", "b"],
      },
    ]);
  });
});

describe("training over the union of periods", () => {
  it("the same period entered twice counts once", () => {
    const period = makeTraining("a", { start: "2025-01-01", end: "2025-02-28" });
    const report = withTraining([period, { ...period, id: "b" }]);
    expect(report.summary.trainingFteMonths).toBe(2);
    expect(codesOf(report)).toEqual(["TRAINING_TOO_SHORT"]);
  });

  it("overlapping periods count each day once: Jan–Feb and Feb–Mar are 3 months, not 4", () => {
    const report = withTraining([
      makeTraining("a", { start: "2025-01-01", end: "2025-02-28" }),
      makeTraining("b", { start: "2025-02-01", end: "2025-03-31" }),
    ]);
    expect(report.summary.trainingFteMonths).toBe(3);
  });

  it("a part-time period shifted by a day under the same supervisor does not double the hours", () => {
    const report = withTraining([
      makeTraining("a", { start: "2025-01-01", end: "2025-06-30", hoursPerWeek: 17.5 }),
      makeTraining("b", { start: "2025-01-02", end: "2025-07-01", hoursPerWeek: 17.5 }),
    ]);
    expect(report.summary.trainingFteMonths).toBeLessThan(3.1);
  });

  it("part-time periods under two supervisors on the same days add up, capped at full time", () => {
    const supervisors = [
      { id: SUPERVISOR_ID, body: "EACVI" as const, level3From: "2015-01-01", level3Until: null },
      { id: "sup-2", body: "SCMR" as const, level3From: "2015-01-01", level3Until: null },
    ];
    const half = (id: string, supervisorId: string, hoursPerWeek: number) =>
      makeTraining(id, { start: "2025-01-01", end: "2025-03-31", hoursPerWeek, supervisorId });
    expect(
      withTraining([half("a", SUPERVISOR_ID, 17.5), half("b", "sup-2", 17.5)], { supervisors }).summary
        .trainingFteMonths,
    ).toBe(3);
    expect(
      withTraining([half("a", SUPERVISOR_ID, 35), half("b", "sup-2", 35)], { supervisors }).summary.trainingFteMonths,
    ).toBe(3);
  });
});

describe("training and the supervisor's Level 3 award", () => {
  const supervisors = (level3From: string, level3Until: string | null = null) => [
    { id: SUPERVISOR_ID, body: "EACVI" as const, level3From: "2015-01-01", level3Until: null },
    { id: "sup-late", body: "SCMR" as const, level3From, level3Until },
  ];

  it("a period straddling the award date counts from that date", () => {
    const report = withTraining(
      [makeTraining("t", { start: "2024-12-01", end: "2025-03-31", supervisorId: "sup-late" })],
      {
        supervisors: supervisors("2025-01-01"),
      },
    );
    expect(report.summary.trainingFteMonths).toBe(3);
    expect(findingsOf(report, "TRAINING_SUPERVISOR_NOT_LEVEL3")).toMatchObject([
      { severity: "warning", trainingIds: ["t"] },
    ]);
    expect(report.eligible).toBe(true);
  });

  it("a period running past the end of the supervisor's Level 3 counts until that end", () => {
    const report = withTraining(
      [makeTraining("t", { start: "2025-01-01", end: "2025-06-30", supervisorId: "sup-late" })],
      {
        supervisors: supervisors("2015-01-01", "2025-02-28"),
      },
    );
    expect(report.summary.trainingFteMonths).toBe(2);
  });

  // The supervisor is checked on every day of the period, not only on its
  // start: both sides of the last day of their Level 3.
  it("Level 3 ending on the period's last day: the whole period counts, with no finding", () => {
    const report = withTraining(
      [makeTraining("t", { start: "2025-01-01", end: "2025-03-31", supervisorId: "sup-late" })],
      { supervisors: supervisors("2015-01-01", "2025-03-31") },
    );
    expect(report.summary.trainingFteMonths).toBe(3);
    expect(codesOf(report)).toEqual([]);
  });

  it("Level 3 ending the day before the period's last day: that day is left out (TRAINING_SUPERVISOR_NOT_LEVEL3)", () => {
    const until = (level3Until: string) =>
      withTraining([makeTraining("t", { start: "2025-01-01", end: "2025-03-31", supervisorId: "sup-late" })], {
        supervisors: supervisors("2015-01-01", level3Until),
      });
    expect(findingsOf(until("2025-03-30"), "TRAINING_SUPERVISOR_NOT_LEVEL3")).toMatchObject([
      {
        severity: "warning",
        trainingIds: ["t"],
        message: expect.stringContaining("only 2025-01-01 – 2025-03-30 counts"),
      },
    ]);
    // Two days fewer: the period is one day short of 3 months.
    const short = until("2025-03-29");
    expect(short.summary.trainingFteMonths).toBe(2.97);
    expect(codesOf(short)).toEqual(["TRAINING_SUPERVISOR_NOT_LEVEL3", "TRAINING_TOO_SHORT"]);
  });

  it("a supervisor whose Level 3 ended before the period started does not make it count", () => {
    const report = withTraining([makeTraining("t", { start: "2025-01-01", supervisorId: "sup-late" })], {
      supervisors: supervisors("2015-01-01", "2024-12-31"),
    });
    expect(report.summary.trainingFteMonths).toBe(0);
    expect(codesOf(report)).toEqual(["TRAINING_SUPERVISOR_NOT_LEVEL3", "TRAINING_TOO_SHORT"]);
  });

  it("a period wholly outside the supervisor's Level 3 does not count", () => {
    const report = withTraining([makeTraining("t", { supervisorId: "sup-late" })], {
      supervisors: supervisors("2025-06-01"),
    });
    expect(report.summary.trainingFteMonths).toBe(0);
    expect(codesOf(report)).toEqual(["TRAINING_SUPERVISOR_NOT_LEVEL3", "TRAINING_TOO_SHORT"]);
  });
});

describe("training in time", () => {
  it("the days after asOf are not counted (TRAINING_IN_FUTURE)", () => {
    const report = withTraining([makeTraining("t", { start: "2026-04-01", end: "2026-12-31" })]);
    expect(report.summary.trainingFteMonths).toBe(2.03);
    expect(findingsOf(report, "TRAINING_IN_FUTURE")).toMatchObject([{ severity: "warning", trainingIds: ["t"] }]);
  });

  it("a period starting after asOf is not counted at all", () => {
    const report = withTraining([
      makeTraining("now", { start: "2025-01-01", end: "2025-03-31" }),
      makeTraining("later", { start: "2026-06-02", end: "2026-12-31" }),
    ]);
    expect(report.summary.trainingFteMonths).toBe(3);
    expect(findingsOf(report, "TRAINING_IN_FUTURE")).toMatchObject([{ trainingIds: ["later"] }]);
  });

  it("the candidate supervising their own training is CANDIDATE_OWN_SUPERVISOR", () => {
    const bundle = makeBundle("level2", { training: [makeTraining("t", { supervisorId: "cand-1" })] });
    bundle.candidate.uid = "cand-1";
    const report = validateApplication(bundle);
    expect(findingsOf(report, "CANDIDATE_OWN_SUPERVISOR")).toMatchObject([{ severity: "error", trainingIds: ["t"] }]);
    expect(report.summary.trainingFteMonths).toBe(0);
  });
});
