// The exam (issue 12): exam sessions (public while upcoming), registrations
// (the candidate's own), the server-only results processing, and logbook
// access (creating an application needs a passed exam result or a current
// Level 2 certification). Every denial has an allowed twin that differs only
// in the attribute under test.
import type { RulesTestEnvironment } from "@firebase/rules-unit-testing";
import { collection, doc, getDoc, getDocs, query, setDoc, updateDoc, where, type Firestore } from "firebase/firestore";
import { describe, it } from "vitest";
import {
  ACTORS,
  allowed,
  APP,
  dbAs,
  denied,
  NAMED_SUPERVISOR,
  OTHER_CANDIDATE,
  onClockEdge,
  OWNER,
  useRulesWorld,
  utcDay,
  type Actor,
} from "./setup.js";

const world = useRulesWorld();
const PAST = "past-session";
const UPCOMING = "upcoming-session";

async function seed(env: RulesTestEnvironment, writes: [string, object][]) {
  await env.withSecurityRulesDisabled(async (context) => {
    const db = context.firestore() as unknown as Firestore;
    for (const [path, data] of writes) await setDoc(doc(db, path), data);
  });
}

const session = (sittingDate: string) => ({
  sittingDate,
  registrationOpens: "2020-01-01",
  registrationCloses: "2020-01-02",
  resultsReleased: false,
  releaseDate: null,
});

describe("examSessions", () => {
  const seedSessions = () =>
    seed(world(), [
      [`examSessions/${PAST}`, session(utcDay(-2))],
      [`examSessions/${UPCOMING}`, session(utcDay(30))],
      [`examSessions/today-session`, session(utcDay(0))],
    ]);
  const get = (actor: Actor, id: string) => getDoc(doc(dbAs(world(), actor), `examSessions/${id}`));

  it.each([ACTORS.signedOut, ACTORS.otherCandidate, ACTORS.committee, ACTORS.admin])(
    "$name can read an upcoming session",
    async (actor) => {
      await seedSessions();
      await allowed(get(actor, UPCOMING));
    },
  );
  it("a signed-out visitor can read a session sitting today", async () => {
    await seedSessions();
    await allowed(get(ACTORS.signedOut, "today-session"));
  });
  it("the edge is the earliest time zone's today (UTC-12): a session sitting then is public, one a day earlier is not", () =>
    // At 09:00 UTC that day is yesterday's UTC date, at 15:00 today's: the test computes it as the rules do.
    onClockEdge(world(), -12, async (day, shifted) => {
      await seed(world(), [
        ["examSessions/on-the-edge", session(day)],
        ["examSessions/a-day-before", session(shifted(-1))],
      ]);
      await allowed(get(ACTORS.signedOut, "on-the-edge"));
      await denied(get(ACTORS.signedOut, "a-day-before"));
    }));
  it.each([ACTORS.signedOut, ACTORS.otherCandidate])("$name cannot read a past session", async (actor) => {
    await seedSessions();
    await denied(get(actor, PAST));
  });
  it.each([ACTORS.committee, ACTORS.admin])("$name can read a past session", async (actor) => {
    await seedSessions();
    await allowed(get(actor, PAST));
  });
  it("a signed-out visitor can list the upcoming sessions, not all of them", async () => {
    await seedSessions();
    const sessions = collection(dbAs(world(), ACTORS.signedOut), "examSessions");
    await allowed(getDocs(query(sessions, where("sittingDate", ">=", utcDay(0)))));
    await denied(getDocs(sessions));
  });
  it("an admin can list all sessions", async () => {
    await seedSessions();
    await allowed(getDocs(collection(dbAs(world(), ACTORS.admin), "examSessions")));
  });
  it("nobody writes a session directly, not even an admin (the createExamSession callable does)", async () => {
    await seedSessions();
    await denied(setDoc(doc(dbAs(world(), ACTORS.admin), "examSessions/new"), session(utcDay(90))));
    await denied(updateDoc(doc(dbAs(world(), ACTORS.admin), `examSessions/${UPCOMING}`), { releaseDate: utcDay(40) }));
    // The twin: the same admin reads the same document.
    await allowed(get(ACTORS.admin, UPCOMING));
  });
});

