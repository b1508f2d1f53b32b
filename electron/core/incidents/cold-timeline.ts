// The first timeline page of a large incident without waiting for its log to be opened and its timeline index built
// (issue #17 item 5). The newest page is built from the log's tail (store/log-tail.ts) with the same TimelineIndex the
// core pages from, so its rows are the index's rows; what the tail cannot know is marked provisional: the totals (estimated
// from the tail's first seq), the filter menus and the pinned strip (from the tail only). Meanwhile the log is opened and
// the index built in the background; every other request (another place, a filter, a search) waits for the index, so it is
// never answered from part of the log.
import { join } from 'node:path';
import type { IncidentEvent } from '../../../shared/events';
import { TimelineIndex } from '../../../shared/timeline/timeline-index';
import { isAnnotation } from '../../../shared/timeline/timeline-view';
import { timelineWindowPage, type TimelineAnchor, type TimelineQuery, type TimelineWindowPage } from '../../../shared/timeline/timeline-window';
import { LOG_FILE } from '../store/incident-log';
import type { IncidentStore } from '../store/incident-store';
import { readLogTail } from '../store/log-tail';

/** At most this much of the log's end is read for a first page; a tail this long without enough rows waits for the index. */
const MAX_TAIL_BYTES = 8 * 1024 * 1024;
/**
 * How long the other panes' requests about a large incident listed from its summary hold back its open for the first
 * timeline page: opening a million-event log keeps the event loop busy for seconds, and a page asked for meanwhile would
 * wait that long. If no page is asked for (a client that shows no timeline), the open goes ahead after this.
 */
const FIRST_PAGE_GRACE_MS = 2000;

export interface PageRequest {
  incidentId: string;
  filter: TimelineQuery;
  anchor: TimelineAnchor;
  limit: number;
}

/** The filters a tail page can answer: none but whether metric samples show (every other one needs the whole log). */
const unfiltered = (q: TimelineQuery): boolean =>
  !(q.sources && q.sources.length > 0) && !q.actor && !q.type && !q.kind && !q.pinnedOnly && !(q.text && q.text.trim() !== '');

/** Rows of the tail the page needs: those asked for, and as many again older, so each row's "late" mark sees what came before it. */
const rowsNeeded = (anchor: TimelineAnchor, limit: number): number | undefined =>
  anchor.by === 'newest' ? 2 * limit : anchor.by === 'position' ? anchor.position + 2 * limit : undefined;

export interface ColdTimelineOptions {
  /** Incidents above this many events have a windowed timeline whose first page comes from here (app.info's timelineWindowFrom). */
  windowFrom?: number;
}

export class ColdTimeline {
  /** Incidents whose timeline index is built (the store advances it by appended events from then on). */
  private readonly indexed = new Set<string>();
  private readonly building = new Map<string, Promise<void>>();
  /** Incidents whose first timeline page was asked for (or whose grace ran out): their open is held back no longer. */
  private readonly pageAsked = new Set<string>();
  private readonly held = new Map<string, { opened: Promise<void>; release: () => void }>();

  constructor(
    private readonly store: IncidentStore,
    private readonly options: ColdTimelineOptions = {},
  ) {}

  /**
   * What a request needing the opened log awaits first (ipc/opening-router.ts): for a large incident listed from its summary,
   * until its first timeline page was answered from the log's tail, or FIRST_PAGE_GRACE_MS; otherwise nothing.
   */
  beforeOpen(incidentId: string): Promise<void> {
    const summary = this.store.has(incidentId) ? this.store.get(incidentId).summary : undefined;
    if (!summary || this.pageAsked.has(incidentId) || summary.lastSeq <= (this.options.windowFrom ?? Infinity)) return Promise.resolve();
    let hold = this.held.get(incidentId);
    if (!hold) {
      let release: () => void = () => undefined;
      const opened = new Promise<void>((resolve) => (release = resolve));
      hold = { opened, release };
      this.held.set(incidentId, hold);
      setTimeout(() => this.release(incidentId), FIRST_PAGE_GRACE_MS).unref?.();
    }
    return hold.opened;
  }

