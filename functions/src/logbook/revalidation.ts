// Keeps applications/{appId}/validation/current equal to the engine's report
// on the application's current documents, however writes arrive, without a
// document that every write updates (Firestore sustains about one write per
// second per document; a 300-case import would otherwise queue on one).
//
// A write's trigger (requestRevalidation):
//  1. returns when the write is already judged: a recomputation that read the
//     documents at or after the write's commit time has finished
//     (`judgedUpTo` in revalidationState/{appId}, a read, not a write);
//  2. otherwise, when the `pending` flag does not exist (a read), creates it
//     and, when this call created it, enqueues one task;
//  3. records the event in revalidationState/{appId}/events/{eventId}: a new
//     document per event (nothing is written twice), which the task watches to
//     know when a burst is over and the benchmark counts.
// The task waits until no new event has been recorded for QUIET_MS, deletes
// the flag, notes the time T of its first read, reads the documents and
// recomputes once. The report is stored (with `judgedUpTo: T`) unless a
// report judged at a later time is stored or nothing changed; then T is
// recorded as `judgedUpTo` of the state.
//
// The last write is always judged: its trigger either finds it judged, or
// finds the flag (whose task deletes it, hence reads, after that check, so
// after the write), or creates the flag and enqueues a task that reads after
// the write. A stale computation never overwrites a newer report: reports are
// ordered by the time their documents were read.
import { isDeepStrictEqual } from "node:util";
import { FieldValue, Timestamp, type Firestore, type Query } from "firebase-admin/firestore";
import { EDITABLE_STATUSES, judgeApplication, type LiveReport } from "./domain/application-docs.js";
import { calendarDateIn, PROGRAMME_TIME_ZONE } from "../platform/domain/dates.js";
import { directReader, loadApplicationDocs } from "./application-repository.js";
import { logs } from "../platform/logs.js";
import { loadPolicy } from "../platform/policy-repository.js";
import { paths } from "../platform/paths.js";

/** A pending flag older than this lost its task (the enqueue failed); it is replaced. */
const PENDING_TTL_MS = 5 * 60_000;
/** No new event may be recorded for this long before the report is recomputed. */
export const QUIET_MS = 300;
/**
 * ...but a task never waits longer than this. The events it watches arrive
 * with the triggers, which lag behind the writes under load; the writes of an
 * import are usually all committed well before their triggers have run, and
 * the triggers of writes the task has read find them judged and add nothing.
 * So waiting long buys little and delays the report.
 */
const MAX_WAIT_MS = 3_000;
/** Event records are kept this long (a TTL policy on `expireAt` deletes them; docs/operations.md). */
const EVENT_RECORD_DAYS = 7;

const ALREADY_EXISTS = 6;
const FAILED_PRECONDITION = 9;
const hasCode = (e: unknown, code: number) => (e as { code?: unknown }).code === code;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** How a recomputation is scheduled: a task queue in production, anything in tests. */
export type Enqueue = (appId: string) => Promise<void>;

/** The write a trigger reports: its event id and, when known, its commit time (deletions have none). */
export interface WriteEvent {
  id: string;
  committedAt?: Timestamp;
}

/** Where each event of an application is recorded, one document per event. */
export const eventsPath = (appId: string) => `${paths.revalidationState(appId)}/events`;

/** True when a finished recomputation read the documents at or after `committedAt`. */
async function alreadyJudged(db: Firestore, appId: string, committedAt: Timestamp | undefined): Promise<boolean> {
  if (!committedAt) return false;
  const judgedUpTo = (await db.doc(paths.revalidationState(appId)).get()).get("judgedUpTo");
  return judgedUpTo instanceof Timestamp && judgedUpTo.toMillis() >= committedAt.toMillis();
}

/**
 * True when this call created the pending flag (and must enqueue the task).
 * Reads first: during a burst almost every trigger finds the flag, and a read
 * costs the flag nothing, where even a refused create is a commit attempt on it.
 */
async function claimPending(db: Firestore, appId: string): Promise<boolean> {
  const pending = db.doc(paths.revalidationPending(appId));
  const held = await pending.get();
  if (held.exists && held.updateTime && Date.now() - held.updateTime.toMillis() < PENDING_TTL_MS) return false;
  try {
    if (held.exists) {
      await pending.delete({ lastUpdateTime: held.updateTime }); // lost its task: replace it
      logs.stalePendingReplaced(appId);
    }
    await pending.create({ since: FieldValue.serverTimestamp() });
    return true;
  } catch (e) {
    if (hasCode(e, ALREADY_EXISTS) || hasCode(e, FAILED_PRECONDITION)) return false; // another trigger won
    throw e;
  }
}

/** One document per event; a redelivered event finds its record and writes nothing. */
async function recordEvent(db: Firestore, appId: string, event: WriteEvent): Promise<void> {
  const expireAt = Timestamp.fromMillis(Date.now() + EVENT_RECORD_DAYS * 86_400_000);
  try {
    await db.doc(`${eventsPath(appId)}/${event.id}`).create({ at: FieldValue.serverTimestamp(), expireAt });
  } catch (e) {
    if (!hasCode(e, ALREADY_EXISTS)) throw e;
  }
}