describe("examRegistrations", () => {
  const registration = (uid: string) => ({
    sessionId: UPCOMING,
    uid,
    status: "registered",
    familyName: "Owner",
    givenNames: "Ann",
    email: "owner@example.org",
  });
  const seedRegistrations = () =>
    seed(world(), [
      [`examRegistrations/${UPCOMING}_${OWNER}`, registration(OWNER)],
      [`examRegistrations/${UPCOMING}_${OTHER_CANDIDATE}`, registration(OTHER_CANDIDATE)],
    ]);
  const get = (actor: Actor, uid: string) => getDoc(doc(dbAs(world(), actor), `examRegistrations/${UPCOMING}_${uid}`));
  const regs = (actor: Actor) => collection(dbAs(world(), actor), "examRegistrations");

  it("the candidate can read their own registration", async () => {
    await seedRegistrations();
    await allowed(get(ACTORS.owner, OWNER));
  });
  it("the candidate cannot read another candidate's registration", async () => {
    await seedRegistrations();
    await denied(get(ACTORS.owner, OTHER_CANDIDATE));
  });
  it.each([ACTORS.signedOut, ACTORS.committee, ACTORS.namedSupervisor])(
    "$name cannot read a registration",
    async (actor) => {
      await seedRegistrations();
      await denied(get(actor, OWNER));
    },
  );
  it("an admin can read and list registrations", async () => {
    await seedRegistrations();
    await allowed(get(ACTORS.admin, OWNER));
    await allowed(getDocs(query(regs(ACTORS.admin), where("sessionId", "==", UPCOMING))));
  });
  it("the candidate can list their own registrations, not everyone's", async () => {
    await seedRegistrations();
    await allowed(getDocs(query(regs(ACTORS.owner), where("uid", "==", OWNER))));
    await denied(getDocs(query(regs(ACTORS.owner), where("sessionId", "==", UPCOMING))));
  });
  it("the candidate cannot write their registration directly (the callables check the window)", async () => {
    await seedRegistrations();
    const own = doc(dbAs(world(), ACTORS.owner), `examRegistrations/${UPCOMING}_${OWNER}`);
    await denied(setDoc(doc(dbAs(world(), ACTORS.owner), `examRegistrations/s2_${OWNER}`), registration(OWNER)));
    await denied(updateDoc(own, { status: "cancelled" }));
    await allowed(getDoc(own));
  });
});

describe("results processing is server-only", () => {
  const PATHS = [
    `examProcessing/${PAST}`,
    `examProcessing/${PAST}/imports/responses`,
    `examProcessing/${PAST}/imports/answer-key`,
    `examProcessing/${PAST}/runs/1`,
  ];
  it.each(PATHS)("no client reads %s, not even an admin or the committee", async (path) => {
    await seed(world(), [[path, { json: "{}" }]]);
    for (const actor of [ACTORS.signedOut, ACTORS.owner, ACTORS.committee, ACTORS.admin]) {
      await denied(getDoc(doc(dbAs(world(), actor), path)));
    }
  });
  it("the released result is readable by its candidate (the twin of the denials above)", async () => {
    await seed(world(), [
      [
        `examResults/${PAST}_${OWNER}`,
        { uid: OWNER, passed: true, sittingDate: "2025-11-07", resultDate: "2025-12-19" },
      ],
    ]);
    await allowed(getDoc(doc(dbAs(world(), ACTORS.owner), `examResults/${PAST}_${OWNER}`)));
    await denied(getDoc(doc(dbAs(world(), ACTORS.otherCandidate), `examResults/${PAST}_${OWNER}`)));
  });
  it("no client writes a result", async () => {
    const data = { uid: OWNER, passed: true, sittingDate: "2025-11-07", resultDate: "2025-12-19" };
    await denied(setDoc(doc(dbAs(world(), ACTORS.owner), `examResults/forged`), data));
    await denied(setDoc(doc(dbAs(world(), ACTORS.admin), `examResults/forged`), data));
  });
});

