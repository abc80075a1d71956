// Typed builders for valid application bundles: each test starts from an
// eligible bundle and changes one thing.
import type {
  Bundle,
  Case,
  CaseCategory,
  CmeEntry,
  Policy,
  Route,
  TrainingPeriod,
} from "../../functions/src/logbook/domain/index.js";
import { DEFAULT_POLICY } from "../../functions/src/logbook/domain/index.js";
import { addDaysIso } from "../../functions/src/platform/domain/dates.js";

export const SUPERVISOR_ID = "sup-lv3";
export const EXAM = { passed: true, sittingDate: "2025-11-07", resultDate: "2025-12-19" };
export const AS_OF = "2026-06-01";
export const FIRST_STUDY = "2025-01-01";

export function makeCase(index: number, overrides: Partial<Case> = {}): Case {
  return {
    id: `case-${String(index).padStart(4, "0")}`,
    patientRef: `pt-${String(index).padStart(4, "0")}`,
    studyDate: addDaysIso(FIRST_STUDY, index),
    category: "cardiomyopathy",
    normal: false,
    source: "own-centre",
    role: "primary-operator",
    presentInControlRoom: index % 2 === 0,
    supervisorId: SUPERVISOR_ID,
    ...overrides,
  };
}

/** Categories in order: first each category's minimum, then cardiomyopathy. */
function categoriesFor(route: Route, total: number, policy: Policy): CaseCategory[] {
  const minima = policy.categories.minimum[route];
  const list = Object.entries(minima).flatMap(([category, n]) => Array<CaseCategory>(n).fill(category as CaseCategory));
  while (list.length < total) list.push("cardiomyopathy");
  return list.slice(0, total);
}

export function makeCases(route: Route, policy: Policy = DEFAULT_POLICY, total = policy.cases.required[route]): Case[] {
  return categoriesFor(route, total, policy).map((category, i) =>
    makeCase(i, {
      category,
      congenitalLesion: category === "congenital" ? "shunt" : null,
      normal: i % 20 === 19,
    }),
  );
}

export function makeCme(id: string, overrides: Partial<CmeEntry> = {}): CmeEntry {
  return {
    id,
    title: `CMR course ${id}`,
    catalogueId: null,
    kind: "course",
    startDate: "2025-05-01",
    endDate: "2025-05-01",
    credits: 5,
    certificateId: `cert-${id}`,
    ...overrides,
  };
}

const CME_BY_ROUTE: Record<Route, CmeEntry[]> = {
  level2: [
    makeCme("cme-eurocmr", {
      title: "EuroCMR 2025",
      catalogueId: "eurocmr",
      kind: "cmr-meeting",
      credits: 18,
      endDate: "2025-05-03",
    }),
    makeCme("cme-intro", {
      title: "SCMR intro",
      catalogueId: "scmr-intro-online-course",
      kind: "online-course",
      credits: 10,
      startDate: "2025-03-01",
      endDate: "2025-03-31",
    }),
  ],
  "level3-via-level2": [
    makeCme("cme-eurocmr-2026", {
      title: "EuroCMR 2026",
      catalogueId: "eurocmr",
      kind: "cmr-meeting",
      credits: 18,
      startDate: "2026-05-01",
      endDate: "2026-05-03",
    }),
    makeCme("cme-basic", {
      title: "Basic tutorials",
      catalogueId: "eacvi-cmr-basic-tutorials",
      kind: "online-course",
      credits: 6,
      startDate: "2025-03-01",
      endDate: "2025-03-31",
    }),
    makeCme("cme-course", { title: "Advanced CMR course", credits: 5 }),
  ],
  "level3-direct": [
    makeCme("cme-eurocmr", {
      title: "EuroCMR 2025",
      catalogueId: "eurocmr",
      kind: "cmr-meeting",
      credits: 18,
      endDate: "2025-05-03",
    }),
    makeCme("cme-scmr", {
      title: "SCMR 2025",
      catalogueId: "scmr-annual-sessions",
      kind: "cmr-meeting",
      credits: 24,
      startDate: "2025-02-01",
      endDate: "2025-02-03",
    }),
    makeCme("cme-intro", {
      title: "SCMR intro",
      catalogueId: "scmr-intro-online-course",
      kind: "online-course",
      credits: 10,
      startDate: "2025-03-01",
      endDate: "2025-03-31",
    }),
  ],
};

export function makeTraining(id: string, overrides: Partial<TrainingPeriod> = {}): TrainingPeriod {
  return { id, start: "2025-01-01", end: "2025-03-31", hoursPerWeek: 40, supervisorId: SUPERVISOR_ID, ...overrides };
}

const TRAINING_END: Record<Route, string> = {
  level2: "2025-03-31",
  "level3-via-level2": "2025-09-30",
  "level3-direct": "2025-12-31",
};

/** An eligible bundle for the route under `policy`, with `overrides` applied on top. */
export function makeBundle(
  route: Route = "level2",
  overrides: Partial<Bundle> = {},
  policy: Policy = DEFAULT_POLICY,
): Bundle {
  const level3 = route !== "level2";
  return {
    asOf: AS_OF,
    route,
    candidate: {
      physicianRegistration: { validUntil: "2030-12-31" },
      acls: { kind: "certificate", validUntil: "2027-06-30", evidenceId: "ev-acls" },
      level2:
        route === "level3-via-level2"
          ? {
              awardedOn: "2023-03-01",
              expiresOn: "2028-03-01",
              caseKeys: ["pt-l2-0001|2021-05-05"],
              cmeIds: ["cme-old"],
            }
          : null,
    },
    exam: route === "level3-via-level2" ? null : { ...EXAM },
    extensionGrantedUntil: null,
    supervisors: [{ id: SUPERVISOR_ID, body: "EACVI", level3From: "2015-01-01", level3Until: null }],
    training: [makeTraining("tr-1", { end: TRAINING_END[route] })],
    cases: makeCases(route, policy),
    cme: CME_BY_ROUTE[route].map((e) => ({ ...e })),
    peerRecognition: level3
      ? [1, 2, 3].map((n) => ({
          id: `pub-${n}`,
          kind: "publication" as const,
          date: "2024-03-01",
          title: `CMR paper ${n}`,
          isAbstract: false,
        }))
      : [],
    supervisorDeclaration: { supervisorId: SUPERVISOR_ID, signedOn: "2026-05-20" },
    ...overrides,
  };
}
