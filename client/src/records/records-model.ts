// Supervisor views, pure parts: the records query, the filter form → GraphQL RecordFilter, and the kind-specific
// details (untyped JSON from the server) read defensively into label/value rows.
import type { Rating, RecordKind } from "@rectify/server/sync";
import type { MessageKey } from "../i18n/i18n.ts";
import { graphql, type ResultOf, type VariablesOf } from "../graphql/tada.ts";
import { dayStartIso } from "../lib/time.ts";

export const RECORDS_PAGE = 20;

export const RECORDS_QUERY = graphql(`
  query InspectionRecords($filter: RecordFilter, $first: Int!, $after: String) {
    inspectionRecords(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          kind
          deviceTime
          receivedAt
          findings
          rating
          followUpRequired
          lookBack
          details
          latitude
          longitude
          accuracyM
          syncState
          inspectorName
          problem {
            id
            section
            number
            title
          }
          measures {
            id
            number
            numbered
          }
          photos {
            id
            variant
            mimeType
            url
            complete
          }
        }
      }
    }
  }
`);
export type RecordsData = ResultOf<typeof RECORDS_QUERY>;
/** inspectorName: the User itself is readable by admins only, so the name comes as a plain field. */
export type RecordNode = RecordsData["inspectionRecords"]["edges"][number]["node"];
export type RecordPhoto = RecordNode["photos"][number];

/** Inspectors to filter by: the list of users is for admins only (others can still filter on their own records). */
export const INSPECTORS_QUERY = graphql(`
  query Inspectors {
    users(first: 500) {
      edges {
        node {
          id
          displayName
          role
          active
        }
      }
    }
  }
`);

export interface FilterForm {
  inspectorId: string;
  kind: "" | RecordKind;
  from: string;
  to: string;
  rating: "" | Rating;
  followUp: "" | "yes" | "no";
}

export const EMPTY_FILTER: FilterForm = { inspectorId: "", kind: "", from: "", to: "", rating: "", followUp: "" };

export type RecordFilterInput = NonNullable<VariablesOf<typeof RECORDS_QUERY>["filter"]>;

/** Dates are whole local days: `to` includes its day (the server's `to` is exclusive). */
export function toFilterInput(
  f: FilterForm,
  scope: { problemId: string | null; measureId: string | null },
): RecordFilterInput {
  const out: RecordFilterInput = {};
  if (scope.problemId) out.problemId = scope.problemId;
  if (scope.measureId) out.measureId = scope.measureId;
  if (f.inspectorId) out.inspectorId = f.inspectorId;
  if (f.kind) out.kind = f.kind;
  if (f.rating) out.rating = f.rating;
  if (f.followUp) out.followUpRequired = f.followUp === "yes";
  const from = f.from ? dayStartIso(f.from) : null;
  const to = f.to ? dayStartIso(f.to, 1) : null;
  if (from) out.from = from;
  if (to) out.to = to;
  return out;
}

export interface DetailRow {
  label: MessageKey;
  value: string;
}

export interface DetailView {
  rows: DetailRow[];
  qa: { question: string; answer: string }[];
  signaturePhotoId: string | null;
}

const str = (v: unknown) => (typeof v === "string" ? v : "");

export function readDetails(kind: RecordKind, details: unknown): DetailView {
  const d = (details && typeof details === "object" ? details : {}) as Record<string, unknown>;
  const rows = (pairs: [MessageKey, unknown][]) =>
    pairs.map(([label, v]) => ({ label, value: str(v) })).filter((r) => r.value.trim() !== "");
  if (kind === "SITE_VISIT") {
    return {
      rows: rows([
        ["site.place", d.place],
        ["site.peopleMet", d.peopleMet],
        ["site.observations", d.observations],
      ]),
      qa: [],
      signaturePhotoId: null,
    };
  }
  if (kind === "LEDGER_CHECK") {
    return {
      rows: rows([
        ["ledger.ledgers", d.ledgers],
        ["ledger.observations", d.observations],
      ]),
      qa: [],
      signaturePhotoId: null,
    };
  }
  const who = (d.interviewee && typeof d.interviewee === "object" ? d.interviewee : {}) as Record<string, unknown>;
  const qa = Array.isArray(d.qa)
    ? d.qa.map((p: unknown) => {
        const pair = (p && typeof p === "object" ? p : {}) as Record<string, unknown>;
        return { question: str(pair.question), answer: str(pair.answer) };
      })
    : [];
  const sig =
    d.signature && typeof d.signature === "object" ? str((d.signature as Record<string, unknown>).photoId) : "";
  return {
    rows: rows([
      ["q.name", who.name],
      ["q.post", who.post],
      ["q.unit", who.unit],
    ]),
    qa,
    signaturePhotoId: sig || null,
  };
}

/** Photos to show as evidence: stamped copies (what the inspector saw), or the originals when none was stamped. */
export function evidencePhotos(photos: readonly RecordPhoto[], signatureId: string | null): RecordPhoto[] {
  const usable = photos.filter((p) => p.complete && p.id !== signatureId);
  const stamped = usable.filter((p) => p.variant === "stamped");
  return stamped.length ? stamped : usable;
}

export function photoUrl(p: Pick<RecordPhoto, "id" | "url">): string {
  return p.url || `/files/${p.id}`;
}
