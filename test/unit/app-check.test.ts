// App Check on the callables: the param decides, and with it on a request
// without an App Check token never reaches the handler. The callable is driven
// through its real HTTP handler (firebase-functions' own checks), with a
// minimal request and response. firebase-functions reads the param when the
// callable is defined, as in production (where deploy sets it in the
// environment before the code loads), so each test loads the module afresh.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";

async function loadSetRole(enforced: "true" | "false") {
  process.env.APP_CHECK_ENFORCED = enforced;
  vi.resetModules();
  return (await import("../../functions/src/accounts/callables/set-role.js")).setRole;
}

interface Sent {
  status: number;
  body: { error?: { status: string; message: string } };
}

async function call(setRole: unknown, headers: Record<string, string> = {}): Promise<Sent> {
  const req = {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    header: (name: string) => ({ "content-type": "application/json", ...headers })[name.toLowerCase()],
    get: (name: string) => ({ "content-type": "application/json", ...headers })[name.toLowerCase()],
    body: { data: { uid: "someone", role: "committee" } },
  };
  return new Promise((resolve) => {
    const sent: Sent = { status: 200, body: {} };
    const res = {
      status(code: number) {
        sent.status = code;
        return res;
      },
      send(body: Sent["body"]) {
        sent.body = body;
        resolve(sent);
      },
      json(body: Sent["body"]) {
        sent.body = body;
        resolve(sent);
      },
      setHeader: () => res,
      set: () => res,
      getHeader: () => undefined,
      on: () => res,
      end: () => resolve(sent),
    };
    (setRole as unknown as (req: unknown, res: unknown) => void)(req, res);
  });
}

describe("App Check on callables", () => {
  afterEach(() => {
    delete process.env.APP_CHECK_ENFORCED;
  });

  it("every callable is declared with the APP_CHECK_ENFORCED param, on unless set otherwise", async () => {
    const { APP_CHECK_ENFORCED, CALLABLE_OPTIONS } = await import("../../functions/src/platform/guards.js");
    expect(CALLABLE_OPTIONS.enforceAppCheck).toBe(APP_CHECK_ENFORCED);
    expect(APP_CHECK_ENFORCED.options.default).toBe(true);
    expect(APP_CHECK_ENFORCED.name).toBe("APP_CHECK_ENFORCED");
    process.env.APP_CHECK_ENFORCED = "true";
    expect(APP_CHECK_ENFORCED.value()).toBe(true);
  });

  it("with the param on, a call without an App Check token is refused before the handler", async () => {
    const sent = await call(await loadSetRole("true"));
    expect(sent.status).toBe(401);
    expect(sent.body.error?.status).toBe("UNAUTHENTICATED");
    expect(sent.body.error?.message).not.toBe("Sign in first.");
  });

  it("with the param off (the emulators), the same call reaches the handler, which asks for a sign-in", async () => {
    const sent = await call(await loadSetRole("false"));
    expect(sent.status).toBe(401);
    expect(sent.body.error?.message).toBe("Sign in first.");
  });

  it("every callable in the code base is declared with those options", () => {
    const src = join(import.meta.dirname, "../../functions/src");
    const files = readdirSync(src, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".ts"));
    const declarations = files.flatMap((file) =>
      [...readFileSync(join(src, file), "utf8").matchAll(/onCall\(([^,]*),?/g)].map((m) => `${file}: ${m[1]}`),
    );
    expect(declarations.length).toBeGreaterThanOrEqual(4);
    for (const declaration of declarations) expect(declaration).toMatch(/: CALLABLE_OPTIONS$/);
  });
});
