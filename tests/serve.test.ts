// `istsoll serve`, started as staff start it (a process of its own) on a copy of a fixture project: the
// browser changes a target through the form and finds it in the reloaded report and in the YAML file,
// comments intact; a YAML error replaces the report with the error and the page recovers when it is
// fixed; requests without the token, from another Host or Origin, or writes by GET are refused; Ctrl-C
// stops it cleanly.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserTests, chromiumArgs, chromiumPath } from './browser-env.js';
import { copyFixture, root, tempDb } from './helpers.js';

let dir: string;
let server: ChildProcess;
let url: URL;
let stdout = '';
let stderr = '';

const measures = `# Maßnahmen im Handlungsfeld „Bevölkerung“ (Testdaten).
field: bevoelkerung
measures:
  - id: willkommensmappe # eine Mappe für Neuzugezogene
    title: { de: Willkommensmappe }
    responsible: Bürgeramt
    start: 2025-01
    status: geplant
    milestones:
      - { date: 2025-06, title: { de: Entwurf }, done: false }
    indicators: [auslaenderanteil]
    updated: { date: 2025-01-10 }
`;

/** Starts `istsoll serve` on the project and waits for the address it prints. */
async function startServe(project: string): Promise<{ child: ChildProcess; url: URL }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(root, 'src', 'main.ts'), 'serve', '--project', project, '--db', await tempDb()],
    { cwd: root, env: { ...process.env, LANG: 'C', LC_ALL: '' }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const address = await new Promise<string>((done, fail) => {
    child.stdout!.on('data', (d: Buffer) => {
      stdout += d.toString();
      const found = /http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+/.exec(stdout);
      if (found) done(found[0]);
    });
    child.once('exit', (code) => fail(new Error(`serve exited with ${code}: ${stderr}`)));
  });
  return { child, url: new URL(address) };
}

/** A raw request, so that Host and Origin can be set as another site's page would set them. */
function ask(
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
  return new Promise((done, fail) => {
    const req = request(
      { host: '127.0.0.1', port: url.port, path, method: options.method ?? 'GET', headers: options.headers },
      (res) => {
        let body = '';
        res.on('data', (d: Buffer) => (body += d.toString()));
        res.on('end', () => done({ status: res.statusCode!, body, headers: res.headers }));
      },
    );
    req.on('error', fail);
    req.end(options.body);
  });
}

const token = () => url.searchParams.get('token')!;
const form = (fields: Record<string, string>) => ({
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded', origin: url.origin },
  body: new URLSearchParams(fields).toString(),
});

beforeAll(async () => {
  dir = await copyFixture('othertown');
  await mkdir(join(dir, 'measures'));
  await writeFile(join(dir, 'measures', 'bevoelkerung.yaml'), measures);
  ({ child: server, url } = await startServe(dir));
}, 120_000);

afterAll(() => {
  if (server.exitCode === null) server.kill('SIGKILL');
});

describe('the preview server refuses', () => {
  it('a request without the token, or with a wrong one', async () => {
    expect((await ask('/')).status).toBe(403);
    expect((await ask('/report')).status).toBe(403);
    expect((await ask(`/?token=${token().slice(1)}x`)).status).toBe(403);
    expect((await ask(`/?token=${token()}`)).status).toBe(200);
  });

  it('a request that names another host (DNS rebinding) or comes from another site', async () => {
    const page = `/?token=${token()}`;
    expect((await ask(page, { headers: { host: `evil.example:${url.port}` } })).status).toBe(403);
    expect((await ask(page, { headers: { host: `localhost:${url.port}` } })).status).toBe(403);
    const before = await readFile(join(dir, 'indicators', 'auslaenderanteil.yaml'), 'utf8');
    const post = form({ indicator: 'auslaenderanteil', value: '1', year: '2030' });
    const foreign = await ask(`/target?token=${token()}`, {
      ...post,
      headers: { ...post.headers, origin: 'http://evil.example' },
    });
    expect(foreign.status).toBe(403);
    expect(await readFile(join(dir, 'indicators', 'auslaenderanteil.yaml'), 'utf8')).toBe(before);
  });

  it('a write by GET, and a form with a value that is not a number, naming the field', async () => {
    expect((await ask(`/target?token=${token()}&indicator=auslaenderanteil&value=1&year=2030`)).status).toBe(405);
    const refused = await ask(
      `/target?token=${token()}`,
      form({ indicator: 'auslaenderanteil', value: 'zwölf<b>', year: '2030' }),
    );
    expect(refused.status).toBe(422);
    expect(refused.body).toContain('„Zielwert“: „zwölf&lt;b&gt;“ ist keine Zahl');
    expect(refused.body).not.toContain('zwölf<b>');
  });

  it('sends pages that load nothing from elsewhere and are never cached', async () => {
    const page = await ask(`/?token=${token()}`);
    expect(page.headers['content-security-policy']).toMatch(/default-src 'none'.*frame-ancestors 'none'/);
    expect(page.headers['cache-control']).toBe('no-store');
  });
});

