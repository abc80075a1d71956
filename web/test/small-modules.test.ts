import { describe, expect, it } from "vitest";
import { describeError } from "../src/errors";
import { emulatorsFromInitScript } from "../src/firebase";
import { matchesName } from "../src/public/RegisterPage";

describe("describeError", () => {
  const denied = { doing: "save this case", denied: "only the owner may change a draft logbook." };
  it("says what the rule requires instead of permission-denied", () => {
    const text = describeError({ code: "permission-denied", message: "Missing or insufficient permissions." }, denied);
    expect(text).toBe("You cannot save this case: only the owner may change a draft logbook.");
    expect(text).not.toMatch(/permission-denied|insufficient/);
  });
  it("passes on the callables' own messages and strips the functions/ prefix", () => {
    expect(describeError({ code: "functions/failed-precondition", message: "fix 2 problems" }, denied)).toBe(
      "Could not save this case: fix 2 problems",
    );
  });
  it("tells a person to sign in again or to check the connection", () => {
    expect(describeError({ code: "unauthenticated" }, denied)).toMatch(/Sign in again/);
    expect(describeError({ code: "unavailable" }, denied)).toMatch(/connection/);
    expect(describeError({ code: "auth/invalid-credential" }, denied)).toBe(
      "The e-mail address or the password is wrong.",
    );
  });
});

describe("emulatorsFromInitScript", () => {
  it("reads the addresses from the Hosting emulator's init script", () => {
    const script = `var firebaseConfig = {};\nvar firebaseEmulators = {\n  "auth": {\n    "host": "127.0.0.1",\n    "port": 9799,\n    "hostAndPort": "127.0.0.1:9799"\n  }\n};\nif (x) {}`;
    expect(emulatorsFromInitScript(script)?.auth?.port).toBe(9799);
    expect(emulatorsFromInitScript("var firebaseEmulators = undefined;")).toBeNull();
  });
});

describe("matchesName", () => {
  it("matches every word, ignoring case and accents", () => {
    expect(matchesName({ name: "Zoë Müller-Lüdenscheidt" }, "zoe muller")).toBe(true);
    expect(matchesName({ name: "Ada Lovelace" }, "")).toBe(true);
    expect(matchesName({ name: "Ada Lovelace" }, "ada smith")).toBe(false);
  });
});
