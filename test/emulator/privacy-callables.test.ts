// The GDPR callables through the Functions emulator: the export holds
// everything about the caller and nothing about anyone else; the erasure
// request erases what retention allows and says what it keeps and why.
import { getAuth } from "firebase-admin/auth";
import { FieldValue } from "firebase-admin/firestore";
import { describe, expect, it } from "vitest";
import { makeBundle } from "../factories/bundle.js";
import { SMALL_POLICY } from "../factories/policy.js";
import { adminDb, callFunction, seedApplication, uniqueId, waitFor } from "./helpers.js";

const db = adminDb();

/** A candidate with a draft, a withdrawn and a submitted application, messages, an exam result and a certification. */
async function candidate() {
  const bundle = makeBundle("level2", {}, SMALL_POLICY);
  const { appId: draftId, ownerUid: uid } = await seedApplication(db, bundle);
  const { appId: withdrawnId } = await seedApplication(db, bundle, { ownerUid: uid, status: "withdrawn" });
  const { appId: submittedId } = await seedApplication(db, bundle, { ownerUid: uid, status: "submitted" });
  await db.doc(`applications/${withdrawnId}`).update({ withdrawnAt: FieldValue.serverTimestamp() });
  await db.doc(`applications/${submittedId}/snapshots/1`).set({ submission: 1, bundle: { route: "level2" } });
  const certId = uniqueId("cert");
  await db.doc(`certifications/${certId}`).set({
    uid,
    level: 2,
    awardedOn: "2026-01-31",
    expiresOn: "2031-01-31",
    status: "active",
    holderName: "Demo Candidate",
  });
  // The register row is keyed by the holder's uid (the register trigger derives the same row from the certification).
  await db
    .doc(`register/${uid}`)
    .set({ name: "Demo Candidate", level: 2, expiresOn: "2031-01-31", certificationId: certId });
  // The committee's record of the submitted logbook: one grade released to the candidate, one not yet.
  await db
    .doc(`gradings/${submittedId}`)
    .set({ candidateUid: uid, status: "grading", graderUids: ["grader-a", "grader-b"] });
  await db
    .doc(`gradings/${submittedId}/grades/1-grader-a`)
    .set({ graderUid: "grader-a", overall: "pass", visibleToCandidate: true });
  await db
    .doc(`gradings/${submittedId}/grades/1-grader-b`)
    .set({ graderUid: "grader-b", overall: "fail", visibleToCandidate: false });
  await db.doc(`gradings/${submittedId}/history/1-submitted`).set({ event: "submitted", submission: 1 });
  await db.doc(`users/${uid}/notifications/n-1`).set({ subject: "Reminder", createdAt: FieldValue.serverTimestamp() });
  await db.doc(`mail/${uniqueId("m")}`).set({ to: `${uid}@example.org`, message: { subject: "Reminder" } });
  await db.doc(`undeliverable/${uniqueId("u")}`).set({ uid, about: "x", reportedOn: null });
  return { uid, bundle, draftId, withdrawnId, submittedId, certId };
}

