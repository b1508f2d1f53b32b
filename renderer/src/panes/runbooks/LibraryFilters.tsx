// Search box and service / severity / tag filters for the runbook library.
import type { RunbookFacets, RunbookFilter } from '../../../../shared/runbooks/library-filter';
import type { Severity } from '../../../../shared/incidents/severity';

export function LibraryFilters({
  query,
  filter,
  facets,
  onQuery,
  onFilter,
}: {
  query: string;
  filter: RunbookFilter;
  facets: RunbookFacets | undefined;
  onQuery: (query: string) => void;
  onFilter: (filter: RunbookFilter) => void;
}) {
  const set = (key: keyof RunbookFilter, value: string) => {
    const next: RunbookFilter = { ...filter };
    if (value) (next as Record<string, string>)[key] = value;
    else delete next[key];
    onFilter(next);
  };
  return (
    <div className="library-filters">
      <input
        type="search"
        aria-label="Search runbooks"
        placeholder="Search runbooks (typos are fine)…"
        value={query}
        autoFocus
        onChange={(e) => onQuery(e.target.value)}
      />
      <select aria-label="Service" value={filter.service ?? ''} onChange={(e) => set('service', e.target.value)}>
        <option value="">All services</option>
        {facets?.services.map((s) => (
          <option key={s} value={s}>
            {s}
          </option>
        ))}
      </select>
      <select aria-label="Severity" value={filter.severity ?? ''} onChange={(e) => set('severity', e.target.value as Severity | '')}>
        <option value="">All severities</option>
        {facets?.severities.map((s) => (
          <option key={s} value={s}>
            {s}
          </option>
        ))}
      </select>
      <select aria-label="Tag" value={filter.tag ?? ''} onChange={(e) => set('tag', e.target.value)}>
        <option value="">All tags</option>
        {facets?.tags.map((t) => (
          <option key={t} value={t}>
            {t}
          </option>
        ))}
      </select>
    </div>
  );
}
