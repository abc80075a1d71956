// Live revalidation on the real path: writes to the Firestore emulator fire
// the triggers in the Functions emulator, which enqueue the recomputation on
// the Cloud Tasks emulator; the test polls the stored report.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Timestamp } from "firebase-admin/firestore";
import type { Summary } from "../../functions/src/logbook/domain/index.js";
import { makeBundle, makeCase, makeCme, makeTraining } from "../factories/bundle.js";
import { SMALL_POLICY, SMALL_POLICY_OVERRIDE } from "../factories/policy.js";
import { eventsPath } from "../../functions/src/logbook/revalidation.js";
import { expectFigures, SMALL_LEVEL2, SMALL_LEVEL3_DIRECT, type Figures } from "./known-figures.js";
import { adminDb, reportOf, seedApplication, setPolicy, stateOf, uniqueId, waitFor, writeLogbook } from "./helpers.js";

const db = adminDb();

/**
 * The Functions emulator starts a worker per function on first use: on a busy
 * machine the first report of a run can take far longer than a warm one. Wait
 * (by polling, with a generous bound) until one report has gone all the way
 * through triggers, the task queue and the task, so that the tests' own waits
 * measure revalidation, not start-up.
 */
async function warmUp() {
  const { appId } = await seedApplication(db, makeBundle("level2", {}, SMALL_POLICY));
  await waitFor(
    () => reportOf(db, appId),
    (report) => report !== undefined,
    {
      what: "a first report (the Functions emulator warming up)",
      timeoutMs: 150_000,
    },
  );
}

beforeAll(async () => {
  await setPolicy(db, SMALL_POLICY_OVERRIDE);
  await warmUp();
}, 180_000);
afterAll(() => setPolicy(db, null));

type StoredReport = Record<string, unknown> & {
  findings: { code: string; caseIds?: string[]; documentPath?: string; message: string }[];
};

const withoutMeta = (stored: Record<string, unknown> | undefined) => {
  if (!stored) return undefined;
  const { judgedUpTo: _j, computedAt: _c, ...report } = stored;
  return report;
};

/** Waits until the stored report has the known figures (known-figures.ts), not the engine's. */
const expectLive = (appId: string, expected: Figures, timeoutMs?: number) =>
  expectFigures(async () => withoutMeta(await reportOf(db, appId)), expected, timeoutMs);
const L2 = SMALL_LEVEL2;
const withL2 = (changes: Partial<Figures>, summary: Partial<Summary> = {}): Figures => ({
  ...L2,
  ...changes,
  summary: { ...L2.summary, ...summary },
});

async function waitForFinding(appId: string, code: string) {
  return (await waitFor(
    () => reportOf(db, appId),
    (r) => (r?.findings ?? []).some((f: { code: string }) => f.code === code),
    { what: `a ${code} finding` },
  )) as StoredReport;
}

const strip = <T extends { id: string }>({ id: _id, ...rest }: T) => rest;

