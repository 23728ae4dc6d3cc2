import { type Command, InvalidArgumentError } from 'commander';
import { evaluationReport, linkProfiles, type LabelledRecord } from '@svod/core';
import type { CommandContext } from '../context.ts';
import { CliError } from '../errors.ts';
import type { Translate } from '../i18n.ts';
import { startProgress } from '../progress.ts';
import { readProfiles } from './shared.ts';

interface EvalOptions {
  input: string;
  byCategory?: boolean;
  threshold: number;
}

export function registerEval(program: Command, ctx: CommandContext): void {
  const { t } = ctx;
  program
    .command('eval')
    .description(t('eval.description'))
    .requiredOption('--input <file>', t('eval.input'))
    .option('--by-category', t('eval.byCategory'))
    .option(
      '--threshold <p>',
      t('eval.threshold'),
      (v) => {
        const p = Number(v);
        if (!(p > 0 && p < 1)) throw new InvalidArgumentError(t('arg.betweenExclusive01'));
        return p;
      },
      0.5,
    )
    .action(ctx.run((options: EvalOptions) => evaluate(t, options)));
}

/**
 * Links every record of a labelled file with the project's matcher and measures the result
 * against the `truth` ids: precision, recall and F1 over pairs and clusters, as JSON on the last line.
 */
async function evaluate(t: Translate, options: EvalOptions): Promise<number> {
  const started = performance.now();
  const labels: LabelledRecord[] = [];
  const profiles = await readProfiles(t, options.input, (label, lineNo) => {
    if (!label.truth) throw new CliError('eval.noTruth', { line: lineNo });
    labels.push({ category: label.category, truth: label.truth, corruptions: label.corruptions, script: label.script });
  });
  const profiledAt = performance.now();
  const linking = startProgress(t, t('progress.linking'));
  const result = linkProfiles(profiles, {
    threshold: options.threshold,
    sourceOf: labels.map((l) => l.category),
    onProgress: (_stage, done) => linking.update(done),
  });
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
