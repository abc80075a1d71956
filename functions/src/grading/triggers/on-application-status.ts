// Reacts to the logbook's status changes (the logbook feature knows nothing
// of grading): submitted -> assign graders; submitted -> returned or
// withdrawn -> close the round and release the graders' loads.
import { onDocumentUpdated } from "firebase-functions/v2/firestore";
import { firestore } from "../../platform/firestore.js";
import { assignOnSubmission, closeRound } from "../assign-graders.js";
import { sampleSalt } from "../params.js";

export const gradingOnApplicationStatus = onDocumentUpdated("applications/{appId}", async (event) => {
  const before = event.data?.before.get("status");
  const after = event.data?.after.get("status");
  if (before === after) return; // logbook edits: nothing for grading
  const appId = event.params.appId;
  if (after === "submitted") {
    await assignOnSubmission(firestore(), appId, new Date(), sampleSalt.value());
  } else if (before === "submitted" && (after === "returned" || after === "withdrawn")) {
    await closeRound(firestore(), appId, after);
  }
});
