#!/usr/bin/env node
// Lighthouse (mobile preset, default simulated throttling) against a running site, with
// Debian's Chromium: no browser is ever downloaded (puppeteer-core / chrome-launcher only).
//
//   node tools/lighthouse/run.mjs BASE_URL path1 [path2 ...]
//   node tools/lighthouse/run.mjs http://127.0.0.1:8765 /en/ /he/
//
//   node tools/lighthouse/run.mjs --all BASE_URL ...   (also flagged audits of categories at 100)
//
// Prints one row per URL with the four scores (0-100), then for every category under 100 its
// failing audits (id, title, value and the first few elements / resources). JSON (and HTML)
// reports go to tools/lighthouse/reports/. Exit status: 0 when every URL was audited, 2 when
// Chromium or Lighthouse crashed or a page could not be audited (runtimeError, missing score),
// 64 on bad usage.
//
// Environment: CHROME_PATH (default /usr/bin/chromium), LH_CHROME_FLAGS (extra flags, space
// separated), LH_REPORTS_DIR (default tools/lighthouse/reports), LH_MAX_ITEMS (details shown
// per failing audit, default 5).

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];
const SHORT = { performance: 'perf', accessibility: 'a11y', 'best-practices': 'bp', seo: 'seo' };
const CHROME_PATH = process.env.CHROME_PATH || '/usr/bin/chromium';
const REPORTS_DIR = path.resolve(process.env.LH_REPORTS_DIR || path.join(HERE, 'reports'));
const MAX_ITEMS = Number(process.env.LH_MAX_ITEMS ?? 5);
const CHROME_FLAGS = [
  '--headless=new',
  '--no-sandbox', // we run as root
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--no-first-run',
  '--no-default-browser-check',
  ...(process.env.LH_CHROME_FLAGS || '').split(/\s+/).filter(Boolean),
];

function usage(msg) {
  if (msg) console.error(msg);
  console.error('usage: node tools/lighthouse/run.mjs BASE_URL path1 [path2 ...]');
  process.exit(64);
}

