// Typed builders for grading tests: a certification as the register reads it.
import type { RegisteredCertification } from "../../functions/src/grading/domain/index.js";

/** A current Level 2 certification (2024-01-10 to 2029-01-10); one change per test. */
export const registeredCertification = (over: Partial<RegisteredCertification> = {}): RegisteredCertification => ({
  id: "c2",
  uid: "u1",
  level: 2,
  awardedOn: "2024-01-10",
  expiresOn: "2029-01-10",
  status: "active",
  certificateNumber: "CMR-L2-2024-00001",
  holderName: "Dr A",
  country: "FR",
  ...over,
});
