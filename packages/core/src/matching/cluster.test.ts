import { describe, expect, it } from 'vitest';
import { clusterByAverageLink } from './cluster.ts';

/** Pairs as [a, b, weight in bits]: flattened the way linking hands them over. */
const cluster = (records: number, scored: [number, number, number][], conflicts?: number[]) =>
  Array.from(
    clusterByAverageLink(
      records,
      scored.flatMap((pair) => pair.slice(0, 2)),
      scored.map(([, , w]) => w),
      0,
      conflicts,
    ),
  );

describe('clustering scored pairs', () => {
  it('a record that links weakly to two groups that were compared and disagree joins only one of them', () => {
    const clusters = cluster(5, [
      [0, 1, 20],
      [2, 3, 20],
      [0, 4, 3],
      [2, 4, 3],
      [0, 2, -10],
      [0, 3, -10],
      [1, 2, -10],
      [1, 3, -10],
    ]);
    expect(clusters[0]).toBe(clusters[1]);
    expect(clusters[2]).toBe(clusters[3]);
    expect(clusters[0]).not.toBe(clusters[2]);
  });

  it('a record with a weak link to each member of one group joins it', () => {
    expect(
      cluster(3, [
        [0, 1, 20],
        [0, 2, 2],
        [1, 2, -1],
      ]),
    ).toEqual([0, 0, 0]);
  });

  it('records found only through a chain of strong links are one cluster, named by its first record', () => {
    expect(
      cluster(4, [
        [2, 3, 9],
        [1, 2, 8],
        [0, 1, 7],
      ]),
    ).toEqual([0, 0, 0, 0]);
  });

  it('a pair that contradicts keeps its groups apart however strong their links', () => {
    const clusters = cluster(
      3,
      [
        [0, 1, 20],
        [1, 2, 20],
        [0, 2, 15],
      ],
      [0, 0, 1],
    );
    expect(clusters[0]).toBe(clusters[1]);
    expect(clusters[2]).not.toBe(clusters[0]);
  });

  it('the result does not depend on the order the pairs come in', () => {
    const scored: [number, number, number][] = [
      [0, 1, 5],
      [1, 2, 5],
      [0, 2, -20],
      [3, 4, 1],
    ];
    expect(cluster(5, scored)).toEqual(cluster(5, [...scored].reverse()));
  });
});

describe('a record that could be either of two people', () => {
  // Records 1 and 2 are namesakes born on different days; record 0 has no birth date.
  const rivals = (a: number, b: number) => (a === 1 && b === 2) || (a === 2 && b === 1);
  const clusterWithRivals = (scored: [number, number, number][]) =>
    Array.from(
      clusterByAverageLink(
        3,
        scored.flatMap((pair) => pair.slice(0, 2)),
        scored.map(([, , w]) => w),
        0,
        undefined,
        rivals,
      ),
    );

  it('joins neither when its links to them are about as strong', () => {
    expect(
      clusterWithRivals([
        [0, 1, 4.5],
        [0, 2, 4],
      ]),
    ).toEqual([0, 1, 2]);
  });

  it('joins the one it clearly resembles more, and never both', () => {
    expect(
      clusterWithRivals([
        [0, 1, 4],
        [0, 2, 12],
      ]),
    ).toEqual([0, 1, 0]);
  });
});
