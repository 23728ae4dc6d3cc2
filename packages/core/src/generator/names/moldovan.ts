import type { NameList } from './types.ts';

/**
 * Moldovan names as `Romanian|Russian` (Țurcanu|Цуркану). Moldovan documents carry no
 * patronymic; Russian-language records of people born in Soviet times often do.
 */
export const MOLDOVAN: NameList = {
  surnames: [
    'Rusu|Русу', 'Ciobanu|Чобану', 'Ceban|Чебан', 'Popa|Попа', 'Țurcanu|Цуркану', 'Lungu|Лунгу',
    'Munteanu|Мунтяну', 'Cojocaru|Кожокару', 'Rotaru|Ротару', 'Sîrbu|Сырбу', 'Cebotari|Чеботарь', 'Bălan|Бэлан',
    'Moraru|Морару', 'Guțu|Гуцу', 'Roșca|Рошка', 'Botnaru|Ботнару', 'Croitoru|Кроитору', 'Melnic|Мельник',
    'Ursu|Урсу', 'Grosu|Гросу', 'Cazacu|Казаку', 'Căldare|Кэлдаре', 'Plămădeală|Плэмэдялэ', 'Dodon|Додон',
    'Sandu|Санду', 'Lupu|Лупу', 'Vlad|Влад', 'Stratan|Стратан', 'Postolachi|Постолаки', 'Dumitrașcu|Думитрашку',
    'Chiriac|Кирияк', 'Bivol|Бивол', 'Mocanu|Мокану', 'Pascari|Паскарь', 'Prodan|Продан', 'Onu|Ону',
    'Tabuncic|Табунчик', 'Spînu|Спыну', 'Covali|Коваль', 'Morari|Морарь', 'Cucu|Куку', 'Bejan|Бежан',
    'Cușnir|Кушнир', 'Gaina|Гайна', 'Cristea|Кристя', 'Surdu|Сурду', 'Negru|Негру', 'Lozan|Лозан',
    'Iordachi|Иордаки', 'Bogdan|Богдан', 'Railean|Райлян', 'Țăran|Цэран', 'Vasilache|Василаке', 'Burlacu|Бурлаку',
    'Donica|Доника', 'Filip|Филип', 'Jardan|Жардан', 'Nistor|Нистор', 'Oprea|Опря', 'Puiu|Пую',
    'Tcaciuc|Ткачук', 'Ungureanu|Унгуряну', 'Vrabie|Врабие', 'Zaharia|Захария', 'Ababii|Абабий', 'Bodiu|Бодю',
    'Ciubotaru|Чуботару', 'Dascal|Даскал', 'Eni|Ени', 'Furtună|Фуртунэ', 'Leahu|Ляху', 'Grecu|Греку',
  ],
  male: [
    'Ion|Ион', 'Vasile|Василе', 'Gheorghe|Георге', 'Nicolae|Николае', 'Mihai|Михай', 'Andrei|Андрей',
    'Alexandru|Александру', 'Dumitru|Думитру', 'Ștefan|Штефан', 'Sergiu|Сергиу', 'Vladimir|Владимир',
    'Victor|Виктор', 'Igor|Игорь', 'Ruslan|Руслан', 'Dorin|Дорин', 'Valeriu|Валериу', 'Petru|Петру',
    'Constantin|Константин', 'Iurie|Юрие', 'Octavian|Октавиан', 'Vitalie|Виталие', 'Eugen|Эуджен', 'Radu|Раду',
    'Cristian|Кристиан', 'Adrian|Адриан', 'Marin|Марин', 'Tudor|Тудор', 'Veaceslav|Вячеслав',
    'Anatolie|Анатолие', 'Grigore|Григоре', 'Pavel|Павел', 'Oleg|Олег', 'Denis|Денис', 'Maxim|Максим',
    'Artur|Артур', 'Daniel|Даниел', 'Marcel|Марчел', 'Ilie|Илие', 'Iulian|Юлиан', 'Vadim|Вадим',
    'Silviu|Сильвиу', 'Valentin|Валентин', 'Corneliu|Корнелиу', 'Emil|Эмил', 'Lucian|Лучиан',
  ],
  female: [
    'Maria|Мария', 'Elena|Елена', 'Ana|Ана', 'Natalia|Наталья', 'Tatiana|Татьяна', 'Olga|Ольга',
    'Svetlana|Светлана', 'Ala|Алла', 'Cristina|Кристина', 'Mariana|Мариана', 'Ludmila|Людмила', 'Irina|Ирина',
    'Galina|Галина', 'Valentina|Валентина', 'Ecaterina|Екатерина', 'Doina|Доина', 'Angela|Анжела', 'Diana|Диана',
    'Nadejda|Надежда', 'Victoria|Виктория', 'Aurelia|Аурелия', 'Silvia|Сильвия', 'Lilia|Лилия', 'Corina|Корина',
    'Daniela|Даниела', 'Veronica|Вероника', 'Liliana|Лилиана', 'Eugenia|Евгения', 'Tamara|Тамара', 'Lidia|Лидия',
    'Rodica|Родика', 'Viorica|Виорика', 'Zinaida|Зинаида', 'Marcela|Марчела', 'Stela|Стела', 'Nina|Нина',
    'Larisa|Лариса', 'Oxana|Оксана', 'Iulia|Юлия', 'Alexandra|Александра', 'Adriana|Адриана', 'Inga|Инга',
    'Mihaela|Михаэла', 'Ionela|Ионела', 'Dorina|Дорина',
  ],
};
