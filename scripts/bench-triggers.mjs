// npm run bench:triggers (runs inside `firebase emulators:exec`): live
// revalidation on the emulators. Imports 300 cases in batches of 50 and
// measures the time until the stored report is final and equal to the
// engine's, with the work counted by the revalidation service, and the most
// writes any one bookkeeping document received in any one-second window
// (Firestore sustains about one write per second per document); then 20
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
  const { judgedUpTo: _j, computedAt: _c, ...report } = data;
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
const events = db.collection(`revalidationState/${appId}/events`);
const eventCount = async () => (await events.count().get()).data().count;
const pending = async () => (await db.doc(`revalidationPending/${appId}`).get()).exists;

async function waitUntil(what, check, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

/**
 * Waits until no trigger invocation has been recorded for 2 s, no
 * recomputation is pending and every enqueued one has finished; returns the
 * counters then.
 */
async function settled() {
  let last = { events: -1, since: Date.now() };
  let now;
  await waitUntil("the triggers and recomputations to finish", async () => {
    const events = await eventCount();
    if (events !== last.events) last = { events, since: Date.now() };
    now = await stats();
    const done = (now.computations ?? 0) + (now.skippedNotEditable ?? 0) === (now.tasksEnqueued ?? 0);
    return done && !(await pending()) && Date.now() - last.since >= 2000;
  });
  return now;
}

/**
 * Watches every bookkeeping document of the application and notes the time of
 * each write it sees (the update time; for a deletion, when it was seen).
 */
function watchBookkeeping() {
  const writes = []; // [path, millis]
  const watchDoc = (path) => {
    let last = null; // update time of the last version seen, null when absent
    return db.doc(path).onSnapshot((snap) => {
      const now = snap.exists ? snap.updateTime.toMillis() : null;
      if (now !== last && (now !== null || last !== null)) writes.push([path, now ?? snap.readTime.toMillis()]);
      last = now;
    });
  };
  const stops = [
    watchDoc(`revalidationState/${appId}`),
    watchDoc(`revalidationPending/${appId}`),
    watchDoc(`${app}/validation/current`),
    events.onSnapshot((snap) => {
      for (const change of snap.docChanges()) writes.push([change.doc.ref.path, change.doc.updateTime.toMillis()]);
    }),
  ];
  return {
    since: (from) => writes.filter(([, at]) => at >= from),
    stop: () => stops.forEach((stop) => stop()),
  };
}

/** The most writes one document received within any window of `ms`. */
function maxWritesPerWindow(writes, ms = 1000) {
  const byPath = new Map();
  for (const [path, at] of writes) byPath.set(path, [...(byPath.get(path) ?? []), at]);
  let worst = { count: 0, path: null };
  for (const [path, times] of byPath) {
    times.sort((a, b) => a - b);
    for (let i = 0, j = 0; i < times.length; i++) {
      while (times[j] <= times[i] - ms) j++;
      if (i - j + 1 > worst.count) worst = { count: i - j + 1, path };
    }
  }
  return { ...worst, documents: byPath.size };
}
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
const watch = watchBookkeeping();
// The set-up's own trigger invocations (the application and each document of the second batch;
// the profile and exam result may add one each) and recomputations are over.
const setupWrites = 1 + bundle.training.length + bundle.cme.length + bundle.peerRecognition.length + 1;
await waitUntil("the set-up's trigger invocations", async () => (await eventCount()) >= setupWrites);
await settled();
const before = await stats();
const eventsBefore = await eventCount();
const importStart = Date.now();
for (let i = 0; i < bundle.cases.length; i += 50) {
  const batch = db.batch();
  for (const c of bundle.cases.slice(i, i + 50)) batch.set(db.doc(`${app}/cases/${c.id}`), strip(c));
  await batch.commit();
}
await until(expectedFor(bundle));
const importMs = Date.now() - importStart;
// Counts are complete once every trigger has recorded its event and every task it enqueued has finished.
await waitUntil("all 300 trigger invocations", async () => (await eventCount()) - eventsBefore >= bundle.cases.length);
const after = await settled();
const delta = (key) => (after[key] ?? 0) - (before[key] ?? 0);
const observed = watch.since(importStart);
watch.stop();
const hottest = maxWritesPerWindow(observed);
// Cross-check: every bookkeeping write the counters imply was seen by the listeners.
const implied =
  delta("tasksEnqueued") * 3 +
  delta("computations") +
  delta("skippedNotEditable") +
  delta("reportWrites") +
  ((await eventCount()) - eventsBefore);
const invocations = (await eventCount()) - eventsBefore;

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
  trigger invocations                 ${invocations}
  recomputation tasks enqueued        ${delta("tasksEnqueued")}
  full recomputations                 ${delta("computations")}
  documents read by recomputations    ${delta("documentsRead")}
  report writes                       ${delta("reportWrites")}
  bookkeeping documents written       ${hottest.documents} (${observed.length} writes seen, ${implied} implied by the counters)
  most writes to one of them in 1 s   ${hottest.count} (${hottest.path}; target <= 5)
20 single-case edits, write to updated report
  median ${pct(50)} ms, p95 ${pct(95)} ms, max ${latencies.at(-1)} ms
`);
process.exit(0);
