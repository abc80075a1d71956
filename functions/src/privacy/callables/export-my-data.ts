// GDPR access and portability: everything held about the caller, as one JSON document.
import { onCall } from "firebase-functions/v2/https";
import { z } from "zod";
import { firestore } from "../../platform/firestore.js";
import { assertSignedIn, CALLABLE_OPTIONS, parseInput } from "../../platform/guards.js";
import { logs } from "../../platform/logs.js";
import { loadHoldings } from "../holdings.js";

export const EXPORT_FORMAT = "eacvi-cmr-personal-data/1";

export const exportMyData = onCall(CALLABLE_OPTIONS, async (request) => {
  const uid = assertSignedIn(request);
  parseInput(z.object({}).strict().optional().nullable(), request.data);
  const holdings = await loadHoldings(firestore(), uid);
  logs.personalDataExported(uid);
  return { format: EXPORT_FORMAT, exportedAt: new Date().toISOString(), ...holdings };
});
