// Paginators for the three styles the connectors meet: Jira nextPageToken/isLast, Jira startAt/maxResults/total, PagerDuty offset/limit/more.
import { DomainError } from '../../../../shared/result';

export interface TokenPage<T> {
  items: T[];
  nextPageToken?: string | null | undefined;
  isLast?: boolean | undefined;
}

export interface OffsetPage<T> {
  items: T[];
  startAt?: number | undefined;
  maxResults?: number | undefined;
  total?: number | undefined;
  isLast?: boolean | undefined;
}

export interface MorePage<T> {
  items: T[];
  more?: boolean | undefined;
  offset?: number | undefined;
  limit?: number | undefined;
}

const DEFAULT_MAX_PAGES = 50;

function tooMany(what: string, maxPages: number): DomainError {
  return new DomainError('unavailable', `${what} returned more than ${maxPages} pages; narrow the query.`);
}

/** Jira enhanced search: follow nextPageToken until isLast or the token disappears; a repeated token is treated as the end. */
export async function* tokenPages<T>(fetchPage: (token: string | undefined) => Promise<TokenPage<T>>, maxPages = DEFAULT_MAX_PAGES): AsyncGenerator<T[]> {
  let token: string | undefined;
  const seen = new Set<string>();
  for (let page = 0; page < maxPages; page++) {
    const result = await fetchPage(token);
    yield result.items;
    if (result.isLast === true || !result.nextPageToken || seen.has(result.nextPageToken)) return;
    seen.add(result.nextPageToken);
    token = result.nextPageToken;
  }
  throw tooMany('A paged search', maxPages);
}

/** Jira startAt/maxResults: advance by what the server actually returned (it may lower maxResults). */
export async function* startAtPages<T>(fetchPage: (startAt: number) => Promise<OffsetPage<T>>, maxPages = DEFAULT_MAX_PAGES): AsyncGenerator<T[]> {
  let startAt = 0;
  for (let page = 0; page < maxPages; page++) {
    const result = await fetchPage(startAt);
    yield result.items;
    const next = (result.startAt ?? startAt) + result.items.length;
    if (result.isLast === true || result.items.length === 0) return;
    if (result.total !== undefined && next >= result.total) return;
    if (result.isLast === undefined && result.total === undefined && result.maxResults !== undefined && result.items.length < result.maxResults) return;
    startAt = next;
  }
  throw tooMany('A paged list', maxPages);
}

/** PagerDuty classic pagination: continue while `more` is true, moving offset by the items received. */
export async function* morePages<T>(fetchPage: (offset: number) => Promise<MorePage<T>>, maxPages = DEFAULT_MAX_PAGES): AsyncGenerator<T[]> {
  let offset = 0;
  for (let page = 0; page < maxPages; page++) {
    const result = await fetchPage(offset);
    yield result.items;
    if (result.more !== true || result.items.length === 0) return;
    offset = (result.offset ?? offset) + result.items.length;
  }
  throw tooMany('A paged list', maxPages);
}

export async function collect<T>(pages: AsyncIterable<T[]>): Promise<T[]> {
  const all: T[] = [];
  for await (const items of pages) all.push(...items);
  return all;
}
