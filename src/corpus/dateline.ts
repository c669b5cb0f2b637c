// Datelines ("ISLAMABAD:", "WASHINGTON (Reuters) —", a lone "Islamabad:" line)
// name where the story was filed. They are metadata, not part of the first
// sentence, so they are cut off and kept as the article's place.

// Words that look like a dateline but label the paragraph: section and
// form-field words, transcript speakers, organisations rather than places.
// Common vocabulary, not names from any one corpus.
const LABELS = new Set([
  'NOTE',
  'NOTES',
  'UPDATE',
  'UPDATED',
  'BREAKING',
  'EXCLUSIVE',
  'WATCH',
  'VIDEO',
  'PHOTO',
  'PHOTOS',
  'READ',
  'ALSO',
  'MORE',
  'SEE',
  'RELATED',
  'EDITOR',
  'EDITORS',
  'CORRECTION',
  'CLARIFICATION',
  'ANALYSIS',
  'OPINION',
  'COMMENT',
  'LIVE',
  'WARNING',
  'ALERT',
  'SOURCE',
  'SOURCES',
  'ADVERTISEMENT',
  'SPONSORED',
  'FAQ',
  'PS',
  'NB',
  'RE',
  'CC',
  'TO',
  'FROM',
  'SUBJECT',
  'TOPIC',
  'WHO',
  'WHAT',
  'WHEN',
  'WHERE',
  'WHY',
  'HOW',
  'DATE',
  'TIME',
  'VENUE',
  'LOCATION',
  'ADDRESS',
  'CONTACT',
  'CONTACTS',
  'PHONE',
  'EMAIL',
  'WEBSITE',
  'MEDIA',
  'PRESS',
  'AGENDA',
  'DETAILS',
  'Q',
  'A',
  'QUESTION',
  'ANSWER',
  'MODERATOR',
  'SPEAKER',
  'INTERVIEWER',
  'HOST',
  'PARTICIPANTS',
  'BACKGROUND',
  'SUMMARY',
  'OVERVIEW',
  'INTRODUCTION',
  'CONCLUSION',
  'RESULTS',
  'HIGHLIGHTS',
  'FACTS',
  'TIPS',
  'STEP',
  'SECTION',
  'CHAPTER',
  'PART',
  'APPENDIX',
  'FUNDING',
  'DEAR',
  'DIVISION',
  'DEPARTMENT',
  'OFFICE',
  'COMMITTEE',
  'AGENCY',
  'BUREAU',
  'MINISTRY',
  'COUNCIL',
  // Sentence openers and dates, which a Title-case "X, Y —" opening can also start with.
  'HOWEVER',
  'MEANWHILE',
  'MOREOVER',
  'FURTHERMORE',
  'STILL',
  'INSTEAD',
  'FINALLY',
  'FIRST',
  'SECOND',
  'THEN',
  'NOW',
  'LATER',
  'EARLIER',
  'TODAY',
  'YESTERDAY',
  'TOMORROW',
  'TONIGHT',
  'HERE',
  'THERE',
  'MONDAY',
  'TUESDAY',
  'WEDNESDAY',
  'THURSDAY',
  'FRIDAY',
  'SATURDAY',
  'SUNDAY',
  'JANUARY',
  'FEBRUARY',
  'MARCH',
  'APRIL',
  'MAY',
  'JUNE',
  'JULY',
  'AUGUST',
  'SEPTEMBER',
  'OCTOBER',
  'NOVEMBER',
  'DECEMBER',
  'MR',
  'MRS',
  'MS',
  'DR',
  'PROF',
  'PRESIDENT',
  'MINISTER',
  'ON',
  'ABOUT',
  'FOR',
  'WITH',
  'BY',
  'AT',
  'IN',
  'THE',
  'AND',
  'OR',
  'IS',
  'ARE',
  'MY',
  'OUR',
]);

const CAPS_WORD = "\\p{Lu}[\\p{Lu}.'’&-]+";
const TITLE_WORD = "\\p{Lu}[\\p{Ll}.'’-]+";
const REGION_WORD = "[\\p{Lu}\\d][\\p{L}\\d.'’-]*";
// Region/date after the place: "PESHAWAR, Pakistan", "NEW YORK, N.Y.", "ISLAMABAD, June 3",
// "Evansville, Indiana, United States"; scrapes sometimes put a space before the comma.
const REGION = `(\\s*,\\s*${REGION_WORD}(?:\\s+${REGION_WORD}){0,2}){0,2}`;
const AGENCY = "(?:\\s*\\(([\\p{L}\\d .&'’/-]{1,30})\\))?";
const DASH = '(?:—|–|--|\\s-)';
const SEP = `\\s*(:|${DASH})\\s+`;

// All-caps place at the start of a paragraph: "ISLAMABAD:", "WASHINGTON (Reuters) —", "TUCSON, Ariz. -".
const INLINE_CAPS = new RegExp(`^(${CAPS_WORD}(?:\\s+${CAPS_WORD}){0,2})${REGION}${AGENCY}${SEP}(?=\\S)`, 'u');
// Title-case place needs more evidence, a region or an agency and a dash:
// "Taipei, Taiwan — The …", "Washington (AP) — …". A colon would admit "However, Smith: …".
const INLINE_TITLE = new RegExp(`^(${TITLE_WORD}(?:\\s+${TITLE_WORD}){0,2})${REGION}${AGENCY}\\s*(${DASH})\\s+(?=["“‘']?\\p{Lu})`, 'u');
// A line that is only a place: "Islamabad:", "NEW YORK:", "Peshawar, Pakistan:".
const STANDALONE = new RegExp(`^((?:${CAPS_WORD}|${TITLE_WORD})(?:\\s+(?:${CAPS_WORD}|${TITLE_WORD})){0,2})${REGION}${AGENCY}\\s*(?::|—|–|--)$`, 'u');

function isLabel(place: string): boolean {
  return place.split(/\s+/).some((w) => LABELS.has(w.toUpperCase().replace(/[.’']+$/, '')));
}

function hasLetterRun(place: string): boolean {
  return /\p{L}{2}/u.test(place);
}

/** `place` for a line that is nothing but a dateline, else undefined. */
export function standalonePlace(line: string): string | undefined {
  const m = STANDALONE.exec(line);
  if (!m || isLabel(m[1]) || !hasLetterRun(m[1])) return undefined;
  return m[1];
}

export interface Dateline {
  place: string;
  /** The paragraph without its dateline. */
  text: string;
  /**
   * A dash or agency form ("WASHINGTON —", "Taipei, Taiwan —"). A bare
   * "NAME:" is also how transcripts mark speakers, so it counts only when alone.
   */
  strong: boolean;
  /** Title-case place: trusted only at the very top of the story. */
  titleCase: boolean;
}

/** Splits a leading dateline off a paragraph. */
export function stripDateline(paragraph: string): Dateline | undefined {
  const caps = INLINE_CAPS.exec(paragraph);
  const m = caps ?? INLINE_TITLE.exec(paragraph);
  if (!m || isLabel(m[1]) || !hasLetterRun(m[1])) return undefined;
  const agency = m[3];
  const sep = m[4];
  return {
    place: m[1],
    text: paragraph.slice(m[0].length),
    strong: agency !== undefined || sep !== ':',
    titleCase: !caps,
  };
}
