import { generateRecords, profileOf, linkProfiles, matchKeys, compareProfiles, DOMAIN_FIELDS } from './packages/core/src/index.ts';
const recs = [...generateRecords({ count: 30000, seed: 11 })] as any[];
const profiles = recs.map((r) => profileOf(r));
const res = linkProfiles(profiles);
const bySubj = new Map<string, number[]>();
recs.forEach((r, i) => { const g = bySubj.get(r.truth) ?? []; g.push(i); bySubj.set(r.truth, g); });
let shown = 0, noKey = 0, total = 0;
const fields = DOMAIN_FIELDS.person.map((f) => f.field);
for (const g of bySubj.values()) for (let x = 0; x < g.length; x++) for (let y = x + 1; y < g.length; y++) {
  const i = g[x]!, j = g[y]!;
  const a = recs[i], b = recs[j];
  if (!['wanted_person','missing_person'].includes(a.category) || !['wanted_person','missing_person'].includes(b.category)) continue;
  if (!(a.corruptions.includes('swappedNameParts') || b.corruptions.includes('swappedNameParts'))) continue;
  if (res.clusterOf[i] === res.clusterOf[j]) continue;
  total++;
  const ka = new Set(matchKeys(profiles[i]!)); const shared = matchKeys(profiles[j]!).filter((k) => ka.has(k));
  if (shared.length === 0) noKey++;
  if (shown++ < 8) {
    const v = compareProfiles(profiles[i]!, profiles[j]!);
    console.log(JSON.stringify(a.person.names.map((n: any) => [n.surname, n.given, n.patronymic])), a.person.birthDate, '||', JSON.stringify(b.person.names.map((n: any) => [n.surname, n.given, n.patronymic])), b.person.birthDate);
    console.log('  shared', shared.length, fields.map((f, k) => `${f}=${DOMAIN_FIELDS.person[k]!.levels[v[k]!] ?? '-'}`).join(' '));
  }
}
console.log({ total, noKey });
