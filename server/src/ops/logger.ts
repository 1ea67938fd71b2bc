// Structured JSON logs (pino), one object per line. LOG_LEVEL sets the level (default info; "silent" for none).
// Invariant: secrets never reach a log line — request lines carry chosen fields only, and anything logged with
// headers, passwords, tokens, cookies or bodies is redacted by path as a second line of defence.
import pino, { type DestinationStream, type Logger } from "pino";

export type { Logger };

export const REDACT_PATHS = [
  "password",
  "*.password",
  "newPassword",
  "*.newPassword",
  "token",
  "*.token",
  "cookie",
  "*.cookie",
  "authorization",
  "*.authorization",
  "headers.cookie",
  "headers.authorization",
  'headers["set-cookie"]',
  "*.headers.cookie",
  "*.headers.authorization",
  "variables",
  "*.variables",
  "body",
  "*.body",
];

export function createLogger(
  opts: { level?: string; destination?: DestinationStream } = {},
  env: NodeJS.ProcessEnv = process.env,
): Logger {
  const level = opts.level ?? env.LOG_LEVEL ?? "info";
  return pino(
    {
      level,
      base: { service: "rectify" },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: REDACT_PATHS, censor: "[redacted]" },
      formatters: { level: (label) => ({ level: label }) },
    },
    opts.destination ?? pino.destination({ dest: 1, sync: true }),
  );
}