describe("logbook access: creating an application", () => {
  const create = (data: object, id = "new-app") =>
    setDoc(doc(dbAs(world(), ACTORS.otherCandidate), `applications/${id}`), {
      ownerUid: OTHER_CANDIDATE,
      status: "draft",
      supervisorIds: [NAMED_SUPERVISOR],
      ...data,
    });
  const exam = (over: object = {}) => ({
    uid: OTHER_CANDIDATE,
    passed: true,
    sittingDate: "2025-11-07",
    resultDate: "2025-12-19",
    ...over,
  });
  const level2 = (over: object = {}) => ({
    uid: OTHER_CANDIDATE,
    level: 2,
    awardedOn: "2024-01-01",
    expiresOn: utcDay(365),
    status: "active",
    ...over,
  });

  // [what, the document that denies, the twin that allows]
  const EXAMS: [string, object, object][] = [
    ["an exam not passed", exam({ passed: false, status: "failed" }), exam({ passed: true, status: "passed" })],
    ["an exam expired for the logbook", exam({ status: "expired-for-logbook" }), exam({ status: "passed" })],
    ["another candidate's passed exam", exam({ uid: OWNER }), exam({ uid: OTHER_CANDIDATE })],
    ["a passed flag that is a string", exam({ passed: "true" }), exam({ passed: true })],
  ];
  for (const route of ["level2", "level3-direct"]) {
    it.each(EXAMS)(`${route}: refused with %s`, async (_what, bad) => {
      await seed(world(), [["examResults/cand-exam", bad]]);
      await denied(create({ route, examResultId: "cand-exam" }));
    });
    it.each(EXAMS)(`${route}: allowed with the twin of %s`, async (_what, _bad, good) => {
      await seed(world(), [["examResults/cand-exam", good]]);
      await allowed(create({ route, examResultId: "cand-exam" }));
    });
    it(`${route}: refused without an exam result, allowed with one`, async () => {
      await seed(world(), [["examResults/cand-exam", exam()]]);
      await denied(create({ route }));
      await denied(create({ route, examResultId: null }));
      await denied(create({ route, examResultId: "no-such-exam" }));
      await allowed(create({ route, examResultId: "cand-exam" }));
    });
    it(`${route}: a null exam result id is no id, even beside a document named "null" (twin: the string "null")`, async () => {
      await seed(world(), [["examResults/null", exam()]]);
      await denied(create({ route, examResultId: null }));
      await allowed(create({ route, examResultId: "null" }));
    });
    it(`${route}: a current Level 2 certification does not replace the exam`, async () => {
      await seed(world(), [
        ["certifications/cand-l2", level2()],
        ["examResults/cand-exam", exam()],
      ]);
      await denied(create({ route, level2CertificationId: "cand-l2" }));
      // Naming both is refused too (a route names only what it rests on); the exam alone is the twin.
      await denied(create({ route, level2CertificationId: "cand-l2", examResultId: "cand-exam" }));
      await allowed(create({ route, level2CertificationId: null, examResultId: "cand-exam" }));
    });
  }

  const CERTS: [string, object, object][] = [
    ["an expired Level 2 certification", level2({ expiresOn: utcDay(-2) }), level2({ expiresOn: utcDay(2) })],
    ["a Level 2 certification whose status is expired", level2({ status: "expired" }), level2({ status: "active" })],
    ["a revoked Level 2 certification", level2({ status: "revoked" }), level2({ status: "active" })],
    ["a Level 3 certification", level2({ level: 3 }), level2({ level: 2 })],
    ["another candidate's Level 2", level2({ uid: OWNER }), level2({ uid: OTHER_CANDIDATE })],
  ];
  it("level3-via-level2: a Level 2 expiring today (UTC) still opens the logbook, one that expired yesterday does not", () =>
    onClockEdge(world(), 0, async (today, shifted) => {
      await seed(world(), [
        ["certifications/cand-l2-today", level2({ expiresOn: today })],
        ["certifications/cand-l2-yesterday", level2({ expiresOn: shifted(-1) })],
      ]);
      await denied(create({ route: "level3-via-level2", level2CertificationId: "cand-l2-yesterday" }));
      await allowed(create({ route: "level3-via-level2", level2CertificationId: "cand-l2-today" }));
    }));
  it.each(CERTS)("level3-via-level2: refused with %s", async (_what, bad) => {
    await seed(world(), [["certifications/cand-l2", bad]]);
    await denied(create({ route: "level3-via-level2", level2CertificationId: "cand-l2" }));
  });
  it.each(CERTS)("level3-via-level2: allowed with the twin of %s", async (_what, _bad, good) => {
    await seed(world(), [["certifications/cand-l2", good]]);
    await allowed(create({ route: "level3-via-level2", level2CertificationId: "cand-l2" }));
  });
  it('level3-via-level2: a null certification id is no id, even beside a document named "null" (twin: the string "null")', async () => {
    await seed(world(), [["certifications/null", level2()]]);
    await denied(create({ route: "level3-via-level2", level2CertificationId: null }));
    await allowed(create({ route: "level3-via-level2", level2CertificationId: "null" }));
  });
  it("level3-via-level2: a passed exam does not replace the Level 2 certification", async () => {
    await seed(world(), [
      ["examResults/cand-exam", exam()],
      ["certifications/cand-l2", level2()],
    ]);
    await denied(create({ route: "level3-via-level2", examResultId: "cand-exam" }));
    await denied(create({ route: "level3-via-level2", examResultId: "cand-exam", level2CertificationId: "cand-l2" }));
    await allowed(create({ route: "level3-via-level2", examResultId: null, level2CertificationId: "cand-l2" }));
  });

  describe("changing the route or the references of a draft", () => {
    const update = (data: object) => updateDoc(doc(dbAs(world(), ACTORS.owner), `applications/${APP}`), data);
    it("the owner cannot switch to Level 3 via Level 2 without a current Level 2, and can with one", async () => {
      await seed(world(), [["certifications/owner-old-l2", { ...level2({ uid: OWNER }), expiresOn: utcDay(-1) }]]);
      await denied(update({ route: "level3-via-level2", examResultId: null, level2CertificationId: "owner-old-l2" }));
      // cert-1 (seeded): the owner's active Level 2 until 2028; the exam result is dropped (the route does not rest on it).
      await denied(update({ route: "level3-via-level2", level2CertificationId: "cert-1" }));
      await allowed(update({ route: "level3-via-level2", examResultId: null, level2CertificationId: "cert-1" }));
    });
    it("the owner cannot point the draft at another candidate's exam, and can at their own", async () => {
      await seed(world(), [["examResults/cand-exam", exam()]]);
      await denied(update({ examResultId: "cand-exam" }));
      await allowed(update({ examResultId: "exam-1" }));
    });
    it("changing only the supervisors does not re-check the exam (a later expiry closes the draft instead)", async () => {
      await seed(world(), [["examResults/exam-1", exam({ uid: OWNER, status: "expired-for-logbook" })]]);
      await allowed(update({ supervisorIds: [NAMED_SUPERVISOR] }));
      await denied(update({ route: "level3-direct" }));
    });
  });
});
