// 每月提示通报, pure parts: the GraphQL documents (list, one notice, units, issue, acknowledge) and their shapes.
import type { RectStatus, Section } from "../cache/working-set.ts";
import { ERROR_FIELDS, type TypedPayload } from "../supervision/typed-result.ts";

const NOTICE_HEAD = `id month title issuedAt issuedByName acknowledged acknowledgedAt acknowledgedByName
  printUrl docxUrl unit { id name }`;
const ITEM = `measureId problemId section problemNumber problemTitle measureNumber text deadline status leadLeaderName`;
const NOTICE_FULL = `${NOTICE_HEAD}
  content {
    firstDay lastDay
    dueThisMonth { ${ITEM} }
    overdue { ${ITEM} }
    withoutProgress { ${ITEM} }
    findings { recordId kind kindLabel date rating findings followUpRequired problemTitle measureNumbers }
  }`;

export interface NoticeHead {
  id: string;
  month: string;
  title: string;
  issuedAt: string;
  issuedByName: string;
  acknowledged: boolean;
  acknowledgedAt: string | null;
  acknowledgedByName: string | null;
  printUrl: string;
  docxUrl: string;
  unit: { id: string; name: string };
}

export interface NoticeItem {
  measureId: string;
  problemId: string;
  section: Section;
  problemNumber: number;
  problemTitle: string;
  measureNumber: number;
  text: string;
  deadline: string | null;
  status: RectStatus;
  leadLeaderName: string | null;
}

export interface NoticeFinding {
  recordId: string;
  kind: "SITE_VISIT" | "LEDGER_CHECK" | "ONSITE_QUESTIONING";
  kindLabel: string;
  date: string;
  rating: "ON_TRACK" | "LAGGING" | "PROBLEM_FOUND" | null;
  findings: string;
  followUpRequired: boolean;
  problemTitle: string;
  measureNumbers: number[];
}

export interface Notice extends NoticeHead {
  content: {
    firstDay: string;
    lastDay: string;
    dueThisMonth: NoticeItem[];
    overdue: NoticeItem[];
    withoutProgress: NoticeItem[];
    findings: NoticeFinding[];
  };
}

export const NOTICE_LISTS = ["dueThisMonth", "overdue", "withoutProgress"] as const;

export const NOTICES_QUERY = `query MonthlyNotices($month: String, $unitId: ID, $inspection: ID) {
  monthlyNotices(first: 100, month: $month, unitId: $unitId, inspection: $inspection) { totalCount edges { node { ${NOTICE_HEAD} } } }
}`;
export interface NoticesData {
  monthlyNotices: { totalCount: number; edges: { node: NoticeHead }[] };
}

export const NOTICE_QUERY = `query MonthlyNotice($id: ID!) { node(id: $id) { __typename ... on MonthlyNotice { ${NOTICE_FULL} } } }`;
export interface NoticeData {
  node: (Notice & { __typename: "MonthlyNotice" }) | null;
}

export const UNITS_QUERY = `query Units { units(first: 500) { edges { node { id name } } } }`;
export interface UnitsData {
  units: { edges: { node: { id: string; name: string } }[] };
}

export const ISSUE_NOTICE = `mutation IssueMonthlyNotice($month: String!, $unitId: ID!) {
  issueMonthlyNotice(month: $month, unitId: $unitId) {
    ${ERROR_FIELDS}
    ... on IssueMonthlyNoticePayload { created notice { id } }
  }
}`;
export type IssuePayload = TypedPayload & { created?: boolean; notice?: { id: string } };

export const ACK_NOTICE = `mutation AcknowledgeMonthlyNotice($id: ID!) {
  acknowledgeMonthlyNotice(id: $id) { ${ERROR_FIELDS} ... on MonthlyNotice { id acknowledged acknowledgedAt acknowledgedByName } }
}`;
export type AckPayload = TypedPayload & { acknowledged?: boolean };
