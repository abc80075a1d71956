// Invariants of the engine over randomly damaged bundles.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  CASE_CATEGORIES,
  DEFAULT_POLICY,
  ROUTES,
  validateApplication,
  type Bundle,
  type Case,
  type Route,
} from "../../../functions/src/logbook/domain/index.js";
import { makeBundle, makeCase } from "../../factories/bundle.js";

const caseChange = fc.record(
  {
    role: fc.constantFrom("primary-operator", "reporting-physician", "observer"),
    normal: fc.boolean(),
    category: fc.constantFrom(...CASE_CATEGORIES),
    source: fc.constantFrom("own-centre", "other-centre", "course"),
    fullReview: fc.boolean(),
    presentInControlRoom: fc.boolean(),
    patientRef: fc.constantFrom("pt-dup-a", "pt-dup-b"),
    clinicalChange: fc.boolean(),
    studyDate: fc.constantFrom("2023-01-01", "2024-06-30", "2025-07-01", "2026-05-31", "2026-07-01"),
  },
  { requiredKeys: [] },
) as fc.Arbitrary<Partial<Case>>;

/** An eligible bundle with up to 40 cases changed at random. */
const damagedBundle = fc
  .tuple(fc.constantFrom(...ROUTES), fc.array(fc.tuple(fc.nat(299), caseChange), { maxLength: 40 }))
  .map(([route, changes]) => {
    const bundle = makeBundle(route);
    for (const [index, change] of changes) {
      const i = index % bundle.cases.length;
      bundle.cases[i] = { ...bundle.cases[i], ...change };
    }
    return bundle;
  });

const excludedCase = fc
  .tuple(
    fc.constantFrom<Partial<Case>>(
      { role: "observer" },
      { studyDate: "2027-01-01" },
      { supervisorId: "nobody" },
      { source: "course", fullReview: false },
    ),
    fc.nat(1000),
  )
  .map(([change, n]) => makeCase(10_000 + n, { studyDate: "2025-08-01", ...change, id: `extra-${n}` }));

const shuffled = <T>(items: T[], seed: number) =>
  items
    .map((item, i) => ({ item, key: (i * 2654435761 + seed) % 4294967296 }))
    .sort((a, b) => a.key - b.key)
    .map(({ item }) => item);

describe("engine invariants", () => {
  it("the report does not depend on the order of cases, CME entries or training periods", () => {
    fc.assert(
      fc.property(damagedBundle, fc.nat(), (bundle, seed) => {
        const reordered: Bundle = {
          ...bundle,
          cases: shuffled(bundle.cases, seed),
          cme: shuffled(bundle.cme, seed),
          training: shuffled(bundle.training, seed),
        };
        expect(validateApplication(reordered)).toEqual(validateApplication(bundle));
      }),
      { numRuns: 60 },
    );
  });

  it("adding an excluded case never makes an ineligible logbook eligible, nor changes the counts", () => {
    fc.assert(
      fc.property(damagedBundle, excludedCase, (bundle, extra) => {
        const before = validateApplication(bundle);
        const after = validateApplication({ ...bundle, cases: [...bundle.cases, extra] });
        if (!before.eligible) expect(after.eligible).toBe(false);
        expect(after.summary).toEqual(before.summary);
      }),
      { numRuns: 60 },
    );
  });
});

// The properties below are checked against an oracle written here from the
// programme's text, by hand: which cases count, the caps and minima of each
// route, and the windows as dates worked out on paper (exam sitting
// 2025-11-07, asOf 2026-06-01). It shares no code with the engine but the
// provisional category minima, which are policy data.
const LIMITS: Record<
  Route,
  { required: number; normal: number; course: number; otherCentre: number; controlRoom: number }
> = {
  level2: { required: 150, normal: 15, course: 30, otherCentre: 75, controlRoom: 50 },
  "level3-via-level2": { required: 150, normal: 15, course: 30, otherCentre: 75, controlRoom: 50 },
  "level3-direct": { required: 300, normal: 30, course: 60, otherCentre: 150, controlRoom: 100 },
};
/** Two years either side of the exam sitting (2025-11-07); the Level 3 window: two years before asOf. */
const WINDOW: Record<Route, { from: string; to: string }> = {
  level2: { from: "2023-11-07", to: "2027-11-07" },
  "level3-direct": { from: "2023-11-07", to: "2027-11-07" },
  "level3-via-level2": { from: "2024-06-01", to: "2026-06-01" },
};
const AS_OF_DAY = "2026-06-01";
/** The supervisor's declaration of the factory's bundle: it must not predate any case, counted or not. */
const DECLARATION_DAY = "2026-05-20";

/** Dates on both sides of every window edge, and of the 24-month span from the earliest of them. */
const EDGE_DATES = [
  "2023-11-06",
  "2023-11-07",
  "2024-05-31",
  "2024-06-01",
  "2025-06-15",
  "2026-05-31",
  "2026-06-01",
  "2026-06-02",
];

