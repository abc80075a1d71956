import { onCall } from "firebase-functions/v2/https";
import { z } from "zod";
import { firestore } from "../../platform/firestore.js";
import { returnForModification as sendBack } from "../application-lifecycle.js";
import { assertRole, documentId, parseInput, CALLABLE_OPTIONS } from "../../platform/guards.js";

const input = z.object({
  applicationId: documentId("applicationId"),
  reasons: z.array(z.string().trim().min(1).max(2000)).min(1, "give at least one reason").max(50),
});

/** The committee returns a submitted logbook to the candidate for changes. */
export const returnForModification = onCall(CALLABLE_OPTIONS, async (request) => {
  const uid = assertRole(request, ["committee"]);
  const { applicationId, reasons } = parseInput(input, request.data);
  await sendBack(firestore(), applicationId, uid, reasons);
  return { status: "returned" };
});
