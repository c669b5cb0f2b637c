// General English vocabulary about people and organisations in news (not tied to any corpus).
/** Words that form a title or role before a name: "Prime Minister X", "spokesperson X". */
export const TITLE_WORDS = new Set([
  'president', 'vice', 'prime', 'minister', 'ambassador', 'secretary', 'general', 'chief', 'spokesperson',
  'spokesman', 'spokeswoman', 'senator', 'sen', 'governor', 'gov', 'mayor', 'judge', 'justice', 'king', 'queen',
  'prince', 'princess', 'sheikh', 'mr', 'mrs', 'ms', 'dr', 'sir', 'lord', 'lady', 'coordinator', 'acting',
  'deputy', 'commander', 'director', 'chairman', 'chairwoman', 'chairperson', 'chair', 'ceo', 'captain', 'capt',
  'colonel', 'col', 'lieutenant', 'lt', 'major', 'maj', 'admiral', 'officer', 'leader', 'pope', 'bishop', 'councillor',
  'councilor', 'councilman', 'councilwoman', 'alderman', 'assemblyman', 'assemblywoman', 'delegate', 'administrator',
  'archbishop', 'cardinal', 'professor', 'prof', 'rep', 'representative', 'speaker', 'attorney', 'chancellor',
  'premier', 'envoy', 'commissioner', 'inspector', 'sergeant', 'sgt', 'detective', 'agent', 'coach', 'founder',
  'head', 'emir', 'sultan', 'senior', 'former', 'foreign', 'interior', 'defence', 'defense', 'finance', 'army',
  'federal', 'state', 'special', 'assistant', 'advisor', 'adviser', 'executive', 'manager', 'editor', 'reporter',
  'correspondent', 'analyst', 'counsel', 'associate', 'mp', 'mep', 'congressman', 'congresswoman', 'treasurer',
  'auditor', 'marshal', 'field', 'air', 'vice-president', 'opposition', 'minority', 'majority', 'whip', 'dean',
  'rector', 'principal', 'pastor', 'imam', 'rabbi', 'rev', 'father', 'saint', 'st', 'crown', 'grand',
  'high', 'lawmaker', 'legislator', 'official', 'police', 'emperor', 'empress', 'duke', 'duchess', 'earl', 'tsar',
  'czar', 'marquis', 'baron', 'dame',
]);

/** Heads of organisation names: "the Federal Review Committee", "the Home Office". */
export const ORG_WORDS = new Set([
  'committee', 'department', 'office', 'ministry', 'council', 'party', 'army', 'government', 'agency', 'bank',
  'university', 'court', 'commission', 'assembly', 'parliament', 'senate', 'congress', 'police', 'force', 'forces',
  'organisation', 'organization', 'association', 'union', 'company', 'corporation', 'corp', 'inc', 'ltd', 'group',
  'brigade', 'front', 'league', 'movement', 'institute', 'centre', 'center', 'foundation', 'board', 'authority',
  'service', 'services', 'news', 'times', 'post', 'network', 'team', 'club', 'fund', 'administration', 'cabinet',
  'bureau', 'tribunal', 'alliance', 'coalition', 'federation', 'airlines', 'airline', 'railway', 'school',
  'college', 'hospital', 'church', 'nations', 'navy', 'guard', 'militia', 'secretariat', 'division',
  'unit', 'press', 'broadcasting', 'channel', 'television', 'radio', 'newspaper', 'magazine', 'agency', 'fc',
  'society', 'trust', 'industries', 'systems', 'technologies', 'motors', 'labs', 'studios', 'records',
  'co', 'museum', 'gallery', 'library', 'academy', 'orchestra', 'institution', 'conference', 'consortium',
]);

