"""Word lists the attribution rules recognise. English news usage; lemmas, lowercase.

These are closed classes of the language (speech verbs, honorifics, pronouns), not
knowledge about any person or article.
"""

# Verbs that introduce or characterise speech: "X said", "X told", "X called it '...'".
SPEECH_VERBS = frozenset(
    """
    scoff bark retaliate question pronounce
    elaborate marvel rebut interject chime deadpan inquire clarify hint rebuke recollect portray depict
    say tell state remark assert note add reply respond comment write tweet post retweet explain
    argue claim insist declare announce answer ask continue recall warn admit acknowledge
    suggest observe describe call term dub label brand praise predict promise vow urge
    report testify conclude concede joke quip boast brag complain charge contend maintain
    stress emphasize emphasise shout yell chant sing scream whisper read cite rate rule
    characterize characterise blast condemn slam criticize criticise deride mock dismiss counter
    retort recount muse lament confirm deny affirm allege agree disagree pledge proclaim
    reiterate repeat demand encourage exclaim wonder tout hail applaud accuse advise caution
    indicate signal put refer threaten plead pray preach lecture scold chide tease taunt
    thunder roar snap fume sneer gush rave rant concur posit opine speculate surmise
    summarize summarise quote text email message announce publish headline title caption
    describe decry denounce lambaste assail attack defend apologize apologise confess disclose reveal divulge assure reassure inform
    notify remind point mention highlight underline underscore acknowledge recommend propose
    tell recite mutter murmur sigh laugh cry shrug counsel
    liken laud compare reference dismiss tout decry vouch swear insist grumble
    speak talk
    """.split()
)

# Nouns that carry speech without a verb: "Musk's terse response was: ...", "in a statement".
SPEECH_NOUNS = frozenset(
    """
    statement response remark remarks comment comments word words message reply answer tweet
    post letter email interview speech testimony announcement claim claims assertion
    declaration quote quip retort note memo press release op-ed essay column editorial
    blog caption headline verdict ruling rating warning promise pledge vow plea question
    """.split()
)

# Verbs whose object is the person spoken to, so never an inverted speaker: '"...," Cyril
# told The Huffington Post' (but '"...," said Cyril' and '"Why?" asked Cyril' do invert).
ADDRESSEE_VERBS = frozenset({"tell", "inform", "brief", "assure", "remind"})

# Verbs whose passive subject heard the words: in 'she was warned that "GCSE is an exam
# nobody will fail"' she is warned, someone else warns.
HEARER_VERBS = ADDRESSEE_VERBS | frozenset(
    {"warn", "advise", "ask", "urge", "caution", "promise", "reassure", "notify", "instruct", "order"}
)

# Verbs that pass on what someone else said: 'X said ..., Yahoo Finance reported' is X's.
RELAY_VERBS = frozenset({"report"})

# "according to X", "in the words of X": X is the source.
ACCORDING_TO = ("according", "to")

PERSONAL_PRONOUNS = {
    "he": "MALE",
    "him": "MALE",
    "his": "MALE",
    "she": "FEMALE",
    "her": "FEMALE",
    "hers": "FEMALE",
    "they": "PLURAL",
    "them": "PLURAL",
    "their": "PLURAL",
    "it": "NEUTRAL",
    "its": "NEUTRAL",
    "i": "FIRST",
    "we": "FIRST",
}

# Nouns that say the person's gender, so "the congresswoman said" is not resolved to the
# last man named.
GENDERED_NOUNS = {
    **dict.fromkeys(
        """
        woman mother wife daughter sister girl lady actress chairwoman congresswoman
        businesswoman spokeswoman grandmother aunt niece queen princess widow mom
        stepmother girlfriend duchess countess baroness
        """.split(),
        "FEMALE",
    ),
    **dict.fromkeys(
        """
        man father husband son brother boy gentleman actor chairman congressman businessman
        spokesman grandfather uncle nephew king prince widower dad stepfather boyfriend
        duke count baron
        """.split(),
        "MALE",
    ),
}

