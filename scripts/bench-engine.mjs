// npm run bench: validation time of a direct Level 3 bundle (300 cases, 60 CME
// entries, 10 training periods), and its growth with the number of cases.
// Uses the compiled engine in functions/lib (npm run bench builds first).
import { createRequire } from "node:module";
import { performance } from "node:perf_hooks";

const require = createRequire(import.meta.url);
const { validateApplication } = require("../functions/lib/domain/index.js");

const CATEGORIES = [
  "ischaemic",
  "stress-perfusion",
  "cardiomyopathy",
  "valvular",
  "congenital",
  "aortic-vascular",
  "pericardial",
  "mass",
  "other",
];

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

function medianMs(bundle, runs) {
  for (let i = 0; i < 50; i++) validateApplication(bundle); // warm-up
  const times = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    validateApplication(bundle);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(runs / 2)], p95: times[Math.floor(runs * 0.95)] };
}

const RUNS = 500;
console.log(
  `validateApplication, direct Level 3 (60 CME entries, 10 training periods), ${RUNS} runs each, Node ${process.version}`,
);
console.log("cases   median ms   p95 ms   median per case (µs)");
const results = [];
for (const n of [150, 300, 600, 1200]) {
  const { median, p95 } = medianMs(benchBundle(n), RUNS);
  results.push({ n, median });
  console.log(
    `${String(n).padStart(5)}   ${median.toFixed(3).padStart(9)}   ${p95.toFixed(3).padStart(6)}   ${((median / n) * 1000).toFixed(2).padStart(8)}`,
  );
}
const at300 = results.find((r) => r.n === 300).median;
const growth = results.at(-1).median / results[0].median;
console.log(`\n300 cases: ${at300.toFixed(3)} ms median (target ≤ 2 ms): ${at300 <= 2 ? "OK" : "OVER TARGET"}`);
console.log(
  `150 → 1200 cases (×8): time ×${growth.toFixed(1)} (n log n would be ×${((8 * Math.log(1200)) / Math.log(150)).toFixed(1)}, n² ×64)`,
);
