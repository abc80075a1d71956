#!/usr/bin/env node
// Seed data for `npm start`: a demo candidate with a Level 2 logbook one case
// short of eligible, a Level 3 supervisor, a committee member and an admin.
// Runs against the emulators only (it refuses to run without them).
import { initializeApp } from "firebase-admin/app";
import { getAuth } from "firebase-admin/auth";
import { getFirestore } from "firebase-admin/firestore";
import { createRequire } from "node:module";

if (!process.env.FIRESTORE_EMULATOR_HOST || !process.env.FIREBASE_AUTH_EMULATOR_HOST) {
  console.error("seed: FIRESTORE_EMULATOR_HOST and FIREBASE_AUTH_EMULATOR_HOST must point at the emulators");
  process.exit(1);
}
const projectId = process.env.GCLOUD_PROJECT ?? "demo-cmr";
initializeApp({ projectId });
const auth = getAuth();
const db = getFirestore();

const PASSWORD = "demo-password";
const PEOPLE = [
  { uid: "demo-candidate", email: "candidate@demo.cmr", displayName: "Demo Candidate" },
  { uid: "demo-supervisor", email: "supervisor@demo.cmr", displayName: "Demo Supervisor (Level 3)" },
  { uid: "demo-committee", email: "committee@demo.cmr", displayName: "Demo Committee Member", role: "committee" },
  { uid: "demo-admin", email: "admin@demo.cmr", displayName: "Demo Admin", role: "admin" },
];

async function upsertUser({ uid, email, displayName, role }) {
  try {
    await auth.createUser({ uid, email, displayName, password: PASSWORD, emailVerified: true });
  } catch (e) {
    if (e.code !== "auth/uid-already-exists") throw e;
  }
  if (role) await auth.setCustomUserClaims(uid, { role });
}

const CATEGORY_PLAN = [
  ["ischaemic", 25],
  ["stress-perfusion", 15],
  ["cardiomyopathy", 25],
  ["valvular", 10],
  ["congenital", 10],
  ["aortic-vascular", 5],
  ["pericardial", 5],
  ["mass", 5],
  ["cardiomyopathy", 49],
];

