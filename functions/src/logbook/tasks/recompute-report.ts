// The one place a live report is recomputed (see logbook/revalidation.ts).
import { onTaskDispatched } from "firebase-functions/v2/tasks";
import { z } from "zod";
import { firestore } from "../../platform/firestore.js";
import { runRevalidationTask } from "../revalidation.js";

const payload = z.object({
  appId: z
    .string()
    .min(1)
    .regex(/^[^/]+$/),
});

export const recomputeReport = onTaskDispatched(
  {
    retryConfig: { maxAttempts: 5, minBackoffSeconds: 5 },
    rateLimits: { maxConcurrentDispatches: 20 },
    timeoutSeconds: 120,
  },
  async (request) => {
    const parsed = payload.safeParse(request.data);
    if (!parsed.success) return; // a malformed task can never succeed: drop it rather than retry
    await runRevalidationTask(firestore(), parsed.data.appId);
  },
);
