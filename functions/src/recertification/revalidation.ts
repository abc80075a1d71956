// Live revalidation of a recertification application: every write to the
// application or its CME recomputes the report at validation/current, in one
// transaction (a concurrent write makes it retry, so the last report written
// judges the latest documents). Only while the holder may still edit.
import { isDeepStrictEqual } from "node:util";
import { FieldValue, type Firestore } from "firebase-admin/firestore";
import { calendarDateIn, PROGRAMME_TIME_ZONE } from "../platform/domain/dates.js";
import { paths } from "../platform/paths.js";
import { loadPolicy } from "../platform/policy-repository.js";
import { transactionReader } from "../platform/reader.js";
import { EDITABLE_RECERTIFICATION_STATUSES } from "./domain/application.js";
import { evaluateRecertification } from "./domain/requirements.js";
import { loadRecertification } from "./recertification-repository.js";
import { recertificationLogs } from "./recertification-logs.js";

export async function recomputeRecertificationReport(db: Firestore, appId: string, now: Date) {
  const today = calendarDateIn(PROGRAMME_TIME_ZONE, now);
  const outcome = await db.runTransaction(async (tx) => {
    const reader = transactionReader(tx);
    const appSnap = await tx.get(db.doc(paths.recertification(appId)));
    if (!appSnap.exists) return null;
    if (!(EDITABLE_RECERTIFICATION_STATUSES as readonly string[]).includes(appSnap.get("status"))) return null;
    const loaded = await loadRecertification(reader, db, appId, today);
    const policy = await loadPolicy(db, reader);
    const report = evaluateRecertification(loaded.input, policy);
    const ref = db.doc(paths.recertificationReport(appId));
    const current = await tx.get(ref);
    const { computedAt: _computedAt, ...stored } = current.data() ?? {};
    // isDeepStrictEqual ignores key order (Firestore returns map keys sorted); JSON drops undefined.
    const written = !isDeepStrictEqual(stored, JSON.parse(JSON.stringify(report)));
    if (written) tx.set(ref, { ...report, computedAt: FieldValue.serverTimestamp() });
    return { eligible: report.eligible, written };
  });
  if (outcome) recertificationLogs.reportComputed(appId, outcome.eligible, outcome.written);
  return outcome;
}
