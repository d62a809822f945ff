/**
 * In-place stable insertion sort for the short lists of a party's result (its indicators, gaps and
 * candidate paths, rarely more than a dozen items). Array.prototype.sort allocates a work copy on
 * every call, which over 10,000 parties was a sixth of all the memory a full scoring allocated;
 * for lists this short, insertion sort is also faster. Same order as a stable sort with `compare`.
 */
export function insertionSort<T>(items: T[], compare: (a: T, b: T) => number): T[] {
  for (let i = 1; i < items.length; i++) {
    const item = items[i]!;
    let j = i - 1;
    while (j >= 0 && compare(items[j]!, item) > 0) {
      items[j + 1] = items[j]!;
      j--;
    }
    items[j + 1] = item;
  }
  return items;
}

/** Stable sort: insertion sort for short lists, the built-in (also stable) for long ones. */
export function stableSort<T>(items: T[], compare: (a: T, b: T) => number): T[] {
  return items.length <= 16 ? insertionSort(items, compare) : items.sort(compare);
}
