// npm run bench:schedules (inside `firebase emulators:exec`): 10,000
// certifications with expiry dates spread over 5 years, then one day's
// recertification job. Reads must follow what is due, not the 10,000.
import { createRequire } from "node:module";
import { initializeApp } from "firebase-admin/app";
import { getFirestore } from "firebase-admin/firestore";

const PROJECT = "demo-cmr-bench-jobs"; // no triggers fire in this project
const require = createRequire(import.meta.url);
initializeApp({ projectId: PROJECT });
const db = getFirestore();
const { runRecertificationJob } = require("../functions/lib/recertification/reminders-job.js");
const { planRecertification } = require("../functions/lib/recertification/domain/reminders.js");
const { DEFAULT_POLICY } = require("../functions/lib/platform/domain/policy.js");
const { addDaysIso } = require("../functions/lib/platform/domain/dates.js");

const TOTAL = 10_000;
const TODAY = "2028-03-01";
await fetch(
  `http://${process.env.FIRESTORE_EMULATOR_HOST}/emulator/v1/projects/${PROJECT}/databases/(default)/documents`,
  { method: "DELETE" },
);

// Seed as the daily job would have left them on the previous day: each
// certification's nextActionOn is its next milestone after yesterday.
const yesterday = addDaysIso(TODAY, -1);
const seedStart = Date.now();
for (let i = 0; i < TOTAL; i += 500) {
  const batch = db.batch();
  for (let j = i; j < Math.min(TOTAL, i + 500); j++) {
    const cert = {
      uid: `holder-${j % 2000}`,
      level: 2,
      expiresOn: addDaysIso("2026-01-01", j % 1826),
      status: "active",
    };
    const { actions, nextActionOn } = planRecertification(
      { ...cert, id: `c${j}`, recertificationSubmitted: false, extensionGrantedUntil: null },
      yesterday,
      DEFAULT_POLICY,
    );
    const kinds = actions.map((a) => a.kind);
    const status = kinds.includes("lapse") ? "lapsed" : kinds.includes("expire") ? "expired" : "active";
    batch.set(db.doc(`certifications/c${j}`), { ...cert, status, nextActionOn });
    if (j < 2000)
      batch.set(db.doc(`users/holder-${j}`), {
        email: `holder-${j}@example.org`,
        membership: j % 3 ? "non-member" : "silver",
      });
  }
  await batch.commit();
}
const seedMs = Date.now() - seedStart;

const dueCount = (await db.collection("certifications").where("nextActionOn", "<=", TODAY).count().get()).data().count;
const start = Date.now();
const stats = await runRecertificationJob(db, TODAY, DEFAULT_POLICY);
const ms = Date.now() - start;
const again = await runRecertificationJob(db, TODAY, DEFAULT_POLICY);

console.log(`
=== bench:schedules (Firestore emulator; ${new Date().toISOString().slice(0, 10)}) ===
${TOTAL} certifications, expiries spread over 5 years (seeded in ${seedMs} ms); job day ${TODAY}
  due that day                   ${dueCount}
  job time                       ${ms} ms
  documents selected             ${stats.selected}
  documents read (all)           ${stats.documentsRead}  (${((stats.documentsRead / TOTAL) * 100).toFixed(1)} % of the collection)
  mails / notifications written  ${stats.messages}
  state transitions              ${stats.transitions}
  same day again                 ${again.selected} selected, ${again.messages} messages
`);
process.exit(0);
