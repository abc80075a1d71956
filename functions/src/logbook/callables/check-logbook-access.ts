import { onCall } from "firebase-functions/v2/https";
import { z } from "zod";
import { calendarDateIn, PROGRAMME_TIME_ZONE } from "../../platform/domain/dates.js";
import { routeSchema } from "../../platform/domain/programme.js";
import { firestore } from "../../platform/firestore.js";
import { assertSignedIn, CALLABLE_OPTIONS, documentId, parseInput } from "../../platform/guards.js";
import { paths } from "../../platform/paths.js";
import { logbookAccessProblem } from "../domain/access.js";

const input = z.object({
  route: routeSchema,
  examResultId: documentId("examResultId").nullish(),
  level2CertificationId: documentId("level2CertificationId").nullish(),
});

/**
 * Whether the caller may create an application with these references, and if
 * not, what is missing: the words behind the rules' bare denial (the same
 * check as firestore.rules' logbookAccess).
 */
export const checkLogbookAccess = onCall(CALLABLE_OPTIONS, async (request) => {
  const uid = assertSignedIn(request);
  const { route, examResultId = null, level2CertificationId = null } = parseInput(input, request.data);
  const db = firestore();
  const [exam, level2] = await Promise.all([
    examResultId ? db.doc(paths.examResult(examResultId)).get() : null,
    level2CertificationId ? db.doc(paths.certification(level2CertificationId)).get() : null,
  ]);
  const problem = logbookAccessProblem({
    route,
    uid,
    examResultId,
    exam: exam?.exists ? (exam.data() ?? null) : null,
    level2CertificationId,
    level2: level2?.exists ? (level2.data() ?? null) : null,
    today: calendarDateIn(PROGRAMME_TIME_ZONE, new Date()),
  });
  return { allowed: problem === null, problem };
});
