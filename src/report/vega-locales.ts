// Number formats of the charts: the same for the SVGs drawn in Node (svg.ts) and for vega-embed in the page.

/** Number formats of the charts, in the browser (vega-embed) and here. */
export const vegaLocales = {
  de: { decimal: ',', thousands: '.', grouping: [3], currency: ['', '\u00a0€'] },
  en: { decimal: '.', thousands: ',', grouping: [3], currency: ['£', ''] },
};
