// users/{uid} and their notifications.
import { doc, getDoc, setDoc, updateDoc } from "firebase/firestore";
import { describe, it } from "vitest";
import { ACTORS, allowed, dbAs, denied, OTHER_CANDIDATE, OWNER, useRulesWorld, type Actor } from "./setup.js";

const world = useRulesWorld();

const profile = (actor: Actor, uid = OWNER) => doc(dbAs(world(), actor), `users/${uid}`);

describe("profiles", () => {
  it.each([ACTORS.owner, ACTORS.committee, ACTORS.admin])("$name can read the owner's profile", (actor) =>
    allowed(getDoc(profile(actor))),
  );
  it.each([ACTORS.signedOut, ACTORS.otherCandidate, ACTORS.namedSupervisor, ACTORS.assignedGrader])(
    "$name cannot read the owner's profile",
    (actor) => denied(getDoc(profile(actor))),
  );
  it("a new user can create their own profile", () =>
    allowed(
      setDoc(profile({ name: "new", uid: "new-user" }, "new-user"), { displayName: "New", email: "new@example.org" }),
    ));
  it("a new user cannot declare themselves a Silver member", () =>
    denied(
      setDoc(profile({ name: "new", uid: "new-user" }, "new-user"), { displayName: "New", membership: "silver" }),
    ));
  it("the owner can record their registration and ACLS", () =>
    allowed(
      updateDoc(profile(ACTORS.owner), {
        physicianRegistration: { validUntil: "2030-12-31" },
        acls: { kind: "certificate", validUntil: "2027-06-30", evidenceId: "ev-acls" },
      }),
    ));
  it("the owner cannot change their membership tier", () =>
    denied(updateDoc(profile(ACTORS.owner), { membership: "silver" })));
  it("the owner cannot give themselves a role in their profile", () =>
    denied(updateDoc(profile(ACTORS.owner), { role: "committee" })));
  it("the owner cannot record an ACLS of an unknown kind", () =>
    denied(updateDoc(profile(ACTORS.owner), { acls: { kind: "diploma", validUntil: null, evidenceId: null } })));
  it("the owner cannot record an ACLS certificate valid until February 30th", () =>
    denied(
      updateDoc(profile(ACTORS.owner), { acls: { kind: "certificate", validUntil: "2027-02-30", evidenceId: "ev" } }),
    ));
  it("the owner can record an ACLS certificate valid until February 28th", () =>
    allowed(
      updateDoc(profile(ACTORS.owner), { acls: { kind: "certificate", validUntil: "2027-02-28", evidenceId: "ev" } }),
    ));
  it("the owner can clear the ACLS certificate's evidence", () =>
    allowed(
      updateDoc(profile(ACTORS.owner), { acls: { kind: "certificate", validUntil: "2027-02-28", evidenceId: null } }),
    ));
  it("the owner cannot record a registration valid until 2027-13-01", () =>
    denied(updateDoc(profile(ACTORS.owner), { physicianRegistration: { validUntil: "2027-13-01" } })));
  it("the owner can record a registration valid until 2027-12-01", () =>
    allowed(updateDoc(profile(ACTORS.owner), { physicianRegistration: { validUntil: "2027-12-01" } })));
  it("the owner cannot store a malformed e-mail address", () =>
    denied(updateDoc(profile(ACTORS.owner), { email: "not an address" })));
  it("another candidate cannot edit the owner's profile", () =>
    denied(updateDoc(profile(ACTORS.otherCandidate), { displayName: "Hacked" })));
  it("an admin can set the membership tier", () => allowed(updateDoc(profile(ACTORS.admin), { membership: "silver" })));
  it("an admin cannot change anything else in a profile", () =>
    denied(updateDoc(profile(ACTORS.admin), { displayName: "X" })));
  it("a committee member cannot edit a profile", () =>
    denied(updateDoc(profile(ACTORS.committee), { membership: "silver" })));
});

describe("evidence records (written by the upload check)", () => {
  const record = (actor: Actor, uid = OWNER) => doc(dbAs(world(), actor), `users/${uid}/evidence/ev-1`);
  it("the owner can read the check's verdict on their file", () => allowed(getDoc(record(ACTORS.owner))));
  it("a committee member can read it", () => allowed(getDoc(record(ACTORS.committee))));
  it("another candidate cannot read it", () => denied(getDoc(record(ACTORS.otherCandidate))));
  it("the owner cannot mark their own file accepted", () =>
    denied(setDoc(record(ACTORS.owner), { status: "accepted", sha256: "0".repeat(64) })));
  it("the owner cannot unlock evidence of a submitted application", () =>
    denied(updateDoc(record(ACTORS.owner), { submittedIn: null })));
});

describe("evidence usage (kept by the upload check)", () => {
  const usage = (actor: Actor, uid = OWNER) => doc(dbAs(world(), actor), `evidenceUsage/${uid}`);
  const seedUsage = () =>
    world().withSecurityRulesDisabled((c) =>
      setDoc(doc(c.firestore(), `evidenceUsage/${OWNER}`), { count: 1, bytes: 1000, objects: {} }),
    );
  it("the owner can read their usage", async () => {
    await seedUsage();
    await allowed(getDoc(usage(ACTORS.owner)));
  });
  it("another candidate cannot read the owner's usage", async () => {
    await seedUsage();
    await denied(getDoc(usage(ACTORS.otherCandidate)));
  });
  it("the owner cannot lower their usage to upload more", async () => {
    await seedUsage();
    await denied(setDoc(usage(ACTORS.owner), { count: 0, bytes: 0, objects: {} }));
  });
});

describe("notifications", () => {
  const notification = (actor: Actor, uid = OWNER) => doc(dbAs(world(), actor), `users/${uid}/notifications/n-1`);
  it("the owner can read their notification", () => allowed(getDoc(notification(ACTORS.owner))));
  it("the owner can mark it read", () => allowed(updateDoc(notification(ACTORS.owner), { readAt: new Date() })));
  it("the owner cannot rewrite its text", () => denied(updateDoc(notification(ACTORS.owner), { title: "Passed!" })));
  it("the owner cannot create a notification", () =>
    denied(setDoc(doc(dbAs(world(), ACTORS.owner), `users/${OWNER}/notifications/n-2`), { title: "x" })));
  it("another candidate cannot read the owner's notification", () =>
    denied(getDoc(notification(ACTORS.otherCandidate))));
  it("the owner cannot read another user's notifications", () =>
    denied(getDoc(doc(dbAs(world(), ACTORS.owner), `users/${OTHER_CANDIDATE}/notifications/n-1`))));
});
