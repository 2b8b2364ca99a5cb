#!/usr/bin/env node
// Reads Lighthouse JSON reports and prints one table (scores x100) and, for
// every category below its target, the audits in it that scored below 1.
// Exit status 1 if any target is missed or a report is missing or broken.
//
//   node report.js NAME=FILE.json[,PERF2.json,PERF3.json] ...
//
// Extra files after a comma are further runs of the same page (performance
// only): the page's performance score is then the median of all its runs.
'use strict';
const fs = require('fs');

// Targets, as scores x100.
const TARGETS = { performance: 98, accessibility: 100, 'best-practices': 100, seo: 100 };
const COLUMNS = [
  ['performance', 'performance'],
  ['accessibility', 'accessibility'],
  ['best-practices', 'best practices'],
  ['seo', 'SEO'],
];
const MAX_ITEMS = 8; // detail rows printed per audit

const pct = (s) => (typeof s === 'number' ? Math.round(s * 100) : null);
const clip = (s, n = 160) => {
  s = String(s).replace(/\s+/g, ' ').trim();
  return s.length > n ? s.slice(0, n - 1) + '…' : s;
};
const stripLinks = (s) => String(s || '').replace(/\[([^\]]*)\]\([^)]*\)/g, '$1');

// One line for a row of an audit's details table, whatever its shape.
function describeItem(item) {
  if (item == null || typeof item !== 'object') return clip(item);
  const parts = [];
  const node = item.node && item.node.type === 'node' ? item.node : item.type === 'node' ? item : null;
  if (node) {
    if (node.nodeLabel) parts.push(`"${clip(node.nodeLabel, 60)}"`);
    if (node.selector) parts.push(`selector: ${clip(node.selector, 100)}`);
    if (node.snippet) parts.push(`html: ${clip(node.snippet, 160)}`);
    if (node.explanation) parts.push(`why: ${clip(node.explanation, 300)}`);
  }
  for (const key of ['url', 'source', 'label', 'text', 'href', 'description', 'directive', 'value']) {
    const v = item[key];
    if (v == null || v === '') continue;
    if (typeof v === 'object') {
      if (v.type === 'source-location') parts.push(`${key}: ${v.url}:${v.line + 1}:${v.column + 1}`);
      else if (v.type === 'url' || v.type === 'code' || v.type === 'text') parts.push(`${key}: ${clip(v.value)}`);
      continue;
    }
    parts.push(`${key}: ${clip(v)}`);
  }
  for (const [key, unit] of [['wastedMs', 'ms'], ['wastedBytes', 'B'], ['totalBytes', 'B'], ['duration', 'ms'], ['size', 'B']]) {
    if (typeof item[key] === 'number') parts.push(`${key}: ${Math.round(item[key])} ${unit}`);
  }
  if (item.relatedNode && item.relatedNode.selector) parts.push(`near: ${clip(item.relatedNode.selector, 100)}`);
  if (item.subItems && Array.isArray(item.subItems.items)) {
    const subs = item.subItems.items.slice(0, 3).map(describeItem).filter(Boolean);
    if (subs.length) parts.push(`[${subs.join('; ')}]`);
  }
  if (!parts.length && !item.relatedNode) parts.push(clip(JSON.stringify(item), 200));
  return parts.join(' | ');
}

// The detail rows of an audit: tables, opportunities, and the lists that the
// performance insights use (sections that each hold a table).
function detailLines(details) {
  if (!details) return [];
  if (Array.isArray(details.items) && (details.type === 'table' || details.type === 'opportunity')) {
    const lines = details.items.slice(0, MAX_ITEMS).map(describeItem);
    if (details.items.length > MAX_ITEMS) lines.push(`… and ${details.items.length - MAX_ITEMS} more`);
    return lines;
  }
  if (details.type === 'list' && Array.isArray(details.items)) {
    return details.items.flatMap((section) => {
      if (section.type === 'list-section') {
        const v = section.value || {};
        if (v.type === 'network-tree' && v.chains) return [`longest chain: ${Math.round((v.longestChain || {}).duration || 0)} ms`];
        if (v.type === 'table' || v.type === 'opportunity') return detailLines(v);
        if (v.type === 'text') return [clip(stripLinks(v.value), 200)];
        return [];
      }
      return detailLines(section);
    });
  }
  if (details.type === 'checklist' && details.items) {
    return Object.values(details.items).filter((c) => !c.value).map((c) => `not met: ${c.label}`);
  }
  return [];
}

