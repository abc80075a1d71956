// What is left under a deleted application (before the onApplicationDeleted
// trigger has removed it, or if it failed): only the owner named on the
// tombstone may read and delete it. Every denial has an allowed twin that
// differs only in the attribute under test.
import { collection, deleteDoc, doc, getDoc, getDocs, setDoc } from "firebase/firestore";
import { beforeEach, describe, it } from "vitest";
import {
  ACTORS,
  allowed,
  APP,
  applicationData,
  dbAs,
  denied,
  NAMED_SUPERVISOR,
  OTHER_CANDIDATE,
  OWNER,
  useRulesWorld,
  validCase,
  type Actor,
} from "./setup.js";

const world = useRulesWorld();

/** The seeded application is gone, its sub-collections are not. */
const deleteApplicationOnly = (tombstone: boolean) =>
  world().withSecurityRulesDisabled(async (c) => {
    await deleteDoc(doc(c.firestore(), `applications/${APP}`));
    if (tombstone) {
      await setDoc(doc(c.firestore(), `deletedApplications/${APP}`), { ownerUid: OWNER, deletedAt: new Date() });
    }
  });

const leftover = (actor: Actor, path: string) => doc(dbAs(world(), actor), `applications/${APP}/${path}`);
const PARTS = ["cases/case-1", "cme/cme-1", "training/tr-1", "recognition/rec-1", `declarations/${NAMED_SUPERVISOR}`];

describe("leftovers of a deleted application with a tombstone", () => {
  beforeEach(() => deleteApplicationOnly(true));

  it.each(PARTS)("the owner can delete the leftover %s", (path) => allowed(deleteDoc(leftover(ACTORS.owner, path))));
  it.each(PARTS)("another candidate cannot delete the leftover %s", (path) =>
    denied(deleteDoc(leftover(ACTORS.otherCandidate, path))),
  );
  it("the owner can list the leftover cases to find them", () =>
    allowed(getDocs(collection(dbAs(world(), ACTORS.owner), `applications/${APP}/cases`))));
  it.each(PARTS)("another candidate cannot read the leftover %s; the owner can (twin)", async (path) => {
    await denied(getDoc(leftover(ACTORS.otherCandidate, path)));
    await allowed(getDoc(leftover(ACTORS.owner, path)));
  });
  it("the named supervisor cannot delete the leftover declaration (twin: the owner can)", async () => {
    await denied(deleteDoc(leftover(ACTORS.namedSupervisor, `declarations/${NAMED_SUPERVISOR}`)));
    await allowed(deleteDoc(leftover(ACTORS.owner, `declarations/${NAMED_SUPERVISOR}`)));
  });
  it("the owner cannot add a case under the deleted application (twin: the same case once the draft is back)", async () => {
    await denied(setDoc(leftover(ACTORS.owner, "cases/case-2"), validCase()));
    await world().withSecurityRulesDisabled((c) =>
      setDoc(doc(c.firestore(), `applications/${APP}`), applicationData()),
    );
    await allowed(setDoc(leftover(ACTORS.owner, "cases/case-2"), validCase()));
  });
  it("a tombstone naming another candidate gives the owner nothing (twin: the tombstone naming the owner)", async () => {
    const tombstone = (ownerUid: string) =>
      world().withSecurityRulesDisabled((c) =>
        setDoc(doc(c.firestore(), `deletedApplications/${APP}`), { ownerUid, deletedAt: new Date() }),
      );
    await tombstone(OTHER_CANDIDATE);
    await denied(deleteDoc(leftover(ACTORS.owner, "cases/case-1")));
    await tombstone(OWNER);
    await allowed(deleteDoc(leftover(ACTORS.owner, "cases/case-1")));
  });
});

describe("the tombstone does not open what is still there", () => {
  it("a tombstone naming another candidate, beside a live application, lets them delete nothing (twin: the application gone)", async () => {
    await world().withSecurityRulesDisabled((c) =>
      setDoc(doc(c.firestore(), `deletedApplications/${APP}`), { ownerUid: OTHER_CANDIDATE, deletedAt: new Date() }),
    );
    await denied(deleteDoc(leftover(ACTORS.otherCandidate, "cases/case-1")));
    await denied(getDoc(leftover(ACTORS.otherCandidate, "cases/case-1")));
    await world().withSecurityRulesDisabled((c) => deleteDoc(doc(c.firestore(), `applications/${APP}`)));
    await allowed(getDoc(leftover(ACTORS.otherCandidate, "cases/case-1")));
    await allowed(deleteDoc(leftover(ACTORS.otherCandidate, "cases/case-1")));
  });
});

describe("leftovers of an application deleted without a tombstone", () => {
  beforeEach(() => deleteApplicationOnly(false));
  it("the owner cannot prove the leftovers are theirs, so cannot delete them (twin: with the tombstone)", async () => {
    await denied(deleteDoc(leftover(ACTORS.owner, "cases/case-1")));
    await world().withSecurityRulesDisabled((c) =>
      setDoc(doc(c.firestore(), `deletedApplications/${APP}`), { ownerUid: OWNER, deletedAt: new Date() }),
    );
    await allowed(deleteDoc(leftover(ACTORS.owner, "cases/case-1")));
  });
});
