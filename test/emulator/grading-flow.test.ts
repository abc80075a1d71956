// The whole path through the real emulators: submit -> assigned -> question
// -> answer -> random checks -> two grades -> award -> register row ->
// certificate PDF -> verification -> revocation; the split to the chair; a
// failure; a Level 3 award that supersedes a Level 2 and makes a supervisor.
import { PDFDocument } from "pdf-lib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SUPERVISOR_ID } from "../factories/bundle.js";
import { SMALL_POLICY_OVERRIDE } from "../factories/policy.js";
import { adminDb, callFunction, PROJECT_ID, REGION, setPolicy, today, waitFor } from "./helpers.js";
import { eligibleApplication, resetGraders, roundOf, submit, waitForRound } from "./grading-helpers.js";
import { addDaysIso, addMonthsIso } from "../../functions/src/platform/domain/dates.js";

const db = adminDb();
beforeAll(() => setPolicy(db, SMALL_POLICY_OVERRIDE));
afterAll(async () => {
  await setPolicy(db, null);
  await resetGraders(db, []); // no active grader left for the other test files
});

// Each test walks many callables and triggers: generous limits for a busy machine.
const WALK_MS = 240_000;
const graderCaller = (uid: string) => ({ uid, claims: { role: "grader" } });
const chair = { uid: "chair-1", claims: { role: "chair" } };
const committee = { uid: "committee-1", claims: { role: "committee" } };
const areas = (route: "level2" | "level3-direct", verdict = "meets") => ({
  cases: verdict,
  training: verdict,
  cme: verdict,
  peerRecognition: route === "level2" ? "not-applicable" : verdict,
  supervisorDeclaration: verdict,
});
const passGrade = (appId: string, route: "level2" | "level3-direct" = "level2") => ({
  applicationId: appId,
  areas: areas(route),
  overall: "pass",
  comment: "Complete and well documented.",
});
const failGrade = (appId: string, comment: string) => ({
  applicationId: appId,
  areas: { ...areas("level2"), cases: "does-not-meet" },
  overall: "fail",
  comment,
});

