// lunr's BM25, the one formula of the project: the packer computes the article vectors with it and
// the sentence ranking scores sentences with it, so both rank exactly as lunr would.
export const K1 = 1.2;
export const B = 0.75;

/** lunr.idf: `units` documents (or sentences), `having` of them with the term (once per field). */
export const idf = (units: number, having: number): number => Math.log(1 + Math.abs((units - having + 0.5) / (having + 0.5)));

/** The BM25 weight of a term seen `tf` times in a field `lengthRatio` times the average length, rounded as lunr rounds. */
export const bm25 = (termIdf: number, tf: number, lengthRatio: number): number => Math.round(((termIdf * ((K1 + 1) * tf)) / (K1 * (1 - B + B * lengthRatio) + tf)) * 1000) / 1000;
