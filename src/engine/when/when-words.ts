// General English vocabulary for matching the event a /when question asks about (not tied to any corpus).

/** Irregular and derived forms → the verb they stand for: "died"/"death" → "die". */
const FORMS: Record<string, string> = {
  died: 'die', dies: 'die', dying: 'die', death: 'die', dead: 'die', deaths: 'die',
  born: 'bear', birth: 'bear', bore: 'bear', borne: 'bear',
  began: 'begin', begun: 'begin', beginning: 'begin', start: 'begin', started: 'begin', starts: 'begin', starting: 'begin',
  met: 'meet', meeting: 'meet', held: 'hold', took: 'take', taken: 'take', gave: 'give', given: 'give',
  won: 'win', victory: 'win', lost: 'lose', defeat: 'lose', made: 'make', left: 'leave', came: 'come', went: 'go', gone: 'go',
  sold: 'sell', sale: 'sell', bought: 'buy', purchase: 'buy', purchased: 'buy', built: 'build', construction: 'build', constructed: 'build',
  wrote: 'write', written: 'write', told: 'tell', said: 'say', spoke: 'speak', spoken: 'speak', speech: 'speak',
  found: 'find', founded: 'found', founding: 'found', foundation: 'found', established: 'found', establish: 'found',
  establishment: 'found', fell: 'fall', fallen: 'fall', rose: 'rise', risen: 'rise', became: 'become',
  ran: 'run', stole: 'steal', stolen: 'steal', chose: 'choose', chosen: 'choose', sought: 'seek', taught: 'teach',
  caught: 'catch', broke: 'break', broken: 'break', froze: 'freeze', frozen: 'freeze', threw: 'throw', thrown: 'throw',
  grew: 'grow', grown: 'grow', knew: 'know', known: 'know', drew: 'draw', drawn: 'draw', flew: 'fly', flown: 'fly',
  saw: 'see', seen: 'see', paid: 'pay', payment: 'pay', laid: 'lay', hung: 'hang', swore: 'swear', sworn: 'swear',
  led: 'lead', fled: 'flee', struck: 'strike', strike: 'strike', shot: 'shoot', fought: 'fight', brought: 'bring',
  sent: 'send', stood: 'stand', sat: 'sit', got: 'get', heard: 'hear', hearing: 'hear', kept: 'keep', spent: 'spend',
  withdrew: 'withdraw', withdrawn: 'withdraw', withdrawal: 'withdraw', arose: 'arise', shook: 'shake', sank: 'sink', sunk: 'sink',
  marriage: 'marry', married: 'marry', wedding: 'marry', wed: 'marry',
  election: 'elect', elected: 'elect', elections: 'elect', opening: 'open', opened: 'open',
  launch: 'launch', launched: 'launch', arrival: 'arrive', arrived: 'arrive', departure: 'depart', departed: 'depart',
  resignation: 'resign', resigned: 'resign', appointment: 'appoint', appointed: 'appoint',
  announcement: 'announce', announced: 'announce', invasion: 'invade', invaded: 'invade',
  explosion: 'explode', exploded: 'explode', blast: 'explode', publication: 'publish', published: 'publish',
  completion: 'complete', completed: 'complete', creation: 'create', created: 'create', discovery: 'discover', discovered: 'discover',
  signing: 'sign', signed: 'sign', approval: 'approve', approved: 'approve', decision: 'decide', decided: 'decide',
  collapse: 'collapse', collapsed: 'collapse', attack: 'attack', attacked: 'attack', release: 'release', released: 'release',
  introduction: 'introduce', introduced: 'introduce', debut: 'debut', debuted: 'debut', premiere: 'premiere', premiered: 'premiere',
  closure: 'close', closed: 'close', closing: 'close', end: 'end', ended: 'end', ending: 'end',
  graduation: 'graduate', graduated: 'graduate', retirement: 'retire', retired: 'retire', arrest: 'arrest', arrested: 'arrest',
  murder: 'kill', killed: 'kill', killing: 'kill', assassination: 'kill', assassinated: 'kill',
  stabbing: 'stab', stabbed: 'stab', injured: 'injure', injury: 'injure', visit: 'visit', visited: 'visit',
  agreement: 'agree', agreed: 'agree', ban: 'ban', banned: 'ban', dissolution: 'dissolve', dissolved: 'dissolve',
  acquisition: 'acquire', acquired: 'acquire', merger: 'merge', merged: 'merge', reopened: 'reopen', reopening: 'reopen',
  independence: 'independent', conviction: 'convict', convicted: 'convict', sentenced: 'sentence', trial: 'try', tried: 'try',
  ratification: 'ratify', ratified: 'ratify', adoption: 'adopt', adopted: 'adopt', abolition: 'abolish', abolished: 'abolish',
  inauguration: 'inaugurate', inaugurated: 'inaugurate', occupation: 'occupy', occupied: 'occupy', capture: 'capture', captured: 'capture',
  destruction: 'destroy', destroyed: 'destroy', defeated: 'defeat', surrender: 'surrender', surrendered: 'surrender',
};

/** A verb or event noun reduced to one comparable root ("approved", "approval" → "approve"). */
export function eventRoot(word: string): string {
  const w = word.toLowerCase().replace(/['’]s$/, '');
  // A listed form's verb takes the same final-e rule as any other word: "gave" and "give" are one root.
  const known = FORMS[w];
  if (known) return known.replace(/e$/, '');
  let r = w;
  if (r.length > 5 && r.endsWith('ies')) r = `${r.slice(0, -3)}y`;
  else if (r.length > 5 && r.endsWith('ied')) r = `${r.slice(0, -3)}y`;
  else if (r.length > 5 && r.endsWith('ing')) r = r.slice(0, -3);
  else if (r.length > 4 && r.endsWith('ed')) r = r.slice(0, -2);
  else if (r.length > 4 && /(ss|sh|ch|x|z)es$/.test(r)) r = r.slice(0, -2);
  else if (r.length > 3 && r.endsWith('s') && !r.endsWith('ss')) r = r.slice(0, -1);
  if (/([bdgmnprt])\1$/.test(r)) r = r.slice(0, -1); // stopped → stop
  return r.replace(/e$/, '');
}

/** Questions about how something began take the first end of a range ("Ragnar (1132–1190)" for "born"). */
export const START_EVENTS = new Set(['bear', 'begin', 'found', 'open', 'launch', 'creat', 'introduc', 'debut', 'premier', 'first', 'establish', 'form', 'invent', 'start']);
/** …and questions about how it ended, the last. */
export const END_EVENTS = new Set(['di', 'end', 'clos', 'dissolv', 'finish', 'abolish', 'last', 'conclud', 'collaps', 'fall']);
