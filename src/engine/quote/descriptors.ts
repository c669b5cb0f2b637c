// How an article describes a person it quotes, so a question can name the speaker by role:
// the titles before the name and the appositions around it.
import { tokenAt, tokenCount } from '../../nlp/tokens.ts';
import { posAt } from '../../nlp/pos.ts';
import { fullName } from '../names/names.ts';
import { sentencesWith } from '../../index/index.ts';
import type { ArticleClauses } from './clauses.ts';

/** Titles before the name, appositions around it ("Omar Nazari, of the provincial council,"). */
export function descriptorOf(article: ArticleClauses, name: string): string[] {
  const { index, doc } = article;
  const out: string[] = [];
  // The role the article first gives the person (as peopleOf records it).
  const first = sentencesWith(index, doc, name, article)
    .flatMap((id) => article.spans(id))
    .find((sp) => sp.kind === 'person' && sp.name === name && sp.role);
  if (first) out.push(first.role);
  // A span counts under its full name or as the name's last word ("Nowak" for "Piotr Nowak"): either way the sentence has that word.
  for (const id of sentencesWith(index, doc, name.split(/\s+/).at(-1)!, article)) {
    const s = article.sentence(id);
    const n = tokenCount(s);
    for (const sp of article.spans(id)) {
      if (sp.name !== name && !(sp.name.split(/\s+/).length === 1 && fullName(index, doc, sp.name) === name && name.endsWith(sp.name))) continue;
      if (sp.role) out.push(sp.role);
      // "His wife Ruth", "fire service spokesman Piotr Nowak".
      for (let k = sp.start - 1, m = 0; k >= 0 && m < 3 && ['NOUN', 'ADJ'].includes(posAt(s.pos, k)) && !article.quoted(id, k); k--, m++) out.push(tokenAt(s, k));
      // "X, a fire service spokesman," / "X, of the provincial council,".
      if (sp.end + 1 < n && tokenAt(s, sp.end + 1) === ',') {
        for (let k = sp.end + 2, m = 0; k < n && m < 10 && !/^[,.;]$/.test(tokenAt(s, k)) && !article.quoted(id, k); k++, m++) out.push(tokenAt(s, k));
      }
      // "The judge presiding over the case, Helen Ortiz,".
      if (sp.start > 0 && tokenAt(s, sp.start - 1) === ',') {
        let k = sp.start - 2;
        const words: string[] = [];
        while (k >= 0 && words.length < 10 && !/^[,.;]$/.test(tokenAt(s, k)) && !article.quoted(id, k)) words.unshift(tokenAt(s, k--));
        if (k < 0 || tokenAt(s, k) === ',') out.push(...words);
      }
    }
  }
  return out;
}
