import { onCall } from "firebase-functions/v2/https";
import { z } from "zod";
import { firestore } from "../../platform/firestore.js";
import { assertSignedIn, CALLABLE_OPTIONS, documentId, parseInput, roleOf } from "../../platform/guards.js";
import { withdrawApplication } from "../application-service.js";

const input = z.object({ applicationId: documentId("applicationId") });

/** The holder (or the certification team) withdraws an application not yet submitted: reminders and lapse resume. */
export const withdrawRecertification = onCall(CALLABLE_OPTIONS, async (request) => {
  const uid = assertSignedIn(request);
  const { applicationId } = parseInput(input, request.data);
  await withdrawApplication(firestore(), applicationId, uid, roleOf(request) === "admin", new Date());
  return { withdrawn: true };
});
