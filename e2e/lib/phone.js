// What "usable on a phone" means, checked in the page: nothing scrolls sideways, no box or line
// of text starts before the screen's edge or ends past it unless it sits inside a scroll
// container, and every container that does scroll can be reached by keyboard and is named.

export const PHONE = { width: 390, height: 844 };

/** Runs in the page; returns one line per problem (empty when the page fits). */
export function layoutProblems() {
  const width = window.innerWidth;
  const problems = [];
  const doc = document.documentElement;
  if (doc.scrollWidth > width) problems.push(`the page scrolls sideways (${doc.scrollWidth} px wide)`);

  const scrolls = (el) => ['auto', 'scroll'].includes(getComputedStyle(el).overflowX);
  // Inside a scroll container, or inside a visually hidden box (a caption or table head kept
  // for screen readers): either way nothing of it sticks out of the screen.
  const tucked = (a) => {
    if (scrolls(a)) return true;
    const r = a.getBoundingClientRect();
    return (r.width <= 1 || r.height <= 1) && getComputedStyle(a).overflowX !== 'visible';
  };
  const inScroller = (node) => {
    for (let a = node.parentElement; a && a !== doc; a = a.parentElement) if (tucked(a)) return true;
    return false;
  };
  const name = (el) => {
    const id = el.id ? `#${el.id}` : '';
    const cls = el.classList.length ? `.${[...el.classList].join('.')}` : '';
    const words = (el.textContent || '').replace(/\s+/g, ' ').trim().slice(0, 40);
    return `<${el.tagName.toLowerCase()}${id}${cls}> «${words}»`;
  };
  const outside = (r) => r.width > 1 && r.height > 1 && (r.left < -0.5 || r.right > width + 0.5);
  const where = (r) => `[${Math.round(r.left)}, ${Math.round(r.right)}]`;

  const bad = new Set();
  for (const el of document.body.querySelectorAll('*')) {
    const r = el.getBoundingClientRect();
    if (outside(r) && !inScroller(el)) bad.add(el);
  }
  // Report the outermost offender only: its children follow it off the screen.
  for (const el of bad) {
    if (!bad.has(el.parentElement)) problems.push(`${name(el)} spans ${where(el.getBoundingClientRect())}`);
  }

  // A word too long for its box overflows the box without widening it: check the lines.
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  for (let t = walker.nextNode(); t; t = walker.nextNode()) {
    if (!t.data.trim() || bad.has(t.parentElement) || inScroller(t)) continue;
    range.selectNodeContents(t);
    const line = [...range.getClientRects()].find(outside);
    if (line) problems.push(`text «${t.data.trim().slice(0, 40)}» in ${name(t.parentElement)} spans ${where(line)}`);
  }

  for (const el of document.body.querySelectorAll('*')) {
    if (!scrolls(el) || el.scrollWidth <= el.clientWidth) continue;
    const named = el.getAttribute('aria-label') || el.getAttribute('aria-labelledby');
    if (el.tabIndex < 0 || !named) problems.push(`${name(el)} scrolls but is not a focusable, named region`);
  }
  return problems;
}
