// Test support: Atlassian's ADF JSON schema (adf-schema/README.md) compiled once with ajv, for tests of what Jira receives.
import Ajv from 'ajv';
import adfSchema from './adf-schema/full.json';

// Declared draft-04 but uses no draft-04-only keyword, so ajv's default draft reads it as written.
const { $schema: _draft04, ...schema } = adfSchema as Record<string, unknown>;
const validate = new Ajv({ strict: false, allErrors: true }).compile(schema);

/** The schema's first errors for a document, or [] when it is valid ADF. */
export function adfSchemaErrors(doc: unknown): unknown[] {
  return validate(doc) ? [] : (validate.errors ?? []).slice(0, 3);
}
