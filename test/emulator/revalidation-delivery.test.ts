// The trigger's handler called directly with crafted events, against the
// Firestore emulator in a project where no Functions-emulator trigger fires,
// so that delivery order and repetition are under the test's control.
import functionsTest from "firebase-functions-test";
import { onDocumentWritten } from "firebase-functions/v2/firestore";
import { afterAll, describe, expect, it } from "vitest";
import { validateApplication } from "../../functions/src/logbook/domain/index.js";
import { figuresOf, SMALL_LEVEL2, type Figures } from "./known-figures.js";
import { onLogbookWrite } from "../../functions/src/logbook/triggers/revalidate-application.js";
import { Timestamp, type DocumentSnapshot } from "firebase-admin/firestore";
import { eventsPath, runRevalidationTask, storeReport } from "../../functions/src/logbook/revalidation.js";
import { makeBundle, makeCase } from "../factories/bundle.js";
import { SMALL_POLICY, SMALL_POLICY_OVERRIDE } from "../factories/policy.js";
import { adminDb, reportOf, seedApplication, setPolicy, stateOf, today } from "./helpers.js";

const db = adminDb("demo-cmr-direct");
const fft = functionsTest({ projectId: "demo-cmr-direct" });
afterAll(() => fft.cleanup());

/** Runs each enqueued task in this process, as the task queue would. */
function inlineQueue() {
  const running: Promise<void>[] = [];
  return {
    enqueue: async (appId: string) => {
      running.push(runRevalidationTask(db, appId));
    },
    settled: async () => {
      while (running.length) await running.shift();
    },
    count: () => running.length,
  };
}

/** Holds each enqueued task until the test runs it. */
function deferredQueue() {
  const queued: string[] = [];
  return {
    enqueue: async (appId: string) => {
      queued.push(appId);
    },
    runAll: async () => {
      while (queued.length) await runRevalidationTask(db, queued.shift()!);
    },
    count: () => queued.length,
  };
}

/**
 * Delivers a crafted event. Without `after`, the event carries no commit time
 * (as for a deletion); with it, the real snapshot's update time.
 */
function deliverer(queue: { enqueue: (appId: string) => Promise<void> }) {
  const wrapped = fft.wrap(onDocumentWritten("applications/{appId}/{part}/{docId}", onLogbookWrite(queue.enqueue)));
  return (appId: string, part: string, docId: string, eventId = `${appId}-${docId}`, after?: DocumentSnapshot) => {
    const path = `applications/${appId}/${part}/${docId}`;
    const change = fft.makeChange(
      fft.firestore.makeDocumentSnapshot({}, path),
      after ?? fft.firestore.makeDocumentSnapshot({}, path),
    );
    return wrapped({ id: eventId, data: change, params: { appId, part, docId } } as never);
  };
}

async function seeded() {
  await setPolicy(db, SMALL_POLICY_OVERRIDE);
  const bundle = makeBundle("level2", {}, SMALL_POLICY);
  const { appId } = await seedApplication(db, bundle);
  return { appId, bundle };
}

const eventCount = async (appId: string) => (await db.collection(eventsPath(appId)).count().get()).data().count;

/** The stored report's figures (known-figures.ts: worked out by hand, not by the engine). */
const storedFigures = async (appId: string, expected: Figures) => figuresOf(await reportOf(db, appId), expected);
const withL2 = (codes: string[]): Figures => ({ ...SMALL_LEVEL2, eligible: codes.length === 0, codes });

/** A stored report to play with (its content does not matter to the test that uses it). */
const someReport = () =>
  JSON.parse(
    JSON.stringify(validateApplication({ ...makeBundle("level2", {}, SMALL_POLICY), asOf: today() }, SMALL_POLICY)),
  );

