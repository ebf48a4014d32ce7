/** The part of bibtex-parse (no bundled types) the exporter uses. */
declare module "bibtex-parse" {
  /** Entries with `key`, `type` and upper-case field names. */
  function entries(bibtex: string): Array<Record<string, unknown>>;
  const bibtexParse: { entries: typeof entries };
  export default bibtexParse;
}
