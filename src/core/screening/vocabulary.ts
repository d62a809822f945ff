/**
 * Word lists the matcher needs to judge how much a name part says: legal forms (removed and shown in
 * canonical form), generic words that many names share (weighted low, so "Korea ... Trading Corp"
 * alone never makes a match), qualifiers that surround an embedded name ("... Qatar Branch"),
 * stop words, and the Korean words the lists mix with their English translations.
 */

/**
 * Legal forms as normalized token sequences, each with its canonical form. Longer phrases come
 * first so "limited liability company" wins over "company". Cyrillic, Chinese and Korean forms are
 * rewritten to these before transliteration (see `NATIVE_LEGAL_FORMS`).
 */
export const LEGAL_FORMS: readonly (readonly [string, string])[] = [
  ['closed joint stock company', 'JSC'], ['open joint stock company', 'JSC'], ['public joint stock company', 'JSC'],
  ['joint stock company', 'JSC'], ['limited liability company', 'LLC'], ['limited liability partnership', 'LLP'],
  ['group of companies', 'Group of Companies'], ['company limited', 'Co. Ltd'], ['co ltd', 'Co. Ltd'], ['pty ltd', 'Pty Ltd'],
  ['pvt ltd', 'Pvt Ltd'], ['pte ltd', 'Pte Ltd'], ['sdn bhd', 'Sdn Bhd'], ['sp z oo', 'Sp. z o.o.'], ['kabushiki kaisha', 'KK'],
  ['fz llc', 'FZ-LLC'], ['joint venture company', 'JV'], ['joint venture', 'JV'], ['general partnership', 'GP'],
  ['company', 'Co.'], ['co', 'Co.'], ['companies', 'Co.'], ['limited', 'Ltd'], ['ltd', 'Ltd'], ['llc', 'LLC'], ['llp', 'LLP'],
  ['corporation', 'Corp.'], ['corp', 'Corp.'], ['incorporated', 'Inc.'], ['inc', 'Inc.'], ['jsc', 'JSC'], ['ojsc', 'JSC'],
  ['cjsc', 'JSC'], ['pjsc', 'JSC'], ['ao', 'JSC'], ['oao', 'JSC'], ['zao', 'JSC'], ['pao', 'JSC'], ['ooo', 'LLC'], ['too', 'LLP'],
  ['tov', 'LLC'], ['gmbh', 'GmbH'], ['ag', 'AG'], ['sa', 'SA'], ['sas', 'SAS'], ['sarl', 'SARL'], ['srl', 'SRL'], ['spa', 'SpA'],
  ['bv', 'BV'], ['nv', 'NV'], ['plc', 'PLC'], ['pte', 'Pte'], ['pty', 'Pty'], ['pvt', 'Pvt'], ['bhd', 'Bhd'], ['fze', 'FZE'],
  ['fzco', 'FZCO'], ['fzc', 'FZC'], ['fzllc', 'FZ-LLC'], ['lp', 'LP'], ['cc', 'CC'], ['kk', 'KK'], ['ltda', 'Ltda'],
  ['sro', 's.r.o.'], ['doo', 'd.o.o.'], ['ood', 'OOD'], ['eood', 'EOOD'], ['oy', 'Oy'], ['ab', 'AB'], ['aps', 'ApS'],
  ['wll', 'W.L.L.'], ['qpsc', 'Q.P.S.C.'], ['qsc', 'Q.S.C.'], ['qjsc', 'Q.J.S.C.'], ['spc', 'SPC'], ['saog', 'SAOG'], ['psc', 'PSC'],
  ['jv', 'JV'], ['hoesa', 'Co. (Korean hoesa)'], ['hoisa', 'Co. (Korean hoesa)'], ['kongsa', 'Corp. (Korean kongsa)'],
  ['gongsa', 'Corp. (Korean gongsa)'],
];

/** Legal forms in other scripts, rewritten to Latin legal forms before anything else. */
export const NATIVE_LEGAL_FORMS: readonly (readonly [RegExp, string])[] = [
  [/общество\s+с\s+ограниченной\s+ответственностью/gu, ' llc '],
  [/(?:закрытое|открытое|публичное)?\s*акционерное\s+общество/gu, ' jsc '],
  [/товарищество\s+с\s+ограниченной\s+ответственностью/gu, ' llp '],
  [/(?<![\p{L}])(?:ооо|оао|зао|пао|ао|тоо|тов)(?![\p{L}])/gu, (' $& ')],
  [/(?:股份有限公司|有限责任公司|有限責任公司|有限公司|集团公司|集團公司|公司)/gu, ' co ltd '],
  [/株式会社/gu, ' kk '],
  [/(?:주식회사|유한회사|유한책임회사|\(주\)|㈜)/gu, ' co ltd '],
];

