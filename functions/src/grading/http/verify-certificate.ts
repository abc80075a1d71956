// Public verification of a certificate by its number or its verification
// code: no sign-in, and never more than the register shows.
import { onRequest } from "firebase-functions/v2/https";
import { z } from "zod";
import { calendarDateIn, PROGRAMME_TIME_ZONE } from "../../platform/domain/dates.js";
import { firestore } from "../../platform/firestore.js";
import { COLLECTIONS } from "../../platform/paths.js";
import { loadPolicy } from "../../platform/policy-repository.js";
import { directReader } from "../../platform/reader.js";
import {
  CERTIFICATE_NUMBER,
  normaliseCode,
  registeredCertificationSchema,
  verificationAnswer,
} from "../domain/index.js";

const query = z.union([
  z.object({ number: z.string().trim().toUpperCase().regex(CERTIFICATE_NUMBER, "not a certificate number") }),
  z.object({ code: z.string().max(40) }),
]);

export const verifyCertificate = onRequest({ cors: true }, async (req, res) => {
  if (req.method !== "GET") {
    res.status(405).json({ error: "Use GET with ?number=CMR-L2-2026-00001 or ?code=XXXX-XXXX-XXXX." });
    return;
  }
  const parsed = query.safeParse(req.query);
  const code = parsed.success && "code" in parsed.data ? normaliseCode(parsed.data.code) : null;
  if (!parsed.success || ("code" in parsed.data && !code)) {
    res.status(400).json({ error: "Give ?number=CMR-L2-2026-00001 or ?code=XXXX-XXXX-XXXX." });
    return;
  }
  const db = firestore();
  const [field, value] =
    "number" in parsed.data ? ["certificateNumber", parsed.data.number] : ["verificationCode", code];
  const found = await db.collection(COLLECTIONS.certifications).where(field, "==", value).limit(1).get();
  const doc = found.docs[0];
  const cert = doc ? registeredCertificationSchema.safeParse(doc.data()) : null;
  const policy = await loadPolicy(db, directReader(db));
  const today = calendarDateIn(PROGRAMME_TIME_ZONE, new Date());
  res.set("Cache-Control", "no-store");
  res
    .status(200)
    .json(
      verificationAnswer(
        cert?.success ? { ...cert.data, id: doc!.id } : null,
        today,
        policy.recertification.windowMonthsAfter,
      ),
    );
});
