// Tests that the OpenAPI checks used by the stand-ins really reject what the specs forbid.
import { describe, expect, it } from 'vitest';
import { OpenApiContract } from './openapi-contract';

const pdHeaders = { authorization: 'Token token=x', accept: 'application/vnd.pagerduty+json;version=2', 'content-type': 'application/json', from: 'dana@example.com' };

describe('OpenApiContract (the stand-ins are only as good as this check)', () => {
  const pd = OpenApiContract.load('pagerduty-rest-v2.openapi.json');
  const jira = OpenApiContract.load('jira-platform-v3.openapi.json');
  const events = OpenApiContract.load('pagerduty-events-v2.openapi.json');

  it('matches literal paths before parameterised ones', () => {
    expect(jira.match('GET', '/rest/api/3/issue/createmeta')?.template).toBe('/rest/api/3/issue/createmeta');
    expect(jira.match('GET', '/rest/api/3/issue/OPS-1')?.pathParams).toEqual({ issueIdOrKey: 'OPS-1' });
  });

  it('accepts a documented PagerDuty note and rejects a missing From, an undocumented query and a wrong body', () => {
    const req = { method: 'POST', path: '/incidents/P1/notes', query: new URLSearchParams(), headers: pdHeaders, body: { note: { content: 'x' } } };
    expect(pd.validateRequest(req)).toEqual([]);
    expect(pd.validateRequest({ ...req, headers: { ...pdHeaders, from: undefined } as never })).toEqual(['header parameter "From" is required']);
    expect(pd.validateRequest({ ...req, query: new URLSearchParams('force=1') })).toEqual(['query parameter "force" is not documented']);
    expect(pd.validateRequest({ ...req, body: { content: 'x' } })[0]).toMatch(/request body: body must have required property 'note'/);
  });

  it('coerces and checks query parameter types', () => {
    const req = { method: 'GET', path: '/incidents', query: new URLSearchParams('limit=ten&statuses[]=triggered'), headers: pdHeaders, body: undefined };
    expect(pd.validateRequest(req)).toEqual(['query parameter "limit": data/v must be integer']);
    expect(pd.validateRequest({ ...req, query: new URLSearchParams('statuses[]=exploded') })[0]).toMatch(/statuses\[\]/);
  });

  it('checks responses through $refs and rejects undocumented statuses except 429/5xx', () => {
    expect(pd.validateResponse('GET', '/incidents/P1/notes', 200, { notes: [{ id: 'N', content: 'c' }] })).toEqual([]);
    expect(pd.validateResponse('GET', '/incidents/P1/notes', 200, { notes: [{ id: 'N' }] })[0]).toMatch(/content/);
    expect(jira.validateResponse('GET', '/rest/api/3/serverInfo', 418, {})).toEqual(['status 418 is not documented for getServerInfo']);
    expect(jira.validateResponse('GET', '/rest/api/3/serverInfo', 429, {})).toEqual([]);
    expect(jira.validateResponse('GET', '/rest/api/3/serverInfo', 200, { surprise: 1 })[0]).toMatch(/additional properties/);
  });

  it('requires Jira basic auth and validates Events v2 under its /v2 base path', () => {
    const req = { method: 'GET', path: '/rest/api/3/myself', query: new URLSearchParams(), headers: {}, body: undefined };
    expect(jira.validateRequest(req)[0]).toMatch(/no credentials matching .*basicAuth/);
    expect(jira.validateRequest({ ...req, headers: { authorization: 'Basic aWNAZXhhbXBsZS5jb206dA==' } })).toEqual([]);
    expect(events.basePath).toBe('/v2');
    const ev = { method: 'POST', path: '/enqueue', query: new URLSearchParams(), headers: {}, body: { routing_key: 'r', event_action: 'explode' } };
    expect(events.validateRequest(ev)[0]).toMatch(/event_action/);
  });
});