describe('the measure form', () => {
  it('records status, note and a milestone through the measures editor, comments intact', async () => {
    const res = await ask(
      `/measure?token=${token()}`,
      form({ id: 'willkommensmappe', status: 'laufend', note: 'Druck beauftragt.', milestone: '1', by: 'A. Test' }),
    );
    expect(res.status).toBe(303);
    const text = await readFile(join(dir, 'measures', 'bevoelkerung.yaml'), 'utf8');
    expect(text).toContain('# Maßnahmen im Handlungsfeld „Bevölkerung“ (Testdaten).');
    expect(text).toContain('- id: willkommensmappe # eine Mappe für Neuzugezogene');
    expect(text).toMatch(/status: laufend/);
    expect(text).toMatch(/note: "Druck beauftragt\."/);
    expect(text).toMatch(/\{ date: 2025-06, title: \{ de: Entwurf \}, done: true \}/);
    expect(text).toMatch(/by: A\. Test/);
    const page = await ask(res.headers.location as string);
    expect(page.body).toContain('Gespeichert: eingetragen: willkommensmappe');
  });
});

browserTests.describe('istsoll serve in the browser', () => {
  let browser: Browser;
  let page: Page;
  browserTests.beforeAll(async () => {
    browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
    page = await browser.newPage();
  });
  afterAll(async () => {
    await browser?.close();
  });

  const report = () => page.frameLocator('#report').locator('body');

  it('changes a target through the form and shows it in the reloaded report and in the file', async () => {
    const file = join(dir, 'indicators', 'sgb2_quote.yaml');
    const before = await readFile(file, 'utf8');
    await page.goto(url.href);
    await expect.poll(() => report().innerText(), { timeout: 30_000 }).toContain('SGB-II-Quote');
    expect(await report().innerText()).not.toContain('13,5');
    const target = page.locator('form.target[data-indicator="sgb2_quote"]').first();
    await page.locator('summary').click();
    await target.locator('input[name="value"]').fill('13,5');
    await Promise.all([page.waitForURL(/flash=/), target.locator('button').click()]);
    await expect.poll(() => page.locator('.flash').innerText()).toContain('15 → 13.5');
    await expect.poll(() => report().innerText(), { timeout: 30_000 }).toContain('13,5');
    // Only the number changed: every comment and every other byte of the file are as they were.
    expect(await readFile(file, 'utf8')).toBe(before.replace('group: A, value: 15 }', 'group: A, value: 13.5 }'));
  });

  it('reloads the page when a file changes, and only the report while a form holds unsaved input', async () => {
    const file = join(dir, 'indicators', 'auslaenderanteil.yaml');
    await page.goto(url.href);
    await expect.poll(() => report().innerText(), { timeout: 30_000 }).toContain('Anteil');
    expect(await report().innerText()).not.toContain('17,25');
    await page.evaluate(() => Object.assign(window, { unchanged: true }));
    await writeFile(file, (await readFile(file, 'utf8')).replace('value: 12 }', 'value: 17.25 }'));
    await expect.poll(() => report().innerText(), { timeout: 30_000 }).toContain('17,25');
    expect(await page.evaluate(() => 'unchanged' in window)).toBe(false);
    // Something typed and not yet saved stays where it is: only the report's frame reloads.
    await page.locator('summary').click();
    const input = page.locator('form.target[data-indicator="sgb2_quote"] input[name="value"]').first();
    await input.fill('99');
    await page.evaluate(() => Object.assign(window, { unchanged: true }));
    await writeFile(file, (await readFile(file, 'utf8')).replace('value: 17.25 }', 'value: 17.75 }'));
    await expect.poll(() => report().innerText(), { timeout: 30_000 }).toContain('17,75');
    expect(await page.evaluate(() => 'unchanged' in window)).toBe(true);
    expect(await input.inputValue()).toBe('99');
  });

  it('shows a YAML syntax error with file and line in place of the report, and recovers when fixed', async () => {
    const file = join(dir, 'indicators', 'auslaenderanteil.yaml');
    const good = await readFile(file, 'utf8');
    await page.goto(url.href);
    await expect.poll(() => report().innerText(), { timeout: 30_000 }).toContain('Anteil');
    await writeFile(file, good.replace('unit: percent', 'unit: [percent <script>'));
    // The page reloads by itself and shows the error: where it is, what it is, and the hint.
    const error = page.locator('#error');
    await expect.poll(() => error.count(), { timeout: 30_000 }).toBe(1);
    const text = await error.innerText();
    expect(text).toContain('auslaenderanteil.yaml');
    expect(text).toMatch(/Zeile \d+/);
    expect(await page.locator('#report').count()).toBe(0);
    expect(await page.locator('script').count()).toBe(1); // the page's own, nothing from the file
    await writeFile(file, good);
    await expect.poll(() => page.locator('#report').count(), { timeout: 30_000 }).toBe(1);
    await expect.poll(() => report().innerText(), { timeout: 30_000 }).toContain('Anteil');
  });
});

describe('stopping', () => {
  it('stops on Ctrl-C, says so and leaves no temporary or lock files behind', async () => {
    const exit = new Promise<number | null>((done) => server.once('exit', (code) => done(code)));
    server.kill('SIGINT');
    expect(await exit).toBe(0);
    expect(stdout).toContain('Preview stopped.');
    const left = async (folder: string) =>
      (await readdir(folder, { recursive: true })).filter((f) => /\.(lock|tmp|loading)$|\.tmp$/.test(String(f)));
    expect([...(await left(dir))]).toEqual([]);
  });
});
