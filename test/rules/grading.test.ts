// firestore.rules for the grading collections: graders/, gradings/{appId} and
// its grades, questions, checks and history (docs/security.md, "Grading").
import {
  doc,
  getDoc,
  getDocs,
  collection,
  query,
  where,
  setDoc,
  updateDoc,
  deleteDoc,
  writeBatch,
} from "firebase/firestore";
import type { Firestore } from "firebase/firestore";
import { beforeEach, describe, it } from "vitest";
import {
  ACTORS,
  APP,
  ASSIGNED_GRADER,
  NAMED_SUPERVISOR,
  OWNER,
  allowed,
  dbAs,
  denied,
  useRulesWorld,
  type Actor,
} from "./setup.js";

const SECOND_GRADER = "grader-second";
const actors = {
  ...ACTORS,
  secondGrader: { name: "the other assigned grader", uid: SECOND_GRADER, claims: { role: "grader" } },
  chair: { name: "the chair", uid: "chair-1", claims: { role: "chair" } },
} satisfies Record<string, Actor>;

const env = useRulesWorld();
const as = (actor: Actor): Firestore => dbAs(env(), actor);

const grade = (graderUid: string, over: object = {}) => ({
  graderUid,
  candidateUid: OWNER,
  submission: 1,
  overall: "pass",
  comment: "ok",
  visibleToGraders: false,
  visibleToCandidate: false,
  ...over,
});

beforeEach(async () => {
  await env().withSecurityRulesDisabled(async (context) => {
    const db = context.firestore() as unknown as Firestore;
    const writes: [string, object][] = [
      [
        `graders/${ASSIGNED_GRADER}`,
        { institution: "Alpha", country: "DE", active: true, capacity: 5, openAssignments: 1 },
      ],
      [
        `gradings/${APP}`,
        { candidateUid: OWNER, submission: 1, status: "grading", graderUids: [ASSIGNED_GRADER, SECOND_GRADER] },
      ],
      [`gradings/${APP}/grades/1-${ASSIGNED_GRADER}`, grade(ASSIGNED_GRADER)],
      [`gradings/${APP}/grades/1-${SECOND_GRADER}-both`, grade(SECOND_GRADER, { visibleToGraders: true })],
      [
        `gradings/${APP}/grades/1-${SECOND_GRADER}-decided`,
        grade(SECOND_GRADER, { visibleToGraders: true, visibleToCandidate: true }),
      ],
      [`gradings/${APP}/questions/q1`, { candidateUid: OWNER, askedBy: ASSIGNED_GRADER, text: "Full report?" }],
      [`gradings/${APP}/checks/1-case-1`, { supervisorUid: NAMED_SUPERVISOR, caseId: "case-1", status: "pending" }],
      [`gradings/${APP}/history/001-submitted`, { event: "submitted", submission: 1 }],
      ["counters/certificates-2026", { next: 3 }],
    ];
    const batch = writeBatch(db);
    for (const [path, data] of writes) batch.set(doc(db, path), data);
    await batch.commit();
  });
});

const graderProfile = { institution: "Beta", country: "FR", active: true, capacity: 4 };

describe("graders/{uid}", () => {
  it("an admin creates a grader profile with the allowlisted fields and no load", async () => {
    await allowed(setDoc(doc(as(actors.admin), "graders/new-grader"), graderProfile));
    await allowed(setDoc(doc(as(actors.admin), "graders/new-grader-2"), { ...graderProfile, openAssignments: 0 }));
  });
  it("an admin cannot give a new grader a load, an unknown field or a capacity out of range", async () => {
    await denied(setDoc(doc(as(actors.admin), "graders/g"), { ...graderProfile, openAssignments: 3 }));
    await denied(setDoc(doc(as(actors.admin), "graders/g"), { ...graderProfile, role: "chair" }));
    await denied(setDoc(doc(as(actors.admin), "graders/g"), { ...graderProfile, capacity: 101 }));
    await denied(setDoc(doc(as(actors.admin), "graders/g"), { ...graderProfile, capacity: -1 }));
    await denied(setDoc(doc(as(actors.admin), "graders/g"), { ...graderProfile, active: "yes" }));
    await denied(setDoc(doc(as(actors.admin), "graders/g"), { country: "FR", active: true, capacity: 4 }));
  });
  it("an admin deactivates a grader but cannot change the open load", async () => {
    await allowed(updateDoc(doc(as(actors.admin), `graders/${ASSIGNED_GRADER}`), { active: false }));
    await denied(updateDoc(doc(as(actors.admin), `graders/${ASSIGNED_GRADER}`), { openAssignments: 0 }));
  });
  for (const actor of [actors.assignedGrader, actors.committee, actors.chair, actors.owner, actors.signedOut]) {
    it(`${actor.name} cannot write a grader profile`, async () => {
      await denied(setDoc(doc(as(actor), `graders/${actor.uid ?? "x"}`), graderProfile));
      await denied(updateDoc(doc(as(actor), `graders/${ASSIGNED_GRADER}`), { capacity: 100 }));
    });
  }
  it("the grader, the committee, the chair and admins read a grader profile; nobody else", async () => {
    for (const a of [actors.assignedGrader, actors.committee, actors.chair, actors.admin]) {
      await allowed(getDoc(doc(as(a), `graders/${ASSIGNED_GRADER}`)));
    }
    for (const a of [actors.otherGrader, actors.owner, actors.namedSupervisor, actors.signedOut]) {
      await denied(getDoc(doc(as(a), `graders/${ASSIGNED_GRADER}`)));
    }
  });
  it("only the committee, the chair and admins list graders", async () => {
    await allowed(getDocs(collection(as(actors.committee), "graders")));
    await allowed(getDocs(collection(as(actors.admin), "graders")));
    await denied(getDocs(collection(as(actors.assignedGrader), "graders")));
  });
});

