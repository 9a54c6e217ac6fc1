// @ts-check
// Deletes a previous site (or what a dead build left) in a process of its own, so that no build
// waits for it (src/publish/staging.ts, discardInBackground): started with the folder's parent and
// the output folder's name, it waits until its standard input ends (the build has then renamed the
// folder `.<name>.discarded-<this process's pid>`, or has died without doing so), then deletes that
// folder, if any, at the lowest priority. A build that finds such a folder leaves it alone while this
// process lives (prepareStaging), and hands it to a new one otherwise.
// Plain JavaScript, so it runs as it is from the sources (tests) and from dist/.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const [parent, name] = process.argv.slice(2);
if (!parent || !name) throw new Error('usage: discard.mjs PARENT OUTPUT-NAME');
try {
  os.setPriority(19);
} catch {
  // Not allowed here: it deletes at the priority it has.
}
process.stdin.on('data', () => undefined);
process.stdin.on('close', () => {
  fs.rmSync(path.join(parent, `.${name}.discarded-${process.pid}`), { recursive: true, force: true });
});