describe("live revalidation: each kind of document", () => {
  it("cases: create, update and delete", async () => {
    const bundle = makeBundle("level2", {}, SMALL_POLICY);
    const { appId } = await seedApplication(db, bundle);
    await expectLive(appId, L2);

    // An observed case (in the control room: an even index) is left out.
    const extra = makeCase(700, { studyDate: "2025-07-01", role: "observer" });
    await db.doc(`applications/${appId}/cases/${extra.id}`).set(strip(extra));
    await expectLive(appId, withL2({ eligible: false, codes: ["CASE_ROLE_NOT_ACCEPTED"] }));

    // As primary operator it counts: 7 cases, 4 in the control room.
    await db.doc(`applications/${appId}/cases/${extra.id}`).update({ role: "primary-operator" });
    await expectLive(appId, withL2({}, { casesCounted: 7, controlRoom: 4 }));

    // Without the only ischaemic case (the first, in the control room) the category minimum is not met.
    await db.doc(`applications/${appId}/cases/${bundle.cases[0].id}`).delete();
    await expectLive(appId, withL2({ eligible: false, codes: ["CATEGORY_MINIMUM_NOT_MET"] }, { controlRoom: 3 }));
  });

  it("CME entries and training periods", async () => {
    const bundle = makeBundle("level2", {}, SMALL_POLICY);
    const { appId } = await seedApplication(db, bundle);
    // EuroCMR alone: 18 of 25 credits, from a single source.
    await db.doc(`applications/${appId}/cme/${bundle.cme[1].id}`).delete();
    const tooFew = ["CME_SINGLE_SOURCE", "CME_TOO_FEW_CREDITS"];
    await expectLive(appId, withL2({ eligible: false, codes: tooFew }, { cmeCredits: 18 }));

    // A 9-credit course on 1 May, the first day of EuroCMR (6 credits a day): that day is
    // capped at 8 credits, so 8 + 6 + 6 = 20.
    const course = makeCme("cme-more", { credits: 9 });
    await db.doc(`applications/${appId}/cme/${course.id}`).set(strip(course));
    const capped = ["CME_CREDITS_CAPPED", "CME_TOO_FEW_CREDITS"];
    await expectLive(appId, withL2({ eligible: false, codes: capped }, { cmeCredits: 20 }));

    // 1 January to 15 February full time: 1.5 months.
    const shortTraining = makeTraining("tr-1", { end: "2025-02-15" });
    await db.doc(`applications/${appId}/training/tr-1`).set(strip(shortTraining));
    await expectLive(
      appId,
      withL2({ eligible: false, codes: [...capped, "TRAINING_TOO_SHORT"] }, { cmeCredits: 20, trainingFteMonths: 1.5 }),
    );
  });

  it("peer recognition and the supervisor's declaration", async () => {
    const bundle = makeBundle("level3-direct", {}, SMALL_POLICY);
    const { appId } = await seedApplication(db, bundle);
    await expectLive(appId, SMALL_LEVEL3_DIRECT);
    await db.doc(`applications/${appId}/recognition/pub-1`).delete();
    const noPublication = { ...SMALL_LEVEL3_DIRECT, eligible: false, codes: ["PEER_RECOGNITION_INSUFFICIENT"] };
    await expectLive(appId, noPublication);

    await db.doc(`applications/${appId}/declarations/sup-lv3`).delete();
    await expectLive(appId, {
      ...noPublication,
      codes: ["PEER_RECOGNITION_INSUFFICIENT", "SUPERVISOR_DECLARATION_MISSING"],
    });
  });

  it("the candidate's profile and the application itself", async () => {
    const bundle = makeBundle("level2", {}, SMALL_POLICY);
    const { appId, ownerUid } = await seedApplication(db, bundle);
    await expectLive(appId, L2);
    // A registration that ran out on 31 January 2026 (before today).
    await db.doc(`users/${ownerUid}`).update({ physicianRegistration: { validUntil: "2026-01-31" } });
    const unregistered = withL2({ eligible: false, codes: ["REGISTRATION_NOT_VALID"] });
    await expectLive(appId, unregistered);

    // An extension of the submission deadline changes nothing about the registration: once
    // the application's write is judged (revalidationState's judgedUpTo), the figures are the same.
    const { writeTime } = await db.doc(`applications/${appId}`).update({ extensionGrantedUntil: "2029-12-31" });
    await waitFor(
      async () => (await stateOf(db, appId))?.judgedUpTo as Timestamp | undefined,
      (judged) => judged !== undefined && judged.toMillis() >= writeTime.toMillis(),
      { what: "the extension to be judged" },
    );
    await expectLive(appId, unregistered, 1);
  });
});

