// The sub-collections of an application: cases, cme, training, recognition,
// declarations, and the server-written validation and snapshots.
import { collection, deleteDoc, doc, getDoc, getDocs, setDoc, updateDoc } from "firebase/firestore";
import { beforeEach, describe, it } from "vitest";
import {
  ACTORS,
  allowed,
  APP,
  dbAs,
  denied,
  NAMED_SUPERVISOR,
  OTHER_SUPERVISOR,
  useRulesWorld,
  seedWorld,
  validCase,
  validCme,
  validRecognition,
  validTraining,
  type Actor,
} from "./setup.js";

const world = useRulesWorld();

const write = (actor: Actor, path: string, data: object) =>
  setDoc(doc(dbAs(world(), actor), `applications/${APP}/${path}`), data);
const read = (actor: Actor, path: string) => getDoc(doc(dbAs(world(), actor), `applications/${APP}/${path}`));

describe("cases: reading", () => {
  it.each([ACTORS.owner, ACTORS.namedSupervisor, ACTORS.assignedGrader, ACTORS.committee])(
    "$name can read a case",
    (actor) => allowed(read(actor, "cases/case-1")),
  );
  it.each([ACTORS.signedOut, ACTORS.otherCandidate, ACTORS.otherSupervisor, ACTORS.otherGrader, ACTORS.admin])(
    "$name cannot read a case",
    (actor) => denied(read(actor, "cases/case-1")),
  );
  it("the owner can list the cases", () =>
    allowed(getDocs(collection(dbAs(world(), ACTORS.owner), `applications/${APP}/cases`))));
  it("another candidate cannot list the cases", () =>
    denied(getDocs(collection(dbAs(world(), ACTORS.otherCandidate), `applications/${APP}/cases`))));
});

describe("cases: writing", () => {
  it("the owner can add a valid case", () => allowed(write(ACTORS.owner, "cases/case-2", validCase())));
  it("the owner can delete a case of a draft", () =>
    allowed(deleteDoc(doc(dbAs(world(), ACTORS.owner), `applications/${APP}/cases/case-1`))));
  it("another candidate cannot add a case", () => denied(write(ACTORS.otherCandidate, "cases/case-2", validCase())));
  it("a named supervisor cannot add a case", () => denied(write(ACTORS.namedSupervisor, "cases/case-2", validCase())));
  it("a committee member cannot add a case", () => denied(write(ACTORS.committee, "cases/case-2", validCase())));
  it("a signed-out visitor cannot add a case", () => denied(write(ACTORS.signedOut, "cases/case-2", validCase())));

  const INVALID: [string, object][] = [
    ["an extra field", { ...validCase(), patientName: "x" }],
    ["a missing field", (({ studyDate: _d, ...rest }) => rest)(validCase())],
    ["a date in another format", { ...validCase(), studyDate: "04/03/2025" }],
    ["an impossible month", { ...validCase(), studyDate: "2025-13-01" }],
    ["an unknown category", { ...validCase(), category: "brain" }],
    ["a text where a boolean belongs", { ...validCase(), normal: "no" }],
    ["an unknown role", { ...validCase(), role: "spectator" }],
    ["an unknown congenital lesion", { ...validCase(), category: "congenital", congenitalLesion: "mystery" }],
    ["an oversized course id", { ...validCase(), source: "course", courseId: "c".repeat(101) }],
    ["a patient reference that is an e-mail address", { ...validCase(), patientRef: "jane@example.org" }],
    ["a patient reference with a long digit run", { ...validCase(), patientRef: "pt-1234567" }],
    ["a patient reference shaped like a date of birth", { ...validCase(), patientRef: "pt-02.04.1961" }],
    ["a patient reference that is a name", { ...validCase(), patientRef: "Jean Dupont" }],
    ["an oversized patient reference", { ...validCase(), patientRef: "p".repeat(41) }],
  ];
  it.each(INVALID)("the owner cannot add a case with %s", (_what, data) =>
    denied(write(ACTORS.owner, "cases/case-2", data)),
  );

  it("the owner cannot make a valid case invalid by an update (create-valid-then-update-invalid)", async () => {
    await allowed(write(ACTORS.owner, "cases/case-2", validCase()));
    await denied(
      updateDoc(doc(dbAs(world(), ACTORS.owner), `applications/${APP}/cases/case-2`), { patientRef: "Jean Dupont" }),
    );
    await denied(updateDoc(doc(dbAs(world(), ACTORS.owner), `applications/${APP}/cases/case-2`), { extra: true }));
  });
});

