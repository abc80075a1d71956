import { seed } from "./fixtures.js";

export default async function globalSetup(): Promise<void> {
  await seed();
}
