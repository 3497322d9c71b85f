import type { ComponentChildren } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';

/** A column's name as a person reads it: the header's text, or a header control's label. */
const headName = (th: HTMLTableCellElement) =>
  th.textContent?.trim() || th.querySelector('[aria-label]')?.getAttribute('aria-label') || '';

/**
 * Gives every body cell its column's name (data-label), which the phone layout shows beside
 * the value when each row becomes a card (style.css, max-width 480px).
 */
function labelCells(table: HTMLTableElement) {
  const heads = Array.from(table.tHead?.rows[0]?.cells ?? []).map(headName);
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
