// Any write to a recertification application or to its CME recomputes its report.
import { onDocumentWritten } from "firebase-functions/v2/firestore";
import { firestore } from "../../platform/firestore.js";
import { recomputeRecertificationReport } from "../revalidation.js";

export const revalidateRecertification = onDocumentWritten("recertifications/{appId}", async (event) => {
  await recomputeRecertificationReport(firestore(), event.params.appId, new Date());
});

export const revalidateRecertificationCme = onDocumentWritten("recertifications/{appId}/cme/{cmeId}", async (event) => {
  await recomputeRecertificationReport(firestore(), event.params.appId, new Date());
});
