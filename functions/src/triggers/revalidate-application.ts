// Live revalidation: any write to an application or to one of its
// candidate-written sub-collections asks for the report to be recomputed.
import { onDocumentWritten } from "firebase-functions/v2/firestore";
import { firestore } from "../infra/firestore.js";
import { enqueueRevalidation } from "../infra/tasks.js";
import { requestRevalidation } from "../services/revalidation.js";

export const revalidateOnApplicationWrite = onDocumentWritten("applications/{appId}", (event) =>
  requestRevalidation(firestore(), event.params.appId, enqueueRevalidation),
);

/** cases, cme, training, recognition and declarations, in one function. */
export const revalidateOnLogbookWrite = onDocumentWritten("applications/{appId}/{part}/{docId}", async (event) => {
  // validation/ and snapshots/ are written by the server; reacting to them would loop.
  if (event.params.part === "validation" || event.params.part === "snapshots") return;
  await requestRevalidation(firestore(), event.params.appId, enqueueRevalidation);
});
