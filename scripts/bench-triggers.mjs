// npm run bench:triggers (runs inside `firebase emulators:exec`): live
// revalidation on the emulators. Imports 300 cases in batches of 50 and
// measures the time until the stored report is final and equal to the
// engine's, with the work counted by the revalidation service; then 20
// single-case edits, write to updated report.
import { createRequire } from "node:module";
import { isDeepStrictEqual } from "node:util";
import { initializeApp } from "firebase-admin/app";
import { getFirestore } from "firebase-admin/firestore";
import { benchBundle } from "./lib/bench-bundle.mjs";

const require = createRequire(import.meta.url);
const { validateApplication } = require("../functions/lib/logbook/domain/index.js");
const { calendarDateIn, PROGRAMME_TIME_ZONE } = require("../functions/lib/platform/domain/dates.js");

initializeApp({ projectId: process.env.GCLOUD_PROJECT ?? "demo-cmr" });
const db = getFirestore();
const appId = `bench-${Date.now().toString(36)}`;
const owner = `${appId}-owner`;
const app = `applications/${appId}`;
const strip = ({ id: _id, ...rest }) => rest;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function storedReport() {
  const data = (await db.doc(`${app}/validation/current`).get()).data();
  if (!data) return undefined;
  const { revision: _r, computedAt: _c, ...report } = data;
  return report;
}

async function until(expected, timeoutMs = 60_000) {
  const wanted = JSON.parse(JSON.stringify(expected));
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (isDeepStrictEqual(await storedReport(), wanted)) return;
    await sleep(25);
  }
  throw new Error("the live report did not converge in time");
}

const stats = async () => (await db.doc(`revalidationState/${appId}`).get()).get("stats") ?? {};
const today = () => calendarDateIn(PROGRAMME_TIME_ZONE, new Date());
const expectedFor = (bundle) => validateApplication({ ...bundle, asOf: today() });

const bundle = benchBundle(300);
await db.doc("config/policy").delete();

// Everything but the cases first; wait for that report.
const setup = db.batch();
for (const s of bundle.supervisors) setup.set(db.doc(`supervisors/${s.id}`), strip(s));
setup.set(db.doc(`users/${owner}`), {
  physicianRegistration: bundle.candidate.physicianRegistration,
  acls: bundle.candidate.acls,
});
setup.set(db.doc(`examResults/${appId}`), { uid: owner, ...bundle.exam });
await setup.commit();
await db.doc(app).set({
  ownerUid: owner,
  route: bundle.route,
  status: "draft",
  supervisorIds: bundle.supervisors.map((s) => s.id),
  examResultId: appId,
});
const rest = db.batch();
for (const t of bundle.training) rest.set(db.doc(`${app}/training/${t.id}`), strip(t));
for (const e of bundle.cme) rest.set(db.doc(`${app}/cme/${e.id}`), strip(e));
for (const p of bundle.peerRecognition) rest.set(db.doc(`${app}/recognition/${p.id}`), strip(p));
rest.set(db.doc(`${app}/declarations/${bundle.supervisorDeclaration.supervisorId}`), {
  signedOn: bundle.supervisorDeclaration.signedOn,
});
await rest.commit();
await until(expectedFor({ ...bundle, cases: [] }));

// The import: 300 cases in 6 batched writes of 50.
const before = await stats();
const importStart = Date.now();
for (let i = 0; i < bundle.cases.length; i += 50) {
  const batch = db.batch();
  for (const c of bundle.cases.slice(i, i + 50)) batch.set(db.doc(`${app}/cases/${c.id}`), strip(c));
  await batch.commit();
}
await until(expectedFor(bundle));
const importMs = Date.now() - importStart;
await sleep(1500); // let stragglers finish, so the counts are complete
const after = await stats();
const delta = (key) => (after[key] ?? 0) - (before[key] ?? 0);

// 20 single-case edits, one at a time.
const latencies = [];
for (let i = 0; i < 20; i++) {
  const c = bundle.cases[i * 7];
  c.normal = !c.normal;
  const start = Date.now();
  await db.doc(`${app}/cases/${c.id}`).update({ normal: c.normal });
  await until(expectedFor(bundle));
  latencies.push(Date.now() - start);
}
latencies.sort((a, b) => a - b);
const pct = (p) => latencies[Math.min(latencies.length - 1, Math.ceil((p / 100) * latencies.length) - 1)];

console.log(`
=== bench:triggers (Firestore, Functions and Cloud Tasks emulators; ${new Date().toISOString().slice(0, 10)}) ===
import of 300 cases in 6 batches of 50
  time to the final, correct report   ${importMs} ms
  trigger invocations                 ${delta("invocations")}
  recomputation tasks enqueued        ${delta("tasksEnqueued")}
  full recomputations                 ${delta("computations")}
  documents read by recomputations    ${delta("documentsRead")}
  report writes                       ${delta("reportWrites")}
20 single-case edits, write to updated report
  median ${pct(50)} ms, p95 ${pct(95)} ms, max ${latencies.at(-1)} ms
`);
process.exit(0);
