// 回头看 list, pure parts: the lookBacks query (soonest first, as the server orders them) with each measure's
// records, and the shapes.
import { LOOK_BACK_FIELDS, RECORD_FIELDS } from "../closeout/closeout-model.ts";
import { graphql, type ResultOf } from "../graphql/tada.ts";

export const OUTCOMES = ["PENDING", "HELD", "RELAPSED"] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const LOOK_BACKS_QUERY = graphql(
  `
    query LookBacks($outcome: LookBackOutcome) {
      lookBacks(first: 100, outcome: $outcome) {
        totalCount
        edges {
          node {
            ...LookBackFields
            closedAt
            record {
              id
              kind
              deviceTime
            }
            measure {
              id
              number
              numbered
              text
              status
              light
              problem {
                id
                section
                number
                title
              }
              records(first: 50) {
                edges {
                  node {
                    ...MeasureRecordFields
                  }
                }
              }
            }
          }
        }
      }
    }
  `,
  [LOOK_BACK_FIELDS, RECORD_FIELDS],
);
export type LookBacksData = ResultOf<typeof LOOK_BACKS_QUERY>;
export type LookBackNode = LookBacksData["lookBacks"]["edges"][number]["node"];
