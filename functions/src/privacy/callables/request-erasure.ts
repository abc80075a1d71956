// GDPR erasure: erases what retention allows and says what is kept and why.
import { onCall } from "firebase-functions/v2/https";
import { z } from "zod";
import { calendarDateIn, PROGRAMME_TIME_ZONE } from "../../platform/domain/dates.js";
import { firestore } from "../../platform/firestore.js";
import { assertSignedIn, CALLABLE_OPTIONS, parseInput } from "../../platform/guards.js";
import { logs } from "../../platform/logs.js";
import { directReader } from "../../platform/reader.js";
import { loadPolicy } from "../../platform/policy-repository.js";
import { storageFiles } from "../erase.js";
import { eraseOnRequest } from "../erasure-request.js";

const input = z.object({
  confirm: z.literal(true, { error: "confirm must be true: erasure cannot be undone" }),
});

export const requestErasure = onCall(CALLABLE_OPTIONS, async (request) => {
  const uid = assertSignedIn(request);
  parseInput(input, request.data);
  const db = firestore();
  const today = calendarDateIn(PROGRAMME_TIME_ZONE, new Date());
  const outcome = await eraseOnRequest(db, storageFiles(), uid, today, await loadPolicy(db, directReader(db)));
  logs.erasureRequested(uid, outcome.erased.length, outcome.kept.length);
  return outcome;
});
