/** Every country named by the given records (requests, blocking events), each once, sorted: the countries that get a page. */
export function recordCountries(...records: readonly (readonly { data: { country: string } }[])[]): string[] {
  return [...new Set(records.flat().map((record) => record.data.country))].sort();
}
