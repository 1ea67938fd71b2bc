// Cost, alias, token and directive limits (graphql-armor) and introspection for staff only, stricter for the
// anonymous public than for logged-in users. Invariant: every refusal is a GraphQL error with a stable code
// (QUERY_TOO_COMPLEX, INTROSPECTION_DISABLED), never a crash or a masked "Unexpected error".
import { costLimitRule } from "@escape.tech/graphql-armor-cost-limit";
import { maxAliasesRule } from "@escape.tech/graphql-armor-max-aliases";
import { maxDirectivesRule } from "@escape.tech/graphql-armor-max-directives";
import { MaxTokensParserWLexer } from "@escape.tech/graphql-armor-max-tokens";
import {
  GraphQLError,
  Lexer,
  NoSchemaIntrospectionCustomRule,
  Source,
  TokenKind,
  type ValidationContext,
} from "graphql";
import type { Plugin } from "graphql-yoga";
import { sessionOf, settledSession } from "../context.ts";
import type { PrismaClient } from "../db.ts";
import { ErrorCodes } from "../errors.ts";
import type { GraphiqlAccess } from "./settings.ts";

export interface ArmorLimits {
  maxCost: number;
  maxAliases: number;
  maxDirectives: number;
  maxTokens: number;
}

/**
 * Costs are graphql-armor's: each level multiplies by its literal `first` and by 1.5 per depth. The PWA's largest
 * document, the inspector's working set (problems(first: 200) × measures(first: 200)), costs about 7.5 million;
 * staff get room for it, and 1,000 aliases of it (the audit's attack) cost 7.5 billion. The public reads published
 * problems with small pages (50 problems × 20 measures ≈ 67,000).
 */
export const ANONYMOUS_LIMITS: ArmorLimits = { maxCost: 100_000, maxAliases: 10, maxDirectives: 20, maxTokens: 1000 };
export const STAFF_LIMITS: ArmorLimits = { maxCost: 20_000_000, maxAliases: 50, maxDirectives: 50, maxTokens: 5000 };

function tooComplex(message: string) {
  return new GraphQLError(message.replace(/^Syntax Error: /, ""), {
    extensions: { code: ErrorCodes.QUERY_TOO_COMPLEX },
  });
}

/** A rule under a name of its own: yoga keeps validation results per list of rule names (see useArmor). */
function named<T extends object>(rule: T, name: string): T {
  return Object.defineProperty(rule, "name", { value: name });
}

/** The validation rules of one set of limits (also used by the PWA's document tests). */
export function armorRules(limits: ArmorLimits) {
  const reject = [(ctx: ValidationContext | null, err: GraphQLError) => ctx?.reportError(tooComplex(err.message))];
  const common = { exposeLimits: true, propagateOnRejection: false, onReject: reject };
  const tag = `${limits.maxCost}/${limits.maxAliases}/${limits.maxDirectives}`;
  return [
    named(costLimitRule({ ...common, maxCost: limits.maxCost }), `armorCost:${tag}`),
    named(maxAliasesRule({ ...common, n: limits.maxAliases }), `armorAliases:${tag}`),
    named(maxDirectivesRule({ ...common, n: limits.maxDirectives }), `armorDirectives:${tag}`),
  ];
}

// yoga parses and validates before it builds the context, so the caller is looked up in onParams.
const userOf = (request: Request) => settledSession(request)?.user ?? null;
const limitsOf = (request: Request) => (userOf(request) ? STAFF_LIMITS : ANONYMOUS_LIMITS);
const STAFF_RULES = armorRules(STAFF_LIMITS);
const ANONYMOUS_RULES = armorRules(ANONYMOUS_LIMITS);

/** graphql's own introspection rule, with its error given our stable code. */
const staffOnlyIntrospection = named((vc: ValidationContext) => {
  const typed = Object.create(vc) as ValidationContext;
  typed.reportError = (e: GraphQLError) =>
    vc.reportError(
      new GraphQLError("Introspection is for staff only", {
        nodes: e.nodes,
        extensions: { code: ErrorCodes.INTROSPECTION_DISABLED },
      }),
    );
  return NoSchemaIntrospectionCustomRule(typed);
}, "staffOnlyIntrospection");

/** Whether `source` has more than `n` tokens (comments are not tokens), counted as the token-limited parser does. */
function moreTokensThan(source: string, n: number): boolean {
  const lexer = new Lexer(new Source(source));
  try {
    for (let count = 0; lexer.advance().kind !== TokenKind.EOF;) if (++count > n) return true;
  } catch {
    // A syntax error within the limit: the parser reports it.
  }
  return false;
}

/**
 * yoga keeps parsed documents (and parse errors) by their text and validation results by the names of the rules
 * run, whoever asked. So the parser always allows the staff's number of tokens and the public's smaller number is
 * checked before that memory is asked; and each set of limits has rules of its own names.
 */
export function useArmor(prisma: PrismaClient, introspection: GraphiqlAccess): Plugin {
  const n = Math.max(STAFF_LIMITS.maxTokens, ANONYMOUS_LIMITS.maxTokens);
  return {
    async onParams({ request }) {
      await sessionOf(prisma, request);
    },
    onParse({ context, params, setParseFn }) {
      const limit = limitsOf(context.request).maxTokens;
      if (limit < n && moreTokensThan(params.source.toString(), limit)) {
        throw tooComplex(`Token limit of ${limit} exceeded.`);
      }
      setParseFn((source, options) => {
        try {
          return new MaxTokensParserWLexer(source, { ...options, n, exposeLimits: true }).parseDocument();
        } catch (err) {
          if (err instanceof GraphQLError && /Token limit/.test(err.message)) throw tooComplex(err.message);
          throw err;
        }
      });
    },
    onValidate({ context, addValidationRule }) {
      const user = userOf(context.request);
      for (const rule of user ? STAFF_RULES : ANONYMOUS_RULES) addValidationRule(rule);
      const staff = !!user && user.role !== "UNIT_LIAISON";
      if (introspection === "off" || (introspection === "staff" && !staff)) addValidationRule(staffOnlyIntrospection);
    },
  };
}
