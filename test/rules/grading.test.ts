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
      // The twin of the grade above once both grades are in (visibleToGraders only differs).
      [`gradings/${APP}/grades/1-${ASSIGNED_GRADER}-both`, grade(ASSIGNED_GRADER, { visibleToGraders: true })],
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
    await allowed(setDoc(doc(as(actors.admin), "graders/new-grader-3"), { ...graderProfile, displayName: "Dr Beta" }));
  });
  // Each refusal beside its twin: the same profile with that one field at the nearest allowed value.
  const PROFILE_EDGES: [string, object, object][] = [
    ["a capacity above 100", { capacity: 101 }, { capacity: 100 }],
    ["a negative capacity", { capacity: -1 }, { capacity: 0 }],
    ["a fractional capacity", { capacity: 4.5 }, { capacity: 4 }],
    ["a capacity that is a string", { capacity: "4" }, { capacity: 4 }],
    ["an active flag that is a string", { active: "yes" }, { active: false }],
    ["an empty institution", { institution: "" }, { institution: "B" }],
    ["an institution that is a list", { institution: ["Beta"] }, { institution: "Beta" }],
    ["an institution over 200 characters", { institution: "x".repeat(201) }, { institution: "x".repeat(200) }],
    ["an empty country", { country: "" }, { country: "F" }],
    ["a country over 60 characters", { country: "x".repeat(61) }, { country: "x".repeat(60) }],
    ["an empty display name", { displayName: "" }, { displayName: "B" }],
    ["a display name over 120 characters", { displayName: "x".repeat(121) }, { displayName: "x".repeat(120) }],
    ["a load of 1 at creation", { openAssignments: 1 }, { openAssignments: 0 }],
  ];
  it.each(PROFILE_EDGES)("an admin cannot create a profile with %s (twin allowed)", async (_what, bad, good) => {
    await denied(setDoc(doc(as(actors.admin), "graders/g"), { ...graderProfile, ...bad }));
    await allowed(setDoc(doc(as(actors.admin), "graders/g"), { ...graderProfile, ...good }));
  });
  it.each(["institution", "country", "active", "capacity"])(
    "an admin cannot create a profile without %s (twin: the whole profile)",
    async (key) => {
      const { [key as keyof typeof graderProfile]: _left, ...rest } = graderProfile;
      await denied(setDoc(doc(as(actors.admin), "graders/g"), rest));
      await allowed(setDoc(doc(as(actors.admin), "graders/g"), graderProfile));
    },
  );
  it("an admin cannot give a new grader a load, an unknown field or a capacity out of range", async () => {
    await denied(setDoc(doc(as(actors.admin), "graders/g"), { ...graderProfile, openAssignments: 3 }));
    await denied(setDoc(doc(as(actors.admin), "graders/g"), { ...graderProfile, role: "chair" }));
    await denied(setDoc(doc(as(actors.admin), "graders/g"), { ...graderProfile, capacity: 101 }));
    await denied(setDoc(doc(as(actors.admin), "graders/g"), { ...graderProfile, capacity: -1 }));
    await denied(setDoc(doc(as(actors.admin), "graders/g"), { ...graderProfile, active: "yes" }));
    await denied(setDoc(doc(as(actors.admin), "graders/g"), { country: "FR", active: true, capacity: 4 }));
  });
  it("an admin deactivates a grader but cannot change the open load (twin: the load written unchanged)", async () => {
    await allowed(updateDoc(doc(as(actors.admin), `graders/${ASSIGNED_GRADER}`), { active: false }));
    await denied(updateDoc(doc(as(actors.admin), `graders/${ASSIGNED_GRADER}`), { openAssignments: 0 }));
    await allowed(updateDoc(doc(as(actors.admin), `graders/${ASSIGNED_GRADER}`), { openAssignments: 1 }));
  });
  it("an admin cannot update a profile out of bounds (twin: the bound itself)", async () => {
    await denied(updateDoc(doc(as(actors.admin), `graders/${ASSIGNED_GRADER}`), { capacity: 101 }));
    await allowed(updateDoc(doc(as(actors.admin), `graders/${ASSIGNED_GRADER}`), { capacity: 100 }));
  });
  for (const actor of [actors.assignedGrader, actors.committee, actors.chair, actors.owner, actors.signedOut]) {
    it(`${actor.name} cannot write a grader profile (twin: an admin writes the same)`, async () => {
      // A new profile (theirs, or a fresh one for the grader who has one), and the existing one.
      const path = `graders/${actor === actors.assignedGrader ? "new-grader" : (actor.uid ?? "x")}`;
      await denied(setDoc(doc(as(actor), path), graderProfile));
      await denied(updateDoc(doc(as(actor), `graders/${ASSIGNED_GRADER}`), { capacity: 100 }));
      await allowed(setDoc(doc(as(actors.admin), path), graderProfile));
      await allowed(updateDoc(doc(as(actors.admin), `graders/${ASSIGNED_GRADER}`), { capacity: 100 }));
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
    await allowed(getDocs(collection(as(actors.chair), "graders")));
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
  it("an assigned grader whose grader role was revoked reads neither the round nor its questions and history (twin: the role held)", async () => {
    const revoked = { ...actors.assignedGrader, claims: {} };
    for (const path of [`gradings/${APP}`, `gradings/${APP}/questions/q1`, `gradings/${APP}/history/001-submitted`]) {
      await denied(getDoc(doc(as(revoked), path)));
      await allowed(getDoc(doc(as(actors.assignedGrader), path)));
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
    // The twin: the same round is there and readable; only the write is refused.
    await allowed(getDoc(doc(as(actors.committee), `gradings/${APP}`)));
  });
});

describe("gradings/{appId}/grades: independent grading", () => {
  const mine = `gradings/${APP}/grades/1-${ASSIGNED_GRADER}`;
  const theirsBoth = `gradings/${APP}/grades/1-${SECOND_GRADER}-both`;
  it("a grader reads their own grade", async () => {
    await allowed(getDoc(doc(as(actors.assignedGrader), mine)));
  });
  it("the other grader cannot read a grade until both are in (twin: the same grade once both are in)", async () => {
    await denied(getDoc(doc(as(actors.secondGrader), mine)));
    await allowed(getDoc(doc(as(actors.secondGrader), `${mine}-both`)));
    await allowed(getDoc(doc(as(actors.assignedGrader), theirsBoth)));
  });
  it("a grader not assigned never reads grades, even once both are in (twin: an assigned grader)", async () => {
    await denied(getDoc(doc(as(actors.otherGrader), theirsBoth)));
    await allowed(getDoc(doc(as(actors.assignedGrader), theirsBoth)));
  });
  it("a grader's own grade is readable only while they hold the grader role (twin: the role restored)", async () => {
    await denied(getDoc(doc(as({ ...actors.assignedGrader, claims: {} }), mine)));
    await allowed(getDoc(doc(as(actors.assignedGrader), mine)));
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
  it("supervisors, other candidates, admins and the public read no grade (twin: the candidate reads it)", async () => {
    for (const a of [actors.namedSupervisor, actors.otherCandidate, actors.admin, actors.signedOut]) {
      await denied(getDoc(doc(as(a), `gradings/${APP}/grades/1-${SECOND_GRADER}-decided`)));
    }
    await allowed(getDoc(doc(as(actors.owner), `gradings/${APP}/grades/1-${SECOND_GRADER}-decided`)));
  });
  it("nobody writes a grade from a client: grades go through gradeApplication", async () => {
    for (const a of Object.values(actors)) {
      await denied(setDoc(doc(as(a), `gradings/${APP}/grades/1-${a.uid ?? "x"}`), grade(a.uid ?? "x")));
      await denied(updateDoc(doc(as(a), mine), { overall: "fail" }));
      await denied(updateDoc(doc(as(a), mine), { visibleToCandidate: true }));
    }
    // The twin: the grader reads the very grade they may not write.
    await allowed(getDoc(doc(as(actors.assignedGrader), mine)));
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
    // The twins: the committee reads each of those documents; only the writes are refused.
    for (const path of ["questions/q1", "checks/1-case-1", "history/001-submitted"]) {
      await allowed(getDoc(doc(as(actors.committee), `gradings/${APP}/${path}`)));
    }
  });
  it("certificate-number counters are not readable or writable from a client", async () => {
    await denied(getDoc(doc(as(actors.admin), "counters/certificates-2026")));
    await denied(setDoc(doc(as(actors.admin), "counters/certificates-2026"), { next: 1 }));
    // The twin: the same admin reads a document a rule opens to them (denial by default only).
    await allowed(getDoc(doc(as(actors.admin), "config/policy")));
  });
});

describe("institutions (for conflicts of interest)", () => {
  it("a candidate records their institution in their profile; not an empty or overlong one", async () => {
    await allowed(updateDoc(doc(as(actors.owner), `users/${OWNER}`), { institution: "Hôpital Européen G. Pompidou" }));
    await denied(updateDoc(doc(as(actors.owner), `users/${OWNER}`), { institution: "" }));
    await denied(updateDoc(doc(as(actors.owner), `users/${OWNER}`), { institution: "x".repeat(201) }));
    await denied(updateDoc(doc(as(actors.owner), `users/${OWNER}`), { institution: 42 }));
    // The twins of the bounds: one character and 200.
    await allowed(updateDoc(doc(as(actors.owner), `users/${OWNER}`), { institution: "x" }));
    await allowed(updateDoc(doc(as(actors.owner), `users/${OWNER}`), { institution: "x".repeat(200) }));
  });
  it("nobody else records a candidate's institution (twin: the candidate writes the same)", async () => {
    for (const a of [actors.otherCandidate, actors.committee, actors.chair, actors.assignedGrader]) {
      await denied(updateDoc(doc(as(a), `users/${OWNER}`), { institution: "Elsewhere" }));
    }
    await allowed(updateDoc(doc(as(actors.owner), `users/${OWNER}`), { institution: "Elsewhere" }));
  });
  it("an admin records a supervisor's institution; a supervisor or the committee cannot", async () => {
    await allowed(updateDoc(doc(as(actors.admin), `supervisors/${NAMED_SUPERVISOR}`), { institution: "KCL" }));
    await denied(updateDoc(doc(as(actors.admin), `supervisors/${NAMED_SUPERVISOR}`), { institution: "" }));
    await denied(updateDoc(doc(as(actors.namedSupervisor), `supervisors/${NAMED_SUPERVISOR}`), { institution: "KCL" }));
    await denied(updateDoc(doc(as(actors.committee), `supervisors/${NAMED_SUPERVISOR}`), { institution: "KCL" }));
    await denied(updateDoc(doc(as(actors.admin), `supervisors/${NAMED_SUPERVISOR}`), { institution: "x".repeat(201) }));
    await allowed(
      updateDoc(doc(as(actors.admin), `supervisors/${NAMED_SUPERVISOR}`), { institution: "x".repeat(200) }),
    );
  });
});

describe("the chair", () => {
  it("reads an application and its snapshots like the committee, and changes nothing", async () => {
    await allowed(getDoc(doc(as(actors.chair), `applications/${APP}`)));
    await allowed(getDoc(doc(as(actors.chair), `applications/${APP}/snapshots/1`)));
    await denied(updateDoc(doc(as(actors.chair), `applications/${APP}`), { status: "passed" }));
    await denied(setDoc(doc(as(actors.chair), "certifications/forged"), { uid: OWNER, level: 3 }));
    await denied(setDoc(doc(as(actors.chair), `register/${OWNER}`), { name: "Forged", level: 3 }));
    // The twins: the owner's own change of the same draft, and the same register entry read.
    await allowed(updateDoc(doc(as(actors.owner), `applications/${APP}`), { candidateName: "Owner" }));
    await allowed(getDoc(doc(as(actors.chair), "register/cert-1")));
  });
});
