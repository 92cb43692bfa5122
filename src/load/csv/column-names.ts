/** The letters a spreadsheet shows above a column: 1 → A, 26 → Z, 27 → AA, 28 → AB. */
export function columnLetter(column: number): string {
  let letters = "";
  for (let rest = column; rest > 0; rest = Math.floor((rest - 1) / 26))
    letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  return letters;
}

/** A CSV column as an editor finds it in a spreadsheet: its letter beside its header name, `column S (country)`. */
export function columnName(column: number, header: string): string {
  return `column ${columnLetter(column)} (${header})`;
}
