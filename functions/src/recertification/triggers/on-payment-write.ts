// The extension writes (and rewrites: processing, then succeeded; one event
// per webhook) customers/{uid}/payments/{paymentId}; a succeeded payment for
// a recertification application marks it paid, once.
import { onDocumentWritten } from "firebase-functions/v2/firestore";
import { firestore } from "../../platform/firestore.js";
import { onStripePayment } from "../payment-service.js";

export const recertificationOnPayment = onDocumentWritten("customers/{uid}/payments/{paymentId}", async (event) => {
  const after = event.data?.after;
  if (!after?.exists) return;
  await onStripePayment(firestore(), event.params.uid, event.params.paymentId, after.data(), new Date());
});
