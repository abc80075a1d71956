// A direct Level 3 bundle of any size for the benchmarks: cases spread over
// 700 days, a few repeat patients, 60 CME entries, 10 training periods.
import { createRequire } from "node:module";

const { CASE_CATEGORIES: CATEGORIES } = createRequire(import.meta.url)("../../functions/lib/logbook/domain/schema.js");

function isoPlusDays(iso, days) {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function benchBundle(caseCount) {
  const cases = Array.from({ length: caseCount }, (_, i) => ({
    id: `case-${i}`,
    patientRef: `pt-${i % Math.floor(caseCount * 0.95)}`, // some repeat patients
    studyDate: isoPlusDays("2024-06-01", i % 700),
    category: CATEGORIES[i % CATEGORIES.length],
    congenitalLesion: i % 18 === 4 ? "shunt" : null,
    normal: i % 12 === 0,
    source: i % 7 === 0 ? "other-centre" : "own-centre",
    role: "primary-operator",
    presentInControlRoom: i % 2 === 0,
    supervisorId: `sup-${i % 3}`,
    clinicalChange: i % 40 === 0,
  }));
  const cme = Array.from({ length: 60 }, (_, i) => ({
    id: `cme-${i}`,
    title: `Event ${i % 20}`,
    catalogueId: i % 5 === 0 ? "eurocmr" : null,
    kind: ["cmr-meeting", "multimodality-meeting", "course", "online-course", "ects"][i % 5],
    modalities: 3,
    startDate: isoPlusDays("2024-01-01", i * 7),
    endDate: isoPlusDays("2024-01-01", i * 7 + 1),
    credits: 6,
    certificateId: `cert-${i}`,
  }));
  const training = Array.from({ length: 10 }, (_, i) => ({
    id: `tr-${i}`,
    start: isoPlusDays("2024-06-01", i * 60),
    end: isoPlusDays("2024-06-01", i * 60 + 50),
    hoursPerWeek: 21 + i,
    supervisorId: `sup-${i % 3}`,
  }));
  return {
    asOf: "2026-06-01",
    route: "level3-direct",
    candidate: {
      physicianRegistration: { validUntil: "2030-01-01" },
      acls: { kind: "certificate", validUntil: "2030-01-01", evidenceId: "ev" },
      level2: null,
    },
    exam: { passed: true, sittingDate: "2025-11-07", resultDate: "2025-12-19" },
    supervisors: [0, 1, 2].map((i) => ({ id: `sup-${i}`, body: "EACVI", level3From: "2010-01-01", level3Until: null })),
    training,
    cases,
    cme,
    peerRecognition: [1, 2, 3].map((i) => ({ id: `p${i}`, kind: "publication", date: "2024-01-01" })),
    supervisorDeclaration: { supervisorId: "sup-0", signedOn: "2026-05-01" },
  };
}