# Nouns for one person by what they do: "the Leeds captain" is a person at Leeds.
ROLE_NOUNS = frozenset(
    """
    captain skipper manager coach chief director head boss chair chairman chairwoman ceo
    president founder editor reporter correspondent economist analyst professor lecturer
    researcher scientist doctor surgeon nurse officer detective inspector commissioner
    prosecutor judge minister secretary senator governor mayor ambassador envoy diplomat
    commander pilot teacher principal player striker midfielder defender goalkeeper
    winger forward batsman bowler driver rider trainer jockey champion strategist
    negotiator consultant architect engineer author novelist historian activist pastor
    bishop priest imam rabbi chancellor premier deputy councillor councilor
    """.split()
)

RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom"})

HONORIFICS = frozenset(
    """
    mr mr. mrs mrs. ms ms. miss dr dr. prof prof. sir dame lord lady rev rev. fr fr.
    sen sen. rep rep. gov gov. gen gen. col col. capt capt. lt lt. sgt sgt. pres pres.
    president senator representative governor mayor judge justice secretary minister
    chancellor premier king queen prince princess pope general admiral chief
    """.split()
)

# Heads of nominal mentions that refer to organisations rather than people: "the newspaper said".
ORGANISATION_NOUNS = frozenset(
    """
    company firm business startup start-up newspaper paper magazine network channel station
    outlet website site agency department ministry government administration campaign
    committee commission council board group organization organisation association union
    party team club university college school institute foundation bank fund lab laboratory
    court office bureau service police army military navy embassy league federation
    corporation corp maker manufacturer producer retailer carrier airline insurer lender
    regulator watchdog publication tabloid broadcaster studio developer developers
    unit division panel authority parliament senate congress assembly cabinet tribunal
    secretariat directorate inspectorate taskforce coalition alliance consortium charity
    trust hospital council ministry opposition regime junta militia force
    """.split()
)

# Nouns naming people who speak for an organisation: "its developers say", "a company spokesman said".
SPOKES_NOUNS = frozenset(
    """
    spokesman spokeswoman spokesperson representative representatives official officials
    developers developer staff team aides aide executives executive management leadership
    lawyers lawyer attorney attorneys
    """.split()
)

SPEAKER_NER = frozenset({"PERSON", "ORGANIZATION"})

# Places that speak when they are the subject of a speech verb: "South Korea accused the
# North's leader of "fanatic recklessness"", "Russia insisted that ..." (their governments).
PLACE_NER = frozenset({"COUNTRY", "STATE_OR_PROVINCE", "CITY", "LOCATION"})

# Documents that "say" things in news: 'the ruling said', 'the statement noted'.
DOCUMENT_NOUNS = frozenset(
    """
    statement report article study survey poll ruling filing complaint lawsuit brief memo
    letter email tweet post editorial column piece story document release announcement
    order opinion decision verdict transcript notice bill law bylaw guideline regulation charter
    constitution handbook manual policy rule standard
    """.split()
)

# Recordings that show someone speaking: 'footage of Hillary Clinton asking, "..."' is
# Clinton's quote, not the footage's.
RECORDING_NOUNS = frozenset(
    """
    footage video videos clip clips tape tapes recording recordings audio film broadcast
    livestream interview
    """.split()
)

# Generic nouns for people, for unnamed speakers: 'a doctor', 'protesters', 'critics'.
PEOPLE_NOUNS = frozenset(
    """
    people person man woman men women mother father son daughter wife husband parent parents
    child children kid kids boy girl friend friends neighbor neighbour neighbors neighbours
    critic critics expert experts analyst analysts voter voters resident residents
    supporter supporters protester protesters protestor protestors observer observers source
    sources witness witnesses doctor doctors nurse teacher teachers student students
    worker workers employee employees candidate candidates leader leaders member members
    activist activists victim victims family families fan fans user users customer customers
    citizen citizens official officials economist economists scientist scientists
    researcher researchers professor lawmaker lawmakers legislator legislators politician
    politicians insider insiders aide aides adviser advisers advisor advisors veteran veterans
    owner owners founder founders investor investors colleague colleagues partner partners
    reporter reporters journalist journalists writer writers author authors narrator host
    """.split()
)

