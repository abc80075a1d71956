// firestore.rules for requests/{id} and their history (docs/security.md,
// "Requests"): the candidate reads their own, a named supervisor the ones
// naming them and may add only their statement, the committee reads all;
// nobody writes a status, a decision or the content from a client.
import { collection, deleteDoc, doc, getDoc, getDocs, query, setDoc, updateDoc, where } from "firebase/firestore";
import type { Firestore } from "firebase/firestore";
import { beforeEach, describe, it } from "vitest";
import {
  ACTORS,
  NAMED_SUPERVISOR,
  OTHER_SUPERVISOR,
  OWNER,
  allowed,
  dbAs,
  denied,
  useRulesWorld,
  utcDay,
  type Actor,
} from "./setup.js";

const env = useRulesWorld();
const as = (actor: Actor): Firestore => dbAs(env(), actor);
const actors = { ...ACTORS, chair: { name: "the chair", uid: "chair-1", claims: { role: "chair" } } };

const REQ = "req-1";
const request = (over: object = {}) => ({
  kind: "remote-supervision",
  candidateUid: OWNER,
  status: "submitted",
  supervisorUids: [NAMED_SUPERVISOR],
  content: { kind: "remote-supervision", reason: "No Level 3 locally." },
  supervisorStatement: null,
  decision: null,
  decisionDueOn: "2026-12-01",
  ...over,
});
const statement = (over: object = {}) => ({
  by: NAMED_SUPERVISOR,
  text: "I agree to supervise.",
  signedOn: utcDay(),
  ...over,
});

beforeEach(async () => {
  await env().withSecurityRulesDisabled(async (context) => {
    const db = context.firestore() as unknown as Firestore;
    await setDoc(doc(db, `requests/${REQ}`), request());
    await setDoc(doc(db, `requests/${REQ}/history/001-submitted`), { event: "submitted" });
    await setDoc(doc(db, "requests/req-decided"), request({ status: "granted" }));
    await setDoc(doc(db, "requests/req-stated"), request({ supervisorStatement: statement() }));
  });
});

describe("reading requests", () => {
  for (const actor of [actors.owner, actors.namedSupervisor, actors.committee, actors.chair]) {
    it(`${actor.name} reads the request and its history`, async () => {
      await allowed(getDoc(doc(as(actor), `requests/${REQ}`)));
      await allowed(getDocs(collection(as(actor), `requests/${REQ}/history`)));
    });
  }
  for (const actor of [
    actors.signedOut,
    actors.otherCandidate,
    actors.otherSupervisor,
    actors.assignedGrader,
    actors.admin,
  ]) {
    it(`${actor.name} cannot read the request nor its history`, async () => {
      await denied(getDoc(doc(as(actor), `requests/${REQ}`)));
      await denied(getDocs(collection(as(actor), `requests/${REQ}/history`)));
    });
  }
  it("a candidate lists their own requests, not everyone's", async () => {
    await allowed(getDocs(query(collection(as(actors.owner), "requests"), where("candidateUid", "==", OWNER))));
    await denied(getDocs(collection(as(actors.owner), "requests")));
  });
  it("a supervisor lists the requests naming them, not others", async () => {
    const mine = where("supervisorUids", "array-contains", NAMED_SUPERVISOR);
    await allowed(getDocs(query(collection(as(actors.namedSupervisor), "requests"), mine)));
    const theirs = where("supervisorUids", "array-contains", OTHER_SUPERVISOR);
    await denied(getDocs(query(collection(as(actors.namedSupervisor), "requests"), theirs)));
  });
  it("the committee lists all requests", async () => {
    await allowed(getDocs(collection(as(actors.committee), "requests")));
  });
});

describe("no client writes a request, its status or its decision", () => {
  for (const actor of [actors.owner, actors.namedSupervisor, actors.committee, actors.chair, actors.admin]) {
    it(`${actor.name} cannot create, delete or decide a request, nor write its history`, async () => {
      const db = as(actor);
      await denied(setDoc(doc(db, "requests/new-1"), request({ candidateUid: actor.uid })));
      await denied(updateDoc(doc(db, `requests/${REQ}`), { status: "granted" }));
      await denied(updateDoc(doc(db, `requests/${REQ}`), { decision: { outcome: "granted" } }));
      await denied(updateDoc(doc(db, `requests/${REQ}`), { status: "withdrawn" }));
      await denied(deleteDoc(doc(db, `requests/${REQ}`)));
      await denied(setDoc(doc(db, `requests/${REQ}/history/002-granted`), { event: "granted" }));
    });
  }
  it("the candidate cannot change the content directly (resubmitRequest does)", () =>
    denied(updateDoc(doc(as(actors.owner), `requests/${REQ}`), { content: { kind: "remote-supervision" } })));
});

describe("the named supervisor's statement", () => {
  const add = (actor: Actor, id: string, value: object) =>
    updateDoc(doc(as(actor), `requests/${id}`), { supervisorStatement: value });

  it("the named supervisor adds their statement, dated today", () =>
    allowed(add(actors.namedSupervisor, REQ, statement())));
  it("a supervisor not named cannot", () =>
    denied(add(actors.otherSupervisor, REQ, statement({ by: OTHER_SUPERVISOR }))));
  it("the candidate cannot write the supervisor's statement", () =>
    denied(add(actors.owner, REQ, statement({ by: OWNER }))));
  it("a candidate named as their own supervisor still cannot (twin: the named supervisor above)", async () => {
    await env().withSecurityRulesDisabled((context) =>
      setDoc(
        doc(context.firestore() as unknown as Firestore, "requests/req-self"),
        request({ supervisorUids: [NAMED_SUPERVISOR, OWNER] }),
      ),
    );
    await denied(add(actors.owner, "req-self", statement({ by: OWNER })));
    await allowed(add(actors.namedSupervisor, "req-self", statement()));
  });
  it("not signed in someone else's name", () =>
    denied(add(actors.namedSupervisor, REQ, statement({ by: OTHER_SUPERVISOR }))));
  it("not dated another day", () => denied(add(actors.namedSupervisor, REQ, statement({ signedOn: utcDay(-3) }))));
  it("not an empty statement", () => denied(add(actors.namedSupervisor, REQ, statement({ text: "" }))));
  it("no other field in the statement", () =>
    denied(add(actors.namedSupervisor, REQ, statement({ outcome: "granted" }))));
  it("not once the request is decided", () => denied(add(actors.namedSupervisor, "req-decided", statement())));
  it("only once", () => denied(add(actors.namedSupervisor, "req-stated", statement({ text: "Changed my mind." }))));
  it("nothing but the statement in the same write", () =>
    denied(
      updateDoc(doc(as(actors.namedSupervisor), `requests/${REQ}`), {
        supervisorStatement: statement(),
        status: "granted",
      }),
    ));
});
