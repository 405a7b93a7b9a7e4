import { ZodError } from "zod";

import { isDatabaseUnavailable } from "@/lib/db/errors";

/** One error type for route handlers; the code decides the HTTP status and says why. */
const STATUS = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unprocessable: 422,
  invalid: 422,
  unavailable: 503,
} as const;
export type AppErrorCode = keyof typeof STATUS;

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "AppError";
  }
  get status() {
    return STATUS[this.code];
  }
}

/** Maps any error to one JSON shape; unexpected errors say nothing about internals. */
export function toErrorResponse(error: unknown): Response {
  if (error instanceof AppError)
    return Response.json({ error: error.message, code: error.code }, { status: error.status });
  if (error instanceof ZodError) {
    const issues = error.issues
      .slice(0, 5)
      .map((issue) => `${issue.path.join(".") || "body"}: ${issue.message}`);
    return Response.json(
      { error: `Invalid payload: ${issues.join("; ")}`, code: "unprocessable" },
      { status: 422 },
    );
  }
  if (isDatabaseUnavailable(error)) {
    return Response.json(
      { error: "Temporarily unavailable, retry later", code: "unavailable" },
      { status: 503, headers: { "Retry-After": "2" } },
    );
  }
  console.error(
    "[api] unexpected error:",
    error instanceof Error ? `${error.name}: ${error.message}` : "unknown",
  );
  return Response.json({ error: "Internal error", code: "internal" }, { status: 500 });
}
