// Invariants of the engine against a candidate who enters data to get
// through: over arbitrary bundles (every route, damaged cases, CME entered
// whole, split per day, by title or with hostile catalogue ids, overlapping
// and future training, recognition items), every number is finite, the
// verdict follows the findings and requirements, and neither a duplicate
// of any item nor moving any dated item after asOf raises a counted total.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  CASE_CATEGORIES,
  CME_KINDS,
  DEFAULT_POLICY,
  ROUTES,
  validateApplication,
  type Bundle,
  type Case,
  type CmeEntry,
  type Report,
  type TrainingPeriod,
} from "../../../functions/src/logbook/domain/index.js";
import { addDaysIso } from "../../../functions/src/platform/domain/dates.js";
import { AS_OF, makeBundle, makeCme, makeTraining, SUPERVISOR_ID } from "../../factories/bundle.js";

const OWNER = "cand-1";
const DAY_AFTER = addDaysIso(AS_OF, 1);
/** Dates at the limits: the exam window's edges, the Level 3 award of sup-late, asOf and the day after, far future. */
const DATES = ["2023-11-06", "2023-11-07", "2024-06-01", "2025-01-31", "2025-02-01", "2025-05-01", "2025-05-02"];
const dateArb = fc.constantFrom(...DATES, "2026-05-31", AS_OF, DAY_AFTER, "2027-01-01", "2099-12-31");
const SUPERVISORS: Bundle["supervisors"] = [
  { id: SUPERVISOR_ID, body: "EACVI", level3From: "2015-01-01", level3Until: null },
  { id: "sup-late", body: "SCMR", level3From: "2025-02-01", level3Until: null },
  { id: "sup-ended", body: "EACVI", level3From: "2015-01-01", level3Until: "2025-05-01" },
];
const supervisorArb = fc.constantFrom(SUPERVISOR_ID, "sup-late", "sup-ended", "nobody", OWNER);

const caseChange = fc.record(
  {
    role: fc.constantFrom("primary-operator", "reporting-physician", "observer"),
    normal: fc.boolean(),
    category: fc.constantFrom(...CASE_CATEGORIES),
    source: fc.constantFrom("own-centre", "other-centre", "course"),
    courseId: fc.constantFrom("course-a", "Course_A", "course-b", null),
    fullReview: fc.boolean(),
    presentInControlRoom: fc.boolean(),
    patientRef: fc.constantFrom("pt-dup-a", "PT-DUP-A", "ptdupa", "pt-dup-b", "pt.dup.b"),
    clinicalChange: fc.boolean(),
    studyDate: dateArb,
    supervisorId: supervisorArb,
  },
  { requiredKeys: [] },
) as fc.Arbitrary<Partial<Case>>;

const CATALOGUE_IDS = [...Object.keys(DEFAULT_POLICY.cme.catalogue), "constructor", "__proto__", "toString", "unknown"];

/** One CME event, as a candidate may enter it: whole, split per day, by title; distinct events never share a title, catalogue id or certificate. */
const cmeEventArb = fc.record({
  catalogueIndex: fc.nat(CATALOGUE_IDS.length), // the last index: no catalogue id
  kind: fc.constantFrom(...CME_KINDS), // every kind the schema knows, from its own list
  modalities: fc.option(fc.integer({ min: 1, max: 10 }), { nil: undefined }),
  cmrComponentCredits: fc.option(fc.integer({ min: 0, max: 40 }), { nil: undefined }),
  credits: fc.oneof(fc.integer({ min: 0, max: 30 }), fc.constantFrom(0.5, 24, 100, 1000)),
  start: dateArb,
  length: fc.integer({ min: 1, max: 4 }),
  certificate: fc.boolean(),
  entered: fc.constantFrom("whole", "split", "whole-and-title", "split-and-whole"),
});

type CmeEventInput = typeof cmeEventArb extends fc.Arbitrary<infer T> ? T : never;

