/**
 * Small word lists the people extractor and the tag classifier lean on, on top
 * of compromise's own lexicon (first names, cities, countries, demonyms).
 * They hold kinds of words (titles, organisation nouns), never the names of
 * particular people, so that the rules carry over to articles not seen here.
 */

const words = (s: string): Set<string> => new Set(s.trim().split(/\s+/));

/** Titles, ranks and roles that stand before a name ("Foreign Minister Jeremy Hunt", "striker Viorel Ion"). */
export const TITLE_WORDS = words(`
  mr mrs ms miss mister madam dr doctor prof professor sir dame lord lady baroness baron rev reverend fr father sister
  brother president vice prime minister ministers justice deputy secretary general secretary-general sec gen lt col
  colonel capt captain major maj sgt sergeant cmdr commander adm admiral marshal brig brigadier sen senator rep
  representative congressman congresswoman gov governor judge justice king queen prince princess pope cardinal
  archbishop bishop rabbi imam ayatollah sheikh sheik emir sultan chancellor mayor chairman chairwoman chairperson
  chief executive ceo cfo cto founder co-founder director spokesman spokeswoman spokesperson ambassador envoy consul
  attorney prosecutor coach manager trainer striker midfielder defender goalkeeper keeper forward winger captain
  skipper batsman bowler pitcher quarterback coach referee umpire champion officer agent inspector detective
  superintendent constable premier leader mp mep minister undersecretary under-secretary assistant associate senior
  junior acting interim former ex late analyst economist lawyer professor dean historian researcher editor reporter
  correspondent columnist author writer novelist actor actress singer artist composer director producer player veteran
  chancellor commissioner general lieutenant colonel spokesman officials official boss owner president-elect outgoing
  incoming deputy dissident activist candidate mogul tycoon businessman businesswoman banker investor farmer doctor
  nurse surgeon patient ruler dictator leader regent monarch crown-prince tsar czar speaker whip
`);

/** Titles that end with a period when abbreviated, so "Dr." is one token. */
export const ABBREVIATIONS = words(`mr mrs ms dr prof sen gen lt col capt maj sgt cmdr adm rep gov st jr sr rev fr brig supt insp det sec`);

/** Lowercase particles inside names ("Simona de Logu", "Peter van Vossen"). */
export const PARTICLES = words(`de van von der den di da du la le del della dos das ter ten bin ibn al el bint ben zu y`);

/** Words that make a capitalised phrase an organisation, a place or an event rather than a person. */
export const NON_PERSON_WORDS = words(`
  party bank ministry council corp corporation inc ltd plc llc co company group association union united university college
  school institute agency department office service services committee commission court prison front army navy force forces
  airways airlines airport news times post journal herald telegraph gazette club league cup fc afc championship championships
  open games olympics tournament exchange fund trust foundation centre center hospital church mosque cathedral temple assembly
  parliament congress senate government administration authority board bureau network networks systems technologies technology
  software labs laboratory security intelligence international national federal republic kingdom kingdoms states state emirates
  islands island river sea ocean mountains mountain lake valley street avenue road square bridge city county province region
  district north south east west northern southern eastern western central conference summit treaty accord agreement act law
  day week month year war revolution organisation organization alliance coalition movement brigade brigades division regiment
  police guard guards media press radio television tv channel magazine institute project programme program initiative index
  market markets stock stocks shares holdings industries motors energy oil gas petroleum airlines railways insurance capital
  partners associates cabinet palace house hall tower castle park stadium arena museum library station port harbour harbor
  gulf bay coast peninsula basin desert plains cyber internet web online global world europe european asia asian african
  american america society partnership desk newsroom staff team
  studio studios productions pictures records average index composite industrial policy policies regulation copyright
  image images gallery galleries guide shop shows review reviews design plan campaign protests newsletter podcast video democrats republicans tories conservatives liberals
`);

/** Words that are never part of a person's name at the start of a sentence or a phrase. */
export const STOP_CAPITALS = words(`
  the a an this that these those he she it they we i you his her its their our my your but and or so if when while after before
  as at in on by for from of to with without about against under over between among during since until unless because although
  though however meanwhile also yet still then there here what which who whom whose where why how all both each every some any
  no not one two three four five six seven eight nine ten first second third last next other another such many most more much
  scoreboard squad result results table standings bowling batting extras total fall attendance
  goalkeepers defenders midfielders forwards strikers substitutes scorers
`);

