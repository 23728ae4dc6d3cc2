import type { NameList } from './types.ts';

/**
 * Uzbek names in the Uzbek Latin alphabet (oʻ and gʻ written here with the ASCII apostrophe;
 * records vary it). The Russian spelling follows rules (Toshmatov → Ташматов) except where
 * the established Russian form differs and is given after `|`.
 */
export const UZBEK: NameList = {
  surnames: [
    'Karimov', 'Yusupov', 'Rahimov', 'Abdullayev', 'Tursunov', 'Ergashev', 'Xolmatov', 'Qodirov|Кадыров', 'Aliyev',
    'Mirzayev', 'Sobirov', 'Hasanov', 'Saidov', 'Ismoilov', 'Rustamov', 'Nazarov', 'Toshmatov', 'Mahmudov', 'Umarov',
    'Sultonov', 'Abdurahmonov', "Yo'ldoshev", 'Usmonov', 'Azimov', "Jo'rayev|Джураев", "Xudoyberdiyev|Худайбердиев",
    'Murodov', 'Normatov|Норматов', 'Salimov', 'Safarov', 'Fayzullayev', 'Haydarov|Хайдаров', 'Hamidov', 'Sharipov',
    'Boboyev', 'Davlatov', 'Ibragimov', 'Islomov', 'Jalilov', 'Kamolov', 'Latipov', 'Mamatov', 'Nurmatov', 'Obidov',
    "Po'latov", 'Qosimov|Касымов', 'Rahmatov', 'Sodiqov|Садыков', 'Tojiyev|Таджиев', "To'xtayev", "O'rinov",
    'Valiyev', "Xo'jayev|Ходжаев", 'Yoqubov', 'Zokirov', 'Ahmedov', 'Alimov', "G'ulomov|Гулямов", 'Eshmatov',
    'Inoyatov', 'Qurbonov|Курбанов', "Ne'matov|Нематов", 'Otajonov', 'Pardayev', 'Qahhorov|Каххаров', 'Shukurov',
    'Tillayev', 'Ubaydullayev', 'Xoliqov|Халиков', 'Yunusov', 'Zaripov', 'Ahmadjonov', 'Berdiyev', 'Egamberdiyev',
    'Fozilov', 'Jumayev', "Mo'minov", 'Norqulov', 'Rajabov', 'Shodmonov', "Turg'unov", 'Mirzaahmedov',
  ],
  male: [
    'Alisher', 'Sardor', 'Jasur', 'Bekzod', 'Sherzod', 'Rustam', 'Shavkat', 'Aziz', 'Bobur', 'Otabek',
    'Jahongir', 'Doston', 'Sanjar', 'Farrux|Фаррух', "Ulug'bek", 'Javlon', 'Dilshod', 'Sirojiddin', 'Abdulla', 'Anvar',
    'Bahodir|Бахадыр', 'Davron', 'Elyor', 'Farhod', "G'ayrat", 'Hamid', 'Ilhom', 'Jamshid', 'Kamol', 'Laziz',
    'Mansur', 'Nodir', 'Odil', 'Oybek', "Po'lat", 'Qahramon', 'Ravshan', 'Sarvar', 'Timur', 'Umid',
    'Xurshid', 'Yusuf', 'Zafar', 'Akmal', 'Behruz', 'Islom', 'Muhammad', 'Nurbek', 'Shohruh', 'Temur',
    'Asilbek', 'Ibrohim|Ибрагим', 'Husan', 'Azamat',
  ],
  female: [
    'Dilnoza', 'Gulnora', 'Nodira', 'Malika', 'Madina', 'Nilufar', 'Shahnoza', 'Zarina', 'Feruza', 'Dilfuza',
    'Mohira', 'Sevara', 'Gulchehra', 'Nigora|Нигора', 'Munisa', 'Sabina', 'Kamola|Камола', 'Lola|Лола', 'Ozoda|Озода',
    'Zulfiya', 'Barno', 'Dildora', 'Durdona', 'Gulbahor', 'Hilola', 'Iroda', 'Kumush', 'Lobar|Лобар', 'Maftuna',
    'Mohinur|Мохинур', 'Nargiza', 'Oydin|Ойдин', 'Rayhona', 'Saida', 'Shahlo|Шахло', 'Umida', 'Yulduz', 'Zuhra',
    'Muxlisa', 'Nasiba', 'Sitora', 'Zilola', 'Mahliyo|Махлиё', "Ra'no|Рано", 'Komila', 'Sanobar', 'Diyora', 'Gulsanam',
  ],
};
