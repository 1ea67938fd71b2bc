// Assembles the GraphQL schema from the domain modules (each registers its types, queries and mutations).
import { builder } from "../builder.ts";
import "./scalars.ts";
import "./errors.ts";
import "./users.ts";
import "./auth.ts";
import "./inspection.ts";
import "./ledger.ts";
import "./working-set.ts";
import "./assignments.ts";
import "./progress.ts";
import "./evidence.ts";
import "./import.ts";
import "./ledger-import.ts";
import "./records.ts";
import "./closeout.ts";
import "./opinions.ts";
import "./live.ts";
import "./dashboard.ts";
import "./analysis.ts";
import "./notices.ts";
import "./audit.ts";
import "./inspections.ts";
import "./authoring.ts";
import "./sessions.ts";
import "./nodes.ts";

export const schema = builder.toSchema({ sortSchema: true });
