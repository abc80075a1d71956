// applications/{appId}: who may get, list, create, update and delete.
import {
  collection,
  deleteDoc,
  doc,
  getDoc,
  getDocs,
  query,
  serverTimestamp,
  setDoc,
  updateDoc,
  where,
  writeBatch,
} from "firebase/firestore";
import { describe, it } from "vitest";
import {
  ACTORS,
  allowed,
  APP,
  applicationData,
  ASSIGNED_GRADER,
  dbAs,
  denied,
  NAMED_SUPERVISOR,
  OTHER_CANDIDATE,
  OTHER_CANDIDATE_EXAM,
  OTHER_CANDIDATE_LEVEL2,
  OWNER_RESIT_EXAM,
  OWNER,
  useRulesWorld,
  seedWorld,
  type Actor,
} from "./setup.js";
import { ROUTES } from "../../functions/src/platform/domain/programme.js";
import { ROLES, type Role } from "../../functions/src/platform/guards.js";

const world = useRulesWorld();

const getApp = (actor: Actor) => getDoc(doc(dbAs(world(), actor), `applications/${APP}`));

describe("get", () => {
  it.each([ACTORS.owner, ACTORS.namedSupervisor, ACTORS.assignedGrader, ACTORS.committee])(
    "$name can get the application",
    (actor) => allowed(getApp(actor)),
  );
  it.each([ACTORS.signedOut, ACTORS.otherCandidate, ACTORS.otherSupervisor, ACTORS.otherGrader, ACTORS.admin])(
    "$name cannot get the application",
    (actor) => denied(getApp(actor)),
  );
  // Twin of "a named supervisor can get the application": the same supervisor
  // once removed from the supervisors registry (isVerifiedSupervisor).
  it("a named supervisor no longer in the supervisors registry cannot get the application", async () => {
    await world().withSecurityRulesDisabled((c) => deleteDoc(doc(c.firestore(), `supervisors/${NAMED_SUPERVISOR}`)));
    await denied(getApp(ACTORS.namedSupervisor));
  });
  // Twin of "an assigned grader can get the application": the same uid, still
  // in graderUids, once the grader role has been taken away (isGrader).
  it("an assigned grader whose grader role was revoked cannot get the application", () =>
    denied(getApp({ name: "a former grader", uid: ASSIGNED_GRADER })));
  // Every role of guards.ts, member by member: only the committee and the
  // chair read an application they are not named on.
  const READS_ANY_APPLICATION: Record<Role, boolean> = { committee: true, chair: true, grader: false, admin: false };
  it.each(ROLES)("a user with the role %s reads any application only if committee or chair", (role) => {
    const get = getApp({ name: role, uid: `role-${role}`, claims: { role } });
    return READS_ANY_APPLICATION[role] ? allowed(get) : denied(get);
  });
  it("a user with an unknown role cannot get the application", () =>
    denied(getApp({ name: "unknown role", uid: "role-x", claims: { role: "superuser" } })));
});

describe("list", () => {
  const apps = (actor: Actor) => collection(dbAs(world(), actor), "applications");
  it("the owner can list their own applications", () =>
    allowed(getDocs(query(apps(ACTORS.owner), where("ownerUid", "==", OWNER)))));
  it("the owner cannot list applications without filtering on their uid", () => denied(getDocs(apps(ACTORS.owner))));
  it("another candidate cannot list the owner's applications", () =>
    denied(getDocs(query(apps(ACTORS.otherCandidate), where("ownerUid", "==", OWNER)))));
  it("a named supervisor can list the applications that name them", () =>
    allowed(getDocs(query(apps(ACTORS.namedSupervisor), where("supervisorIds", "array-contains", NAMED_SUPERVISOR)))));
  it("an assigned grader can list the applications assigned to them", () =>
    allowed(getDocs(query(apps(ACTORS.assignedGrader), where("graderUids", "array-contains", ASSIGNED_GRADER)))));
  it("a grader cannot list all applications", () => denied(getDocs(apps(ACTORS.assignedGrader))));
  it("a committee member can list all applications", () => allowed(getDocs(apps(ACTORS.committee))));
  it("a signed-out visitor cannot list applications", () => denied(getDocs(apps(ACTORS.signedOut))));
});

