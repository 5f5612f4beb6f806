/**
 * The review page in a real browser: headless Chromium (Debian's /usr/bin/chromium) driven by
 * playwright-core. Checks what a reviewer sees — every segment with its source and target, term
 * highlights, side by side on a wide screen and stacked on a phone — and that the page fetched
 * nothing. Set VERSIO_REVIEW_SCREENSHOT=docs/review-page.png to refresh the README screenshot.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Document, segmentsOf } from '../../src/document.js';
import type { Glossary } from '../../src/glossary/types.js';
import { parseArticle } from '../../src/read/article.js';
import { type ReviewFinding, renderReviewPage } from '../../src/render/review-page.js';
import { defined } from '../support/defined.js';

const CHROMIUM = '/usr/bin/chromium';

// Page functions run in Chromium; tsconfig has no DOM lib, so the browser globals they use are named here.
interface PageElement {
  src: string;
}
declare const document: {
  documentElement: { scrollWidth: number };
  body: { append(element: PageElement): void };
  createElement(tag: 'img'): PageElement;
  addEventListener(
    type: 'securitypolicyviolation',
    listener: (event: { effectiveDirective: string }) => void,
  ): void;
};
declare function getComputedStyle(element: unknown): { backgroundColor: string };
const SEED = 'source/palmyre.fr.txt';

const glossary: Glossary = {
  path: 'glossary/versio.glossary.yaml',
  sourceLang: 'fr',
  targetLang: 'en',
  hash: 'e2e',
  entries: [
    {
      id: 'islamic-state',
      type: 'organisation',
      french: ['Etat islamique', 'État islamique'],
      english: 'Islamic State',
      forbidden: ['Islamic state'],
      note: 'Capitalised; takes "the"',
      policy: 'protect',
      article: 'the',
    },
  ],
};

/** The seed article, translated: terms marked where the French and English forms occur, states varied. */
async function translatedSeed(): Promise<{ doc: Document; findings: ReviewFinding[] }> {
  const doc = parseArticle(await readFile(SEED, 'utf8'), SEED);
  const states = ['translated', 'translated', 'reviewed', 'needs-review', 'final'] as const;
  segmentsOf(doc).forEach((s, index) => {
    s.target = `${s.id} in English <&> “${s.source.slice(0, 40)}”`;
    s.state = states[index % states.length] ?? 'translated';
    s.provenance = { engine: 'pseudo' };
    const at = s.source.indexOf('Etat islamique');
    if (at >= 0) {
      s.spans = [
        { start: at, end: at + 14, entryId: 'islamic-state', target: 'Islamic State', policy: 'protect' },
      ];
      s.target = `The Islamic State is named in ${s.id}.`;
      s.targetSpans = [
        { start: 4, end: 17, entryId: 'islamic-state', target: 'Islamic State', policy: 'protect' },
      ];
    }
  });
  // Markup in a target must stay text: if escaping broke, the browser would fetch these.
  defined(
    segmentsOf(doc).find((s) => s.id === 'p5.s1'),
    'segment p5.s1',
  ).target =
    'Smuggled <img src="http://127.0.0.1:9/leak.png"> <link rel="stylesheet" href="http://127.0.0.1:9/x.css">';
  const last = defined(segmentsOf(doc).at(-1), 'a last segment');
  delete last.target;
  last.state = 'initial';
  defined(segmentsOf(doc)[3], 'segment 4').notes = ['Previous reviewed target: “The Syrian army …”'];
  const findings: ReviewFinding[] = [
    {
      check: 'number',
      severity: 'error',
      unit: 'p8.s1',
      message: 'number "10 000" is missing from the target',
    },
    { check: 'term-missing', severity: 'warning', unit: 'p5.s2', message: 'expected "Islamic State"' },
  ];
  return { doc, findings };
}

let browser: Browser;
let dir: string;
let doc: Document;
let url: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'versio-review-'));
  const seed = await translatedSeed();
  doc = seed.doc;
  const file = join(dir, 'palmyre.review.html');
  await writeFile(file, renderReviewPage(doc, { glossary, findings: seed.findings }));
  url = pathToFileURL(file).href;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
});

afterAll(async () => {
  await browser?.close();
  await rm(dir, { recursive: true, force: true });
});

