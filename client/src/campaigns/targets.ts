// The inspector's campaign targets (专项督查 核查对象) as kept in the offline working set: flattened from GraphQL
// into plain data, ids as Relay global ids plus the raw UUIDs the sync envelope needs (targetId, measureIds,
// problemId). Pure. Invariant: a target whose ids cannot be decoded is refused here, not at sync time.
import type { RecordKind } from "@rectify/server/sync";
import { rawId, type Section } from "../cache/working-set.ts";
import { graphql, type ResultOf } from "../graphql/tada.ts";

export interface WsTarget {
  id: string;
  rawId: string;
  campaignId: string;
  campaignName: string;
  teamName: string;
  measureId: string;
  measureRawId: string;
  measureNumber: number;
  measureText: string;
  problemId: string;
  problemRawId: string;
  problemSection: Section;
  problemNumber: number;
  problemTitle: string;
  unitName: string | null;
  /** Methods expected (走访 / 台账 / 问询), in plan order. */
  methods: RecordKind[];
  /** Kinds of the records the server already counts towards the target. */
  recordedKinds: RecordKind[];
  /** "YYYY-MM-DD": the target's due day (its own, else the campaign's end). */
  dueOn: string;
}

export function normaliseTarget(t: GqlTarget): WsTarget {
  return {
    id: t.id,
    rawId: rawId(t.id),
    campaignId: t.campaign.id,
    campaignName: t.campaign.name,
    teamName: t.team.name,
    measureId: t.measure.id,
    measureRawId: rawId(t.measure.id),
    measureNumber: t.measure.number,
    measureText: t.measure.text,
    problemId: t.problem.id,
    problemRawId: rawId(t.problem.id),
    problemSection: t.problem.section,
    problemNumber: t.problem.number,
    problemTitle: t.problem.title,
    unitName: t.measure.responsibleUnit?.name ?? null,
    methods: [...t.methods],
    recordedKinds: [...t.recordedMethods],
    dueOn: t.due.slice(0, 10),
  };
}

export function findTarget(targets: readonly WsTarget[] | undefined, id: string): WsTarget | null {
  return targets?.find((t) => t.id === id || t.rawId === id) ?? null;
}

/** The signed-in inspector's targets in campaigns under way (the server scopes them to the user's teams); `due` is
 * the due day in force: its own, else the campaign's end. */
export const MY_TARGETS_QUERY = graphql(`
  query MyTargets {
    myTargets {
      id
      methods
      due
      recordedMethods
      campaign {
        id
        name
      }
      team {
        name
      }
      measure {
        id
        number
        text
        responsibleUnit {
          name
        }
      }
      problem {
        id
        section
        number
        title
      }
    }
  }
`);
export type GqlTarget = ResultOf<typeof MY_TARGETS_QUERY>["myTargets"][number];
