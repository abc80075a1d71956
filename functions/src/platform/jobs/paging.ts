// Walks the documents a query selects, a page at a time, with a bounded number
// processed at once. Used by the scheduled jobs on "what is due" queries.
import {
  FieldPath,
  type DocumentReference,
  type Firestore,
  type Query,
  type QueryDocumentSnapshot,
  type Transaction,
} from "firebase-admin/firestore";
import type { z } from "zod";
import { logs } from "../logs.js";

export const PAGE_SIZE = 300;
export const CONCURRENCY = 10;

export interface JobStats {
  /** Documents the due-queries returned. */
  selected: number;
  /** All documents read, queries and transactions together. */
  documentsRead: number;
  messages: number;
  transitions: number;
  failures: number;
}

export const emptyStats = (): JobStats => ({ selected: 0, documentsRead: 0, messages: 0, transitions: 0, failures: 0 });

/** The documents of `collection` whose `nextActionOn` is today or earlier, in cursor order. */
export const dueBy = (db: Firestore, collection: string, today: string): Query =>
  db.collection(collection).where("nextActionOn", "<=", today).orderBy("nextActionOn").orderBy(FieldPath.documentId());

async function inBatches<T>(items: T[], size: number, work: (item: T) => Promise<void>) {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(work));
}

/**
 * Runs `work` on every document of `query` (ordered so that a cursor can
 * follow it). A document whose work fails is counted and left for the next
 * run; the others go on.
 */
export async function forEachDue(
  query: Query,
  stats: JobStats,
  work: (doc: QueryDocumentSnapshot) => Promise<void>,
  onError: (doc: QueryDocumentSnapshot, error: unknown) => void,
): Promise<void> {
  let last: QueryDocumentSnapshot | undefined;
  for (;;) {
    const page = await (last ? query.startAfter(last) : query).limit(PAGE_SIZE).get();
    stats.selected += page.size;
    stats.documentsRead += Math.max(1, page.size);
    await inBatches(page.docs, CONCURRENCY, async (doc) => {
      try {
        await work(doc);
      } catch (error) {
        stats.failures += 1;
        onError(doc, error);
      }
    });
    if (page.size < PAGE_SIZE) return;
    last = page.docs[page.docs.length - 1];
  }
}

/** A daily job over the documents of `collection` that are due today, one `process` call each. */
export async function processDue(
  db: Firestore,
  job: string,
  collection: string,
  today: string,
  process: (ref: DocumentReference, stats: JobStats) => Promise<void>,
): Promise<JobStats> {
  const stats = emptyStats();
  await forEachDue(
    dueBy(db, collection, today),
    stats,
    (doc) => process(doc.ref, stats),
    (doc, error) => logs.jobItemFailed(job, doc.ref.path, error),
  );
  return stats;
}

/**
 * Reads a due document in the transaction and parses it. A malformed one is
 * reported, taken off the schedule (never fatal, never deleted), and null is
 * returned.
 */
export async function readDue<T extends z.ZodType<object>>(
  tx: Transaction,
  ref: DocumentReference,
  schema: T,
  job: string,
  stats: JobStats,
): Promise<(z.infer<T> & { id: string }) | null> {
  const snap = await tx.get(ref);
  stats.documentsRead += 1;
  const parsed = schema.safeParse(snap.data());
  if (parsed.success) return { ...(parsed.data as z.infer<T>), id: ref.id };
  logs.jobDocumentInvalid(
    job,
    ref.path,
    parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`),
  );
  tx.update(ref, { nextActionOn: null, scheduleProblem: "malformed document: fix it and set nextActionOn to today" });
  return null;
}
