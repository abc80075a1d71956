// The exam end to end on the emulators (issue 12): a session, registrations,
// the imports (one refused with line numbers), the item analysis, an item
// removed by the board, the pass mark, verification, preparation by one admin
// and approval by another, the release date, the release-day job run twice
// (and on a later day), and the results, letters and certificates of
// completion, each exactly once; an appeal that turns a fail into a pass
// gets exactly one certificate too. The certificates come from a trigger in
// the Functions emulator: on a loaded machine it may take tens of seconds.
import { PDFDocument } from "pdf-lib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDaysIso } from "../../functions/src/platform/domain/dates.js";
import { examResultsRelease } from "../../functions/src/exam/schedules/exam-release.js";
import { adminDb, callFunction, setPolicy, today, uniqueId, waitFor, type CallableResult } from "./helpers.js";

const db = adminDb();
const ADMIN_A = { uid: "exam-admin-a", claims: { role: "admin" } };
const ADMIN_B = { uid: "exam-admin-b", claims: { role: "admin" } };
const BOARD = { uid: "exam-board-1", claims: { role: "committee" } };
/** Cloud Scheduler's call for `day` (08:00 in Paris). */
const at = (day: string) => ({ scheduleTime: `${day}T06:00:00.000Z`, jobName: "test" });

const ITEMS = Array.from({ length: 10 }, (_, i) => `Q${String(i + 1).padStart(2, "0")}`);
// Key A everywhere. Q10 is answered B by the strongest candidates and A by the
// weakest: a negative discrimination, which the analysis recommends removing.
// Raw totals (10 items): 9, 8, 6, 6, 4, 3; on the 9 retained: 9, 8, 6, 5, 3, 2.
const ANSWERS: Record<string, string> = {
  c1: "AAAAAAAAAB",
  c2: "AAAAAAAACB",
  c3: "AAAAAACCCB",
  c4: "AAAAACCCCA",
  c5: "AAACCCCCCA",
  c6: "AA-------A",
};
const ABSENT = "c7";

function ok(r: CallableResult, what: string): Record<string, unknown> {
  if (r.error) throw new Error(`${what}: ${r.error.status} ${r.error.message}`);
  return r.result!;
}

