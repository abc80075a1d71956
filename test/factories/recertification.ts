// Typed builders for recertification tests: a certification in its window,
// a complete checklist, a letter, the CME of a cycle. One change per test.
import type { CmeEntry } from "../../functions/src/logbook/domain/index.js";
import type { HeldCertification } from "../../functions/src/recertification/domain/application.js";
import type { Checklist, RecertificationInput } from "../../functions/src/recertification/domain/requirements.js";

export const heldCertification = (fields: Partial<HeldCertification> = {}): HeldCertification => ({
  id: "cert-1",
  uid: "holder",
  level: 2,
  awardedOn: "2025-06-15",
  expiresOn: "2030-06-15",
  status: "active",
  recertificationSubmitted: false,
  extensionGrantedUntil: null,
  certificateNumber: "CMR-L2-2025-00001",
  holderName: "Dr Holder",
  country: "FR",
  recertificationApplicationId: null,
  renewedBy: null,
  recertificationAttempts: 0,
  ...fields,
});

export const fullChecklist = (studies = 60): Checklist => ({
  years: [1, 2, 3, 4, 5].map((year) => ({
    year,
    studies,
    reported: Math.floor(studies / 2),
    institutions: ["CHU Lyon"],
  })),
});

export const cycleCme = (fields: Partial<CmeEntry> = {}, id = "cme-a"): CmeEntry => ({
  id,
  title: `CMR course ${id}`,
  catalogueId: null,
  kind: "course",
  startDate: "2027-03-01",
  endDate: "2027-03-01",
  credits: 8,
  certificateId: `ev-${id}`,
  ...fields,
});

/** 56 CMR-specific credits over seven days of courses in the cycle: above both provisional minima. */
export const enoughCme = (): CmeEntry[] =>
  Array.from({ length: 7 }, (_, i) =>
    cycleCme({ startDate: `2027-03-0${i + 1}`, endDate: `2027-03-0${i + 1}`, title: `CMR course ${i}` }, `cme-${i}`),
  );

export const recertificationInput = (fields: Partial<RecertificationInput> = {}): RecertificationInput => ({
  asOf: "2030-03-01",
  certificate: {
    id: "cert-1",
    certificateNumber: "CMR-L2-2025-00001",
    status: "active",
    awardedOn: "2025-06-15",
    expiresOn: "2030-06-15",
  },
  checklist: fullChecklist(),
  letter: { evidenceId: "ev-letter", problem: null },
  cme: enoughCme(),
  inputFindings: [],
  ...fields,
});
