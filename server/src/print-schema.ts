// Prints the GraphQL schema to server/schema.graphql (committed; a test fails when it drifts from the code).
import { writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { printSchema } from "graphql";
import { schema } from "./schema/index.ts";

export const schemaFile = fileURLToPath(new URL("../schema.graphql", import.meta.url));
await writeFile(schemaFile, printSchema(schema) + "\n");
console.log(`wrote ${schemaFile}`);