# capitalised prepositions a headline runs into a name ("Against Trump")
NAME_PREPOSITIONS = frozenset("against for with from about over after before by to on in at as into versus vs".split())

# a role's title ends at its first preposition ("Spokesperson for the High Commissioner")
ROLE_PREPOSITIONS = frozenset({"for", "of", "at", "to", "in", "with", "from", "on"})

# words a title leaves lowercase ("TQM in Practice")
MINOR_WORDS = frozenset("a an the and or of in on at to for with by from as vs but nor".split())

# titles CoreNLP may tag as part of a name
NOT_NAMES = frozenset("mr mrs ms dr president senator governor mayor chairman ceo".split())

# what a report or study does with its content ("A study found that ...")
FINDING_VERBS = frozenset({"find", "show", "determine", "estimate", "conclude", "reveal", "say", "state", "warn"})

# --------------------------------------------------------------------------- roles a reporter prints
# Nouns that head a title or a description of someone's position ("chief market strategist
# at IG", "Clinton campaign chairman", "political science professor"): a role is a noun
# phrase headed by one of these (lemmas, lowercase). General English, no particular people.
POSITION_NOUNS = ROLE_NOUNS | frozenset(
    """
    spokesman spokeswoman spokesperson adviser advisor aide staffer official executive
    administrator chairperson cochair co-chair vice-chair founder co-founder cofounder partner
    owner investor banker economist pollster strategist consultant lobbyist operative organizer
    organiser fundraiser treasurer clerk coordinator supervisor superintendent provost dean
    fellow scholar expert specialist physician psychiatrist psychologist pharmacist dentist
    veterinarian paramedic firefighter sheriff deputy trooper marshal agent ranger warden
    attorney lawyer counsel barrister solicitor magistrate justice juror
    legislator lawmaker congressman congresswoman congressperson assemblyman assemblywoman
    representative delegate alderman selectman councilman councilwoman councilmember senator
    governor mayor premier president vice-president chancellor speaker whip leader
    nominee candidate contender challenger incumbent front-runner frontrunner hopeful
    mate ambassador envoy consul diplomat attaché emissary negotiator mediator monitor observer
    secretary undersecretary under-secretary minister commissioner regulator inspector auditor
    general admiral colonel lieutenant major captain sergeant corporal private commander
    commandant marine soldier sailor airman seal ranger veteran
    reporter correspondent journalist columnist commentator pundit anchor anchorman
    anchorwoman host presenter broadcaster producer publisher editor writer author novelist
    poet playwright screenwriter filmmaker photographer cartoonist blogger contributor
    analyst researcher scientist historian economist sociologist demographer statistician
    professor lecturer instructor teacher principal tutor student chancellor
    actor actress singer songwriter musician rapper comedian dancer artist designer model
    athlete player coach manager quarterback pitcher boxer wrestler golfer swimmer sprinter
    entrepreneur businessman businesswoman industrialist developer engineer architect
    programmer technician mechanic farmer rancher miner chef
    activist campaigner advocate organizer volunteer steward trustee director governor
    pastor minister priest bishop archbishop cardinal pope imam rabbi cleric chaplain
    evangelist preacher monk nun deacon elder
    member chair chairman chairwoman head chief boss ceo cfo coo cto principal
    assistant associate intern apprentice employee worker
    recruiter trainer planner broker dealer agent accountant actuary auditor paralegal
    receptionist cashier waiter waitress bartender baker butcher cook fisherman carpenter
    plumber electrician driver cop guard detective spy surveyor nurse midwife therapist
    counselor counsellor surgeon dentist chemist physicist geologist astronomer inventor
    comptroller controller coroner examiner ombudsman speechwriter canvasser curator
    librarian archivist translator interpreter lawmaker politician statesman stateswoman
    governor-general premier ruler monarch king queen prince princess emperor sultan
    mogul tycoon magnate
    astronaut cosmonaut entertainer magician publicist podcaster cameraman illustrator painter
    sculptor guitarist drummer pianist composer conductor referee umpire jockey cyclist skier
    skater gymnast explorer missionary theologian philosopher linguist notary arbitrator
    investigator bodyguard chauffeur butler barista salesman saleswoman salesperson caseworker
    caregiver nanny janitor custodian contractor landlord proprietor shopkeeper merchant vendor
    grower trucker logger dispatcher operator foreman financier essayist critic regent
    registrar headmaster headmistress academic litigator bailiff constable elector
    """.split()
)