/** Lower-case particles inside personal names: "Jean Paul de la Roche", "Anna von Elm". */
export const NAME_PARTICLES = new Set(['de', 'la', 'le', 'du', 'des', 'da', 'di', 'del', 'della', 'dos', 'das', 'van', 'von', 'der', 'den', 'ter', 'ten', 'ibn', 'bin', 'bint', 'abu', 'al', 'el']);

/** Titles that are part of how a person is named, kept in the answer: "King Harald V", "Lord Ashby". */
export const REGNAL_TITLES = new Set(['king', 'queen', 'prince', 'princess', 'emperor', 'empress', 'pope', 'sultan', 'emir', 'tsar', 'czar', 'shah', 'duke', 'duchess', 'earl', 'count', 'countess', 'lord', 'lady', 'sir', 'dame', 'saint', 'marquis', 'baron']);

/** Title abbreviations that stand for a role, so "the PM said" finds the prime minister. */
export const ROLE_ABBREVIATIONS: Record<string, string> = {
  pm: 'prime minister',
  fm: 'foreign minister',
  premier: 'prime minister',
  potus: 'president',
};

/** Calendar words tagged as proper nouns that are never a who-answer. */
export const CALENDAR_WORDS = new Set([
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january', 'february', 'march',
  'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'jan', 'feb', 'mar',
  'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
]);

/** Pronouns that point back at a person already named. */
export const PERSON_PRONOUNS = new Set(['he', 'she', 'they']);

/** Nouns by which a text refers to a document or body that "said" something. */
export const STATEMENT_NOUNS = new Set(['statement', 'release', 'communique', 'communiqué', 'announcement', 'report', 'notification', 'declaration']);

/**
 * Verbs that name the same kind of act in news and reference prose, by lemma: a question's verb
 * also finds its family in the text ("who beat X" / "defeated X", "who sang" / "performed").
 */
export const VERB_FAMILIES: readonly string[][] = [
  ['beat', 'defeat', 'overcome', 'rout', 'trounce', 'overpower', 'vanquish'],
  ['win', 'capture', 'clinch', 'secure'],
  ['sing', 'perform'],
  ['lead', 'head', 'headline', 'spearhead', 'helm', 'command'],
  ['kill', 'slay', 'murder', 'assassinate', 'execute'],
  ['write', 'author', 'pen'],
  ['compose', 'write'],
  ['create', 'invent', 'devise', 'design', 'develop', 'conceive'],
  ['found', 'establish', 'start', 'launch'],
  ['marry', 'wed'],
  ['replace', 'succeed'],
  ['play', 'portray'],
  ['buy', 'purchase', 'acquire'],
  ['arrest', 'detain', 'apprehend'],
  ['attack', 'assault', 'raid'],
  ['order', 'instruct', 'command', 'direct'],
  ['discover', 'find', 'uncover'],
  ['appoint', 'name', 'nominate', 'choose', 'select', 'pick'],
  ['elect', 'vote', 'choose'],
  ['dismiss', 'fire', 'sack', 'oust'],
  ['announce', 'declare', 'unveil'],
  ['open', 'inaugurate'],
  ['support', 'back', 'endorse', 'champion'],
  ['oppose', 'resist', 'reject'],
  ['criticise', 'criticize', 'condemn', 'denounce'],
  ['praise', 'commend', 'hail'],
  ['help', 'assist', 'aid'],
  ['protect', 'shelter', 'defend', 'harbour', 'harbor'],
  ['build', 'construct', 'erect'],
  ['fund', 'finance', 'sponsor', 'bankroll'],
  ['organise', 'organize', 'arrange', 'stage'],
  ['investigate', 'probe', 'examine'],
  ['injure', 'wound', 'hurt'],
  ['rescue', 'save'],
  ['host', 'present'],
  ['publish', 'print', 'issue'],
  ['obtain', 'get', 'secure', 'receive'],
  ['propose', 'suggest'],
  ['sue', 'prosecute'],
  ['describe', 'call'],
  ['tackle', 'sack'],
  ['ban', 'banish', 'expel', 'exile'],
];

