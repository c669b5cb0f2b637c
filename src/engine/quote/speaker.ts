// Who is the subject of a speech verb: `X said`, `said X`, `X, the minister, said`, `he added`,
// `the PM said` — a name, a pronoun folded back to the person last named, or a role or body.
import { tokenAt, tokenCount } from '../../nlp/tokens.ts';
import { posAt } from '../../nlp/pos.ts';
import { fullName, personWithRole, textOf, type NameSpan } from '../names/names.ts';
import { ORG_WORDS, ROLE_ABBREVIATIONS, STATEMENT_NOUNS, TITLE_WORDS } from '../words.ts';
import { sentencesWith } from '../../index/index.ts';
import { ACCORDING, BODY_PRONOUNS, INDEFINITES, ISSUED_NOUNS, POSSESSIVE_PRONOUNS, PREPOSITIONS, RELATIVES, SPEAKER_PRONOUNS, TELL_VERBS, VERB_FILLERS } from './quote-words.ts';
import { lessSure, lower, type ArticleClauses, type Who } from './clauses.ts';
import { Issuers } from './issuer.ts';
import { SURE } from './sure.ts';
import { antecedent } from './antecedent.ts';
import { joinedNames, joinedToPersonBefore, nameParts } from './name-parts.ts';
import { isCommonWordAtStart, isPersonName, prepositionBeforeQuotedName, isPersonalAside, personBeforeApposition, isPlaceAfterName } from './subjects.ts';
import { affiliatedPerson, commaBeforeAge, relativeClauseOwner } from './subjects.ts';
import { describedPerson, firstVerb, inPersonTitle, possessorStart, sharedVerbBefore, suffixOwner } from './subjects.ts';

export class Speakers {
  private issuers: Issuers;

  constructor(private article: ArticleClauses) {
    this.issuers = new Issuers(article, this);
  }

  /** Who speaks at the speech verb `v`: its subject, else (unless it is a verb of telling) the name after it. */
  speakerOfVerb(id: number, v: number, lo: number, hi: number, resolvePronouns = true): Who | undefined {
    const s = this.article.sentence(id);
    const verb = lower(tokenAt(s, v));
    // "he was told by Minister Zinichev of “…”": a passive verb's speaker is its agent, and its subject only listened.
    if (this.article.isPassive(id, v)) {
      const by = lower(tokenAt(s, v + 1)) === 'by' ? this.article.spans(id).find((sp) => sp.start > v + 1 && sp.start <= v + 3) : undefined;
      // "was asked by Fox Business moderator Gerard Baker": the person the affiliation describes.
      if (by || TELL_VERBS.has(verb)) return by ? this.whoOfSpan(id, affiliatedPerson(this.article, id, by) ?? by) : { words: [] };
    }
    const before = verb === ACCORDING ? undefined : (this.subjectBefore(id, v, lo, resolvePronouns) ?? this.subjectAcrossSplit(id, v, resolvePronouns));
    // "told Reuters": who comes after a verb of telling is the listener.
    // "…, adding Iran will pursue it": a participle's subject is never after it.
    return before ?? (TELL_VERBS.has(verb) || (verb !== ACCORDING && /ing$/.test(verb)) ? undefined : this.subjectAfter(id, v, hi, resolvePronouns));
  }

  /**
   * "Rep. Carl Ostrander II (D-Ore.) said …": the sentence splitter ended a sentence at "Ore.)", so a
   * sentence that opens on its speech verb takes its subject from the end of the sentence before.
   */
  private subjectAcrossSplit(id: number, v: number, resolvePronouns: boolean): Who | undefined {
    const s = this.article.sentence(id);
    const prev = id - 1;
    if (v > 1 || !/^\p{Ll}/u.test(tokenAt(s, 0)) || prev < this.article.first) return undefined;
    const ps = this.article.sentence(prev);
    if (ps.paragraph !== s.paragraph) return undefined;
    let end = tokenCount(ps);
    while (end > 0 && tokenAt(ps, end - 1) === '.') end--;
    return this.subjectBefore(prev, end, this.article.clauseStart(prev, end - 1), resolvePronouns);
  }

