// Tests for the runbook search index: ranking by field, prefix matching, typo tolerance and AND semantics.
import { describe, expect, it } from 'vitest';
import { RunbookSearchIndex, type SearchableRunbook } from './search-index';
import { editDistance } from './search-terms';

const library: SearchableRunbook[] = [
  { id: 'body-only', title: 'Traffic spike', labels: ['edge'], body: 'Scale out; if the database is saturated see the other runbook.' },
  { id: 'in-title', title: 'Database saturation', labels: ['postgres', 'checkout-api'], body: 'Find the top queries.' },
  { id: 'in-labels', title: 'Slow queries', labels: ['database', 'postgres'], body: 'Explain analyse the slowest query.' },
  { id: 'cert', title: 'Certificate expiry', labels: ['tls'], body: 'Renew the certificate with certbot and reload the ingress.' },
  { id: 'café', title: 'Café menu rollback', labels: [], body: 'Roll back the menu service.' },
];
const index = new RunbookSearchIndex(library);
const ids = (q: string) => index.search(q).map((h) => h.id);

describe('RunbookSearchIndex', () => {
  it('ranks a title match above a tag/service match above a body match', () => {
    expect(ids('database')).toEqual(['in-title', 'in-labels', 'body-only']);
    expect(index.search('database').map((h) => h.matchedIn)).toEqual([['title'], ['labels'], ['body']]);
  });

  it('matches prefixes while typing', () => {
    expect(ids('datab')).toEqual(['in-title', 'in-labels', 'body-only']);
    expect(ids('cert')).toEqual(['cert']);
    expect(ids('renew certif')).toEqual(['cert']);
  });

  it('tolerates one typo: substitution, insertion, deletion and transposition', () => {
    expect(ids('databse')[0]).toBe('in-title');
    expect(ids('certifcate')).toEqual(['cert']);
    expect(ids('certifiicate')).toEqual(['cert']);
    expect(ids('cretificate')).toEqual(['cert']);
    expect(ids('saturatoin')).toEqual(['in-title']);
  });

  it('ranks an exact word above the same word with a typo', () => {
    const typo = new RunbookSearchIndex([
      { id: 'typo', title: 'Rollbakc steps', labels: [], body: '' },
      { id: 'exact', title: 'Rollback steps', labels: [], body: '' },
    ]);
    expect(typo.search('rollback').map((h) => h.id)).toEqual(['exact', 'typo']);
  });

  it('requires every word to match, and folds case and accents', () => {
    expect(ids('database certificate')).toEqual([]);
    expect(ids('CAFE')).toEqual(['café']);
    expect(ids('   ')).toEqual([]);
  });

  it('does not apply typo tolerance to short words', () => {
    expect(ids('tsl')).toEqual([]);
    expect(ids('tls')).toEqual(['cert']);
  });

  it('measures edit distance with an early exit', () => {
    expect(editDistance('rollback', 'rolback', 1)).toBe(1);
    expect(editDistance('ab', 'ba', 1)).toBe(1);
    expect(editDistance('rollback', 'rollout', 1)).toBe(2);
  });
});