describe("after submission", () => {
  beforeEach(() => seedWorld(world(), "submitted"));
  it("the owner cannot add a case", () => denied(write(ACTORS.owner, "cases/case-2", validCase())));
  it("the owner cannot edit a case", () =>
    denied(updateDoc(doc(dbAs(world(), ACTORS.owner), `applications/${APP}/cases/case-1`), { normal: true })));
  it("the owner cannot delete a case", () =>
    denied(deleteDoc(doc(dbAs(world(), ACTORS.owner), `applications/${APP}/cases/case-1`))));
  it("the owner cannot add CME", () => denied(write(ACTORS.owner, "cme/cme-2", validCme())));
  it("the owner cannot edit training", () =>
    denied(write(ACTORS.owner, "training/tr-1", { ...validTraining(), hoursPerWeek: 50 })));
  it("the owner cannot add peer recognition", () =>
    denied(write(ACTORS.owner, "recognition/rec-2", validRecognition())));
  it("the named supervisor cannot change the declaration", () =>
    denied(write(ACTORS.namedSupervisor, `declarations/${NAMED_SUPERVISOR}`, { signedOn: "2025-07-01" })));
  it("the owner can still read the cases", () => allowed(read(ACTORS.owner, "cases/case-1")));
});

describe("CME, training and peer recognition", () => {
  it("the owner can add a valid CME entry", () => allowed(write(ACTORS.owner, "cme/cme-2", validCme())));
  it("the owner cannot add CME with negative credits", () =>
    denied(write(ACTORS.owner, "cme/cme-2", { ...validCme(), credits: -1 })));
  it("the owner cannot add CME with absurd credits", () =>
    denied(write(ACTORS.owner, "cme/cme-2", { ...validCme(), credits: 5000 })));
  it("the owner cannot add CME ending before it starts", () =>
    denied(write(ACTORS.owner, "cme/cme-2", { ...validCme(), endDate: "2025-04-01" })));
  it("the owner cannot add CME of an unknown kind", () =>
    denied(write(ACTORS.owner, "cme/cme-2", { ...validCme(), kind: "podcast" })));
  it("the owner cannot add CME with an oversized title", () =>
    denied(write(ACTORS.owner, "cme/cme-2", { ...validCme(), title: "t".repeat(201) })));
  it("the owner can add a valid training period", () => allowed(write(ACTORS.owner, "training/tr-2", validTraining())));
  it("the owner cannot add training with 200 hours a week", () =>
    denied(write(ACTORS.owner, "training/tr-2", { ...validTraining(), hoursPerWeek: 200 })));
  it("the owner cannot add training with an extra field", () =>
    denied(write(ACTORS.owner, "training/tr-2", { ...validTraining(), approved: true })));
  it("the owner can add a publication", () => allowed(write(ACTORS.owner, "recognition/rec-2", validRecognition())));
  it("the owner cannot add recognition of an unknown kind", () =>
    denied(write(ACTORS.owner, "recognition/rec-2", { ...validRecognition(), kind: "tweet" })));
  it("another candidate cannot read the CME", () => denied(read(ACTORS.otherCandidate, "cme/cme-1")));
});

describe("declarations", () => {
  const declaration = { signedOn: "2025-06-02", statement: "Under my direct supervision." };
  it("the named supervisor can sign their declaration", () =>
    allowed(write(ACTORS.namedSupervisor, `declarations/${NAMED_SUPERVISOR}`, declaration)));
  it("the owner cannot forge the supervisor's declaration", () =>
    denied(write(ACTORS.owner, `declarations/${NAMED_SUPERVISOR}`, declaration)));
  it("a supervisor not named on the application cannot sign", () =>
    denied(write(ACTORS.otherSupervisor, `declarations/${OTHER_SUPERVISOR}`, declaration)));
  it("a named supervisor cannot sign in another supervisor's name", () =>
    denied(write(ACTORS.namedSupervisor, `declarations/${OTHER_SUPERVISOR}`, declaration)));
  it("a named user missing from the supervisors registry cannot sign", async () => {
    await world().withSecurityRulesDisabled((c) => deleteDoc(doc(c.firestore(), `supervisors/${NAMED_SUPERVISOR}`)));
    await denied(write(ACTORS.namedSupervisor, `declarations/${NAMED_SUPERVISOR}`, declaration));
  });
  it("a declaration with extra fields is refused", () =>
    denied(write(ACTORS.namedSupervisor, `declarations/${NAMED_SUPERVISOR}`, { ...declaration, level: 3 })));
  it("the named supervisor can read the logbook", () => allowed(read(ACTORS.namedSupervisor, "training/tr-1")));
});

describe("server-written report and snapshots", () => {
  it("the owner can read the live report", () => allowed(read(ACTORS.owner, "validation/current")));
  it("the owner cannot forge the live report", () =>
    denied(write(ACTORS.owner, "validation/current", { eligible: true, findings: [] })));
  it("a committee member cannot write the live report", () =>
    denied(write(ACTORS.committee, "validation/current", { eligible: true })));
  it("an admin cannot write the live report", () =>
    denied(write(ACTORS.admin, "validation/current", { eligible: true })));
  it("the owner can read a snapshot", () => allowed(read(ACTORS.owner, "snapshots/1")));
  it("the owner cannot rewrite a snapshot", () =>
    denied(write(ACTORS.owner, "snapshots/1", { submission: 1, report: {} })));
  it("the owner cannot delete a snapshot", () =>
    denied(deleteDoc(doc(dbAs(world(), ACTORS.owner), `applications/${APP}/snapshots/1`))));
  it("another candidate cannot read the live report", () => denied(read(ACTORS.otherCandidate, "validation/current")));
});