# Endings of nouns that name a profession whatever the field ("epidemiologist",
# "pediatrician", "choreographer", "agronomist").
POSITION_ENDINGS = ("ologist", "ician", "iatrist", "ographer", "onomist")

# Nouns for whom someone is to someone ("his wife", "Abu-Laban's nephew", "a friend"): a
# relation, never a role, whatever else the phrase holds.
RELATION_NOUNS = frozenset(
    """
    wife husband spouse widow widower mother father mom dad parent son daughter child
    brother sister sibling uncle aunt nephew niece cousin grandson granddaughter grandchild
    grandfather grandmother grandparent stepson stepdaughter stepfather stepmother
    father-in-law mother-in-law son-in-law daughter-in-law brother-in-law sister-in-law
    fiancé fiancée fiance fiancee girlfriend boyfriend friend neighbor neighbour
    classmate roommate rival opponent ally foe admirer fan
    """.split()
)

# Abbreviated titles, as a reporter writes them out ("Retired Lt. Gen. Michael Flynn" ->
# "retired lieutenant general"). The plural forms name one holder each ("Sens. Mark Kirk
# and Ron Johnson").
TITLE_WORDS = {
    "sen.": "senator",
    "sens.": "senator",
    "rep.": "representative",
    "reps.": "representative",
    "gov.": "governor",
    "govs.": "governor",
    "lt.": "lieutenant",
    "gen.": "general",
    "col.": "colonel",
    "maj.": "major",
    "capt.": "captain",
    "cpt.": "captain",
    "sgt.": "sergeant",
    "cpl.": "corporal",
    "pvt.": "private",
    "adm.": "admiral",
    "cmdr.": "commander",
    "cmdt.": "commandant",
    "del.": "delegate",
    "atty.": "attorney",
    "supt.": "superintendent",
    "det.": "detective",
    "insp.": "inspector",
    "prof.": "professor",
    "pres.": "president",
    "amb.": "ambassador",
    "sec.": "secretary",
    "treas.": "treasurer",
    "asst.": "assistant",
    "dep.": "deputy",
    "sgt.maj.": "sergeant major",
}

# Honorifics that say how to address someone, not what they do: never a role by themselves.
COURTESY_TITLES = frozenset("mr mr. mrs mrs. ms ms. miss mx mx. dr dr. rev rev. fr fr. sir dame lord lady hon hon.".split())

# Adjectives that judge rather than describe ("powerful AFT President", "famed fight
# doctor"): left off the role a reporter prints.
EVALUATIVE_ADJECTIVES = frozenset(
    """
    powerful famed famous prominent influential legendary renowned noted celebrated
    controversial embattled beleaguered outspoken high-profile well-known storied respected
    popular beloved iconic notorious flamboyant colorful colourful charismatic
    """.split()
)

# Words at a role's edge a reporter drops: "now director of ...", "currently president of ...".
ROLE_EDGE_ADVERBS = frozenset({"now", "currently", "also", "once", "still", "then"})

# Party names a title before a name may carry ("Democratic Sen. Claire McCaskill"), and the
# letters of a party label ("(D-Mo.)", "R-Fla."): the speaker's party, kept apart from roles.
PARTY_WORDS = {"republican": "Republican", "gop": "Republican", "democratic": "Democratic", "democrat": "Democratic"}
PARTY_LETTERS = {"d": "Democratic", "r": "Republican", "i": "independent"}
