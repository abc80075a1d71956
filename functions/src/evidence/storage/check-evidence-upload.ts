// Every object written to the default bucket is checked (see evidence/upload-check.ts).
import { getStorage } from "firebase-admin/storage";
import { onObjectFinalized } from "firebase-functions/v2/storage";
import { firestore } from "../../platform/firestore.js";
import { processEvidenceUpload, type ObjectStore } from "../upload-check.js";

const bucketStore = (bucketName: string): ObjectStore => {
  const bucket = getStorage().bucket(bucketName);
  return {
    download: async (name) => (await bucket.file(name).download())[0],
    move: async (from, to) => {
      await bucket.file(from).move(to);
    },
  };
};

export const checkEvidenceUpload = onObjectFinalized({ memory: "512MiB" }, (event) =>
  processEvidenceUpload(firestore(), bucketStore(event.data.bucket), {
    name: event.data.name,
    size: Number(event.data.size),
    contentType: event.data.contentType,
    generation: String(event.data.generation),
  }),
);
