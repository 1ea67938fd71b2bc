// The one error catalogue: every failure a client can see has a stable code here.
// Invariant: codes never change meaning once published; messages are for people, codes are for programs.
import { GraphQLError } from "graphql";

export const ErrorCodes = {
  UNAUTHENTICATED: "UNAUTHENTICATED",
  FORBIDDEN: "FORBIDDEN",
  NOT_FOUND: "NOT_FOUND",
  VALIDATION_FAILED: "VALIDATION_FAILED",
  INVALID_TRANSITION: "INVALID_TRANSITION",
  IMPORT_PARSE_ERROR: "IMPORT_PARSE_ERROR",
  IMPORT_UNREADABLE_FILE: "IMPORT_UNREADABLE_FILE",
  CONFLICT: "CONFLICT",
  BAD_CREDENTIALS: "BAD_CREDENTIALS",
  RATE_LIMITED: "RATE_LIMITED",
  SPREADSHEET_UNREADABLE: "SPREADSHEET_UNREADABLE",
  WARNINGS_NOT_ACCEPTED: "WARNINGS_NOT_ACCEPTED",
  /** A cookie-carrying request from another origin (CSRF). HTTP 403. */
  CSRF_REJECTED: "CSRF_REJECTED",
  /** A GraphQL document over the cost, alias, token or directive limits (stricter for the anonymous public). */
  QUERY_TOO_COMPLEX: "QUERY_TOO_COMPLEX",
  /** Introspection is for staff unless GRAPHIQL=public. */
  INTROSPECTION_DISABLED: "INTROSPECTION_DISABLED",
  /** A malformed id, cursor or path (bad base64, wrong type, not a UUID). */
  INVALID_ID: "INVALID_ID",
  /** The server is at capacity for sync; retry after `retryAfterSeconds` (HTTP Retry-After). */
  SYNC_BUSY: "SYNC_BUSY",
} as const;
export type ErrorCode = (typeof ErrorCodes)[keyof typeof ErrorCodes];

/** A GraphQLError, so GraphQL servers pass it to clients unmasked, with `extensions.code`. */
export class AppError extends GraphQLError {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message, { extensions: { code } });
    this.name = new.target.name;
  }
}

export class NotFoundError extends AppError {
  constructor(what: string, id?: string) {
    super(ErrorCodes.NOT_FOUND, id ? `${what} ${id} not found` : `${what} not found`);
  }
}

export class ForbiddenError extends AppError {
  constructor(message = "You are not allowed to do this") {
    super(ErrorCodes.FORBIDDEN, message);
  }
}

export class UnauthenticatedError extends AppError {
  constructor(message = "Log in first") {
    super(ErrorCodes.UNAUTHENTICATED, message);
  }
}

export interface FieldIssue {
  path: string;
  message: string;
}

export class ValidationError extends AppError {
  constructor(
    message: string,
    readonly issues: FieldIssue[] = [],
  ) {
    super(ErrorCodes.VALIDATION_FAILED, message);
  }
}

export class InvalidTransitionError extends AppError {
  constructor(
    readonly from: string,
    readonly to: string,
    why: string,
  ) {
    super(ErrorCodes.INVALID_TRANSITION, `Cannot change status from ${from} to ${to}: ${why}`);
  }
}

export class ImportParseError extends AppError {
  constructor(
    readonly line: number,
    readonly expected: string,
    readonly found: string,
    message: string,
  ) {
    super(ErrorCodes.IMPORT_PARSE_ERROR, message);
  }
}

/** A file that is not text in a supported encoding, a broken .docx/.pdf, or a PDF without a text layer. */
export class ImportFileError extends AppError {
  constructor(
    /** "encoding" | "no-text-layer" | "docx" | "pdf" */
    readonly reason: string,
    message: string,
  ) {
    super(ErrorCodes.IMPORT_UNREADABLE_FILE, message);
  }
}

export class BadCredentialsError extends AppError {
  constructor() {
    super(ErrorCodes.BAD_CREDENTIALS, "Wrong user name or password");
  }
}

/** Sync overload: retryable; HTTP 503 with Retry-After (yoga takes status and headers from extensions.http). */
export class SyncBusyError extends AppError {
  constructor(readonly retryAfterSeconds: number) {
    super(ErrorCodes.SYNC_BUSY, `The server is busy; retry in ${retryAfterSeconds} s`);
    Object.assign(this.extensions, {
      retryAfterSeconds,
      http: { status: 503, headers: { "Retry-After": String(retryAfterSeconds) } },
    });
  }
}

export class RateLimitedError extends AppError {
  constructor(readonly retryAfterSeconds: number) {
    super(ErrorCodes.RATE_LIMITED, `Too many attempts; try again in ${retryAfterSeconds} s`);
  }
}

/** A ledger spreadsheet that cannot be imported at all; `reason` says why (NO_HEADER, PASSWORD_PROTECTED, …). */
export class SpreadsheetError extends AppError {
  constructor(
    readonly reason: string,
    message: string,
  ) {
    super(ErrorCodes.SPREADSHEET_UNREADABLE, message);
  }
}

/** An import whose preview has warnings, sent without accepting them: nothing was written. */
export class WarningsNotAcceptedError extends AppError {
  constructor(readonly warnings: { code: string; sheet: string; row: number | null; message: string }[]) {
    super(
      ErrorCodes.WARNINGS_NOT_ACCEPTED,
      `${warnings.length} warning(s): review the preview and accept them to import; nothing was written`,
    );
  }
}