const FAMILY_OF = new Map<string, Set<string>>();
for (const family of VERB_FAMILIES) {
  for (const v of family) {
    const set = FAMILY_OF.get(v) ?? new Set<string>();
    for (const w of family) if (w !== v) set.add(w);
    FAMILY_OF.set(v, set);
  }
}

/** Other lemmas of a verb's families ("beat" → defeat, overcome, …); empty when none. */
export const verbFamily = (lemma: string): string[] => [...(FAMILY_OF.get(lemma) ?? [])];

/** "who lost to X" asks whom X beat: a verb whose subject is the other verb's object, with its preposition. */
export const CONVERSE_VERBS: Record<string, { verb: string; prep: string }> = {
  lose: { verb: 'beat', prep: 'to' },
  fall: { verb: 'beat', prep: 'to' },
};

/** Irregular past forms of common verbs, by lemma: what a text may write for the verb a question uses. */
export const IRREGULAR_FORMS: Record<string, string[]> = {
  win: ['won'], lose: ['lost'], lead: ['led'], sing: ['sang', 'sung'], write: ['wrote', 'written'], buy: ['bought'],
  sell: ['sold'], fight: ['fought'], find: ['found'], give: ['gave', 'given'], take: ['took', 'taken'], make: ['made'],
  hold: ['held'], meet: ['met'], tell: ['told'], say: ['said'], speak: ['spoke', 'spoken'], run: ['ran'],
  begin: ['began', 'begun'], build: ['built'], choose: ['chose', 'chosen'], drive: ['drove', 'driven'],
  fall: ['fell', 'fallen'], feel: ['felt'], get: ['got', 'gotten'], go: ['went', 'gone'], have: ['had', 'has'],
  keep: ['kept'], know: ['knew', 'known'], leave: ['left'], pay: ['paid'], rise: ['rose', 'risen'], see: ['saw', 'seen'],
  send: ['sent'], shoot: ['shot'], sit: ['sat'], stand: ['stood'], steal: ['stole', 'stolen'], strike: ['struck'],
  swear: ['swore', 'sworn'], teach: ['taught'], think: ['thought'], throw: ['threw', 'thrown'], wear: ['wore', 'worn'],
  bring: ['brought'], catch: ['caught'], draw: ['drew', 'drawn'], eat: ['ate', 'eaten'], fly: ['flew', 'flown'],
  grow: ['grew', 'grown'], hang: ['hung'], hide: ['hid', 'hidden'], lay: ['laid'], lend: ['lent'], light: ['lit'],
  ride: ['rode', 'ridden'], ring: ['rang', 'rung'], seek: ['sought'], shake: ['shook', 'shaken'], sink: ['sank', 'sunk'],
  slay: ['slew', 'slain'], spend: ['spent'], swim: ['swam', 'swum'], tear: ['tore', 'torn'], wake: ['woke', 'woken'],
  withdraw: ['withdrew', 'withdrawn'], overcome: ['overcame'], undertake: ['undertook', 'undertaken'], become: ['became'],
  bear: ['bore', 'born', 'borne'], blow: ['blew', 'blown'], break: ['broke', 'broken'], dig: ['dug'], do: ['did', 'done'],
  be: ['was', 'were', 'been', 'is', 'are'], forsake: ['forsook'], forbid: ['forbade', 'forbidden'], flee: ['fled'],
  feed: ['fed'], bid: ['bade'], bind: ['bound'], deal: ['dealt'], mean: ['meant'], hear: ['heard'], lie: ['lay', 'lain'],
  arise: ['arose', 'arisen'], awake: ['awoke'], shine: ['shone'], sweep: ['swept'], weep: ['wept'], sleep: ['slept'],
  stick: ['stuck'], sting: ['stung'], swing: ['swung'], spin: ['spun'], wind: ['wound'], forgive: ['forgave', 'forgiven'],
};
