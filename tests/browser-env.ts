// Browser tests drive Debian's Chromium. Without it they are skipped with a notice on a developer's
// machine, but fail under CI, where .ci/run installs it: a missing install step must not pass silently.
import { existsSync } from 'node:fs';
import { beforeAll, describe } from 'vitest';

export const chromiumPath = '/usr/bin/chromium';
export const chromiumArgs = [
  '--no-sandbox',
  '--headless',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

const available = existsSync(chromiumPath) || Boolean(process.env.CI);
if (!available) console.warn(`browser tests skipped: ${chromiumPath} is missing (apt-get install -y chromium)`);

export const browserTests = {
  describe: available ? describe : describe.skip,
  beforeAll: available ? beforeAll : () => {},
};