describe("event delivery", () => {
  it("the same event delivered twice leaves the correct report and writes it once", async () => {
    const { appId, bundle } = await seeded();
    const queue = inlineQueue();
    const deliver = deliverer(queue);
    await deliver(appId, "cases", bundle.cases[0].id, "event-1");
    await queue.settled();
    const first = await db.doc(`applications/${appId}/validation/current`).get();
    await deliver(appId, "cases", bundle.cases[0].id, "event-1");
    await queue.settled();
    const second = await db.doc(`applications/${appId}/validation/current`).get();

    expect(figuresOf(second.data(), SMALL_LEVEL2)).toEqual(SMALL_LEVEL2);
    expect(second.updateTime?.isEqual(first.updateTime!)).toBe(true);
    expect((await stateOf(db, appId))?.stats).toMatchObject({ computations: 2, reportWrites: 1 });
    expect(await eventCount(appId)).toBe(1); // one record per event, however often it is delivered
  });

  it("two events delivered in reverse order leave the report of the final documents", async () => {
    const { appId } = await seeded();
    const a = makeCase(800, { studyDate: "2025-08-01", role: "observer" });
    const b = makeCase(801, { studyDate: "2025-08-02", supervisorId: "nobody" });
    const { id: aId, ...aData } = a;
    const { id: bId, ...bData } = b;
    await db.doc(`applications/${appId}/cases/${aId}`).set(aData);
    await db.doc(`applications/${appId}/cases/${bId}`).set(bData);
    const queue = inlineQueue();
    const deliver = deliverer(queue);
    await deliver(appId, "cases", bId);
    await deliver(appId, "cases", aId);
    await queue.settled();
    // The observed case and the case of an unknown supervisor are both left out.
    const expected = withL2(["CASE_ROLE_NOT_ACCEPTED", "SUPERVISOR_UNKNOWN"]);
    expect(await storedFigures(appId, expected)).toEqual(expected);
  });

  it("a burst of events enqueues one recomputation while one is pending", async () => {
    const { appId, bundle } = await seeded();
    const queue = inlineQueue();
    const deliver = deliverer(queue);
    await Promise.all(bundle.cases.map((c) => deliver(appId, "cases", c.id)));
    expect(queue.count()).toBe(1);
    await queue.settled();
    expect((await stateOf(db, appId))?.stats).toMatchObject({ tasksEnqueued: 1, computations: 1 });
    expect(await eventCount(appId)).toBe(bundle.cases.length);
  });

  it("a stale computation never overwrites a newer report", async () => {
    const { appId } = await seeded();
    const report = { ...someReport(), route: "level2" };
    const newer = Timestamp.fromMillis(Date.now());
    const older = Timestamp.fromMillis(newer.toMillis() - 1);
    expect(await storeReport(db, appId, report, newer)).toBe(true);
    expect(await storeReport(db, appId, { ...report, eligible: false }, older)).toBe(false);
    expect((await reportOf(db, appId))?.eligible).toBe(true);
    expect((await reportOf(db, appId))?.judgedUpTo).toEqual(newer);
    // The same time is not stale: a report computed from the same reads may replace it.
    expect(await storeReport(db, appId, { ...report, eligible: false }, newer)).toBe(true);
  });

  it("a write already judged by a finished recomputation enqueues nothing", async () => {
    const { appId, bundle } = await seeded();
    const ref = db.doc(`applications/${appId}/cases/${bundle.cases[0].id}`);
    await ref.update({ role: "observer" });
    const written = await ref.get(); // its update time is the write's commit time
    const first = deferredQueue();
    await deliverer(first)(appId, "cases", written.id, "e-1", written);
    expect(first.count()).toBe(1);
    await first.runAll();

    // Delivered again later (or a second event for the same write): already judged.
    const again = deferredQueue();
    await deliverer(again)(appId, "cases", written.id, "e-2", written);
    expect(again.count()).toBe(0);
    expect((await db.doc(`revalidationPending/${appId}`).get()).exists).toBe(false);
  });

  it("a write committed after the last judgement is judged", async () => {
    const { appId, bundle } = await seeded();
    const queue = deferredQueue();
    const deliver = deliverer(queue);
    await deliver(appId, "cases", bundle.cases[0].id, "e-1");
    await queue.runAll();

    const late = makeCase(900, { studyDate: "2025-09-01", role: "observer" });
    const { id: lateId, ...lateData } = late;
    await db.doc(`applications/${appId}/cases/${lateId}`).set(lateData);
    await deliver(appId, "cases", lateId, "e-2", await db.doc(`applications/${appId}/cases/${lateId}`).get());
    expect(queue.count()).toBe(1);
    await queue.runAll();
    const expected = withL2(["CASE_ROLE_NOT_ACCEPTED"]);
    expect(await storedFigures(appId, expected)).toEqual(expected);
  });

  it("a write whose trigger finds a recomputation pending is judged by that recomputation", async () => {
    const { appId, bundle } = await seeded();
    const queue = deferredQueue();
    const deliver = deliverer(queue);
    await deliver(appId, "cases", bundle.cases[0].id, "e-1");
    expect(queue.count()).toBe(1);

    const late = makeCase(901, { studyDate: "2025-09-02", supervisorId: "nobody" });
    const { id: lateId, ...lateData } = late;
    await db.doc(`applications/${appId}/cases/${lateId}`).set(lateData);
    await deliver(appId, "cases", lateId, "e-2", await db.doc(`applications/${appId}/cases/${lateId}`).get());
    expect(queue.count()).toBe(1); // no second task: the pending one reads after this write

    await queue.runAll();
    const expected = withL2(["SUPERVISOR_UNKNOWN"]);
    expect(await storedFigures(appId, expected)).toEqual(expected);
  });

  it("a burst writes each bookkeeping document a bounded number of times, whatever its size", async () => {
    const { appId, bundle } = await seeded();
    const queue = inlineQueue();
    const deliver = deliverer(queue);
    await Promise.all(bundle.cases.map((c) => deliver(appId, "cases", c.id)));
    await queue.settled();
    const stats = (await stateOf(db, appId))?.stats;
    // revalidationState/{appId}: one write per enqueue and one per recomputation;
    // revalidationPending/{appId}: a create and a delete per task; events: one document each.
    expect(stats.tasksEnqueued + stats.computations).toBeLessThanOrEqual(2);
    expect(await eventCount(appId)).toBe(bundle.cases.length);
  });
});
