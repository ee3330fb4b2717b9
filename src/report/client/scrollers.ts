// Runs in the browser. A wide table scrolls sideways in its own box (.table-scroll); only a box that does
// scroll needs the keyboard focus and a name as a region. The page comes with both on every box, so that
// without JavaScript every table can still be scrolled by keyboard; this script takes them away from the
// boxes that fit, and gives them back when the window narrows.
const boxes = [...document.querySelectorAll<HTMLElement>('.table-scroll')];

function updateScroller(box: HTMLElement): void {
  const scrolls = box.scrollWidth > box.clientWidth + 1;
  if (scrolls) {
    box.setAttribute('tabindex', '0');
    box.setAttribute('role', 'region');
  } else {
    box.removeAttribute('tabindex');
    box.removeAttribute('role');
  }
}

if ('ResizeObserver' in window) {
  const observer = new ResizeObserver((entries) => {
    for (const entry of entries) updateScroller(entry.target as HTMLElement);
  });
  for (const box of boxes) observer.observe(box);
} else {
  for (const box of boxes) updateScroller(box);
}

// The tables of a closed disclosure are measured when it opens.
for (const details of document.querySelectorAll('details'))
  details.addEventListener('toggle', () => {
    for (const box of details.querySelectorAll<HTMLElement>('.table-scroll')) updateScroller(box);
  });
