// The privacy feature's own collections (server-only: firestore.rules denies
// clients every collection it does not name).
export const PRIVACY_COLLECTIONS = {
  /** One record per erasure: what went, what was kept and why. */
  audit: "privacyAudit",
} as const;