describe("create", () => {
  const draft = (uid: string) => ({
    ownerUid: uid,
    route: "level2",
    status: "draft",
    supervisorIds: [NAMED_SUPERVISOR],
    examResultId: OTHER_CANDIDATE_EXAM,
  });
  const create = (actor: Actor, data: object, id = "new-app") =>
    setDoc(doc(dbAs(world(), actor), `applications/${id}`), data);

  it("a candidate can create their own draft", () => allowed(create(ACTORS.otherCandidate, draft(OTHER_CANDIDATE))));
  it("a candidate cannot create an application already submitted", () =>
    denied(create(ACTORS.otherCandidate, { ...draft(OTHER_CANDIDATE), status: "submitted" })));
  it("a candidate cannot create an application already passed", () =>
    denied(create(ACTORS.otherCandidate, { ...draft(OTHER_CANDIDATE), status: "passed" })));
  it("a candidate cannot create an application for someone else", () =>
    denied(create(ACTORS.otherCandidate, draft(OWNER))));
  it("a candidate cannot assign themselves a grader", () =>
    denied(create(ACTORS.otherCandidate, { ...draft(OTHER_CANDIDATE), graderUids: [OTHER_CANDIDATE] })));
  it("a candidate cannot grant themselves an extension", () =>
    denied(create(ACTORS.otherCandidate, { ...draft(OTHER_CANDIDATE), extensionGrantedUntil: "2030-01-01" })));
  it("a candidate cannot create an application with an unknown route", () =>
    denied(create(ACTORS.otherCandidate, { ...draft(OTHER_CANDIDATE), route: "level4" })));
  // Twins of the route refusal, member by member from programme.ts.
  // Each route names what it rests on: an exam result, or a Level 2 certification for Level 3 via Level 2.
  const onRoute = (route: string) =>
    route === "level3-via-level2"
      ? { route, examResultId: null, level2CertificationId: OTHER_CANDIDATE_LEVEL2 }
      : { route, examResultId: OTHER_CANDIDATE_EXAM, level2CertificationId: null };
  it.each(ROUTES)("a candidate can create a draft for the route %s", (route) =>
    allowed(create(ACTORS.otherCandidate, { ...draft(OTHER_CANDIDATE), ...onRoute(route) })),
  );
  // Naming what the route does not rest on is refused (it would reveal whether someone else's document exists).
  it.each(ROUTES)("a candidate cannot create a draft for the route %s naming both ids", (route) =>
    denied(
      create(ACTORS.otherCandidate, {
        ...draft(OTHER_CANDIDATE),
        route,
        examResultId: OTHER_CANDIDATE_EXAM,
        level2CertificationId: OTHER_CANDIDATE_LEVEL2,
      }),
    ),
  );
  it.each(["examResultId", "level2CertificationId"])("a candidate cannot create a draft whose %s is a path", (key) =>
    denied(create(ACTORS.otherCandidate, { ...draft(OTHER_CANDIDATE), [key]: "a/b" })),
  );
  it("a candidate cannot create a draft without supervisorIds (twin: the draft above)", () =>
    denied(create(ACTORS.otherCandidate, (({ supervisorIds: _s, ...rest }) => rest)(draft(OTHER_CANDIDATE)))));
  it("a candidate can name five supervisors", () =>
    allowed(create(ACTORS.otherCandidate, { ...draft(OTHER_CANDIDATE), supervisorIds: ["a", "b", "c", "d", "e"] })));
  it("a candidate cannot name more than five supervisors", () =>
    denied(
      create(ACTORS.otherCandidate, { ...draft(OTHER_CANDIDATE), supervisorIds: ["a", "b", "c", "d", "e", "f"] }),
    ));
  it("a candidate cannot create an application under the id of a deleted one", async () => {
    await world().withSecurityRulesDisabled((c) =>
      setDoc(doc(c.firestore(), "deletedApplications/new-app"), { ownerUid: OWNER, deletedAt: new Date() }),
    );
    await denied(create(ACTORS.otherCandidate, draft(OTHER_CANDIDATE)));
    await allowed(create(ACTORS.otherCandidate, draft(OTHER_CANDIDATE), "never-used"));
  });
  it("the owner cannot recreate their own deleted application either", async () => {
    await world().withSecurityRulesDisabled((c) =>
      setDoc(doc(c.firestore(), "deletedApplications/new-app"), { ownerUid: OTHER_CANDIDATE, deletedAt: new Date() }),
    );
    await denied(create(ACTORS.otherCandidate, draft(OTHER_CANDIDATE)));
  });
  it("a signed-out visitor cannot create an application", () =>
    denied(create(ACTORS.signedOut, draft(OTHER_CANDIDATE))));
  it("a committee member cannot create an application for a candidate", () =>
    denied(create(ACTORS.committee, draft(OWNER))));
});

