// npm run bench:grading (inside `firebase emulators:exec`): 500 submitted
// applications assigned among 40 graders by the assignment transaction the
// trigger runs (assignOnSubmission), one after another as submissions arrive.
// Reports the time, the documents read and the spread of the graders' loads.
import { createRequire } from "node:module";
import { performance } from "node:perf_hooks";
import { initializeApp } from "firebase-admin/app";
import { getFirestore } from "firebase-admin/firestore";

const PROJECT = "demo-cmr-bench-grading"; // no triggers fire in this project
const require = createRequire(import.meta.url);
initializeApp({ projectId: PROJECT });
const db = getFirestore();
db.settings({ ignoreUndefinedProperties: true });
const { assignOnSubmission } = require("../functions/lib/grading/assign-graders.js");

const GRADERS = 40;
const SUBMISSIONS = 500;
const CASES = 150;
const INSTITUTIONS = 12; // graders share institutions with candidates and supervisors: real exclusions
await fetch(
  `http://${process.env.FIRESTORE_EMULATOR_HOST}/emulator/v1/projects/${PROJECT}/databases/(default)/documents`,
  { method: "DELETE" },
);

const institution = (i) => `Institute ${i % INSTITUTIONS}`;
let batch = db.batch();
let pending = 0;
const put = async (path, data) => {
  batch.set(db.doc(path), data);
  if (++pending === 450) {
    await batch.commit();
    batch = db.batch();
    pending = 0;
  }
};
for (let g = 0; g < GRADERS; g++) {
  await put(`graders/g${String(g).padStart(2, "0")}`, {
    institution: institution(g),
    country: "DE",
    active: true,
    capacity: 1000,
    openAssignments: 0,
  });
}
for (let s = 0; s < 20; s++) await put(`supervisors/sup${s}`, { institution: institution(s + 3), body: "EACVI" });
for (let a = 0; a < SUBMISSIONS; a++) {
  const appId = `app${String(a).padStart(3, "0")}`;
  const owner = `cand${a}`;
  const supervisor = `sup${a % 20}`;
  await put(`users/${owner}`, { institution: institution(a * 7), country: "FR" });
  await put(`applications/${appId}`, {
    ownerUid: owner,
    route: "level2",
    status: "submitted",
    supervisorIds: [supervisor],
    submissionCount: 1,
  });
  await put(`applications/${appId}/snapshots/1`, {
    submission: 1,
    bundle: {
      route: "level2",
      cases: Array.from({ length: CASES }, (_, i) => ({
        id: `case-${i}`,
        patientRef: `p${a}-${i}`,
        studyDate: "2025-03-01",
        supervisorId: supervisor,
      })),
      training: [{ supervisorId: supervisor }],
      cme: [],
      supervisorDeclaration: { supervisorId: supervisor },
    },
  });
}
await batch.commit();

const started = performance.now();
let reads = 0;
const outcomes = {};
const times = [];
for (let a = 0; a < SUBMISSIONS; a++) {
  const t = performance.now();
  const r = await assignOnSubmission(db, `app${String(a).padStart(3, "0")}`, new Date(), "bench-salt");
  times.push(performance.now() - t);
  reads += r.reads;
  outcomes[r.outcome] = (outcomes[r.outcome] ?? 0) + 1;
}
const elapsed = (performance.now() - started) / 1000;
const loads = (await db.collection("graders").get()).docs.map((d) => d.get("openAssignments"));
// Redelivery: the same 500 events again assign nothing.
let again = 0;
for (let a = 0; a < SUBMISSIONS; a++) {
  const r = await assignOnSubmission(db, `app${String(a).padStart(3, "0")}`, new Date(), "bench-salt");
  if (r.outcome !== "skipped") again++;
}
times.sort((x, y) => x - y);
const result = {
  submissions: SUBMISSIONS,
  graders: GRADERS,
  outcomes,
  seconds: Number(elapsed.toFixed(2)),
  medianMs: Number(times[Math.floor(times.length / 2)].toFixed(1)),
  p95Ms: Number(times[Math.floor(times.length * 0.95)].toFixed(1)),
  documentsRead: reads,
  readsPerSubmission: Number((reads / SUBMISSIONS).toFixed(1)),
  loadMin: Math.min(...loads),
  loadMax: Math.max(...loads),
  loadSpread: Math.max(...loads) - Math.min(...loads),
  totalAssignments: loads.reduce((x, y) => x + y, 0),
  redeliveredAssigned: again,
};
console.log(JSON.stringify(result, null, 2));
if (result.loadSpread > 1 || again !== 0 || result.totalAssignments !== 2 * SUBMISSIONS) process.exit(1);
