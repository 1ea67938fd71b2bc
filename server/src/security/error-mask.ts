// Error masking with typed answers for what is the caller's fault: Pothos argument errors (bad cursor, bad
// `first`) and database refusals of malformed input (a non-UUID id: Prisma P2023; NUL: SQLSTATE 22021) become
// VALIDATION_FAILED / INVALID_ID instead of "Unexpected error". Everything else stays masked.
import { PothosValidationError } from "@pothos/core";
import { GraphQLError } from "graphql";
import { maskError as yogaMask } from "graphql-yoga";
import { ErrorCodes } from "../errors.ts";

function causes(error: unknown): unknown[] {
  const out: unknown[] = [];
  let e: unknown = error;
  for (let i = 0; e && i < 5; i++) {
    out.push(e);
    e = (e as { originalError?: unknown; cause?: unknown }).originalError ?? (e as { cause?: unknown }).cause;
  }
  return out;
}

export function typedError(error: unknown): GraphQLError | null {
  for (const e of causes(error)) {
    if (e instanceof PothosValidationError) {
      const code = /cursor|global ID|id received/i.test(e.message)
        ? ErrorCodes.INVALID_ID
        : ErrorCodes.VALIDATION_FAILED;
      return new GraphQLError(e.message, { extensions: { code } });
    }
    const code = (e as { code?: unknown }).code;
    if (code === "P2023") {
      return new GraphQLError("An id or cursor is malformed", { extensions: { code: ErrorCodes.INVALID_ID } });
    }
    if (code === "22021" || code === "22P05") {
      return new GraphQLError("The input contains characters that cannot be stored (NUL)", {
        extensions: { code: ErrorCodes.VALIDATION_FAILED },
      });
    }
  }
  return null;
}

export const maskError: typeof yogaMask = (error, message, isDev) => {
  if (error instanceof GraphQLError && !error.originalError) return yogaMask(error, message, isDev);
  const typed = typedError(error);
  if (!typed) return yogaMask(error, message, isDev);
  const path = error instanceof GraphQLError ? error.path : undefined;
  return new GraphQLError(typed.message, { path, extensions: typed.extensions });
};