describe("live revalidation: documents the candidate does not write", () => {
  it("a supervisor's Level 3 dates, corrected in the registry, update the report", async () => {
    // A supervisor of this test's own, so that no other test's application depends on the change.
    const id = uniqueId("sup");
    const base = makeBundle("level2", {}, SMALL_POLICY);
    const bundle = {
      ...base,
      supervisors: [{ ...base.supervisors[0], id }],
      cases: base.cases.map((c) => ({ ...c, supervisorId: id })),
      training: base.training.map((t) => ({ ...t, supervisorId: id })),
      supervisorDeclaration: { ...base.supervisorDeclaration!, supervisorId: id },
    };
    const { appId } = await seedApplication(db, bundle);
    await expectLive(appId, L2);
    // Level 3 from 1 February 2025: the six January cases no longer count, and
    // only February and March of the training do.
    await db.doc(`supervisors/${id}`).update({ level3From: "2025-02-01" });
    await expectLive(appId, {
      eligible: false,
      codes: [
        "CASES_TOO_FEW",
        "CATEGORY_MINIMUM_NOT_MET",
        "CONTROL_ROOM_PRESENCE_TOO_LOW",
        "SUPERVISOR_NOT_LEVEL3_ON_CASE_DATE",
        "TRAINING_SUPERVISOR_NOT_LEVEL3",
        "TRAINING_TOO_SHORT",
      ],
      summary: { casesCounted: 0, controlRoom: 0, cmeCredits: 28, trainingFteMonths: 2 },
    });
  });

  it("an exam result recorded as failed updates the report", async () => {
    const bundle = makeBundle("level2", {}, SMALL_POLICY);
    const { appId } = await seedApplication(db, bundle);
    await expectLive(appId, L2);
    await db.doc(`examResults/${appId}-exam`).update({ passed: false });
    await expectLive(appId, withL2({ eligible: false, codes: ["EXAM_NOT_PASSED"] }));
  });
});

describe("live revalidation: malformed documents are reported, never fatal, never changed", () => {
  const MALFORMED: { name: string; path: string; data: object; code: string }[] = [
    {
      name: "a case dated 31/02/2026",
      path: "cases/bad-date",
      data: { ...strip(makeCase(1)), studyDate: "31/02/2026" },
      code: "CASE_INVALID",
    },
    {
      name: "a case with an unknown category",
      path: "cases/bad-cat",
      data: { ...strip(makeCase(2)), category: "brain" },
      code: "CASE_INVALID",
    },
    {
      name: "a case with a numeric patientRef",
      path: "cases/bad-ref",
      data: { ...strip(makeCase(3)), patientRef: 12 },
      code: "CASE_INVALID",
    },
    { name: "a case with nothing in it", path: "cases/empty", data: {}, code: "CASE_INVALID" },
    {
      name: "a case whose patientRef is an e-mail address",
      path: "cases/email",
      data: { ...strip(makeCase(4)), patientRef: "jane@example.org" },
      code: "CASE_PATIENT_REF_IDENTIFYING",
    },
    {
      name: "a CME entry with negative credits",
      path: "cme/negative",
      data: { ...strip(makeCme("n")), credits: -3 },
      code: "CME_ENTRY_INVALID",
    },
    {
      name: "a CME entry ending before it starts",
      path: "cme/backwards",
      data: { ...strip(makeCme("b")), endDate: "2025-04-01" },
      code: "CME_ENTRY_INVALID",
    },
    {
      name: "a training period with hours as text",
      path: "training/text-hours",
      data: { ...strip(makeTraining("t")), hoursPerWeek: "forty" },
      code: "TRAINING_PERIOD_INVALID",
    },
    {
      name: "a recognition item of an unknown kind",
      path: "recognition/odd",
      data: { kind: "tweet", date: "2024-01-01" },
      code: "DOCUMENT_INVALID",
    },
    {
      name: "a declaration with a bad date",
      path: "declarations/sup-lv3",
      data: { signedOn: "yesterday" },
      code: "DOCUMENT_INVALID",
    },
  ];

  it.each(MALFORMED)("$name", async ({ path, data, code }) => {
    const bundle = makeBundle("level2", {}, SMALL_POLICY);
    const { appId } = await seedApplication(db, bundle);
    const ref = db.doc(`applications/${appId}/${path}`);
    await ref.set(data);
    const report = await waitForFinding(appId, code);
    const finding = report.findings.find((f) => f.code === code)!;
    const docId = path.split("/")[1];
    expect([...(finding.caseIds ?? []), ...(Object.values(finding).flat() as string[])].join(" ")).toContain(docId);
    expect(report.eligible).toBe(false);
    expect((await ref.get()).data()).toEqual(data);
  });

  it("a profile with a malformed ACLS entry is reported and left as it is", async () => {
    const bundle = makeBundle("level2", {}, SMALL_POLICY);
    const { appId, ownerUid } = await seedApplication(db, bundle);
    await db.doc(`users/${ownerUid}`).update({ acls: { kind: "diploma" } });
    const report = await waitForFinding(appId, "DOCUMENT_INVALID");
    expect(report.findings.find((f) => f.code === "DOCUMENT_INVALID")?.documentPath).toBe(`users/${ownerUid}`);
    expect((await db.doc(`users/${ownerUid}`).get()).get("acls")).toEqual({ kind: "diploma" });
  });

  it("an application whose supervisor list is not a list is reported", async () => {
    const bundle = makeBundle("level2", {}, SMALL_POLICY);
    const { appId } = await seedApplication(db, bundle);
    await db.doc(`applications/${appId}`).update({ supervisorIds: "sup-lv3" });
    const report = await waitForFinding(appId, "DOCUMENT_INVALID");
    expect(report.findings[0].documentPath).toBe(`applications/${appId}`);
    expect(report.route).toBeNull();
  });

  it("a patient reference that looks like patient data is not repeated in the report", async () => {
    const bundle = makeBundle("level2", {}, SMALL_POLICY);
    const { appId } = await seedApplication(db, bundle);
    await db
      .doc(`applications/${appId}/cases/named`)
      .set({ ...strip(makeCase(9)), patientRef: "Jean Dupont 1961-04-02" });
    await waitForFinding(appId, "CASE_PATIENT_REF_IDENTIFYING");
    expect(JSON.stringify(await reportOf(db, appId))).not.toContain("Dupont");
  });
});

