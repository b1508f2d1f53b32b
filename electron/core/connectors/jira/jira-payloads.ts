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

export const IssuePayload = z.object({
  id: z.string(),
  key: z.string(),
  fields: z.object({
    summary: z.string().optional(),
    status: StatusField.optional(),
    issuetype: z.object({ name: z.string() }).optional(),
    project: z.object({ key: z.string() }).optional(),
    labels: z.array(z.string()).optional(),
    updated: z.string().optional(),
  }),
});
export type IssuePayload = z.infer<typeof IssuePayload>;

export const SearchPayload = z.object({
  issues: z.array(IssuePayload).default([]),
  nextPageToken: z.string().nullable().optional(),
  isLast: z.boolean().optional(),
});

export const CreatedIssuePayload = z.object({ id: z.string(), key: z.string() });

export const CommentPayload = z.object({
  id: z.string(),
  author: z.object({ displayName: z.string().optional(), accountId: z.string().optional() }).optional(),
  body: z.unknown(),
  created: z.string().optional(),
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
