// Lint: typescript-eslint (type-aware) over the code, graphql-eslint over the printed schema.
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import graphqlPlugin from "@graphql-eslint/eslint-plugin";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";

export default tseslint.config(
  { ignores: ["**/node_modules/**", "**/dist/**", "**/generated/**", "data/**", "**/dev-dist/**", "**/coverage/**"] },
  {
    files: ["**/*.{ts,tsx}"],
    extends: [js.configs.recommended, ...tseslint.configs.recommended],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      "@typescript-eslint/no-explicit-any": "off",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/no-floating-promises": "error",
      "no-empty": ["error", { allowEmptyCatch: false }],
    },
  },
  {
    files: ["**/*.{ts,tsx}"],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
  },
  {
    files: ["client/src/**/*.tsx", "client/src/**/*.ts"],
    plugins: { "react-hooks": reactHooks },
    rules: { "react-hooks/rules-of-hooks": "error", "react-hooks/exhaustive-deps": "warn" },
  },
  {
    files: ["server/schema.graphql"],
    languageOptions: {
      parser: graphqlPlugin.parser,
      parserOptions: { graphQLConfig: { schema: "server/schema.graphql" } },
    },
    plugins: { "@graphql-eslint": graphqlPlugin },
    rules: {
      ...graphqlPlugin.configs["flat/schema-recommended"].rules,
      ...graphqlPlugin.configs["flat/schema-relay"].rules,
      // Every type is documented (generated connection/edge types excepted). The rule's rootField option builds
      // a broken regex when there are several root types, so root fields are documented by review instead.
      "@graphql-eslint/require-description": [
        "error",
        {
          ObjectTypeDefinition: true,
          EnumTypeDefinition: true,
          InputObjectTypeDefinition: true,
          InterfaceTypeDefinition: true,
          ignoredSelectors: [
            "[name.value=/(Connection|ConnectionEdge)$/]",
            "[name.value=/^(PageInfo|Node|Query|Mutation)$/]",
          ],
        },
      ],
      "@graphql-eslint/strict-id-in-types": [
        "error",
        {
          exceptions: {
            types: [
              "PageInfo",
              "Indicator",
              "StatusChange",
              "FieldIssue",
              "SyncAnswer",
              "SyncError",
              "LedgerEvent",
              "TimelineEntry",
              "RemovalResult",
              "ImportLayout",
              "ImportLineRole",
              "ImportSkippedLine",
              "ImportWarning",
              "ImportedMeasure",
              "ImportedProblem",
              // Rows and columns of a spreadsheet being previewed: not stored, so nothing to identify.
              "LedgerColumn",
              "LedgerSheet",
              "LedgerSheetProblem",
              "LedgerSheetMeasure",
              "LedgerWarning",
              // A window of the offline working-set download (problems as JSON): nothing to identify or refetch.
              "WorkingSetPage",
            ],
            suffixes: ["Connection", "Edge", "Error", "Payload", "Summary", "Counts", "Figures", "Success"],
          },
        },
      ],
      // Plain lists are used deliberately for small bounded sets (a measure's indicators, a record's photos).
      "@graphql-eslint/relay-edge-types": ["error", { listTypeCanWrapOnlyEdgeType: false }],
      // Domain words such as Report.reportDate and User.username read better than the prefix-free forms.
      "@graphql-eslint/no-typename-prefix": "off",
    },
  },
);