describe("a burst of batched writes", () => {
  it("300 cases in batches of 50 converge to the known figures with at most 3 recomputations", async () => {
    await setPolicy(db, null);
    try {
      const bundle = makeBundle("level3-direct");
      const { appId } = await seedApplication(db, bundle, { withLogbook: false });
      await writeLogbook(db, appId, bundle, 50);
      // 300 cases (15 normal: every 20th), 150 in the control room, 52 credits, a year of training.
      const report = await expectLive(
        appId,
        {
          eligible: true,
          codes: [],
          summary: { casesCounted: 300, normal: 15, controlRoom: 150, cmeCredits: 52, trainingFteMonths: 12 },
        },
        40_000,
      );

      // Every trigger has run (one event record each: the application and each logbook document)
      // and every task it enqueued has finished.
      const writes =
        1 + bundle.cases.length + bundle.cme.length + bundle.training.length + bundle.peerRecognition.length + 1;
      await waitFor(
        async () => (await db.collection(eventsPath(appId)).count().get()).data().count,
        (n) => n >= writes, // the exam result and profile written just before may add their own
        { what: `${writes} trigger invocations`, timeoutMs: 40_000 },
      );
      const stats = await waitFor(
        async () => ({
          ...(await stateOf(db, appId))?.stats,
          pending: (await db.doc(`revalidationPending/${appId}`).get()).exists,
        }),
        (s) => !s.pending && s.computations === s.tasksEnqueued,
        { what: "every enqueued recomputation to finish" },
      );
      expect(stats.computations).toBeGreaterThanOrEqual(1);
      expect(stats.computations).toBeLessThanOrEqual(3);
      const stored = await reportOf(db, appId);
      expect(withoutMeta(stored)).toEqual(withoutMeta(report));
    } finally {
      await setPolicy(db, SMALL_POLICY_OVERRIDE);
    }
  });
});