function enter(events: CmeEventInput[]): CmeEntry[] {
  const usedCatalogue = new Set<string>();
  return events.flatMap((event, n) => {
    let catalogueId: string | null = CATALOGUE_IDS[event.catalogueIndex] ?? null;
    if (catalogueId !== null && usedCatalogue.has(catalogueId)) catalogueId = null;
    if (catalogueId !== null) usedCatalogue.add(catalogueId);
    const endDate = addDaysIso(event.start, event.length - 1);
    const base = {
      title: `Event ${n}`,
      catalogueId,
      kind: event.kind,
      modalities: event.modalities,
      cmrComponentCredits: event.cmrComponentCredits,
      credits: event.credits,
      certificateId: event.certificate ? `cert-${n}` : null,
    };
    const whole = makeCme(`e${n}-whole`, { ...base, startDate: event.start, endDate });
    const split = Array.from({ length: event.length }, (_, d) => {
      const day = addDaysIso(event.start, d);
      return makeCme(`e${n}-day${d}`, {
        ...base,
        startDate: day,
        endDate: day,
        credits: Math.ceil(event.credits / event.length),
        certificateId: event.certificate ? `cert-${n}-${d}` : null,
      });
    });
    const byTitle = makeCme(`e${n}-title`, {
      ...base,
      catalogueId: null,
      title: ` event-${n} `,
      startDate: event.start,
      endDate,
    });
    switch (event.entered) {
      case "whole":
        return [whole];
      case "split":
        return split;
      case "whole-and-title":
        return [whole, byTitle];
      default:
        return [...split, whole];
    }
  });
}

const trainingArb = fc.record({
  start: dateArb,
  months: fc.integer({ min: 0, max: 14 }),
  hoursPerWeek: fc.constantFrom(1, 17.5, 21, 35, 40, 168),
  supervisorId: supervisorArb,
});

const recognitionArb = fc.record({
  kind: fc.constantFrom("faculty-lecturer", "invited-speaker", "publication", "oral-presentation" as const),
  date: dateArb,
  title: fc.constantFrom("Paper A", "paper-a", "Paper B", "Talk C", null),
  isAbstract: fc.boolean(),
  firstAuthor: fc.boolean(),
  presentedInPerson: fc.boolean(),
});

/** A valid bundle for its route, carrying the owner's uid. */
const pristine = (route: Bundle["route"]): Bundle => {
  const bundle = makeBundle(route);
  bundle.supervisors = SUPERVISORS.map((s) => ({ ...s }));
  bundle.candidate = { ...bundle.candidate, uid: OWNER };
  bundle.supervisorIds = [SUPERVISOR_ID];
  return bundle;
};

/** A valid bundle, damaged: the owner's uid sometimes named where it must not be, and every list changed at random. */
const damagedArb = fc
  .record({
    route: fc.constantFrom(...ROUTES),
    caseChanges: fc.array(fc.tuple(fc.nat(299), caseChange), { maxLength: 30 }),
    cme: fc.option(fc.array(cmeEventArb, { maxLength: 6 }), { nil: undefined }),
    training: fc.option(fc.array(trainingArb, { maxLength: 4 }), { nil: undefined }),
    recognition: fc.option(fc.array(recognitionArb, { maxLength: 5 }), { nil: undefined }),
    declaration: fc.option(fc.record({ supervisorId: supervisorArb, signedOn: dateArb }), { nil: undefined }),
    ownerNamed: fc.boolean(),
    aclsEvidence: fc.boolean(),
  })
  .map((d): Bundle => {
    const bundle = pristine(d.route);
    if (d.ownerNamed) bundle.supervisorIds = [SUPERVISOR_ID, OWNER];
    if (!d.aclsEvidence) bundle.candidate.acls = { kind: "certificate", validUntil: "2027-06-30", evidenceId: null };
    for (const [index, change] of d.caseChanges) {
      const i = index % bundle.cases.length;
      bundle.cases[i] = { ...bundle.cases[i], ...change };
    }
    if (d.cme) bundle.cme = enter(d.cme);
    if (d.training) {
      bundle.training = d.training.map((t, n) =>
        makeTraining(`t${n}`, {
          start: t.start,
          end: addDaysIso(t.start, t.months * 30),
          hoursPerWeek: t.hoursPerWeek,
          supervisorId: t.supervisorId,
        }),
      );
    }
    if (d.recognition) {
      bundle.peerRecognition = d.recognition.map((r, n) => ({ id: `r${n}`, ...r }));
    }
    if (d.declaration) bundle.supervisorDeclaration = d.declaration;
    return bundle;
  });

