import { describe, expect, it } from 'vitest';
import type { RecordInput } from '../schemas/record.ts';
import { clusterQuality, evaluationReport, namelessRanking, namesakeMerge, pairwiseQuality } from './evaluate.ts';

describe('linkage quality against ground truth', () => {
  // Truth: {0,1,2} are one person, {3,4} another, 5 alone.
  const truth = ['A', 'A', 'A', 'B', 'B', 'C'];

  it('counts pairs: a perfect clustering has precision, recall and F1 of 1', () => {
    expect(pairwiseQuality([0, 0, 0, 3, 3, 5], truth)).toMatchObject({ precision: 1, recall: 1, f1: 1, truePositives: 4 });
  });

  it('counts a missed record and a wrong merge as the pairs they lose and add', () => {
    // Record 2 not linked to A (loses 2 true pairs); 5 wrongly merged into B (adds 2 false pairs).
    const q = pairwiseQuality([0, 0, 2, 3, 3, 3], truth);
    expect(q).toMatchObject({ truePositives: 2, falsePositives: 2, falseNegatives: 2 });
    expect(q.precision).toBe(0.5);
    expect(q.recall).toBe(0.5);
    expect(q.f1).toBe(0.5);
  });

  it('B-cubed cluster figures and exact clusters', () => {
    const q = clusterQuality([0, 0, 2, 3, 3, 3], truth);
    // Precision per record: 1,1,1, 2/3,2/3,1/3 → 0.7778; recall: 2/3,2/3,1/3, 1,1,1 → 0.7778.
    expect(q.precision).toBeCloseTo(0.7778, 3);
    expect(q.recall).toBeCloseTo(0.7778, 3);
    expect(q).toMatchObject({ exactClusters: 0, trueClusters: 2 });
    expect(clusterQuality([0, 0, 0, 3, 3, 5], truth)).toMatchObject({ precision: 1, recall: 1, exactClusters: 2 });
  });

  it('breaks recall down by corruption and by category pair', () => {
    const records = truth.map((t, i) => ({
      truth: t,
      category: i < 3 ? 'wanted_person' : 'vehicle',
      corruptions: i === 2 ? ['typo'] : [],
    }));
    const report = evaluationReport(records, [0, 0, 2, 3, 3, 5], true);
    expect(report.recallByCorruption).toEqual({ typo: { recall: 0, pairs: 2 } });
    expect(report.byCategory?.['wanted_person~wanted_person']).toMatchObject({ recall: 0.3333 });
    expect(report.byCategory?.['vehicle~vehicle']).toMatchObject({ recall: 1, precision: 1 });
    expect(report.truePairs).toBe(4);
  });

  it('judges named persons apart from nameless pairs, which are left to a reviewer, and reports cross-script pairs', () => {
    const records = [
      { truth: 'A', category: 'wanted_person', corruptions: [], script: 'Cyrl' },
      { truth: 'A', category: 'missing_person', corruptions: [], script: 'Latn' },
      { truth: 'A', category: 'unidentified_corpse', corruptions: ['heightOff'] },
      { truth: 'B', category: 'wanted_person', corruptions: [], script: 'Cyrl' },
    ];
    // The two named records of A are linked; the body is not; B is wrongly linked to A's Cyrillic record.
    const report = evaluationReport(records, [0, 0, 2, 0], true);
    expect(report.persons).toMatchObject({ truePositives: 1, falsePositives: 2, falseNegatives: 0 });
    expect(report.crossScript).toMatchObject({ truePositives: 1, falsePositives: 1, recall: 1 });
    expect(report.nameless).toMatchObject({ truePositives: 0, falseNegatives: 2, recall: 0 });
    expect(report.recallByCorruption).toEqual({ heightOff: { recall: 0, pairs: 0 } });
  });

  it('reports the share of people merged with a namesake, and B-cubed over named persons', () => {
    const ivanov = ['sg:ivan.i', 'c:vn.a'];
    const records = [
      { truth: 'A', category: 'wanted_person', corruptions: [], nameKeys: ivanov },
      { truth: 'A', category: 'wanted_person', corruptions: [], nameKeys: ivanov },
      { truth: 'B', category: 'missing_person', corruptions: [], nameKeys: ['sg:ivan.i'] },
      { truth: 'C', category: 'wanted_person', corruptions: [], nameKeys: ['sg:petr.s'] },
      { truth: 'D', category: 'wanted_person', corruptions: [], nameKeys: ivanov },
      { truth: 'E', category: 'unidentified_corpse', corruptions: [] },
    ];
    // A's records and namesake B are one cluster; C (another name) is wrongly in it too; D, an
    // Ivanov as well, stands apart; the body E is no named person.
    const clusterOf = [0, 0, 0, 0, 4, 0];
    expect(namesakeMerge(records, clusterOf)).toEqual({ rate: 0.5, merged: 2, subjects: 4 });
    const report = evaluationReport(records, clusterOf, false);
    expect(report.namesakeMerge.merged).toBe(2);
    // Per named record: A,A → 2/4, B → 1/4, C → 1/4, D → 1; mean 0.5.
    expect(report.personClusters.precision).toBe(0.5);
    expect(evaluationReport(records, [0, 0, 2, 3, 4, 5], false).namesakeMerge).toEqual({ rate: 0, merged: 0, subjects: 4 });
  });

  it("judges the reviewer's ranked lists: where each missing person's true body or living person lands", () => {
    const base = { legalBasis: 'дело', actionOnHit: 'identify', distribution: { kind: 'all' } } as const;
    const place = { country: 'RU', region: 'Омская область', locality: 'Омск' };
    const missing = (truth: string, birthDate: string, lastSeenOn: string) => ({
      truth,
      record: {
        ...base,
        category: 'missing_person',
        nationalRef: truth,
        person: { sex: 'male', birthDate },
        missing: { lastSeenOn, lastSeenPlace: place },
      } as RecordInput,
    });
    const body = (truth: string, foundOn: string, min: number, max: number) => ({
      truth,
      record: {
        ...base,
        category: 'unidentified_corpse',
        nationalRef: truth,
        person: { sex: 'male' },
        unidentifiedCorpse: { foundOn, foundPlace: place, estimatedAge: { min, max } },
      } as RecordInput,
    });
    const records = [
      missing('A', '1990-01-01', '2024-03-01'),
      body('A', '2024-03-09', 30, 38),
      missing('B', '1985-06-01', '2024-02-25'),
      // B's body was found three years on, with a wide estimate; A's, found days after B went
      // and of an age B could be, heads B's list: B's partner comes second.
      body('B', '2027-06-01', 30, 50),
      missing('C', '1950-01-01', '2020-01-01'),
      body('D', '2024-01-01', 70, 80),
      { truth: 'E', record: { ...base, category: 'wanted_person', nationalRef: 'E', person: { sex: 'male' } } as RecordInput },
    ];
    const ranking = namelessRanking(records);
    expect(ranking).toEqual({ recallAt1: 0.5, recallAt10: 1, pairs: 2, blocked: 1, queries: 2, candidatesPerQuery: 2 });
    const report = evaluationReport([{ truth: 'A', category: 'missing_person', corruptions: [] }], [0], false, ranking);
    expect(report.nameless).toMatchObject({ recall: 1, recallAt10: 1, pairs: 2 });
  });
});
