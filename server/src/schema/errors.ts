// GraphQL shapes of the error catalogue (errors.ts): an Error interface with a stable code, one type per class.
// Mutations list the error types they can return; anything else surfaces as a GraphQL error with extensions.code.
import { builder } from "../builder.ts";
import {
  AppError,
  BadCredentialsError,
  ForbiddenError,
  ImportParseError,
  ImportFileError,
  InvalidTransitionError,
  NotFoundError,
  RateLimitedError,
  ValidationError,
  ErrorCodes,
  type FieldIssue,
} from "../errors.ts";

export const ErrorCodeEnum = builder.enumType("ErrorCode", {
  description: "Stable error codes (server/src/errors.ts).",
  values: Object.values(ErrorCodes),
});

export const ErrorInterface = builder.interfaceRef<AppError>("Error").implement({
  description: "A failure the client can act on; `code` is stable, `message` is for people.",
  fields: (t) => ({
    code: t.field({ type: ErrorCodeEnum, resolve: (e) => e.code }),
    message: t.exposeString("message"),
  }),
});

builder.objectType(NotFoundError, {
  name: "NotFoundError",
  description: "The referenced entity does not exist.",
  interfaces: [ErrorInterface],
  isTypeOf: (v) => v instanceof NotFoundError,
  fields: () => ({}),
});

builder.objectType(BadCredentialsError, {
  name: "BadCredentialsError",
  description: "Wrong user name or password (the same answer for both, by design).",
  interfaces: [ErrorInterface],
  isTypeOf: (v) => v instanceof BadCredentialsError,
  fields: () => ({}),
});

builder.objectType(ForbiddenError, {
  name: "ForbiddenError",
  description: "The user may not do this (role or unit scope).",
  interfaces: [ErrorInterface],
  isTypeOf: (v) => v instanceof ForbiddenError,
  fields: () => ({}),
});

const FieldIssueRef = builder.objectRef<FieldIssue>("FieldIssue").implement({
  description: "One invalid input field: its path and what is wrong.",
  fields: (t) => ({ path: t.exposeString("path"), message: t.exposeString("message") }),
});

builder.objectType(ValidationError, {
  name: "ValidationError",
  description: "The input is invalid; `issues` names each field.",
  interfaces: [ErrorInterface],
  isTypeOf: (v) => v instanceof ValidationError,
  fields: (t) => ({ issues: t.field({ type: [FieldIssueRef], resolve: (e) => e.issues }) }),
});

builder.objectType(InvalidTransitionError, {
  name: "InvalidTransitionError",
  description: "The status change is not allowed from the current status or for this role.",
  interfaces: [ErrorInterface],
  isTypeOf: (v) => v instanceof InvalidTransitionError,
  fields: (t) => ({ from: t.exposeString("from"), to: t.exposeString("to") }),
});

builder.objectType(ImportParseError, {
  name: "ImportParseError",
  description: "The report text could not be read: the line, what was expected there and what was found.",
  interfaces: [ErrorInterface],
  isTypeOf: (v) => v instanceof ImportParseError,
  fields: (t) => ({
    line: t.exposeInt("line"),
    expected: t.exposeString("expected"),
    found: t.exposeString("found"),
  }),
});

builder.objectType(ImportFileError, {
  name: "ImportFileError",
  description:
    "The file could not be read: not text in a supported encoding (named), a broken .docx/.pdf, or a PDF without text.",
  interfaces: [ErrorInterface],
  isTypeOf: (v) => v instanceof ImportFileError,
  fields: (t) => ({ reason: t.exposeString("reason", { description: "encoding | no-text-layer | document" }) }),
});

builder.objectType(RateLimitedError, {
  name: "RateLimitedError",
  description: "Too many attempts; retry after the given number of seconds.",
  interfaces: [ErrorInterface],
  isTypeOf: (v) => v instanceof RateLimitedError,
  fields: (t) => ({ retryAfterSeconds: t.exposeInt("retryAfterSeconds") }),
});
