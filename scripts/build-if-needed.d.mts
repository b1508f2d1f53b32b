// Types for build-if-needed.mjs, so TypeScript scripts (the soak) can build the app before they start it.
export function buildIfNeeded(): void;
