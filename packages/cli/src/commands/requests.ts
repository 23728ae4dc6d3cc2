import { readFile, writeFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import type { Command } from 'commander';
import {
  REQUEST_ACTIONS,
  RequestCreateBody,
  RequestTransition,
  type RequestAction,
  type RequestCreate,
  type RequestPage,
  type RequestTransition as Transition,
  type RequestView,
  type Role,
} from '@svod/core';
import { compileAsserter, createAjv, getRequest, listParticipants, listRequests, requestPdf, type Db, type RequestFilter } from '@svod/server';
import type { CommandContext } from '../context.ts';
import { CliError } from '../errors.ts';
import { addRemoteOptions, positiveInt, purposeOption, type RemoteFlags } from '../options.ts';
import { assertKeysParticipant, checkedParticipant, requiredParticipant } from '../participant.ts';
import type { ApiClient } from '../remote/client.ts';
import { connectRemote } from '../remote/connect.ts';
import { cliActor, withStorage } from './shared.ts';

interface RequestFlags extends RemoteFlags {
  participant?: string;
  role: Role;
  purpose: string;
}

/** The content types of the files the bank takes with a request, by extension. */
const FILE_TYPES: Record<string, string> = {
  '.pdf': 'application/pdf',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.odt': 'application/vnd.oasis.opendocument.text',
  '.ods': 'application/vnd.oasis.opendocument.spreadsheet',
  '.doc': 'application/msword',
  '.xls': 'application/vnd.ms-excel',
};

type LocalCall<T> = (store: { db: Db; actor: ReturnType<typeof cliActor>; purpose: string }) => Promise<T>;

/**
 * One request operation, through a server (the credential acts) or, for reading, on the store
 * in-process as the participant's officer of `--role`. A request is correspondence between
 * officers: drafting, signing, answering and attaching are a person's (or an agency system's),
 * through a server with their session or key — never the store's own hand.
 */
async function act<T>(ctx: CommandContext, flags: RequestFlags, local: LocalCall<T> | null, remote: (client: ApiClient) => Promise<T>): Promise<T> {
  const client = connectRemote(ctx.config, flags, flags.purpose);
  if (client) {
    if (flags.participant !== undefined) assertKeysParticipant((await client.me()).participant, flags.participant);
    return remote(client);
  }
  if (!local) throw new CliError('requests.needsServer');
  const participant = requiredParticipant(flags.participant);
  return withStorage(ctx.config, async (db) =>
    local({ db, actor: cliActor(await checkedParticipant(db, participant), flags.role), purpose: flags.purpose }),
  );
}

const print = (value: unknown) => process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
const json = (value: unknown) => ({ body: JSON.stringify(value), contentType: 'application/json' });

async function readJson(path: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new CliError('requests.badFile', { file: path, reason: error instanceof Error ? error.message : String(error) });
  }
}

