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
  onClockEdge,
  OTHER_SUPERVISOR,
  OWNER,
  SECOND_SUPERVISOR,
  useRulesWorld,
  utcDay,
  seedWorld,
  validCase,
  validCme,
  validRecognition,
  validTraining,
  type Actor,
} from "./setup.js";
import { PATIENT_REF_EXAMPLES } from "../../functions/src/logbook/domain/patient-ref.js";
import {
  caseSchema,
  CME_KINDS,
  CONGENITAL_LESIONS,
  peerRecognitionSchema,
} from "../../functions/src/logbook/domain/schema.js";
import { CASE_CATEGORIES } from "../../functions/src/platform/domain/programme.js";

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

const LOGBOOK_PARTS = ["cases/case-1", "cme/cme-1", "training/tr-1", "recognition/rec-1"];

describe("cases: writing", () => {
  it("the owner can add a valid case", () => allowed(write(ACTORS.owner, "cases/case-2", validCase())));
  // Every part of the logbook, each deletion beside its refusal after submission (below).
  it.each(LOGBOOK_PARTS)("the owner can delete %s of a draft", (path) =>
    allowed(deleteDoc(doc(dbAs(world(), ACTORS.owner), `applications/${APP}/${path}`))),
  );
  it.each(LOGBOOK_PARTS)("another candidate cannot delete %s of the draft (twin: the owner can)", (path) =>
    denied(deleteDoc(doc(dbAs(world(), ACTORS.otherCandidate), `applications/${APP}/${path}`))),
  );
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
  ];
  it.each(INVALID)("the owner cannot add a case with %s", (_what, data) =>
    denied(write(ACTORS.owner, "cases/case-2", data)),
  );

  // Every optional field of the case allowlist is written by an allowed test,
  // so removing one from the allowlist is caught.
  it("the owner can add a case with every optional field", () =>
    allowed(
      write(ACTORS.owner, "cases/case-2", {
        ...validCase(),
        category: "congenital",
        source: "course",
        courseId: "course-1",
        fullReview: true,
        clinicalChange: true,
        congenitalLesion: "fontan",
      }),
    ));
  it("the owner can add a case with clinicalChange false", () =>
    allowed(write(ACTORS.owner, "cases/case-2", { ...validCase(), clinicalChange: false })));
  it("the owner cannot add a case whose clinicalChange is not a boolean (twin: false is allowed above)", () =>
    denied(write(ACTORS.owner, "cases/case-2", { ...validCase(), clinicalChange: "yes" })));
  // Member by member from the list the engine parses (schema.ts).
  it.each([...CONGENITAL_LESIONS, null])("the owner can add a congenital case with lesion %s", (congenitalLesion) =>
    allowed(write(ACTORS.owner, "cases/case-2", { ...validCase(), category: "congenital", congenitalLesion })),
  );

  // The allowed twins of the refusals above, and every member of each
  // enumeration, from the lists the engine parses (programme.ts, schema.ts).
  it.each(CASE_CATEGORIES)("the owner can add a case of category %s", (category) =>
    allowed(write(ACTORS.owner, "cases/case-2", { ...validCase(), category })),
  );
  it.each(caseSchema.shape.source.options)("the owner can add a case from source %s", (source) =>
    allowed(write(ACTORS.owner, "cases/case-2", { ...validCase(), source })),
  );
  it("the owner cannot add a case from a source not in the list (twin: each source above)", () =>
    denied(write(ACTORS.owner, "cases/case-2", { ...validCase(), source: "internet" })));
  it.each(caseSchema.shape.role.options)("the owner can add a case in the role %s", (role) =>
    allowed(write(ACTORS.owner, "cases/case-2", { ...validCase(), role })),
  );
  it.each([true, false])("the owner can add a case with normal and presentInControlRoom %s", (flag) =>
    allowed(write(ACTORS.owner, "cases/case-2", { ...validCase(), normal: flag, presentInControlRoom: flag })),
  );
  it("the owner can add a case with a course id of 100 characters (twin of 101)", () =>
    allowed(write(ACTORS.owner, "cases/case-2", { ...validCase(), source: "course", courseId: "c".repeat(100) })));
  it("the owner can add a case with a null course id and no full review", () =>
    allowed(write(ACTORS.owner, "cases/case-2", { ...validCase(), courseId: null, fullReview: false })));
  it("the owner cannot add a case whose fullReview is not a boolean (twin: false is allowed above)", () =>
    denied(write(ACTORS.owner, "cases/case-2", { ...validCase(), fullReview: "yes" })));
  it("the owner cannot add a case whose presentInControlRoom is not a boolean", () =>
    denied(write(ACTORS.owner, "cases/case-2", { ...validCase(), presentInControlRoom: "yes" })));
  it("the owner cannot add a case whose supervisor id is a path (twin: the valid case)", () =>
    denied(write(ACTORS.owner, "cases/case-2", { ...validCase(), supervisorId: "sup/named" })));
  it("the owner cannot add a case under an id that is not a document id", () =>
    denied(write(ACTORS.owner, "cases/case 2", validCase())));

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
  it.each(LOGBOOK_PARTS)("the owner cannot delete %s", (path) =>
    denied(deleteDoc(doc(dbAs(world(), ACTORS.owner), `applications/${APP}/${path}`))),
  );
  it("the owner cannot add CME", () => denied(write(ACTORS.owner, "cme/cme-2", validCme())));
  it("the owner cannot edit training", () =>
    denied(write(ACTORS.owner, "training/tr-1", { ...validTraining(), hoursPerWeek: 50 })));
  it("the owner cannot add peer recognition", () =>
    denied(write(ACTORS.owner, "recognition/rec-2", validRecognition())));
  it("the named supervisor cannot change the declaration", () =>
    denied(write(ACTORS.namedSupervisor, `declarations/${NAMED_SUPERVISOR}`, { signedOn: utcDay() })));
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
  // Twins of the CME refusals above: the limits themselves are allowed.
  it.each([0, 1000])("the owner can add CME with %s credits", (credits) =>
    allowed(write(ACTORS.owner, "cme/cme-2", { ...validCme(), credits })),
  );
  it("the owner can add CME ending on the day it starts", () =>
    allowed(write(ACTORS.owner, "cme/cme-2", { ...validCme(), endDate: validCme().startDate })));
  it("the owner can add CME with a title of 200 characters", () =>
    allowed(write(ACTORS.owner, "cme/cme-2", { ...validCme(), title: "t".repeat(200) })));
  it("the owner cannot add CME with an empty title", () =>
    denied(write(ACTORS.owner, "cme/cme-2", { ...validCme(), title: "" })));
  it.each(CME_KINDS)("the owner can add CME of kind %s", (kind) =>
    allowed(write(ACTORS.owner, "cme/cme-2", { ...validCme(), kind })),
  );
  // Every optional field of the CME allowlist, at both ends of its range.
  it.each([1, 10])("the owner can add CME with every optional field (%s modalities)", (modalities) =>
    allowed(
      write(ACTORS.owner, "cme/cme-2", { ...validCme(), catalogueId: null, modalities, cmrComponentCredits: 1000 }),
    ),
  );
  it.each([0, 11, 2.5])("the owner cannot add CME with %s modalities", (modalities) =>
    denied(write(ACTORS.owner, "cme/cme-2", { ...validCme(), modalities })),
  );
  it.each([-1, 1001])("the owner cannot add CME with %s CMR component credits", (cmrComponentCredits) =>
    denied(write(ACTORS.owner, "cme/cme-2", { ...validCme(), cmrComponentCredits })),
  );
  it("the owner can add CME with 0 CMR component credits", () =>
    allowed(write(ACTORS.owner, "cme/cme-2", { ...validCme(), cmrComponentCredits: 0 })));
  it("the owner cannot add CME with a catalogue id that is a path", () =>
    denied(write(ACTORS.owner, "cme/cme-2", { ...validCme(), catalogueId: "a/b" })));
  it("the owner cannot add CME without its certificate field (twin: null is allowed)", () =>
    denied(write(ACTORS.owner, "cme/cme-2", (({ certificateId: _c, ...rest }) => rest)(validCme()))));
  it("the owner cannot add CME with an extra field", () =>
    denied(write(ACTORS.owner, "cme/cme-2", { ...validCme(), approved: true })));
  it("the owner can add a valid training period", () => allowed(write(ACTORS.owner, "training/tr-2", validTraining())));
  it("the owner cannot add training with 200 hours a week", () =>
    denied(write(ACTORS.owner, "training/tr-2", { ...validTraining(), hoursPerWeek: 200 })));
  it("the owner cannot add training ending before it starts", () =>
    denied(write(ACTORS.owner, "training/tr-2", { ...validTraining(), start: "2025-01-02", end: "2025-01-01" })));
  it("the owner can add training ending on the day it starts (the twin)", () =>
    allowed(write(ACTORS.owner, "training/tr-2", { ...validTraining(), start: "2025-01-01", end: "2025-01-01" })));
  it("the owner cannot add training with an extra field", () =>
    denied(write(ACTORS.owner, "training/tr-2", { ...validTraining(), approved: true })));
  it.each([0.5, 168])("the owner can add training with %s hours a week (twin of the limits)", (hoursPerWeek) =>
    allowed(write(ACTORS.owner, "training/tr-2", { ...validTraining(), hoursPerWeek })),
  );
  it("the owner cannot add training with 0.4 hours a week", () =>
    denied(write(ACTORS.owner, "training/tr-2", { ...validTraining(), hoursPerWeek: 0.4 })));
  it("the owner cannot add training whose supervisor id is a path (twin: the valid period)", async () => {
    await denied(write(ACTORS.owner, "training/tr-2", { ...validTraining(), supervisorId: "sup/named" }));
    await allowed(write(ACTORS.owner, "training/tr-2", validTraining()));
  });
  it("the owner cannot add training without a supervisor", () =>
    denied(write(ACTORS.owner, "training/tr-2", (({ supervisorId: _s, ...rest }) => rest)(validTraining()))));
  it("the owner can add a publication", () => allowed(write(ACTORS.owner, "recognition/rec-2", validRecognition())));
  it("the owner cannot add recognition of an unknown kind", () =>
    denied(write(ACTORS.owner, "recognition/rec-2", { ...validRecognition(), kind: "tweet" })));
  it.each(peerRecognitionSchema.shape.kind.options)("the owner can add peer recognition of kind %s", (kind) =>
    allowed(write(ACTORS.owner, "recognition/rec-2", { ...validRecognition(), kind })),
  );
  it("the owner can add peer recognition with every optional field", () =>
    allowed(
      write(ACTORS.owner, "recognition/rec-2", {
        kind: "oral-presentation",
        date: "2024-02-01",
        title: "t".repeat(300),
        isAbstract: true,
        firstAuthor: true,
        presentedInPerson: false,
        moderatedPoster: true,
        evidenceId: "ev-1",
      }),
    ));
  it("the owner can add peer recognition with only its kind and date", () =>
    allowed(write(ACTORS.owner, "recognition/rec-2", { kind: "publication", date: "2024-02-01" })));
  const RECOGNITION_INVALID: [string, object][] = [
    ["a title of 301 characters", { title: "t".repeat(301) }],
    ["a text firstAuthor", { firstAuthor: "yes" }],
    ["a text presentedInPerson", { presentedInPerson: "yes" }],
    ["a text moderatedPoster", { moderatedPoster: "yes" }],
    ["a text isAbstract", { isAbstract: "yes" }],
    ["an extra field", { impactFactor: 12 }],
  ];
  it.each(RECOGNITION_INVALID)("the owner cannot add peer recognition with %s", (_what, change) =>
    denied(write(ACTORS.owner, "recognition/rec-2", { ...validRecognition(), ...change })),
  );
  it("the owner cannot add peer recognition without a date", () =>
    denied(write(ACTORS.owner, "recognition/rec-2", { kind: "publication" })));
  it("another candidate cannot read the CME", () => denied(read(ACTORS.otherCandidate, "cme/cme-1")));
  // Each part: read by those who read the application, refused to another candidate (the twin: same document).
  const PARTS: [string, string, object][] = [
    ["cme/cme-1", "cme", validCme()],
    ["training/tr-1", "training", validTraining()],
    ["recognition/rec-1", "recognition", validRecognition()],
  ];
  it.each(PARTS)(
    "%s: read by the owner, a named supervisor, an assigned grader, the committee; not another candidate",
    async (path) => {
      for (const actor of [ACTORS.owner, ACTORS.namedSupervisor, ACTORS.assignedGrader, ACTORS.committee]) {
        await allowed(read(actor, path));
      }
      await denied(read(ACTORS.otherCandidate, path));
    },
  );
  it.each(PARTS)(
    "%s: stored under a document id only (twin: the same entry under a plain id)",
    async (_path, part, data) => {
      await denied(write(ACTORS.owner, `${part}/${part} 2`, data));
      await allowed(write(ACTORS.owner, `${part}/${part}-2`, data));
    },
  );
});

