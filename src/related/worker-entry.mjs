// @ts-check
// Entry of the related-stories worker thread when the code runs from its
// TypeScript sources (tests, benchmarks; compiled, dist/related/worker.js is
// started directly). A worker does not inherit the parent's TypeScript loader
// on Node 20 (not even from `--import tsx` in its flags), so it registers tsx
// itself before loading the TypeScript worker.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
