// GraphQL documents of progress reporting: 我的整改事项, open 补充材料 requests, a measure's timeline, asking for more.
export const MY_MEASURES = `query MyMeasures { myMeasures { id number text status deadline light reportedThisMonth
  problem { id number title }
  lastProgress { text createdAt }
  openSupplementRequests { id reason createdAt requestedByName } } }`;

export const TIMELINE = `query MeasureTimeline($id: ID!) { node(id: $id) { ... on Measure { id number text status
  problem { id title }
  timeline { kind at
    progressUpdate { id text createdAt authorName percentComplete public
      attachments { id fileName mimeType size complete previewable published url downloadUrl } }
    statusChange { fromStatus toStatus reason actorName }
    record { id kind findings inspectorName }
    notice { id title }
    supplementRequest { id reason open requestedByName } } } } }`;

export const REQUEST_SUPPLEMENT = `mutation RequestSupplement($u: ID!, $r: String!) {
  requestSupplement(progressUpdateId: $u, reason: $r) { __typename
    ... on SupplementRequest { id open }
    ... on Error { code message }
    ... on ValidationError { issues { path message } } } }`;

export const SET_PROGRESS_PUBLIC = `mutation SetProgressPublic($u: ID!, $p: Boolean!, $f: [String!]) {
  setProgressPublic(progressUpdateId: $u, public: $p, fileIds: $f) { __typename
    ... on ProgressUpdate { id public attachments { id published } }
    ... on Error { code message }
    ... on ValidationError { issues { path message } } } }`;

export const MEASURE_FILES = `query MeasureFiles($id: ID!) { node(id: $id) { ... on Measure { id
  progressUpdates(first: 50) { edges { node { id createdAt attachments { id fileName complete } } } } } } }`;

export interface MyMeasure {
  id: string;
  number: number;
  text: string;
  status: string;
  deadline: string | null;
  light: "GREEN" | "YELLOW" | "RED" | "GREY";
  reportedThisMonth: boolean;
  problem: { id: string; number: number; title: string };
  lastProgress: { text: string; createdAt: string } | null;
  openSupplementRequests: { id: string; reason: string; createdAt: string; requestedByName: string }[];
}

export interface TimelineAttachment {
  id: string;
  fileName: string;
  mimeType: string;
  size: number;
  complete: boolean;
  previewable: boolean;
  /** Shown on the public pages with its (public) update. */
  published: boolean;
  url: string;
  downloadUrl: string;
}

export interface TimelineItem {
  kind: "PROGRESS" | "STATUS" | "RECORD" | "NOTICE" | "SUPPLEMENT_REQUEST";
  at: string;
  progressUpdate: {
    id: string;
    text: string;
    authorName: string;
    percentComplete: number | null;
    /** Published on the public pages by a supervisor. */
    public: boolean;
    attachments: TimelineAttachment[];
  } | null;
  statusChange: { fromStatus: string | null; toStatus: string; reason: string; actorName: string | null } | null;
  record: { id: string; kind: string; findings: string; inspectorName: string } | null;
  notice: { id: string; title: string } | null;
  supplementRequest: { id: string; reason: string; open: boolean; requestedByName: string } | null;
}
