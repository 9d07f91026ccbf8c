// Summarises a V8 .cpuprofile (node --cpu-prof): self time by file and by function, and inclusive
// time. Usage: node bench/profile-summary.mjs FILE.cpuprofile [rows]
// Summarise a .cpuprofile: self time by function and by package/file, and inclusive time of selected functions.
import { readFileSync } from 'node:fs';

const p = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const byId = new Map(p.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const dt = new Map();
for (let i = 0; i < p.samples.length; i++)
  dt.set(p.samples[i], (dt.get(p.samples[i]) ?? 0) + (p.timeDeltas[i] ?? 0));
const total = [...dt.values()].reduce((a, b) => a + b, 0);
const self = new Map(),
  file = new Map(),
  incl = new Map();
const short = (u) =>
  u
    .replace(/.*node_modules\//, 'nm:')
    .replace(/.*\/work\/main\//, '')
    .replace(/^file:\/\//, '');
for (const [id, t] of dt) {
  const n = byId.get(id);
  const cf = n.callFrame;
  const k = `${cf.functionName || '(anon)'} ${short(cf.url)}:${cf.lineNumber}`;
  self.set(k, (self.get(k) ?? 0) + t);
  const f = short(cf.url).split('/').slice(0, 2).join('/') || cf.functionName;
  file.set(f, (file.get(f) ?? 0) + t);
  // inclusive: walk up, count each distinct key once per sample
  const seen = new Set();
  let cur = id;
  while (cur !== undefined) {
    const c = byId.get(cur).callFrame;
    const kk = `${c.functionName || '(anon)'} ${short(c.url)}:${c.lineNumber}`;
    if (!seen.has(kk)) {
      seen.add(kk);
      incl.set(kk, (incl.get(kk) ?? 0) + t);
    }
    cur = parent.get(cur);
  }
}
const top = (m, n) =>
  [...m]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([k, v]) => `${(v / 1000).toFixed(0).padStart(7)} ms  ${k}`)
    .join('\n');
console.log(`total ${(total / 1000).toFixed(0)} ms`);
console.log(`--- self by file\n${top(file, 15)}`);
console.log(`--- self by function\n${top(self, 25)}`);
console.log(`--- inclusive\n${top(incl, Number(process.argv[3] ?? 40))}`);
