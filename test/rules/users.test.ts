// users/{uid} and their notifications.
import { collection, doc, getDoc, getDocs, setDoc, updateDoc } from "firebase/firestore";
import { describe, it } from "vitest";
import { ACTORS, allowed, dbAs, denied, OTHER_CANDIDATE, OWNER, useRulesWorld, type Actor } from "./setup.js";
import { candidateSchema } from "../../functions/src/logbook/domain/schema.js";
import { MEMBERSHIP_TIERS } from "../../functions/src/platform/domain/programme.js";

const world = useRulesWorld();

const profile = (actor: Actor, uid = OWNER) => doc(dbAs(world(), actor), `users/${uid}`);

describe("profiles", () => {
  it("the committee and an admin list the profiles; a candidate cannot (twin: the role only)", async () => {
    const users = (actor: Actor) => getDocs(collection(dbAs(world(), actor), "users"));
    await allowed(users(ACTORS.committee));
    await allowed(users(ACTORS.admin));
    await denied(users({ ...ACTORS.admin, claims: {} }));
  });
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

  // Twins of the refusals above, and every optional field of the profile allowlist.
  it("a new user can create their own profile as a non-member (twin of Silver)", () =>
    allowed(
      setDoc(profile({ name: "new", uid: "new-user" }, "new-user"), { displayName: "New", membership: "non-member" }),
    ));
  it("a new user can create their profile with every optional field", () =>
    allowed(
      setDoc(profile({ name: "new", uid: "new-user" }, "new-user"), {
        displayName: "d".repeat(120),
        email: "new@example.org",
        country: "c".repeat(60),
        institution: "i".repeat(200),
        membership: "non-member",
        physicianRegistration: null,
        acls: null,
      }),
    ));
  it("a new user cannot create a profile for another uid", () =>
    denied(setDoc(profile({ name: "new", uid: "new-user" }, "other-user"), { displayName: "New" })));
  const PROFILE_LIMITS: [string, object, object][] = [
    ["a display name of 121 characters", { displayName: "d".repeat(121) }, { displayName: "d".repeat(120) }],
    ["a country of 61 characters", { country: "c".repeat(61) }, { country: "c".repeat(60) }],
    ["an institution of 201 characters", { institution: "i".repeat(201) }, { institution: "i".repeat(200) }],
    ["an empty display name", { displayName: "" }, { displayName: "D" }],
    ["an address with two @", { email: "a@b@c" }, { email: "a@b" }],
    [
      "an address of 201 characters",
      { email: `${"a".repeat(100)}@${"b".repeat(100)}` },
      { email: `${"a".repeat(99)}@${"b".repeat(100)}` },
    ],
    [
      "a registration with an extra key",
      { physicianRegistration: { validUntil: "2030-01-01", number: "1" } },
      { physicianRegistration: null },
    ],
    [
      "an ACLS with an extra key",
      { acls: { kind: "certificate", validUntil: null, evidenceId: null, note: "x" } },
      { acls: null },
    ],
    [
      "an ACLS evidence id that is a path",
      { acls: { kind: "certificate", validUntil: null, evidenceId: "a/b" } },
      { acls: { kind: "certificate", validUntil: null, evidenceId: "a-b" } },
    ],
    ["a field the allowlist does not name", { phone: "123" }, { country: "FR" }],
  ];
  it.each(PROFILE_LIMITS)("the owner cannot record %s", (_what, bad) => denied(updateDoc(profile(ACTORS.owner), bad)));
  it.each(PROFILE_LIMITS)("the owner can record the twin of %s", (_what, _bad, good) =>
    allowed(updateDoc(profile(ACTORS.owner), good)),
  );
  // The same checks when the profile is first created.
  it.each(PROFILE_LIMITS)("a new user cannot create a profile with %s (twin allowed)", async (_what, bad, good) => {
    const fresh = profile({ name: "new", uid: "new-user" }, "new-user");
    await denied(setDoc(fresh, { displayName: "New", ...bad }));
    await allowed(setDoc(fresh, { displayName: "New", ...good }));
  });
  // Member by member from the lists the engine parses.
  it.each(candidateSchema.shape.acls.unwrap().shape.kind.options)("the owner can record an ACLS of kind %s", (kind) =>
    allowed(updateDoc(profile(ACTORS.owner), { acls: { kind, validUntil: null, evidenceId: null } })),
  );
  it.each(MEMBERSHIP_TIERS.filter((tier) => tier !== "non-member"))(
    "an admin can set the membership tier %s (and back to non-member)",
    async (membership) => {
      await allowed(updateDoc(profile(ACTORS.admin), { membership }));
      await allowed(updateDoc(profile(ACTORS.admin), { membership: "non-member" }));
    },
  );
  it("an admin cannot set an unknown membership tier", () =>
    denied(updateDoc(profile(ACTORS.admin), { membership: "gold" })));
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
  it("the owner cannot mark it read with a text date (twin: a timestamp, above)", () =>
    denied(updateDoc(notification(ACTORS.owner), { readAt: "yesterday" })));
  it("the owner cannot rewrite its text while marking it read (twin: marking it read only)", async () => {
    await denied(updateDoc(notification(ACTORS.owner), { readAt: new Date(), title: "Passed!" }));
    await allowed(updateDoc(notification(ACTORS.owner), { readAt: new Date() }));
  });
  it("another candidate cannot mark the owner's notification read (twin: the owner can)", async () => {
    await denied(updateDoc(notification(ACTORS.otherCandidate), { readAt: new Date() }));
    await allowed(updateDoc(notification(ACTORS.owner), { readAt: new Date() }));
  });
  it("the owner cannot create a notification", () =>
    denied(setDoc(doc(dbAs(world(), ACTORS.owner), `users/${OWNER}/notifications/n-2`), { title: "x" })));
  it("another candidate cannot read the owner's notification", () =>
    denied(getDoc(notification(ACTORS.otherCandidate))));
  it("the owner cannot read another user's notifications", () =>
    denied(getDoc(doc(dbAs(world(), ACTORS.owner), `users/${OTHER_CANDIDATE}/notifications/n-1`))));
});