describe("update", () => {
  const update = (actor: Actor, data: object) => updateDoc(doc(dbAs(world(), actor), `applications/${APP}`), data);

  it("the owner can change the route of a draft", () => allowed(update(ACTORS.owner, { route: "level3-direct" })));
  it("the owner can change the named supervisors of a draft", () =>
    allowed(update(ACTORS.owner, { supervisorIds: [NAMED_SUPERVISOR, "sup-new"] })));
  it.each(["examResultId", "level2CertificationId"])(
    "the owner can set %s of a draft (and not to a path)",
    async (key) => {
      const change =
        key === "examResultId"
          ? (id: string) => ({ examResultId: id })
          : (id: string) => ({ route: "level3-via-level2", examResultId: null, level2CertificationId: id });
      await denied(update(ACTORS.owner, change("a/b")));
      await allowed(update(ACTORS.owner, change(key === "examResultId" ? OWNER_RESIT_EXAM : "cert-1")));
    },
  );
  it("the owner cannot set their application's status", () => denied(update(ACTORS.owner, { status: "submitted" })));

  // supervisorIds: each denial has an allowed twin that differs only in the attribute under test.
  const SUPERVISOR_LISTS: [string, unknown[], unknown[]][] = [
    ["more than five supervisors", ["s1", "s2", "s3", "s4", "s5", "s6"], ["s1", "s2", "s3", "s4", "s5"]],
    ["the same supervisor twice", [NAMED_SUPERVISOR, NAMED_SUPERVISOR], [NAMED_SUPERVISOR, "sup-new"]],
    ["themselves as supervisor", [NAMED_SUPERVISOR, OWNER], [NAMED_SUPERVISOR, "sup-new"]],
    ["a supervisor id that is not a string", [NAMED_SUPERVISOR, 42], [NAMED_SUPERVISOR, "42"]],
    ["a supervisor id that is a map", [{ uid: NAMED_SUPERVISOR }], [NAMED_SUPERVISOR]],
    ["an empty supervisor id", [""], ["x"]],
    ["a supervisor id with a slash", ["sup/named"], ["sup-named"]],
    ["a supervisor id longer than a uid", ["s".repeat(129)], ["s".repeat(128)]],
    ["a fifth element that is not uid-shaped", ["s1", "s2", "s3", "s4", "s 5"], ["s1", "s2", "s3", "s4", "s5"]],
    // Every position is checked, not only the first and the last.
    ["a third element that is not uid-shaped", ["s1", "s2", "s 3", "s4"], ["s1", "s2", "s3", "s4"]],
    ["a fourth element that is not uid-shaped", ["s1", "s2", "s3", "s 4"], ["s1", "s2", "s3", "s4"]],
  ];
  it.each(SUPERVISOR_LISTS)("the owner cannot name %s", (_what, bad) =>
    denied(update(ACTORS.owner, { supervisorIds: bad })),
  );
  it.each(SUPERVISOR_LISTS)("the owner can name the twin list of %s", (_what, _bad, good) =>
    allowed(update(ACTORS.owner, { supervisorIds: good })),
  );
  it("the owner can name no supervisor yet", () => allowed(update(ACTORS.owner, { supervisorIds: [] })));
  it("the owner cannot replace the list of supervisors by a string", () =>
    denied(update(ACTORS.owner, { supervisorIds: NAMED_SUPERVISOR })));
  it("a candidate cannot create a draft that names themselves as supervisor", async () => {
    const create = (ids: string[]) =>
      setDoc(doc(dbAs(world(), ACTORS.otherCandidate), "applications/new-app"), {
        ownerUid: OTHER_CANDIDATE,
        route: "level2",
        status: "draft",
        supervisorIds: ids,
        examResultId: OTHER_CANDIDATE_EXAM,
      });
    await denied(create([OTHER_CANDIDATE]));
    await allowed(create([NAMED_SUPERVISOR]));
  });
  it("the owner cannot mark their application passed", () => denied(update(ACTORS.owner, { status: "passed" })));
  it("the owner cannot assign graders", () => denied(update(ACTORS.owner, { graderUids: [OWNER] })));
  it("the owner cannot grant themselves an extension", () =>
    denied(update(ACTORS.owner, { extensionGrantedUntil: "2030-01-01" })));
  it("the owner cannot hand the application to another candidate", () =>
    denied(update(ACTORS.owner, { ownerUid: OTHER_CANDIDATE })));
  it("the owner cannot add a field the rules do not name", () => denied(update(ACTORS.owner, { eligible: true })));
  it("another candidate cannot update the application", () =>
    denied(update(ACTORS.otherCandidate, { route: "level3-direct" })));
  it("a named supervisor cannot update the application", () =>
    denied(update(ACTORS.namedSupervisor, { route: "level3-direct" })));
  // A change that does not re-check the logbook access, so only ownership refuses it.
  it.each([ACTORS.otherCandidate, ACTORS.namedSupervisor])(
    "$name cannot rename the candidate or change the supervisors (twin: the owner can)",
    async (actor) => {
      await denied(update(actor, { candidateName: "Someone Else" }));
      await denied(update(actor, { supervisorIds: [NAMED_SUPERVISOR] }));
      await allowed(update(ACTORS.owner, { candidateName: "Someone Else" }));
      await allowed(update(ACTORS.owner, { supervisorIds: [NAMED_SUPERVISOR] }));
    },
  );
  it("a committee member cannot set the status directly", () => denied(update(ACTORS.committee, { status: "passed" })));
  it("an admin cannot set the status directly", () => denied(update(ACTORS.admin, { status: "passed" })));
  it("a candidate with a forged role claim cannot set the status", () =>
    denied(update({ name: "forger", uid: OWNER, claims: { role: "candidate-admin" } }, { status: "passed" })));

  it("the owner cannot change the route after submission", async () => {
    await seedWorld(world(), "submitted");
    await denied(update(ACTORS.owner, { route: "level3-direct" }));
  });
  it("the owner can change the route once the committee returns it", async () => {
    await seedWorld(world(), "returned");
    await allowed(update(ACTORS.owner, { route: "level3-direct" }));
  });
});

