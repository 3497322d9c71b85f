import type { ComponentChildren } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';

/** A header control's name (select all), which the phone layout writes beside it. */
const controlName = (th: HTMLTableCellElement) =>
  th.textContent?.trim() ? '' : (th.querySelector('[aria-label]')?.getAttribute('aria-label') ?? '');

/**
 * Gives every body cell its column's name (data-label), which the phone layout shows beside
 * the value when each row becomes a card (style.css, max-width 480px).
 */
function labelCells(table: HTMLTableElement) {
  const headCells = Array.from(table.tHead?.rows[0]?.cells ?? []);
  // A column of controls (a row's checkbox) has no words to repeat on each card.
  const heads = headCells.map((th) => th.textContent?.trim() ?? '');
  for (const th of headCells) {
    const name = controlName(th);
    if (th.getAttribute('data-label') !== name) th.setAttribute('data-label', name);
  }
  for (const body of Array.from(table.tBodies)) {
    for (const row of Array.from(body.rows)) {
      let col = 0;
      for (const cell of Array.from(row.cells)) {
        const name = cell.colSpan > 1 ? '' : (heads[col] ?? '');
        if (cell.getAttribute('data-label') !== name) cell.setAttribute('data-label', name);
        col += cell.colSpan;
      }
    }
  }
}

/**
 * The dashboard's table: a table at a desk, one card per row on a phone (480 px and below),
 * so no column is squeezed to one character of Chinese per line. Every list uses it; the card
 * layout lives here and in style.css, not in the views.
 */
export function Table(props: { id?: string; class?: string; children: ComponentChildren }) {
  const ref = useRef<HTMLTableElement>(null);
  useLayoutEffect(() => {
    const table = ref.current;
    if (!table) return;
    labelCells(table);
    // Rows a child component adds, and headers a language switch renames, are labelled too.
    const watch = new MutationObserver(() => labelCells(table));
    watch.observe(table, { childList: true, subtree: true, characterData: true });
    return () => watch.disconnect();
  }, []);
  return (
    <table ref={ref} id={props.id} class={`cards${props.class ? ` ${props.class}` : ''}`}>
      {props.children}
    </table>
  );
}
