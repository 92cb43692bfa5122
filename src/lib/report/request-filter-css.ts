/** One filter of the request table: a name (`year`, `country`, `outcome`) and its values. */
export interface FilterDimension {
  name: string;
  values: string[];
}

const cssString = (value: string): string => `"${value.replace(/["\\]/g, "\\$&")}"`;

/**
 * CSS that filters the request table without JavaScript: for each value of each dimension, when
 * that radio button is checked, rows whose `data-<name>` differs are hidden. Scoped to `#tableId`.
 */
export function requestFilterCss(tableId: string, dimensions: readonly FilterDimension[]): string {
  const rules: string[] = [];
  for (const { name, values } of dimensions) {
    for (const value of values) {
      const checked = `#${tableId}:has(input[name=${cssString(name)}][value=${cssString(value)}]:checked)`;
      rules.push(`${checked} tbody tr:not([data-${name}=${cssString(value)}]) { display: none; }`);
    }
  }
  return rules.join("\n");
}
