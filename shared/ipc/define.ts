// Building blocks for the IPC contract: a request is an input schema and an output schema; an event is a payload schema.
import type { z } from 'zod';

export interface RequestSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
  summary: string;
}

export const request = <I extends z.ZodType, O extends z.ZodType>(summary: string, input: I, output: O): RequestSpec<I, O> => ({
  input,
  output,
  summary,
});
