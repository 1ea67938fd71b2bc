// Scalars: DateTime (ISO-8601 instant), Date (calendar day, YYYY-MM-DD, UTC-midnight in the DB), JSON.
// Invariant: bad scalar input is rejected with a message naming the expected form.
import { GraphQLError, Kind } from "graphql";
import { builder } from "../builder.ts";

function parseDateTime(v: unknown): Date {
  if (typeof v !== "string") throw new GraphQLError("DateTime must be an ISO-8601 string");
  const d = new Date(v);
  if (Number.isNaN(d.getTime())) throw new GraphQLError(`Invalid DateTime "${v}"`);
  return d;
}

function parseDay(v: unknown): Date {
  if (typeof v !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(v)) {
    throw new GraphQLError(`Date must look like 2024-03-15, got ${JSON.stringify(v)}`);
  }
  const d = new Date(`${v}T00:00:00Z`);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== v) throw new GraphQLError(`Invalid Date "${v}"`);
  return d;
}

builder.scalarType("DateTime", {
  serialize: (d) => (d instanceof Date ? d.toISOString() : String(d)),
  parseValue: parseDateTime,
  parseLiteral: (ast) => parseDateTime(ast.kind === Kind.STRING ? ast.value : null),
});

builder.scalarType("Date", {
  description: "A calendar day, YYYY-MM-DD",
  serialize: (d) => (d instanceof Date ? d.toISOString().slice(0, 10) : String(d)),
  parseValue: parseDay,
  parseLiteral: (ast) => parseDay(ast.kind === Kind.STRING ? ast.value : null),
});

builder.scalarType("JSON", {
  serialize: (v) => v,
  parseValue: (v) => v,
});
