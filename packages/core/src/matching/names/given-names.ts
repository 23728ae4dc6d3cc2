/**
 * Frequent given names of the member states, used only to tell a given name from a surname when
 * a free-text name comes in an unknown order. Written in the canonical romanization; compared
 * as skeletons, so every spelling variant of a listed name is recognised.
 *
 * Not a registry of valid names: an unlisted name is still parsed, from surname and patronymic
 * endings and from word order.
 */
import { skeletonOfRomanized } from './skeleton.ts';

const NAMES = `
aleksandr aleksey alexey anatoliy andrey anton arkadiy arseniy artem artur boris bogdan vadim valentin
valeriy vasiliy veniamin viktor vitaliy vladimir vladislav vsevolod vyacheslav gennadiy georgiy gleb
grigoriy daniil david denis dmitriy evgeniy egor efim ivan igor ilya innokentiy iosif kirill
konstantin lev leonid makar maksim mark matvey mikhail nikita nikolay oleg pavel petr roman ruslan
savva semen sergey stanislav stepan taras timofey timur fedor filipp eduard yuriy yakov yaroslav
ales uladzimir mikalay siarhey yauhen zmitser aliaksandr aliaksei andrei pavel ihar dzianis
alla anastasiya angelina anna antonina valentina valeriya varvara vera veronika viktoriya galina
darya diana evgeniya ekaterina elena elizaveta zhanna zinaida zoya inna irina karina kira kristina
ksenia larisa lidiya lyubov lyudmila margarita marina mariya nadezhda natalya nina oksana olga
polina raisa svetlana sofiya tamara tatyana ulyana yuliya yana alena alina arina vasilisa milana
nursultan kassym zhomart askar aidar aibek aidos arman asylbek bakhyt bakyt baurzhan berik daulet
dauren daniyar erlan erzhan ermek galym kairat kanat marat murat nurlan nurbek olzhas rustam
sanzhar serik talgat timur ulan almaz azamat bolot kubanychbek chyngyz emil nurzhan sultan sadyr
kurmanbek askar zhanybek almazbek adilet nurlan dinara aigerim aizhan asel asem aida gulnara
zhanar saule madina aliya akmaral botagoz kamila ainura aizada cholpon gulzat nazira jyldyz
alisher bahodir botir dilshod farhod jasur jamshid javlon shavkat sherzod sardor otabek ulugbek
bekzod anvar akmal aziz bakhtiyor bobur doniyor eldor islom jahongir jaloliddin kamoliddin
nodir oybek rustam sanjar shukhrat temur umid zafar abdulla abduvali mamadali dilnoza gulnora
malika nigora shahnoza zarina mohira feruza dildora gulchehra kamola nilufar sevara shoira umida
emomali firdavs farrukh jamshed behruz bahrom nozim mirzo faridun sherali davlat manuchehr
zarina parvina mehrangez tahmina firuza sitora manija
elchin ilham heydar rashad vusal vugar tural kamran orkhan elvin farid ramil rauf nijat samir anar
vagif elnur emin ruslan namik kanan fuad ziya mahir aygun gunel leyla sevinj nargiz aynur konul
ulviyya sabina aysel lala gulnar khadija
ion ioan vasile gheorghe nicolae mihai dumitru andrei alexandru sergiu victor stefan constantin
petru tudor vlad ana maria elena natalia ecaterina tatiana cristina ala doina rodica
levon aram armen arman ashot gagik hovhannes hakob hayk karen samvel sargis tigran vardan vahe
davit narek gor arsen artur vazgen suren robert anahit ani armine gayane lusine mariam nune
karine siranush hasmik astghik
ali hasan husein muhammad ahmad mahmud karim rahim said umar usmon yusuf ibrahim ismail islam
murod fatima aisha zuhra zulfiya
`;

let known: Set<string> | undefined;

/** True when a skeleton is that of a frequent given name. */
export function isKnownGivenName(skeleton: string): boolean {
  known ??= new Set(
    NAMES.split(/\s+/)
      .filter(Boolean)
      .map((n) => skeletonOfRomanized(n, true)),
  );
  return known.has(skeleton);
}
