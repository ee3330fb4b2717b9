// Runs in the browser: the download links of the indicators' CSV files. The files travel gzip-compressed
// in the page (script#csv-files); the first click unpacks them, and each link then points at its file as a
// blob, so that the browser saves it under the link's name. Nothing is fetched. Without JavaScript the
// links stay hidden; the report's tables hold the same numbers.
let files: Promise<Record<string, string>> | null = null;

for (const link of document.querySelectorAll<HTMLAnchorElement>('a[data-csv]'))
  link.addEventListener('click', (event) => {
    if (link.href.startsWith('blob:')) return;
    event.preventDefault();
    void unpack().then((all) => {
      const text = all[link.dataset.csv ?? ''];
      if (text === undefined) return;
      link.href = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
      link.click();
    });
  });

function unpack(): Promise<Record<string, string>> {
  files ??= (() => {
    const packed = document.getElementById('csv-files')?.textContent?.trim() ?? '';
    const bytes = Uint8Array.from(atob(packed), (c) => c.charCodeAt(0));
    const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
    return new Response(stream).json() as Promise<Record<string, string>>;
  })();
  return files;
}