function isoPlusDays(iso, days) {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function demoCases() {
  const categories = CATEGORY_PLAN.flatMap(([category, n]) => Array(n).fill(category));
  return categories.map((category, i) => ({
    id: `case-${String(i).padStart(3, "0")}`,
    data: {
      patientRef: `demo-${String(i).padStart(3, "0")}`,
      studyDate: isoPlusDays("2025-03-01", i * 2),
      category,
      congenitalLesion: category === "congenital" ? "shunt" : null,
      normal: i % 20 === 19,
      source: "own-centre",
      role: "primary-operator",
      presentInControlRoom: i % 2 === 0,
      supervisorId: "demo-supervisor",
    },
  }));
}

async function seed() {
  for (const person of PEOPLE) await upsertUser(person);
  const app = "applications/demo-application";
  const writes = [
    [
      "supervisors/demo-supervisor",
      { name: "Demo Supervisor", body: "EACVI", level3From: "2015-01-01", level3Until: null },
    ],
    [
      "users/demo-candidate",
      {
        displayName: "Demo Candidate",
        email: "candidate@demo.cmr",
        country: "FR",
        membership: "non-member",
        physicianRegistration: { validUntil: "2031-12-31" },
        acls: { kind: "certificate", validUntil: "2028-06-30", evidenceId: "demo-acls" },
      },
    ],
    // The demo's certificates as the upload check records accepted files
    // (submission requires every referenced file to be accepted; the Storage
    // emulator does not run everywhere, so the records are written directly).
    ...["demo-acls", "demo-cert-1", "demo-cert-2"].map((id) => [
      `users/demo-candidate/evidence/${id}`,
      {
        ownerUid: "demo-candidate",
        fileName: `${id}.pdf`,
        path: `evidence/demo-candidate/${id}/${id}.pdf`,
        size: 1024,
        contentType: "application/pdf",
        uploadedContentType: "application/pdf",
        generation: "1",
        sha256: "0".repeat(64),
        status: "accepted",
        reason: null,
        deletedAt: null,
      },
    ]),
    ["users/demo-committee", { displayName: "Demo Committee Member", email: "committee@demo.cmr" }],
    ["users/demo-supervisor", { displayName: "Demo Supervisor", email: "supervisor@demo.cmr", membership: "silver" }],
    // The supervisor's own certification, in its recertification window: try `npm run job -- recertification 2027-03-01`.
    [
      "certifications/demo-supervisor-l3",
      { uid: "demo-supervisor", level: 3, awardedOn: "2022-03-01", expiresOn: "2027-03-01", status: "active" },
    ],
    [
      "examResults/demo-exam",
      { uid: "demo-candidate", passed: true, sittingDate: "2025-11-07", resultDate: "2025-12-19", status: "passed" },
    ],
    [
      app,
      {
        ownerUid: "demo-candidate",
        route: "level2",
        status: "draft",
        supervisorIds: ["demo-supervisor"],
        examResultId: "demo-exam",
      },
    ],
    [
      `${app}/training/tr-1`,
      { start: "2025-03-01", end: "2025-05-31", hoursPerWeek: 40, supervisorId: "demo-supervisor" },
    ],
    [
      `${app}/cme/eurocmr`,
      {
        title: "EuroCMR 2025",
        catalogueId: "eurocmr",
        kind: "cmr-meeting",
        startDate: "2025-05-01",
        endDate: "2025-05-03",
        credits: 18,
        certificateId: "demo-cert-1",
      },
    ],
    [
      `${app}/cme/intro`,
      {
        title: "SCMR Introductory Online Course",
        catalogueId: "scmr-intro-online-course",
        kind: "online-course",
        startDate: "2025-06-01",
        endDate: "2025-06-20",
        credits: 10,
        certificateId: "demo-cert-2",
      },
    ],
    [`${app}/declarations/demo-supervisor`, { signedOn: "2026-01-10", statement: "Under my direct supervision." }],
    ...demoCases().map(({ id, data }) => [`${app}/cases/${id}`, data]),
  ];
  const batch = db.batch();
  for (const [path, data] of writes) batch.set(db.doc(path), data);
  await batch.commit();
  console.log(
    `seed: ${PEOPLE.length} users (password "${PASSWORD}"), ${writes.length} documents; the demo logbook has 149 of 150 cases`,
  );
}

/**
 * With the emulators' triggers running (`npm start`), waits for what they add
 * to the seed: the certification's place in the daily schedule and the demo
 * logbook's first report. Says so when they do not come.
 */
async function checkTriggersRan(timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const cert = await db.doc("certifications/demo-supervisor-l3").get();
    const report = await db.doc("applications/demo-application/validation/current").get();
    if (cert.get("nextActionOn") && report.exists) {
      console.log(
        `seed: the certification is due on ${cert.get("nextActionOn")}; the demo report says eligible: ${report.get("eligible")}`,
      );
      return;
    }
    if (Date.now() > deadline) {
      console.error("seed: the triggers did not process the seed data within 60 s (see the Functions emulator's log)");
      process.exit(1);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}

await seed();

// ---------- grading (docs/grading.md) ----------
// Two graders from institutions other than the demo candidate's and the
// supervisor's, and a chair: add the missing case, submitApplication as the
// candidate, and the graders are assigned within seconds.
const GRADING_PEOPLE = [
  { uid: "demo-grader-1", email: "grader1@demo.cmr", displayName: "Demo Grader One", role: "grader" },
  { uid: "demo-grader-2", email: "grader2@demo.cmr", displayName: "Demo Grader Two", role: "grader" },
  { uid: "demo-chair", email: "chair@demo.cmr", displayName: "Demo Committee Chair", role: "chair" },
];

async function seedGrading() {
  for (const person of GRADING_PEOPLE) await upsertUser(person);
  const batch = db.batch();
  const institutions = { "demo-grader-1": ["Charité Berlin", "DE"], "demo-grader-2": ["Karolinska Institutet", "SE"] };
  for (const [uid, [institution, country]] of Object.entries(institutions)) {
    batch.set(db.doc(`graders/${uid}`), { institution, country, active: true, capacity: 10, openAssignments: 0 });
  }
  for (const { uid, email, displayName } of GRADING_PEOPLE) batch.set(db.doc(`users/${uid}`), { displayName, email });
  batch.set(db.doc("users/demo-candidate"), { institution: "Hôpital Européen Georges-Pompidou" }, { merge: true });
  batch.set(
    db.doc("supervisors/demo-supervisor"),
    { institution: "Hôpital Européen Georges-Pompidou" },
    { merge: true },
  );
  // The register is derived from certifications (one row per person): the
  // demo certification names its holder, and its row is the one the register
  // trigger derives (the seed may run before the Functions emulator has loaded
  // the trigger, so it applies the same pure function itself).
  const demoCert = {
    uid: "demo-supervisor",
    level: 3,
    awardedOn: "2022-03-01",
    expiresOn: "2027-03-01",
    status: "active",
    holderName: "Demo Supervisor",
    country: "FR",
    certificateNumber: "CMR-L3-2022-00001",
  };
  batch.set(db.doc("certifications/demo-supervisor-l3"), demoCert, { merge: true });
  const { registerRowFor } = createRequire(import.meta.url)("../functions/lib/grading/domain/register.js");
  const today = new Date().toISOString().slice(0, 10);
  const row = registerRowFor([{ ...demoCert, id: "demo-supervisor-l3" }], today, 6);
  if (row) batch.set(db.doc("register/demo-supervisor"), row);
  await batch.commit();
  console.log("seed: graders demo-grader-1, demo-grader-2 and chair demo-chair (same password)");
}

await seedGrading();

// ---------- exam (issue 12, docs/exam.md) ----------
// An upcoming exam session whose registration is open (the demo candidate can
// register with registerForExam), and a second admin for the two-person rule
// (admin@demo.cmr prepares, admin2@demo.cmr approves).
const EXAM_PEOPLE = [{ uid: "demo-admin-2", email: "admin2@demo.cmr", displayName: "Demo Admin Two", role: "admin" }];

async function seedExam() {
  for (const person of EXAM_PEOPLE) await upsertUser(person);
  const require = createRequire(import.meta.url);
  const { planSession } = require("../functions/lib/exam/domain/session.js");
  const { DEFAULT_POLICY } = require("../functions/lib/platform/domain/policy.js");
  const sittingDate = isoPlusDays(new Date().toISOString().slice(0, 10), 60);
  const plan = planSession(sittingDate, DEFAULT_POLICY.exam);
  if (!plan.ok) throw new Error(`seed: exam session: ${plan.errors.join("; ")}`);
  const batch = db.batch();
  for (const { uid, email, displayName } of EXAM_PEOPLE) batch.set(db.doc(`users/${uid}`), { displayName, email });
  batch.set(db.doc(`examSessions/cmr-${sittingDate}`), {
    ...plan.value,
    title: `EACVI CMR exam ${sittingDate}`,
    resultsReleased: false,
    releaseDate: null,
    releasedOn: null,
    nextActionOn: null,
    createdBy: "demo-admin",
  });
  await batch.commit();
  console.log(
    `seed: exam session cmr-${sittingDate} (registration ${plan.value.registrationOpens} to ${plan.value.registrationCloses}); second admin demo-admin-2`,
  );
}

await seedExam();

// ---------- recertification (issue 13; docs/recertification.md) ----------
// A Level 2 holder (Silver member: fee €75) whose certification expires two
// months from today, so the recertification window is open: open, pay (as
// the Stripe extension would), upload, submit, and a committee member renews.
async function seedRecertification() {
  await upsertUser({ uid: "demo-holder", email: "holder@demo.cmr", displayName: "Demo Holder (Level 2)" });
  // The functions' own date arithmetic (month ends clamp: 31 August + 6 months is 28/29 February).
  const { addMonthsIso: addMonths } = createRequire(import.meta.url)("../functions/lib/platform/domain/dates.js");
  const expiresOn = addMonths(new Date().toISOString().slice(0, 10), 2);
  const batch = db.batch();
  batch.set(db.doc("users/demo-holder"), {
    displayName: "Demo Holder",
    email: "holder@demo.cmr",
    country: "FR",
    membership: "silver",
  });
  batch.set(
    db.doc("certifications/demo-holder-l2"),
    {
      uid: "demo-holder",
      level: 2,
      route: "level2",
      awardedOn: addMonths(expiresOn, -60),
      expiresOn,
      status: "active",
      holderName: "Demo Holder",
      country: "FR",
      certificateNumber: "CMR-L2-2021-00007",
      verificationCode: "DEMO-HOLD-0007",
      recertificationSubmitted: false,
      extensionGrantedUntil: null,
      nextActionOn: null,
    },
    { merge: true },
  );
  // The evidence the upload check would have accepted: the formal letter and seven CME certificates.
  for (const id of ["demo-letter", ...Array.from({ length: 7 }, (_, i) => `demo-recert-cme-${i}`)]) {
    batch.set(db.doc(`users/demo-holder/evidence/${id}`), {
      status: "accepted",
      path: `evidence/demo-holder/${id}/document.pdf`,
      sha256: "0".repeat(64),
      contentType: "application/pdf",
    });
  }
  await batch.commit();
  console.log(
    `seed: recertification holder demo-holder (holder@demo.cmr, same password), certification expiring ${expiresOn}`,
  );
}

await seedRecertification();
// ---------- end recertification ----------

// ---------- requests (docs/requests.md) ----------
// For trying each kind of request on `npm start`: the demo candidate's
// supervisor letter (an accepted evidence file) for an extension, a Level 3
// supervisor at another institution for remote supervision, and a failed
// exam sitting 10 days ago for an exam appeal.
async function seedRequests() {
  await upsertUser({ uid: "demo-remote-supervisor", email: "remote@demo.cmr", displayName: "Demo Remote Supervisor" });
  const today = new Date().toISOString().slice(0, 10);
  const batch = db.batch();
  batch.set(db.doc("users/demo-candidate/evidence/demo-leave-letter"), {
    ownerUid: "demo-candidate",
    fileName: "supervisor-letter.pdf",
    path: "evidence/demo-candidate/demo-leave-letter/supervisor-letter.pdf",
    size: 2048,
    contentType: "application/pdf",
    uploadedContentType: "application/pdf",
    generation: "1",
    sha256: "1".repeat(64),
    status: "accepted",
    reason: null,
    deletedAt: null,
  });
  batch.set(db.doc("supervisors/demo-remote-supervisor"), {
    name: "Demo Remote Supervisor",
    body: "EACVI",
    level3From: "2018-01-01",
    level3Until: null,
    institution: "Remote University Hospital",
  });
  batch.set(db.doc("users/demo-remote-supervisor"), {
    displayName: "Demo Remote Supervisor",
    email: "remote@demo.cmr",
  });
  batch.set(db.doc("examResults/demo-exam-resit"), {
    uid: "demo-candidate",
    passed: false,
    status: "failed",
    sittingDate: isoPlusDays(today, -40),
    resultDate: isoPlusDays(today, -10),
    score: 57,
    maxScore: 100,
    passMark: 60,
  });
  await batch.commit();
  console.log(
    "seed: requests: letter demo-leave-letter, remote supervisor demo-remote-supervisor, exam demo-exam-resit",
  );
}

await seedRequests();
// ---------- end requests ----------

if (process.env.SEED_WAIT_FOR_TRIGGERS === "true") await checkTriggersRan();
