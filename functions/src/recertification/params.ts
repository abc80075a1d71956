// Deployment parameters of the recertification feature (read inside handlers only).
import { defineString } from "firebase-functions/params";

export const uploadUrl = defineString("RECERTIFICATION_UPLOAD_URL", {
  default: "http://127.0.0.1:5050/recertification",
  description:
    "The web client's page where a holder uploads the recertification documents; the payment confirmation e-mail links to it with ?application=<id>.",
});