export function registerRequests(program: Command, ctx: CommandContext): void {
  const { t } = ctx;
  const requests = program.command('requests').description(t('requests.description'));
  const common = (command: Command) =>
    addRemoteOptions(
      command
        .option('--participant <code>', t('requests.participant'))
        .option('--role <role>', t('requests.role'), 'supervisor')
        .addOption(purposeOption(t)),
      t,
    );

  common(
    requests
      .command('list')
      .description(t('requests.list'))
      .option('--box <box>', t('requests.box'), 'inbox')
      .option('--state <state>', t('requests.state'))
      .option('--overdue', t('requests.overdue'))
      .option('--limit <n>', t('requests.limit'), positiveInt(t), 50),
  ).action(
    ctx.run(async (flags: RequestFlags & { box: string; state?: string; overdue?: boolean; limit: number }) => {
      if (flags.box !== 'inbox' && flags.box !== 'outbox') throw new CliError('requests.badBox', { box: flags.box });
      const filter = { box: flags.box, ...(flags.state ? { state: flags.state } : {}), ...(flags.overdue ? { overdue: true } : {}) } as RequestFilter;
      const page = await act(
        ctx,
        flags,
        (store) => listRequests(store, filter, flags.limit),
        (client) =>
          client.json<RequestPage>('GET', '/requests', {
            query: { box: flags.box, state: flags.state, overdue: flags.overdue ? 'true' : undefined, limit: String(flags.limit) },
          }),
      );
      for (const item of page.items) process.stdout.write(`${JSON.stringify(item)}\n`);
      return 0;
    }),
  );

  common(requests.command('show').description(t('requests.show')).argument('<id>', t('requests.id'))).action(
    ctx.run(async (id: string, flags: RequestFlags) => {
      print(
        await act(
          ctx,
          flags,
          (store) => getRequest(store, id),
          (client) => client.json<RequestView>('GET', `/requests/${encodeURIComponent(id)}`),
        ),
      );
      return 0;
    }),
  );

  common(
    requests
      .command('create')
      .description(t('requests.create'))
      .argument('<file>', t('requests.file'))
      .option('--idempotency-key <key>', t('requests.key')),
  ).action(
    ctx.run(async (file: string, flags: RequestFlags & { idempotencyKey?: string }) => {
      const content = compileAsserter<RequestCreate>(createAjv(), RequestCreateBody)(await readJson(file));
      const created = await act(ctx, flags, null, (client) =>
        client.json<RequestView>('POST', '/requests', { ...json(content), headers: idempotency(flags.idempotencyKey) }),
      );
      print(created);
      return 0;
    }),
  );

  common(
    requests
      .command('act')
      .description(t('requests.act'))
      .argument('<id>', t('requests.id'))
      .argument('<action>', t('requests.action', { actions: REQUEST_ACTIONS.join(', ') }))
      .option('--text <text>', t('requests.text'))
      .option('--assignee <userId>', t('requests.assignee'))
      .option('--forward-to <code>', t('requests.forwardTo'))
      .option('--content <file>', t('requests.content'))
      .option('--idempotency-key <key>', t('requests.key')),
  ).action(
    ctx.run(
      async (
        id: string,
        action: string,
        flags: RequestFlags & { text?: string; assignee?: string; forwardTo?: string; content?: string; idempotencyKey?: string },
      ) => {
        if (!REQUEST_ACTIONS.includes(action as RequestAction))
          throw new CliError('requests.badAction', { action, actions: REQUEST_ACTIONS.join(', ') });
        const raw = {
          action,
          ...(flags.text !== undefined ? { text: flags.text } : {}),
          ...(flags.assignee !== undefined ? { assignee: flags.assignee } : {}),
          ...(flags.forwardTo !== undefined ? { forwardTo: flags.forwardTo } : {}),
          ...(flags.content !== undefined ? { content: await readJson(flags.content) } : {}),
        };
        const step = compileAsserter<Transition>(createAjv(), RequestTransition)(raw);
        print(
          await act(ctx, flags, null, (client) =>
            client.json<RequestView>('POST', `/requests/${encodeURIComponent(id)}/transitions`, {
              ...json(step),
              headers: idempotency(flags.idempotencyKey),
            }),
          ),
        );
        return 0;
      },
    ),
  );

  common(
    requests.command('attach').description(t('requests.attach')).argument('<id>', t('requests.id')).argument('<file>', t('requests.attachment')),
  ).action(
    ctx.run(async (id: string, file: string, flags: RequestFlags) => {
      const contentType = FILE_TYPES[extname(file).toLowerCase()];
      if (!contentType) throw new CliError('requests.badFileType', { file, allowed: Object.keys(FILE_TYPES).join(' ') });
      const data = await readFile(file);
      const filename = basename(file);
      print(
        await act(ctx, flags, null, (client) =>
          client.json('POST', `/requests/${encodeURIComponent(id)}/attachments`, { query: { filename }, body: new Blob([data]), contentType }),
        ),
      );
      return 0;
    }),
  );

  common(
    requests
      .command('pdf')
      .description(t('requests.pdf'))
      .argument('<id>', t('requests.id'))
      .requiredOption('--out <file>', t('requests.out'))
      .option('--lang <lang>', t('requests.lang'), 'ru'),
  ).action(
    ctx.run(async (id: string, flags: RequestFlags & { out: string; lang: string }) => {
      if (flags.lang !== 'ru' && flags.lang !== 'en') throw new CliError('requests.badLang', { lang: flags.lang });
      const lang = flags.lang;
      const pdf = await act(
        ctx,
        flags,
        async (store) => {
          const view = await getRequest(store, id, 'request.print');
          const names = Object.fromEntries((await listParticipants(store.db)).map((p) => [p.code, lang === 'en' ? p.nameEn : p.nameRu]));
          return requestPdf(view, { lang, participantNames: names });
        },
        async (client) =>
          Buffer.from(
            await (await client.send('GET', `/requests/${encodeURIComponent(id)}/pdf`, { query: { lang }, accept: 'application/pdf' })).arrayBuffer(),
          ),
      );
      await writeFile(flags.out, pdf);
      process.stderr.write(`${t('requests.written', { file: flags.out, bytes: pdf.length })}\n`);
      return 0;
    }),
  );
}

const idempotency = (key: string | undefined): Record<string, string> => (key ? { 'idempotency-key': key } : {});
