import type { Argument, Command, Option } from 'commander';
import type { Translate } from './i18n.ts';

/**
 * Commander writes its help frame and its errors in English. These overrides reword them through
 * the catalogue, so that `svod --help` and a mistyped option read in the operator's language.
 * Set on the program before any command is added: subcommands inherit them.
 */
export function localizeCommander(program: Command, t: Translate): Command {
  const titles: Record<string, string> = {
    'Usage:': t('help.usage'),
    'Options:': t('help.options'),
    'Commands:': t('help.commands'),
    'Arguments:': t('help.arguments'),
    'Global Options:': t('help.globalOptions'),
  };
  const usageWords = (text: string) =>
    text
      .split(' ')
      .map((word) => (word === '[options]' ? t('help.usageOptions') : word === '[command]' ? t('help.usageCommand') : word))
      .join(' ');
  const extras = (item: Option | Argument, showDefault: boolean) => {
    const notes: string[] = [];
    if (item.argChoices) notes.push(t('help.choices', { values: item.argChoices.join(', ') }));
    if (showDefault && item.defaultValue !== undefined) {
      notes.push(t('help.default', { value: item.defaultValueDescription ?? JSON.stringify(item.defaultValue) }));
    }
    return notes.length > 0 ? `${item.description} (${notes.join('; ')})`.trim() : item.description;
  };
  return program
    .helpOption('-h, --help', t('help.option'))
    .helpCommand('help [command]', t('help.command'))
    .configureHelp({
      styleTitle: (title) => titles[title] ?? title,
      styleUsage: usageWords,
      styleSubcommandTerm: usageWords,
      // Flags with a value show their default; a plain switch's `false` says nothing to an operator.
      optionDescription: (option) => extras(option, option.required || option.optional),
      argumentDescription: (argument) => extras(argument, true),
    })
    .configureOutput({ outputError: (text, write) => write(localizeCommanderError(text, t)) });
}

/** Commander's error sentences (lib/command.js), matched to say the same in the catalogue's words. */
const COMMANDER_ERRORS: [RegExp, (m: RegExpMatchArray, t: Translate) => string][] = [
  [/^missing required argument '(.+)'$/, (m, t) => t('cmd.missingArgument', { name: m[1]! })],
  [/^option '(.+)' argument missing$/, (m, t) => t('cmd.optionMissingArgument', { flags: m[1]! })],
  [/^required option '(.+)' not specified$/, (m, t) => t('cmd.missingMandatoryOption', { flags: m[1]! })],
  [/^unknown option '(.+)'$/, (m, t) => t('cmd.unknownOption', { flag: m[1]! })],
  [/^unknown command '(.+)'$/, (m, t) => t('cmd.unknownCommand', { name: m[1]! })],
  [
    /^too many arguments(?: for '.+')?\. Expected (\d+) arguments? but got (\d+)\.$/,
    (m, t) => t('cmd.excessArguments', { expected: Number(m[1]), got: Number(m[2]) }),
  ],
  [
    /^option '(.+)' argument '(.*)' is invalid\. ?(.*)$/,
    (m, t) => t('cmd.invalidOption', { flags: m[1]!, value: m[2]!, reason: localizeReason(m[3]!, t) }),
  ],
  [
    /^command-argument value '(.*)' is invalid for argument '(.+)'\. ?(.*)$/,
    (m, t) => t('cmd.invalidArgument', { value: m[1]!, name: m[2]!, reason: localizeReason(m[3]!, t) }),
  ],
];

function localizeReason(reason: string, t: Translate): string {
  const choices = /^Allowed choices are (.+)\.$/.exec(reason);
  return choices ? t('cmd.allowedChoices', { values: choices[1]! }) : reason;
}

/**
 * Rewords one error as commander wrote it ("error: …", maybe followed by "(Did you mean …?)");
 * anything it does not recognise passes unchanged rather than being lost.
 */
export function localizeCommanderError(text: string, t: Translate): string {
  const [first = '', ...rest] = text.replace(/\n$/, '').split('\n');
  const body = first.replace(/^error: /, '');
  const rule = COMMANDER_ERRORS.find(([pattern]) => pattern.test(body));
  if (!rule) return text;
  const lines = [t('cmd.error', { message: rule[1](body.match(rule[0])!, t) })];
  for (const line of rest) {
    const suggestion = /^\(Did you mean (?:one of )?(.+)\?\)$/.exec(line);
    lines.push(suggestion ? t('cmd.didYouMean', { what: suggestion[1]! }) : line);
  }
  return `${lines.join('\n')}\n`;
}
