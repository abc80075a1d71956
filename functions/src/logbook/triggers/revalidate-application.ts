// Live revalidation: any write to an application or to one of its
// candidate-written sub-collections asks for the report to be recomputed.
import type { DocumentSnapshot } from "firebase-admin/firestore";
import { onDocumentWritten, type Change } from "firebase-functions/v2/firestore";
import { firestore } from "../../platform/firestore.js";
import { enqueueRevalidation } from "../revalidation-queue.js";
import { requestRevalidation, type Enqueue, type WriteEvent } from "../revalidation.js";

/** The event id and the write's commit time (a deletion leaves no document, so no time). */
export const writeEventOf = (event: { id: string; data?: Change<DocumentSnapshot> }): WriteEvent => ({
  id: event.id,
  committedAt: event.data?.after?.exists ? event.data.after.updateTime : undefined,
});

/** What the trigger does with an event; built with the enqueue to use (tests pass their own). */
export const onLogbookWrite =
  (enqueue: Enqueue) =>
  async (event: {
    id: string;
    data?: Change<DocumentSnapshot>;
    params: { appId: string; part?: string };
  }): Promise<void> => {
    // validation/ and snapshots/ are written by the server; reacting to them would loop.
    if (event.params.part === "validation" || event.params.part === "snapshots") return;
    await requestRevalidation(firestore(), event.params.appId, writeEventOf(event), enqueue);
  };

export const revalidateOnApplicationWrite = onDocumentWritten(
  "applications/{appId}",
  onLogbookWrite(enqueueRevalidation),
);

/** cases, cme, training, recognition and declarations, in one function. */
export const revalidateOnLogbookWrite = onDocumentWritten(
  "applications/{appId}/{part}/{docId}",
  onLogbookWrite(enqueueRevalidation),
);
