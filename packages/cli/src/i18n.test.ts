import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { readConfig } from './config.ts';
import { MESSAGE_KEYS, translator } from './i18n.ts';
import { buildProgram } from './program.ts';
import { runCli, type CliResult } from './test/run-cli.ts';

/** Every description the help shows, by where it appears: commands, their arguments and options. */
function descriptions(command: Command, path = command.name()): Map<string, string> {
  const found = new Map<string, string>([[path, command.description()]]);
  const help = command.createHelp();
  for (const option of new Set([...command.options, ...help.visibleOptions(command)])) found.set(`${path} ${option.flags}`, option.description);
  for (const argument of command.registeredArguments) found.set(`${path} <${argument.name()}>`, argument.description);
  for (const sub of help.visibleCommands(command)) {
    const subPath = `${path} ${sub.name()}`;
    if (command.commands.includes(sub)) for (const [key, text] of descriptions(sub, subPath)) found.set(key, text);
    else found.set(subPath, sub.description());
  }
  return found;
}

/** Texts that may read the same in both languages (none today: names and flags are not descriptions). */
const SAME_IN_BOTH = new Set<string>();

describe('the CLI in Russian and English', () => {
  it('every command, argument and option has a description in both languages, and the two differ', () => {
    const ru = descriptions(buildProgram(readConfig({ SVOD_LANG: 'ru' })));
    const en = descriptions(buildProgram(readConfig({ SVOD_LANG: 'en' })));
    expect([...ru.keys()].sort()).toEqual([...en.keys()].sort());
    expect(ru.size).toBeGreaterThan(40);
    const problems: string[] = [];
    for (const [where, russian] of ru) {
      const english = en.get(where) ?? '';
      if (!russian.trim()) problems.push(`${where}: no Russian description`);
      if (!english.trim()) problems.push(`${where}: no English description`);
      if (russian === english && !SAME_IN_BOTH.has(where)) problems.push(`${where}: the same in both languages: "${russian}"`);
      if (/[а-яё]/i.test(english)) problems.push(`${where}: Cyrillic in the English description`);
      if (!/[а-яё]/i.test(russian)) problems.push(`${where}: no Cyrillic in the Russian description`);
    }
    expect(problems).toEqual([]);
  });

  it('every message of the catalogue exists in both languages and reads differently in each', () => {
    const ru = translator('ru');
    const en = translator('en');
    const sample = { line: 7, code: 'XX', file: 'a.jsonl', domain: 'x', records: 3, path: '/x', url: 'http://h', title: 'T', reason: 'R' };
    const same = MESSAGE_KEYS.filter((key) => ru(key, sample) === en(key, sample));
    expect(same).toEqual([]);
    for (const key of MESSAGE_KEYS) {
      expect(ru(key, sample).trim(), key).not.toBe('');
      expect(en(key, sample).trim(), key).not.toBe('');
    }
  });

  it("import's help states who owns the records: without --participant every line names its owner, with it a line naming another owner is rejected", async () => {
    const english = await svod({ SVOD_LANG: 'en' }, 'import', '--help');
    expect(english.stdout.replace(/\s+/g, ' ')).toContain(
      '--participant <code> act as this participant: lines may omit owner, and a line naming another owner is rejected; without it every line must name its owner',
    );
    const russian = await svod({ SVOD_LANG: 'ru' }, 'import', '--help');
    expect(russian.stdout.replace(/\s+/g, ' ')).toContain(
      'строки могут не указывать owner, а строка с другим владельцем отклоняется; без этого параметра каждая строка обязана указывать своего владельца (owner)',
    );
  });

  it('help and the refusal of a mistyped option are Russian by default and English under SVOD_LANG=en', async () => {
    const russian = await svod({ LANG: 'ru_RU.UTF-8' }, 'generate', '--count', 'x');
    expect(russian.code).toBe(1);
    expect(russian.stderr).toContain('ошибка: недопустимое значение «x» параметра «--count <n>»: должно быть целым положительным числом');
    expect(russian.stderr).toContain('Использование: svod generate [параметры]');
    expect(russian.stderr).toContain('начальное значение генератора');
    const english = await svod({ SVOD_LANG: 'en' }, 'generate', '--count', 'x');
    expect(english.stderr).toContain("option '--count <n>' argument 'x' is invalid: must be a positive whole number");
    expect(english.stderr).toContain('Usage: svod generate [options]');
    const corruption = await svod({ SVOD_LANG: 'ru' }, 'generate', '--count', '10', '--corruption', 'gremlins=0.5');
    expect(corruption.stderr).toContain('неизвестный вид искажения "gremlins"');
  });
});

function svod(env: Record<string, string>, ...args: string[]): Promise<CliResult> {
  return runCli({ PATH: process.env.PATH, ...env }, args);
}
