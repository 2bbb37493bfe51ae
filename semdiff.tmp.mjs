import { readFileSync } from 'node:fs';
import { parseAllDocuments } from 'yaml';
const canon = (v) => Array.isArray(v) ? v.map(canon) : v && typeof v === 'object' ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, canon(v[k])])) : v;
const load = (f) => parseAllDocuments(readFileSync(f, 'utf8')).map((d) => d.toJS()).filter(Boolean).map((o) => JSON.stringify(canon(o))).sort();
const a = load(process.argv[2]), b = load(process.argv[3]);
console.log(a.length, b.length, JSON.stringify(a) === JSON.stringify(b) ? 'same objects' : 'DIFFERENT');
for (const x of a) if (!b.includes(x)) console.log('only A', x.slice(0, 300));
