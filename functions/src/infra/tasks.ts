// Enqueues the revalidation task on the Cloud Tasks queue of the
// recomputeReport function (the Cloud Tasks emulator locally).
import { getFunctions } from "firebase-admin/functions";
import type { Enqueue } from "../services/revalidation.js";

export const REGION = "europe-west1";
export const RECOMPUTE_FUNCTION = "recomputeReport";

export const enqueueRevalidation: Enqueue = async (appId) => {
  const queue = getFunctions().taskQueue<{ appId: string }>(`locations/${REGION}/functions/${RECOMPUTE_FUNCTION}`);
  await queue.enqueue({ appId }, { scheduleDelaySeconds: 1, dispatchDeadlineSeconds: 300 });
};
