// setRole through the Functions emulator, with users in the Auth emulator.
import { getAuth } from "firebase-admin/auth";
import { describe, expect, it } from "vitest";
import { adminDb, callFunction, uniqueId } from "./helpers.js";

adminDb(); // initialises the Admin SDK for the emulators
const admin = { uid: "admin-caller", claims: { role: "admin" } };

async function newUser() {
  const uid = uniqueId("user");
  await getAuth().createUser({ uid, email: `${uid}@example.org` });
  return uid;
}

describe("setRole", () => {
  it("an admin can make a user a committee member, and take the role back", async () => {
    const uid = await newUser();
    expect((await callFunction("setRole", { uid, role: "committee" }, admin)).result).toEqual({
      uid,
      role: "committee",
    });
    expect((await getAuth().getUser(uid)).customClaims).toEqual({ role: "committee" });
    await callFunction("setRole", { uid, role: null }, admin);
    expect((await getAuth().getUser(uid)).customClaims ?? {}).toEqual({});
  });

  it.each([
    ["a candidate", { uid: "cand" }],
    ["a committee member", { uid: "comm", claims: { role: "committee" } }],
    ["a user claiming a made-up role", { uid: "x", claims: { role: "superuser" } }],
  ])("%s cannot give roles", async (_who, caller) => {
    const uid = await newUser();
    expect((await callFunction("setRole", { uid, role: "admin" }, caller)).error?.status).toBe("PERMISSION_DENIED");
    expect((await getAuth().getUser(uid)).customClaims ?? {}).toEqual({});
  });

  it("a signed-out caller is refused as unauthenticated", async () => {
    expect((await callFunction("setRole", { uid: "u", role: "admin" })).error?.status).toBe("UNAUTHENTICATED");
  });

  it("an unknown role is invalid-argument, an unknown user not-found", async () => {
    expect((await callFunction("setRole", { uid: "u", role: "president" }, admin)).error?.status).toBe(
      "INVALID_ARGUMENT",
    );
    expect((await callFunction("setRole", { uid: "nobody-here", role: "grader" }, admin)).error?.status).toBe(
      "NOT_FOUND",
    );
  });
});
