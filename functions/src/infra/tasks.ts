// Enqueues the revalidation task on the Cloud Tasks queue of the
// recomputeReport function (the Cloud Tasks emulator locally).
import { getFunctions } from "firebase-admin/functions";
import type { Enqueue } from "../services/revalidation.js";

export const REGION = "europe-west1";
export const RECOMPUTE_FUNCTION = "recomputeReport";

export const enqueueRevalidation: Enqueue = async (appId) => {
  const queue = getFunctions().taskQueue<{ appId: string }>(`locations/${REGION}/functions/${RECOMPUTE_FUNCTION}`);
  // No schedule delay: the task itself waits for the writes to go quiet (services/revalidation.ts).
  await queue.enqueue({ appId }, { dispatchDeadlineSeconds: 300 });
};