/** Arbitrary bundles: one in five as the factory makes it (eligible), the others damaged. */
const bundleArb = fc.oneof(
  { arbitrary: fc.constantFrom(...ROUTES).map(pristine), weight: 1 },
  { arbitrary: damagedArb, weight: 4 },
);

/** Totals that may only fall when a duplicate is added: every counted number of the report. */
function countedNumbers(report: Report): Record<string, number> {
  const { summary } = report;
  const numbers: Record<string, number> = {
    casesCounted: summary.casesCounted,
    normal: summary.normal,
    course: summary.course,
    otherCentre: summary.otherCentre,
    controlRoom: summary.controlRoom,
    cmeCredits: summary.cmeCredits,
    trainingFteMonths: summary.trainingFteMonths,
    peerRecognition: report.requirements.some((r) => r.id === "peerRecognition" && r.met) ? 1 : 0,
  };
  for (const [category, { counted }] of Object.entries(report.categories)) numbers[`category.${category}`] = counted;
  for (const r of report.requirements) if (typeof r.actual === "number") numbers[`requirement.${r.id}`] = r.actual;
  return numbers;
}

/**
 * Totals that may only fall when an item moves after asOf. Sub-counts of the
 * cases (normal, per category...) are left out: when a patient's first study
 * is moved out, a later study of the same patient rightly takes its place.
 */
function headlineNumbers(report: Report): Record<string, number> {
  const all = countedNumbers(report);
  const keep = [
    "casesCounted",
    "cmeCredits",
    "trainingFteMonths",
    "peerRecognition",
    "requirement.cme.sources",
    "requirement.training.window",
  ];
  return Object.fromEntries(keep.filter((k) => k in all).map((k) => [k, all[k]]));
}

function expectNoIncrease(before: Record<string, number>, after: Record<string, number>, what: string) {
  for (const [key, value] of Object.entries(after)) {
    if (!(value <= (before[key] ?? 0) + 1e-9)) {
      throw new Error(`${what} raised ${key} from ${before[key]} to ${value}`);
    }
  }
}

function allNumbers(value: unknown, path = "report"): [string, number][] {
  if (typeof value === "number") return [[path, value]];
  if (Array.isArray(value)) return value.flatMap((v, i) => allNumbers(v, `${path}[${i}]`));
  if (value && typeof value === "object") {
    return Object.entries(value).flatMap(([k, v]) => allNumbers(v, `${path}.${k}`));
  }
  return [];
}

type ListName = "cases" | "cme" | "training" | "peerRecognition";
const LISTS: ListName[] = ["cases", "cme", "training", "peerRecognition"];

/** A copy of item `index` of `list` under a new id (the id sorts first, so it competes to be "the first"). */
function withDuplicate(bundle: Bundle, list: ListName, index: number): Bundle | null {
  const items = bundle[list] as { id: string }[];
  if (items.length === 0) return null;
  const item = items[index % items.length];
  return { ...bundle, [list]: [...items, { ...structuredClone(item), id: `0-copy-${item.id}` }] };
}

