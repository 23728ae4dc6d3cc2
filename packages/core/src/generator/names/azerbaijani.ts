import type { NameList } from './types.ts';

/**
 * Azerbaijani names as `Azerbaijani|Russian`: the Russian forms are the established Soviet
 * ones (Məmmədov → Мамедов, Hüseynov → Гусейнов), which no letter rule produces.
 * The list includes the -li/-lı and -zadə surnames families took after 1991.
 */
export const AZERBAIJANI: NameList = {
  surnames: [
    'Məmmədov|Мамедов', 'Əliyev|Алиев', 'Həsənov|Гасанов', 'Hüseynov|Гусейнов', 'Quliyev|Кулиев',
    'İsmayılov|Исмаилов', 'Abbasov|Аббасов', 'Rzayev|Рзаев', 'Qasımov|Касумов', 'Cəfərov|Джафаров',
    'Bağırov|Багиров', 'Nəsirov|Насиров', 'Hacıyev|Гаджиев', 'İbrahimov|Ибрагимов', 'Kərimov|Керимов',
    'Məhərrəmov|Магеррамов', 'Süleymanov|Сулейманов', 'Əhmədov|Ахмедов', 'Rəhimov|Рагимов', 'Vəliyev|Велиев',
    'Orucov|Оруджев', 'Nağıyev|Нагиев', 'Babayev|Бабаев', 'Zeynalov|Зейналов', 'Əsgərov|Аскеров',
    'Şükürov|Шукюров', 'Mustafayev|Мустафаев', 'Xəlilov|Халилов', 'Həmidov|Гамидов', 'Sadıqov|Садыхов',
    'Allahverdiyev|Аллахвердиев', 'Paşayev|Пашаев', 'Salmanov|Салманов', 'Tağıyev|Тагиев', 'Əzizov|Азизов',
    'Nəbiyev|Набиев', 'Musayev|Мусаев', 'Qəhrəmanov|Гахраманов', 'Məlikov|Меликов', 'Qurbanov|Курбанов',
    'Yusifov|Юсифов', 'Əkbərov|Акперов', 'Bayramov|Байрамов', 'Heydərov|Гейдаров', 'Nuriyev|Нуриев',
    'Səfərov|Сафаров', 'Mirzəyev|Мирзоев', 'Əfəndiyev|Эфендиев', 'Cavadov|Джавадов', 'Sultanov|Султанов',
    'Rüstəmov|Рустамов', 'Hümbətov|Гумбатов', 'Kazımov|Казымов', 'Abdullayev|Абдуллаев', 'Həsənli|Гасанлы',
    'Məmmədli|Мамедли', 'Əlizadə|Ализаде', 'Quluzadə|Кулизаде', 'Hüseynli|Гусейнли', 'Axundov|Ахундов',
    'Namazov|Намазов', 'Talıbov|Талыбов', 'Şirinov|Ширинов', 'Əsədov|Асадов', 'Verdiyev|Вердиев',
    'Rəsulov|Расулов', 'Nəcəfov|Наджафов', 'Aslanov|Асланов', 'Qafarov|Гафаров', 'Novruzov|Новрузов',
  ],
  male: [
    'Əli|Али', 'Məmməd|Мамед', 'Hüseyn|Гусейн', 'Həsən|Гасан', 'Elvin|Эльвин', 'Elçin|Эльчин', 'Rəşad|Рашад',
    'Orxan|Орхан', 'Tural|Турал', 'Vüqar|Вугар', 'Ramil|Рамиль', 'Rauf|Рауф', 'Elnur|Эльнур', 'Kamran|Камран',
    'Anar|Анар', 'Emin|Эмин', 'Fuad|Фуад', 'Nicat|Ниджат', 'Samir|Самир', 'Elşən|Эльшан', 'Ruslan|Руслан',
    'Zaur|Заур', 'Səbuhi|Сабухи', 'Fərid|Фарид', 'Ceyhun|Джейхун', 'Vüsal|Вусал', 'Nurlan|Нурлан',
    'Cavid|Джавид', 'Murad|Мурад', 'Rövşən|Ровшан', 'Elxan|Эльхан', 'İlqar|Ильгар', 'Namiq|Намик',
    'Rasim|Расим', 'Vaqif|Вагиф', 'Yaşar|Яшар', 'Şahin|Шахин', 'Azər|Азер', 'Rəhim|Рагим', 'Xəyal|Хаял',
    'Toğrul|Тогрул', 'Ülvi|Ульви', 'Mirzə|Мирза', 'Ayxan|Айхан', 'Əkbər|Акпер', 'Fərhad|Фархад',
    'Qasım|Гасым', 'İsmayıl|Исмаил', 'Heydər|Гейдар', 'Sadiq|Садиг',
  ],
  female: [
    'Aynur|Айнур', 'Günel|Гюнель', 'Leyla|Лейла', 'Nərgiz|Наргиз', 'Səbinə|Сабина', 'Aytən|Айтен',
    'Nigar|Нигяр', 'Lalə|Ляля', 'Türkan|Туркан', 'Gülnar|Гюльнар', 'Sevinc|Севиндж', 'Aysel|Айсель',
    'Fidan|Фидан', 'Könül|Кёнуль', 'Ülviyyə|Ульвия', 'Səidə|Саида', 'Zəhra|Захра', 'Xədicə|Хадиджа',
    'Samirə|Самира', 'Nərmin|Нармин', 'Aygün|Айгюн', 'Təranə|Терана', 'Vüsalə|Вусала', 'İlahə|Илаха',
    'Gülşən|Гюльшан', 'Rəna|Рена', 'Sevda|Севда', 'Aidə|Аида', 'Zərifə|Зарифа', 'Mehriban|Мехрибан',
    'Şəlalə|Шалала', 'Kəmalə|Камала', 'Ayşən|Айшан', 'Elmira|Эльмира', 'Nailə|Наиля', 'Sona|Сона',
    'Afət|Афет', 'Zümrüd|Зумруд', 'Arzu|Арзу', 'Bahar|Бахар', 'Dilarə|Диляра', 'Fatimə|Фатима',
    'Həcər|Хаджар', 'Məleykə|Малейка',
  ],
};
