import { onCall } from "firebase-functions/v2/https";
import { z } from "zod";
import { firestore } from "../../platform/firestore.js";
import { assertRole, documentId, parseInput, CALLABLE_OPTIONS } from "../../platform/guards.js";
import { revokeCertification as revoke } from "../revocation.js";

const input = z.object({
  certificationId: documentId("certificationId"),
  reason: z.string().trim().min(1, "give the reason").max(5000),
});

/** The committee revokes a certification for misconduct, with a reason. */
export const revokeCertification = onCall(CALLABLE_OPTIONS, async (request) => {
  const uid = assertRole(request, ["committee", "chair"]);
  const { certificationId, reason } = parseInput(input, request.data);
  return revoke(firestore(), certificationId, uid, reason, new Date());
});
