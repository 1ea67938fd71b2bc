// GraphQL shapes of the error catalogue (errors.ts): an Error interface with a stable code, one type per class.
// Mutations list the error types they can return; anything else surfaces as a GraphQL error with extensions.code.
import { builder } from "../builder.ts";
import {
  AppError,
  BadCredentialsError,
  ForbiddenError,
  ImportParseError,
  InvalidTransitionError,
  NotFoundError,
  RateLimitedError,
  ValidationError,
  ErrorCodes,
  type FieldIssue,
} from "../errors.ts";

export const ErrorCodeEnum = builder.enumType("ErrorCode", { values: Object.values(ErrorCodes) });

export const ErrorInterface = builder.interfaceRef<AppError>("Error").implement({
  description: "A failure the client can act on; `code` is stable, `message` is for people.",
  fields: (t) => ({
    code: t.field({ type: ErrorCodeEnum, resolve: (e) => e.code }),
    message: t.exposeString("message"),
  }),
});

builder.objectType(NotFoundError, {
  name: "NotFoundError",
  interfaces: [ErrorInterface],
  isTypeOf: (v) => v instanceof NotFoundError,
  fields: () => ({}),
});

builder.objectType(BadCredentialsError, {
  name: "BadCredentialsError",
  interfaces: [ErrorInterface],
  isTypeOf: (v) => v instanceof BadCredentialsError,
  fields: () => ({}),
});

builder.objectType(ForbiddenError, {
  name: "ForbiddenError",
  interfaces: [ErrorInterface],
  isTypeOf: (v) => v instanceof ForbiddenError,
  fields: () => ({}),
});

const FieldIssueRef = builder.objectRef<FieldIssue>("FieldIssue").implement({
  fields: (t) => ({ path: t.exposeString("path"), message: t.exposeString("message") }),
});

builder.objectType(ValidationError, {
  name: "ValidationError",
  interfaces: [ErrorInterface],
  isTypeOf: (v) => v instanceof ValidationError,
  fields: (t) => ({ issues: t.field({ type: [FieldIssueRef], resolve: (e) => e.issues }) }),
});

builder.objectType(InvalidTransitionError, {
  name: "InvalidTransitionError",
  interfaces: [ErrorInterface],
  isTypeOf: (v) => v instanceof InvalidTransitionError,
  fields: (t) => ({ from: t.exposeString("from"), to: t.exposeString("to") }),
});

builder.objectType(ImportParseError, {
  name: "ImportParseError",
  interfaces: [ErrorInterface],
  isTypeOf: (v) => v instanceof ImportParseError,
  fields: (t) => ({
    line: t.exposeInt("line"),
    expected: t.exposeString("expected"),
    found: t.exposeString("found"),
  }),
});

builder.objectType(RateLimitedError, {
  name: "RateLimitedError",
  interfaces: [ErrorInterface],
  isTypeOf: (v) => v instanceof RateLimitedError,
  fields: (t) => ({ retryAfterSeconds: t.exposeInt("retryAfterSeconds") }),
});