/** Verbs of speech and report that often follow a person's name ("..., Burns said"). */
export const SPEECH_VERBS = words(`
  said says told tells added adds stressed noted continued remarked argued insisted warned explained announced declared asked
  replied wrote writes claimed admitted denied confirmed believes believed thinks thought wants wanted urged accused
  acknowledged agreed recalled suggested predicted conceded complained charged
`);

/** Family words: "his daughter Yulia" after "Sergei Skripal" is Yulia Skripal. */
export const KIN_WORDS = words(
  `daughter son wife husband brother sister mother father widow widower cousin nephew niece grandson granddaughter uncle aunt`,
);

/** Nationality and country words that stand before a title ("UK Foreign Minister", "U.S. Senator"). */
export const TITLE_QUALIFIERS = words(`uk u.k. us u.s. un u.n. eu nato state foreign home defence defense interior finance trade
  justice party crown opposition parliamentary economy economic energy health education labor environment agriculture
  republican republicans democrat democrats democratic conservative conservatives liberal liberals labour tory tories socialist
  communist green greens independent`);

/** Country and region names that compromise's lexicon may miss or split. */
export const PLACES = words(`
  uk u.k. us u.s. usa britain england scotland wales ireland europe asia africa america americas oceania antarctica
  balkans caucasus crimea donbass kosovo palestine gaza taiwan hong-kong macau tibet kurdistan
`);

/** Multi-word places: matched as whole phrases, lowercased. */
export const PLACE_PHRASES = new Set([
  'united kingdom',
  'united states',
  'united states of america',
  'united arab emirates',
  'south korea',
  'north korea',
  'new zealand',
  'south africa',
  'saudi arabia',
  'czech republic',
  'hong kong',
  'sri lanka',
  'costa rica',
  'el salvador',
  'middle east',
  'east asia',
  'south east asia',
  'southeast asia',
  'latin america',
  'north america',
  'south america',
  'soviet union',
  'west bank',
  'new york',
  'los angeles',
  'san francisco',
  'silicon valley',
  'washington dc',
  'washington d.c.',
  'great britain',
  'northern ireland',
  'ivory coast',
  'bosnia and herzegovina',
  'papua new guinea',
]);

/** Organisations often named by acronym or short name in cyber-policy news, for the Tags line. */
export const ORGANIZATIONS = words(`
  nato eu un fbi cia nsa gchq ncsc cisa dhs doj dod pentagon nsa kremlin interpol europol enisa icann iaea who wto imf opec
  osce asean g7 g20 brics apec oas sco mi5 mi6 fsb gru svr kgb mossad nis sec ftc fcc nist darpa nasa esa microsoft google apple
  amazon facebook meta twitter huawei zte kaspersky symantec mcafee fireeye crowdstrike mandiant cisco intel ibm oracle samsung
  tencent alibaba baidu bytedance tiktok telegram whatsapp wikileaks anonymous reuters sputnik bbc cnn
`);

/** Title words that are also common first names ("Dean Jones", "Earl Woods"): a title only before two more words. */
export const AMBIGUOUS_TITLES = words(`dean earl duke prince marshal`);

/** Nationality words, which compromise's lexicon does not always know. */
export const DEMONYMS = words(`
  british english scottish welsh irish american canadian mexican brazilian argentine argentinian chilean colombian peruvian
  venezuelan cuban french german italian spanish portuguese dutch belgian swiss austrian swedish norwegian danish finnish
  icelandic polish czech slovak hungarian romanian bulgarian greek turkish russian ukrainian belarusian estonian latvian
  lithuanian serbian croatian bosnian slovenian albanian macedonian georgian armenian azerbaijani israeli palestinian
  lebanese syrian iraqi iranian saudi yemeni omani emirati qatari kuwaiti jordanian egyptian libyan tunisian algerian
  moroccan nigerian kenyan ethiopian somali sudanese ghanaian senegalese south african zimbabwean chinese japanese korean
  north-korean south-korean taiwanese vietnamese thai cambodian malaysian indonesian filipino singaporean indian pakistani
  afghan bangladeshi sri lankan nepalese australian zealander european asian african arab kurdish soviet
`);
