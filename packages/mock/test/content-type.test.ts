// updatePool takes application/merge-patch+json only, as the live API does; createPool takes application/json.
import { describe, expect, it } from "vitest";
import { call, exampleOf, poolPath, useMock } from "./support.js";

const mock = useMock();
const path = poolPath(exampleOf("scaledPool").metadata.name);

describe("updatePool content type", () => {
  it.each(["application/json", "text/plain", "application/json-patch+json", null])(
    "answers %s with the live API's 400 ModelArts.50004100, where Prism alone answers 200",
    async (contentType) => {
      const reply = await call(mock(), { method: "PATCH", path, body: exampleOf("scaleOutPool"), contentType });
      expect(reply.status).toBe(400);
      expect(reply.body).toEqual({ error_code: "ModelArts.50004100", error_msg: "Content type not supported" });
      expect(reply.body).toEqual(exampleOf("contentTypeNotSupported"));
    },
  );

  it("takes merge-patch with parameters and in any letter case", async () => {
    for (const contentType of ["application/merge-patch+json; charset=utf-8", "Application/Merge-Patch+JSON"]) {
      const reply = await call(mock(), { method: "PATCH", path, body: exampleOf("scaleOutPool"), contentType });
      expect(reply.status, contentType).toBe(200);
    }
  });
});

describe("createPool content type", () => {
  it("refuses a body that is not application/json, naming the media type it takes", async () => {
    const reply = await call(mock(), { body: exampleOf("createDedicatedPool"), contentType: "application/merge-patch+json" });
    expect(reply.status).toBe(400);
    expect(reply.body.error_code).toBe("ModelArts.50004000");
    expect(reply.body.error_msg).toContain("Content-Type must be application/json, not application/merge-patch+json");
  });

  it("takes application/json with a charset", async () => {
    const reply = await call(mock(), { body: exampleOf("createDedicatedPool"), contentType: "application/json; charset=utf-8" });
    expect(reply.status).toBe(200);
  });
});