describe("declarations", () => {
  const sign = (actor: Actor, supervisorId: string, data: object) => write(actor, `declarations/${supervisorId}`, data);
  const today = () => ({ signedOn: utcDay(), statement: "Under my direct supervision." });
  const setLevel3 = (level3From: string, level3Until: string | null) =>
    world().withSecurityRulesDisabled((c) =>
      setDoc(doc(c.firestore(), `supervisors/${NAMED_SUPERVISOR}`), {
        name: "Dr Named",
        body: "EACVI",
        level3From,
        level3Until,
      }),
    );

  it("the named supervisor can sign their declaration dated today", () =>
    allowed(sign(ACTORS.namedSupervisor, NAMED_SUPERVISOR, today())));
  it("the named supervisor cannot back-date their declaration", () =>
    denied(sign(ACTORS.namedSupervisor, NAMED_SUPERVISOR, { ...today(), signedOn: utcDay(-2) })));
  it("the named supervisor cannot date their declaration in the future", () =>
    denied(sign(ACTORS.namedSupervisor, NAMED_SUPERVISOR, { ...today(), signedOn: utcDay(2) })));
  // The client's today may be its local date from UTC-12 to UTC+14 (isToday). Always true, whatever the hour;
  // they tell a dropped bound apart only at some hours (the README's rules-mutation section says which).
  it.each([
    ["the earliest time zone (UTC-12)", -12, -1],
    ["the latest time zone (UTC+14)", 14, 1],
  ])("the named supervisor can sign with the date of %s, not a day beyond it (twin)", (_zone, hours, beyond) =>
    onClockEdge(world(), hours, async (day, shifted) => {
      await denied(sign(ACTORS.namedSupervisor, NAMED_SUPERVISOR, { ...today(), signedOn: shifted(beyond) }));
      await allowed(sign(ACTORS.namedSupervisor, NAMED_SUPERVISOR, { ...today(), signedOn: day }));
    }),
  );
  it.each([
    ["an empty statement", "", "U"],
    ["a statement over 2,000 characters", "s".repeat(2001), "s".repeat(2000)],
    ["a statement that is not a text", 42, "42"],
  ])("the named supervisor cannot sign with %s (twin allowed)", async (_what, bad, good) => {
    await denied(sign(ACTORS.namedSupervisor, NAMED_SUPERVISOR, { ...today(), statement: bad }));
    await allowed(sign(ACTORS.namedSupervisor, NAMED_SUPERVISOR, { ...today(), statement: good }));
  });
  it("the named supervisor can sign with a date and no statement", () =>
    allowed(sign(ACTORS.namedSupervisor, NAMED_SUPERVISOR, { signedOn: utcDay() })));
  it("the named supervisor cannot sign without a date", () =>
    denied(sign(ACTORS.namedSupervisor, NAMED_SUPERVISOR, { statement: "Under my direct supervision." })));
  it("a supervisor whose Level 3 ended yesterday cannot sign", async () => {
    await setLevel3("2015-01-01", utcDay(-1));
    await denied(sign(ACTORS.namedSupervisor, NAMED_SUPERVISOR, today()));
  });
  it("a supervisor whose Level 3 ends next year can sign", async () => {
    await setLevel3("2015-01-01", utcDay(365));
    await allowed(sign(ACTORS.namedSupervisor, NAMED_SUPERVISOR, today()));
  });
  it("a supervisor whose Level 3 starts next week cannot sign", async () => {
    await setLevel3(utcDay(7), null);
    await denied(sign(ACTORS.namedSupervisor, NAMED_SUPERVISOR, today()));
  });
  it("a supervisor whose Level 3 started last week can sign", async () => {
    await setLevel3(utcDay(-7), null);
    await allowed(sign(ACTORS.namedSupervisor, NAMED_SUPERVISOR, today()));
  });
  it("a supervisor signs on the first and on the last day of their Level 3, not the day before or after (twins)", () =>
    onClockEdge(world(), 0, async (day, shifted) => {
      const signToday = () => sign(ACTORS.namedSupervisor, NAMED_SUPERVISOR, { ...today(), signedOn: day });
      await setLevel3(shifted(1), null);
      await denied(signToday());
      await setLevel3(day, null);
      await allowed(signToday());
      await setLevel3("2015-01-01", shifted(-1));
      await denied(signToday());
      await setLevel3("2015-01-01", day);
      await allowed(signToday());
    }));
  it("the owner cannot forge the supervisor's declaration", () =>
    denied(sign(ACTORS.owner, NAMED_SUPERVISOR, today())));
  it("a supervisor not named on the application cannot sign", () =>
    denied(sign(ACTORS.otherSupervisor, OTHER_SUPERVISOR, today())));
  it("a named supervisor cannot sign in another supervisor's name", () =>
    denied(sign(ACTORS.namedSupervisor, OTHER_SUPERVISOR, today())));
  it("a named user missing from the supervisors registry cannot sign", async () => {
    await world().withSecurityRulesDisabled((c) => deleteDoc(doc(c.firestore(), `supervisors/${NAMED_SUPERVISOR}`)));
    await denied(sign(ACTORS.namedSupervisor, NAMED_SUPERVISOR, today()));
  });
  it("a candidate named as their own supervisor cannot sign their own declaration", async () => {
    await world().withSecurityRulesDisabled(async (c) => {
      await setDoc(doc(c.firestore(), `supervisors/${OWNER}`), { name: "Me", body: "EACVI", level3From: "2015-01-01" });
      await updateDoc(doc(c.firestore(), `applications/${APP}`), { supervisorIds: [NAMED_SUPERVISOR, OWNER] });
    });
    await denied(sign(ACTORS.owner, OWNER, today()));
    await allowed(sign(ACTORS.namedSupervisor, NAMED_SUPERVISOR, today()));
  });
  it("a declaration with extra fields is refused", () =>
    denied(sign(ACTORS.namedSupervisor, NAMED_SUPERVISOR, { ...today(), level: 3 })));
  it("the named supervisor can delete their declaration of a draft", () =>
    allowed(
      deleteDoc(doc(dbAs(world(), ACTORS.namedSupervisor), `applications/${APP}/declarations/${NAMED_SUPERVISOR}`)),
    ));
  it("a named supervisor cannot delete another supervisor's declaration", () =>
    denied(
      deleteDoc(doc(dbAs(world(), ACTORS.secondSupervisor), `applications/${APP}/declarations/${NAMED_SUPERVISOR}`)),
    ));

  it("a named supervisor can read their own declaration", () =>
    allowed(read(ACTORS.secondSupervisor, `declarations/${SECOND_SUPERVISOR}`)));
  it("a supervisor not named on the application cannot read a declaration under their own id (twin: a named one can)", async () => {
    await denied(read(ACTORS.otherSupervisor, `declarations/${OTHER_SUPERVISOR}`));
    await allowed(read(ACTORS.secondSupervisor, `declarations/${SECOND_SUPERVISOR}`));
  });
  it("a named supervisor cannot read another supervisor's declaration", () =>
    denied(read(ACTORS.secondSupervisor, `declarations/${NAMED_SUPERVISOR}`)));
  it("a named supervisor cannot list the declarations", () =>
    denied(getDocs(collection(dbAs(world(), ACTORS.secondSupervisor), `applications/${APP}/declarations`))));
  it.each([ACTORS.owner, ACTORS.assignedGrader, ACTORS.committee])("$name can read every declaration", (actor) =>
    allowed(getDocs(collection(dbAs(world(), actor), `applications/${APP}/declarations`))),
  );
  it.each([ACTORS.otherCandidate, ACTORS.otherSupervisor, ACTORS.otherGrader, ACTORS.signedOut])(
    "$name cannot read a declaration",
    (actor) => denied(read(actor, `declarations/${NAMED_SUPERVISOR}`)),
  );
  it("the named supervisor can read the logbook", () => allowed(read(ACTORS.namedSupervisor, "training/tr-1")));
});