describe("gradings/{appId}: the round", () => {
  it("assigned graders, the committee and the chair read it", async () => {
    for (const a of [actors.assignedGrader, actors.secondGrader, actors.committee, actors.chair]) {
      await allowed(getDoc(doc(as(a), `gradings/${APP}`)));
    }
  });
  it("a grader not assigned, the candidate, a supervisor, an admin and the public do not", async () => {
    for (const a of [actors.otherGrader, actors.owner, actors.namedSupervisor, actors.admin, actors.signedOut]) {
      await denied(getDoc(doc(as(a), `gradings/${APP}`)));
    }
  });
  it("a grader lists only rounds assigned to them", async () => {
    const mine = query(
      collection(as(actors.assignedGrader), "gradings"),
      where("graderUids", "array-contains", ASSIGNED_GRADER),
    );
    await allowed(getDocs(mine));
    await denied(getDocs(collection(as(actors.assignedGrader), "gradings")));
  });
  it("nobody writes a round, a decision or a status from a client, whatever the claims", async () => {
    for (const a of Object.values(actors)) {
      await denied(updateDoc(doc(as(a), `gradings/${APP}`), { status: "decided", outcome: "passed" }));
      await denied(setDoc(doc(as(a), `gradings/new-app`), { status: "decided", outcome: "passed", graderUids: [] }));
      await denied(deleteDoc(doc(as(a), `gradings/${APP}`)));
    }
  });
});

describe("gradings/{appId}/grades: independent grading", () => {
  const mine = `gradings/${APP}/grades/1-${ASSIGNED_GRADER}`;
  const theirsBoth = `gradings/${APP}/grades/1-${SECOND_GRADER}-both`;
  it("a grader reads their own grade", async () => {
    await allowed(getDoc(doc(as(actors.assignedGrader), mine)));
  });
  it("the other grader cannot read a grade until both are in", async () => {
    await denied(getDoc(doc(as(actors.secondGrader), mine)));
    await allowed(getDoc(doc(as(actors.assignedGrader), theirsBoth)));
  });
  it("a grader not assigned never reads grades, even once both are in", async () => {
    await denied(getDoc(doc(as(actors.otherGrader), theirsBoth)));
  });
  it("the candidate reads a grade only after the decision", async () => {
    await denied(getDoc(doc(as(actors.owner), mine)));
    await denied(getDoc(doc(as(actors.owner), theirsBoth)));
    await allowed(getDoc(doc(as(actors.owner), `gradings/${APP}/grades/1-${SECOND_GRADER}-decided`)));
  });
  it("the candidate's list must ask only for decided grades", async () => {
    const grades = collection(as(actors.owner), `gradings/${APP}/grades`);
    await allowed(getDocs(query(grades, where("candidateUid", "==", OWNER), where("visibleToCandidate", "==", true))));
    await denied(getDocs(query(grades, where("candidateUid", "==", OWNER))));
  });
  it("the committee and the chair read every grade", async () => {
    await allowed(getDocs(collection(as(actors.committee), `gradings/${APP}/grades`)));
    await allowed(getDoc(doc(as(actors.chair), mine)));
  });
  it("supervisors, other candidates, admins and the public read no grade", async () => {
    for (const a of [actors.namedSupervisor, actors.otherCandidate, actors.admin, actors.signedOut]) {
      await denied(getDoc(doc(as(a), `gradings/${APP}/grades/1-${SECOND_GRADER}-decided`)));
    }
  });
  it("nobody writes a grade from a client: grades go through gradeApplication", async () => {
    for (const a of Object.values(actors)) {
      await denied(setDoc(doc(as(a), `gradings/${APP}/grades/1-${a.uid ?? "x"}`), grade(a.uid ?? "x")));
      await denied(updateDoc(doc(as(a), mine), { overall: "fail" }));
      await denied(updateDoc(doc(as(a), mine), { visibleToCandidate: true }));
    }
  });
});

