// Certifications drive the public register (every write) and, when an award
// creates one, the certificate PDF and the result mail.
import { onDocumentCreated, onDocumentWritten } from "firebase-functions/v2/firestore";
import { z } from "zod";
import { firestore } from "../../platform/firestore.js";
import { isoDate } from "../../platform/domain/programme.js";
import { deliverCertificate } from "../award-effects.js";
import { gradingLogs } from "../grading-logs.js";
import { syncRegister } from "../register-sync.js";

export const syncRegisterOnCertificationWrite = onDocumentWritten("certifications/{certId}", async (event) => {
  const uids = new Set(
    [event.data?.before.get("uid"), event.data?.after.get("uid")].filter(
      (u): u is string => typeof u === "string" && u.length > 0,
    ),
  );
  for (const uid of uids) await syncRegister(firestore(), uid, new Date());
});

const awardSchema = z.object({
  uid: z.string().min(1),
  level: z.union([z.literal(2), z.literal(3)]),
  applicationId: z.string().min(1),
  submission: z.number().int().min(1),
  certificateNumber: z.string().min(1),
  verificationCode: z.string().min(1),
  awardedOn: isoDate,
  expiresOn: isoDate,
  holderName: z.string().nullable().default(null),
  appealRequestId: z.string().nullish(),
});

export const deliverCertificateOnAward = onDocumentCreated("certifications/{certId}", async (event) => {
  const data = event.data?.data();
  // Certifications recorded by administrators (no application) have no certificate to generate here.
  if (!data || typeof data.applicationId !== "string") return;
  const parsed = awardSchema.safeParse(data);
  if (!parsed.success) {
    gradingLogs.documentInvalid(
      event.data!.ref.path,
      parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`),
    );
    return;
  }
  try {
    await deliverCertificate(firestore(), event.params.certId, parsed.data);
  } catch (error) {
    gradingLogs.certificateFailed(event.params.certId, error);
    throw error; // with retries enabled in production, the delivery is tried again
  }
});
