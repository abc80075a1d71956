// Deployment parameters of the grading feature (read inside handlers only).
import { defineString } from "firebase-functions/params";

export const sampleSalt = defineString("GRADING_SAMPLE_SALT", {
  default: "cmr-grading-sample",
  description:
    "Mixed into the random-check sample with the application and submission, so that candidates cannot compute which cases will be checked. Set a long random value in production (functions/.env or the deploy prompt); the default only serves the emulators.",
});
