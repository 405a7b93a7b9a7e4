import { describe, expect, it } from "vitest";

import { databaseFailure, isDatabaseUnavailable, retryOnConflict } from "@/lib/db/errors";

const pgError = (code: string) => Object.assign(new Error(`error ${code}`), { code });

describe("what a failed query means", () => {
  it("names the Postgres codes the app reacts to", () => {
    expect(databaseFailure(pgError("23505"))).toBe("duplicate");
    expect(databaseFailure(pgError("23503"))).toBe("bad_reference");
    expect(databaseFailure(pgError("23P01"))).toBe("overlap");
    expect(databaseFailure(pgError("42501"))).toBe("forbidden");
    expect(databaseFailure(pgError("22023"))).toBe("not_allowed");
    expect(databaseFailure(pgError("40001"))).toBe("conflict");
    expect(databaseFailure(pgError("40P01"))).toBe("conflict");
  });

  it("treats a lost or refused connection as unavailable, by code or by node-postgres' message", () => {
    for (const code of ["57P01", "57P03", "08006", "53300", "ECONNREFUSED", "ECONNRESET"])
      expect(isDatabaseUnavailable(pgError(code))).toBe(true);
    expect(isDatabaseUnavailable(new Error("Connection terminated unexpectedly"))).toBe(true);
    expect(
      isDatabaseUnavailable(
        new Error("Client has encountered a connection error and is not queryable"),
      ),
    ).toBe(true);
  });

  it("leaves everything else alone", () => {
    expect(databaseFailure(pgError("42P01"))).toBeNull();
    expect(databaseFailure(new Error("boom"))).toBeNull();
    expect(databaseFailure(null)).toBeNull();
    expect(databaseFailure({ code: 40001 })).toBeNull();
  });
});

describe("retryOnConflict", () => {
  it("runs the transaction again after a deadlock or serialization failure, up to three more times", async () => {
    let attempts = 0;
    const result = await retryOnConflict(async () => {
      attempts++;
      if (attempts < 4) throw pgError(attempts % 2 ? "40P01" : "40001");
      return "done";
    });
    expect({ result, attempts }).toEqual({ result: "done", attempts: 4 });

    attempts = 0;
    await expect(
      retryOnConflict(async () => {
        attempts++;
        throw pgError("40P01");
      }),
    ).rejects.toMatchObject({ code: "40P01" });
    expect(attempts).toBe(4);
  });

  it("never retries any other failure", async () => {
    let attempts = 0;
    await expect(
      retryOnConflict(async () => {
        attempts++;
        throw pgError("23505");
      }),
    ).rejects.toMatchObject({ code: "23505" });
    expect(attempts).toBe(1);
  });
});
