// What is left under a deleted application (before the onApplicationDeleted
// trigger has removed it, or if it failed): only the owner named on the
// tombstone may read and delete it.
import { collection, deleteDoc, doc, getDoc, getDocs, setDoc } from "firebase/firestore";
import { beforeEach, describe, it } from "vitest";
import {
  ACTORS,
  allowed,
  APP,
  dbAs,
  denied,
  NAMED_SUPERVISOR,
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
  it("another candidate cannot read a leftover case", () =>
    denied(getDoc(leftover(ACTORS.otherCandidate, "cases/case-1"))));
  it("the named supervisor cannot delete the leftover declaration", () =>
    denied(deleteDoc(leftover(ACTORS.namedSupervisor, `declarations/${NAMED_SUPERVISOR}`))));
  it("the owner cannot add a case under the deleted application", () =>
    denied(setDoc(leftover(ACTORS.owner, "cases/case-2"), validCase())));
});

describe("leftovers of an application deleted without a tombstone", () => {
  beforeEach(() => deleteApplicationOnly(false));
  it("the owner cannot prove the leftovers are theirs, so cannot delete them", () =>
    denied(deleteDoc(leftover(ACTORS.owner, "cases/case-1"))));
});