describe("exportMyData", () => {
  it("returns everything held about the caller as one JSON document", async () => {
    const c = await candidate();
    const other = await candidate();
    const { status, result } = await callFunction("exportMyData", {}, { uid: c.uid });
    expect(status).toBe(200);
    const exported = result as Record<string, never> & {
      applications: { id: string; logbook: { cases: unknown[] }; snapshots: unknown[]; report: unknown }[];
    };
    expect(exported.format).toBe("eacvi-cmr-personal-data/1");
    expect(exported.uid).toBe(c.uid);
    expect((exported.profile as { data: { email: string } }).data.email).toBe(`${c.uid}@example.org`);
    expect(exported.applications.map((a) => a.id).sort()).toEqual([c.draftId, c.submittedId, c.withdrawnId].sort());
    const draft = exported.applications.find((a) => a.id === c.draftId)!;
    expect(draft.logbook.cases).toHaveLength(c.bundle.cases.length);
    const submitted = exported.applications.find((a) => a.id === c.submittedId)! as unknown as {
      snapshots: unknown[];
      grading: { data: Record<string, unknown>; grades: { id: string }[]; history: unknown[] };
    };
    expect(submitted.snapshots).toHaveLength(1);
    // The grading record as far as the candidate may read it: released grades, not the round's list of graders.
    expect(submitted.grading.data).toMatchObject({ status: "grading" });
    expect(submitted.grading.grades.map((g) => g.id)).toEqual(["1-grader-a"]);
    expect(submitted.grading.history).toHaveLength(1);
    expect(draft).toMatchObject({ grading: null });
    expect((exported.certifications as unknown[]).length).toBe(1);
    expect((exported.registerEntries as unknown[]).length).toBe(1);
    expect((exported.examResults as unknown[]).length).toBe(3);
    expect((exported.notifications as unknown[]).length).toBe(1);
    expect((exported.mail as unknown[]).length).toBe(1);
    expect((exported.undeliverable as unknown[]).length).toBe(1);
    // Instants are plain strings, and nothing about the other candidate is there.
    const text = JSON.stringify(exported);
    expect(text).toMatch(/"withdrawnAt":"\d{4}-\d{2}-\d{2}T/);
    expect(text).not.toContain(other.uid);
    expect(text).not.toContain("grader-b");
  });

  it("refuses a caller who is not signed in, and unexpected input", async () => {
    expect((await callFunction("exportMyData", {})).error?.status).toBe("UNAUTHENTICATED");
    expect((await callFunction("exportMyData", { uid: "someone-else" }, { uid: "me" })).error?.status).toBe(
      "INVALID_ARGUMENT",
    );
  });
});

describe("requestErasure", () => {
  it("needs an explicit confirmation", async () => {
    const c = await candidate();
    const { error } = await callFunction("requestErasure", {}, { uid: c.uid });
    expect(error?.status).toBe("INVALID_ARGUMENT");
    expect((await db.doc(`applications/${c.draftId}`).get()).exists).toBe(true);
  });

  it("erases drafts, withdrawn applications and messages; keeps what a decision or the register needs, with reasons", async () => {
    const c = await candidate();
    const { status, result } = await callFunction("requestErasure", { confirm: true }, { uid: c.uid });
    expect(status).toBe(200);
    const outcome = result as {
      erased: { path: string }[];
      kept: { path: string; reason: string; until: string | null }[];
    };
    const erased = outcome.erased.map((e) => e.path);
    expect(erased).toEqual(
      expect.arrayContaining([
        `applications/${c.draftId}`,
        `applications/${c.withdrawnId}`,
        `users/${c.uid}/notifications/n-1`,
      ]),
    );
    for (const id of [c.draftId, c.withdrawnId]) {
      expect((await db.doc(`applications/${id}`).get()).exists).toBe(false);
      expect((await db.collection(`applications/${id}/cases`).get()).size).toBe(0);
    }
    expect((await db.collection(`users/${c.uid}/notifications`).get()).size).toBe(0);
    expect((await db.collection("mail").where("to", "==", `${c.uid}@example.org`).get()).size).toBe(0);

    const kept = Object.fromEntries(outcome.kept.map((k) => [k.path, k]));
    expect(kept[`applications/${c.submittedId}`].reason).toContain("under review");
    expect(kept[`certifications/${c.certId}`]).toMatchObject({ until: "2041-01-31" });
    expect(kept[`users/${c.uid}`].reason).toContain("contact details");
    expect((await db.doc(`applications/${c.submittedId}/cases/${c.bundle.cases[0].id}`).get()).exists).toBe(true);
    const profile = (await db.doc(`users/${c.uid}`).get()).data();
    expect(profile?.email).toBe(`${c.uid}@example.org`);
    expect(profile).not.toHaveProperty("physicianRegistration");
    expect(profile).not.toHaveProperty("acls");

    // The audit record lists the same, by path only.
    const audit = await waitFor(
      async () => (await db.collection("privacyAudit").where("uid", "==", c.uid).get()).docs,
      (docs) => docs.length === 1,
      { what: "the audit record" },
    );
    expect(audit[0].get("kind")).toBe("erasure-request");
    expect(audit[0].get("erased").map((e: { path: string }) => e.path)).toEqual(erased);
    expect(JSON.stringify(audit[0].data())).not.toContain("@example.org");
  });

  it("erases the profile and the sign-in account too when nothing has to be kept", async () => {
    const uid = uniqueId("uid");
    await getAuth().createUser({ uid, email: `${uid}@example.org` });
    await db.doc(`users/${uid}`).set({ displayName: "Only A Profile", email: `${uid}@example.org` });
    await db.doc(`users/${uid}/notifications/n-1`).set({ subject: "Welcome" });
    const { result } = await callFunction("requestErasure", { confirm: true }, { uid });
    expect((result as { kept: unknown[] }).kept).toEqual([]);
    expect((result as { erased: { path: string }[] }).erased.map((e) => e.path)).toContain(`auth/${uid}`);
    expect((await db.doc(`users/${uid}`).get()).exists).toBe(false);
    expect((await db.collection(`users/${uid}/notifications`).get()).size).toBe(0);
    await expect(getAuth().getUser(uid)).rejects.toMatchObject({ code: "auth/user-not-found" });
  });

  it("keeps the sign-in account of a person whose records are kept", async () => {
    const c = await candidate();
    await getAuth().createUser({ uid: c.uid });
    await callFunction("requestErasure", { confirm: true }, { uid: c.uid });
    expect((await getAuth().getUser(c.uid)).uid).toBe(c.uid);
  });
});

// ---------- exam (issue 12) ----------
describe("exam registrations and answers", () => {
  /** Sessions: one upcoming, one sat and awaiting results, one released; a registration for each and answers for the sat ones. */
  async function examCandidate() {
    const uid = uniqueId("uid");
    const other = uniqueId("uid");
    const day = (d: number) => new Date(Date.now() + d * 86_400_000).toISOString().slice(0, 10);
    const sessions = {
      upcoming: { id: uniqueId("s-up"), sittingDate: day(40), resultsReleased: false },
      awaiting: { id: uniqueId("s-sat"), sittingDate: day(-10), resultsReleased: false },
      released: { id: uniqueId("s-rel"), sittingDate: day(-100), resultsReleased: true },
    };
    await db.doc(`users/${uid}`).set({ displayName: "Exam Candidate", email: `${uid}@example.org` });
    for (const s of Object.values(sessions)) {
      await db.doc(`examSessions/${s.id}`).set({ sittingDate: s.sittingDate, resultsReleased: s.resultsReleased });
      for (const who of [uid, other]) {
        await db.doc(`examRegistrations/${s.id}_${who}`).set({
          sessionId: s.id,
          uid: who,
          status: "registered",
          familyName: "Family",
          givenNames: "Given",
          email: `${who}@example.org`,
        });
      }
    }
    for (const s of [sessions.awaiting, sessions.released]) {
      const matrix = {
        items: ["Q1", "Q2"],
        candidates: [other, uid],
        answers: [
          ["A", "B"],
          ["C", null],
        ],
      };
      await db.doc(`examProcessing/${s.id}/imports/responses`).set({ json: JSON.stringify(matrix) });
    }
    return { uid, other, sessions };
  }

  it("the export holds the caller's registrations and their own answers, nobody else's", async () => {
    const { uid, other, sessions } = await examCandidate();
    const { result } = await callFunction("exportMyData", {}, { uid });
    const exported = result as {
      examRegistrations: { id: string }[];
      examAnswers: { sessionId: string; answers: unknown[] }[];
    };
    expect(exported.examRegistrations.map((r) => r.id).sort()).toEqual(
      Object.values(sessions)
        .map((s) => `${s.id}_${uid}`)
        .sort(),
    );
    expect(exported.examAnswers.map((a) => a.sessionId).sort()).toEqual(
      [sessions.awaiting.id, sessions.released.id].sort(),
    );
    for (const a of exported.examAnswers) expect(a.answers).toEqual(["C", null]);
    expect(JSON.stringify(exported)).not.toContain(other);
  });

  it("erasure deletes registrations no longer needed and keeps the one being verified, with the answers", async () => {
    const { uid, other, sessions } = await examCandidate();
    const { result } = await callFunction("requestErasure", { confirm: true }, { uid });
    const outcome = result as { erased: { path: string }[]; kept: { path: string; reason: string }[] };
    const reg = (s: { id: string }, who = uid) => `examRegistrations/${s.id}_${who}`;
    expect(outcome.erased.map((e) => e.path)).toEqual(
      expect.arrayContaining([reg(sessions.upcoming), reg(sessions.released)]),
    );
    const kept = Object.fromEntries(outcome.kept.map((k) => [k.path, k.reason]));
    expect(kept[reg(sessions.awaiting)]).toContain("being verified");
    expect(kept[`examProcessing/${sessions.released.id}/imports/responses`]).toContain("answers");
    expect((await db.doc(reg(sessions.upcoming)).get()).exists).toBe(false);
    expect((await db.doc(reg(sessions.released)).get()).exists).toBe(false);
    expect((await db.doc(reg(sessions.awaiting)).get()).exists).toBe(true);
    expect((await db.doc(reg(sessions.upcoming, other)).get()).exists).toBe(true); // nobody else's
  });
});

// ---------- requests (functions/src/requests) ----------
describe("requests in the export and the erasure", () => {
  async function withRequests() {
    const c = await candidate();
    const req = (status: string, decision: object | null) => ({
      kind: "special-circumstances",
      candidateUid: c.uid,
      status,
      applicationId: c.draftId,
      supervisorUids: [],
      content: { kind: "special-circumstances", applicationId: c.draftId, text: "Circumstances." },
      decision,
    });
    const decided = uniqueId("req");
    const withdrawn = uniqueId("req");
    await db.doc(`requests/${decided}`).set(req("refused", { outcome: "refused", decidedOn: "2026-03-01" }));
    await db.doc(`requests/${decided}/history/001-submitted`).set({ event: "submitted" });
    await db.doc(`requests/${withdrawn}`).set(req("withdrawn", null));
    await db.doc(`requests/${withdrawn}/history/001-submitted`).set({ event: "submitted" });
    return { ...c, decided, withdrawn };
  }

  it("the export holds the caller's requests with their history", async () => {
    const c = await withRequests();
    const { result } = await callFunction("exportMyData", {}, { uid: c.uid });
    const paths = (result!.requests as { path: string }[]).map((r) => r.path).sort();
    expect(paths).toEqual(
      [
        `requests/${c.decided}`,
        `requests/${c.decided}/history/001-submitted`,
        `requests/${c.withdrawn}`,
        `requests/${c.withdrawn}/history/001-submitted`,
      ].sort(),
    );
  });

  it("the erasure removes an undecided or withdrawn request with its history and keeps a decision, saying until when", async () => {
    const c = await withRequests();
    const { result } = await callFunction("requestErasure", { confirm: true }, { uid: c.uid });
    const outcome = result as { erased: { path: string }[]; kept: { path: string; until: string | null }[] };
    expect(outcome.erased.map((e) => e.path)).toContain(`requests/${c.withdrawn}`);
    expect((await db.doc(`requests/${c.withdrawn}`).get()).exists).toBe(false);
    expect((await db.doc(`requests/${c.withdrawn}/history/001-submitted`).get()).exists).toBe(false);
    expect(outcome.kept.find((k) => k.path === `requests/${c.decided}`)?.until).toBe("2036-03-01");
    expect((await db.doc(`requests/${c.decided}`).get()).exists).toBe(true);
  });
});
