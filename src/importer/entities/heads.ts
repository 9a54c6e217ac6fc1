/** The nouns that head the names of bodies: shared by the phrase finder and the organisation rules. */

/** Nouns that name a body when they head a capitalised name. */
export const HEADS = new Set(
  `
  academy administration agency airline airlines airways alliance army assembly association authority bancorp bank board
  brotherhood bureau cabinet center centre chamber church club co coalition college commission committee communications
  company confederation congress consortium corp corporation council court courts department desk directorate
  division exchange federation force forces foundation front fund group guard guild holdings hospital inc incorporated industries
  institute institution insurance international league limited llc ltd media ministry mission motors movement network news
  newsroom office organisation organization parliament partnership party pharmaceuticals plc police press radio railway
  railways regiment school securities senate service services society syndicate systems technologies telecom telecommunications
  television times trust tribunal union university laboratories labs unit
`
    .trim()
    .split(/\s+/),
);

/** Heads that open a name with "of" or "for": "Bank of England", "Department of Corrections", "House of Commons". */
export const LEADING_HEADS = new Set([...HEADS, 'house', 'ministry', 'secretariat', 'order']);