describe("patient references (the engine's own examples)", () => {
  it.each(PATIENT_REF_EXAMPLES.accepted)("the owner can add a case with the reference %s", (patientRef) =>
    allowed(write(ACTORS.owner, "cases/case-2", { ...validCase(), patientRef })),
  );
  it.each(PATIENT_REF_EXAMPLES.refused)("the owner cannot add a case with the reference %j", (patientRef) =>
    denied(write(ACTORS.owner, "cases/case-2", { ...validCase(), patientRef })),
  );
});

describe("dates written by the owner are real and not in the future", () => {
  // [what, path, field, refused value, allowed twin]
  const DATES: [string, string, object, object][] = [
    [
      "a study on February 31st",
      "cases/case-2",
      { ...validCase(), studyDate: "2025-02-31" },
      { ...validCase(), studyDate: "2025-02-28" },
    ],
    [
      "a study on April 31st",
      "cases/case-2",
      { ...validCase(), studyDate: "2025-04-31" },
      { ...validCase(), studyDate: "2025-04-30" },
    ],
    [
      "a study on February 29th of a common year",
      "cases/case-2",
      { ...validCase(), studyDate: "2025-02-29" },
      { ...validCase(), studyDate: "2024-02-29" },
    ],
    [
      "a study on February 29th 2100",
      "cases/case-2",
      { ...validCase(), studyDate: "2100-02-29" },
      { ...validCase(), studyDate: "2000-02-29" },
    ],
    [
      "a study tomorrow's tomorrow",
      "cases/case-2",
      { ...validCase(), studyDate: utcDay(2) },
      { ...validCase(), studyDate: utcDay() },
    ],
    [
      "a study in 1900",
      "cases/case-2",
      { ...validCase(), studyDate: "1900-01-01" },
      { ...validCase(), studyDate: "1999-01-01" },
    ],
    ["CME in 2099", "cme/cme-2", { ...validCme(), startDate: "2099-05-01", endDate: "2099-05-03" }, validCme()],
    [
      "CME ending next week",
      "cme/cme-2",
      { ...validCme(), startDate: utcDay(-1), endDate: utcDay(7) },
      { ...validCme(), startDate: utcDay(-1), endDate: utcDay() },
    ],
    [
      "CME on November 31st",
      "cme/cme-2",
      { ...validCme(), startDate: "2025-11-31", endDate: "2025-11-31" },
      { ...validCme(), startDate: "2025-11-30", endDate: "2025-11-30" },
    ],
    [
      "training starting next month",
      "training/tr-2",
      { ...validTraining(), start: utcDay(31), end: utcDay(120) },
      { ...validTraining(), start: utcDay(-31), end: utcDay(120) },
    ],
    [
      "training ending in three years",
      "training/tr-2",
      { ...validTraining(), end: utcDay(3 * 366) },
      { ...validTraining(), end: utcDay(365) },
    ],
    [
      "training ending on June 31st",
      "training/tr-2",
      { ...validTraining(), end: "2025-06-31" },
      { ...validTraining(), end: "2025-06-30" },
    ],
    [
      "a publication dated next year",
      "recognition/rec-2",
      { ...validRecognition(), date: utcDay(366) },
      { ...validRecognition(), date: utcDay(-366) },
    ],
    [
      "a publication on September 31st",
      "recognition/rec-2",
      { ...validRecognition(), date: "2024-09-31" },
      { ...validRecognition(), date: "2024-09-30" },
    ],
  ];
  // The edges themselves, whatever the hour: a past date may be the latest time zone's today (UTC+14), a
  // planned end 731 days ahead of the UTC date; the day after each is refused.
  it("a study dated the latest time zone's today is accepted, the day after is not (twin)", () =>
    onClockEdge(world(), 14, async (day, shifted) => {
      await denied(write(ACTORS.owner, "cases/case-2", { ...validCase(), studyDate: shifted(1) }));
      await allowed(write(ACTORS.owner, "cases/case-2", { ...validCase(), studyDate: day }));
    }));
  it("training may end up to 731 days ahead, not a day more (twin)", () =>
    onClockEdge(world(), 731 * 24, async (day, shifted) => {
      await denied(write(ACTORS.owner, "training/tr-2", { ...validTraining(), end: shifted(1) }));
      await allowed(write(ACTORS.owner, "training/tr-2", { ...validTraining(), end: day }));
    }));
  it.each(DATES)("the owner cannot record %s", (_what, path, bad) => denied(write(ACTORS.owner, path, bad)));
  it.each(DATES)("the owner can record the twin of %s", (_what, path, _bad, good) =>
    allowed(write(ACTORS.owner, path, good)),
  );
});

