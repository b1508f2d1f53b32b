// zod schemas for the parts of Jira Cloud REST v3 responses Firebreak consumes; everything else in a payload is ignored.
import { z } from 'zod';

export const ServerInfoPayload = z.object({
  baseUrl: z.string(),
  version: z.string().optional(),
  deploymentType: z.string().optional(),
  serverTitle: z.string().optional(),
});

export const MyselfPayload = z.object({
  accountId: z.string().optional(),
  displayName: z.string().optional(),
  emailAddress: z.string().optional(),
});

const StatusField = z.object({
  name: z.string(),
  statusCategory: z.object({ key: z.string().optional(), name: z.string().optional() }).optional(),
});

/** Jira ids are strings, but some answers (and the spec's own examples) send numbers. */
const IdLike = z.union([z.string(), z.number().transform(String)]);
/** Timestamps: ISO strings from real Jira, epoch milliseconds in the spec's examples. */
const TimeLike = z.union([z.string(), z.number().transform((ms) => new Date(ms).toISOString())]);

/** The issue fields Firebreak uses, each checked on its own: the spec leaves `fields` open, so one odd field never sinks the rest. */
const IssueFieldSchemas = {
  summary: z.string(),
  status: StatusField,
  issuetype: z.object({ name: z.string() }),
  project: z.object({ key: z.string() }),
  labels: z.array(z.string()),
  updated: TimeLike,
};
type IssueFields = { [K in keyof typeof IssueFieldSchemas]?: z.output<(typeof IssueFieldSchemas)[K]> };

/** Identity is required; `fields` is read field by field (see readIssueFields). */
export const IssuePayload = z.object({
  id: IdLike,
  key: z.string(),
  fields: z.record(z.string(), z.unknown()).default({}),
});
export type IssuePayload = z.infer<typeof IssuePayload>;

/** The used fields that parse, and a note per used field that does not ("status: expected object, received string"). */
export function readIssueFields(raw: Record<string, unknown>): { fields: IssueFields; malformed: { field: string; problem: string }[] } {
  const fields: Record<string, unknown> = {};
  const malformed: { field: string; problem: string }[] = [];
  for (const [name, schema] of Object.entries(IssueFieldSchemas)) {
    const value = raw[name];
    if (value === undefined || value === null) continue;
    const parsed = (schema as z.ZodType).safeParse(value);
    if (parsed.success) fields[name] = parsed.data;
    else malformed.push({ field: name, problem: parsed.error.issues[0]?.message ?? 'unreadable' });
  }
  return { fields: fields as IssueFields, malformed };
}

/** Search pages are read issue by issue: an entry without an id or key is skipped and counted, not fatal to the page. */
export const SearchPayload = z.object({
  issues: z.array(z.unknown()).default([]),
  nextPageToken: z.string().nullable().optional(),
  isLast: z.boolean().optional(),
});

export const CreatedIssuePayload = z.object({ id: IdLike, key: z.string() });

export const CommentPayload = z.object({
  id: IdLike,
  // Only the author's name is shown; an author that is not an object, or a name that is not a string, reads as "unknown".
  author: z.object({ displayName: z.string().optional().catch(undefined), accountId: z.string().optional().catch(undefined) }).optional().catch(undefined),
  body: z.unknown(),
  created: TimeLike.optional().catch(undefined),
});
export type CommentPayload = z.infer<typeof CommentPayload>;

export const CommentPagePayload = z.object({
  comments: z.array(CommentPayload),
  startAt: z.number().int().optional(),
  maxResults: z.number().int().optional(),
  total: z.number().int().optional(),
});

export const TransitionsPayload = z.object({
  transitions: z.array(z.object({ id: z.string(), name: z.string(), to: z.object({ name: z.string() }).optional() })),
});

export const RemoteLinkPayload = z.object({ id: z.number().int(), self: z.string().optional() });