/** Called on every write that may change an application's report. */
export async function requestRevalidation(
  db: Firestore,
  appId: string,
  event: WriteEvent,
  enqueue: Enqueue,
): Promise<void> {
  if (!(await alreadyJudged(db, appId, event.committedAt)) && (await claimPending(db, appId))) {
    try {
      await enqueue(appId);
    } catch (e) {
      await db.doc(paths.revalidationPending(appId)).delete(); // let the next write try again
      throw e;
    }
    await db
      .doc(paths.revalidationState(appId))
      .set({ stats: { tasksEnqueued: FieldValue.increment(1) } }, { merge: true });
  }
  await recordEvent(db, appId, event);
}

/** Requests a revalidation of each editable application `applications` selects. */
export async function revalidateEditable(
  db: Firestore,
  applications: Query,
  event: WriteEvent,
  enqueue: Enqueue,
): Promise<void> {
  const found = await applications.get();
  const editable = found.docs.filter((doc) => EDITABLE_STATUSES.includes(doc.get("status")));
  await Promise.all(editable.map((doc) => requestRevalidation(db, doc.id, event, enqueue)));
}

/** The id of the latest recorded event (one document read). */
async function latestEvent(db: Firestore, appId: string): Promise<string | null> {
  const latest = await db.collection(eventsPath(appId)).orderBy("at", "desc").limit(1).get();
  return latest.docs[0]?.id ?? null;
}

/** Waits until no event has been recorded for QUIET_MS (or MAX_WAIT_MS has passed). */
async function waitForQuiet(db: Firestore, appId: string): Promise<void> {
  const deadline = Date.now() + MAX_WAIT_MS;
  let seen = await latestEvent(db, appId);
  while (Date.now() < deadline) {
    await sleep(QUIET_MS);
    const now = await latestEvent(db, appId);
    if (now === seen) return;
    seen = now;
  }
}

/** Reports are compared without their bookkeeping fields. */
function sameReport(stored: Record<string, unknown> | undefined, report: LiveReport): boolean {
  if (!stored) return false;
  const { judgedUpTo: _judgedUpTo, computedAt: _computedAt, ...rest } = stored;
  return isDeepStrictEqual(rest, JSON.parse(JSON.stringify(report)));
}

/** Writes the report judged on the documents as read at `judgedUpTo`, unless a later one is stored or nothing changed. */
export async function storeReport(
  db: Firestore,
  appId: string,
  report: LiveReport,
  judgedUpTo: Timestamp,
): Promise<boolean> {
  const ref = db.doc(paths.report(appId));
  return db.runTransaction(async (tx) => {
    const stored = (await tx.get(ref)).data();
    const storedUpTo = stored?.judgedUpTo;
    if (storedUpTo instanceof Timestamp && storedUpTo.toMillis() > judgedUpTo.toMillis()) return false;
    if (sameReport(stored, report)) return false;
    tx.set(ref, { ...report, judgedUpTo, computedAt: FieldValue.serverTimestamp() });
    return true;
  });
}

/** Recomputes the report from the documents as they are now. */
export async function recomputeReport(db: Firestore, appId: string, now: Date): Promise<void> {
  const state = db.doc(paths.revalidationState(appId));
  // Every read below starts after this one: the report judges every write committed up to its read time.
  const judgedUpTo = (await state.get()).readTime;
  const loaded = await loadApplicationDocs(db, appId, directReader(db));
  if (!loaded) {
    await db.recursiveDelete(state); // the application was deleted (or erased): so is its bookkeeping
    return;
  }
  const status = (loaded.docs.application.data as { status?: unknown } | undefined)?.status;
  if (!EDITABLE_STATUSES.includes(status as never)) {
    // Submitted or decided: the report stays as it was when the candidate last edited.
    await state.set({ stats: { skippedNotEditable: FieldValue.increment(1) } }, { merge: true });
    logs.reportNotLive(appId, status);
    return;
  }
  const policy = await loadPolicy(db, directReader(db));
  const { report } = judgeApplication(loaded.docs, calendarDateIn(PROGRAMME_TIME_ZONE, now), policy);
  const written = await storeReport(db, appId, report, judgedUpTo);
  await db.runTransaction(async (tx) => {
    // One write per recomputation; judgedUpTo only moves forward (two tasks may finish out of order).
    const previous = (await tx.get(state)).get("judgedUpTo");
    const later = previous instanceof Timestamp && previous.toMillis() > judgedUpTo.toMillis() ? previous : judgedUpTo;
    tx.set(
      state,
      {
        judgedUpTo: later,
        stats: {
          computations: FieldValue.increment(1),
          documentsRead: FieldValue.increment(loaded.reads + 4), // + state, policy, stored report, state again
          reportWrites: FieldValue.increment(written ? 1 : 0),
        },
      },
      { merge: true },
    );
  });
  logs.reportComputed(appId, judgedUpTo.toDate().toISOString(), loaded.reads, written, report.eligible);
}

/** The task: debounce, clear the pending flag, recompute once. */
export async function runRevalidationTask(db: Firestore, appId: string, now: () => Date = () => new Date()) {
  await waitForQuiet(db, appId);
  await db.doc(paths.revalidationPending(appId)).delete();
  await recomputeReport(db, appId, now());
}