describe("delete", () => {
  // A draft is deleted together with its tombstone, in one batch.
  const removeWithTombstone = (
    actor: Actor,
    tombstone: object = { ownerUid: actor.uid, deletedAt: serverTimestamp() },
  ) => {
    const db = dbAs(world(), actor);
    const batch = writeBatch(db);
    batch.delete(doc(db, `applications/${APP}`));
    batch.set(doc(db, `deletedApplications/${APP}`), tombstone);
    return batch.commit();
  };
  const remove = (actor: Actor) => deleteDoc(doc(dbAs(world(), actor), `applications/${APP}`));

  it("the owner can delete a draft together with its tombstone", () => allowed(removeWithTombstone(ACTORS.owner)));
  it("the owner cannot delete a draft without its tombstone", () => denied(remove(ACTORS.owner)));
  it("the owner cannot delete a draft with a tombstone in another user's name", () =>
    denied(removeWithTombstone(ACTORS.owner, { ownerUid: OTHER_CANDIDATE, deletedAt: serverTimestamp() })));
  it("the owner cannot delete a draft with a back-dated tombstone", () =>
    denied(removeWithTombstone(ACTORS.owner, { ownerUid: OWNER, deletedAt: new Date("2020-01-01") })));
  it("the owner cannot delete a draft with a tombstone carrying other fields", () =>
    denied(removeWithTombstone(ACTORS.owner, { ownerUid: OWNER, deletedAt: serverTimestamp(), note: "x" })));
  it("another candidate cannot delete the owner's draft, even with a tombstone", () =>
    denied(removeWithTombstone(ACTORS.otherCandidate)));
  it("a committee member cannot delete an application", () => denied(removeWithTombstone(ACTORS.committee)));
  it("the owner cannot delete a submitted application", async () => {
    await seedWorld(world(), "submitted");
    await denied(removeWithTombstone(ACTORS.owner));
  });
  // Twins that differ only in submissionCount, on a draft, so that the denial
  // can only come from the submissionCount clause.
  const seedDraft = (submissionCount: number) =>
    world().withSecurityRulesDisabled((c) =>
      setDoc(doc(c.firestore(), `applications/${APP}`), { ...applicationData("draft"), submissionCount }),
    );
  it("the owner can delete a draft never submitted (submissionCount 0)", async () => {
    await seedDraft(0);
    await allowed(removeWithTombstone(ACTORS.owner));
  });
  it("the owner cannot delete a draft that was once submitted (submissionCount 1)", async () => {
    await seedDraft(1);
    await denied(removeWithTombstone(ACTORS.owner));
  });
  it("the owner cannot delete a returned application that was once submitted", async () => {
    await world().withSecurityRulesDisabled((c) =>
      setDoc(doc(c.firestore(), `applications/${APP}`), { ...applicationData("returned"), submissionCount: 1 }),
    );
    await denied(removeWithTombstone(ACTORS.owner));
  });
});

