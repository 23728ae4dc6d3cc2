import { type Command, InvalidArgumentError } from 'commander';
import {
  evaluationReport,
  linkProfiles,
  nameKeys,
  namelessRanking,
  type LabelledRecord,
  type MatchProfile,
  type NamelessRanking,
  type RecordInput,
  type TruthRecord,
} from '@svod/core';
import type { CommandContext } from '../context.ts';
import { CliError } from '../errors.ts';
import type { Translate } from '../i18n.ts';
import { startProgress } from '../progress.ts';
import { evaluateNamePairsFile } from './eval-name-pairs.ts';
import { writePairs, type PairLabel } from './eval-pairs.ts';
import { readLines, readProfiles } from './shared.ts';

interface EvalOptions {
  input?: string;
  namePairs?: string;
  byCategory?: boolean;
  threshold: number;
  pairsOut?: string;
  pairsMissed?: boolean;
}

export function registerEval(program: Command, ctx: CommandContext): void {
  const { t } = ctx;
  program
    .command('eval')
    .description(t('eval.description'))
    .option('--input <file>', t('eval.input'))
    .option('--name-pairs <file>', t('eval.namePairs'))
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
    .option('--pairs-out <file>', t('eval.pairsOut'))
    .option('--pairs-missed', t('eval.pairsMissed'))
    .action(
      ctx.run((options: EvalOptions) => {
        if (options.namePairs) return evaluateNamePairsFile(options.namePairs, options.threshold);
        if (!options.input) throw new CliError('eval.inputOrNamePairs');
        return evaluate(t, { ...options, input: options.input });
      }),
    );
}

/**
 * Links every record of a labelled file with the project's matcher and measures the result
 * against the `truth` ids: precision, recall and F1 over pairs and clusters, as JSON on the last line.
 */
async function evaluate(t: Translate, options: EvalOptions & { input: string }): Promise<number> {
  const started = performance.now();
  if (options.pairsMissed && !options.pairsOut) throw new CliError('eval.pairsMissedAlone');
  const labels: (LabelledRecord & PairLabel)[] = [];
  const profiles = await readProfiles(t, options.input, (label, lineNo) => {
    if (!label.truth) throw new CliError('eval.noTruth', { line: lineNo });
    labels.push({
      category: label.category,
      truth: label.truth,
      corruptions: label.corruptions,
      script: label.script,
      nationalRef: label.nationalRef,
    });
  });
  profiles.forEach((profile, i) => {
    const keys = personNameKeys(profile);
    if (keys) labels[i]!.nameKeys = keys;
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
  // Standard input cannot be read a second time: the ranked lists are measured from files only.
  const ranking = options.input === '-' ? undefined : await measureNamelessRanking(t, options.input);
  const rankedAt = performance.now();
  const report = evaluationReport(labels, result.clusterOf, options.byCategory ?? false, ranking);
  const pairs = options.pairsOut ? await writePairs(options.pairsOut, profiles, labels, result, options.pairsMissed ?? false) : undefined;
  const seconds = (ms: number) => Math.round(ms / 10) / 100;
  process.stdout.write(
    `${JSON.stringify({
      ...report,
      candidatePairs: result.candidatePairs,
      linkedPairs: result.links.length,
      ...(pairs ? { pairsOut: { file: options.pairsOut, ...pairs } } : {}),
      threshold: options.threshold,
      models: Object.fromEntries(
        Object.entries(result.models).map(([d, m]) => [d, { prior: m.prior, iterations: m.training.iterations, converged: m.training.converged }]),
      ),
      seconds: {
        total: seconds(performance.now() - started),
        profiling: seconds(profiledAt - started),
        linking: seconds(linkedAt - profiledAt),
        nameless: seconds(rankedAt - linkedAt),
      },
      peakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
    })}\n`,
  );
  return 0;
}

/** The blocking keys of a named person's names: records sharing one bear the same name (for the namesake-merge rate). */
function personNameKeys(profile: MatchProfile | undefined): string[] | undefined {
  if (profile?.domain !== 'person' || !profile.named) return undefined;
  return [...new Set(profile.names.flatMap((n) => nameKeys(n)))];
}

/**
 * The reviewer's ranked lists for missing persons (`namelessRanking`): the file is read again for
 * its missing and unidentified records, which linking's profiles do not keep whole. Lines of
 * other categories are not parsed; readProfiles has already vouched for every line.
 */
async function measureNamelessRanking(t: Translate, file: string): Promise<NamelessRanking> {
  const records: TruthRecord[] = [];
  for await (const line of readLines(file)) {
    if (!line.includes('missing_person') && !line.includes('unidentified_')) continue;
    const record = JSON.parse(line) as RecordInput & { truth: string };
    if (record.category === 'missing_person' || record.category === 'unidentified_corpse' || record.category === 'unidentified_person') {
      records.push({ truth: record.truth, record });
    }
  }
  const progress = startProgress(t, t('progress.nameless'));
  try {
    return namelessRanking(records, (done) => progress.update(done));
  } finally {
    progress.stop();
  }
}