const args = process.argv.slice(2);
const SHOW_ALL = args.includes('--all'); // also list flagged audits of categories at 100
const [base, ...paths] = args.filter((a) => a !== '--all');
if (!base || paths.length === 0) usage();
if (!/^https?:\/\//.test(base)) usage(`BASE_URL must start with http:// or https://: ${base}`);
if (!fs.existsSync(CHROME_PATH)) usage(`Chromium not found at ${CHROME_PATH} (set CHROME_PATH)`);
fs.mkdirSync(REPORTS_DIR, { recursive: true });

const score = (cat) => (cat && typeof cat.score === 'number' ? Math.round(cat.score * 100) : null);
const slug = (u) => {
  const { host, pathname, search } = new URL(u);
  return `${host}${pathname}${search}`.replace(/[^A-Za-z0-9._-]+/g, '_').replace(/_+$/, '');
};

// One short line per item of an audit's details: the element, the resource, the value.
function describeItem(item) {
  // Nested structures (list sections, network trees, checklists) are in the JSON report.
  if (item.type && item.type !== 'node') return item.title || null;
  const parts = [];
  const node = item.node?.type === 'node' ? item.node : item.node?.node || null;
  if (node) parts.push(node.selector || node.snippet, node.snippet && node.selector ? node.snippet : null);
  for (const key of ['url', 'sourceLocation', 'source', 'label', 'description', 'directive', 'name', 'entity']) {
    const v = item[key];
    if (typeof v === 'string') parts.push(v);
    else if (v && typeof v === 'object' && v.type === 'source-location') parts.push(`${v.url}:${v.line}`);
    else if (v && typeof v === 'object' && v.type === 'url') parts.push(v.value);
    else if (v && typeof v === 'object' && v.type === 'link') parts.push(v.text);
  }
  for (const key of ['wastedBytes', 'wastedMs', 'totalBytes', 'transferSize', 'cacheLifetimeMs', 'duration', 'score', 'value', 'contrastRatio', 'severity']) {
    const v = item[key];
    if (typeof v === 'number') parts.push(`${key}=${Math.round(v * 100) / 100}`);
    else if (typeof v === 'string' && key !== 'value') parts.push(`${key}=${v}`);
  }
  if (item.subItems?.items?.length) {
    const sub = item.subItems.items.slice(0, 2).map((s) => describeItem(s)).filter(Boolean);
    if (sub.length) parts.push(`[${sub.join('; ')}]`);
  }
  // axe's explanation of why a node fails (e.g. the contrast numbers).
  if (node?.explanation) parts.push(node.explanation.replace(/\s+/g, ' '));
  return parts.filter(Boolean).join(' | ').slice(0, 400);
}

function failingAudits(lhr, catId) {
  const cat = lhr.categories[catId];
  const out = [];
  for (const ref of cat.auditRefs) {
    const a = lhr.audits[ref.id];
    if (!a || a.score === null || a.score >= 1) continue;
    if (!['binary', 'numeric', 'metricSavings'].includes(a.scoreDisplayMode)) continue;
    // Performance: weighted metrics below 0.9, and diagnostics/insights that flag something.
    if (catId === 'performance' && ref.weight > 0 && a.score >= 0.9) continue;
    const all = Array.isArray(a.details?.items) ? a.details.items : [];
    const items = all.slice(0, MAX_ITEMS).map(describeItem).filter(Boolean);
    out.push({ id: a.id, title: a.title, weight: ref.weight, score: a.score, displayValue: a.displayValue, items, more: Math.max(0, all.length - MAX_ITEMS) });
  }
  return out;
}

async function audit(url) {
  const chrome = await chromeLauncher.launch({ chromePath: CHROME_PATH, chromeFlags: CHROME_FLAGS, logLevel: 'silent' });
  try {
    const result = await lighthouse(url, {
      port: chrome.port,
      output: ['json', 'html'],
      logLevel: 'error',
      onlyCategories: CATEGORIES,
      // formFactor 'mobile', screenEmulation mobile and throttlingMethod 'simulate' (Slow 4G,
      // 4x CPU) are Lighthouse's defaults; spelled out here so they are not changed by accident.
      formFactor: 'mobile',
      throttlingMethod: 'simulate',
    });
    if (!result) throw new Error('Lighthouse returned no result');
    return result;
  } finally {
    await chrome.kill();
  }
}

// Trace recording sometimes fails on a busy machine (NO_NAVSTART, NO_FCP...): Lighthouse's own
// advice is to run it again, so each URL gets up to three attempts.
async function auditWithRetries(url, attempts = 3) {
  let result;
  for (let attempt = 1; attempt <= attempts; attempt += 1) {
    result = await audit(url);
    if (!result.lhr.runtimeError) return result;
    console.error(`${url}: ${result.lhr.runtimeError.code}, attempt ${attempt} of ${attempts}`);
  }
  return result;
}

const rows = [];
let crashed = false;
const started = Date.now();
for (const p of paths) {
  const url = new URL(p, base).href;
  const t0 = Date.now();
  try {
    const { lhr, report } = await auditWithRetries(url);
    const name = slug(url);
    fs.writeFileSync(path.join(REPORTS_DIR, `${name}.report.json`), report[0]);
    fs.writeFileSync(path.join(REPORTS_DIR, `${name}.report.html`), report[1]);
    const scores = Object.fromEntries(CATEGORIES.map((c) => [c, score(lhr.categories[c])]));
    const problems = [];
    if (lhr.runtimeError) problems.push(`runtimeError ${lhr.runtimeError.code}: ${lhr.runtimeError.message}`);
    for (const c of CATEGORIES) if (scores[c] === null) problems.push(`no ${c} score`);
    if (problems.length) crashed = true;
    const m = (id) => lhr.audits[id]?.displayValue ?? '-';
    rows.push({ url, scores, lhr, problems, secs: (Date.now() - t0) / 1000, metrics: { FCP: m('first-contentful-paint'), LCP: m('largest-contentful-paint'), TBT: m('total-blocking-time'), CLS: m('cumulative-layout-shift'), SI: m('speed-index') } });
  } catch (err) {
    crashed = true;
    rows.push({ url, scores: null, problems: [`crash: ${err?.stack || err}`], secs: (Date.now() - t0) / 1000 });
  }
}

const version = rows.find((r) => r.lhr)?.lhr;
console.log(`Lighthouse ${version?.lighthouseVersion ?? '?'}, ${version?.environment?.hostUserAgent?.match(/(Headless)?Chrome\/[\d.]+/)?.[0] ?? CHROME_PATH}, mobile, simulated throttling`);
const pad = (s, n) => String(s).padEnd(n);
const w = Math.max(3, ...rows.map((r) => r.url.length));
console.log(`${pad('URL', w)}  perf  a11y    bp   seo   time  metrics`);
for (const r of rows) {
  const s = (c) => String(r.scores?.[c] ?? 'ERR').padStart(4);
  const metrics = r.metrics ? Object.entries(r.metrics).map(([k, v]) => `${k} ${v}`).join(', ') : '';
  console.log(`${pad(r.url, w)}  ${CATEGORIES.map(s).join('  ')}  ${r.secs.toFixed(0).padStart(4)}s  ${metrics}`);
}
for (const r of rows) {
  const lines = [];
  for (const p of r.problems) lines.push(`  !! ${p}`);
  if (r.lhr) {
    for (const w of r.lhr.runWarnings || []) lines.push(`  warning: ${w}`);
    for (const c of CATEGORIES) {
      if (r.scores[c] === null || (r.scores[c] >= 100 && !SHOW_ALL)) continue;
      const failing = failingAudits(r.lhr, c);
      if (!failing.length) continue;
      lines.push(`  [${SHORT[c]} ${r.scores[c]}]`);
      for (const a of failing) {
        const val = a.displayValue ? ` (${a.displayValue})` : '';
        lines.push(`    - ${a.id}: ${a.title}${val} score=${a.score}${a.weight ? ` weight=${a.weight}` : ''}`);
        for (const it of a.items) lines.push(`        ${it}`);
        if (a.more) lines.push(`        ... ${a.more} more`);
      }
    }
  }
  if (lines.length) console.log(`\n${r.url}\n${lines.join('\n')}`);
}
console.log(`\n${rows.length} URL(s) in ${((Date.now() - started) / 1000).toFixed(0)}s; reports in ${path.relative(process.cwd(), REPORTS_DIR) || '.'}/`);
process.exit(crashed ? 2 : 0);
