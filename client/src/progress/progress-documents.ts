// GraphQL documents of progress reporting: 我的整改事项, open 补充材料 requests, a measure's timeline, asking for more.
// Result types are derived from the documents; a timeline attachment's `published`: shown on the public pages with
// its (public) update; a progress update's `public`: published on the public pages by a supervisor.
import { graphql, type ResultOf } from "../graphql/tada.ts";
import { ERROR_FRAGMENT } from "../supervision/typed-result.ts";

export const MY_MEASURES = graphql(`
  query MyMeasures {
    myMeasures {
      id
      number
      text
      status
      deadline
      light
      reportedThisMonth
      problem {
        id
        number
        title
      }
      lastProgress {
        text
        createdAt
      }
      openSupplementRequests {
        id
        reason
        createdAt
        requestedByName
      }
    }
  }
`);
export type MyMeasure = ResultOf<typeof MY_MEASURES>["myMeasures"][number];

export const TIMELINE = graphql(`
  query MeasureTimeline($id: ID!) {
    node(id: $id) {
      __typename
      ... on Measure {
        id
        number
        text
        status
        problem {
          id
          title
        }
        timeline {
          kind
          at
          progressUpdate {
            id
            text
            createdAt
            authorName
            percentComplete
            public
            attachments {
              id
              fileName
              mimeType
              size
              complete
              previewable
              published
              url
              downloadUrl
            }
          }
          statusChange {
            fromStatus
            toStatus
            reason
            actorName
          }
          record {
            id
            kind
            findings
            inspectorName
          }
          notice {
            id
            title
          }
          supplementRequest {
            id
            reason
            open
            requestedByName
          }
        }
      }
    }
  }
`);
export type TimelineMeasure = Extract<NonNullable<ResultOf<typeof TIMELINE>["node"]>, { __typename: "Measure" }>;
export type TimelineItem = TimelineMeasure["timeline"][number];
export type TimelineAttachment = NonNullable<TimelineItem["progressUpdate"]>["attachments"][number];

export const REQUEST_SUPPLEMENT = graphql(
  `
    mutation RequestSupplement($u: ID!, $r: String!) {
      requestSupplement(progressUpdateId: $u, reason: $r) {
        __typename
        ...ErrorFields
        ... on SupplementRequest {
          id
          open
        }
      }
    }
  `,
  [ERROR_FRAGMENT],
);

export const SET_PROGRESS_PUBLIC = graphql(
  `
    mutation SetProgressPublic($u: ID!, $p: Boolean!, $f: [String!]) {
      setProgressPublic(progressUpdateId: $u, public: $p, fileIds: $f) {
        __typename
        ...ErrorFields
        ... on ProgressUpdate {
          id
          public
          attachments {
            id
            published
          }
        }
      }
    }
  `,
  [ERROR_FRAGMENT],
);

export const MEASURE_FILES = graphql(`
  query MeasureFiles($id: ID!) {
    node(id: $id) {
      __typename
      ... on Measure {
        id
        progressUpdates(first: 50) {
          edges {
            node {
              id
              createdAt
              attachments {
                id
                fileName
                complete
              }
            }
          }
        }
      }
    }
  }
`);
