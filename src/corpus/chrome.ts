// Page chrome: lines a scraper picked up from around the article (weather,
// buttons, icons, photo credits, share counters). Recognised by shape, not by
// a list of known strings, so the rules carry over to other sites.
import { parseDateBanner } from './header.ts';
import { wordCount } from './text.ts';

/** Numbers with at most a unit: "13.1 C", "12,800", "27°C", "3/5". ("1921 grain crisis" is a title.) */
function isNumericJunk(line: string): boolean {
  if (!/\d/.test(line)) return false;
  return line.replace(/[^\p{L}]/gu, '').length <= 3;
}

/** A single token that is not a word: `info_icon`, `146,751FansLike`, `#hashtag`, URLs. */
function isIdentifier(line: string): boolean {
  if (/^(?:https?:\/\/|www\.)\S+$/i.test(line) || /^\S+@\S+\.\S+$/.test(line)) return true;
  if (line.includes(' ')) return false;
  return /_/.test(line) || /\d\p{L}|\p{L}\d/u.test(line) || /^[#@]/.test(line);
}

/** Photo/image credits and captions that end in one ("… Photo: AP", "Image: Author."). */
export function isCredit(line: string): boolean {
  // The pattern first: it rules out nearly every line, and counting words is the dearer test.
  return (
    /(?:^|\s|\()(?:Photo(?:graph)?s?|PHOTOS?|Images?|IMAGES?|Pictures?|(?:Photo )?Credits?|CREDITS?|Courtesy|Illustration)(?: [Cc]redit)?\s*[:/©]\s*\S/.test(line) &&
    wordCount(line, 31) <= 30
  );
}

/** Byline ("By Staff Reporter") — page furniture, never a headline. */
function isByline(line: string): boolean {
  return /^By\s+\p{Lu}/u.test(line) && wordCount(line) <= 6 && !/[.!?]$/.test(line);
}

/** No letters or digits at all: separators, bullets, "***". */
function isSymbolic(line: string): boolean {
  return !/[\p{L}\p{N}]/u.test(line);
}

/** True for lines that are never article content, whatever their position. */
export function isChrome(line: string): boolean {
  // Chrome is short; long lines are content (or a caption, caught by the prose test).
  if (line.length > 400) return false;
  return isSymbolic(line) || isNumericJunk(line) || isIdentifier(line) || isCredit(line) || isByline(line) || parseDateBanner(line) !== undefined;
}