describe("tombstones of deleted applications", () => {
  const tombstone = (actor: Actor, id = APP) => doc(dbAs(world(), actor), `deletedApplications/${id}`);
  it("the owner cannot write a tombstone for an application they keep", () =>
    denied(setDoc(tombstone(ACTORS.owner), { ownerUid: OWNER, deletedAt: serverTimestamp() })));
  it("a candidate cannot reserve an id that was never used", () =>
    denied(
      setDoc(tombstone(ACTORS.otherCandidate, "unused"), { ownerUid: OTHER_CANDIDATE, deletedAt: serverTimestamp() }),
    ));
  it("the owner can read the tombstone of their deleted application", async () => {
    await world().withSecurityRulesDisabled((c) =>
      setDoc(doc(c.firestore(), "deletedApplications/gone"), { ownerUid: OWNER, deletedAt: new Date() }),
    );
    await allowed(getDoc(tombstone(ACTORS.owner, "gone")));
    await denied(getDoc(tombstone(ACTORS.otherCandidate, "gone")));
  });
  it("nobody can remove a tombstone from a client", async () => {
    await world().withSecurityRulesDisabled((c) =>
      setDoc(doc(c.firestore(), "deletedApplications/gone"), { ownerUid: OWNER, deletedAt: new Date() }),
    );
    await denied(deleteDoc(tombstone(ACTORS.owner, "gone")));
    await denied(updateDoc(tombstone(ACTORS.owner, "gone"), { ownerUid: OTHER_CANDIDATE }));
  });
});

// ---------- web client: the candidate's name for their supervisors ----------
// A supervisor may read the application that names them but never the
// candidate's profile (users.test.ts), so the candidate puts the name they
// show on the application itself. Each denial has an allowed twin.
describe("candidateName", () => {
  const update = (actor: Actor, data: object) => updateDoc(doc(dbAs(world(), actor), `applications/${APP}`), data);
  const create = (data: object) =>
    setDoc(doc(dbAs(world(), ACTORS.otherCandidate), "applications/named-app"), {
      ownerUid: OTHER_CANDIDATE,
      route: "level2",
      status: "draft",
      supervisorIds: [NAMED_SUPERVISOR],
      examResultId: OTHER_CANDIDATE_EXAM,
      ...data,
    });
  const NAMES: [string, unknown, string][] = [
    ["longer than 120 characters", "N".repeat(121), "N".repeat(120)],
    ["empty", "", "N"],
    ["not a string", 42, "42"],
    ["a map", { first: "Alice" }, "Alice"],
  ];
  it.each(NAMES)("the owner cannot set a name %s", (_what, bad) =>
    denied(update(ACTORS.owner, { candidateName: bad })),
  );
  it.each(NAMES)("the owner can set the twin name of %s", (_what, _bad, good) =>
    allowed(update(ACTORS.owner, { candidateName: good })),
  );
  it.each(NAMES)("a candidate cannot create an application with a name %s", (_what, bad) =>
    denied(create({ candidateName: bad })),
  );
  it.each(NAMES)("a candidate can create an application with the twin name of %s", (_what, _bad, good) =>
    allowed(create({ candidateName: good })),
  );
  it("the named supervisor reads the name on the application, not the candidate's profile", async () => {
    await world().withSecurityRulesDisabled((c) =>
      updateDoc(doc(c.firestore(), `applications/${APP}`), { candidateName: "Olive Owner" }),
    );
    const db = dbAs(world(), ACTORS.namedSupervisor);
    await allowed(getDoc(doc(db, `applications/${APP}`)));
    await denied(getDoc(doc(db, `users/${OWNER}`)));
  });
  it("another supervisor cannot read the name (nor the application)", async () => {
    await denied(getDoc(doc(dbAs(world(), ACTORS.otherSupervisor), `applications/${APP}`)));
    await allowed(getDoc(doc(dbAs(world(), ACTORS.namedSupervisor), `applications/${APP}`)));
  });
  it("the owner cannot change the name once the logbook is submitted", async () => {
    await seedWorld(world(), "submitted");
    await denied(update(ACTORS.owner, { candidateName: "Someone Else" }));
  });
  it("the owner can change the name while the logbook is returned", async () => {
    await seedWorld(world(), "returned");
    await allowed(update(ACTORS.owner, { candidateName: "Someone Else" }));
  });
});
