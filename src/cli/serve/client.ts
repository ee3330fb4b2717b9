// The preview page's own script (only the served page has it; reports written to disk never do). It
// listens to the server's events and reloads the page when the report has a new version, keeping the
// reader's place in the report across the reload. While a form holds changes not yet saved, only the
// report's frame is reloaded, so that nothing typed is lost; once a form is sent, the page stops
// listening (the answer to the form is the new page). Plain ES2020, inlined with the page's nonce.
export const previewScript = `(() => {
  const root = document.documentElement;
  const token = encodeURIComponent(root.dataset.token || '');
  const frame = document.getElementById('report');
  const place = 'istsoll-serve-scroll';
  if (frame) {
    frame.addEventListener('load', () => {
      const view = frame.contentWindow;
      if (!view) return;
      view.scrollTo(0, Number(sessionStorage.getItem(place) || 0));
      view.addEventListener('scroll', () => sessionStorage.setItem(place, String(view.scrollY)), { passive: true });
      root.dataset.report = 'loaded';
    });
  }
  // A select without a preselected option shows its first one.
  const chosen = (select) => Math.max(0, [...select.options].findIndex((o) => o.defaultSelected));
  const edited = () => [...document.querySelectorAll('input, textarea, select')].some((field) =>
    field instanceof HTMLSelectElement
      ? field.selectedIndex !== chosen(field)
      : field.type !== 'hidden' && field.value !== field.defaultValue);
  const events = new EventSource('/events?token=' + token);
  events.addEventListener('version', (event) => {
    const next = JSON.parse(event.data);
    if (String(next.version) === root.dataset.version) return;
    if (next.ok && frame && edited()) {
      root.dataset.version = String(next.version);
      frame.src = '/report?token=' + token + '&v=' + next.version;
    } else location.replace(location.pathname + '?token=' + token);
  });
  document.addEventListener('submit', () => events.close());
})();
`;
