#!/usr/bin/env node
// The exam's results processing on the running emulators (`npm start`, same
// EMULATOR_PORT_OFFSET): `npm run exam:demo`. A session that "was sat" ten
// days ago (written directly: createExamSession only takes future dates), the
// demo candidate and five others registered, the board's imports, the item
// analysis, Q10 removed, verification, preparation by admin@demo.cmr and
// approval by admin2@demo.cmr, the release date set to today. Then
// `npm run job -- exam <today>` releases the results (docs/exam.md §13).
// Callables are called as the client SDK does, with the unsigned ID tokens
// the Functions emulator accepts (never accepted by real Firebase).
import { initializeApp } from "firebase-admin/app";
import { getFirestore } from "firebase-admin/firestore";

if (!process.env.FIRESTORE_EMULATOR_HOST) {
  const offset = Number(process.env.EMULATOR_PORT_OFFSET ?? 0);
  process.env.FIRESTORE_EMULATOR_HOST = `127.0.0.1:${8080 + offset}`;
}
const project = process.env.GCLOUD_PROJECT ?? "demo-cmr";
const functions =
  process.env.FUNCTIONS_EMULATOR_HOST ?? `127.0.0.1:${5001 + Number(process.env.EMULATOR_PORT_OFFSET ?? 0)}`;
initializeApp({ projectId: project });
const db = getFirestore();

const token = (uid, claims = {}) => {
  const enc = (v) => Buffer.from(JSON.stringify(v)).toString("base64url");
  const now = Math.floor(Date.now() / 1000);
  const payload = { iss: `https://securetoken.google.com/${project}`, aud: project, sub: uid, user_id: uid };
  return `${enc({ alg: "none", typ: "JWT" })}.${enc({ ...payload, iat: now, exp: now + 3600, auth_time: now, firebase: { identities: {}, sign_in_provider: "custom" }, ...claims })}.`;
};
async function call(name, data, uid, claims) {
  const res = await fetch(`http://${functions}/${project}/europe-west1/${name}`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Authorization: `Bearer ${token(uid, claims)}` },
    body: JSON.stringify({ data }),
  });
  const body = await res.json();
  if (body.error) throw new Error(`${name}: ${body.error.status} ${body.error.message}`);
  return body.result;
}

const paris = (d) => new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris" }).format(d);
const today = paris(new Date());
const sat = paris(new Date(Date.now() - 10 * 86_400_000));
const sessionId = `cmr-demo-${sat}`;
const ADMIN = ["demo-admin", { role: "admin" }];
const ADMIN2 = ["demo-admin-2", { role: "admin" }];
const ITEMS = Array.from({ length: 100 }, (_, i) => `Q${String(i + 1).padStart(3, "0")}`);
const people = ["demo-candidate", ...Array.from({ length: 5 }, (_, i) => `demo-examinee-${i + 1}`)];

const batch = db.batch();
batch.set(db.doc(`examSessions/${sessionId}`), {
  sittingDate: sat,
  timeZone: "Europe/Paris",
  registrationOpens: sat,
  registrationCloses: sat,
  startWindow: { from: "11:00", to: "14:00", opensAt: `${sat}T10:00:00.000Z`, closesAt: `${sat}T13:00:00.000Z` },
  title: "Demo sitting (written by scripts/exam-demo.mjs)",
  resultsReleased: false,
  releaseDate: null,
  releasedOn: null,
  nextActionOn: null,
});
for (const [i, uid] of people.entries()) {
  if (uid !== "demo-candidate")
    batch.set(db.doc(`users/${uid}`), { displayName: `Examinee ${i}`, email: `${uid}@demo.cmr` }, { merge: true });
  batch.set(db.doc(`examRegistrations/${sessionId}_${uid}`), {
    sessionId,
    uid,
    status: "registered",
    familyName: uid === "demo-candidate" ? "Candidate" : `Examinee${i}`,
    givenNames: "Demo",
    email: uid === "demo-candidate" ? "candidate@demo.cmr" : `${uid}@demo.cmr`,
    sittingDate: sat,
  });
}
await batch.commit();

// Candidate i answers correctly the first 95 - 12 i items; Q100 is answered
// wrongly by the strongest and rightly by the weakest (negative discrimination).
const answer = (c, q) => (q === 99 ? (c < 3 ? "B" : "A") : q < 95 - 12 * c ? "A" : "C");
const responses = [
  "candidate,item,response",
  ...people.flatMap((uid, c) => ITEMS.map((item, q) => `${uid},${item},${answer(c, q)}`)),
];
const board = ["demo-committee", { role: "committee" }];
await call(
  "importExamFile",
  { sessionId, kind: "answer-key", csv: ["item,key", ...ITEMS.map((i) => `${i},A`)].join("\n") },
  ...board,
);
await call("importExamFile", { sessionId, kind: "responses", csv: responses.join("\n") }, ...board);
const ratings = ["judge,item,rating", ...["j1", "j2", "j3"].flatMap((j) => ITEMS.map((i) => `${j},${i},0.6`))];
await call("importExamFile", { sessionId, kind: "angoff", csv: ratings.join("\n") }, ...board);
const first = await call("rescoreExam", { sessionId }, ...board);
console.log(
  `run 1: pass mark ${first.passMark.passMark} (score ${first.passMark.passScore}), ${first.summary.passed}/${first.summary.candidates} pass`,
);
const second = await call(
  "recordExamItemDecisions",
  { sessionId, decisions: [{ item: "Q100", action: "remove", reason: "negative discrimination" }] },
  ...board,
);
console.log(
  `run 2 (Q100 removed): pass score ${second.passMark.passScore} on ${second.retainedItems} items, ${second.summary.passed} pass; changes: ${JSON.stringify(second.changes.outcomeChanges)}`,
);
const verified = await call("verifyExamResults", { sessionId }, ...board);
console.log(`verification: ${verified.passed ? "passed" : "FAILED"}`);
await call("prepareExamResults", { sessionId }, ...ADMIN);
await call("approveExamResults", { sessionId }, ...ADMIN2);
await call("setExamReleaseDate", { sessionId, releaseDate: today }, ...ADMIN);
console.log(
  `prepared by demo-admin, approved by demo-admin-2, release date ${today}.\nNow: npm run job -- exam ${today}   (then see examResults/${sessionId}_demo-candidate, mail/exam-result-${sessionId}_demo-candidate)`,
);