/** Item `index` of `list` moved to start and end after asOf (same length, same everything else). */
function movedAfterAsOf(bundle: Bundle, list: ListName | "declaration", index: number, days: number): Bundle | null {
  const start = addDaysIso(DAY_AFTER, days);
  if (list === "declaration") {
    if (!bundle.supervisorDeclaration) return null;
    return { ...bundle, supervisorDeclaration: { ...bundle.supervisorDeclaration, signedOn: start } };
  }
  const items = bundle[list] as unknown[];
  if (items.length === 0) return null;
  const i = index % items.length;
  const copy = [...items];
  if (list === "cases") copy[i] = { ...(items[i] as Case), studyDate: start };
  if (list === "peerRecognition") copy[i] = { ...(items[i] as Bundle["peerRecognition"][number]), date: start };
  if (list === "cme") {
    const e = items[i] as CmeEntry;
    copy[i] = { ...e, startDate: start, endDate: addDaysIso(start, daysOf(e.startDate, e.endDate)) };
  }
  if (list === "training") {
    const t = items[i] as TrainingPeriod;
    copy[i] = { ...t, start, end: addDaysIso(start, daysOf(t.start, t.end)) };
  }
  return { ...bundle, [list]: copy };
}

const daysOf = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);

describe("integrity invariants over arbitrary bundles", () => {
  it("every number in the report is finite", () => {
    fc.assert(
      fc.property(bundleArb, (bundle) => {
        const report = validateApplication(bundle);
        for (const [path, n] of allNumbers(report)) {
          if (!Number.isFinite(n)) throw new Error(`${path} is ${n}`);
        }
      }),
      { numRuns: 150 },
    );
  });

  it("eligible exactly when no finding is an error and every requirement is met", () => {
    fc.assert(
      fc.property(bundleArb, (bundle) => {
        const report = validateApplication(bundle);
        const clean = report.findings.every((f) => f.severity !== "error");
        const met = report.requirements.every((r) => r.met);
        expect(report.eligible).toBe(clean && met);
        // An unmet requirement is always explained by an error finding.
        if (!met) expect(clean).toBe(false);
      }),
      { numRuns: 150 },
    );
  });

  it("adding a duplicate of any item never increases any counted total, nor makes the logbook eligible", () => {
    fc.assert(
      fc.property(bundleArb, fc.constantFrom(...LISTS), fc.nat(400), (bundle, list, index) => {
        const changed = withDuplicate(bundle, list, index);
        if (!changed) return;
        const before = validateApplication(bundle);
        const after = validateApplication(changed);
        expectNoIncrease(countedNumbers(before), countedNumbers(after), `a duplicate in ${list}`);
        if (!before.eligible) expect(after.eligible).toBe(false);
      }),
      { numRuns: 200 },
    );
  });

  it("moving any dated item after asOf never increases a counted total, nor makes the logbook eligible", () => {
    fc.assert(
      fc.property(
        bundleArb,
        fc.constantFrom<ListName | "declaration">(...LISTS, "declaration"),
        fc.nat(400),
        fc.constantFrom(0, 1, 400),
        (bundle, list, index, days) => {
          const changed = movedAfterAsOf(bundle, list, index, days);
          if (!changed) return;
          const before = validateApplication(bundle);
          const after = validateApplication(changed);
          expectNoIncrease(headlineNumbers(before), headlineNumbers(after), `moving an item of ${list} after asOf`);
          if (!before.eligible) expect(after.eligible).toBe(false);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("the generators reach the limits: eligible and ineligible bundles, future items, merged events", () => {
    const samples = fc.sample(bundleArb, { numRuns: 300, seed: 7 }).map((b) => validateApplication(b));
    const codes = new Set(samples.flatMap((r) => r.findings.map((f) => f.code)));
    for (const code of [
      "CME_SAME_EVENT",
      "CME_IN_FUTURE",
      "CME_CATALOGUE_UNKNOWN",
      "CME_MODALITIES_MISSING",
      "CME_CREDITS_CAPPED",
      "TRAINING_IN_FUTURE",
      "TRAINING_SUPERVISOR_NOT_LEVEL3",
      "CANDIDATE_OWN_SUPERVISOR",
      "DUPLICATE_PATIENT",
      "SUPERVISOR_DECLARATION_IN_FUTURE",
      "PEER_RECOGNITION_DUPLICATE",
      "PEER_RECOGNITION_IN_FUTURE",
    ]) {
      expect(codes, code).toContain(code);
    }
    expect(samples.some((r) => r.eligible)).toBe(true);
  });
});
