// When an application is deleted, everything under it goes too (server side:
// a client cannot list and delete hundreds of cases reliably).
import { onDocumentDeleted } from "firebase-functions/v2/firestore";
import { firestore } from "../../platform/firestore.js";
import { cleanUpDeletedApplication } from "../application-deletion.js";

export const onApplicationDeleted = onDocumentDeleted("applications/{appId}", (event) =>
  cleanUpDeletedApplication(firestore(), event.params.appId, event.data?.data()),
);
