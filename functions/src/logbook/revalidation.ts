// Keeps applications/{appId}/validation/current equal to the engine's report
// on the application's current documents, however writes arrive.
//
// A write does little: it bumps the application's revision counter (an atomic
// increment) and, unless a recomputation is already pending, creates the
// `pending` flag and enqueues one task. The task waits until the revision has
// been quiet for a moment (a burst of batched writes is over), clears the flag
// and recomputes once. A write that lands after the flag is cleared enqueues a
// new task, so the last write is always judged. A report is stored only when
// it was computed from a revision at least as new as the stored one, and only
// when it changed.
import { isDeepStrictEqual } from "node:util";
import { FieldValue, type Firestore, type Query } from "firebase-admin/firestore";
import { EDITABLE_STATUSES, judgeApplication, type LiveReport } from "./domain/application-docs.js";
import { calendarDateIn, PROGRAMME_TIME_ZONE } from "../platform/domain/dates.js";
import { directReader, loadApplicationDocs } from "./application-repository.js";
import { logs } from "../platform/logs.js";
import { loadPolicy } from "../platform/policy-repository.js";
import { paths } from "../platform/paths.js";

/** A pending flag older than this lost its task (the enqueue failed); it is replaced. */
const PENDING_TTL_MS = 5 * 60_000;
/** The revision must stay unchanged this long before the report is recomputed. */
export const QUIET_MS = 300;
/** ...but a never-ending stream of writes still gets a report this often. */
const MAX_WAIT_MS = 10_000;

const ALREADY_EXISTS = 6;
const FAILED_PRECONDITION = 9;
const hasCode = (e: unknown, code: number) => (e as { code?: unknown }).code === code;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** How a recomputation is scheduled: a task queue in production, anything in tests. */
export type Enqueue = (appId: string) => Promise<void>;

async function currentRevision(db: Firestore, appId: string): Promise<number> {
  const snap = await db.doc(paths.revalidationState(appId)).get();
  return (snap.get("revision") as number | undefined) ?? 0;
}

/** True when this call created the pending flag (and must enqueue the task). */
async function claimPending(db: Firestore, appId: string): Promise<boolean> {
  const pending = db.doc(paths.revalidationPending(appId));
  try {
    await pending.create({ since: FieldValue.serverTimestamp() });
    return true;
  } catch (e) {
    if (!hasCode(e, ALREADY_EXISTS)) throw e;
  }
  const held = await pending.get();
  if (!held.exists || !held.updateTime || Date.now() - held.updateTime.toMillis() < PENDING_TTL_MS) return false;
  try {
    await pending.delete({ lastUpdateTime: held.updateTime });
    await pending.create({ since: FieldValue.serverTimestamp() });
    logs.stalePendingReplaced(appId);
    return true;
  } catch (e) {
    if (hasCode(e, ALREADY_EXISTS) || hasCode(e, FAILED_PRECONDITION)) return false;
    throw e;
  }
}

/** Called on every write that may change an application's report. */
export async function requestRevalidation(db: Firestore, appId: string, enqueue: Enqueue): Promise<void> {
  const state = db.doc(paths.revalidationState(appId));
  await state.set(
    { revision: FieldValue.increment(1), stats: { invocations: FieldValue.increment(1) } },
    { merge: true },
  );
  if (!(await claimPending(db, appId))) return;
  try {
    await enqueue(appId);
  } catch (e) {
    await db.doc(paths.revalidationPending(appId)).delete(); // let the next write try again
    throw e;
  }
  await state.set({ stats: { tasksEnqueued: FieldValue.increment(1) } }, { merge: true });
}

/** Requests a revalidation of each editable application `applications` selects. */
export async function revalidateEditable(db: Firestore, applications: Query, enqueue: Enqueue): Promise<void> {
  const found = await applications.get();
  const editable = found.docs.filter((doc) => EDITABLE_STATUSES.includes(doc.get("status")));
  await Promise.all(editable.map((doc) => requestRevalidation(db, doc.id, enqueue)));
}

/** Waits until no write has come in for QUIET_MS (or MAX_WAIT_MS has passed). */
async function waitForQuiet(db: Firestore, appId: string): Promise<void> {
  const deadline = Date.now() + MAX_WAIT_MS;
  let seen = await currentRevision(db, appId);
  while (Date.now() < deadline) {
    await sleep(QUIET_MS);
    const now = await currentRevision(db, appId);
    if (now === seen) return;
    seen = now;
  }
}

/** Reports are compared without their bookkeeping fields. */
function sameReport(stored: Record<string, unknown> | undefined, report: LiveReport): boolean {
  if (!stored) return false;
  const { revision: _revision, computedAt: _computedAt, ...rest } = stored;
  return isDeepStrictEqual(rest, JSON.parse(JSON.stringify(report)));
}

/** Writes the report unless a newer one is stored or nothing changed. */
export async function storeReport(
  db: Firestore,
  appId: string,
  report: LiveReport,
  revision: number,
): Promise<boolean> {
  const ref = db.doc(paths.report(appId));
  return db.runTransaction(async (tx) => {
    const stored = (await tx.get(ref)).data();
    if (stored && (stored.revision as number) > revision) return false;
    if (sameReport(stored, report)) return false;
    tx.set(ref, { ...report, revision, computedAt: FieldValue.serverTimestamp() });
    return true;
  });
}

/** Recomputes the report from the documents as they are now. */
export async function recomputeReport(db: Firestore, appId: string, now: Date): Promise<void> {
  const revision = await currentRevision(db, appId);
  const loaded = await loadApplicationDocs(db, appId, directReader(db));
  if (!loaded) return; // the application was deleted
  const status = (loaded.docs.application.data as { status?: unknown } | undefined)?.status;
  if (!EDITABLE_STATUSES.includes(status as never)) {
    // Submitted or decided: the report stays as it was when the candidate last edited.
    await db
      .doc(paths.revalidationState(appId))
      .set({ stats: { skippedNotEditable: FieldValue.increment(1) } }, { merge: true });
    logs.reportNotLive(appId, status);
    return;
  }
  const policy = await loadPolicy(db, directReader(db));
  const { report } = judgeApplication(loaded.docs, calendarDateIn(PROGRAMME_TIME_ZONE, now), policy);
  const written = await storeReport(db, appId, report, revision);
  await db.doc(paths.revalidationState(appId)).set(
    {
      stats: {
        computations: FieldValue.increment(1),
        documentsRead: FieldValue.increment(loaded.reads + 3), // + revision, policy and stored report
        reportWrites: FieldValue.increment(written ? 1 : 0),
      },
    },
    { merge: true },
  );
  logs.reportComputed(appId, revision, loaded.reads, written, report.eligible);
}

/** The task: debounce, clear the pending flag, recompute once. */
export async function runRevalidationTask(db: Firestore, appId: string, now: () => Date = () => new Date()) {
  await waitForQuiet(db, appId);
  await db.doc(paths.revalidationPending(appId)).delete();
  await recomputeReport(db, appId, now());
}