const caseEdit = fc.constantFrom<Partial<Case>>(
  { presentInControlRoom: false },
  { presentInControlRoom: true },
  { normal: true },
  { normal: false },
  { source: "other-centre" },
  { source: "own-centre" },
  { source: "course", fullReview: true },
  { source: "course", fullReview: false },
  { role: "observer" },
  { role: "reporting-physician" },
  ...EDGE_DATES.map((studyDate) => ({ studyDate })),
);

/**
 * An eligible bundle with a few blocks of consecutive cases changed alike: a
 * block reaches every limit (a control-room shortfall needs 26 of 150 cases
 * moved out of the control room), single-case blocks the edges.
 */
const blockEditedBundle = fc
  .tuple(
    fc.constantFrom(...ROUTES),
    fc.array(
      fc.record({
        from: fc.nat(299),
        length: fc.oneof(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 160 })),
        edit: caseEdit,
      }),
      { minLength: 1, maxLength: 4 },
    ),
  )
  .map(([route, blocks]) => {
    const bundle = makeBundle(route);
    const n = bundle.cases.length;
    for (const { from, length, edit } of blocks) {
      for (let k = 0; k < length; k++) {
        const i = (from + k) % n;
        bundle.cases[i] = { ...bundle.cases[i], ...edit };
      }
    }
    return bundle;
  });

/**
 * A bundle whose control-room, normal or other-centre count is set to one
 * side or the other of its limit (limit - 1, limit, limit + 1), then
 * block-edited: the edges themselves, which random blocks seldom hit.
 */
const EXACT_FIELDS = ["presentInControlRoom", "normal", "other-centre"] as const;
const edgeBundle = fc
  .tuple(blockEditedBundle, fc.constantFrom(...EXACT_FIELDS), fc.integer({ min: -1, max: 1 }), fc.boolean())
  .map(([bundle, field, step, alsoEdited]) => {
    const fresh = alsoEdited ? bundle : makeBundle(bundle.route);
    const limits = LIMITS[fresh.route];
    const k =
      (field === "presentInControlRoom"
        ? limits.controlRoom
        : field === "normal"
          ? limits.normal
          : limits.otherCentre) + step;
    fresh.cases = fresh.cases.map((c, i) =>
      field === "other-centre" ? { ...c, source: i < k ? "other-centre" : "own-centre" } : { ...c, [field]: i < k },
    );
    return fresh;
  });
const limitBundle = fc.oneof(blockEditedBundle, edgeBundle);

/** Two years after an ISO date, by hand (the generated dates are never 29 February). */
const twoYearsAfter = (date: string) => `${Number(date.slice(0, 4)) + 2}${date.slice(4)}`;

interface Expected {
  excluded: number;
  counted: number;
  normal: number;
  course: number;
  otherCentre: number;
  controlRoom: number;
  categories: Record<string, number>;
  spanMet: boolean;
  eligible: boolean;
  errorCodes: Set<string>;
}

/** The oracle: the counts and outcome of a block-edited bundle, from the programme's text. */
function expected(bundle: Bundle): Expected {
  const route = bundle.route;
  const window = WINDOW[route];
  const excludedBy = (c: Case): string[] =>
    [
      c.role === "observer" ? "CASE_ROLE_NOT_ACCEPTED" : null,
      c.source === "course" && c.fullReview !== true ? "COURSE_CASE_NOT_REVIEWED" : null,
      c.studyDate > AS_OF_DAY ? "CASE_IN_FUTURE" : null,
      route !== "level3-via-level2" && (c.studyDate < window.from || c.studyDate > window.to)
        ? "CASE_OUTSIDE_EXAM_WINDOW"
        : null,
      route === "level3-via-level2" && (c.studyDate < window.from || c.studyDate > window.to)
        ? "CASE_OUTSIDE_LEVEL3_WINDOW"
        : null,
    ].filter((code): code is string => code !== null);
  const errorCodes = new Set<string>();
  const counted: Case[] = [];
  for (const c of bundle.cases) {
    const codes = excludedBy(c);
    codes.forEach((code) => errorCodes.add(code));
    if (codes.length === 0) counted.push(c);
  }
  const count = (p: (c: Case) => boolean) => counted.filter(p).length;
  const limits = LIMITS[route];
  const result = {
    excluded: bundle.cases.length - counted.length,
    counted: counted.length,
    normal: count((c) => c.normal),
    course: count((c) => c.source === "course"),
    otherCentre: count((c) => c.source === "other-centre"),
    controlRoom: count((c) => c.presentInControlRoom),
    categories: Object.fromEntries(
      CASE_CATEGORIES.map((category) => [category, count((c) => c.category === category)]),
    ),
  };
  const dates = counted.map((c) => c.studyDate).sort();
  const spanMet = dates.length === 0 || dates[dates.length - 1] < twoYearsAfter(dates[0]);
  if (bundle.cases.some((c) => c.studyDate > DECLARATION_DAY))
    errorCodes.add("SUPERVISOR_DECLARATION_BEFORE_LAST_CASE");
  if (result.counted < limits.required) errorCodes.add("CASES_TOO_FEW");
  if (result.normal > limits.normal) errorCodes.add("NORMAL_CASES_OVER_LIMIT");
  if (result.course > limits.course) errorCodes.add("COURSE_CASES_OVER_LIMIT");
  if (result.otherCentre > limits.otherCentre) errorCodes.add("OTHER_CENTRE_CASES_OVER_LIMIT");
  if (result.controlRoom < limits.controlRoom) errorCodes.add("CONTROL_ROOM_PRESENCE_TOO_LOW");
  if (!spanMet) errorCodes.add("CASES_SPAN_OVER_24_MONTHS");
  const minimum = DEFAULT_POLICY.categories.minimum[route];
  if (CASE_CATEGORIES.some((category) => result.categories[category] < minimum[category])) {
    errorCodes.add("CATEGORY_MINIMUM_NOT_MET");
  }
  return { ...result, spanMet, eligible: errorCodes.size === 0, errorCodes };
}

