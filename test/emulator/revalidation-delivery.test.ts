// The trigger's handler called directly with crafted events, against the
// Firestore emulator in a project where no Functions-emulator trigger fires,
// so that delivery order and repetition are under the test's control.
import functionsTest from "firebase-functions-test";
import { onDocumentWritten } from "firebase-functions/v2/firestore";
import { afterAll, describe, expect, it } from "vitest";
import { validateApplication } from "../../functions/src/logbook/domain/index.js";
import { onLogbookWrite } from "../../functions/src/logbook/triggers/revalidate-application.js";
import { runRevalidationTask, storeReport } from "../../functions/src/logbook/revalidation.js";
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

function deliverer(queue: ReturnType<typeof inlineQueue>) {
  const wrapped = fft.wrap(onDocumentWritten("applications/{appId}/{part}/{docId}", onLogbookWrite(queue.enqueue)));
  return (appId: string, part: string, docId: string, eventId = `${appId}-${docId}`) => {
    const path = `applications/${appId}/${part}/${docId}`;
    const change = fft.makeChange(
      fft.firestore.makeDocumentSnapshot({}, path),
      fft.firestore.makeDocumentSnapshot({}, path),
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

const expectedFor = (bundle: ReturnType<typeof makeBundle>) =>
  JSON.parse(JSON.stringify(validateApplication({ ...bundle, asOf: today() }, SMALL_POLICY)));

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

    const { revision: _r, computedAt: _c, ...report } = second.data() ?? {};
    expect(report).toEqual(expectedFor(bundle));
    expect(second.updateTime?.isEqual(first.updateTime!)).toBe(true);
    expect((await stateOf(db, appId))?.stats).toMatchObject({ invocations: 2, computations: 2, reportWrites: 1 });
  });

  it("two events delivered in reverse order leave the report of the final documents", async () => {
    const { appId, bundle } = await seeded();
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
    const { revision: _r, computedAt: _c, ...report } = (await reportOf(db, appId)) ?? {};
    expect(report).toEqual(expectedFor({ ...bundle, cases: [...bundle.cases, a, b] }));
  });

  it("a burst of events enqueues one recomputation while one is pending", async () => {
    const { appId, bundle } = await seeded();
    const queue = inlineQueue();
    const deliver = deliverer(queue);
    await Promise.all(bundle.cases.map((c) => deliver(appId, "cases", c.id)));
    expect(queue.count()).toBe(1);
    await queue.settled();
    expect((await stateOf(db, appId))?.stats).toMatchObject({
      invocations: bundle.cases.length,
      tasksEnqueued: 1,
      computations: 1,
    });
  });

  it("a stale computation never overwrites a newer report", async () => {
    const { appId } = await seeded();
    const report = { ...expectedFor(makeBundle("level2", {}, SMALL_POLICY)), route: "level2" };
    expect(await storeReport(db, appId, report, 7)).toBe(true);
    expect(await storeReport(db, appId, { ...report, eligible: false }, 6)).toBe(false);
    expect((await reportOf(db, appId))?.eligible).toBe(true);
    expect((await reportOf(db, appId))?.revision).toBe(7);
  });
});
