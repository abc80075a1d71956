import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  chooseGraders,
  exclusionOf,
  type ConflictSubject,
  type GraderProfile,
} from "../../../functions/src/grading/domain/index.js";

const rules = { gradersPerApplication: 2, excludeSameCountry: false };

const grader = (uid: string, over: Partial<GraderProfile> = {}): GraderProfile => ({
  uid,
  institution: `Hospital ${uid}`,
  country: "DE",
  active: true,
  capacity: 10,
  openAssignments: 0,
  ...over,
});

const subject = (over: Partial<ConflictSubject> = {}): ConflictSubject => ({
  candidateUid: "cand",
  candidateInstitution: "Hôpital Européen Georges-Pompidou",
  candidateCountry: "FR",
  supervisorUids: ["sup1"],
  supervisorInstitutions: ["King's College London"],
  ...over,
});

describe("grader eligibility", () => {
  it("accepts an active grader with room from another institution", () => {
    expect(exclusionOf(grader("g1"), subject(), rules)).toBeNull();
  });
  it("never the candidate, even with the grader claim", () => {
    expect(exclusionOf(grader("cand"), subject(), rules)).toBe("is-candidate");
  });
  it("never a supervisor of the application, a case or a training period", () => {
    expect(exclusionOf(grader("sup1"), subject(), rules)).toBe("is-supervisor");
  });
  it("never someone from the candidate's institution, however it is spelled", () => {
    expect(exclusionOf(grader("g1", { institution: "hopital europeen georges pompidou" }), subject(), rules)).toBe(
      "same-institution",
    );
    expect(exclusionOf(grader("g1", { institution: "HOPITAL  EUROPEEN, Georges Pompidou." }), subject(), rules)).toBe(
      "same-institution",
    );
  });
  it("never someone from a supervisor's institution", () => {
    expect(exclusionOf(grader("g1", { institution: "Kings College London" }), subject(), rules)).toBe(
      "same-institution",
    );
  });
  it("same country is allowed unless the policy switch says otherwise", () => {
    const french = grader("g1", { country: "fr" });
    expect(exclusionOf(french, subject(), rules)).toBeNull();
    expect(exclusionOf(french, subject(), { ...rules, excludeSameCountry: true })).toBe("same-country");
  });
  it("not an inactive grader", () => {
    expect(exclusionOf(grader("g1", { active: false }), subject(), rules)).toBe("inactive");
  });
  it("capacity is a limit: one below is eligible, at capacity is not", () => {
    expect(exclusionOf(grader("g1", { capacity: 3, openAssignments: 2 }), subject(), rules)).toBeNull();
    expect(exclusionOf(grader("g1", { capacity: 3, openAssignments: 3 }), subject(), rules)).toBe("at-capacity");
  });
  it("an empty institution on either side is no conflict", () => {
    expect(exclusionOf(grader("g1", { institution: " " }), subject({ candidateInstitution: null }), rules)).toBeNull();
  });
});

describe("choosing two graders", () => {
  it("takes the least loaded, ties in uid order", () => {
    const graders = [
      grader("c", { openAssignments: 1 }),
      grader("b"),
      grader("a"),
      grader("d", { openAssignments: 0 }),
    ];
    expect(chooseGraders(graders, subject(), rules)).toEqual({ kind: "assigned", graderUids: ["a", "b"] });
  });
  it("does not depend on the order the graders were read in", () => {
    const graders = ["e", "a", "c", "b", "d"].map((u, i) => grader(u, { openAssignments: i % 2 }));
    const forward = chooseGraders(graders, subject(), rules);
    expect(chooseGraders([...graders].reverse(), subject(), rules)).toEqual(forward);
  });
  it("waits unassigned when fewer than two are eligible, saying why the others are not", () => {
    const outcome = chooseGraders([grader("a"), grader("sup1"), grader("cand")], subject(), rules);
    expect(outcome).toEqual({
      kind: "unassigned",
      eligible: ["a"],
      exclusions: { sup1: "is-supervisor", cand: "is-candidate" },
    });
  });
  it("a reassignment keeps the other grader and never takes back the one replaced", () => {
    const graders = [grader("a"), grader("b"), grader("c", { openAssignments: 5 })];
    expect(chooseGraders(graders, subject(), rules, { keep: ["a"], excluded: ["b"] })).toEqual({
      kind: "assigned",
      graderUids: ["a", "c"],
    });
  });
});

