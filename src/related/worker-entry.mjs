// Entry of the related-stories worker thread. A worker does not inherit the
// parent's TypeScript loader on Node 20 (not even from `--import tsx` in its
// flags), so it registers tsx itself before loading the TypeScript worker.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