/**
 * Words so common in company names (and on the DPRK lists) that they cannot carry a match alone.
 * The index also weights every word by how many entries use it; this list keeps small custom lists
 * and unseen words sensible.
 */
export const GENERIC_WORDS: ReadonlySet<string> = new Set(`
korea korean dprk north south democratic people peoples republic general trading trade traders
international intl group construction constructions bank banking industrial industry industries development
technology technologies tech engineering shipping ship investment investments export exports import imports
foreign economic commercial association ministry department center centre national united global
holding holdings enterprise enterprises services service overseas joint venture first new agency bureau
committee federation cooperation store factory works marine maritime ocean air airline airlines
petroleum oil energy metal metals machinery equipment electronics electronic chemical chemicals materials
products goods supply supplies logistics transport transportation finance financial insurance capital credit
science sciences research institute university academy agricultural food trust partners management
consulting solutions systems network software information computer medical textile garment apparel
fishing fisheries seafood hotel tour travel operation operations company corporation star
`.split(/\s+/).filter(Boolean));

/**
 * Generic words that writers add or drop freely (Korea Rungrado [General] Trading). Other generic words
 * name what an entity is (bank, trading, shipping, credit): paired they say little, but one name having
 * such a word that the other lacks points to a different entity (Koryo Bank, Koryo Commercial Bank).
 */
export const FILLER_WORDS: ReadonlySet<string> = new Set(`
general group korea korean dprk north democratic people peoples republic international intl national joint
holding holdings enterprise enterprises company corporation
`.split(/\s+/).filter(Boolean));

/** Words and places that qualify an embedded name: "Mansudae Overseas Project, Qatar Branch Office". */
export const QUALIFIER_WORDS: ReadonlySet<string> = new Set(`
branch branches office offices representative rep representation liaison subsidiary division affiliate
headquarters hq plant site unit filial filiale sucursal succursale agent
qatar doha kuwait uae emirates dubai sharjah abu dhabi oman muscat saudi arabia riyadh jeddah bahrain
russia russian federation moscow vladivostok khabarovsk nakhodka petersburg st saint sakhalin yuzhno
novosibirsk irkutsk tomsk china chinese beijing shanghai dandong shenyang dalian yanji yanbian jilin
liaoning donggang hunchun tumen harbin guangzhou shenzhen zhuhai laos vientiane vietnam hanoi cambodia
phnom penh malaysia kuala lumpur singapore hong kong macau macao namibia windhoek angola luanda
mozambique maputo congo kinshasa algeria algiers senegal dakar benin botswana zimbabwe harare ethiopia
equatorial guinea nigeria lagos abuja poland warsaw gdansk mongolia ulaanbaatar pyongyang syria damascus
iran tehran thailand bangkok myanmar burma yangon indonesia jakarta india uganda kampala tanzania libya
egypt cairo kazakhstan almaty astana uzbekistan tashkent kyrgyzstan belarus minsk ukraine turkey istanbul
ankara jordan lebanon yemen iraq taiwan japan tokyo malta cyprus austria vienna germany berlin czech
prague romania bulgaria serbia belgrade cuba havana
`.split(/\s+/).filter(Boolean));

// Not here: von, van, da, an and the like, which are also Korean syllables read from Cyrillic (Вон = Won).
export const STOP_WORDS: ReadonlySet<string> = new Set('of the and for in at on by to de la le du des et und der die das'.split(' '));

/**
 * Korean words that the lists use side by side with their English translation
 * (CHOSON TAESONG UNHAENG = KOREA DAESONG BANK). Both sides are compared through the English word.
 */
export const KOREAN_SYNONYMS: Readonly<Record<string, string>> = {
  choson: 'korea', chosun: 'korea', joseon: 'korea', chosen: 'korea',
  unhaeng: 'bank', eunhaeng: 'bank', unhang: 'bank',
  muyok: 'trading', muyeok: 'trading', muyog: 'trading',
  konsol: 'construction', geonseol: 'construction', haeun: 'shipping', chonghoesa: 'general', chongguk: 'bureau',
};

/**
 * Family names the DPRK lists share by the dozen. A match on one of them says little about identity,
 * so person names weigh them low whatever the index counts.
 */
export const COMMON_SURNAMES: ReadonlySet<string> = new Set(`
kim ri lee rhee yi li pak park bak choe choi chwe jong chong jeong chung kang han o oh jo cho yun yoon jang
chang so seo sin shin an ahn ho hong kwon hwang rim lim im mun moon ryu yu yoo paek baek song chon jeon
yang hyon hyun ko koh son nam cha ju chu ji chae ra na ro no roh wang zhang liu chen
`.split(/\s+/).filter(Boolean));
