/**
 * Group commit: callers that arrive while a batch is being written wait together and are
 * written as the next batch, in the order they arrived. A caller's promise settles only when
 * the batch that holds its item has been written (or has failed: then every caller of that
 * batch is rejected with the same error). One batch is written at a time, so the order of the
 * batches is the order of arrival too.
 *
 * No timer: a caller alone is written at once; a batch forms only from callers that would
 * otherwise have queued behind the one being written.
 */
export class GroupCommit<T, R> {
  private waiting: { item: T; resolve: (result: R) => void; reject: (error: unknown) => void }[] = [];
  private writing = false;

  /**
   * @param write writes the items as one unit and returns one result per item, in order.
   * @param maxBatch the most items per unit (a statement's parameters are bounded).
   */
  constructor(
    private readonly write: (items: T[]) => Promise<R[]>,
    private readonly maxBatch: number,
  ) {}

  add(item: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.waiting.push({ item, resolve, reject });
      if (this.writing) return;
      this.writing = true;
      // Callers of the same turn of the event loop (a burst of requests) join one batch.
      queueMicrotask(() => void this.drain());
    });
  }

  private async drain(): Promise<void> {
    while (this.waiting.length > 0) {
      const batch = this.waiting.splice(0, this.maxBatch);
      try {
        const results = await this.write(batch.map((w) => w.item));
        if (results.length !== batch.length) throw new Error(`a batch of ${batch.length} was written with ${results.length} results`);
        for (const [i, w] of batch.entries()) w.resolve(results[i]!);
      } catch (error) {
        for (const w of batch) w.reject(error);
      }
    }
    this.writing = false;
  }
}
