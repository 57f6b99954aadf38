/**
 * Resolves on the event loop's next turn, after the requests already waiting have been answered: long loops over
 * many rows (an import's validation) await it every few rows, so the finder keeps answering while they run.
 * @example for (const [i, row] of rows.entries()) { if (i % 100 === 99) await nextTurn(); … }
 */
export function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
