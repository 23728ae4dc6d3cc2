import type { Language } from '@svod/core';

/**
 * Everything the CLI says, in Russian and English, in one place: help texts, progress labels and
 * messages. Field issues and error codes are not here: they come from @svod/core (`issueMessage`,
 * `ERROR_TITLES`), so the CLI and the API word them alike.
 */
export type Params = Record<string, string | number>;
type Text = string | ((p: Params) => string);
interface Entry {
  ru: Text;
  en: Text;
}

/** Counts are grouped as each language writes them (1 000 / 1,000); line numbers are not. */
const count = { ru: new Intl.NumberFormat('ru-RU'), en: new Intl.NumberFormat('en-US') };
const ru = (value: string | number | undefined) => (typeof value === 'number' ? count.ru.format(value) : String(value ?? ''));
const en = (value: string | number | undefined) => (typeof value === 'number' ? count.en.format(value) : String(value ?? ''));

const MESSAGES = {
  // ── help: the program and its commands ──────────────────────────────────────────────
  'program.description': { ru: 'Свод — межгосударственный информационный банк', en: 'Svod — the interstate information bank' },
  'help.option': { ru: 'показать справку по команде', en: 'display help for command' },
  'help.command': { ru: 'показать справку по указанной команде', en: 'display help for the command named' },
  'help.usage': { ru: 'Использование:', en: 'Usage:' },
  'help.options': { ru: 'Параметры:', en: 'Options:' },
  'help.commands': { ru: 'Команды:', en: 'Commands:' },
  'help.arguments': { ru: 'Аргументы:', en: 'Arguments:' },
  'help.globalOptions': { ru: 'Общие параметры:', en: 'Global Options:' },
  'help.usageOptions': { ru: '[параметры]', en: '[options]' },
  'help.usageCommand': { ru: '[команда]', en: '[command]' },
  'help.default': { ru: (p) => `по умолчанию: ${p.value}`, en: (p) => `default: ${p.value}` },
  'help.choices': { ru: (p) => `допустимые значения: ${p.values}`, en: (p) => `choices: ${p.values}` },

  'serve.role': {
    ru: 'роль в федерации: single (один банк, по умолчанию), national (национальный узел) или central (центральный банк); иначе SVOD_FEDERATION_ROLE',
    en: 'role in the federation: single (one bank, the default), national (a state node) or central (the central bank); else SVOD_FEDERATION_ROLE',
  },
  'serve.state': { ru: 'государство национального узла (KZ, KG…); иначе SVOD_STATE', en: 'the state of a national node (KZ, KG…); else SVOD_STATE' },
  'serve.nats': {
    ru: 'сервер NATS: собственный leaf-сервер узла или хаб центрального банка; иначе SVOD_NATS_URL',
    en: "the NATS server: a node's own leaf server, or the central bank's hub; else SVOD_NATS_URL",
  },
  'serve.federation': { ru: (p) => `Федерация не настроена: ${p.problem}`, en: (p) => `Federation not set up: ${p.problem}` },
  'serve.description': {
    ru: 'запустить API и веб-консоль (в пустое хранилище предварительно загружаются демонстрационные данные)',
    en: 'serve the API and the web console (loads demo data into an empty store)',
  },
  'migrate.description': { ru: 'привести схему базы данных к текущей версии', en: 'bring the database schema up to date' },
  'seed.description': {
    ru: 'загрузить в пустое хранилище демонстрационных участников, пользователей и карточки',
    en: 'load demo participants, users and records into an empty store',
  },
  'seed.count': { ru: 'число создаваемых карточек', en: 'records to generate' },
  'import.description': {
    ru: 'загрузить карточки из файла JSON Lines; новые карточки создаются, имеющиеся обновляются по национальному номеру',
    en: 'load records from a JSON Lines file; creates new records and updates existing ones by national reference',
  },
  'import.file': {
    ru: 'файл JSON Lines, по одной карточке в строке; «-» вместо имени файла — читать стандартный ввод',
    en: 'JSON Lines file, one record per line; - reads standard input',
  },
  'import.participant': {
    ru: 'действовать от имени этого участника: строки могут не указывать owner, а строка с другим владельцем отклоняется; без этого параметра каждая строка обязана указывать своего владельца (owner); с --server владельцем становится участник, которому выдан ключ API',
    en: "act as this participant: lines may omit owner, and a line naming another owner is rejected; without it every line must name its owner; with --server the owner is the API key's participant",
  },
  'import.atomic': { ru: 'ничего не применять, если хотя бы одна строка содержит ошибку', en: 'apply nothing if any line is bad' },
  'import.chunkLines': {
    ru: 'с --server без --atomic: наибольшее число строк в одном запросе',
    en: 'with --server and without --atomic: most lines sent in one request',
  },
  'import.limitMib': {
    ru: 'с --server: предельный размер запроса импорта, установленный на сервере, МиБ; с --atomic файл большего размера не отправляется',
    en: "with --server: the server's size limit for an import request, in MiB; with --atomic a larger file is not sent",
  },
  'export.description': {
    ru: 'выгрузить в формате JSON Lines карточки, доступные участнику',
    en: 'write the records a participant may see as JSON Lines',
  },
  'export.participant': {
    ru: 'участник, от имени которого выгружаются карточки (обязателен без --server)',
    en: 'whose view of the bank to export (required without --server)',
  },
  'export.category': { ru: 'только карточки этой категории', en: 'only records of this category' },
  'export.status': { ru: 'только карточки с этим состоянием', en: 'only records with this status' },
  'generate.description': {
    ru: 'создать синтетические карточки государств — участников СНГ с эталонной разметкой (truth) в формате JSON Lines',
    en: 'write synthetic CIS records with ground truth (truth ids) as JSON Lines',
  },
  'generate.count': { ru: 'число карточек', en: 'number of records' },
  'generate.seed': {
    ru: 'начальное значение генератора: при одном и том же значении создаются одни и те же данные',
    en: 'random seed: the same seed gives the same data',
  },
  'generate.corruption': {
    ru: 'частоты искажений вместо принятых по умолчанию, например typo=0.2,transliteration=0.5',
    en: 'override corruption rates, e.g. typo=0.2,transliteration=0.5',
  },
  'generate.duplicateRate': { ru: 'доля лиц и предметов, учтённых более одного раза', en: 'share of subjects recorded more than once' },
  'generate.today': { ru: 'ни одна созданная дата не будет позже этой (ГГГГ-ММ-ДД)', en: 'no generated date is later than this (YYYY-MM-DD)' },
  'generate.activity': {
    ru: 'вместо карточек записать в хранилище месяцы взаимодействия: совпадения и ответы на них, запросы между ведомствами по соглашениям',
    en: 'instead of records, write months of cooperation into the store: hits and their answers, requests between agencies under agreements',
  },
  'generate.months': { ru: 'сколько месяцев взаимодействия (с --activity)', en: 'how many months of cooperation (with --activity)' },
  'generate.perMonth': { ru: 'совпадений и запросов в месяц (с --activity)', en: 'hits and requests a month (with --activity)' },
  'eval.description': {
    ru: 'связать карточки размеченного файла (svod generate) средствами сопоставления и вывести точность, полноту и F1 в формате JSON',
    en: 'link a labelled file (svod generate) with the matcher and print precision, recall and F1 as JSON',
  },
  'eval.input': { ru: 'файл JSON Lines с идентификатором truth в каждой карточке', en: 'JSON Lines with a truth id on every record' },
  'eval.namePairs': {
    ru: 'вместо --input: оценить сопоставление одних имён на размеченных парах (TSV, см. names/real-world/pairs.tsv)',
    en: 'instead of --input: evaluate names-only matching on labelled pairs (TSV, see names/real-world/pairs.tsv)',
  },
  'eval.byCategory': {
    ru: 'разбить показатели по парам категорий и видам искажений',
    en: 'break the figures down by category pair and corruption kind',
  },
  'eval.threshold': {
    ru: 'вероятность совпадения, начиная с которой две карточки связываются',
    en: 'match probability at which two records are linked',
  },
  'eval.pairsOut': {
    ru: 'записать каждую связанную пару в файл JSON Lines: карточки, вероятность, верна ли, искажения и сравнение по полям',
    en: 'write every linked pair as JSON Lines: the records, probability, whether it is right, corruptions and the per-field comparison',
  },
  'eval.pairsMissed': {
    ru: 'добавить в файл --pairs-out и истинные пары, которые не были связаны',
    en: 'also write to the --pairs-out file the true pairs that were not linked',
  },
  'train.description': {
    ru: 'оценить модели сопоставления (EM) по массиву JSON Lines, например по выгрузке банка',
    en: "estimate the matching models (EM) from a JSON Lines array (e.g. the bank's export)",
  },
  'train.input': { ru: 'карточки, по одной в строке', en: 'records, one per line' },
  'train.out': { ru: 'записать модели в файл JSON', en: 'write the models as JSON' },
  'train.activate': {
    ru: 'сохранить модели в хранилище и сделать их моделями, по которым банк оценивает проверки',
    en: "store the models and make them the ones the bank's checks score with",
  },
  'train.version': { ru: 'метка версии моделей', en: 'version label of the models' },
  'check.description': {
    ru: 'проверить лицо, транспортное средство или оружие по банку от имени сотрудника участника',
    en: "check a person, vehicle or firearm against the bank, as the participant's officer",
  },
  'check.participant': {
    ru: 'участник, по сведениям которого выполняется проверка (обязателен без --server)',
    en: 'whose view of the bank to check against (required without --server)',
  },
  'check.surname': { ru: 'фамилия', en: 'surname' },
  'check.given': { ru: 'имя', en: 'given name' },
  'check.patronymic': { ru: 'отчество', en: 'patronymic' },
  'check.birthDate': { ru: 'дата рождения: ГГГГ, ГГГГ-ММ или ГГГГ-ММ-ДД', en: 'date of birth: YYYY, YYYY-MM or YYYY-MM-DD' },
  'check.document': { ru: 'номер документа, удостоверяющего личность', en: 'number of an identity document' },
  'check.documentState': { ru: 'государство, выдавшее документ, например TJ', en: 'issuing state of the document, e.g. TJ' },
  'check.vin': { ru: 'идентификационный номер транспортного средства (VIN)', en: 'vehicle identification number (VIN)' },
  'check.plate': { ru: 'государственный регистрационный знак', en: 'registration plate number' },
  'check.plateState': { ru: 'государство регистрации, например UZ', en: 'state of registration of the plate, e.g. UZ' },
  'check.serial': { ru: 'серийный номер оружия', en: 'firearm serial number' },
  'audit.description': { ru: 'журнал аудита', en: 'the audit trail' },
  'auditVerify.description': {
    ru: 'проверить цепочку журнала аудита и последнюю подписанную контрольную точку; при нарушении — код выхода 1 и номер первой изменённой или удалённой записи',
    en: 'check the hash chain and the newest signed checkpoint; exit 1 naming the first edited or deleted entry',
  },
  'auditCheckpoint.description': {
    ru: 'подписать текущую вершину цепочки журнала аудита ключом аудита и сохранить контрольную точку вне базы данных',
    en: "sign the chain's head with the audit key and keep the checkpoint outside the database",
  },

  // ── help: options several commands share ────────────────────────────────────────────
  'option.purpose': { ru: 'код цели обращения, заносимый в журнал аудита', en: 'purpose code recorded in the audit trail' },
  'option.out': { ru: 'файл для записи (по умолчанию — стандартный вывод)', en: 'output file (default: stdout)' },
  'option.server': {
    ru: 'выполнить команду через API работающего сервера, например http://127.0.0.1:8080 (по умолчанию — из SVOD_SERVER); ключ API берётся из SVOD_API_KEY или --api-key-file',
    en: 'run the command through the API of a running server, e.g. http://127.0.0.1:8080 (default: SVOD_SERVER); the API key comes from SVOD_API_KEY or --api-key-file',
  },
  'option.apiKeyFile': {
    ru: 'файл с ключом API для --server (сам ключ в командной строке не принимается: он был бы виден в списке процессов)',
    en: 'file holding the API key for --server (never the key itself on the command line: it would show in the process list)',
  },

  // ── argument checks ────────────────────────────────────────────────────────────────
  'arg.positiveInt': { ru: 'должно быть целым положительным числом', en: 'must be a positive whole number' },
  'arg.positiveNumber': { ru: 'должно быть положительным числом', en: 'must be a positive number' },
  'arg.between01': { ru: 'должно быть от 0 до 1', en: 'must be between 0 and 1' },
  'arg.betweenExclusive01': { ru: 'должно быть больше 0 и меньше 1', en: 'must be between 0 and 1' },

  // ── commander's own errors, reworded ───────────────────────────────────────────────
  'cmd.error': { ru: (p) => `ошибка: ${p.message}`, en: (p) => `error: ${p.message}` },
  'cmd.missingArgument': { ru: (p) => `не указан обязательный аргумент «${p.name}»`, en: (p) => `missing required argument '${p.name}'` },
  'cmd.optionMissingArgument': {
    ru: (p) => `для параметра «${p.flags}» не указано значение`,
    en: (p) => `option '${p.flags}' argument missing`,
  },
  'cmd.missingMandatoryOption': {
    ru: (p) => `не указан обязательный параметр «${p.flags}»`,
    en: (p) => `required option '${p.flags}' not specified`,
  },
  'cmd.unknownOption': { ru: (p) => `неизвестный параметр «${p.flag}»`, en: (p) => `unknown option '${p.flag}'` },
  'cmd.unknownCommand': { ru: (p) => `неизвестная команда «${p.name}»`, en: (p) => `unknown command '${p.name}'` },
  'cmd.excessArguments': {
    ru: (p) => `слишком много аргументов: ожидается ${ru(p.expected)}, получено ${ru(p.got)}`,
    en: (p) => `too many arguments: expected ${en(p.expected)}, got ${en(p.got)}`,
  },
  'cmd.invalidOption': {
    ru: (p) => `недопустимое значение «${p.value}» параметра «${p.flags}»: ${p.reason}`,
    en: (p) => `option '${p.flags}' argument '${p.value}' is invalid: ${p.reason}`,
  },
  'cmd.invalidArgument': {
    ru: (p) => `недопустимое значение «${p.value}» аргумента «${p.name}»: ${p.reason}`,
    en: (p) => `argument '${p.name}' value '${p.value}' is invalid: ${p.reason}`,
  },
  'cmd.allowedChoices': { ru: (p) => `допустимые значения: ${p.values}`, en: (p) => `allowed choices are ${p.values}` },
  'cmd.didYouMean': { ru: (p) => `(возможно, имелось в виду ${p.what}?)`, en: (p) => `(Did you mean ${p.what}?)` },

  // ── progress ───────────────────────────────────────────────────────────────────────
  'progress.done': { ru: 'готово', en: 'done' },
  'progress.filing': { ru: 'Заполнение ключей сопоставления', en: 'Filing match keys' },
  'progress.importing': { ru: (p) => `Загрузка ${p.file}`, en: (p) => `Importing ${p.file}` },
  'progress.sending': { ru: (p) => `Отправка ${p.file} на сервер`, en: (p) => `Sending ${p.file} to the server` },
  'progress.exporting': { ru: 'Выгрузка', en: 'Exporting' },
  'progress.generating': { ru: 'Создание карточек', en: 'Generating' },
  'progress.linking': { ru: 'Связывание', en: 'Linking' },
  'progress.nameless': { ru: 'Ранжирование неопознанных для пропавших без вести', en: 'Ranking the unidentified for missing persons' },
  'progress.profiling': { ru: 'Чтение и построение профилей', en: 'Reading and profiling' },
  'progress.verifying': { ru: 'Проверка цепочки журнала аудита', en: 'Verifying audit chain' },
  'progress.crossmatching': { ru: 'Перекрёстное сопоставление', en: 'Cross-matching' },
  'progress.reconciling': { ru: (p) => `Сверка ${p.file}`, en: (p) => `Reconciling ${p.file}` },
  'progress.demo': { ru: 'Загрузка демонстрационных данных', en: 'Loading demo data' },

  // ── messages ───────────────────────────────────────────────────────────────────────
  'config.hourOfDay': {
    ru: (p) => `${p.name}=${p.raw}: укажите час суток по UTC, от 0 до 23`,
    en: (p) => `${p.name}=${p.raw}: give an hour of the day in UTC, 0 to 23`,
  },
  'config.positiveInt': {
    ru: (p) => `${p.name} должна быть целым положительным числом, а не «${p.raw}»`,
    en: (p) => `${p.name} must be a positive whole number, got "${p.raw}"`,
  },
  'config.role': {
    ru: (p) => `SVOD_FEDERATION_ROLE (--role) может быть только ${p.allowed}, а не «${p.raw}»`,
    en: (p) => `SVOD_FEDERATION_ROLE (--role) must be one of ${p.allowed}, got "${p.raw}"`,
  },
  'config.flag': {
    ru: (p) => `${p.name} может быть только true или false, а не «${p.raw}»`,
    en: (p) => `${p.name} must be true or false, got "${p.raw}"`,
  },
  'config.origins': {
    ru: (p) => `${p.name} — список источников через запятую, например https://svod.example.org; «${p.raw}» не источник`,
    en: (p) => `${p.name} must list origins such as https://svod.example.org, separated by commas; got "${p.raw}"`,
  },
  'store.inUse': {
    ru: (p) =>
      `Встроенное хранилище ${p.dir} уже открыто: ${p.holder}. Открывать его может только один процесс.\nОстановите тот процесс или выполните команду через работающий сервер: --server http://адрес:порт с ключом API в SVOD_API_KEY (docs/operations.md).`,
    en: (p) =>
      `The embedded store ${p.dir} is already open: ${p.holder}. One process at a time may open it.\nStop that process, or run the command through the running server: --server http://host:port with an API key in SVOD_API_KEY (docs/operations.md).`,
  },
  'store.heldBy': {
    ru: (p) => `процесс ${p.pid} («${p.command}», с ${p.since})`,
    en: (p) => `process ${p.pid} ("${p.command}", since ${p.since})`,
  },
  'store.heldByOther': { ru: 'другой процесс', en: 'another process' },
  'storage.pglite': { ru: (p) => `PGlite в каталоге ${p.dir}`, en: (p) => `PGlite in ${p.dir}` },
  'storage.postgres': { ru: (p) => `сервер PostgreSQL ${p.where}`, en: (p) => `PostgreSQL server ${p.where}` },
  'file.notFound': { ru: (p) => `файл не найден: ${p.path}`, en: (p) => `no such file: ${p.path}` },
  'file.denied': { ru: (p) => `нет доступа к файлу ${p.path}`, en: (p) => `permission denied: ${p.path}` },
  'file.isDirectory': { ru: (p) => `${p.path} — каталог, а не файл`, en: (p) => `${p.path} is a directory, not a file` },
  'line.notJson': { ru: (p) => `строка ${p.line}: некорректный JSON`, en: (p) => `line ${p.line}: not valid JSON` },
  'line.unprofilable': { ru: (p) => `строка ${p.line}: ${p.reason}`, en: (p) => `line ${p.line}: ${p.reason}` },

  'participant.unknown': {
    ru: (p) =>
      `Неизвестный участник ${p.code}${p.hint ? ` (возможно, ${p.hint}: коды пишутся прописными буквами)` : ''}; известные участники: ${p.known}`,
    en: (p) => `Unknown participant ${p.code}${p.hint ? ` (did you mean ${p.hint}? codes are written in capitals)` : ''}; known: ${p.known}`,
  },
  'participant.required': {
    ru: 'укажите --participant — участника, от имени которого выполняется команда (без --server он обязателен)',
    en: 'name the participant to act as with --participant (required without --server)',
  },
  'participant.notKeys': {
    ru: (p) =>
      `ключ API выдан участнику ${p.actual}: с --server карточки принадлежат ему, поэтому --participant либо не указывается, либо равен ${p.actual} (указано: ${p.given})`,
    en: (p) =>
      `the API key belongs to ${p.actual}: with --server the records are ${p.actual}'s, so --participant must be left out or be ${p.actual} (given: ${p.given})`,
  },

  'crossmatch.description': {
    ru: 'сопоставить все действующие карточки банка между собой (повторный запуск продолжает с места остановки)',
    en: 'match every active record of the bank against the others (a second run continues where the first stopped)',
  },
  'crossmatch.queued': { ru: 'только карточки, ожидающие сопоставления', en: 'only the records waiting to be matched' },
  'crossmatch.done': {
    ru: (p) => `Сопоставлено карточек: ${p.records}; пар ожидают решения: ${p.pending}`,
    en: (p) => `Records matched: ${p.records}; pairs awaiting a decision: ${p.pending}`,
  },
  'federation.description': {
    ru: 'федерация: ключ узла, реестр ключей центрального банка, ключ банка на узле, состояние (отставание, очередь, отвергнутые сообщения), досылка массива',
    en: "federation: a node's key, the central bank's register of keys, the bank's key at a node, the status (lag, outbox, dead letters), sending a whole array",
  },
  'federation.key': {
    ru: 'открытый ключ этого узла (PEM) для регистрации в центральном банке; пара ключей создаётся при первом вызове',
    en: "this node's public key (PEM) to register at the central bank; the key pair is made on first use",
  },
  'federation.keyCreated': { ru: (p) => `Создан ключ узла: ${p.file}`, en: (p) => `Node key created: ${p.file}` },
  'federation.register': {
    ru: 'внести (или заменить) открытый ключ национального узла в реестр центрального банка',
    en: "enter (or replace) a national node's public key in the central bank's register",
  },
  'federation.trustBank': {
    ru: 'внести открытый ключ центрального банка на национальном узле: без него узел откладывает всё, что присылает банк',
    en: "enter the central bank's public key at a national node: without it the node sets aside whatever the bank sends",
  },
  'federation.bankKey': { ru: 'файл с открытым ключом центрального банка (PEM)', en: "the central bank's public key file (PEM)" },
  'federation.bankTrusted': { ru: 'Ключ центрального банка внесён', en: "The central bank's key is entered" },
  'federation.disclosure': {
    ru: 'как узел передаёт массив в банк: целиком (full) или «есть совпадение / нет» (hit): только идентифицирующие сведения, карточка целиком — запросившему после подтверждения',
    en: 'how the node shares an array with the bank: whole (full) or hit / no hit (hit): reference data only, the whole record to the requester once a hit is confirmed',
  },
  'federation.category': { ru: 'массив (wanted_person, vehicle…)', en: 'the array (wanted_person, vehicle…)' },
  'federation.mode': { ru: 'full или hit', en: 'full or hit' },
  'federation.disclosureSet': {
    ru: (p) => `Массив ${p.category}: ${p.mode}; карточек поставлено в очередь: ${p.count}`,
    en: (p) => `Array ${p.category}: ${p.mode}; records queued: ${p.count}`,
  },
  'federation.state': { ru: 'государство узла (KZ, KG…)', en: 'the node’s state (KZ, KG…)' },
  'federation.publicKey': { ru: 'файл с открытым ключом узла (PEM)', en: "the node's public key file (PEM)" },
  'federation.registered': { ru: (p) => `Ключ узла ${p.state} внесён в реестр`, en: (p) => `The ${p.state} node's key is registered` },
  'federation.status': {
    ru: 'состояние федерации: роль, шина, очередь узла, отставание узлов, недоставленные и отвергнутые сообщения (JSON)',
    en: "the federation's status: role, bus, a node's outbox, the nodes' lag, undelivered and dead letters (JSON)",
  },
  'federation.backfill': {
    ru: 'поставить в очередь все карточки ведомств этого государства и отправленные запросы с их участием: новый центральный банк получит весь массив',
    en: "queue every record of this state's agencies and every sent request they are party to: a new central bank gets the whole array",
  },
  'federation.queued': {
    ru: (p) => `Поставлено в очередь карточек ${p.state}: ${p.count}; запросов с их файлами: ${p.requests}`,
    en: (p) => `${p.state} records queued: ${p.count}; requests, with their files: ${p.requests}`,
  },
  'federation.badState': {
    ru: (p) => `Государство указывается кодом ISO из двух заглавных букв (KZ, KG…), а не «${p.state}»`,
    en: (p) => `A state is given by its two-letter ISO code (KZ, KG…), not "${p.state}"`,
  },
  'federation.badKeyFile': { ru: (p) => `Не удалось прочитать ключ ${p.file}: ${p.reason}`, en: (p) => `Cannot read the key ${p.file}: ${p.reason}` },
  'groups.description': {
    ru: 'совместные следственные группы: свои группы участника или реестр установки (условия, без содержимого)',
    en: "joint investigative groups: a member's own, or the installation's register (terms, never content)",
  },
  'groups.list': {
    ru: 'группы, по строке JSON на группу: с --server — где вы участник; без него — условия всех групп установки',
    en: 'groups, one JSON line each: with --server, those you are a member of; without it, the terms of every group of the installation',
  },
  'groups.show': { ru: 'рабочее пространство группы (только участнику, через --server)', en: "a group's workspace (to a member, through --server)" },
  'groups.timeline': { ru: 'хронология группы, новые сначала', en: "the group's timeline, newest first" },
  'groups.id': { ru: 'идентификатор группы', en: 'the group’s id' },
  'groups.limit': { ru: 'не больше стольких записей (до 200)', en: 'at most this many entries (up to 200)' },
  'groups.needsServer': {
    ru: 'Группа видна только её участникам: укажите --server и сессию участника (SVOD_API_KEY)',
    en: "A group is seen by its members alone: give --server and a member's session (SVOD_API_KEY)",
  },
  'groups.status': { ru: 'только planned, active или ended', en: 'only planned, active or ended' },
  'groups.badStatus': {
    ru: (p) => `Неизвестное состояние группы «${p.status}»; допустимо: ${p.allowed}`,
    en: (p) => `Unknown group status "${p.status}"; allowed: ${p.allowed}`,
  },
  'requests.description': {
    ru: 'межгосударственные запросы: входящие и исходящие, составление, подпись, отправка, исполнение, файлы, печать в PDF',
    en: 'interstate requests: inbox and outbox, drafting, signing, sending, answering, files, printing to PDF',
  },
  'requests.participant': { ru: 'участник, чьи запросы читать (без --server)', en: 'the participant whose requests to read (without --server)' },
  'requests.role': { ru: 'роль читающего без --server', en: 'the reader’s role without --server' },
  'requests.list': { ru: 'входящие или исходящие запросы, по строке JSON на запрос', en: 'the inbox or outbox, one JSON line per request' },
  'requests.box': { ru: 'inbox (входящие) или outbox (исходящие)', en: 'inbox or outbox' },
  'requests.state': { ru: 'только в этом состоянии', en: 'only in this state' },
  'requests.overdue': { ru: 'только просроченные', en: 'only the overdue' },
  'requests.limit': { ru: 'не больше стольких запросов', en: 'at most this many' },
  'requests.show': { ru: 'запрос с историей и файлами', en: 'one request with its history and files' },
  'requests.id': { ru: 'идентификатор запроса', en: 'the request’s id' },
  'requests.create': { ru: 'составить проект запроса из файла JSON', en: 'draft a request from a JSON file' },
  'requests.file': { ru: 'файл JSON с запросом', en: 'the request as a JSON file' },
  'requests.key': {
    ru: 'ключ идемпотентности: повтор с тем же ключом не создаёт второй запрос и не повторяет действие',
    en: 'idempotency key: a retry with the same key makes no second request and repeats no step',
  },
  'requests.act': { ru: 'выполнить действие с запросом', en: 'take a step on a request' },
  'requests.action': { ru: (p) => `действие: ${p.actions}`, en: (p) => `the step: ${p.actions}` },
  'requests.text': { ru: 'текст вопроса, уточнения, ответа или причина отказа', en: 'the question, clarification, answer or reason for refusal' },
  'requests.assignee': { ru: 'исполнитель (идентификатор пользователя)', en: 'the assignee (a user id)' },
  'requests.forwardTo': { ru: 'ведомство того же государства, которому переадресовать', en: 'the agency of the same state to forward to' },
  'requests.content': { ru: 'новый текст проекта (файл JSON) для действия edit', en: 'the draft’s new content (a JSON file) for edit' },
  'requests.attach': { ru: 'приложить файл (PDF, изображение, документ Office)', en: 'attach a file (PDF, image, office document)' },
  'requests.attachment': { ru: 'прикладываемый файл', en: 'the file to attach' },
  'requests.pdf': { ru: 'напечатать запрос и ответ в PDF', en: 'print the request and its answer to a PDF' },
  'requests.out': { ru: 'куда записать PDF', en: 'where to write the PDF' },
  'requests.lang': { ru: 'язык документа: ru или en', en: 'the document’s language: ru or en' },
  'requests.written': { ru: (p) => `Записан ${p.file} (${p.bytes} байт)`, en: (p) => `Wrote ${p.file} (${p.bytes} bytes)` },
  'requests.badFile': { ru: (p) => `Файл ${p.file} не читается как JSON: ${p.reason}`, en: (p) => `The file ${p.file} is not JSON: ${p.reason}` },
  'requests.badBox': { ru: (p) => `--box: inbox или outbox, а не ${p.box}`, en: (p) => `--box: inbox or outbox, not ${p.box}` },
  'requests.badAction': {
    ru: (p) => `Неизвестное действие ${p.action}; допустимые: ${p.actions}`,
    en: (p) => `Unknown step ${p.action}; known: ${p.actions}`,
  },
  'requests.badFileType': {
    ru: (p) => `Файл ${p.file} не принимается: допустимые расширения ${p.allowed}`,
    en: (p) => `The file ${p.file} is not accepted: allowed extensions ${p.allowed}`,
  },
  'requests.needsServer': {
    ru: 'составить, подписать, отправить, исполнить запрос или приложить к нему файл может только сотрудник: укажите --server и свой ключ или сеанс (без --server запросы можно только читать)',
    en: 'drafting, signing, sending, answering or attaching to a request is an officer’s act: give --server and your key or session (without --server requests can only be read)',
  },
  'requests.badLang': { ru: (p) => `--lang: ru или en, а не ${p.lang}`, en: (p) => `--lang: ru or en, not ${p.lang}` },
  'reconcile.description': {
    ru: 'сверить национальный массив (CSV, JSON Lines, XML, XLSX) с банком: новые, изменённые, без изменений, отсутствующие в массиве, дубликаты, противоречия, совпадения с карточками других государств; последней строкой — сводка JSON',
    en: 'reconcile a national array (CSV, JSON Lines, XML, XLSX) with the bank: new, changed, unchanged, stale, duplicates, conflicts and matches with other states’ records; the last line is a JSON summary',
  },
  'reconcile.file': { ru: 'файл массива', en: 'the array file' },
  'reconcile.participant': { ru: 'участник, чей это массив (например KZ-MVD)', en: 'the participant whose array it is (e.g. KZ-MVD)' },
  'reconcile.category': { ru: 'категория учёта массива', en: 'the category of the array' },
  'reconcile.mapping': {
    ru: 'файл JSON с сопоставлением столбцов полям карточки («Фамилия» → surname …); без него столбцы угадываются по заголовкам',
    en: 'a JSON file mapping columns to record fields ("Surname" → surname …); without it the columns are guessed from the headers',
  },
  'reconcile.apply': { ru: 'применить выбранные группы одним изменением', en: 'apply the chosen groups as one change' },
  'reconcile.groups': {
    ru: 'группы для применения через запятую: new, changed, conflicts, stale',
    en: 'groups to apply, comma-separated: new, changed, conflicts, stale',
  },
  'reconcile.report': { ru: 'записать отчёт в файл HTML', en: 'write the report to an HTML file' },
  'reconcile.against': {
    ru: 'сверить каждую строку только с карточками этого участника (например, пропавших одного государства с неопознанными трупами другого)',
    en: "set every row against this participant's records only (e.g. one state's missing persons against another's unidentified bodies)",
  },
  'reconcile.badMapping': {
    ru: (p) => `Файл сопоставления ${p.file} не читается как объект JSON: ${p.reason}`,
    en: (p) => `The mapping file ${p.file} is not a JSON object: ${p.reason}`,
  },
  'reconcile.badGroup': {
    ru: (p) => `Нельзя применить группу «${p.group}»; можно: ${p.allowed}`,
    en: (p) => `The group "${p.group}" cannot be applied; allowed: ${p.allowed}`,
  },
  'reconcile.failed': {
    ru: (p) => `Файл ${p.file} не сверен (${p.where}): ${p.reason}`,
    en: (p) => `${p.file} was not reconciled (${p.where}): ${p.reason}`,
  },
  'matches.description': { ru: 'пары карточек, возможно описывающих одно лицо или предмет', en: 'pairs of records that may describe one subject' },
  'matchesList.description': {
    ru: 'вывести пары, доступные участнику, в формате JSON Lines',
    en: 'list the pairs a participant may see as JSON Lines',
  },
  'matchesList.participant': { ru: 'код участника, от имени которого выводятся пары', en: 'code of the participant whose view is listed' },
  'matchesList.status': { ru: 'статус пар', en: 'status of the pairs' },
  'hits.description': {
    ru: 'совпадения при проверках: по карточкам участника и по его проверкам',
    en: "hits: on the participant's records and from its checks",
  },
  'hitsList.description': { ru: 'вывести совпадения участника в формате JSON Lines', en: "list the participant's hits as JSON Lines" },
  'hitsList.box': {
    ru: 'inbox — по карточкам участника (ответить), outbox — по его проверкам',
    en: "inbox: on the participant's records (to answer); outbox: from its checks",
  },
  'matchesList.limit': { ru: 'сколько пар вывести (не более 200)', en: 'how many pairs to list (at most 200)' },
  'migrate.applied': { ru: (p) => `${p.storage}: применены миграции ${p.names}`, en: (p) => `${p.storage}: applied ${p.names}` },
  'migrate.current': { ru: (p) => `${p.storage}: схема уже в текущей версии`, en: (p) => `${p.storage}: already up to date` },
  'seed.notEmpty': {
    ru: 'В хранилище уже есть данные; демонстрационные данные загружаются только в пустое хранилище.',
    en: 'The store already holds data; demo data is loaded only into an empty store.',
  },
  'seed.loaded': {
    ru: (p) => `Загружено карточек: ${ru(p.records)}, учётных записей: ${ru(p.accounts)} (<участник>.<роль>).`,
    en: (p) => `Loaded ${en(p.records)} records, ${en(p.accounts)} accounts (<participant>.<role>).`,
  },
  'generate.activityWritten': {
    ru: (p) => `Записано совпадений: ${ru(p.hits)}, запросов: ${ru(p.requests)}.`,
    en: (p) => `Wrote ${en(p.hits)} hits and ${en(p.requests)} requests.`,
  },
  'demo.password': {
    ru: (p) => `Пароль всех демонстрационных учётных записей: ${p.password}`,
    en: (p) => `Password for every demo account: ${p.password}`,
  },
  'demo.loaded': {
    ru: (p) => `Загружены демонстрационные данные — карточки всех государств-участников: ${ru(p.records)}.`,
    en: (p) => `Demo data loaded: ${en(p.records)} records from every member state.`,
  },
  'demo.accounts': {
    ru: 'Демонстрационные учётные записи: <участник>.<роль>, например ru-mvd.operator, kz-gp.supervisor, bkbop.analyst, ru-mvd.administrator',
    en: 'Demo accounts: <participant>.<role>, e.g. ru-mvd.operator, kz-gp.supervisor, bkbop.analyst, ru-mvd.administrator',
  },
  'demo.kept': { ru: (p) => `(сохранено в ${p.file})`, en: (p) => `(kept in ${p.file})` },
  'serve.running': {
    ru: (p) =>
      `Свод работает (хранилище: ${p.storage})\n  консоль:          ${p.url}/\n  API:              ${p.url}/api/v1\n  документация API: ${p.url}/api/v1/docs`,
    en: (p) => `Svod is running on ${p.storage}\n  console:  ${p.url}/\n  API:      ${p.url}/api/v1\n  API docs: ${p.url}/api/v1/docs`,
  },

  'import.rejectedLine': {
    ru: (p) => `строка ${p.line}${p.ref ? ` (${p.ref})` : ''}: ${p.title}`,
    en: (p) => `line ${p.line}${p.ref ? ` (${p.ref})` : ''}: ${p.title}`,
  },
  'import.summary': {
    ru: (p) =>
      `Строк: ${ru(p.lines)}; создано карточек: ${ru(p.created)}, обновлено: ${ru(p.updated)}, без изменений: ${ru(p.unchanged)}, отклонено строк: ${ru(p.rejected)}`,
    en: (p) => `${en(p.lines)} lines: ${en(p.created)} created, ${en(p.updated)} updated, ${en(p.unchanged)} unchanged, ${en(p.rejected)} rejected`,
  },
  'import.nothingApplied': {
    ru: (p) => `Строк: ${ru(p.lines)}; ничего не применено (загрузка с --atomic), так как отклонено строк: ${ru(p.rejected)}`,
    en: (p) => `${en(p.lines)} lines: nothing applied (atomic import) because ${en(p.rejected)} lines were rejected`,
  },
  'import.rejectsCut': {
    ru: (p) => `показаны первые ${ru(p.shown)} из ${ru(p.total)} отклонённых строк`,
    en: (p) => `first ${en(p.shown)} of ${en(p.total)} rejected lines shown`,
  },
  'import.tooLargeForAtomic': {
    ru: (p) =>
      `${p.file} больше предельного размера запроса импорта на сервере (${ru(p.limit)} МиБ), а с --atomic файл отправляется одним запросом; разделите файл на части или загрузите его без --atomic`,
    en: (p) =>
      `${p.file} is larger than the server's import request limit (${en(p.limit)} MiB), and with --atomic the file goes in one request; split it, or import it without --atomic`,
  },
  'import.interrupted': {
    ru: (p) =>
      `загрузка прервана на строке ${p.line}: предшествующие строки применены; повторная загрузка того же файла безопасна — неизменённые карточки лишь учитываются`,
    en: (p) =>
      `the import stopped at line ${p.line}: the lines before it were applied; importing the same file again is safe, unchanged records are only counted`,
  },

  'eval.pairsMissedAlone': {
    ru: '--pairs-missed действует только вместе с --pairs-out',
    en: '--pairs-missed works only together with --pairs-out',
  },
  'eval.noTruth': {
    ru: (p) => `строка ${p.line}: нет поля "truth"; для eval нужны размеченные карточки (их создаёт svod generate)`,
    en: (p) => `line ${p.line}: no "truth" field; eval needs labelled records (svod generate makes them)`,
  },
  'eval.inputOrNamePairs': {
    ru: 'укажите --input (размеченные карточки) или --name-pairs (размеченные пары имён)',
    en: 'give --input (labelled records) or --name-pairs (labelled name pairs)',
  },
  'eval.namePairsUnreadable': {
    ru: (p) => `не удалось прочитать файл пар имён ${p.file}: ${p.reason}`,
    en: (p) => `cannot read the name-pairs file ${p.file}: ${p.reason}`,
  },
  'eval.namePairsInvalid': {
    ru: (p) => `файл пар имён ${p.file} не читается: ${p.reason}`,
    en: (p) => `the name-pairs file ${p.file} does not parse: ${p.reason}`,
  },
  'generate.unknownCorruption': {
    ru: (p) => `неизвестный вид искажения "${p.kind}"; известные: ${p.known}`,
    en: (p) => `unknown corruption kind "${p.kind}"; known: ${p.known}`,
  },
  'generate.corruptionRate': {
    ru: (p) => `частота искажения ${p.kind} должна быть от 0 до 1, а не «${p.value}»`,
    en: (p) => `corruption rate for ${p.kind} must be between 0 and 1, got "${p.value}"`,
  },

  'train.nowhere': {
    ru: 'укажите, куда поместить модели: --out FILE, --activate или оба параметра',
    en: 'say where the models go: --out FILE, --activate, or both',
  },
  'train.domain.person': { ru: 'лица', en: 'persons' },
  'train.domain.vehicle': { ru: 'транспортные средства', en: 'vehicles' },
  'train.domain.firearm': { ru: 'оружие', en: 'firearms' },
  'train.trained': {
    ru: (p) => `${p.domain}: карточек — ${ru(p.records)}, пар-кандидатов — ${ru(p.pairs)}, итераций EM — ${ru(p.iterations)}`,
    en: (p) => `${p.domain}: ${en(p.records)} records, ${en(p.pairs)} candidate pairs, ${en(p.iterations)} EM iterations`,
  },
  'train.noRecords': { ru: (p) => `${p.domain}: модель не оценена — нет ни одной карточки`, en: (p) => `${p.domain}: not trained — no records` },
  'train.tooFewRecords': {
    ru: (p) => `${p.domain}: модель не оценена — карточек ${ru(p.records)}, а нужно не менее двух`,
    en: (p) => `${p.domain}: not trained — ${en(p.records)} record, at least 2 are needed`,
  },
  'train.noPairs': {
    ru: (p) => `${p.domain}: модель не оценена — среди ${ru(p.records)} карточек нет пар-кандидатов (ни у каких двух нет общего ключа сопоставления)`,
    en: (p) => `${p.domain}: not trained — no candidate pairs among ${en(p.records)} records (no two share a match key)`,
  },
  'train.none': {
    ru: 'Ни одной модели оценить не удалось; ничего не записано и не активировано.',
    en: 'No model could be estimated; nothing was written or activated.',
  },
  'train.skipped': {
    ru: (p) => `Пропущены (остаются прежние модели): ${p.domains}`,
    en: (p) => `Skipped (their current models stay): ${p.domains}`,
  },
  'train.written': { ru: (p) => `модели записаны в ${p.file}`, en: (p) => `models written to ${p.file}` },
  'train.active': { ru: (p) => `используются при проверках: ${p.versions}`, en: (p) => `active for checks: ${p.versions}` },

  'audit.intact': {
    ru: (p) => `Цепочка журнала аудита не нарушена: проверено записей — ${ru(p.entries)}.`,
    en: (p) => `Audit chain intact: ${en(p.entries)} entries verified.`,
  },
  'audit.broken': {
    ru: (p) => `Цепочка журнала аудита НАРУШЕНА на записи ${p.seq}: ${p.problem} (предшествующих записей проверено — ${ru(p.entries)}).`,
    en: (p) => `Audit chain BROKEN at entry ${p.seq}: ${p.problem} (${en(p.entries)} entries before it verified).`,
  },
  'secrets.keyCreated': {
    ru: (p) =>
      `Создан ключ ${p.file}, которым зашифрованы секреты подписи вебхуков.\nХраните его отдельно от базы данных и её резервных копий: без него вебхуки придётся завести заново (docs/operations.md).`,
    en: (p) =>
      `Created the key ${p.file} that seals the webhooks' signing secrets.\nKeep it apart from the database and its backups: without it the webhooks must be registered anew (docs/operations.md).`,
  },
  'audit.keyCreated': {
    ru: (p) =>
      `Создан ключ подписи контрольных точек журнала аудита ${p.file} (открытая часть — ${p.file}.pub).\nХраните его отдельно от базы данных и её резервных копий; открытую часть передайте аудиторам (docs/operations.md).`,
    en: (p) =>
      `Created the audit checkpoint signing key ${p.file} (public half: ${p.file}.pub).\nKeep it apart from the database and its backups; give the public half to your auditors (docs/operations.md).`,
  },
  'audit.anchored': {
    ru: (p) => `Цепочка доходит до контрольной точки, подписанной ${p.at} (запись ${p.seq}).`,
    en: (p) => `It reaches the checkpoint signed at ${p.at} (entry ${p.seq}).`,
  },
  'audit.serverNoCheckpoint': {
    ru: 'Сервер не сверяет её с подписанной контрольной точкой.',
    en: 'The server holds it against no signed checkpoint.',
  },
  'audit.noCheckpoint': { ru: 'Контрольных точек ещё не подписано.', en: 'No checkpoint has been signed yet.' },
  'audit.noKey': {
    ru: (p) => `Ключа контрольных точек нет (${p.file}): удаление последних записей обнаружить нельзя.`,
    en: (p) => `No checkpoint key at ${p.file}: deletion of the newest entries cannot be detected.`,
  },
  'audit.rewritten': {
    ru: (p) => `цепочка до записи ${p.seq} пересчитана после контрольной точки от ${p.at}`,
    en: (p) => `the chain up to entry ${p.seq} was recomputed after the checkpoint of ${p.at} vouched for it`,
  },
  'audit.truncated': {
    ru: (p) => `отсутствуют записи ${p.from}–${p.to}: контрольная точка от ${p.at} их видела`,
    en: (p) => `entries ${p.from}..${p.to} are missing: the checkpoint of ${p.at} saw them`,
  },
  'audit.forged': { ru: (p) => `контрольная точка подделана: ${p.detail}`, en: (p) => `a checkpoint is forged: ${p.detail}` },
  'audit.checkpointWritten': {
    ru: (p) => `Контрольная точка подписана: запись ${p.seq}, хеш ${p.hash}, ключ ${p.key}; хранится в ${p.dir}.`,
    en: (p) => `Checkpoint signed: entry ${p.seq}, hash ${p.hash}, key ${p.key}, kept in ${p.dir}.`,
  },
  'audit.altered': { ru: (p) => `запись ${p.seq} изменена после внесения`, en: (p) => `entry ${p.seq} was altered after it was written` },
  'audit.missing': { ru: (p) => `отсутствуют записи ${p.from}–${p.to}`, en: (p) => `entries ${p.from}..${p.to} are missing` },
  'audit.relinked': {
    ru: (p) => `запись ${p.seq} не следует за записью ${p.previous}`,
    en: (p) => `entry ${p.seq} does not follow entry ${p.previous}`,
  },

  // ── talking to a server ────────────────────────────────────────────────────────────
  'remote.noKey': {
    ru: 'для --server нужен ключ API: задайте переменную окружения SVOD_API_KEY или укажите файл с ключом в --api-key-file',
    en: '--server needs an API key: set SVOD_API_KEY or name a file holding it with --api-key-file',
  },
  'remote.emptyKeyFile': { ru: (p) => `в файле ${p.path} нет ключа API`, en: (p) => `${p.path} holds no API key` },
  'remote.keyFileWithoutServer': {
    ru: '--api-key-file применяется только вместе с --server (или SVOD_SERVER)',
    en: '--api-key-file applies only with --server (or SVOD_SERVER)',
  },
  'remote.badUrl': {
    ru: (p) => `неверный адрес сервера «${p.url}»; ожидается, например, http://127.0.0.1:8080`,
    en: (p) => `"${p.url}" is not a server address; expected e.g. http://127.0.0.1:8080`,
  },
  'remote.unreachable': {
    ru: (p) => `не удалось связаться с сервером ${p.url}: ${p.reason}`,
    en: (p) => `cannot reach the server at ${p.url}: ${p.reason}`,
  },
  'remote.unauthorized': {
    ru: (p) => `сервер ${p.url} не принял ключ API: ключ неизвестен, отозван или истёк срок его действия; проверьте SVOD_API_KEY или --api-key-file`,
    en: (p) => `the server at ${p.url} did not accept the API key: it is unknown, revoked or expired; check SVOD_API_KEY or --api-key-file`,
  },
  'remote.forbidden': {
    ru: (p) => `сервер отказал в доступе: роли, которой выдан ключ, это действие не разрешено (${p.title})`,
    en: (p) => `the server refused: the role the key was issued for may not do this (${p.title})`,
  },
  'net.refused': {
    ru: 'соединение отклонено — по этому адресу ничто не ожидает подключений',
    en: 'connection refused: nothing listens at that address',
  },
  'net.notFound': { ru: 'имя сервера не найдено', en: 'no such host' },
  'net.reset': { ru: 'соединение разорвано', en: 'the connection was reset' },
  'net.timeout': { ru: 'сервер не ответил вовремя', en: 'the server did not answer in time' },
  'remote.httpStatus': {
    ru: (p) => `сервер ответил кодом HTTP ${p.status} без описания ошибки`,
    en: (p) => `the server answered HTTP ${p.status} without describing the problem`,
  },
} as const satisfies Record<string, Entry>;

export type MessageKey = keyof typeof MESSAGES;
export type Translate = (key: MessageKey, params?: Params) => string;

/** The catalogue's keys, for the test that every message exists in both languages and differs. */
export const MESSAGE_KEYS = Object.keys(MESSAGES) as MessageKey[];

export function translator(lang: Language): Translate {
  return (key, params = {}) => {
    const text: Text = MESSAGES[key][lang];
    return typeof text === 'function' ? text(params) : text;
  };
}