function main(args) {
  let failed = false;
  const rows = [];
  const problems = [];

  for (const arg of args) {
    const eq = arg.indexOf('=');
    const name = arg.slice(0, eq);
    const files = arg.slice(eq + 1).split(',');
    let lhr;
    const perfRuns = [];
    try {
      lhr = JSON.parse(fs.readFileSync(files[0], 'utf8'));
      for (const file of files) {
        const run = file === files[0] ? lhr : JSON.parse(fs.readFileSync(file, 'utf8'));
        perfRuns.push({ lhr: run, score: pct(run.categories.performance && run.categories.performance.score) });
      }
    } catch (err) {
      rows.push([name, ...COLUMNS.map(() => 'n/a')]);
      problems.push(`${name}: no Lighthouse report (${err.code || err.message})`);
      failed = true;
      continue;
    }
    // Median performance run (the lower middle one of an even count).
    const byPerf = [...perfRuns].sort((a, b) => (a.score ?? -1) - (b.score ?? -1));
    const median = byPerf[Math.floor((byPerf.length - 1) / 2)];
    const lhrFor = (id) => (id === 'performance' ? median.lhr : lhr);
    const scores = COLUMNS.map(([id]) => pct(lhrFor(id).categories[id] && lhrFor(id).categories[id].score));
    // A category not asked for (SEO on a private, noindex page) is shown as
    // "–" and is not a miss; one asked for but missing is.
    const asked = COLUMNS.map(([id]) => (lhr.configSettings.onlyCategories || COLUMNS.map((c) => c[0])).includes(id));
    rows.push([name, ...scores.map((s, i) => {
      if (!asked[i]) return '–';
      const miss = s == null || s < TARGETS[COLUMNS[i][0]];
      const runs = i === 0 && perfRuns.length > 1 ? ` (${perfRuns.map((r) => r.score).join('/')})` : '';
      return s == null ? 'n/a !' : String(s) + runs + (miss ? ' !' : '');
    })]);

    const out = [];
    if (lhr.runtimeError) out.push(`  runtime error: ${lhr.runtimeError.code}: ${lhr.runtimeError.message}`);
    // The slow-CPU warning matters to performance only, and only below target.
    const perfMissed = scores[0] == null || scores[0] < TARGETS.performance;
    for (const w of lhr.runWarnings || []) {
      if (/slower CPU/.test(w) && !perfMissed) continue;
      out.push(`  run warning: ${clip(stripLinks(w), 300)}`);
    }
    COLUMNS.forEach(([id, label], i) => {
      const s = scores[i];
      if (!asked[i] || (s != null && s >= TARGETS[id])) return;
      failed = true;
      const run = lhrFor(id);
      const cat = run.categories[id];
      let head = `  ${label}: ${s == null ? 'no score' : s} (target ${TARGETS[id] === 100 ? '100' : '≥ ' + TARGETS[id]})`;
      if (id === 'performance') {
        if (perfRuns.length > 1) head += `; median of runs scoring ${perfRuns.map((r) => r.score).join(', ')}, audits below from the median run`;
        head += `; CPU benchmark index ${Math.round(run.environment.benchmarkIndex)}`;
      }
      out.push(head);
      if (!cat) return;
      const refs = cat.auditRefs
        .map((ref) => ({ ref, audit: run.audits[ref.id] }))
        .filter(({ audit }) => audit && typeof audit.score === 'number' && audit.score < 1)
        .sort((a, b) => b.ref.weight - a.ref.weight || a.audit.score - b.audit.score);
      if (!refs.length) out.push('    (no single audit below 1: the score comes from the metrics)');
      for (const { ref, audit } of refs) {
        const weight = ref.weight > 0 ? `weight ${+ref.weight.toFixed(2)}` : 'weight 0, advice only';
        out.push(`    - [${ref.id}] ${audit.title}${audit.displayValue ? ' — ' + audit.displayValue : ''} (score ${audit.score}, ${weight})`);
        if (audit.explanation) out.push(`        ${clip(audit.explanation, 300)}`);
        for (const line of detailLines(audit.details)) out.push(`        ${line}`);
      }
    });
    // An audit that could not run at all: a warning, and a failure when it
    // counts towards a score (its category's score is then not trustworthy).
    for (const [id] of COLUMNS) {
      const cat = lhr.categories[id];
      if (!cat) continue;
      for (const ref of cat.auditRefs) {
        const audit = lhr.audits[ref.id];
        if (!audit || audit.scoreDisplayMode !== 'error') continue;
        if (ref.weight > 0) failed = true;
        out.push(`  audit error in ${id} [${ref.id}] (weight ${+ref.weight.toFixed(2)}): ${clip(audit.errorMessage || '', 200)}`);
      }
    }
    if (out.length) problems.push(`${name} (${lhr.finalDisplayedUrl || lhr.requestedUrl}):\n${out.join('\n')}`);
  }

  const header = ['page', ...COLUMNS.map(([, label]) => label)];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
  rows.forEach((r) => console.log(line(r)));
  console.log(`targets: performance ≥ ${TARGETS.performance}; accessibility, best practices, SEO 100. '!': missed; (a/b/c): three performance runs, the median counts`);

  if (problems.length) {
    console.log('\nBelow target:\n');
    console.log(problems.join('\n\n'));
  }
  console.log(failed ? '\naudit: FAILED (a target was missed)' : '\naudit: all targets met');
  return failed ? 1 : 0;
}

module.exports = { TARGETS };

if (require.main === module) {
  if (process.argv.length < 3) {
    console.error('usage: node report.js NAME=REPORT.json[,PERF2.json,...] ...');
    process.exit(2);
  }
  process.exit(main(process.argv.slice(2)));
}