async function verify(params: Record<string, string>) {
  const host = process.env.FUNCTIONS_EMULATOR_HOST ?? "127.0.0.1:5001";
  const response = await fetch(
    `http://${host}/${PROJECT_ID}/${REGION}/verifyCertificate?${new URLSearchParams(params)}`,
  );
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function assignedApplication(route: "level2" | "level3-direct" = "level2") {
  const app = await eligibleApplication(db, route);
  await db.doc(`users/${app.ownerUid}`).update({ displayName: "Dr Ada Candidate" });
  await resetGraders(db, [{}, {}]);
  await submit(app.appId, app.ownerUid);
  const round = await waitForRound(db, app.appId, (r) => r.status === "grading", "graders assigned");
  return { ...app, graders: round.graderUids as string[] };
}

describe("grading: the pass path", () => {
  it(
    "question, answer, checks, two passes, award, register, certificate, verification, revocation",
    {
      timeout: WALK_MS,
    },
    async () => {
      const { appId, ownerUid, graders } = await assignedApplication();
      const [g1, g2] = graders;

      // A grader asks; the candidate is told.
      const asked = await callFunction(
        "askQuestion",
        { applicationId: appId, text: "Please send the full report of case 3." },
        graderCaller(g1),
      );
      const questionId = asked.result?.questionId as string;
      expect(questionId).toBeTruthy();
      expect((await db.doc(`mail/grading-${appId}-question-${questionId}`).get()).get("to")).toBe(
        `${ownerUid}@example.org`,
      );
      expect((await roundOf(db, appId))?.openQuestions).toBe(1);

      // Not someone else's question to answer; not a grader's to ask twice on another's application.
      expect(
        (await callFunction("askQuestion", { applicationId: appId, text: "?" }, graderCaller("stranger"))).error
          ?.status,
      ).toBe("PERMISSION_DENIED");
      // The asking grader cannot grade while their question is open.
      expect((await callFunction("gradeApplication", passGrade(appId), graderCaller(g1))).error?.status).toBe(
        "FAILED_PRECONDITION",
      );

      // The candidate answers with an accepted evidence file (a rejected one is refused).
      // ev-report already backs an earlier application: that freeze is kept.
      await db
        .doc(`users/${ownerUid}/evidence/ev-report`)
        .set({ status: "accepted", size: 1000, submittedIn: ["earlier-app"] });
      await db.doc(`users/${ownerUid}/evidence/ev-bad`).set({ status: "rejected", size: 1000 });
      const answer = { applicationId: appId, questionId, text: "Attached.", evidenceIds: ["ev-report", "ev-bad"] };
      expect((await callFunction("answerQuestion", answer, { uid: ownerUid })).error?.status).toBe(
        "FAILED_PRECONDITION",
      );
      expect((await callFunction("answerQuestion", answer, { uid: "intruder" })).error?.status).toBe(
        "PERMISSION_DENIED",
      );
      const answered = await callFunction(
        "answerQuestion",
        { ...answer, evidenceIds: ["ev-report"] },
        { uid: ownerUid },
      );
      expect(answered.error).toBeUndefined();
      // A list, as submissions write it: Storage rules let the graders read the file through it.
      expect((await db.doc(`users/${ownerUid}/evidence/ev-report`).get()).get("submittedIn")).toEqual([
        "earlier-app",
        appId,
      ]);
      expect((await callFunction("answerQuestion", answer, { uid: ownerUid })).error?.status).toBe(
        "FAILED_PRECONDITION",
      );

      // Random checks: the named supervisor confirms one and denies one; nobody else may answer.
      const checks = (await db.collection(`gradings/${appId}/checks`).get()).docs.map((d) => d.id);
      expect(
        (
          await callFunction(
            "answerRandomCheck",
            { applicationId: appId, checkId: checks[0], confirmed: true },
            { uid: "sup-other" },
          )
        ).error?.status,
      ).toBe("PERMISSION_DENIED");
      for (const [i, confirmed] of [
        [0, true],
        [1, false],
      ] as const) {
        const r = await callFunction(
          "answerRandomCheck",
          { applicationId: appId, checkId: checks[i], confirmed, comment: confirmed ? null : "Not my case." },
          { uid: SUPERVISOR_ID },
        );
        expect(r.error).toBeUndefined();
      }
      expect((await roundOf(db, appId))?.deniedChecks).toEqual([checks[1]]);

      // An invalid grade is refused with the reason.
      const badGrade = await callFunction(
        "gradeApplication",
        { ...passGrade(appId), areas: { ...areas("level2"), cme: "does-not-meet" } },
        graderCaller(g1),
      );
      expect(badGrade.error?.status).toBe("INVALID_ARGUMENT");

      // First grade: hidden from the other grader, nothing decided.
      expect((await callFunction("gradeApplication", passGrade(appId), graderCaller(g1))).result).toMatchObject({
        grades: 1,
        outcome: "waiting",
      });
      expect((await db.doc(`gradings/${appId}/grades/1-${g1}`).get()).get("visibleToGraders")).toBe(false);
      expect((await callFunction("gradeApplication", passGrade(appId), graderCaller(g1))).error?.status).toBe(
        "FAILED_PRECONDITION",
      );

      // Second grade: both pass -> passed and awarded, in the same transaction.
      expect((await callFunction("gradeApplication", passGrade(appId), graderCaller(g2))).result).toMatchObject({
        grades: 2,
        outcome: "passed",
      });
      const round = await roundOf(db, appId);
      expect(round).toMatchObject({ status: "decided", outcome: "passed", certificationId: `cert-${appId}-1` });
      expect((round?.decision as Record<string, unknown>).by).toBe("graders");
      expect((await db.doc(`applications/${appId}`).get()).get("status")).toBe("passed");
      for (const g of [g1, g2]) {
        const grade = (await db.doc(`gradings/${appId}/grades/1-${g}`).get()).data();
        expect(grade).toMatchObject({ visibleToGraders: true, visibleToCandidate: true });
        expect((await db.doc(`graders/${g}`).get()).get("openAssignments")).toBe(0);
      }

      // The certification: Level 2, 5 years, with the logbook's reuse keys.
      const certId = `cert-${appId}-1`;
      const cert = (await db.doc(`certifications/${certId}`).get()).data()!;
      expect(cert).toMatchObject({
        uid: ownerUid,
        level: 2,
        awardedOn: today(),
        expiresOn: addMonthsIso(today(), 60),
        status: "active",
        holderName: "Dr Ada Candidate",
        country: "FR",
      });
      expect(cert.certificateNumber).toMatch(/^CMR-L2-\d{4}-\d{5}$/);
      expect(cert.caseKeys).toHaveLength(6);
      expect(cert.caseKeys[0]).toMatch(/^[^|]+\|\d{4}-\d{2}-\d{2}$/);
      expect(cert.cmeIds.length).toBeGreaterThan(0);
      expect(cert.cmeEvents[0]).toHaveProperty("startDate");

      // The register row, kept in step by the trigger.
      const row = await waitFor(
        async () => (await db.doc(`register/${ownerUid}`).get()).data(),
        (r) => r !== undefined,
        { what: "the register row" },
      );
      expect(row).toMatchObject({
        name: "Dr Ada Candidate",
        level: 2,
        country: "FR",
        certificateNumber: cert.certificateNumber,
        status: "current",
      });

      // The result mail carries the certificate, a valid PDF.
      const mail = await waitFor(
        async () => (await db.doc(`mail/grading-${appId}-1-result`).get()).data(),
        (m) => m !== undefined,
        { what: "the result mail" },
      );
      if (!mail) throw new Error("no result mail");
      expect(mail.message.text).toContain(cert.certificateNumber);
      expect(mail.message.text).toContain(cert.verificationCode);
      const pdfBytes = Buffer.from(mail.message.attachments[0].content, "base64");
      expect(pdfBytes.subarray(0, 5).toString()).toBe("%PDF-");
      const pdf = await PDFDocument.load(pdfBytes);
      expect(pdf.getPageCount()).toBe(1);
      expect(pdf.getTitle()).toContain(cert.certificateNumber);
      expect(pdf.getSubject()).toContain(cert.verificationCode);
      const delivered = await waitFor(
        async () => (await db.doc(`certifications/${certId}`).get()).data()!,
        (c) => c.certificateBytes === pdfBytes.length,
        { what: "the certificate recorded" },
      );
      // In Storage where the Storage emulator runs (see scripts/emulators.mjs); otherwise recorded as not stored.
      if (process.env.FIREBASE_STORAGE_EMULATOR_HOST) {
        expect(delivered.certificatePath).toBe(`certificates/${ownerUid}/${certId}.pdf`);
      } else {
        expect(delivered.certificatePath).toBeNull();
      }

      // Public verification, by number and by code, no sign-in.
      const byNumber = await verify({ number: cert.certificateNumber.toLowerCase() });
      expect(byNumber).toEqual({
        status: 200,
        body: {
          status: "current",
          certificateNumber: cert.certificateNumber,
          level: 2,
          awardedOn: cert.awardedOn,
          expiresOn: cert.expiresOn,
          name: "Dr Ada Candidate",
          country: "FR",
        },
      });
      expect((await verify({ code: cert.verificationCode.replace(/-/g, " ").toLowerCase() })).body.status).toBe(
        "current",
      );
      expect((await verify({ number: "CMR-L2-1999-99999" })).body).toEqual({ status: "unknown" });
      expect((await verify({ number: "robert'); drop" })).status).toBe(400);
      expect((await verify({})).status).toBe(400);

      // The history, server-written, in order.
      const events = (await db.collection(`gradings/${appId}/history`).orderBy("at").get()).docs.map((d) =>
        d.get("event"),
      );
      for (const e of [
        "submitted",
        "assigned",
        "queried",
        "answered",
        "check-answered",
        "graded",
        "decided",
        "awarded",
      ]) {
        expect(events).toContain(e);
      }

      // Revocation: committee only, with a reason; the row leaves the register; the holder is told.
      const revoke = { certificationId: certId, reason: "Falsified case records." };
      expect((await callFunction("revokeCertification", revoke, graderCaller(g1))).error?.status).toBe(
        "PERMISSION_DENIED",
      );
      expect((await callFunction("revokeCertification", { ...revoke, reason: "" }, committee)).error?.status).toBe(
        "INVALID_ARGUMENT",
      );
      expect((await callFunction("revokeCertification", revoke, committee)).result).toMatchObject({
        revokedOn: today(),
      });
      expect((await callFunction("revokeCertification", revoke, committee)).error?.status).toBe("FAILED_PRECONDITION");
      await waitFor(
        async () => (await db.doc(`register/${ownerUid}`).get()).exists,
        (exists) => !exists,
        { what: "the register row removed" },
      );
      const revoked = await verify({ number: cert.certificateNumber });
      expect(revoked.body).toMatchObject({ status: "revoked" });
      expect(revoked.body).not.toHaveProperty("name");
      expect((await db.doc(`mail/certification-${certId}-revoked`).get()).exists).toBe(true);
    },
  );
});

describe("grading: disagreement and failure", () => {
  it("a split goes to the chair, whose reasoned decision is final", { timeout: WALK_MS }, async () => {
    const { appId, ownerUid, graders } = await assignedApplication();
    const [g1, g2] = graders;
    await callFunction("gradeApplication", passGrade(appId), graderCaller(g1));
    expect(
      (await callFunction("gradeApplication", failGrade(appId, "Too few supervised cases."), graderCaller(g2))).result,
    ).toMatchObject({ outcome: "chair" });
    expect(await roundOf(db, appId)).toMatchObject({ status: "awaiting-chair" });
    expect((await db.doc(`applications/${appId}`).get()).get("status")).toBe("submitted");
    // Grades are visible to both graders now, not yet to the candidate.
    expect((await db.doc(`gradings/${appId}/grades/1-${g1}`).get()).data()).toMatchObject({
      visibleToGraders: true,
      visibleToCandidate: false,
    });

    const decision = { applicationId: appId, outcome: "failed", reason: "The case mix is insufficient." };
    expect((await callFunction("decideAsChair", decision, committee)).error?.status).toBe("PERMISSION_DENIED");
    expect((await callFunction("decideAsChair", { ...decision, reason: " " }, chair)).error?.status).toBe(
      "INVALID_ARGUMENT",
    );
    expect((await callFunction("decideAsChair", decision, chair)).result).toEqual({ outcome: "failed" });
    expect((await callFunction("decideAsChair", decision, chair)).error?.status).toBe("FAILED_PRECONDITION");
    const round = await roundOf(db, appId);
    expect(round?.decision).toMatchObject({ outcome: "failed", by: "chair-1", reason: decision.reason });
    expect((await db.doc(`applications/${appId}`).get()).get("status")).toBe("failed");
    const mail = (await db.doc(`mail/grading-${appId}-1-result`).get()).data()!;
    expect(mail.to).toBe(`${ownerUid}@example.org`);
    expect(mail.message.text).toContain("Too few supervised cases.");
    expect(mail.message.text).toContain("Chair: The case mix is insufficient.");
    expect(mail.message.text).toContain(addDaysIso(today(), 30));
    expect((await db.collection("certifications").where("applicationId", "==", appId).get()).empty).toBe(true);
  });

  it("two fails: failed, with both graders' reasons and the appeal deadline", { timeout: WALK_MS }, async () => {
    const { appId, graders } = await assignedApplication();
    await callFunction("gradeApplication", failGrade(appId, "Reason A."), graderCaller(graders[0]));
    await callFunction("gradeApplication", failGrade(appId, "Reason B."), graderCaller(graders[1]));
    expect(await roundOf(db, appId)).toMatchObject({ status: "decided", outcome: "failed" });
    const text = (await db.doc(`mail/grading-${appId}-1-result`).get()).get("message.text") as string;
    expect(text).toContain("Reason A.");
    expect(text).toContain("Reason B.");
    expect(text).toContain(`until ${addDaysIso(today(), 30)}`);
  });
});

describe("grading: a Level 3 award", () => {
  it("supersedes the holder's Level 2 on the register and adds them to supervisors", { timeout: WALK_MS }, async () => {
    const { appId, ownerUid, graders } = await assignedApplication("level3-direct");
    await db.doc(`certifications/${appId}-old-l2`).set({
      uid: ownerUid,
      level: 2,
      awardedOn: "2024-01-10",
      expiresOn: "2029-01-10",
      status: "active",
      certificateNumber: "CMR-L2-2024-00001",
      holderName: "Dr Ada Candidate",
      country: "FR",
    });
    await waitFor(
      async () => (await db.doc(`register/${ownerUid}`).get()).get("level"),
      (l) => l === 2,
      { what: "the Level 2 row" },
    );
    for (const g of graders) await callFunction("gradeApplication", passGrade(appId, "level3-direct"), graderCaller(g));
    const cert = (await db.doc(`certifications/cert-${appId}-1`).get()).data()!;
    expect(cert.level).toBe(3);
    expect(cert).not.toHaveProperty("caseKeys");
    expect((await db.doc(`supervisors/${ownerUid}`).get()).data()).toMatchObject({
      body: "EACVI",
      level3From: today(),
      level3Until: null,
    });
    await waitFor(
      async () => (await db.doc(`register/${ownerUid}`).get()).data(),
      (r) => r?.level === 3,
      { what: "the Level 3 row" },
    );
    // Revoking the Level 3 ends the supervision and leaves the Level 2 on the register.
    await callFunction("revokeCertification", { certificationId: `cert-${appId}-1`, reason: "Misconduct." }, committee);
    expect((await db.doc(`supervisors/${ownerUid}`).get()).get("level3Until")).toBe(today());
    await waitFor(
      async () => (await db.doc(`register/${ownerUid}`).get()).data(),
      (r) => r?.level === 2,
      { what: "back to the Level 2 row" },
    );
  });
});
