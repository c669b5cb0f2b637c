// Security through the real bot and fake Discord: hostile queries, sources, autocomplete text and
// button ids get a clean reply (never the generic "something went wrong", never an `error` log);
// over-long queries are refused with a clear message; markdown and masked links in corpus text are
// escaped; no reply ever parses mentions or carries the token. Plus: .env is git-ignored, and no
// source file can hand user text to a shell or to eval.
// (tests/bot/mentions.test.ts covers @everyone/<@id> in corpus text and *, __ escaping.)
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/types.ts';
import { ROOT } from '../cli/run.ts';
import { SEEDS } from '../helpers.ts';
import { buttonsOf, expectNoMentionsEverywhere, startHarness, textOf, type Harness } from '../bot/harness.ts';
import { LUNR_TOKENS, META_TOKENS } from './hostile.ts';

const PHISH = ` date 2024-07-02 Forum warns of [Free Nitro](https://evil.example/phish) links and ||spoilers||

KARACHI: The security officer of a popular Pakistani forum warned readers on Tuesday about phishing posts.
Security officer Imran Qureshi said posts titled [Free Nitro](https://evil.example/phish) and [click here](<https://evil.example/x>) had spread, some hidden in ||spoiler tags|| or ~~struck~~ text.
“Never click [Free Nitro](https://evil.example/phish) or [gift](https://evil.example/gift) links in ||hidden|| posts,” Qureshi said.
Qureshi said attackers pasted \`code blocks\` and lines such as # HEADING or > quoted text to look official.
`;

const GENERIC = /something went wrong/i;
let dir: string;
let h: Harness;
let replies = 0;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'newsdesk-rel-security-'));
  for (const f of readdirSync(SEEDS)) copyFileSync(join(SEEDS, f), join(dir, f));
  writeFileSync(join(dir, '100_phish.txt'), PHISH);
  h = await startHarness({ corpusDir: dir, cooldownSeconds: 0 });
  await h.bot.ctx.ready;
});

afterAll(async () => {
  await h?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
  console.log(`security: ${replies} hostile interactions answered cleanly`);
});

/** Sends, waits for the reply, and checks it is a clean one. */
async function clean(sent: ReturnType<Harness['fake']['sendCommand']>, label: string): Promise<any> {
  const data = await sent.response(15_000);
  const text = textOf(data);
  expect(text, label).not.toMatch(GENERIC);
  expect(text, label).not.toMatch(/internal error|TypeError|SyntaxError|Invalid regular expression|ENOENT|EACCES/);
  expect(text, label).not.toContain(h.fake.token);
  replies++;
  return data;
}

const HOSTILE_QUERIES = [...META_TOKENS, ...LUNR_TOKENS, 'foo:bar~2^3 +x -y *', '\u0000\u0000is\u0000the', '😀'.repeat(100), '\u202Eevil', '@everyone', '<@&123456789012345678>'];

describe('hostile queries through the bot', () => {
  it(`${HOSTILE_QUERIES.length} regex/path/shell/lunr queries × 4 commands: every reply is clean`, async () => {
    for (const query of HOSTILE_QUERIES) {
      const sent = COMMANDS.map((c) => ({ c, s: h.fake.sendCommand(c, { query }) }));
      for (const { c, s } of sent) await clean(s, `/${c} ${JSON.stringify(query)}`);
    }
  }, 60_000);

  it('a 5,000-character query is refused, ephemerally, with the length and the limit', async () => {
    const data = await clean(h.fake.sendCommand('who', { query: 'spokesperson '.repeat(400) }), 'long query');
    expect(data.flags).toBe(64);
    expect(data.content).toMatch(/The query is \d{4} characters long; the limit is 300\./);
  });

  it('hostile `source` values (paths, regex, shell) get "no indexed article", never a file read', async () => {
    const sources = [
      '../../etc/passwd',
      '/etc/passwd',
      '..',
      '.',
      '.*',
      '(((((',
      '$(id)',
      '`id`',
      '%2e%2e%2f',
      '\\\\server\\share',
      '000_becc9658f8bc904d.txt/../../../etc/passwd',
      'seeds/000_becc9658f8bc904d.txt',
      '*',
      '\u0000',
    ];
    for (const source of sources) {
      const data = await clean(h.fake.sendCommand('who', { query: 'is the State Department spokesperson', source }), `source ${source}`);
      expect(data.flags, source).toBe(64);
      expect(data.content, source).toMatch(/There is no indexed article called/);
      expect(data.content).not.toContain('root:');
    }
  });

  it('autocomplete with hostile typed text answers a list (maybe empty), never an error', async () => {
    for (const typed of ['(((((', '.*', '\\', '[', '../../etc/passwd', '\u0000', '😀', 'x'.repeat(500)]) {
      for (const focused of ['query', 'source']) {
        const cb = await h.fake.sendAutocomplete('who', { query: typed, source: typed }, focused).callback();
        expect(cb.body.type).toBe(8);
        expect(Array.isArray(cb.body.data.choices)).toBe(true);
        for (const c of cb.body.data.choices) expect(c.name.length).toBeLessThanOrEqual(100);
        replies++;
      }
    }
  });

  it('forged button ids (bad pages, paths, regex, overflow) say "expired" or answer, never crash', async () => {
    const ids = [
      'who:p:0:../../etc/passwd:spokesperson',
      'who:c:0:0:../../etc/passwd',
      'who:c:0:99999999999999999999:000_becc9658f8bc904d.txt',
      'search:p:-1::(((((',
      'search:p:NaN::.*',
      'quote:p:99999::x',
      'who:p:0:~nosuchkey',
      'who:c:0:~nosuchkey',
      'who:',
      ':::',
      'nosuch:p:0::x',
      'sources:p:-5',
      'sources:p:1e9',
      `who:p:0::${'('.repeat(80)}`,
    ];
    for (const id of ids) {
      const data = await clean(h.fake.sendButton(id, h.fake.messageFrom({ content: 'x' })), `button ${id}`);
      expect(data, id).toBeDefined();
    }
  });

  it('no interaction of this file was logged as an error', () => {
    const errors = h.logs.filter((l) => l.level === 'error' || (l.msg === 'interaction' && l.status === 'error'));
    expect(errors).toEqual([]);
  });
});