  private release(incidentId: string): void {
    this.pageAsked.add(incidentId);
    this.held.get(incidentId)?.release();
    this.held.delete(incidentId);
  }

  /** Whether requests about this incident are answered from its timeline index now, without waiting. */
  isIndexed(incidentId: string): boolean {
    return this.indexed.has(incidentId);
  }

  /**
   * Resolves once the incident's log is open and its timeline index built; starts both if nothing did. Both go a slice at a
   * time (parseLogYielding, ProjectionCache.catchUp), so requests are answered while a large log opens and is indexed.
   */
  whenIndexed(incidentId: string): Promise<void> {
    if (this.indexed.has(incidentId)) return Promise.resolve();
    let building = this.building.get(incidentId);
    if (!building) {
      // The log opens now: requests held back for the first page (beforeOpen) need not wait any longer.
      this.release(incidentId);
      building = (async () => {
        await this.store.ensureOpen(incidentId);
        await new Promise((resolve) => setImmediate(resolve));
        await this.store.buildTimelineIndex(incidentId);
        this.store.timelineIndex(incidentId);
        this.indexed.add(incidentId);
      })().finally(() => this.building.delete(incidentId));
      this.building.set(incidentId, building);
    }
    return building;
  }

  /**
   * The page from the log's tail when the index is not built yet and the tail can answer it (the newest end or a place near
   * it, unfiltered); undefined otherwise (the caller waits for the index). Starts the index build either way.
   */
  async tailPage(request: PageRequest): Promise<TimelineWindowPage | undefined> {
    const { incidentId } = request;
    this.store.get(incidentId);
    if (this.indexed.has(incidentId)) return undefined;
    if (rowsNeeded(request.anchor, request.limit) === undefined || !unfiltered(request.filter)) return undefined;
    const file = join(this.store.incidentsDir, incidentId, LOG_FILE);
    const found = await pageFromTail(file, request).catch(() => undefined);
    // Built meanwhile (another request started it): the index answers, exactly.
    const page = this.indexed.has(incidentId) ? undefined : found;
    // Opened after the tail is read (the open's read of the whole file starts on a later turn, after this answer is sent).
    this.whenIndexed(incidentId).catch(() => undefined);
    return page;
  }
}

/**
 * The page `request` asks for, built from the tail of the log in `file` with the same TimelineIndex the core pages from;
 * undefined when the tail cannot answer it (filtered, not near the newest end, or too few rows in MAX_TAIL_BYTES).
 */
export async function pageFromTail(file: string, request: Omit<PageRequest, 'incidentId'>): Promise<TimelineWindowPage | undefined> {
  const needed = rowsNeeded(request.anchor, request.limit);
  if (needed === undefined || !unfiltered(request.filter)) return undefined;
  const shows = (e: IncidentEvent) => !isAnnotation(e.type) && (request.filter.showMetricSamples === true || e.type !== 'metric.observed');
  const rowsIn = (events: readonly IncidentEvent[]) => events.reduce((n, e) => (shows(e) ? n + 1 : n), 0);
  const tail = await readLogTail(file, { maxBytes: MAX_TAIL_BYTES, enough: (events) => rowsIn(events) >= needed });
  const index = new TimelineIndex().addAll(tail.events);
  const page = timelineWindowPage(index, request.filter, request.anchor, request.limit);
  // The whole log was read: the page is the index's page, exactly.
  if (tail.wholeLog) return page;
  if (page.total < needed) return undefined;
  // The events before the tail are estimated to hold rows as the tail does (the same share of annotations and hidden metric
  // samples): exact for a uniform log with dense seqs (no quarantined line), an estimate otherwise, replaced by the index's.
  const before = tail.events[0]!.seq - 1;
  const share = (n: number) => Math.round((before * n) / tail.events.length);
  return { ...page, total: page.total + share(page.total), rowCount: page.rowCount + share(page.rowCount), provisional: true };
}