describe("evidence ids", () => {
  it("the owner can clear a recognition item's evidence", () =>
    allowed(write(ACTORS.owner, "recognition/rec-2", { ...validRecognition(), evidenceId: null })));
  it("the owner can name a recognition item's evidence", () =>
    allowed(write(ACTORS.owner, "recognition/rec-2", { ...validRecognition(), evidenceId: "ev-pub" })));
  it("the owner cannot name evidence by a path", () =>
    denied(write(ACTORS.owner, "recognition/rec-2", { ...validRecognition(), evidenceId: "ev/pub" })));
  it("the owner can clear a CME entry's certificate", () =>
    allowed(write(ACTORS.owner, "cme/cme-2", { ...validCme(), certificateId: null })));
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
  it("another candidate cannot read a snapshot (twin: the owner reads it above)", () =>
    denied(read(ACTORS.otherCandidate, "snapshots/1")));
});

describe("CME dates and certificate", () => {
  it("CME starting on a day that does not exist is refused, even before a real end (twin: the 30th)", async () => {
    await denied(write(ACTORS.owner, "cme/cme-2", { ...validCme(), startDate: "2025-04-31", endDate: "2025-05-03" }));
    await allowed(write(ACTORS.owner, "cme/cme-2", { ...validCme(), startDate: "2025-04-30", endDate: "2025-05-03" }));
  });
  it("a CME certificate id that is a path is refused (twin: a plain id)", async () => {
    await denied(write(ACTORS.owner, "cme/cme-2", { ...validCme(), certificateId: "ev/1" }));
    await allowed(write(ACTORS.owner, "cme/cme-2", { ...validCme(), certificateId: "ev-1" }));
  });
});

describe("numbers written as text", () => {
  it("CME credits written as text are refused (twin: the number)", async () => {
    await denied(write(ACTORS.owner, "cme/cme-2", { ...validCme(), credits: "18" }));
    await allowed(write(ACTORS.owner, "cme/cme-2", { ...validCme(), credits: 18 }));
  });
  it("training hours written as text are refused (twin: the number)", async () => {
    await denied(write(ACTORS.owner, "training/tr-2", { ...validTraining(), hoursPerWeek: "40" }));
    await allowed(write(ACTORS.owner, "training/tr-2", { ...validTraining(), hoursPerWeek: 40 }));
  });
});
