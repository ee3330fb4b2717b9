// Runs in the browser. The page, its tables and its SVG charts are all there without this script. It
// upgrades a chart to vega-embed (tooltips, export) when the chart comes near the viewport: only then are
// the inlined libraries started and the specs unpacked, so that a report of a hundred indicators opens at
// once. A loader that refuses everything makes sure that a spec never fetches anything.
import type { Loader } from 'vega';
import type embed from 'vega-embed';
import type { EmbedOptions, VisualizationSpec } from 'vega-embed';

// The globals of the inlined builds, there once start() has run them.
declare const vega: { loader(): Loader };
declare const vegaEmbed: typeof embed;

/** Written by the report as JSON: the number format and the words of vega-embed's menu. */
interface Settings {
  locale: EmbedOptions['formatLocale'];
  i18n: EmbedOptions['i18n'];
}

interface Ready {
  specs: Record<string, VisualizationSpec>;
  loader: Loader;
}

const settings = JSON.parse(textOf('chart-settings')) as Settings;
let started: Promise<Ready> | null = null;

if ('DecompressionStream' in window && 'IntersectionObserver' in window) {
  const observer = new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        if (!entry.isIntersecting) continue;
        observer.unobserve(entry.target);
        draw(entry.target.querySelector<HTMLElement>('.chart')!);
      }
    },
    { rootMargin: '400px 0px' },
  );
  for (const chart of document.querySelectorAll('.chart[data-chart]')) observer.observe(chart.parentElement!);
  document.documentElement.setAttribute('data-charts', 'ready');
}

/** Starts the inlined libraries and unpacks the specs, once. */
function start(): Promise<Ready> {
  started ??= startLibraries();
  return started;
}

/** The libraries run in their order (Vega-Lite and vega-embed need Vega) once all three are unpacked. */
async function startLibraries(): Promise<Ready> {
  const libraries = [...document.querySelectorAll<HTMLElement>('script.library')];
  const [specs, ...codes] = await Promise.all([
    unpack(textOf('chart-specs')),
    ...libraries.map((library) => unpack(library.textContent ?? '')),
  ]);
  libraries.forEach((library, i) => {
    const script = document.createElement('script');
    script.setAttribute('data-started', library.getAttribute('data-name') ?? '');
    script.textContent = codes[i]!;
    document.head.appendChild(script);
  });
  const loader = vega.loader();
  const refuse = () => Promise.reject(new Error('the report is offline: nothing is loaded'));
  loader.load = refuse;
  loader.sanitize = refuse;
  loader.http = refuse;
  loader.file = refuse;
  return { specs: JSON.parse(specs!) as Record<string, VisualizationSpec>, loader };
}

/** gzip in base64, as page.ts packs it, back to text. */
function unpack(packed: string): Promise<string> {
  const bytes = Uint8Array.from(atob(packed.trim()), (c) => c.charCodeAt(0));
  return new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'))).text();
}

function draw(target: HTMLElement): void {
  const id = target.dataset.chart ?? '';
  start()
    .then((ready) => {
      const spec = ready.specs[id];
      if (!spec) throw new Error('no spec in the report');
      return vegaEmbed(target, spec, {
        mode: 'vega-lite',
        renderer: 'svg',
        loader: ready.loader,
        formatLocale: settings.locale,
        i18n: settings.i18n,
        tooltip: true,
        actions: { export: true, source: false, compiled: false, editor: false },
        downloadFileName: id,
      });
    })
    .then(() => {
      nameMenu(target);
      target.setAttribute('data-rendered', 'true');
      target.parentElement!.classList.add('live');
    })
    .catch((error: unknown) => {
      target.setAttribute('data-rendered', 'error');
      console.error(`chart ${id}: ${error instanceof Error ? error.message : String(error)}`);
    });
}

/** vega-embed's export menu opens with an icon only: it gets the menu's name in the report's language. */
function nameMenu(target: HTMLElement): void {
  // Vega's role descriptions ("symbol mark") are English; without them a screen reader says "graphic" in
  // its own language, then the point's label, which the spec wrote in the report's.
  for (const item of target.querySelectorAll('[aria-roledescription]')) item.removeAttribute('aria-roledescription');
  const summary = target.querySelector('.vega-embed > details > summary');
  const name = settings.i18n?.CLICK_TO_VIEW_ACTIONS;
  if (summary && name) summary.setAttribute('aria-label', name);
}

function textOf(id: string): string {
  return document.getElementById(id)?.textContent ?? '';
}
