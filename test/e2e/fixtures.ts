// The people and documents the browser tests start from, written with the
// Admin SDK before the browser runs: what a candidate cannot create
// themselves (exam result, verified supervisor, register entry) and what this
// suite does not drive through the UI (CME, training, profile).
import { getApps, initializeApp } from "firebase-admin/app";
import { getAuth } from "firebase-admin/auth";
import { getFirestore, type Firestore } from "firebase-admin/firestore";

export const PROJECT_ID = "demo-cmr";
export const PASSWORD = "e2e-password";

export const USERS = {
  alice: { uid: "e2e-alice", email: "alice@e2e.test", displayName: "Alice Candidate" },
  bob: { uid: "e2e-bob", email: "bob@e2e.test", displayName: "Bob Candidate" },
  supervisor: { uid: "e2e-supervisor", email: "supervisor@e2e.test", displayName: "Sam Supervisor" },
} as const;

export const ALICE_APP = "e2e-app-alice";
export const BOB_APP = "e2e-app-bob";
export const BOB_BAD_CASE = "bob-bad-case";
export const SUPERVISOR_NAME = "Sam Supervisor";
export const CERTIFIED = {
  id: "EACVI-CMR-L3-0042",
  name: "Ada Lovelace",
  level: 3,
  country: "GB",
  expiresOn: "2030-05-31",
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

/** Empties the Firestore and Auth emulators, so that the suite can run again on running emulators. */
async function clearEmulators(): Promise<void> {
  const firestore = `http://${process.env.FIRESTORE_EMULATOR_HOST}/emulator/v1/projects/${PROJECT_ID}/databases/(default)/documents`;
  const auth = `http://${process.env.FIREBASE_AUTH_EMULATOR_HOST}/emulator/v1/projects/${PROJECT_ID}/accounts`;
  for (const url of [firestore, auth]) {
    const response = await fetch(url, { method: "DELETE" });
    if (!response.ok) throw new Error(`could not clear ${url}: ${response.status}`);
  }
}

/** Users, registries and the two applications the scenarios start from. */
export async function seed(): Promise<void> {
  const db = adminDb();
  await clearEmulators();
  const auth = getAuth();
  for (const user of Object.values(USERS)) {
    await auth.createUser({ ...user, password: PASSWORD, emailVerified: true }).catch((e: { code?: string }) => {
      if (e.code !== "auth/uid-already-exists") throw e;
    });
  }
  const profile = (user: { email: string; displayName: string }) => ({
    displayName: user.displayName,
    email: user.email,
    country: "FR",
    membership: "non-member",
    physicianRegistration: { validUntil: "2031-12-31" },
    acls: { kind: "certificate", validUntil: "2028-06-30", evidenceId: "e2e-acls" },
  });
  // Alice's certificates as the upload check records accepted files (the
  // Storage emulator does not run here; submission needs them accepted).
  const acceptedEvidence = (uid: string, id: string): [string, Record<string, unknown>] => [
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
  const sup = USERS.supervisor.uid;
  const writes: [string, Record<string, unknown>][] = [
    [`supervisors/${sup}`, { name: SUPERVISOR_NAME, body: "EACVI", level3From: "2015-01-01", level3Until: null }],
    [`users/${USERS.alice.uid}`, profile(USERS.alice)],
    [`users/${USERS.bob.uid}`, profile(USERS.bob)],
    ...["e2e-acls", "e2e-cert-1", "e2e-cert-2"].map((id) => acceptedEvidence(USERS.alice.uid, id)),
    [`users/${sup}`, { displayName: SUPERVISOR_NAME, email: USERS.supervisor.email }],
    [
      `register/${CERTIFIED.id}`,
      { name: CERTIFIED.name, level: CERTIFIED.level, country: CERTIFIED.country, expiresOn: CERTIFIED.expiresOn },
    ],
    ["register/EACVI-CMR-L2-0007", { name: "Grace Hopper", level: 2, country: "US", expiresOn: "2029-01-31" }],
    ["register/EACVI-CMR-L2-0008", { name: "Adam Smith", level: 2, country: "GB", expiresOn: "2028-03-31" }],
    [
      "examResults/e2e-exam-alice",
      { uid: USERS.alice.uid, passed: true, sittingDate: "2025-11-07", resultDate: "2025-12-19", status: "passed" },
    ],
    [
      `applications/${ALICE_APP}`,
      {
        ownerUid: USERS.alice.uid,
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