describe("gradings/{appId}/questions, checks and history", () => {
  it("questions: the candidate, assigned graders, the committee read; others do not", async () => {
    const q = `gradings/${APP}/questions/q1`;
    for (const a of [actors.owner, actors.assignedGrader, actors.secondGrader, actors.committee, actors.chair]) {
      await allowed(getDoc(doc(as(a), q)));
    }
    for (const a of [actors.otherCandidate, actors.otherGrader, actors.namedSupervisor, actors.signedOut]) {
      await denied(getDoc(doc(as(a), q)));
    }
  });
  it("random checks: the supervisor asked, assigned graders and the committee read; the candidate does not", async () => {
    const c = `gradings/${APP}/checks/1-case-1`;
    for (const a of [actors.namedSupervisor, actors.assignedGrader, actors.committee]) {
      await allowed(getDoc(doc(as(a), c)));
    }
    for (const a of [actors.owner, actors.otherSupervisor, actors.otherGrader, actors.signedOut]) {
      await denied(getDoc(doc(as(a), c)));
    }
  });
  it("the supervisor lists only the checks addressed to them", async () => {
    const checks = collection(as(actors.namedSupervisor), `gradings/${APP}/checks`);
    await allowed(getDocs(query(checks, where("supervisorUid", "==", NAMED_SUPERVISOR))));
    await denied(getDocs(checks));
  });
  it("history: the candidate, assigned graders and the committee read; others do not", async () => {
    const h = `gradings/${APP}/history/001-submitted`;
    for (const a of [actors.owner, actors.assignedGrader, actors.committee, actors.chair]) {
      await allowed(getDoc(doc(as(a), h)));
    }
    for (const a of [actors.otherCandidate, actors.otherGrader, actors.namedSupervisor, actors.signedOut]) {
      await denied(getDoc(doc(as(a), h)));
    }
  });
  it("no client writes a question, an answer, a check answer or history: callables do", async () => {
    for (const a of Object.values(actors)) {
      await denied(setDoc(doc(as(a), `gradings/${APP}/questions/q2`), { candidateUid: OWNER, text: "?" }));
      await denied(updateDoc(doc(as(a), `gradings/${APP}/questions/q1`), { answer: { text: "here" } }));
      await denied(updateDoc(doc(as(a), `gradings/${APP}/checks/1-case-1`), { status: "confirmed" }));
      await denied(setDoc(doc(as(a), `gradings/${APP}/history/999-decided`), { event: "decided" }));
      await denied(deleteDoc(doc(as(a), `gradings/${APP}/history/001-submitted`)));
    }
  });
  it("certificate-number counters are not readable or writable from a client", async () => {
    await denied(getDoc(doc(as(actors.admin), "counters/certificates-2026")));
    await denied(setDoc(doc(as(actors.admin), "counters/certificates-2026"), { next: 1 }));
  });
});

describe("institutions (for conflicts of interest)", () => {
  it("a candidate records their institution in their profile; not an empty or overlong one", async () => {
    await allowed(updateDoc(doc(as(actors.owner), `users/${OWNER}`), { institution: "Hôpital Européen G. Pompidou" }));
    await denied(updateDoc(doc(as(actors.owner), `users/${OWNER}`), { institution: "" }));
    await denied(updateDoc(doc(as(actors.owner), `users/${OWNER}`), { institution: "x".repeat(201) }));
    await denied(updateDoc(doc(as(actors.owner), `users/${OWNER}`), { institution: 42 }));
  });
  it("nobody else records a candidate's institution", async () => {
    for (const a of [actors.otherCandidate, actors.committee, actors.chair, actors.assignedGrader]) {
      await denied(updateDoc(doc(as(a), `users/${OWNER}`), { institution: "Elsewhere" }));
    }
  });
  it("an admin records a supervisor's institution; a supervisor or the committee cannot", async () => {
    await allowed(updateDoc(doc(as(actors.admin), `supervisors/${NAMED_SUPERVISOR}`), { institution: "KCL" }));
    await denied(updateDoc(doc(as(actors.admin), `supervisors/${NAMED_SUPERVISOR}`), { institution: "" }));
    await denied(updateDoc(doc(as(actors.namedSupervisor), `supervisors/${NAMED_SUPERVISOR}`), { institution: "KCL" }));
    await denied(updateDoc(doc(as(actors.committee), `supervisors/${NAMED_SUPERVISOR}`), { institution: "KCL" }));
  });
});

describe("the chair", () => {
  it("reads an application and its snapshots like the committee, and changes nothing", async () => {
    await allowed(getDoc(doc(as(actors.chair), `applications/${APP}`)));
    await allowed(getDoc(doc(as(actors.chair), `applications/${APP}/snapshots/1`)));
    await denied(updateDoc(doc(as(actors.chair), `applications/${APP}`), { status: "passed" }));
    await denied(setDoc(doc(as(actors.chair), "certifications/forged"), { uid: OWNER, level: 3 }));
    await denied(setDoc(doc(as(actors.chair), `register/${OWNER}`), { name: "Forged", level: 3 }));
  });
});
