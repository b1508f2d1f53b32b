// Vitest global setup: the desktop stand-in tests (electron/shell/stand-in) load the BUILT main and preload bundles, so
// out/ is rebuilt first when it is missing or older than the sources (a few seconds; npm test builds before vitest anyway).
import { buildIfNeeded } from './build-if-needed.mjs';

export default function setup() {
  buildIfNeeded();
}
