// General English vocabulary for finding who said a quotation (not tied to any corpus).

/** Verbs that attribute words to a speaker: "X said", "said X", "X called it …", "X was quoted as saying". */
export const ATTRIBUTION_VERBS = new Set([
  'say', 'says', 'said', 'saying', 'add', 'adds', 'added', 'adding', 'note', 'notes', 'noted', 'noting', 'state', 'stated',
  'stating', 'tell', 'tells', 'told', 'telling', 'explain', 'explains', 'explained', 'explaining', 'stress', 'stressed',
  'stressing', 'emphasised', 'emphasized', 'emphasising', 'emphasizing', 'remark', 'remarked', 'declare', 'declared',
  'declaring', 'write', 'writes', 'wrote', 'writing', 'tweet', 'tweets', 'tweeted', 'tweeting', 'posted', 'posting', 'ask', 'asked', 'asking',
  'insist', 'insisted', 'insisting', 'warn', 'warns', 'warned', 'warning', 'continued', 'recalled', 'recalling', 'argue',
  'argued', 'arguing', 'claim', 'claimed', 'claiming', 'announce', 'announced', 'announcing', 'affirmed', 'observed',
  'maintained', 'reiterated', 'underlined', 'highlighted', 'acknowledged', 'admitted', 'replied', 'responded', 'urged',
  'concluded', 'called', 'calls', 'calling', 'described', 'describes', 'describing', 'characterised', 'characterized',
  'alleged', 'alleges', 'alleging', 'quoted', 'commented', 'revealed', 'confirmed', 'denied', 'suggested', 'predicted',
  'labelled', 'labeled', 'dubbed', 'termed', 'branded', 'pledged', 'vowed', 'promised', 'cautioned', 'complained',
  'conceded', 'countered', 'mused', 'joked', 'shouted', 'screamed', 'cried', 'whispered', 'exclaimed', 'wondered',
  'lamented', 'boasted', 'charged', 'contended', 'asserted', 'assured', 'informed', 'stressed', 'opined', 'reported',
  'reports', 'testified', 'texted', 'messaged', 'read', 'reads', 'continues', 'speaking', 'spoke', 'speaks',
  'elaborated', 'opines', 'opined', 'quipped', 'retorted', 'mentioned', 'indicated', 'agreed', 'disagreed', 'cited', 'citing',
]);

/** Verbs whose object is the listener, not the speaker: "told Reuters", "informed police". */
export const TELL_VERBS = new Set(['tell', 'tells', 'told', 'telling', 'informed', 'informing', 'assured', 'speaking', 'spoke', 'speaks']);

/** Auxiliaries of a passive verb: "was told", "were informed". */
export const PASSIVE_AUX = new Set(['was', 'were', 'is', 'are', 'been', 'being', 'be']);

/** Relative pronouns: the speaker is their antecedent ("a statement which said"). */
export const RELATIVES = new Set(['which', 'that', 'who']);

/** Verbs for which "according to" plays the same role. */
export const ACCORDING = 'according';

/** Nouns naming something that "says" on behalf of its issuer: "the statement said", "according to a tweet by X". */
export const ISSUED_NOUNS = new Set([
  'statement', 'statements', 'release', 'communique', 'communiqué', 'announcement', 'report', 'notification',
  'declaration', 'tweet', 'post', 'letter', 'message', 'memo', 'filing', 'complaint', 'indictment', 'document',
  'documents', 'note', 'notice', 'order', 'ruling', 'verdict', 'email', 'e-mail', 'website', 'spokesperson',
]);

/** Verbs whose subject is the author of the document they take: "X released a statement", not "X received an order". */
export const ISSUING_VERBS = new Set([
  'issue', 'issues', 'issued', 'issuing', 'release', 'releases', 'released', 'releasing', 'publish', 'publishes',
  'published', 'put', 'puts', 'post', 'posts', 'posted', 'send', 'sends', 'sent', 'write', 'writes', 'wrote',
  'make', 'makes', 'made', 'deliver', 'delivers', 'delivered', 'file', 'files', 'filed', 'tweet', 'tweeted',
]);

/** Words between a subject and its verb that do not change who speaks: "X also said", "X was quoted as saying". */
export const VERB_FILLERS = new Set([
  'also', 'later', 'then', 'further', 'reportedly', 'again', 'once', 'previously', 'earlier', 'recently', 'had', 'has',
  'have', 'was', 'were', 'is', 'are', 'been', 'be', 'as', 'quoted', 'went', 'on', 'to', 'would', 'will', 'had', 'did',
  'not', 'publicly', 'separately', 'simply', 'just', 'bluntly', 'flatly', 'angrily', 'openly', 'repeatedly', 'subsequently',
  // "Lund himself said": the reflexive stresses the subject before it.
  'himself', 'herself', 'themselves',
]);

/** Prepositions that make a following name an object, not a speaker: "of the council", "to Kabul". */
export const PREPOSITIONS = new Set([
  'of', 'in', 'at', 'to', 'from', 'for', 'on', 'with', 'about', 'against', 'over', 'into', 'near', 'under', 'across',
  'toward', 'towards', 'within', 'between', 'among', 'after', 'before', 'during', 'without', 'than', 'like', 'via',
]);

/** Words that end a clause for finding a verb's subject. */
export const CLAUSE_BREAKS = new Set([';', 'while', 'whereas', 'but', 'although', 'though', 'because']);

/** Determiners that make the noun after them one of many, not a name: "one MP", "a Democrat". */
export const INDEFINITES = new Set(['a', 'an', 'one', 'another', 'some', 'any', 'each', 'every', 'several', 'many']);

/** "in their filing": the document belongs to someone already in the clause. */
export const POSSESSIVE_PRONOUNS = new Set(['his', 'her', 'its', 'their', 'our', 'my']);

/** Words before a person's surname that are no title of office: "Mr. King", "Ms. Bishop". */
export const HONORIFICS = new Set(['mr', 'mrs', 'ms', 'miss', 'mx', 'dr']);

/** Pronouns that stand for the person last named. */
export const SPEAKER_PRONOUNS = new Set(['he', 'she']);
export const BODY_PRONOUNS = new Set(['it', 'they']);
