// The preview's HTTP side, on 127.0.0.1 only. Every request must carry the random token of the printed
// address and name this very address as its Host (a web page of another site that points a name of its
// own at 127.0.0.1 — DNS rebinding — sends its own Host and is refused); a write must be a POST whose
// Origin, when the browser sends one, is this address too. Pages come with a Content-Security-Policy that
// lets nothing load from elsewhere, and never end up in a cache.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { words, type Lang } from '../../core/messages/index.js';
import type { Build } from './build.js';
import type { FormResult } from './forms.js';
import { renderPreviewPage, type PageState } from './page.js';

export interface PreviewState {
  lang: Lang;
  token: string;
  /** The latest build and its version number. */
  current(): { build: Build; version: number };
  /** Applies a form and waits for the report that shows its result. */
  submit(kind: 'target' | 'measure', fields: URLSearchParams): Promise<FormResult>;
  /** A client that wants to hear of new versions; returns what stops it listening. */
  listen(send: (version: number, ok: boolean) => void): () => void;
}

/** Forms are short; anything longer is not a form of this page. */
const maxBody = 64 * 1024;

export function createPreviewServer(state: PreviewState): Server {
  const flashes = new Map<string, PageState['flash']>();
  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', words(state.lang).cli.unexpected(String(e)));
      else res.end();
    });
  });
  const w = () => words(state.lang).cli.serve.page;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    if (req.headers.host !== `127.0.0.1:${port}` || !tokenMatches(url.searchParams.get('token'), state.token))
      return send(res, 403, 'text/plain; charset=utf-8', w().forbidden);
    const route = `${req.method} ${url.pathname}`;
    if (route === 'GET /' || route === 'HEAD /') {
      const { build, version } = state.current();
      const flashId = url.searchParams.get('flash');
      const flash = flashId ? flashes.get(flashId) : undefined;
      if (flashId) flashes.delete(flashId);
      return sendPage(res, 200, { build, version, flash });
    }
    if (route === 'GET /report' || route === 'HEAD /report') {
      const { build } = state.current();
      if (!build.ok) return send(res, 404, 'text/plain; charset=utf-8', w().notFound);
      return send(res, 200, 'text/html; charset=utf-8', build.html, {
        'content-security-policy': "frame-ancestors 'self'",
      });
    }
    if (route === 'GET /events') return openEvents(req, res);
    if (url.pathname === '/target' || url.pathname === '/measure') {
      if (req.method !== 'POST')
        return send(res, 405, 'text/plain; charset=utf-8', w().methodNotAllowed, { allow: 'POST' });
      const origin = req.headers.origin;
      const site = req.headers['sec-fetch-site'];
      if (
        (origin !== undefined && origin !== `http://127.0.0.1:${port}`) ||
        (site !== undefined && site !== 'same-origin')
      )
        return send(res, 403, 'text/plain; charset=utf-8', w().forbidden);
      if (!/^application\/x-www-form-urlencoded\b/i.test(req.headers['content-type'] ?? ''))
        return send(res, 415, 'text/plain; charset=utf-8', w().badForm);
      const body = await readBody(req);
      if (body === null) return send(res, 413, 'text/plain; charset=utf-8', w().tooLarge);
      const result = await state.submit(url.pathname === '/target' ? 'target' : 'measure', new URLSearchParams(body));
      const { build, version } = state.current();
      if (!result.ok)
        return sendPage(res, 422, { build, version, flash: { ok: false, text: w().notSaved, error: result.error } });
      // Post/redirect/get: a reload of the page does not send the form again.
      const id = randomBytes(8).toString('hex');
      flashes.set(id, { ok: true, text: result.changed ? w().saved(result.text) : w().unchanged(result.text) });
      // Flashes not shown (a page never loaded) must not pile up.
      if (flashes.size > 20) flashes.delete(flashes.keys().next().value!);
      const to = `/?token=${encodeURIComponent(state.token)}&flash=${id}`;
      res.writeHead(303, { location: to, 'cache-control': 'no-store' });
      return void res.end();
    }
    if (['/', '/report', '/events'].includes(url.pathname))
      return send(res, 405, 'text/plain; charset=utf-8', w().methodNotAllowed, { allow: 'GET, HEAD' });
    return send(res, 404, 'text/plain; charset=utf-8', w().notFound);
  }

  function sendPage(res: ServerResponse, status: number, page: Omit<PageState, 'lang' | 'token' | 'nonce'>): void {
    const nonce = randomBytes(16).toString('base64');
    const text = renderPreviewPage({ ...page, lang: state.lang, token: state.token, nonce });
    send(res, status, 'text/html; charset=utf-8', text, { 'content-security-policy': pageCsp(nonce) });
  }

  function openEvents(req: IncomingMessage, res: ServerResponse): void {
    res.writeHead(200, {
      ...baseHeaders,
      'content-type': 'text/event-stream; charset=utf-8',
      connection: 'keep-alive',
    });
    const push = (version: number, ok: boolean) =>
      res.write(`event: version\ndata: ${JSON.stringify({ version, ok })}\n\n`);
    const { build, version } = state.current();
    push(version, build.ok);
    const stop = state.listen(push);
    // A comment now and then keeps proxies and the browser from giving up on a quiet stream.
    const beat = setInterval(() => res.write(': \n\n'), 15_000);
    req.on('close', () => {
      clearInterval(beat);
      stop();
    });
  }

  return server;
}

/** Compared in constant time, so that the answer's timing says nothing about the token. */
function tokenMatches(given: string | null, token: string): boolean {
  if (given === null) return false;
  const [a, b] = [Buffer.from(given), Buffer.from(token)];
  return a.length === b.length && timingSafeEqual(a, b);
}

const baseHeaders = {
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
  // Not no-referrer: under it the browser sends its form posts with `Origin: null`, which is refused.
  'referrer-policy': 'same-origin',
};

function send(
  res: ServerResponse,
  status: number,
  type: string,
  body: string,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { ...baseHeaders, 'content-type': type, ...headers });
  res.end(res.req.method === 'HEAD' ? undefined : body);
}

/** The page's own script and style by nonce; it may talk to this server and frame the report, nothing else. */
function pageCsp(nonce: string): string {
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src 'nonce-${nonce}'`,
    "connect-src 'self'",
    "frame-src 'self'",
    "form-action 'self'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

async function readBody(req: IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > maxBody) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}