describe("the exam from session to released results", () => {
  const run = uniqueId("x");
  const uid = (c: string) => `${run}-${c}`;
  const candidates = [...Object.keys(ANSWERS), ABSENT];
  let sessionId = "";

  beforeAll(async () => {
    // A 10-item exam, so that the data set can be written down here.
    await setPolicy(db, { exam: { items: 10 } });
    const batch = db.batch();
    for (const c of candidates) {
      batch.set(db.doc(`users/${uid(c)}`), {
        displayName: `Candidate ${c}`,
        email: `${uid(c)}@example.org`,
        physicianRegistration: { validUntil: addDaysIso(today(), 400) },
      });
    }
    await batch.commit();
  });
  afterAll(() => setPolicy(db, null));

  it(
    "runs the whole process once, and the release job writes everything exactly once",
    { timeout: 600_000 },
    async () => {
      // ---- the session: registration opens 3 months before, closes 14 days before ----
      const sitting = addDaysIso(today(), 30 + Math.floor(Math.random() * 300));
      const created = ok(await callFunction("createExamSession", { sittingDate: sitting }, ADMIN_A), "create");
      sessionId = created.sessionId as string;
      const session = (await db.doc(`examSessions/${sessionId}`).get()).data()!;
      expect(session).toMatchObject({ sittingDate: sitting, resultsReleased: false, timeZone: "Europe/Paris" });
      expect(session.registrationCloses).toBe(addDaysIso(sitting, -14));
      if (session.registrationOpens > today()) {
        // Far-off sittings: open the window now, as if the months had passed.
        await db.doc(`examSessions/${sessionId}`).update({ registrationOpens: today() });
      }

      // ---- registrations ----
      for (const c of candidates) {
        ok(
          await callFunction(
            "registerForExam",
            { sessionId, familyName: `Family-${c}`, givenNames: `Given ${c}` },
            { uid: uid(c) },
          ),
          `register ${c}`,
        );
      }
      const again = await callFunction(
        "registerForExam",
        { sessionId, familyName: "F", givenNames: "G" },
        { uid: uid("c1") },
      );
      expect(again.error?.status).toBe("ALREADY_EXISTS");
      const exported = ok(await callFunction("exportExamRegistrations", { sessionId }, ADMIN_A), "export");
      const lines = (exported.csv as string).trim().split("\r\n");
      expect(lines[0]).toBe(
        "candidate_id,registration_id,family_name,given_names,email,sitting_date,start_window_opens_utc,start_window_closes_utc,time_zone",
      );
      expect(lines).toHaveLength(1 + candidates.length);
      expect(exported.count).toBe(candidates.length);

      // ---- time passes: the sitting took place 10 days ago ----
      const sat = addDaysIso(today(), -10);
      await db.doc(`examSessions/${sessionId}`).update({ sittingDate: sat });

      // ---- imports: the key, a refused export, the export, the ratings ----
      const importFile = (kind: string, csv: string, caller = BOARD) =>
        callFunction("importExamFile", { sessionId, kind, csv }, caller);
      ok(await importFile("answer-key", ["item,key", ...ITEMS.map((i) => `${i},A`)].join("\n")), "key");
      const rows = Object.entries(ANSWERS).flatMap(([c, a]) =>
        ITEMS.map((item, i) => `${uid(c)},${item},${a[i] === "-" ? "" : a[i]}`),
      );
      const broken = ["candidate,item,response", ...rows.slice(0, 3), `${uid("c1")},Q04,F`, ...rows.slice(4)];
      const refused = await importFile("responses", broken.join("\n"));
      expect(refused.error?.status).toBe("INVALID_ARGUMENT");
      expect(refused.error?.message).toContain("line 5: response");
      expect(refused.error?.details).toEqual({ errors: [expect.objectContaining({ line: 5 })] });
      const responses = ok(await importFile("responses", ["candidate,item,response", ...rows].join("\n")), "responses");
      expect(responses.rows).toBe(6);
      const ratings = ["judge,item,rating", ...["j1", "j2"].flatMap((j) => ITEMS.map((item) => `${j},${item},0.6`))];
      ok(await importFile("angoff", ratings.join("\n")), "angoff");
      ok(await callFunction("recordExamAbsences", { sessionId, absent: [uid(ABSENT)] }, BOARD), "absent");

      // ---- the first run: raw scores and the item analysis ----
      const first = ok(await callFunction("rescoreExam", { sessionId }, BOARD), "run 1");
      expect(first.runNumber).toBe(1);
      expect(first.passMark).toMatchObject({ method: "modified-angoff", retainedItems: 10, passMark: 6, passScore: 6 });
      const report1 = ok(await callFunction("getExamReport", { sessionId }, BOARD), "report");
      const q10 = (
        report1.latestRun as { analysis: { items: { item: string; recommendation: string; reasons: string[] }[] } }
      ).analysis.items.find((i) => i.item === "Q10")!;
      expect(q10.recommendation).toBe("remove");
      expect(q10.reasons).toContain("DISCRIMINATION_BELOW_REMOVAL");

      // ---- the board removes Q10: run 2, c4 falls below the pass mark ----
      const decisions = [{ item: "Q10", action: "remove", reason: "negative discrimination; ambiguous stem" }];
      const second = ok(await callFunction("recordExamItemDecisions", { sessionId, decisions }, BOARD), "run 2");
      expect(second).toMatchObject({
        runNumber: 2,
        retainedItems: 9,
        passMark: { method: "modified-angoff", passMark: 5.4, passScore: 6 },
        summary: { candidates: 6, passed: 3, failed: 3 },
      });
      expect((second.changes as { itemsRemoved: string[] }).itemsRemoved).toEqual(["Q10"]);
      expect((second.changes as { outcomeChanges: unknown[] }).outcomeChanges).toEqual([
        { candidate: uid("c4"), from: true, to: false },
      ]);

      // ---- the pass mark: a fixed percentage tried, then the policy's Angoff again ----
      const fixed = ok(
        await callFunction(
          "setExamPassMark",
          { sessionId, setting: { method: "fixed-percentage", percent: 50 } },
          BOARD,
        ),
        "run 3",
      );
      expect(fixed).toMatchObject({
        runNumber: 3,
        passMark: { method: "fixed-percentage", percent: 50, passScore: 5 },
      });
      const angoff = ok(await callFunction("setExamPassMark", { sessionId, setting: null }, BOARD), "run 4");
      expect(angoff).toMatchObject({ runNumber: 4, passMark: { method: "modified-angoff", passScore: 6 } });
      expect((await db.collection(`examProcessing/${sessionId}/runs`).get()).size).toBe(4);

      // ---- verification, then the two-person rule ----
      const verified = ok(await callFunction("verifyExamResults", { sessionId }, BOARD), "verify");
      expect(verified.passed).toBe(true);
      const early = await callFunction("setExamReleaseDate", { sessionId, releaseDate: today() }, ADMIN_A);
      expect(early.error?.status).toBe("FAILED_PRECONDITION");
      expect(early.error?.message).toContain("not been prepared");
      expect((await callFunction("prepareExamResults", { sessionId }, BOARD)).error?.status).toBe("PERMISSION_DENIED");
      ok(await callFunction("prepareExamResults", { sessionId }, ADMIN_A), "prepare");
      const self = await callFunction("approveExamResults", { sessionId }, ADMIN_A);
      expect(self.error?.status).toBe("PERMISSION_DENIED");
      expect(self.error?.message).toContain("another admin must approve");
      ok(await callFunction("approveExamResults", { sessionId }, ADMIN_B), "approve");

      // ---- the release date: no later than 8 weeks after the sitting ----
      const late = await callFunction("setExamReleaseDate", { sessionId, releaseDate: addDaysIso(sat, 57) }, ADMIN_A);
      expect(late.error?.message).toContain(`no later than 8 weeks after the sitting: ${addDaysIso(sat, 56)}`);
      ok(await callFunction("setExamReleaseDate", { sessionId, releaseDate: addDaysIso(sat, 56) }, ADMIN_A), "date");
      // Brought forward to today (both limits hold).
      ok(await callFunction("setExamReleaseDate", { sessionId, releaseDate: today() }, ADMIN_B), "date today");
      expect((await db.doc(`examSessions/${sessionId}`).get()).get("nextActionOn")).toBe(today());

      // ---- the day before the release date the job releases nothing ----
      await examResultsRelease.run(at(addDaysIso(today(), -1)));
      const resultsOf = async () =>
        (await db.collection("examResults").where("sessionId", "==", sessionId).get()).docs.map((d) => ({
          id: d.id,
          ...d.data(),
        })) as unknown as Record<string, unknown>[];
      expect(await resultsOf()).toEqual([]);

      // ---- release day, twice, and a catch-up day after ----
      await examResultsRelease.run(at(today()));
      await examResultsRelease.run(at(today()));
      await examResultsRelease.run(at(addDaysIso(today(), 1)));

      const results = await resultsOf();
      expect(results.map((r) => r.id).sort()).toEqual(
        Object.keys(ANSWERS)
          .map((c) => `${sessionId}_${uid(c)}`)
          .sort(),
      );
      const byCandidate = new Map(results.map((r) => [r.uid as string, r]));
      expect(byCandidate.get(uid("c1"))).toMatchObject({
        passed: true,
        status: "passed",
        score: 9,
        maxScore: 9,
        passMark: 6,
        sittingDate: sat,
        resultDate: today(),
        sessionId,
        runId: "4",
      });
      expect(byCandidate.get(uid("c4"))).toMatchObject({ passed: false, status: "failed", score: 5 });
      expect(byCandidate.has(uid(ABSENT))).toBe(false);
      const released = (await db.doc(`examSessions/${sessionId}`).get()).data()!;
      expect(released).toMatchObject({ resultsReleased: true, releasedOn: today(), nextActionOn: null });

      // The letters: one e-mail and one in-app notification per result.
      for (const c of Object.keys(ANSWERS)) {
        const id = `exam-result-${sessionId}_${uid(c)}`;
        const mail = (await db.doc(`mail/${id}`).get()).data()!;
        expect(mail.to).toBe(`${uid(c)}@example.org`);
        expect(mail.message.text).toContain(`${byCandidate.get(uid(c))!.score} out of 9`);
        expect((await db.doc(`users/${uid(c)}/notifications/${id}`).get()).exists).toBe(true);
      }

      // The certificates of completion: the three passes, once each.
      const passes = ["c1", "c2", "c3"].map((c) => `${sessionId}_${uid(c)}`);
      for (const id of passes) {
        const result = await waitFor(
          async () => (await db.doc(`examResults/${id}`).get()).data()!,
          (r) => Boolean(r.completionCertificateIssuedAt),
          { what: `the certificate of ${id}`, timeoutMs: 120_000 },
        );
        if (process.env.FIREBASE_STORAGE_EMULATOR_HOST) {
          expect(result.completionCertificatePath).toBe(`examCertificates/${result.uid}/${id}.pdf`);
        } else {
          expect(result.completionCertificatePath).toBeNull();
        }
        const mail = (await db.doc(`mail/exam-certificate-${id}`).get()).data()!;
        const pdf = await PDFDocument.load(Buffer.from(mail.message.attachments[0].content, "base64"));
        expect(pdf.getTitle()).toContain(id);
      }
      // Letters (6) and certificates (3), and nothing more.
      const prefix = `exam result ${sessionId}_`;
      const aboutThis = (
        await db.collection("mail").where("about", ">=", prefix).where("about", "<", `${prefix}\uf8ff`).get()
      ).docs;
      const ids = aboutThis.map((d) => d.id).sort();
      expect(ids).toEqual(
        [
          ...Object.keys(ANSWERS).map((c) => `exam-result-${sessionId}_${uid(c)}`),
          ...passes.map((id) => `exam-certificate-${id}`),
        ].sort(),
      );
      const c4 = (await db.doc(`examResults/${sessionId}_${uid("c4")}`).get()).data()!;
      expect(c4.completionCertificateIssuedAt).toBeUndefined();

      // ---- after release nothing changes the results any more ----
      const frozen = await callFunction("rescoreExam", { sessionId }, BOARD);
      expect(frozen.error?.message).toContain("released");

      // ---- an appeal re-marks c4 as passed: exactly one certificate follows ----
      const c4Ref = db.doc(`examResults/${sessionId}_${uid("c4")}`);
      await c4Ref.update({ passed: true, status: "passed", score: 6 });
      await c4Ref.update({ resultDate: today() }); // a second write while the trigger may still run
      await waitFor(
        async () => (await c4Ref.get()).data()!,
        (r) => Boolean(r.completionCertificateIssuedAt),
        { what: "c4's certificate after the appeal", timeoutMs: 120_000 },
      );
      await examResultsRelease.run(at(addDaysIso(today(), 2)));
      await new Promise((r) => setTimeout(r, 1500)); // any late duplicate trigger would have written by now
      const certificateMails = await db
        .collection("mail")
        .where("about", "==", `exam result ${sessionId}_${uid("c4")}`)
        .get();
      expect(certificateMails.docs.map((d) => d.id).sort()).toEqual([
        `exam-certificate-${sessionId}_${uid("c4")}`,
        `exam-result-${sessionId}_${uid("c4")}`,
      ]);
      expect((await c4Ref.get()).get("score")).toBe(6); // the release job never overwrites a re-marked result
    },
  );
});
