// 每月提示通报, pure parts: the GraphQL documents (list, one notice, units, issue, acknowledge) and their shapes.
import { graphql, type ResultOf } from "../graphql/tada.ts";
import { ERROR_FRAGMENT } from "../supervision/typed-result.ts";

const NOTICE_HEAD = graphql(`
  fragment NoticeHead on MonthlyNotice {
    id
    month
    title
    issuedAt
    issuedByName
    acknowledged
    acknowledgedAt
    acknowledgedByName
    printUrl
    docxUrl
    unit {
      id
      name
    }
  }
`);
const ITEM = graphql(`
  fragment NoticeItem on NoticeItemSummary {
    measureId
    problemId
    section
    problemNumber
    problemTitle
    measureNumber
    text
    deadline
    status
    leadLeaderName
  }
`);
const NOTICE_FULL = graphql(
  `
    fragment NoticeFull on MonthlyNotice {
      ...NoticeHead
      content {
        firstDay
        lastDay
        dueThisMonth {
          ...NoticeItem
        }
        overdue {
          ...NoticeItem
        }
        withoutProgress {
          ...NoticeItem
        }
        findings {
          recordId
          kind
          kindLabel
          date
          rating
          findings
          followUpRequired
          problemTitle
          measureNumbers
        }
        actions {
          actionId
          dueOn
          overdue
          status
          openedOn
          findings
          problemTitle
          measureNumber
          measureText
        }
      }
    }
  `,
  [NOTICE_HEAD, ITEM],
);

export type NoticeHead = ResultOf<typeof NOTICE_HEAD>;
export type NoticeItem = ResultOf<typeof ITEM>;
export type Notice = ResultOf<typeof NOTICE_FULL>;
export type NoticeFinding = Notice["content"]["findings"][number];
export type NoticeAction = Notice["content"]["actions"][number];

export const NOTICE_LISTS = ["dueThisMonth", "overdue", "withoutProgress"] as const;

export const NOTICES_QUERY = graphql(
  `
    query MonthlyNotices($month: String, $unitId: ID, $inspection: ID) {
      monthlyNotices(first: 100, month: $month, unitId: $unitId, inspection: $inspection) {
        totalCount
        edges {
          node {
            ...NoticeHead
          }
        }
      }
    }
  `,
  [NOTICE_HEAD],
);
export type NoticesData = ResultOf<typeof NOTICES_QUERY>;

export const NOTICE_QUERY = graphql(
  `
    query MonthlyNotice($id: ID!) {
      node(id: $id) {
        __typename
        ... on MonthlyNotice {
          ...NoticeFull
        }
      }
    }
  `,
  [NOTICE_FULL],
);
export type NoticeData = ResultOf<typeof NOTICE_QUERY>;

export const UNITS_QUERY = graphql(`
  query Units {
    units(first: 500) {
      edges {
        node {
          id
          name
        }
      }
    }
  }
`);
export type UnitsData = ResultOf<typeof UNITS_QUERY>;

export const ISSUE_NOTICE = graphql(
  `
    mutation IssueMonthlyNotice($month: String!, $unitId: ID!) {
      issueMonthlyNotice(month: $month, unitId: $unitId) {
        __typename
        ...ErrorFields
        ... on IssueMonthlyNoticePayload {
          created
          notice {
            id
          }
        }
      }
    }
  `,
  [ERROR_FRAGMENT],
);

export const ACK_NOTICE = graphql(
  `
    mutation AcknowledgeMonthlyNotice($id: ID!) {
      acknowledgeMonthlyNotice(id: $id) {
        __typename
        ...ErrorFields
        ... on MonthlyNotice {
          id
          acknowledged
          acknowledgedAt
          acknowledgedByName
        }
      }
    }
  `,
  [ERROR_FRAGMENT],
);
