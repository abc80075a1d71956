import { onCall } from "firebase-functions/v2/https";
import { z } from "zod";
import { firestore } from "../../platform/firestore.js";
import { withdrawApplication as withdraw } from "../application-lifecycle.js";
import { assertSignedIn, documentId, parseInput, CALLABLE_OPTIONS } from "../../platform/guards.js";

const input = z.object({ applicationId: documentId("applicationId") });

/** The owner withdraws an application before the committee's decision. */
export const withdrawApplication = onCall(CALLABLE_OPTIONS, async (request) => {
  const uid = assertSignedIn(request);
  const { applicationId } = parseInput(input, request.data);
  await withdraw(firestore(), applicationId, uid);
  return { status: "withdrawn" };
});