/** Opens the page in a fresh context (its own profile), recording every request it makes. */
async function open(width: number): Promise<{ page: Page; requests: string[] }> {
  const context = await browser.newContext({ viewport: { width, height: 900 }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  await page.goto(url, { waitUntil: 'load' });
  return { page, requests };
}

describe('review page in Chromium', () => {
  it('shows every segment id with its source and target text', async () => {
    const { page } = await open(1280);
    for (const s of segmentsOf(doc)) {
      const article = page.locator(`article[data-segment="${s.id}"]`);
      await expect(article.count(), s.id).resolves.toBe(1);
      await expect(article.locator('h3').textContent()).resolves.toBe(s.id);
      await expect(article.locator('.source .text').textContent()).resolves.toBe(s.source);
      await expect(article.locator('.target .text').textContent()).resolves.toBe(s.target ?? '(no target)');
    }
    await page.context().close();
  });

  it('highlights glossary terms in source and target, with the entry in the tooltip', async () => {
    const { page } = await open(1280);
    const marks = page.locator('article[data-segment="p2.s1"] mark.term[data-entry="islamic-state"]');
    await expect(marks.count()).resolves.toBe(2);
    await expect(marks.first().textContent()).resolves.toBe('Etat islamique');
    await expect(marks.last().textContent()).resolves.toBe('Islamic State');
    await expect(marks.first().getAttribute('title')).resolves.toContain('Islamic State (organisation)');
    const background = await marks.first().evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(background).not.toBe('rgba(0, 0, 0, 0)');
    await page.context().close();
  });

  it('requests nothing but the page itself, even with markup in a target', async () => {
    const { page, requests } = await open(1280);
    await expect(
      page.locator('article[data-segment="p5.s1"] .target .text').textContent(),
    ).resolves.toContain('<img src=');
    expect(requests).toEqual([url]);
    await page.context().close();
  });

  it('enforces its Content-Security-Policy: an image added at run time is refused', async () => {
    const { page } = await open(1280);
    const violated = await page.evaluate(
      () =>
        new Promise<string>((resolve) => {
          document.addEventListener('securitypolicyviolation', (event) => resolve(event.effectiveDirective));
          const img = document.createElement('img');
          img.src = 'http://127.0.0.1:9/probe.png';
          document.body.append(img);
        }),
    );
    expect(violated).toBe('img-src');
    await page.context().close();
  });

  it('puts source and target side by side on a wide screen, stacked on a phone; screenshots both', async () => {
    const positions = async (width: number) => {
      const { page } = await open(width);
      const article = page.locator('article[data-segment="p3.s1"]');
      const source = defined((await article.locator('.source').boundingBox()) ?? undefined, 'a source box');
      const target = defined((await article.locator('.target').boundingBox()) ?? undefined, 'a target box');
      const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
      const shot = join(dir, `review-${width}.png`);
      await page.screenshot({ path: shot, fullPage: width >= 600 });
      await page.context().close();
      return { source, target, scrollWidth, shot };
    };
    const wide = await positions(1280);
    expect(wide.target.y).toBe(wide.source.y);
    expect(wide.target.x).toBeGreaterThan(wide.source.x + wide.source.width - 1);
    const phone = await positions(390);
    expect(phone.target.y).toBeGreaterThanOrEqual(phone.source.y + phone.source.height);
    // Nothing wider than the phone: no sideways scrolling.
    expect(phone.scrollWidth).toBeLessThanOrEqual(390);
    for (const shot of [wide.shot, phone.shot]) expect((await stat(shot)).size).toBeGreaterThan(10_000);
  });

  it('prints without colour backgrounds on the state badges', async () => {
    const { page } = await open(1280);
    await page.emulateMedia({ media: 'print' });
    const badge = page.locator('article[data-segment="p3.s1"] .badge');
    await expect(badge.evaluate((el) => getComputedStyle(el).backgroundColor)).resolves.toBe(
      'rgba(0, 0, 0, 0)',
    );
    await expect(badge.textContent()).resolves.toBe('Reviewed');
    await page.context().close();
  });

  it('renders a screenshot for the README when VERSIO_REVIEW_SCREENSHOT names a file', async () => {
    const page = await browser.newPage({ viewport: { width: 1100, height: 1400 }, deviceScaleFactor: 1 });
    await page.setContent(renderReviewPage(await showcase(), { glossary, findings: showcaseFindings }), {
      waitUntil: 'load',
    });
    const path = process.env.VERSIO_REVIEW_SCREENSHOT ?? join(dir, 'readme.png');
    await page.screenshot({ path });
    await page.close();
    expect((await stat(path)).size).toBeGreaterThan(10_000);
  });
});

const showcaseFindings: ReviewFinding[] = [
  {
    check: 'term-forbidden',
    severity: 'error',
    unit: 'p3.s1',
    message: 'forbidden form "Islamic state" (islamic-state): write "Islamic State"',
  },
];

/** The seed article through real Apertium (fr→es→en), the headline then reviewed by hand. */
async function showcase(): Promise<Document> {
  const article = parseArticle(await readFile(SEED, 'utf8'), SEED);
  const segments = segmentsOf(article);
  // A file argument, not stdin: the apertium script cannot reopen Node's socket-pair stdin as /dev/stdin.
  const input = join(dir, 'showcase.fr.txt');
  await writeFile(input, `${segments.map((s) => s.source).join('\n')}\n`);
  const { stdout } = await run('sh', ['-c', 'apertium -u fr-es "$0" | apertium -u spa-eng', input]);
  const lines = stdout.split('\n');
  segments.forEach((s, index) => {
    s.target = defined(lines[index], `Apertium's line ${index + 1}`).trim();
    s.state = 'translated';
    s.provenance = { engine: 'apertium' };
    const at = s.source.indexOf('Etat islamique');
    if (at >= 0)
      s.spans = [
        { start: at, end: at + 14, entryId: 'islamic-state', target: 'Islamic State', policy: 'protect' },
      ];
  });
  const [lead, headline, third] = segments;
  if (!lead || !headline?.target || !third) throw new Error('expected the first three segments, translated');
  headline.provenance = { engine: 'apertium', machineTarget: headline.target };
  headline.target = 'A “final defeat” of the Islamic State is coming in Palmyra, says a Russian general';
  headline.targetSpans = [
    { start: 24, end: 37, entryId: 'islamic-state', target: 'Islamic State', policy: 'protect' },
  ];
  headline.state = 'reviewed';
  lead.state = 'final';
  third.state = 'needs-review';
  return article;
}

const run = promisify(execFile);