describe("engine against a separate oracle", () => {
  it("counts, error codes and eligibility agree with the oracle", () => {
    fc.assert(
      fc.property(limitBundle, (bundle) => {
        const report = validateApplication(bundle);
        const oracle = expected(bundle);
        expect(report.summary).toMatchObject({
          casesCounted: oracle.counted,
          normal: oracle.normal,
          course: oracle.course,
          otherCentre: oracle.otherCentre,
          controlRoom: oracle.controlRoom,
        });
        for (const category of CASE_CATEGORIES) {
          expect(report.categories[category].counted, category).toBe(oracle.categories[category]);
        }
        // No counted case, no span to judge.
        expect(report.requirements.find((r) => r.id === "cases.span")?.met).toBe(
          oracle.counted === 0 ? undefined : oracle.spanMet,
        );
        expect(new Set(report.findings.filter((f) => f.severity === "error").map((f) => f.code))).toEqual(
          oracle.errorCodes,
        );
        expect(report.eligible).toBe(oracle.eligible);
      }),
      { numRuns: 150 },
    );
  });

  it("each excluded case has its own error finding naming it", () => {
    fc.assert(
      fc.property(limitBundle, (bundle) => {
        const named = new Set(
          validateApplication(bundle)
            .findings.filter((f) => f.severity === "error")
            .flatMap((f) => f.caseIds ?? []),
        );
        expect(named.size).toBe(expected(bundle).excluded);
      }),
      { numRuns: 60 },
    );
  });

  it("the generator reaches every limit (both sides) and crosses every window", () => {
    const seen = new Map<string, number>();
    for (const bundle of fc.sample(limitBundle, { numRuns: 400, seed: 16 })) {
      const oracle = expected(bundle);
      const limits = LIMITS[bundle.route];
      const note = (key: string, happened: boolean) => {
        if (happened) seen.set(key, (seen.get(key) ?? 0) + 1);
      };
      note("eligible", oracle.eligible);
      for (const code of oracle.errorCodes) note(code, true);
      note("control room exactly at the minimum", oracle.controlRoom === limits.controlRoom);
      note("control room one short of the minimum", oracle.controlRoom === limits.controlRoom - 1);
      note("normal cases exactly at the cap", oracle.normal === limits.normal);
      note("normal cases one over the cap", oracle.normal === limits.normal + 1);
      note("other-centre cases exactly at the cap", oracle.otherCentre === limits.otherCentre);
      note("other-centre cases one over the cap", oracle.otherCentre === limits.otherCentre + 1);
      note("course cases at or over the cap", oracle.course >= limits.course);
    }
    for (const key of [
      "eligible",
      "CONTROL_ROOM_PRESENCE_TOO_LOW",
      "NORMAL_CASES_OVER_LIMIT",
      "COURSE_CASES_OVER_LIMIT",
      "OTHER_CENTRE_CASES_OVER_LIMIT",
      "CASES_TOO_FEW",
      "CASES_SPAN_OVER_24_MONTHS",
      "CASE_OUTSIDE_EXAM_WINDOW",
      "CASE_OUTSIDE_LEVEL3_WINDOW",
      "CASE_IN_FUTURE",
      "CASE_ROLE_NOT_ACCEPTED",
      "COURSE_CASE_NOT_REVIEWED",
      "CATEGORY_MINIMUM_NOT_MET",
      "SUPERVISOR_DECLARATION_BEFORE_LAST_CASE",
      "control room exactly at the minimum",
      "control room one short of the minimum",
      "normal cases exactly at the cap",
      "normal cases one over the cap",
      "other-centre cases exactly at the cap",
      "other-centre cases one over the cap",
      "course cases at or over the cap",
    ]) {
      expect(seen.get(key) ?? 0, key).toBeGreaterThan(0);
    }
  });
});
