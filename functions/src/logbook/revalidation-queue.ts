// Enqueues the revalidation task on the Cloud Tasks queue of the
// recomputeReport function (the Cloud Tasks emulator locally).
import { getFunctions } from "firebase-admin/functions";
import { REGION } from "../platform/region.js";
import type { Enqueue } from "./revalidation.js";

export const RECOMPUTE_FUNCTION = "recomputeReport";

export const enqueueRevalidation: Enqueue = async (appId) => {
  const queue = getFunctions().taskQueue<{ appId: string }>(`locations/${REGION}/functions/${RECOMPUTE_FUNCTION}`);
  // No schedule delay: the task itself waits for the writes to go quiet (logbook/revalidation.ts).
  await queue.enqueue({ appId }, { dispatchDeadlineSeconds: 300 });
};
