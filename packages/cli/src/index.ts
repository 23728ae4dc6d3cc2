import { type CliConfig, languageOf, readConfig } from './config.ts';
import { describeError } from './errors.ts';
import { translator } from './i18n.ts';
import { buildProgram } from './program.ts';

let config: CliConfig;
try {
  config = readConfig();
} catch (error) {
  // The configuration itself is wrong (say PORT=abc): said in the language the environment asks for.
  const lang = languageOf(process.env);
  process.stderr.write(`svod: ${describeError(error, translator(lang), lang)}\n`);
  process.exit(1);
}
await buildProgram(config).parseAsync(process.argv);
