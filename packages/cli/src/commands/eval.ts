import { evaluationReport, linkProfiles, type LabelledRecord } from '@svod/core';
import type { CliConfig } from '../config.ts';
import { startProgress } from '../progress.ts';
import { readProfiles } from './shared.ts';

/**
 * Links every record of a labelled file with the project's matcher and measures the result
 * against the `truth` ids: precision, recall and F1 over pairs and clusters, as JSON on the last line.
 */
export async function evaluate(_config: CliConfig, options: { input: string; byCategory?: boolean; threshold: number }): Promise<number> {
  const started = performance.now();
  const labels: LabelledRecord[] = [];
  const profiles = await readProfiles(options.input, (label, lineNo) => {
    if (!label.truth) {
      throw new Error(`line ${lineNo}: no "truth" field; eval needs labelled records (svod generate makes them)`);
    }
    labels.push({ category: label.category, truth: label.truth, corruptions: label.corruptions, script: label.script });
  });
  const profiledAt = performance.now();
  const linking = startProgress('Linking');
  const result = linkProfiles(profiles, { threshold: options.threshold, onProgress: (_stage, done) => linking.update(done) });
  linking.stop();
  const linkedAt = performance.now();
  const report = evaluationReport(labels, result.clusterOf, options.byCategory ?? false);
  const seconds = (ms: number) => Math.round(ms / 10) / 100;
  process.stdout.write(
    `${JSON.stringify({
      ...report,
      candidatePairs: result.candidatePairs,
      linkedPairs: result.links.length,
      threshold: options.threshold,
      models: Object.fromEntries(
        Object.entries(result.models).map(([d, m]) => [d, { prior: m.prior, iterations: m.training.iterations, converged: m.training.converged }]),
      ),
      seconds: { total: seconds(performance.now() - started), profiling: seconds(profiledAt - started), linking: seconds(linkedAt - profiledAt) },
      peakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
    })}\n`,
  );
  return 0;
}
