// Server- and team-owned collections: supervisors, exam results,
// certifications, the public register, config, the mail outbox, bookkeeping.
import { collection, deleteDoc, doc, getDoc, getDocs, query, setDoc, updateDoc, where } from "firebase/firestore";
import { describe, it } from "vitest";
import { ACTORS, allowed, APP, dbAs, denied, OTHER_CANDIDATE, OWNER, useRulesWorld, type Actor } from "./setup.js";
import { supervisorSchema } from "../../functions/src/logbook/domain/schema.js";

const world = useRulesWorld();

const at = (actor: Actor, path: string) => doc(dbAs(world(), actor), path);
const supervisor = { name: "Dr New", body: "EACVI", level3From: "2020-01-01", level3Until: null };

describe("supervisors registry", () => {
  it("a signed-in candidate can read the registry", () => allowed(getDoc(at(ACTORS.owner, "supervisors/sup-named"))));
  it("a signed-out visitor cannot read the registry", () =>
    denied(getDoc(at(ACTORS.signedOut, "supervisors/sup-named"))));
  it("an admin can add a verified supervisor", () =>
    allowed(setDoc(at(ACTORS.admin, "supervisors/sup-new"), supervisor)));
  it("a candidate cannot register themselves as a Level 3 supervisor", () =>
    denied(setDoc(at(ACTORS.owner, `supervisors/${OWNER}`), supervisor)));
  it("a supervisor cannot backdate their own Level 3 award", () =>
    denied(updateDoc(at(ACTORS.namedSupervisor, "supervisors/sup-named"), { level3From: "2000-01-01" })));
  it("a committee member cannot edit the registry", () =>
    denied(setDoc(at(ACTORS.committee, "supervisors/sup-new"), supervisor)));
  it("an admin cannot add a supervisor of an unknown body", () =>
    denied(setDoc(at(ACTORS.admin, "supervisors/sup-new"), { ...supervisor, body: "ACME" })));
  // Twins of the refusal above, member by member from the list the engine parses.
  it.each(supervisorSchema.shape.body.options)("an admin can add a supervisor of the body %s", (body) =>
    allowed(setDoc(at(ACTORS.admin, "supervisors/sup-new"), { ...supervisor, body })),
  );
  // Every optional field of the registry's allowlist, and its limits.
  it("an admin can add a supervisor with every optional field", () =>
    allowed(
      setDoc(at(ACTORS.admin, "supervisors/sup-new"), {
        ...supervisor,
        name: "n".repeat(120),
        level3Until: "2030-01-01",
        country: "FR",
        institution: "i".repeat(200),
      }),
    ));
  const SUPERVISOR_INVALID: [string, object][] = [
    ["a name of 121 characters", { name: "n".repeat(121) }],
    ["an institution of 201 characters", { institution: "i".repeat(201) }],
    ["a Level 3 start that is not a date", { level3From: "2020-02-30" }],
    ["a Level 3 end that is not a date", { level3Until: "soon" }],
    ["a field the allowlist does not name", { email: "x@example.org" }],
  ];
  it.each(SUPERVISOR_INVALID)("an admin cannot add a supervisor with %s", (_what, change) =>
    denied(setDoc(at(ACTORS.admin, "supervisors/sup-new"), { ...supervisor, ...change })),
  );
  it("an admin can remove a supervisor; a committee member cannot", async () => {
    await denied(deleteDoc(at(ACTORS.committee, "supervisors/sup-named")));
    await allowed(deleteDoc(at(ACTORS.admin, "supervisors/sup-named")));
  });
});