  /** The subject of the speech verb at `v`: `X said`, `X, the minister, said`, `he added`, `the statement said`. */
  subjectBefore(id: number, v: number, from: number, resolvePronouns: boolean, depth = 0): Who | undefined {
    let lo = from;
    const s = this.article.sentence(id);
    if (depth > 3) return undefined;
    let j = v - 1;
    for (let hops = 0; hops < 6; hops++) {
      while (j >= lo && !this.article.quoted(id, j) && (VERB_FILLERS.has(lower(tokenAt(s, j))) || posAt(s.pos, j) === 'ADV')) j--;
      // "Rep. Carl Ostrander II (D-Ore.) said", "Dana Whitfield (@dwhit) wrote", "Gov. Lund (R-OH), said": an aside in brackets.
      if (j > lo && tokenAt(s, j) === ',' && tokenAt(s, j - 1) === ')') j--;
      if (j >= lo && /^\)/u.test(tokenAt(s, j)) && !this.article.quoted(id, j)) {
        let k = j - 1;
        while (k >= lo && k > j - 8 && tokenAt(s, k) !== '(') k--;
        if (k >= lo && tokenAt(s, k) === '(' && isPersonalAside(textOf(s, k + 1, j - 1))) j = k - 1;
      }
      if (j === lo - 1 && lo > 0 && ['but', 'and'].includes(lower(tokenAt(s, lo - 1)))) {
        // "X accepted responsibility but did not say": the clause break shares its subject.
        j = lo - 1;
        lo = this.article.clauseStart(id, lo - 2);
      }
      if (j < lo || this.article.quoted(id, j)) return undefined;
      const t = lower(tokenAt(s, j));
      const span = this.article.spanEndingAt(id, j);
      const apposed = span && span.kind === 'org' ? personBeforeApposition(this.article, id, span.start, lo) : undefined;
      if (apposed) return this.whoOfSpan(id, apposed);
      if (span) {
        const owner = relativeClauseOwner(this.article, id, span.start - 1, lo);
        if (owner) return this.whoOfSpan(id, owner);
        // "Harry Bond, 30, of Raleigh, N.C., who was polled, said": a place's region after a comma continues the place.
        if (span.start >= lo + 2 && tokenAt(s, span.end + 1) === ',' && isPlaceAfterName(this.article, id, span)) {
          j = span.start - 2;
          continue;
        }
        // "Cardinal X of the Holy See said": the name before the prepositional phrase.
        // "Sally Wasef of Australia's Griffith University": the phrase opens at the possessor.
        const pp = this.article.prepositionBefore(id, possessorStart(this.article, id, span), lo);
        const absolute = pp >= 0 && lower(tokenAt(s, pp)) === 'with' && /ing$/.test(lower(tokenAt(s, v)));
        // "of worldwide victim group Ending Clergy Abuse": lowercase words between the preposition and the name.
        if (pp >= 0 && !absolute && (this.article.isPrepositional(id, span) || (span.kind !== 'person' && pp < span.start - 2 && lower(tokenAt(s, pp)) === 'of'))) {
          j = pp - 1;
          continue;
        }
        // "Lund and 24-year-old Tom Reyes explained": two speakers, with words between ("Smith and Jones" is coordinated's).
        if (span.kind === 'person' && !['and', '&'].includes(lower(tokenAt(s, span.start - 1))) && joinedToPersonBefore(this.article, id, span)) return { words: [] };
        return this.coordinated(id, span) ?? this.whoOfSpan(id, span);
      }
      // "Anna Lind of “Have No Fear”, a group …, told": a name in quotation marks after a preposition.
      const prep = prepositionBeforeQuotedName(this.article, id, j, lo);
      if (prep !== undefined) {
        j = prep - 1;
        continue;
      }
      if (SPEAKER_PRONOUNS.has(t)) return resolvePronouns ? this.pronoun(id, j) : undefined;
      if (BODY_PRONOUNS.has(t)) return resolvePronouns ? lessSure(this.issuers.issuer(id), t === 'they' ? SURE.theyPronoun : SURE.bodyPronoun) : undefined;
      if (RELATIVES.has(t)) {
        // "a statement which said", "Smith, who chairs the panel, said".
        j--;
        if (j >= lo && tokenAt(s, j) === ',') j--;
        continue;
      }
      // "…, saying", "quashed rumours by tweeting that": a participle or gerund shares the sentence's subject.
      const participle = /ing$/.test(lower(tokenAt(s, v))) && (t === ',' || t === 'by');
      if (t === 'and' || t === 'but' || t === 'or' || participle) {
        // "Roberts said the video should be released but said “…”": the speech verb before the conjunction has the subject,
        // else the clause's first verb ("He praised those who left but said “…”"). "Holt and Ek will meet, Spence said,
        // adding, “…”": a participle shares the subject of the speech verb before it, else of the sentence's first verb.
        const said = !this.article.isVerb(id, v) ? -1 : this.article.verbIn(id, participle ? 0 : lo, j - 1, 'last');
        const main = participle || !this.article.isVerb(id, v) ? undefined : firstVerb(this.article, id, j - 1);
        for (const at of [said, main ?? -1].filter((x) => x >= lo)) {
          const who = this.subjectBefore(id, at, lo, resolvePronouns, depth + 1);
          if (who?.name) return who;
        }
        // "Novak also characterised the deaths as … and wrote “…”", "X described …, stating": the subject of the verb before.
        // "Lund told the council that the town must act, saying “…”": a participle after a comma shares the sentence's subject.
        const k = participle ? (firstVerb(this.article, id, j - 1) ?? sharedVerbBefore(this.article, id, j - 1, lo)) : sharedVerbBefore(this.article, id, j - 1, lo);
        if (k !== undefined) return this.subjectBefore(id, k, participle ? 0 : lo, resolvePronouns, depth + 1);
        if (!participle) return undefined;
      }
      if (t === ',') {
        // An apposition between commas: the name itself ("…, Helen Ortiz, said") or a description to skip ("X, of the council, said").
        let k = j - 1;
        while (k >= lo && tokenAt(s, k) !== ',' && !this.article.quoted(id, k)) k--;
        const inner = this.article.spanEndingAt(id, j - 1);
        if (inner && inner.start === k + 1 && isPlaceAfterName(this.article, id, inner)) {
          // "…, curator at the University of Bergen, Nordnes, said": the place belongs to the description before it.
          k--;
          while (k >= lo && tokenAt(s, k) !== ',' && !this.article.quoted(id, k)) k--;
        } else if (inner && inner.start === k + 1) {
          // "Michael Seaman, who lives outside the state capital, Sacramento, said": the apposition is the relative clause's.
          const owner = relativeClauseOwner(this.article, id, k - 1, lo);
          // "Lund and Tom Reyes, a fellow veteran, explained": two speakers.
          if (!owner && inner.kind !== 'org' && joinedToPersonBefore(this.article, id, inner)) return { words: [] };
          return this.whoOfSpan(id, owner ?? inner);
        }
        if (k < lo) return undefined;
        j = commaBeforeAge(this.article, id, k, lo) - 1;
        continue;
      }
      // A noun phrase without a name: "the PM", "the judge", "the PMO press release", "police", "Judge Okafor's statement".
      const words: string[] = [];
      let k = j;
      // "Lynch said there remains …": a surname opening the sentence that the tagger took for a verb.
      const mistagged = (m: number): boolean => m === 0 && m === j && posAt(s.pos, m) === 'VERB' && /^\p{Lu}\p{Ll}/u.test(tokenAt(s, m));
      while (k >= lo && !this.article.quoted(id, k) && (['NOUN', 'ADJ', 'PROPN', 'DET', 'NUM'].includes(posAt(s.pos, k)) || mistagged(k)) && words.length < 6) {
        words.unshift(tokenAt(s, k));
        k--;
      }
      if (!words.length) return undefined;
      const described = describedPerson(this.article, id, k, lo);
      if (described) return this.whoOfSpan(id, described);
      const owner = this.ownerBefore(id, k + 1, lo);
      if (owner && words.some((w) => ISSUED_NOUNS.has(lower(w)) || STATEMENT_NOUNS.has(lower(w)))) return { name: owner.name, words: [...owner.words, ...words] };
      // "Interior Minister Novak's spokesperson": the phrase names someone else than the owner.
      return this.whoOfPhrase(id, words, k + 1, j);
    }
    return undefined;
  }

  /**
   * "Smith and Jones said": two people speak, so neither is the speaker; "The High Court of England and Wales
   * ruled": one body, named from its start.
   */
  private coordinated(id: number, span: NameSpan): Who | undefined {
    const chain = joinedNames(this.article, id, span);
    if (!chain) return undefined;
    if (chain.every((x) => x.kind === 'person')) return { words: [] };
    // "Matthew Ingram of The Globe and Mail": the person the organisation is added to; "PG&E President and CEO Andy Vesey": the person.
    const person = chain[0].kind === 'person' ? chain[0] : span.kind === 'person' ? span : undefined;
    if (person) return this.whoOfSpan(id, person);
    const name = textOf(this.article.sentence(id), chain[0].start, span.end);
    return { name, words: [name] };
  }

  /** The owner in "Judge Okafor's statement" / "the judge's statement", given the first token after the possessive. */
  private ownerBefore(id: number, at: number, lo: number): Who | undefined {
    const s = this.article.sentence(id);
    const k = at - 1;
    if (k - 1 < lo || !/^['’]s?$/u.test(tokenAt(s, k))) return undefined;
    const span = this.article.spanEndingAt(id, k - 1);
    if (span) return this.whoOfSpan(id, span);
    const words: string[] = [];
    let m = k - 1;
    while (m >= lo && ['NOUN', 'ADJ', 'DET'].includes(posAt(s.pos, m)) && words.length < 4) words.unshift(tokenAt(s, m--));
    return words.length ? this.whoOfPhrase(id, words, m + 1, k - 1) : undefined;
  }

  /** The speaker after the verb: `said Okafor`, `said a press release issued by X`, `according to a tweet by X`. */
  private subjectAfter(id: number, v: number, hi: number, resolvePronouns: boolean): Who | undefined {
    const s = this.article.sentence(id);
    let a = v + 1;
    if (lower(tokenAt(s, v)) === ACCORDING) a = v + 2;
    let b = a;
    while (b < tokenCount(s) && b <= Math.min(hi, a + 14) && !this.article.quoted(id, b) && !this.article.isStop(id, b) && tokenAt(s, b) !== ';') b++;
    b--;
    if (b < a) return undefined;
    const t = lower(tokenAt(s, a));
    if (SPEAKER_PRONOUNS.has(t)) return resolvePronouns ? this.pronoun(id, a) : undefined;
    const spans = this.article
      .spans(id)
      .filter((sp) => sp.start >= a && sp.end <= b && !this.article.isPossessive(id, sp) && (!this.article.isRoleOnly(sp) || this.surnameLikeTitle(id, sp)));
    // "a press release issued by the PM Office", "a tweet on Monday by X", "Judge Okafor's statement".
    const firstSpanAt = spans[0]?.start ?? b + 1;
    for (let k = a; k < firstSpanAt; k++) {
      const w = lower(tokenAt(s, k));
      if (ISSUED_NOUNS.has(w) || STATEMENT_NOUNS.has(w)) {
        // "X said in their filing": the owner is the verb's subject, which was not found.
        if (k > a && POSSESSIVE_PRONOUNS.has(lower(tokenAt(s, k - 1)))) return undefined;
        const by = this.issuers.issuedBy(id, k);
        if (by) return by;
        const owner = this.ownerBefore(id, k, a);
        if (owner?.name) return owner;
        const words = [];
        for (let m = a; m <= k; m++) words.push(tokenAt(s, m));
        return this.issuers.issuer(id, words);
      }
    }
    // "said CBS moderator Nancy Cordes": the person an affiliation describes stands for it.
    const eligible = spans
      .filter((sp) => !inPersonTitle(spans, sp) && (!this.article.isPrepositional(id, sp) || lower(tokenAt(s, sp.start - 1)) === 'by'))
      .map((sp) => affiliatedPerson(this.article, id, sp) ?? sp);
    // "said Jeff Patch, an Iowa Republican operative": a person's name right after the verb is the speaker, not a name of the apposition.
    const head = eligible[0];
    const closed = head && (head.end + 1 >= tokenCount(s) || /^[,.;]$/u.test(tokenAt(s, head.end + 1)));
    const opening = head?.start === a && closed && head.kind !== 'org' && isPersonName(this.article, head.name) ? head : undefined;
    const person = opening ?? eligible.find((sp) => sp.kind === 'person' || fullName(this.article.index, this.article.doc, sp.name) !== sp.name);
    // "said EPA Region 5 Acting Administrator Bharat Mathur": the name the title introduces, not the office before it.
    const titled = person && eligible.find((sp) => sp.kind === 'person' && sp.role && sp.start > person.end && sp.start <= person.end + 4);
    if (person) return this.whoOfSpan(id, titled || person);
    const near = eligible.find((sp) => sp.start - a <= 3);
    if (near) return this.whoOfSpan(id, near);
    // "said U.S. Attorney for the Eastern District of California Benjamin B. Wagner": the surname that ends the title, as the article names its person.
    let last = a;
    while (last + 1 <= b && !/^[,.;]$/.test(tokenAt(s, last + 1))) last++;
    let hasTitle = false;
    for (let k = a; k < last && !hasTitle; k++) hasTitle = TITLE_WORDS.has(lower(tokenAt(s, k)).replace(/\.$/, ''));
    if (hasTitle && posAt(s.pos, last) === 'PROPN') {
      const full = fullName(this.article.index, this.article.doc, tokenAt(s, last));
      let parts = full.split(/\s+/);
      // "of Ohio Steven M. Dettelbach": the place the title ends on is not part of the name.
      const at = parts.length >= 3 ? (this.article.spans(id).find((sp) => sp.end === last && sp.start > a)?.start ?? -1) : -1;
      if (at > 0 && PREPOSITIONS.has(lower(tokenAt(s, at - 1))) && tokenAt(s, at) === parts[0]) parts = parts.slice(1);
      const name = parts.join(' ');
      if (name !== tokenAt(s, last) && isPersonName(this.article, name) && this.namedOutsideQuotes(name)) return { name, words: [], sure: SURE.surnameAfterTitle };
    }
    // "said the minister", "said police".
    const words: string[] = [];
    for (let k = a; k <= b && ['NOUN', 'ADJ', 'PROPN', 'DET'].includes(posAt(s.pos, k)) && words.length < 6; k++) words.push(tokenAt(s, k));
    const hasNoun = words.some((_, m) => ['NOUN', 'PROPN'].includes(posAt(s.pos, a + m)));
    return hasNoun ? this.whoOfPhrase(id, words, a, a + words.length - 1) : undefined;
  }

  /** The speaker a name span stands for: the full name the article uses, an organisation, or the person holding a role. */
  whoOfSpan(id: number, span: NameSpan): Who | undefined {
    const s = this.article.sentence(id);
    // "Robert S. Mueller, III, said": the suffix stands for the name before its comma.
    const owner = suffixOwner(this.article, id, span);
    const sp = owner ?? span;
    const words = [sp.role, sp.name].filter(Boolean);
    if (owner === null || (sp.kind !== 'org' && isCommonWordAtStart(this.article, id, sp) && fullName(this.article.index, this.article.doc, sp.name) === sp.name)) return { words };
    // "One MP told the BBC", "a Democrat said": a word counted like a common noun names no one.
    const before = sp.start > 0 ? tokenAt(s, sp.start - 1) : '';
    const wholePhrase = sp.end + 1 >= tokenCount(s) || !['NOUN', 'PROPN'].includes(posAt(s.pos, sp.end + 1));
    if (sp.start === sp.end && wholePhrase && INDEFINITES.has(lower(before))) return { words };
    if (ROLE_ABBREVIATIONS[lower(sp.name)]) {
      const p = this.withRole(sp.name, id);
      return { name: p?.name, words: [...words, ROLE_ABBREVIATIONS[lower(sp.name)]], sure: p?.sure };
    }
    if (sp.kind === 'org') {
      // "The Alachua Sheriff's Office": the owner belongs to the name.
      const k = sp.start - 1;
      const owner = k > 0 && /^['’]s$/u.test(tokenAt(s, k)) ? this.article.spanEndingAt(id, k - 1) : undefined;
      return { name: owner ? textOf(s, owner.start, sp.end) : sp.name, words };
    }
    if (this.article.isRoleOnly(sp)) {
      const p = this.withRole(sp.name, id);
      const full = p ? undefined : this.surnameLikeTitle(id, sp);
      if (full) return { name: full, words, sure: SURE.untagged };
      return { name: p?.name, words, sure: p?.sure };
    }
    const { parts, inCharge } = nameParts(this.article, id, sp);
    // "said John E, Murphy": a name that ends on an initial was cut short, so it names no one.
    if (parts.length > 1 && /^\p{Lu}\.?$/u.test(parts.at(-1)!)) return { words };
    const name = parts.join(' ');
    if (parts.length === 1) {
      const byRole = sp.role ? personWithRole(this.article.index, this.article.doc, sp.role, id) : undefined;
      if (byRole?.name.endsWith(name)) return { name: byRole.name, words };
    }
    const full = fullName(this.article.index, this.article.doc, name);
    // The first mention may be this very span, "Charge Halvorsen".
    return { name: inCharge && full.startsWith('Charge ') ? name : full, words };
  }

  /** "said Dean", "Dean said", no article before it: the person the article named in full ("Martin Dean"), not a title. */
  private surnameLikeTitle(id: number, sp: NameSpan): string | undefined {
    if (sp.start !== sp.end || (sp.start > 0 && posAt(this.article.sentence(id).pos, sp.start - 1) === 'DET')) return undefined;
    const full = fullName(this.article.index, this.article.doc, sp.name);
    return full !== sp.name && isPersonName(this.article, full) ? full : undefined;
  }

  /** A noun phrase naming the speaker by role or document: "the PM" → the prime minister, "the statement" → its issuer. */
  private whoOfPhrase(id: number, words: string[], a: number, b: number): Who | undefined {
    const folded = words.map((w) => lower(w).replace(/\.$/, ''));
    if (folded.some((w) => ISSUED_NOUNS.has(w) || STATEMENT_NOUNS.has(w)) && !folded.some((w) => TITLE_WORDS.has(w) && w !== 'spokesperson')) {
      const inside = this.article.spans(id).find((sp) => sp.start >= a && sp.end <= b && sp.kind === 'org');
      return inside ? { name: inside.name, words } : this.issuers.issuer(id, words);
    }
    const role = folded.filter((w) => TITLE_WORDS.has(w) || ROLE_ABBREVIATIONS[w]).join(' ');
    const head = folded.at(-1) ?? '';
    // "the Lord Mayor candidate told Wikinews": a candidate, not the lord mayor.
    if (role && !TITLE_WORDS.has(head) && !ROLE_ABBREVIATIONS[head] && posAt(this.article.sentence(id).pos, b) === 'NOUN') return { words };
    if (role) {
      const p = this.withRole(role, id);
      return { name: p?.name, words, sure: p?.sure };
    }
    const lastWord = words.at(-1) ?? '';
    if (/^\p{Lu}\p{Ll}/u.test(lastWord) && !ORG_WORDS.has(head)) {
      // "Day said": a name the model did not tag as one (opening the sentence too: the article names a person ending in it).
      const full = fullName(this.article.index, this.article.doc, lastWord);
      if (full !== lastWord) return { name: full, words, sure: SURE.untagged };
    }
    if (ORG_WORDS.has(head)) {
      // "the ministry said" → the ministry the article named; "the harbour council said" → itself.
      const named = this.issuers.orgNamed(id, head);
      if (named) return { name: named, words, sure: SURE.bodyByHead };
      // "the company noted": a common noun alone names no one; "the harbour council said" still names a body.
      const phrase = words.filter((_word, i) => i > 0 || posAt(this.article.sentence(id).pos, a) !== 'DET');
      return { name: phrase.join(' '), words, sure: phrase.length > 1 ? SURE.bodyByHead : SURE.bareNoun };
    }
    return { words };
  }

  private pronoun(id: number, j: number): Who | undefined {
    const who = lessSure(antecedent(this, this.article, id, j, lower(tokenAt(this.article.sentence(id), j))), SURE.pronoun);
    return who && { ...who, byPronoun: true };
  }

  /** "a statement issued by X": the issuer after a document noun at token `k`. */
  issuedBy(id: number, k: number): Who | undefined {
    return this.issuers.issuedBy(id, k);
  }

  /** The person the article gives a role ("the senator"), preferably named before sentence `id`, and never only inside a quotation. */
  private withRole(role: string, id: number): { name: string; sure: number } | undefined {
    const { index, doc } = this.article;
    const before = personWithRole(index, doc, role, id);
    if (before && this.namedOutsideQuotes(before.name)) return { name: before.name, sure: SURE.roleBefore };
    const later = before ? undefined : personWithRole(index, doc, role);
    return later && this.namedOutsideQuotes(later.name) ? { name: later.name, sure: SURE.roleAfter } : undefined;
  }

  /** "The judge ruled …": the person the article gave the role in the subject's words, if any. */
  roleHolder(words: string[], id: number): Who | undefined {
    const role = words.filter((w) => TITLE_WORDS.has(w)).join(' ');
    const p = role ? this.withRole(role, id) : undefined;
    return p && { name: p.name, words, sure: p.sure };
  }

  /** Whether the article names the person somewhere outside a quotation (names in quoted words are never speakers). */
  namedOutsideQuotes(name: string): boolean {
    const { index, doc } = this.article;
    return sentencesWith(index, doc, name, this.article).some((id) =>
      this.article.spans(id).some((sp) => sp.name.endsWith(name.split(/\s+/).at(-1)!) && !this.article.quoted(id, sp.start)),
    );
  }
}
