// The people and documents the browser tests start from, written with the
// Admin SDK before the browser runs: what a candidate cannot create
// themselves (exam result, verified supervisor, register entry) and what this
// suite does not drive through the UI (CME, training, profile).
import { getApps, initializeApp } from "firebase-admin/app";
import { getAuth } from "firebase-admin/auth";
import { getFirestore, type Firestore } from "firebase-admin/firestore";
import { createRequire } from "node:module";

export const PROJECT_ID = "demo-cmr";
export const PASSWORD = "e2e-password";

export const USERS = {
  alice: { uid: "e2e-alice", email: "alice@e2e.test", displayName: "Alice Candidate" },
  bob: { uid: "e2e-bob", email: "bob@e2e.test", displayName: "Bob Candidate" },
  supervisor: { uid: "e2e-supervisor", email: "supervisor@e2e.test", displayName: "Sam Supervisor" },
  grader1: { uid: "e2e-grader-1", email: "grader1@e2e.test", displayName: "Gina Grader" },
  grader2: { uid: "e2e-grader-2", email: "grader2@e2e.test", displayName: "Gus Grader" },
  chair: { uid: "e2e-chair", email: "chair@e2e.test", displayName: "Cora Chair" },
} as const;

/** Auth custom claims (what the admin-only setRole callable sets). */
const ROLES: Partial<Record<keyof typeof USERS, string>> = { grader1: "grader", grader2: "grader", chair: "chair" };

export const ALICE_APP = "e2e-app-alice";
export const REFUSED_EVIDENCE = {
  id: "e2e-bob-refused",
  fileName: "scan.pdf",
  reason: 'the file\'s content is image/png but its name ends in ".pdf"',
};
export const BOB_APP = "e2e-app-bob";
export const BOB_BAD_CASE = "bob-bad-case";
export const SUPERVISOR_NAME = "Sam Supervisor";
/** Certified people: certifications/{id} and the register row the register trigger derives (register/{uid}). */
export const CERTIFIED = {
  uid: "e2e-ada",
  certificateNumber: "CMR-L3-2025-00042",
  name: "Ada Lovelace",
  level: 3,
  country: "GB",
  awardedOn: "2025-06-01",
  expiresOn: "2030-05-31",
};
const OTHER_CERTIFIED = [
  {
    ...CERTIFIED,
    uid: "e2e-grace",
    certificateNumber: "CMR-L2-2024-00007",
    name: "Grace Hopper",
    level: 2,
    country: "US",
    awardedOn: "2024-02-01",
    expiresOn: "2029-01-31",
  },
  {
    ...CERTIFIED,
    uid: "e2e-adam",
    certificateNumber: "CMR-L2-2023-00008",
    name: "Adam Smith",
    level: 2,
    country: "GB",
    awardedOn: "2023-04-01",
    expiresOn: "2028-03-31",
  },
];
/** A revoked certification: the register does not show it; verification says "revoked". */
export const REVOKED = {
  ...CERTIFIED,
  uid: "e2e-eve",
  certificateNumber: "CMR-L2-2022-00003",
  name: "Eve Revoked",
  level: 2,
};

export function adminDb(): Firestore {
  if (!process.env.FIRESTORE_EMULATOR_HOST || !process.env.FIREBASE_AUTH_EMULATOR_HOST)
    throw new Error("the browser tests run on the emulators: use `npm run test:e2e`");
  if (!getApps().length) initializeApp({ projectId: PROJECT_ID });
  return getFirestore();
}

const CATEGORY_PLAN: [string, number][] = [
  ["ischaemic", 25],
  ["stress-perfusion", 15],
  ["cardiomyopathy", 25],
  ["valvular", 10],
  ["congenital", 10],
  ["aortic-vascular", 5],
  ["pericardial", 5],
  ["mass", 5],
  ["cardiomyopathy", 50],
];

function plusDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export interface CaseFields {
  patientRef: string;
  studyDate: string;
  category: string;
  normal: boolean;
  source: string;
  role: string;
  presentInControlRoom: boolean;
  supervisorId: string;
  congenitalLesion?: string;
}

