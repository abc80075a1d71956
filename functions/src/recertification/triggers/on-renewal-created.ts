// A renewal's certification is created: its certificate PDF and the renewal
// mail follow (grading's delivery, with the recertification's message).
import { onDocumentCreated } from "firebase-functions/v2/firestore";
import { z } from "zod";
import { deliverCertificate } from "../../grading/index.js";
import { firestore } from "../../platform/firestore.js";
import { isoDate } from "../../platform/domain/programme.js";
import { recertificationMailIds, renewedMail } from "../domain/application.js";
import { recertificationLogs } from "../recertification-logs.js";

const renewalSchema = z.object({
  uid: z.string().min(1),
  level: z.union([z.literal(2), z.literal(3)]),
  renewalOf: z.string().min(1),
  renewedFromApplication: z.string().min(1),
  submission: z.number().int().min(1),
  certificateNumber: z.string().min(1),
  verificationCode: z.string().min(1),
  awardedOn: isoDate,
  validFrom: isoDate,
  expiresOn: isoDate,
  holderName: z.string().nullable().default(null),
});

export const deliverCertificateOnRenewal = onDocumentCreated("certifications/{certId}", async (event) => {
  const data = event.data?.data();
  if (!data || typeof data.renewalOf !== "string") return;
  const parsed = renewalSchema.safeParse(data);
  if (!parsed.success) {
    recertificationLogs.documentInvalid(
      event.data!.ref.path,
      parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`),
    );
    return;
  }
  const c = parsed.data;
  await deliverCertificate(
    firestore(),
    event.params.certId,
    { ...c, applicationId: c.renewedFromApplication },
    {
      id: recertificationMailIds.renewed(c.renewedFromApplication),
      msg: renewedMail(c.level, c.certificateNumber, c.validFrom, c.expiresOn),
    },
  );
});
