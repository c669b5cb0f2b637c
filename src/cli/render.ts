import { confidenceWord } from '../engine/index.ts';
import type { Answer, CommandName } from '../types.ts';

/** Marks the answer inside its evidence sentence, like the bot's bold. */
function highlight(sentence: string, phrase: string): string {
  const at = phrase ? sentence.indexOf(phrase) : -1;
  return at < 0 ? sentence : `${sentence.slice(0, at)}«${phrase}»${sentence.slice(at + phrase.length)}`;
}

export function citation(a: Answer): string {
  return [a.source.file, a.source.title, a.source.date].filter(Boolean).join(' · ');
}

/** A quotation whose speaker attribution could not name for sure: said as such, never a guess. */
export const SPEAKER_NOT_NAMED = '— speaker not named';

/** Plain-text rendering of a command's answers for the terminal. */
export function renderAnswers(answers: Answer[], note?: string, command?: CommandName): string {
  if (answers.length === 0) return note ?? 'No answer in the corpus for that.';
  return answers
    .map((a, i) => {
      // A timeline entry's answer is its sentence, shown below: the date heads it instead.
      if (a.date_from) {
        const lines = [
          `${i + 1}. ${a.date}${a.date_from === 'article' ? ' (article date)' : ''}`,
          `   "${highlight(a.source.sentence, a.date_from === 'text' ? a.evidence : '')}"`,
          `   source: ${citation(a)}`,
        ];
        if (a.source.url) lines.push(`   link: ${a.source.url}`);
        return lines.join('\n');
      }
      const head = [`${i + 1}. ${a.answer}`];
      if (a.speaker) head.push(`— ${a.speaker}`);
      else if (command === 'quote') head.push(SPEAKER_NOT_NAMED);
      if (a.date && a.date !== a.answer) head.push(`[${a.date}${a.date_from === 'article' ? ', article date' : ''}]`);
      const word = command && confidenceWord(command, a.score);
      if (word) head.push(`(${word}, ${Math.round(a.score * 100)} %)`);
      const lines = [head.join('  '), `   "${highlight(a.source.sentence, a.evidence === a.source.sentence ? a.answer : a.evidence)}"`, `   source: ${citation(a)}`];
      if (a.source.url) lines.push(`   link: ${a.source.url}`);
      if (a.also?.length) lines.push(`   also in: ${a.also.map((x) => x.file).join(', ')}`);
      return lines.join('\n');
    })
    .join('\n');
}
