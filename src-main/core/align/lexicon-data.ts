/**
 * A small English–Russian lexicon for alignment: content words that survive translation.
 *
 * Source and licence: written by hand for Bitext Reader by the project's developers; MIT, like the
 * rest of the code. No third-party dictionary was copied.
 *
 * One concept a line: `english forms | russian stems`. English forms are base forms (lower case; the
 * matcher strips -s, -es, -ed, -ing, -ly, 's). Russian items are stems matched as word prefixes
 * (lower case, ё written е); an item written `=word` matches that exact word only (short or
 * ambiguous forms). `#` starts a comment line. Function words are left out on purpose: they carry no
 * alignment evidence.
 */
export const LEXICON_TEXT = String.raw`
# --- diplomacy, law, institutions
agree, agreement | соглас, договорен
treaty, contract | договор
convention | конвенц
declaration, declare | деклар, заявл, объяв
statement | заявлен
minister, ministerial | министр, министер
ministry | министерств
foreign | иностран, внешн, зарубеж
affair | дел
government | правительств
state | государств, штат
country | стран
nation, national | нац, народ
people | народ, люд
president | президент
prime | премьер
parliament | парламент
law, legal | закон, прав
right | прав
article | стат
section, chapter | раздел, глав
paragraph | пункт, абзац
annex, appendix | приложен
protocol | протокол
party, parties | сторон, парт
member | член
council | совет
committee, commission | комитет, комисс
organization, organisation | организац
union | союз
federation | федерац
republic | республик
kingdom | королевств
summit | саммит, встреч на высш
meeting, meet, met | встреч, совещан, заседан
conference | конференц
session | сесс
secretary | секретар
general | генерал, общ
delegation | делегац
representative, represent | представит, представл
ambassador | посол, посл
embassy | посольств
cooperation, cooperate | сотруднич
partnership, partner | партнер
relation, relationship | отношен, связ
security | безопасн
peace | =мир, =мира, =миру, =миром, мирн
war | войн, воен
military, army | воен, арми
defence, defense, defend | оборон, защит
border, frontier | границ, рубеж
region, regional | регион
international | международ
global | глобальн, мирово
world | мир, свет
development, develop | развит, разраб
economy, economic | эконом
trade | торгов
investment, invest | инвест, вложен
finance, financial | финанс
budget | бюджет
tax | налог
customs | тамож
sanction | санкц
policy, politics, political | политик, политич
strategy, strategic | стратег
principle | принцип
obligation, oblige | обязат, обязан
responsibility, responsible | ответствен
provision, provide | предост, обеспеч, положен
implementation, implement | осуществл, реализ, выполн
measure | мер
action, act | действ, акт
decision, decide | решен, реш
resolution | резолюц
recommendation, recommend | рекоменд
proposal, propose | предлож
support | поддерж
assistance, assist, help | помощ, помог, содейств
framework | рамк
mechanism | механизм
initiative | инициатив
programme, program | программ
plan | план
project | проект
priority | приоритет
commitment, commit | привержен, обязательств
effort | усили
challenge | вызов, проблем
threat | угроз
crisis | кризис
pandemic | пандем
epidemic | эпидем
disease, illness | болезн, заболеван
virus | вирус
infection | инфекц
vaccine, vaccination | вакцин
health | здоров, здравоохран
medical, medicine | медиц, медик, лекарств
hospital | больниц, госпитал
doctor | врач, доктор
patient | пациент, больн
emergency | чрезвычай, экстрен
public | обществ, публич
social, society | социальн, обществ
community | сообществ, общин
citizen | гражд
population | населен
human | человеч
person | лиц, человек
worker, work, job | работ, труд
education, school | образован, школ
science, scientific | наук, научн
research | исследов
technology, technical | технолог, техническ
information | информац, сведен
exchange | обмен
experience | опыт
knowledge | знан
capacity | потенциал, возможн
resource | ресурс
energy | энерг
environment | окружающ, экологи
climate | климат
food | продовольств, пищ, ед
water | вод
agriculture | сельск
industry, industrial | промышлен, отрасл
transport | транспорт
tourism | туризм
culture, cultural | культур
sport | спорт
youth | молодеж
woman, women | женщин
child, children | дет, =ребенок, ребенк
family | семь
crime, criminal | преступ
terrorism, terrorist | террор
drug | наркот
corruption | коррупц
freedom, free | свобод
democracy | демократ
justice, court | правосуд, суд
judge | судь
police | полиц
signature, sign | подпис
ratification, ratify | ратифиц
entry | вступлен
force | сил
term | срок
period | период
date | дат
year | год, =лет
month | месяц
week | недел
day | ден, дн
hour | час
minute | минут
second | втор, секунд
time | врем, раз
history, historic | истори
future | будущ
anniversary | годовщин
occasion | случа
# --- calendar and numbers
january | январ
february | феврал
march | =март, =марта, =марте, =марту
april | апрел
may | =май, =мая, =мае, =маю
june | июн
july | июл
august | август
september | сентябр
october | октябр
november | ноябр
december | декабр
monday | понедельник
tuesday | вторник
wednesday | сред
thursday | четверг
friday | пятниц
saturday | суббот
sunday | воскресен
one, first | перв, один, одн
two, both | два, две, двух, двум, двумя, обе, обо
three, third | =три, трех, трем, трет
four, fourth | четыр, четверт
five, fifth | пят
six, sixth | шест
seven, seventh | сем
eight, eighth | восем, восьм
nine, ninth | девят
ten, tenth | десят
hundred | сот, сто
thousand | тысяч
million | миллион, млн
billion | миллиард, млрд
percent, per cent | процент
half | половин
number | числ, номер, количеств
# --- technical, computing
computer | компьютер
program, software | программ
application, app | приложен
file | файл
folder, directory | папк, каталог
command | команд
line | строк, лини
window | окн, =окно
screen | экран
button | кнопк
menu | меню
key | ключ, клавиш
keyboard | клавиатур
mouse | мыш
user | пользоват
password | парол
account | учетн, аккаунт, счет
server | сервер
network | сет
internet | интернет
connection, connect | подключ, соедин
address | адрес
website, site, page | сайт, страниц
browser | браузер
download | загруз, скача
upload | загруз, выгруз
install, installation | установ, инсталл
update | обнов
version | верс
release | выпуск, релиз
error | ошибк
warning, warn | предупрежд
message | сообщен
option | параметр, опци
setting, settings | настро
default | умолчан
value | значен
variable | переменн
function | функц
argument | аргумент
parameter | параметр
text | текст
document | документ
format | формат
output | вывод, выход
input | ввод, вход
data | данн
database | баз
table | таблиц, стол
column | столбц, столбец, колонк
row | строк, ряд
list | списк, список, перечен
example | пример
test | тест, провер
check | провер
run | запуск, выполн, беж, бег
start | запуск, начал, старт
stop | останов, прекрат
open | откр
close | закр
save | сохран
delete, remove | удал
copy | копи
create | созда
change | измен, смен
select, choose | выбер, выбор, выбра
enter, type | введ, ввод, набер, вход
click | щелкн, нажм, нажат
press | нажм, нажат, нажим
step | шаг
instruction | инструкц
manual, guide | руководств
system | систем
device | устройств
disk, drive | диск
memory | памят
size | размер
speed, fast | скорост, быстр
slow | медлен
power | питан, мощн, власт
battery | батаре, аккумулятор
cable | кабел
port | порт
use | использ, пользуе, пользуйт, применя
disconnect | отключ, отсоедин
wireless | беспровод
router | маршрутизатор, роутер
restart, reboot | перезагру, перезапус
channel | канал
antenna | антенн
reset | сброс
log | журнал, лог
indicator, led | индикатор, светодиод
label, sticker | наклейк, этикетк
wizard | мастер
firmware | микропрограмм, прошивк
panel | панел
security, secure | безопасн, защит
light | свет
sound | звук
image, picture | изображен, картин, рисун
video | видео
camera | камер
phone, telephone | телефон
backup | резервн
repository | репозитор
branch | ветк, отрасл
library | библиотек
package | пакет
module | модул
service | служб, сервис, услуг
process | процесс
task | задач
queue | очеред
log | журнал
report | доклад, отчет, сообщ
result | результат, итог
problem | проблем, неполад
solution, solve | решен, реш
question, ask | вопрос, спрос
answer, reply | ответ
# --- narrative: people, body, home, nature
man | мужчин, человек
woman | женщин
boy | мальчик
girl | девочк, девушк
father | отц, отец, пап
mother | мат, мам
son | сын
daughter | доч
brother | брат
sister | сестр
husband | муж
wife | жен
friend | друг, друз, приятел
old | стар
young | молод
king | корол
queen | королев
captain | капитан
soldier | солдат
officer | офицер
teacher | учител
student | студент, учени
guest | гост
stranger | незнаком
head | голов
face | лиц
eye | глаз, =очи
ear | ух, уш
mouth | рот, рт
hand, arm | рук
finger | пал
foot, leg | ног
heart | сердц, сердеч
voice | голос
hair | волос
blood | кров
house, home | дом
room | комнат
door | двер
wall | стен
floor | пол, этаж
roof | крыш
kitchen | кухн
bed | кроват, постел
chair | стул
table | стол
lamp | ламп
letter | письм, букв
book | книг
paper | бумаг
pen | ручк, перо
bag | сумк, мешок
money | деньг, денег
town, city | город
village | деревн, сел
street | улиц
road, way | дорог, пут
bridge | мост
station | станц, вокзал
train | поезд
car | машин, автомоб
ship, boat | корабл, судн, лодк
sea | мор
river | рек
lake | озер
forest, wood | лес
tree | дерев
flower | цвет
grass | трав
field | пол
mountain, hill | гор, холм
sky | неб
sun | солн
moon | лун
star | звезд
wind | ветер, ветр
rain | дожд
snow | снег
ice | лед, льд
fire | огон, огн, пожар
cold | холод
warm | тепл
hot | жар, горяч
winter | зим
summer | лет
spring | весн
autumn, fall | осен
morning | утр
evening | вечер
night | ноч
dark, darkness | темн, темнот
silence, silent, quiet | тишин, молч, тих
noise, loud | шум, громк
dog | собак, пес, пс
cat | кош, кот
horse | лошад, кон
bird | птиц
fish | рыб
bread | хлеб
tea | чай, ча
coffee | коф
wine | вин
glass | стакан, стекл
# --- verbs and states
# say: the forms of сказать, not the stem сказ (сказываться is to affect, to tell on)
say, said, tell, told | сказал, сказат, сказан, =сказав, скаж, говор, рассказ
speak, spoke, talk | говор, разговар, беседов
ask | спрос, спраш, проси
answer | ответ
call | позв, звал, звон, назыв
shout, cry | крик, крич
whisper | шепт, шепот
laugh | смея, смех, засмея
smile | улыб
weep | плак, плач
see, saw, seen | увид, вид
look | смотр, взгляд, посмотр
watch | наблюд, смотр, час
hear, heard | слыш, услыш
listen | слуш
know, knew, known | зна
think, thought | дума, мысл
understand, understood | поним, понял, поня
remember | помн, вспомн
forget, forgot | забы, забыв
believe | вер
hope | надежд, надея
fear, afraid | страх, боя, боя
love | любов, люб
hate | ненавид
want, wish | хот, хоч, жела
need | нужн, нужд, необход
like | нрав
come, came | приш, прихо, прибы, придет
go, went, gone | пош, ид, шел, шл, ход, ех
leave, left | ушел, уш, уход, покин, остав
return | верн, возвра
arrive | прибы, приех, приш
walk | шел, гуля, прогул, ход
run, ran | беж, бег
sit, sat | сид, сел, сад
stand, stood | сто, встал, вста
lie | леж, лег
sleep, slept | сп, сон, сн
wake, woke | просну, будил
eat, ate | ест, ел, съел, ед
drink, drank | пи, пил, выпи
write, wrote, written | пиш, писа, написа
read | чит, прочит, прочел
open | откр
close, shut | закр
take, took, taken | взял, взя, брал, бер, возьм
give, gave, given | дал, да, дава
bring, brought | принес, принос
carry | нес, нос
put | полож, постав, клад
find, found | наш, нахо, обнаруж
lose, lost | потеря, теря
wait | жд, ожид, подожд
begin, began, start | нач, начал, начин
end, finish | конц, конец, конч, законч, заверш
stay, remain | оста
live | жи, жив
die, dead, death | умер, умир, смерт, мертв
kill | убил, убив, уби
fight | бо, дра, сраж
win, won | побед, выигр
build | стро, постро
grow | раст, рос
change | измен
happen | случ, происх, произош
try | пыта, попыт, старал
decide | реш
# --- adjectives and other content words
new | нов
big, large, great | больш, крупн, велик
small, little | мал, небольш
long | длин, долг
short | коротк, кратк
high, tall | высок
low | низк
good, well | хорош, добр
bad | плох
beautiful | красив, прекрасн
white | бел
black | черн
red | красн
green | зелен
blue | син, голуб
yellow | желт
grey, gray | сер
first | перв
last | последн
next | следующ
main, chief | главн, основн
important | важн
necessary | необходим, нужн
possible | возможн
different | разн, различ
same | одинаков
true, truth | правд, истин
false | ложн
full | полн
empty | пуст
strong | сильн, крепк
weak | слаб
rich | богат
poor | бедн
happy | счаст
sad | грустн, печал
tired | устал
sick, ill | болен, больн
safe | безопасн
dangerous, danger | опасн
equal, equality | равн
common | общ
mutual | взаимн
joint | совместн
sustainable | устойчив
effective | эффектив
comprehensive | всеобъемл, всесторон
significant | значител
special | специальн, особ
further | дальнейш
early | ран
late | поздн
# --- proper names and adjectives commonly translated, not transliterated
russia, russian | росси, русск
england, english | англи
america, american | америк
china, chinese | кита
japan, japanese | япони
germany, german | герман, немец, немецк
france, french | франц
europe, european | европ
asia, asian | ази
moscow | москв
london | лондон
paris | париж
east, eastern | восто
west, western | запад
north, northern | север
south, southern | юг, южн
# --- diplomacy and statements: verbs and abstract nouns
express, expression | выраж, выска
concern, concerned | обеспокоен, озабочен, беспокойств
gratitude, grateful, thank, thanks | благодар, признательн
sorrow, grief | скорб, горе, печал
condolence | соболезн
loss | потер, утрат
life, lives | жизн
suffering, suffer | страдан, страда
welcome | приветств
convene, convening | созыв, проведен
approach | подход
contribute, contribution | вклад, содейств, внос
prevent, prevention | предотвращ, профилакт, предупрежд
mitigate, mitigation | смягчен, смягч
discrimination | дискриминац
stigmatization, stigma | стигматизац
promote, promotion | продвиг, поощр, содейств
intensify | активизир, интенсифиц
encourage, encouragement | поощр, стимулир
strengthen | укрепл, усил
enhance, enhancement | повыш, расшир, улучш
ensure | обеспеч
note | отмеч, замет
recognize, recognise, recognition | признав, призна
reaffirm, affirm | подтвержд
emphasize, emphasise, stress | подчерк
acknowledge | призна
underline | подчерк
recall | напомин, ссыл
reiterate | вновь заяв, подтвержд
share | раздел
commend, praise | высоко оцен, похвал
appreciate, appreciation | оцен, признательн
urge, call upon | призыв
condemn | осужд
respect | уважен, уважа
sovereignty, sovereign | суверен
independence, independent | независим
territory, territorial | территор
integrity | целостн
stability, stable | стабильн
prosperity, prosperous | процвет
dialogue, dialog | диалог
consultation, consult | консульт
negotiation, negotiate | переговор
mediation | посредн
consensus | консенсус
dispute, conflict | спор, конфликт
settlement | урегулир
solidarity | солидарн
friendship, friendly | дружб, дружеств, дружествен
trust, confidence | довер
understanding | взаимопониман, понима
goodwill | добр вол
interest | интерес
benefit, beneficial | выгод, польз
opportunity | возможн
potential | потенциал
progress | прогресс
achievement, achieve | достиж
success, successful | успе
goal, objective, aim | цел
target | цел, задан
mission | задач, мисс
role | рол
importance | важн, значен
basis, base | основ, баз
area, sphere | област, сфер
level | уровен, уровн
scale | масштаб
manner | образ, способ
means | средств
tool, instrument | инструмент, средств
practice, practical | практик, практич
best | лучш, передов
lesson | урок
outcome | итог, результат
impact, effect | воздейств, влиян, последств
consequence | последств
response, respond | реагир, ответ
recovery, recover | восстановл
resilience, resilient | устойчив, жизнестойк
preparedness, prepare | готовн, подготов
readiness, ready | готов
detection, detect | выявл, обнаруж
control | контрол
containment, contain | сдержив, сдерж
treatment, treat | лечен
testing | тестир
diagnosis, diagnostic | диагност
epidemiological, epidemiology | эпидемиолог
laboratory | лаборатор
equipment | оборудован
supply, supplies | поставк, снабжен, запас
medicines | лекарств, препарат
protection, protect, protective | защит
safety | безопасн
risk | риск
spread | распростран
outbreak | вспышк
case | случа
victim | жертв
welfare, well-being | благополуч
livelihood | средств к существ
poverty | бедност, нищет
inequality | неравенств
access, accessible | доступ
affordable, affordability | доступн, ценов
fair, equitable, equity | справедлив
transparent, transparency | транспарентн, прозрачн
timely | своевремен
regular | регулярн
collective | коллектив
multilateral, multilateralism | многосторон
bilateral | двусторон
sectoral, sector | сектор, отрасл
stakeholder | заинтересован
private | частн
business | бизнес, предпринимател
enterprise, company, firm | предприят, компан, фирм
market | рынок, рынк, рыноч
supply chain | цепоч
growth | рост, раст
increase | увелич, рост
decrease, decline, reduce, reduction | сниж, сокращ, уменьш
rise | рост, повыш
price | цен
cost | стоимост, расход, затрат
rate | ставк, темп
expense | расход
income, revenue | доход
profit | прибыл
loan, credit | кредит, займ
debt | долг, задолж
bank | банк
currency | валют
dollar | доллар
rouble, ruble | рубл
euro | евро
export | экспорт
import | импорт
cargo, freight | груз, фрахт
goods | товар
product | продукт, продукц
oil, petroleum | нефт
gas | газ
fuel | топлив
electricity | электроэнерг, электричеств
tonne, ton | тонн
vessel | судн, суд
fleet | флот
harbour, harbor | гаван
route | маршрут
flight | рейс, полет
airport | аэропорт
passenger | пассажир
insurance | страхов
shortage | нехватк, дефицит
analyst | аналитик
expert | эксперт
consultancy | консалтинг
authority, authorities | власт, орган, администрац
administration | администрац
official | официальн, чиновник
agency | агентств, ведомств
office | офис, бюро, управлен
department | департамент, отдел
director | директор
chairman | председател
leader | лидер, руководител
spokesman, spokesperson | представител
journalist | журналист
newspaper | газет, пресс
news | новост
media | сми, медиа
radio | радио
television | телевиден, телевиз
film, movie | фильм, кино
theatre, theater | театр
orchestra | оркестр
music | музык
museum | музе
exhibition | выставк
festival | фестивал
art, artist | искусств, художник
literature | литератур
language | язык
teaching, teach | преподава, обучен
university | университет
seminar | семинар
textbook | учебник
material | материал
publishing, publish | издательств, публику, опубликов
quarter | квартал
annual, annually | ежегод, годов
daily | ежедневн
record | рекорд, запис
total | общ, итог, всего
average | средн
proportion | дол
majority | большинств
part | част
today | сегодня
tomorrow | завтра
yesterday | вчера
tonight | сегодня вечер
soon | скоро
later | позже, позднее, последующ
# --- law and treaties
hereinafter | далее
desire, desiring | желая, жела
expenses | расход
accommodation | проживан
meals | питан
travel, trip | поездк, путешеств, проезд
sending | направля
receiving | принима
facilitate | содейств, облегч
study | изучен, учеб
contact | контакт
direct | прям
studio | студи
establish, establishment | учрежд, созда, установл
approve, approval | утвержд, одобр
alternately | поочередн
duration | срок, продолжит
extend, extension | продл, продлен
terminate, termination | прекращ
notify, notification | уведомл, уведом
amend, amendment | изменен, поправк
interpret, interpretation | толкован
authentic | аутентичн
witness | удостоверен, свидетел
duly | должным образом
authorized, authorised | уполномоч
# --- technical documentation
configuration, configure | конфигурац, настро
back up | резервн
restore, restoration | восстанов
encrypt, encryption, encrypted | шифр, зашифр
storage, store | хранен, хран
schedule, scheduled | расписан, планиров
interval | интервал
automatic, automatically | автоматич
manually | вручн
interrupt, interrupted | прерв, прерыв
continue | продолж
listing | список, просмотр
developer | разработчик
developers | разработчик
platform | платформ
operating | операцион
terminal | терминал
path | пут
archive | архив
compress, compression | сжат, сжим
uninstall | удал
upgrade | обновл
require, requirement | требова, требу
available | доступн
enable | включ
disable | отключ
display, show | отобража, показ, вывод
print | печат, вывод
specify | указ
following | следующ
previous | предыдущ
current | текущ
local | локальн
remote | удален
cloud | облак, облачн
# --- narrative
fence | забор, изгород
birch | берез
smell | запах
smoke | дым
pier | причал, пристан
wooden | деревян
old woman | старух
fishing | рыб
forty | сорок
twenty | двадцат
thirty | тридцат
fifty | пятьдесят
worry | волнов, беспоко
god | бог
soul | душ
heaven | неб
neighbour, neighbor | сосед
suddenly | вдруг, внезапн
slowly | медленн
quickly | быстр
closely | внимательн
attentively, carefully | внимательн, осторожн
gate | ворот, калитк
yard | двор
garden | сад
shore | берег
wave | волн
net | сет
studied | учил, учеб
childhood | детств
memories | воспомин, памят
dream | сон, сн, мечт
tears | слез
shoulder | плеч
knee | колен
steps | шаг
carriage, wagon | вагон
ticket | билет
suitcase | чемодан
coat | пальт
hat, cap | шапк, шляп
boots | сапог
cup | чашк
plate | тарелк
spoon | ложк
knife | нож
milk | молок
sugar | сахар
meat | мяс
soup | суп
apple | яблок
potato | картоф, картош
`;
