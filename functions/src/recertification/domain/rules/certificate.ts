// "a copy of the current certificate": the system issued it, so it checks its
// own record instead of asking for a copy.
import { error } from "../../../logbook/domain/index.js";
import type { RecertificationRule } from "./context.js";

export const currentCertificate: RecertificationRule = {
  name: "certificate",
  evaluate: ({ certificate }) => {
    const current = certificate.status === "active" || certificate.status === "expired";
    const met = current && certificate.certificateNumber !== null;
    const findings = met
      ? []
      : [
          error(
            "RECERT_CERTIFICATE_UNKNOWN",
            current
              ? `certification ${certificate.id} has no certificate number on record: the certification team must record it`
              : `certification ${certificate.id} is ${certificate.status}: it cannot be renewed`,
          ),
        ];
    return { requirements: [{ id: "certificate", met, actual: met, required: true }], findings };
  },
};
