// `istsoll serve`: a preview of the report in the browser that follows the project's files. It listens on
// 127.0.0.1 at a port the system picks, behind a random token in the printed address; every change of a
// file makes the report again (the caches make that quick) and tells the open pages to reload. Ctrl-C
// stops it: the watchers and the server close, a running build is waited for, and nothing is left behind.
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { InputError } from '../../core/errors.js';
import { formatNumber } from '../../core/format.js';
import { words } from '../../core/messages/index.js';
import { paths, readProject } from '../../core/project.js';
import type { GlobalOptions } from '../options.js';
import { print, progress } from '../output.js';
import type { Run } from '../run.js';
import type { ValueMemory } from '../../compute/index.js';
import { buildPreview, type Build } from './build.js';
import { applyForm } from './forms.js';
import { createPreviewServer } from './server.js';
import { watchProject } from './watch.js';

export async function serve(run: Run, o: GlobalOptions): Promise<void> {
  const dir = resolve(o.project);
  // Not a project folder at all: the same error as every other command, before anything starts.
  if (!existsSync(join(dir, paths.config))) await readProject(dir);
  const settings = {
    dir,
    db: resolve(o.db ?? join(dir, '.istsoll', 'istsoll.duckdb')),
    lang: o.lang ?? 'de',
    svgs: new Map<string, string>(),
    values: new Map() as ValueMemory,
  };
  const w = words(run.lang).cli;
  // Ctrl-C stops the preview once the build under way has finished (a load then leaves nothing half
  // written); a second Ctrl-C does not wait.
  const signals = ['SIGINT', 'SIGTERM'] as const;
  const force = () => process.exit(130);
  let stopping = false;
  const stopped = new Promise<void>((stop) => {
    const onSignal = () => {
      stopping = true;
      for (const s of signals) process.off(s, onSignal).on(s, force);
      stop();
    };
    for (const s of signals) process.on(s, onSignal);
  });
  const token = randomBytes(24).toString('base64url');
  const listeners = new Set<(version: number, ok: boolean) => void>();
  let current: { build: Build; version: number } = { build: await buildPreview(settings), version: 1 };
  report(current.build);
  if (stopping) {
    for (const s of signals) process.off(s, force);
    return print(w.serve.stopped);
  }

  // One build at a time; changes that come in meanwhile are taken up by one more build after it.
  let running: Promise<void> | null = null;
  let again = false;
  const rebuild = (): Promise<void> => {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        const build = await buildPreview(settings);
        report(build);
        if (changedFrom(current.build, build)) {
          current = { build, version: current.version + 1 };
          for (const send of listeners) send(current.version, build.ok);
        } else current = { build, version: current.version };
      } while (again);
    })().finally(() => (running = null));
    return running;
  };

  function report(build: Build): void {
    const seconds = formatNumber((Date.now() - build.at.getTime()) / 1000, run.lang, 2);
    if (build.ok) return progress(w.serve.built(seconds));
    const e = build.error;
    progress(w.serve.failed(e instanceof InputError ? e.format(run.lang, w.hint) : w.unexpected(e.message)));
    if (!(e instanceof InputError) && o.debug) progress(e.stack ?? '');
  }

  const server = createPreviewServer({
    lang: settings.lang,
    token,
    current: () => current,
    async submit(kind, fields) {
      const result = await applyForm(kind, fields, dir, settings.lang);
      if (result.ok) {
        progress(w.serve.saved(result.text));
        // The page the browser is sent to next shows the report with the change.
        if (result.changed) await rebuild();
      }
      return result;
    },
    listen(send) {
      listeners.add(send);
      return () => listeners.delete(send);
    },
  });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => done());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const watcher = watchProject(dir, () => void rebuild());
  print(w.serve.listening(`http://127.0.0.1:${port}/?token=${token}`));
  print(w.serve.private);
  print(w.serve.stop);

  await stopped;
  watcher.close();
  server.close();
  server.closeAllConnections();
  await running;
  for (const s of signals) process.off(s, force);
  print(w.serve.stopped);
}

/** A new version for the pages: the report changed, or an error came, went or is another one. */
function changedFrom(before: Build, after: Build): boolean {
  if (before.ok && after.ok) return before.hash !== after.hash;
  if (!before.ok && !after.ok)
    return before.error.message !== after.error.message || errorPlace(before) !== errorPlace(after);
  return true;
}

function errorPlace(build: Build): string {
  return !build.ok && build.error instanceof InputError ? JSON.stringify(build.error.where ?? null) : '';
}
