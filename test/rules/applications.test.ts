// applications/{appId}: who may get, list, create, update and delete.
import { collection, deleteDoc, doc, getDoc, getDocs, query, setDoc, updateDoc, where } from "firebase/firestore";
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
  OWNER,
  useRulesWorld,
  seedWorld,
  type Actor,
} from "./setup.js";

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
  it("a candidate cannot name more than five supervisors", () =>
    denied(
      create(ACTORS.otherCandidate, { ...draft(OTHER_CANDIDATE), supervisorIds: ["a", "b", "c", "d", "e", "f"] }),
    ));
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
  it("the owner cannot set their application's status", () => denied(update(ACTORS.owner, { status: "submitted" })));
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
  const remove = (actor: Actor) => deleteDoc(doc(dbAs(world(), actor), `applications/${APP}`));
  it("the owner can delete a draft", () => allowed(remove(ACTORS.owner)));
  it("another candidate cannot delete the owner's draft", () => denied(remove(ACTORS.otherCandidate)));
  it("a committee member cannot delete an application", () => denied(remove(ACTORS.committee)));
  it("the owner cannot delete a submitted application", async () => {
    await seedWorld(world(), "submitted");
    await denied(remove(ACTORS.owner));
  });
  it("the owner cannot delete a returned application that was once submitted", async () => {
    await world().withSecurityRulesDisabled((c) =>
      setDoc(doc(c.firestore(), `applications/${APP}`), { ...applicationData("returned"), submissionCount: 1 }),
    );
    await denied(remove(ACTORS.owner));
  });
});