describe('corpus text is shown, not interpreted', () => {
  /** Markdown that would render: a masked link, spoiler, strike, code, or an unescaped `[`/`]` pair. */
  const LIVE_MARKDOWN = [/(?<!\\)\[[^\]]*(?<!\\)\]\(/, /(?<!\\)\|\|/, /(?<!\\)~~/, /(?<!\\)`/];

  it('masked links, spoilers, strikes and code in an article are escaped in every embed part', async () => {
    for (const [command, query] of [
      ['search', 'Free Nitro click here'],
      ['who', 'is the security officer'],
      ['quote', 'never click gift links'],
      ['search', 'code blocks HEADING quoted text'],
    ] as const) {
      const data = await clean(h.fake.sendCommand(command, { query }), `${command} ${query}`);
      expect(data.embeds?.length ?? 0, `${command} ${query}: ${data.content}`).toBeGreaterThan(0);
      for (const e of data.embeds) {
        for (const part of [e.title ?? '', e.description ?? '', ...(e.fields ?? []).map((f: any) => f.value)]) {
          for (const re of LIVE_MARKDOWN) expect(part, `${command} ${query}: ${part}`).not.toMatch(re);
        }
      }
    }
    const text = textOf(await h.fake.sendCommand('search', { query: 'Free Nitro click here' }).response());
    expect(text).toContain('evil.example'); // shown, as text
  });

  it('"Show context" on that article is escaped too', async () => {
    const data = await h.fake.sendCommand('search', { query: 'Free Nitro spoiler tags' }).response();
    const b = buttonsOf(data).find((x) => x.label.startsWith('Show context'))!;
    const ctx = await clean(h.fake.sendButton(b.custom_id, h.fake.messageFrom(data)), 'context');
    const d = ctx.embeds[0].description as string;
    expect(d).toContain('evil.example');
    for (const re of LIVE_MARKDOWN) expect(d).not.toMatch(re);
  });

  it('every message of this file disabled mentions, and none carried the token', () => {
    expect(expectNoMentionsEverywhere(h.fake)).toBeGreaterThan(100);
    for (const r of h.fake.requests) expect(JSON.stringify(r.body ?? '')).not.toContain(h.fake.token);
    expect(h.rawLogs.join('\n')).not.toContain(h.fake.token);
  });
});

describe('repository hygiene', () => {
  it('.env is git-ignored', () => {
    expect(spawnSync('git', ['check-ignore', '-q', '.env'], { cwd: ROOT }).status).toBe(0);
    expect(execFileSync('git', ['ls-files', '.env'], { cwd: ROOT }).toString()).toBe('');
  });

  it('no shipped source spawns a shell or evaluates strings', () => {
    const files: string[] = [];
    const walk = (d: string) => {
      for (const f of readdirSync(d)) {
        const p = join(d, f);
        if (statSync(p).isDirectory()) walk(p);
        else if (/\.(ts|mjs|js)$/.test(f)) files.push(p);
      }
    };
    // src/bench is a developer tool, not reachable from Discord or the shells.
    for (const d of ['bot', 'cli', 'corpus', 'engine', 'index', 'nlp']) walk(join(ROOT, 'src', d));
    walk(join(ROOT, 'commands'));
    files.push(join(ROOT, 'src', 'main.ts'));
    for (const f of files) expect(readFileSync(f, 'utf8'), f).not.toMatch(/\bchild_process\b|\beval\s*\(|new\s+Function\s*\(/);
    expect(files.length).toBeGreaterThan(30);
  });
});