/** An eligible Level 2 case list (with the seeded CME, training and exam): n cases, spread over ~10 months. */
export function eligibleCases(n = 150, prefix = "e2e"): CaseFields[] {
  const categories = CATEGORY_PLAN.flatMap(([category, count]) => Array<string>(count).fill(category));
  return Array.from({ length: n }, (_, i) => {
    const category = categories[i % categories.length];
    return {
      patientRef: `${prefix}-${String(i).padStart(3, "0")}`,
      studyDate: plusDays("2025-03-01", (i * 2) % 300),
      category,
      normal: i % 20 === 19,
      source: "own-centre",
      role: "primary-operator",
      presentInControlRoom: i % 2 === 0,
      supervisorId: USERS.supervisor.uid,
      ...(category === "congenital" ? { congenitalLesion: "shunt" } : {}),
    };
  });
}

const COLUMNS = [
  "patientRef",
  "studyDate",
  "category",
  "normal",
  "source",
  "role",
  "presentInControlRoom",
  "supervisorId",
  "congenitalLesion",
] as const;

/** The cases as the import template's CSV; `replace` swaps in raw cells for given rows (0-based). */
export function casesCsv(
  cases: CaseFields[],
  replace: Record<number, Partial<Record<(typeof COLUMNS)[number], string>>> = {},
) {
  const lines = cases.map((c, i) =>
    COLUMNS.map((col) => replace[i]?.[col] ?? String((c as unknown as Record<string, unknown>)[col] ?? "")).join(","),
  );
  return [COLUMNS.join(","), ...lines].join("\n") + "\n";
}

// The register's own derivation (functions/lib is built before the browser tests run).
const { registerRowFor } = createRequire(import.meta.url)("../../functions/lib/grading/domain/register.js") as {
  registerRowFor: (certs: unknown[], today: string, windowMonthsAfter: number) => Record<string, unknown> | null;
};

/** A certification and, while it counts, its register row as the register trigger writes it. */
function certified(c: typeof CERTIFIED, status: "active" | "revoked"): [string, Record<string, unknown>][] {
  const id = `cert-${c.uid}`;
  const cert = {
    uid: c.uid,
    level: c.level,
    awardedOn: c.awardedOn,
    expiresOn: c.expiresOn,
    status,
    holderName: c.name,
    country: c.country,
    certificateNumber: c.certificateNumber,
  };
  const row = registerRowFor([{ ...cert, id }], new Date().toISOString().slice(0, 10), 6);
  return [
    [`certifications/${id}`, cert],
    ...(row ? [[`register/${c.uid}`, row] as [string, Record<string, unknown>]] : []),
  ];
}

/** Empties the Firestore and Auth emulators, so that the suite can run again on running emulators. */
async function clearEmulators(): Promise<void> {
  const firestore = `http://${process.env.FIRESTORE_EMULATOR_HOST}/emulator/v1/projects/${PROJECT_ID}/databases/(default)/documents`;
  const auth = `http://${process.env.FIREBASE_AUTH_EMULATOR_HOST}/emulator/v1/projects/${PROJECT_ID}/accounts`;
  for (const url of [firestore, auth]) {
    const response = await fetch(url, { method: "DELETE" });
    if (!response.ok) throw new Error(`could not clear ${url}: ${response.status}`);
  }
}

/**
 * An evidence file as the upload check records an accepted one (the Storage
 * emulator does not run here; submitting and sending requests need them accepted).
 */
export const acceptedEvidence = (uid: string, id: string): [string, Record<string, unknown>] => [
  `users/${uid}/evidence/${id}`,
  {
    ownerUid: uid,
    fileName: `${id}.pdf`,
    path: `evidence/${uid}/${id}/${id}.pdf`,
    size: 1024,
    contentType: "application/pdf",
    uploadedContentType: "application/pdf",
    generation: "1",
    sha256: "0".repeat(64),
    status: "accepted",
    reason: null,
    deletedAt: null,
  },
];