describe("exam results and certifications", () => {
  it("the candidate can read their exam result", () => allowed(getDoc(at(ACTORS.owner, "examResults/exam-1"))));
  it("the candidate can list their exam results", () =>
    allowed(getDocs(query(collection(dbAs(world(), ACTORS.owner), "examResults"), where("uid", "==", OWNER)))));
  it("another candidate cannot read the exam result", () =>
    denied(getDoc(at(ACTORS.otherCandidate, "examResults/exam-1"))));
  it("a candidate cannot list everyone's exam results", () =>
    denied(getDocs(collection(dbAs(world(), ACTORS.owner), "examResults"))));
  it("the candidate cannot mark their exam passed", () =>
    denied(updateDoc(at(ACTORS.owner, "examResults/exam-1"), { passed: true })));
  it("a candidate cannot create an exam result", () =>
    denied(setDoc(at(ACTORS.otherCandidate, "examResults/forged"), { uid: OTHER_CANDIDATE, passed: true })));
  it("an admin cannot write an exam result from a client", () =>
    denied(updateDoc(at(ACTORS.admin, "examResults/exam-1"), { passed: false })));
  it("the holder can read their certification", () => allowed(getDoc(at(ACTORS.owner, "certifications/cert-1"))));
  it("a candidate cannot forge a certification", () =>
    denied(
      setDoc(at(ACTORS.otherCandidate, "certifications/forged"), { uid: OTHER_CANDIDATE, level: 3, status: "active" }),
    ));
  it("the holder cannot extend their certification", () =>
    denied(updateDoc(at(ACTORS.owner, "certifications/cert-1"), { expiresOn: "2040-01-01" })));
  it("a committee member can read a certification", () =>
    allowed(getDoc(at(ACTORS.committee, "certifications/cert-1"))));
  // Each reader, by get and by an unfiltered list, beside the same request by another candidate (the twin).
  const READERS = [ACTORS.owner, ACTORS.committee, ACTORS.admin];
  it.each([
    ["examResults", "exam-1"],
    ["certifications", "cert-1"],
  ])("%s: the holder, the committee and an admin read it; another candidate does not", async (name, id) => {
    for (const actor of READERS) await allowed(getDoc(at(actor, `${name}/${id}`)));
    await denied(getDoc(at(ACTORS.otherCandidate, `${name}/${id}`)));
  });
  it.each(["examResults", "certifications"])(
    "%s: the committee and an admin list them all; the holder lists only their own (twins)",
    async (name) => {
      await allowed(getDocs(collection(dbAs(world(), ACTORS.committee), name)));
      await allowed(getDocs(collection(dbAs(world(), ACTORS.admin), name)));
      await denied(getDocs(collection(dbAs(world(), ACTORS.owner), name)));
      await allowed(getDocs(query(collection(dbAs(world(), ACTORS.owner), name), where("uid", "==", OWNER))));
    },
  );
});

describe("the public register", () => {
  it("a signed-out visitor can read the register", () =>
    allowed(getDocs(collection(dbAs(world(), ACTORS.signedOut), "register"))));
  it("a candidate cannot add themselves to the register", () =>
    denied(setDoc(at(ACTORS.otherCandidate, "register/me"), { name: "Me", level: 3 })));
  it("an admin cannot write the register from a client", () => denied(deleteDoc(at(ACTORS.admin, "register/cert-1"))));
  it("a committee member cannot write the register", () =>
    denied(updateDoc(at(ACTORS.committee, "register/cert-1"), { level: 3 })));
});

describe("config, mail outbox and bookkeeping", () => {
  it("a signed-in user can read the policy", () => allowed(getDoc(at(ACTORS.owner, "config/policy"))));
  it("a signed-out visitor cannot read the policy", () => denied(getDoc(at(ACTORS.signedOut, "config/policy"))));
  it("a candidate cannot change the policy", () =>
    denied(setDoc(at(ACTORS.owner, "config/policy"), { version: "mine" })));
  it("an admin cannot change the policy from a client", () =>
    denied(setDoc(at(ACTORS.admin, "config/policy"), { version: "x" })));
  it("a candidate cannot write to the mail outbox", () =>
    denied(
      setDoc(at(ACTORS.owner, "mail/spam"), { to: "someone@example.org", message: { subject: "Hi", text: "x" } }),
    ));
  it("a committee member cannot write to the mail outbox", () =>
    denied(setDoc(at(ACTORS.committee, "mail/spam"), { to: "x@example.org" })));
  it("a candidate cannot read the mail outbox", () => denied(getDoc(at(ACTORS.owner, "mail/m-1"))));
  it("an admin cannot read the mail outbox from a client", () => denied(getDoc(at(ACTORS.admin, "mail/m-1"))));
  it("a candidate cannot touch the revalidation bookkeeping", () =>
    denied(setDoc(at(ACTORS.owner, `revalidationState/${APP}`), { revision: 0 })));
  it("a candidate cannot read the revalidation bookkeeping", () =>
    denied(getDoc(at(ACTORS.owner, `revalidationState/${APP}`))));
  it("a candidate cannot write to an audit log", () =>
    denied(setDoc(at(ACTORS.owner, "audit/a-1"), { action: "none" })));
  it("nobody can write to a collection the rules do not name", () =>
    denied(setDoc(at(ACTORS.committee, "anything/else"), { x: 1 })));
});