// Many submissions, one after another, each updating the loads as the trigger does.
function simulate(graders: GraderProfile[], subjects: ConflictSubject[]) {
  const load = new Map(graders.map((g) => [g.uid, g.openAssignments]));
  const assignments: { subject: ConflictSubject; uids: string[] }[] = [];
  for (const s of subjects) {
    const outcome = chooseGraders(
      graders.map((g) => ({ ...g, openAssignments: load.get(g.uid)! })),
      s,
      rules,
    );
    if (outcome.kind === "assigned") {
      for (const uid of outcome.graderUids) load.set(uid, load.get(uid)! + 1);
      assignments.push({ subject: s, uids: outcome.graderUids });
    }
  }
  return { load, assignments };
}

const institutions = ["Alpha Hospital", "Beta Clinic", "Gamma Univ", "Delta Centre", "Epsilon"];
const graderArb = (i: number) =>
  fc.record({
    uid: fc.constant(`g${String(i).padStart(2, "0")}`),
    institution: fc.constantFrom(...institutions, null),
    country: fc.constantFrom("FR", "DE", "IT"),
    active: fc.boolean(),
    capacity: fc.integer({ min: 0, max: 50 }),
    openAssignments: fc.integer({ min: 0, max: 5 }),
  });
const subjectArb = (graderCount: number) =>
  fc.record({
    candidateUid: fc.oneof(
      fc.constant("cand"),
      fc.integer({ min: 0, max: graderCount }).map((i) => `g${String(i).padStart(2, "0")}`),
    ),
    candidateInstitution: fc.constantFrom(...institutions, null),
    candidateCountry: fc.constantFrom("FR", "DE", "IT"),
    supervisorUids: fc.array(
      fc.integer({ min: 0, max: graderCount }).map((i) => `g${String(i).padStart(2, "0")}`),
      { maxLength: 3 },
    ),
    supervisorInstitutions: fc.array(fc.constantFrom(...institutions, null), { maxLength: 2 }),
  });

describe("assignment properties", () => {
  it("never assigns an excluded grader, and always two distinct ones", () => {
    fc.assert(
      fc.property(
        fc.tuple(...Array.from({ length: 8 }, (_, i) => graderArb(i))),
        fc.array(subjectArb(8), { minLength: 1, maxLength: 30 }),
        (graders, subjects) => {
          const { assignments } = simulate(graders, subjects);
          for (const { subject: s, uids } of assignments) {
            expect(new Set(uids).size).toBe(2);
            for (const uid of uids) {
              const g = graders.find((x) => x.uid === uid)!;
              expect(exclusionOf({ ...g, openAssignments: 0, capacity: 1 }, s, rules)).toBeNull();
              expect(uid).not.toBe(s.candidateUid);
              expect(s.supervisorUids).not.toContain(uid);
            }
          }
        },
      ),
    );
  });

  it("spreads the load: max − min ≤ 1 among interchangeable graders, over many submissions", () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 40 }), fc.integer({ min: 1, max: 300 }), (graderCount, submissions) => {
        const graders = Array.from({ length: graderCount }, (_, i) => grader(`g${i}`, { capacity: 1000 }));
        const subjects = Array.from({ length: submissions }, (_, i) => subject({ candidateUid: `cand${i}` }));
        const { load } = simulate(graders, subjects);
        const loads = [...load.values()];
        expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);
        expect(loads.reduce((a, b) => a + b, 0)).toBe(2 * submissions);
      }),
      { numRuns: 25 },
    );
  }, 60_000);

  it("unassigned exactly when fewer than two graders are eligible", () => {
    fc.assert(
      fc.property(fc.tuple(...Array.from({ length: 5 }, (_, i) => graderArb(i))), subjectArb(5), (graders, s) => {
        const eligible = graders.filter((g) => exclusionOf(g, s, rules) === null);
        expect(chooseGraders(graders, s, rules).kind).toBe(eligible.length >= 2 ? "assigned" : "unassigned");
      }),
    );
  });
});