/** Users, registries and the two applications the scenarios start from. */
export async function seed(): Promise<void> {
  const db = adminDb();
  await clearEmulators();
  const auth = getAuth();
  for (const [key, user] of Object.entries(USERS)) {
    await auth.createUser({ ...user, password: PASSWORD, emailVerified: true }).catch((e: { code?: string }) => {
      if (e.code !== "auth/uid-already-exists") throw e;
    });
    const role = ROLES[key as keyof typeof USERS];
    if (role) await auth.setCustomUserClaims(user.uid, { role });
  }
  const profile = (user: { email: string; displayName: string }) => ({
    displayName: user.displayName,
    email: user.email,
    country: "FR",
    membership: "non-member",
    physicianRegistration: { validUntil: "2031-12-31" },
    acls: { kind: "certificate", validUntil: "2028-06-30", evidenceId: "e2e-acls" },
  });
  const sup = USERS.supervisor.uid;
  const writes: [string, Record<string, unknown>][] = [
    [`supervisors/${sup}`, { name: SUPERVISOR_NAME, body: "EACVI", level3From: "2015-01-01", level3Until: null }],
    [`users/${USERS.alice.uid}`, profile(USERS.alice)],
    [`users/${USERS.bob.uid}`, profile(USERS.bob)],
    // Alice's certificates, accepted.
    ...["e2e-acls", "e2e-cert-1", "e2e-cert-2"].map((id) => acceptedEvidence(USERS.alice.uid, id)),
    // A file the upload check refused (its verdict is shown on the evidence page).
    [
      `users/${USERS.bob.uid}/evidence/${REFUSED_EVIDENCE.id}`,
      {
        ...acceptedEvidence(USERS.bob.uid, REFUSED_EVIDENCE.id)[1],
        fileName: REFUSED_EVIDENCE.fileName,
        status: "rejected",
        reason: REFUSED_EVIDENCE.reason,
      },
    ],
    acceptedEvidence(USERS.bob.uid, "e2e-bob-cme"),
    [`users/${sup}`, { displayName: SUPERVISOR_NAME, email: USERS.supervisor.email }],
    // Two graders (from institutions nobody else has: both eligible for Alice's logbook) and the chair.
    ...[USERS.grader1, USERS.grader2, USERS.chair].map((u): [string, Record<string, unknown>] => [
      `users/${u.uid}`,
      { displayName: u.displayName, email: u.email },
    ]),
    [
      `graders/${USERS.grader1.uid}`,
      { institution: "Charité Berlin", country: "DE", active: true, capacity: 5, openAssignments: 0 },
    ],
    [
      `graders/${USERS.grader2.uid}`,
      { institution: "Karolinska Institutet", country: "SE", active: true, capacity: 5, openAssignments: 0 },
    ],
    ...[CERTIFIED, ...OTHER_CERTIFIED, REVOKED].flatMap((c) => certified(c, c === REVOKED ? "revoked" : "active")),
    [
      "examResults/e2e-exam-alice",
      { uid: USERS.alice.uid, passed: true, sittingDate: "2025-11-07", resultDate: "2025-12-19", status: "passed" },
    ],
    [
      `applications/${ALICE_APP}`,
      {
        ownerUid: USERS.alice.uid,
        // What the application form writes from the profile: the name her supervisor sees.
        candidateName: USERS.alice.displayName,
        route: "level2",
        status: "draft",
        supervisorIds: [sup],
        examResultId: "e2e-exam-alice",
      },
    ],
    [
      `applications/${ALICE_APP}/training/tr-1`,
      { start: "2025-03-01", end: "2025-05-31", hoursPerWeek: 40, supervisorId: sup },
    ],
    [
      `applications/${ALICE_APP}/cme/eurocmr`,
      {
        title: "EuroCMR 2025",
        catalogueId: "eurocmr",
        kind: "cmr-meeting",
        startDate: "2025-05-01",
        endDate: "2025-05-03",
        credits: 18,
        certificateId: "e2e-cert-1",
      },
    ],
    [
      `applications/${ALICE_APP}/cme/intro`,
      {
        title: "SCMR Introductory Online Course",
        catalogueId: "scmr-intro-online-course",
        kind: "online-course",
        startDate: "2025-06-01",
        endDate: "2025-06-20",
        credits: 10,
        certificateId: "e2e-cert-2",
      },
    ],
    // Logbook access (issue 12): Bob's application names his passed exam, as the rules require to change it.
    [
      "examResults/e2e-exam-bob",
      { uid: USERS.bob.uid, passed: true, sittingDate: "2025-11-07", resultDate: "2025-12-19", status: "passed" },
    ],
    [
      `applications/${BOB_APP}`,
      { ownerUid: USERS.bob.uid, route: "level2", status: "draft", supervisorIds: [], examResultId: "e2e-exam-bob" },
    ],
    // Written with the Admin SDK, which the rules do not govern: a malformed case the report must point at.
    [`applications/${BOB_APP}/cases/${BOB_BAD_CASE}`, { ...eligibleCases(1, "bob")[0], category: "cardiac" }],
  ];
  const batch = db.batch();
  for (const [path, data] of writes) batch.set(db.doc(path), data);
  await batch.commit();
}
