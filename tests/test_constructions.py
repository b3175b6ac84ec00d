"""One made-up sentence per construction the attribution knows, attributed from CoreNLP's
real answers for it, recorded (tests/fixtures/corenlp/constructions): no Java needed.
Regenerate the recordings from the real server with

    QUOTES_RECORD=1 python -m pytest -m constructions

Every registered rule and resolver is pinned by at least one construction here
(test_every_rule_and_resolver_is_pinned fails otherwise)."""

from __future__ import annotations

import pytest

from quotes.models import QuoteType

pytestmark = pytest.mark.constructions

# (text, quoted words, speaker, rule, resolver). The sentences are made up for the test;
# each rule's and resolver's docstring names its construction.
CONSTRUCTIONS = [
    (
        '"He would be a great senator. Not good, great. One of the brightest members of the entire Congress," '
        "Rep. Elijah E. Cummings (D-Md.) said in a phone interview.",
        "One of the brightest",
        "Elijah E. Cummings",
        "speech_verb_right_after",
        "named_in_the_mention",
    ),
    (
        '"This is a big year for our potential United States senator, Bobby Scott!" Scott\'s niece, state Del. Marcia "Cia" '
        "Price (D-Newport News), shouted to the crowd.",
        "This is a big year",
        "Marcia",
        "speech_verb_right_after",
        "named_in_the_mention",
    ),
    (
        'Protesters marching through the streets chanted "What curfew?" and kept going until nearly 2 a.m. Friday in '
        "defiance the curfew.",
        "What curfew",
        "Protesters",
        "speech_verb_earlier_in_the_sentence",
        "owned_or_plural_description",
    ),
    (
        "Prince Rolf, the king's younger brother, gave a television interview on Saturday.\n\n\"He is not entitled to any "
        'immunity," said one legal expert.\n\n"His friendship with the banker is under investigation," the expert warned.',
        "His friendship",
        "one legal expert",
        "speech_verb_right_after",
        "the_one_described_before",
    ),
    (
        'Reporters asked Lena Cole about the trial. Her voice drops. "That is the past."',
        "That is the past",
        "Lena Cole",
        "subject_of_the_sentence_before",
        "coreference_chain",
    ),
    (
        'Actor Maya Lind grew up in Ohio. "I was not a good student," she says.\n\nHow social was she? Suspended?\n\n'
        '"Um. Not for more than a couple of days. There were suspensions."',
        "Not for more than",
        "Maya Lind",
        "answer_to_the_question_before",
        "coreference_chain",
    ),
    (
        'A 2019 study by the Harbor Institute found that the program was "a total failure."',
        "a total failure",
        "Harbor Institute",
        "speech_verb_with_subject",
        "author_of_the_document",
    ),
    (
        "President Zorvak met Prime Minister Anna Lindqvist in Stockholm on Monday.\n\nPresident Zorvak hailed the "
        '"long-established friendly" ties between the two countries.\n\nMs Lindqvist said the visit was meant to "relaunch" '
        'the relationship.\n\n"Both sides face important opportunities for mutual development," he said.',
        "Both sides face",
        "Zorvak",
        "speech_verb_right_after",
        "most_recent_compatible",
    ),
    (
        "Two soldiers were killed in a helicopter crash, the US military said in a statement on Wednesday.\n\n"
        '"The cause of the crash is under investigation," the statement said.',
        "cause of the crash",
        "US military",
        "speech_verb_right_after",
        "unnamed_description/issuer_of_the_document",
    ),
    (
        "In its latest annual report, the Harbor Commission cut its forecast. Koen Mertens, an economist, told the BBC's "
        'World Business Report that prices would fall.\n\nHowever, the report warned: "It remains to be seen whether '
        'demand will recover."',
        "remains to be seen",
        "Harbor Commission",
        "speech_verb_just_before",
        "unnamed_description/issuer_of_the_document",
    ),
    (
        "The UN High Commissioner for Human Rights, Volker Hahn, on Friday called for action on behalf of stranded sailors.\n\n"
        '"Many are unaccounted for," said Anna Berg, spokesperson for the High Commissioner.\n\n'
        "Ships have been attacked for months.\n\nPorts remain closed.\n\nFood is running short.\n\n"
        'The High Commissioner called on all parties "to urgently ensure the protection of stranded seafarers".',
        "to urgently ensure",
        "Volker Hahn",
        "speech_verb_with_subject",
        "holder_of_the_title",
    ),
    (
        'Police chief Michael Webb said the suspect fled on foot. "We got her, we got her!" officers shouted as they '
        "carried the girl out.",
        "We got her",
        "officers",
        "speech_verb_right_after",
        "owned_or_plural_description",
    ),
    (
        'Detective Michael Webb said the girl was found on Sunday. The victim\'s mother called her "brave, strong, and smart."',
        "brave, strong",
        "victim's mother",
        "speech_verb_with_subject",
        "owned_or_plural_description",
    ),
    (
        "Donald Trump unveiled a child-care plan on Tuesday, promising six weeks of paid leave. Trump campaign spokesman "
        "Jason Miller told The Washington Post that the policy would extend to single mothers. Miller said details would "
        "follow. However, he could not explain why a marriage requirement is cited on the campaign website. "
        '"We don\'t have the exact legislation written down," he said.',
        "exact legislation",
        "Jason Miller",
        "speech_verb_right_after",
        "coreference_chain",
    ),
    (
        "Bill Clinton campaigned in Ohio on Monday. Hillary Clinton has released a new book about her years in office. "
        'After saying her right foot was "so swollen I could barely get my shoe on," she was taken to hospital.',
        "so swollen",
        "Hillary Clinton",
        "participle_clause_then_subject",
        "coreference_chain",
    ),
    (
        'Governor Ann Lee used unusually blunt language to denounce the "reckless and cruel" budget cuts.',
        "reckless and cruel",
        "Ann Lee",
        "speech_verb_with_subject",
        "named_in_the_mention",
    ),
    (
        "Sonia Marsh, his attorney, told The Hill in a statement that her client meant no harm. "
        '"He is passionate about his beliefs and he regrets his words," she said.',
        "passionate about",
        "Sonia Marsh",
        "speech_verb_right_after",
        "coreference_chain",
    ),
    (
        'The rule was "unfair to small donors," per a statement from the Harbor Commission.',
        "unfair to small donors",
        "Harbor Commission",
        "according_to",
        "author_of_the_document",
    ),
    (
        'Proxy votes are barred when voting "to fill a vacancy on the ticket," per the party\'s bylaws.',
        "to fill a vacancy",
        "bylaws",
        "according_to",
        "owned_or_plural_description",
    ),
    (
        "Readers wrote in.\n“I grew up here and I will not leave,” said Tom Hale.\n“My town changed when the mill closed. "
        "Nobody came to help.” And that is all we ask for, “a fair chance.” ― Maria Lopez\n",
        "My town changed",
        "Maria Lopez",
        "dash_signature",
        "named_in_the_mention",
    ),
    (
        'Mayor Jane Roe openly admires Governor Tim Bell as a "true partner," comparing him to her predecessor.',
        "true partner",
        "Jane Roe",
        "characterised_as",
        "named_in_the_mention",
    ),
    (
        'The advert uses footage of Senator Ann Lee asking, "Where is all the money going?"',
        "Where is all the money",
        "Ann Lee",
        "speech_verb_just_before",
        "named_in_the_mention",
    ),
    (
        'Governor Tim Bell is rolling out a new and more personal campaign message: "We finish what we start."',
        "We finish",
        "Tim Bell",
        "speech_noun_before_colon",
        "named_in_the_mention",
    ),
    (
        '"We will not back down on pensions," Maria Gomez, the union\'s regional director and a veteran of three strikes, '
        "told the Daily Planet.",
        "We will not back down",
        "Maria Gomez",
        "speech_verb_with_subject",
        "named_in_the_mention",
    ),
    (
        'The Harbor Commission issued a statement calling the plan "a reckless gamble with public money."',
        "a reckless gamble",
        "Harbor Commission",
        "speech_verb_with_subject",
        "named_in_the_mention",
    ),
    (
        'The Liberal Democrats described the plan as "short-sighted and cruel".',
        "short-sighted",
        "Liberal Democrats",
        "speech_verb_with_subject",
        "proper_name_ner_missed",
    ),
    (
        'Sarah Jones, who chairs the Friends of Eastgate Library, opposes the cuts. "It is a sad day," a council '
        "spokesperson said.",
        "a sad day",
        "council spokesperson",
        "speech_verb_right_after",
        "someone_new",
    ),
    (
        "'We have no choice, the money has simply run out,' said Mr Hughes, who has led the council since 2019.",
        "We have no choice",
        "Hughes",
        "speech_verb_right_after",
        "named_in_the_mention",
    ),
    (
        '"It\'s a wake-up call," the chief executive of the chemicals group BASF, Martin Brudermüller, wrote on LinkedIn.',
        "wake-up call",
        "Martin Brudermüller",
        "speech_verb_with_subject",
        "named_in_apposition_to_a_description",
    ),
    (
        'Carsten Brzeski of ING was gloomy. Brzeski\'s colleague, economist Inga Fechner, said: "Consumers are still cautious."',
        "Consumers are still",
        "Inga Fechner",
        "speech_verb_just_before",
        "named_in_apposition_to_a_description",
    ),
    (
        'The European Space Agency\'s director general, Josef Aschbacher, posted on X: "Great science. Europe will be part of this."',
        "Great science",
        "Josef Aschbacher",
        "speech_verb_with_subject",
        "named_in_apposition_to_a_description",
    ),
    (
        '"This is a betrayal," said Tom Becker, head of the union branch. Analysts at Morgan Stanley called the move '
        '"overdue" in a note to clients.',
        "overdue",
        "Morgan Stanley",
        "speech_verb_with_subject",
        "members_of_an_organisation",
    ),
    (
        'Mayor Lisa Ortiz faced sharp questions. "People keep telling me it can\'t be done," she said. Asked about the cost, '
        "Ortiz replied that prices had risen. City councillor James Okafor, a longtime critic, was unimpressed. "
        '"The mayor is selling a dream," he wrote in a post on X.',
        "selling a dream",
        "James Okafor",
        "speech_verb_right_after",
        "most_recent_compatible",
    ),
    (
        'Host Dan Rivers pressed the mayor on the cost. "You said in March it would cost $2 billion. Now it is $3.1 billion. '
        'Which is it?"',
        "Which is it",
        "Dan Rivers",
        "subject_of_the_sentence_before",
        "named_in_the_mention",
    ),
    (
        'A federal judge on Monday blocked the law, calling it "a solution in search of a problem." In her ruling, '
        "U.S. District Judge Maria Delgado wrote that the state had shown no evidence of fraud.",
        "a solution in search",
        "Maria Delgado",
        "speech_verb_with_subject",
        "someone_new/the_one_described_by_that_title",
    ),
    (
        "Senator Tom Reyes met Governor Anna Kim and Mayor Paul Brandt on Monday.\n\nBrandt left early. "
        '"We are not there yet," the congresswoman told reporters afterwards.',
        "not there yet",
        "Anna Kim",
        "speech_verb_right_after",
        "most_recent_compatible",
    ),
    (
        'State media quoted Defence Minister Rajnath Singh as saying the army was "fully prepared for any eventuality".',
        "fully prepared",
        "Rajnath Singh",
        "quoted_as_saying",
        "named_in_the_mention",
    ),
    (
        'Mayor Ann Cole spoke first. The recent spate of closures has been described as "heartbreaking" by the health '
        "department.",
        "heartbreaking",
        "health department",
        "characterised_as",
        "someone_new",
    ),
    (
        'Keir Starmer visited the estate on Friday. "We have been let down," one resident, who did not want to be named, '
        "told the BBC.",
        "let down",
        "resident",
        "speech_verb_with_subject",
        "someone_new",
    ),
    (
        'Mikel Arteta praised his side. "It is a tough one to take," conceded the Leeds captain.',
        "a tough one",
        "Leeds captain",
        "speech_verb_right_after",
        "someone_of_a_named_body",
    ),
    (
        "Police chief Tom Reyes spoke on Monday. China's ambassador to Britain Liu Xiaming has said that China has the "
        '"resolution and power" to end the unrest.',
        "resolution and power",
        "Liu Xiaming",
        "speech_verb_with_subject",
        "named_in_apposition_to_a_description",
    ),
    (
        "According to a 2018 survey by Penelope Muse Abernathy of the University of North Carolina, the chain tends to "
        '"consolidate copy editing and page design" at a corporate center.',
        "consolidate copy",
        "Penelope Muse Abernathy",
        "according_to",
        "author_of_the_document",
    ),
    (
        'Whole Foods chief executive John Mackey said in an internal memo that the "price distinction between the two '
        'brands has become less relevant," Yahoo Finance reported.',
        "price distinction",
        "John Mackey",
        "speech_verb_with_subject",
        "named_in_the_mention",
    ),
    (
        "Education secretary Keith Joseph pressed on. In one briefing note Margaret Thatcher was warned by her policy unit "
        'that "GCSE is an exam nobody will fail."',
        "nobody will fail",
        "policy unit",
        "speech_verb_with_subject",
        "someone_new",
    ),
    (
        "IDcare counsellor Christine Jackson spoke to the ABC.\n\n'So often it will be phone accounts,' she told the ABC."
        "\n\n'They'll also apply for credit cards and keep going until your credit history is in a mess."
        "\n\n'And then they'll lay low for a while.'",
        "apply for credit cards",
        "Christine Jackson",
        "continues_previous_quote",
        "coreference_chain",
    ),
    (
        "President Barack Obama met leaders in Nairobi. However, he defended his decision to engage with those governments."
        '\n\n"Well, they\'re not ideal institutions. But engagement gives us the best opportunity."',
        "not ideal institutions",
        "Barack Obama",
        "subject_of_the_sentence_before",
        "coreference_chain",
    ),
    (
        'Tim Cook walked the stage. Cook remembered Steve Jobs rehearsing there and "going way off script in a way that '
        'only he could do, making everyone laugh."',
        "going way off script",
        "Tim Cook",
        "subject_of_the_clause",
        "named_in_the_mention",
    ),
    (
        'Sir Keir Starmer has promised to cut waiting lists.\n\n"We are heartbroken and devastated." Those were the words '
        "of the family of Amy Clarke, 34, in a statement released by police.",
        "heartbroken",
        "family of Amy Clarke",
        "words_of_in_the_next_sentence",
        "relation_of_a_named_person",
    ),
    (
        "The family of Amy Clarke paid tribute on Monday. The family added: 'She lit up every room she walked into.'\n\n"
        'Home Secretary Yvette Cooper said she was "appalled" by the attack.',
        "lit up every room",
        "family of Amy Clarke",
        "speech_verb_just_before",
        "coreference_chain",
    ),
    (
        'Japan branded North Korea an "outlaw nation in the neighborhood." Russia insisted that Pyongyang "stop its '
        'dangerous escapades."',
        "outlaw nation",
        "Japan",
        "speech_verb_with_subject",
        "place_for_its_government",
    ),
    (
        "Egypt and Jordan also sharply criticised the US policy shift, with Jordanian Foreign Minister Ayman Safadi warning "
        'of "dangerous consequences".',
        "dangerous consequences",
        "Ayman Safadi",
        "possessive_speech_noun",
        "named_in_the_mention",
    ),
    (
        'Jiang Hui, whose mother was on MH370, said: "I don\'t know how to describe the feeling I had when I heard."',
        "how to describe",
        "Jiang Hui",
        "speech_verb_just_before",
        "named_in_the_mention",
    ),
    (
        '"This is mainly due to the change in wind direction," Kurinji Selvaraj, a research analyst at the Delhi-based '
        "Council on Energy, Environment and Water think tank told CBS News.",
        "wind direction",
        "Kurinji Selvaraj",
        "name_apposition_then_speech_verb",
        "named_in_the_mention",
    ),
    (
        '"That second injury is almost the bigger injury," a neuroscientist and Argenica chief executive Dr Liz Dallimore '
        "explains.",
        "bigger injury",
        "Liz Dallimore",
        "speech_verb_with_subject",
        "named_in_apposition_to_a_description",
    ),
    (
        "Six-year-old Franklin Taylor loves reading about outer space. Franklin Taylor was born in Sydney.\n\n"
        "His mother Sarah-Ann Taylor says their world stopped that day.\n\n"
        '"Initially we thought he was going to pull through," Ms Taylor told AAP.',
        "pull through",
        "Sarah-Ann Taylor",
        "speech_verb_right_after",
        "named_in_the_mention",
    ),
    (
        "Homeland Security Secretary Jeh Johnson spoke on Friday. Libertarian candidate Gary Johnson campaigned in Ohio. "
        "Gary Johnson drew a crowd.\n\nLater, Jeh Johnson says hackers are targeting election officials. Johnson tells "
        'MSNBC that "exactly who did it" remains under investigation.',
        "exactly who did it",
        "Jeh Johnson",
        "speech_verb_with_subject",
        "named_in_the_mention",
    ),
    (
        "In a panel discussion this weekend in Washington, Marc H. Morial, the chief executive of the National Urban "
        "League, forcefully told a young woman who suggested that some people may not vote because of frustration that "
        '"this is not the first generation to be frustrated and not voting is not a viable nor intelligent strategy."',
        "first generation",
        "Marc H. Morial",
        "speech_verb_earlier_in_the_sentence",
        "named_in_the_mention",
    ),
    (
        '"We have thoroughly tested the candidates," said UKA chief executive David Moorcroft. "I believe David will make a '
        'great leader." Collins said: "It\'s a great challenge."',
        "make a great leader",
        "David Moorcroft",
        "continues_previous_quote",
        "named_in_the_mention",
    ),
    (
        'BT has launched its Connected World initiative. The idea, says BT, is to shape a "21st Century model" for the arts.',
        "21st Century model",
        "BT",
        "speech_verb_with_subject",
        "coreference_chain",
    ),
    (
        'Liberal Democrat spokeswoman for women Sandra Gidley said: "While mothers would welcome any extra maternity pay, '
        'this money is being misdirected."',
        "misdirected",
        "Sandra Gidley",
        "speech_verb_just_before",
        "named_in_apposition_to_a_description",
    ),
    (
        "Mayor Ann Cole will speak on Friday. Cole's campaign is seeking to contrast her approach with what they call "
        'Governor Tom Reyes\'s "self-centered message."',
        "self-centered",
        "campaign",
        "speech_verb_with_subject",
        "coreference_chain",
    ),
    (
        "Prime Minister Anthony Albanese spoke in Canberra. Foreign Minister Wang Yi met his counterpart in Beijing. "
        '"China is ready to work with all parties," the minister added.',
        "ready to work",
        "Wang Yi",
        "speech_verb_right_after",
        "holder_of_the_title",
    ),
    (
        'According to a statement from the Ministry of Health, the outbreak is "under control".',
        "under control",
        "Ministry of Health",
        "according_to",
        "author_of_the_document",
    ),
    (
        '"Nobody is above the law."\n\u2014 Chief Justice Dipak Misra',
        "above the law",
        "Dipak Misra",
        "dash_signature",
        "named_in_the_mention",
    ),
    (
        'Calling it "a shocking embarrassment" for members of the party, John McGuinness said the election has underlined '
        'the need for the party to "reinvent itself" for the future.',
        "reinvent itself",
        "John McGuinness",
        "speech_verb_with_subject",
        "named_in_the_mention",
    ),
    (
        "Whale expert Hori Parata has overseen 500 strandings.\n\nBut for Parata and his family the slow, painful deaths "
        'are personal.\n\n"It\'s very emotional. Our ancestors tell us the strandings are a sign from the sea."',
        "very emotional",
        "Hori Parata",
        "subject_of_the_sentence_before",
        "coreference_chain",
    ),
    (
        "Recruiter Shannon Barlow said candidates weighed many factors.\n\nShe said most job seekers valued security.\n\n"
        "\"It's been a difficult couple of years for many job seekers. Competition for roles remains strong.\n\n"
        '"That said, any additional benefit is viewed favourably."',
        "difficult couple of years",
        "Shannon Barlow",
        "subject_of_the_sentence_before",
        "coreference_chain",
    ),
    (
        'In her book, Senator Ann Lee described the clot. After saying her right foot was "so swollen I could barely get my '
        'shoe on," she was rushed to hospital for tests.',
        "so swollen",
        "Ann Lee",
        "participle_clause_then_subject",
        "coreference_chain",
    ),
    (
        'At the rally, Senator Ann Lee spoke of "a new era for the city."',
        "a new era",
        "Ann Lee",
        "speech_verb_with_subject",
        "named_in_the_mention",
    ),
    (
        'The vote was close. "We are done here." Senator Ann Lee said as she left the chamber.',
        "We are done here",
        "Ann Lee",
        "adjacent_speech_verb",
        "named_in_the_mention",
    ),
    (
        'Mayor Tom Reyes said in a statement:\n\n"We will rebuild the bridge. The work starts in May."',
        "rebuild the bridge",
        "Tom Reyes",
        "colon_paragraph_before",
        "named_in_the_mention",
    ),
    ('Senator Ann Lee: "We will not back down."', "not back down", "Ann Lee", "name_and_colon", "named_in_the_mention"),
    (
        '"It is over." That is what Mayor Tom Reyes told the council on Monday.',
        "It is over",
        "Tom Reyes",
        "speech_verb_nearby_sentence",
        "named_in_the_mention",
    ),
    (
        'Acme Corp cut 500 jobs on Monday. "We regret the decision," Acme\'s spokesman said.',
        "regret the decision",
        "Acme Corp",
        "speech_verb_right_after",
        "speaks_for_the_principal",
    ),
    (
        'The court struck down the law. "The statute is void," the ruling said.',
        "statute is void",
        "ruling",
        "speech_verb_right_after",
        "unnamed_description",
    ),
    (
        'The environment secretary, Steve Reed, said: "Water bills will rise."',
        "Water bills",
        "Steve Reed",
        "speech_verb_just_before",
        "named_in_apposition_to_a_description",
    ),
    (
        'Mallory Stone, a nurse at the clinic, said the wait was long. "We are exhausted," Stone added.',
        "We are exhausted",
        "Mallory Stone",
        "speech_verb_right_after",
        "surname_of_a_person_named_before",
    ),
    (
        'Dr. Aroha Ngata, a surgeon, spoke first. "The ward is full," Ngata said. Later, Tama Ngata, her brother, said: '
        '"We are proud of her."',
        "ward is full",
        "Aroha Ngata",
        "speech_verb_right_after",
        "surname_of_a_person_named_before",
    ),
    (
        'Two farmers waited at the gate. "We lost the whole crop," one of the men, Tom Hale, 64, said.',
        "whole crop",
        "Tom Hale",
        "speech_verb_with_subject",
        "named_in_apposition_to_a_name",
    ),
    (
        'Tom Reyes spoke last. Said Reyes, "We will not give up."',
        "not give up",
        "Tom Reyes",
        "speech_verb_introduces_quote",
        "named_in_the_mention",
    ),
    (
        'Mayor Tom Reyes heard the plan out. "That is nonsense," Reyes scoffed.',
        "That is nonsense",
        "Tom Reyes",
        "speech_verb_right_after",
        "named_in_the_mention",
    ),
    (
        'Senate candidate Maria Lopez - who earlier said she would "fight for every single vote" - spoke in Denver on Friday.',
        "fight for every single vote",
        "Maria Lopez",
        "speech_verb_with_subject",
        "antecedent_of_who",
    ),
    (
        'Some in the crowd booed, and when Lopez thanked the city and said it was great to be home, a man yelled "Stay there!"',
        "Stay there",
        "man",
        "speech_verb_with_subject",
        "someone_new",
    ),
    (
        'Dora Pike spoke at the hearing on Monday.\n\n"The way I see it," she elaborated, "nobody asked the parents."',
        "The way I see it",
        "Dora Pike",
        "speech_verb_right_after",
        "coreference_chain",
    ),
    (
        "The court rejected the appeal on Monday. The Ohio Board of Elections was conclusive in its findings: "
        '"Further discussion on this issue is unnecessary."',
        "Further discussion",
        "Ohio Board of Elections",
        "subject_of_a_clause_before_a_colon",
        "named_in_the_mention",
    ),
]

NAMES_NOT_SPEECH = [
    ('Senator Ann Lee told CBS\'s "Face the Nation" on Sunday that the bill would pass.', "Face the Nation"),
    ('State Del. Marcia "Cia" Price spoke first at the rally in Richmond.', "Cia"),
    ('The bill, known as the "Clean Harbors Act," passed the Senate on Tuesday.', "Clean Harbors Act"),
]


CONSTRUCTIONS += [
    (
        'Lena Cole won the primary on Tuesday.\n\n"We will win every state," Lena Cole\'s campaign manager said on Sunday.',
        "We will win every state",
        "Lena Cole's campaign manager",
        "speech_verb_right_after",
        "relation_of_a_named_person",
    ),
    (
        "Lena Cole won the primary on Tuesday.\n\n"
        'Tad Devine, Cole\'s chief strategist, said, "The contest will be decided by the delegates who are free."',
        "The contest will be decided",
        "Tad Devine",
        "speech_verb_just_before",
        "named_in_the_mention",
    ),
]


CONSTRUCTIONS += [
    (
        'Voters in Harbor City went to the polls on Tuesday.\n\n"Hi, voters! The count starts at nine!" a statement '
        "from Mayor Lena Cole reads.",
        "The count starts at nine",
        "Lena Cole",
        "speech_verb_right_after",
        "author_of_the_document",
    ),
]


# Constructions read without coreference (the "fast" profile, where our own resolvers do
# the pronouns): (text, quoted words, speaker, rule, resolver), as above.
WITHOUT_COREF = [
    (
        "Mayor Lisa Ortiz met Governor Tom Reyes on Monday. Ortiz said that she thanked Reyes for what she called "
        '"a generous offer."',
        "a generous offer",
        "Lisa Ortiz",
        "speech_verb_with_subject",
        "subject_of_the_governing_clause",
    ),
]


@pytest.mark.parametrize(
    "text, quote, speaker, rule, resolver", WITHOUT_COREF, ids=[f"{c[3]}-{c[4]}-{c[2]}" for c in WITHOUT_COREF]
)
def test_constructions_without_coreference_get_their_speaker(attribute_text, text, quote, speaker, rule, resolver):
    [found] = [q for q in attribute_text(text, profile="fast").quotes if quote in q.text]
    assert found.speaker and speaker in found.speaker, (found.speaker, found.rule, found.resolver)
    assert (found.rule, found.resolver) == (rule, resolver)


@pytest.mark.parametrize(
    "text, quote, speaker, rule, resolver", CONSTRUCTIONS, ids=[f"{c[3]}-{c[4]}-{c[2]}" for c in CONSTRUCTIONS]
)
def test_constructions_get_their_speaker(attribute_text, text, quote, speaker, rule, resolver):
    [found] = [q for q in attribute_text(text).quotes if quote in q.text]
    assert found.speaker and speaker in found.speaker, (found.speaker, found.rule, found.resolver)
    assert (found.rule, found.resolver) == (rule, resolver)


def test_every_rule_and_resolver_is_pinned():
    """A registered rule or resolver no construction expects is untested: add a sentence."""
    from quotes.attribution import RESOLVERS, RULES

    rules = {c[3] for c in CONSTRUCTIONS + WITHOUT_COREF}
    resolvers = {c[4].split("/")[0] for c in CONSTRUCTIONS + WITHOUT_COREF}
    assert set(RULES) - rules == set(), "rules without a construction test"
    assert set(RESOLVERS) - resolvers == set(), "resolvers without a construction test"


@pytest.mark.parametrize("text, quote", NAMES_NOT_SPEECH, ids=[n[1] for n in NAMES_NOT_SPEECH])
def test_names_in_quote_marks_have_no_speaker(attribute_text, text, quote):
    [found] = [q for q in attribute_text(text).quotes if quote in q.text]
    assert found.speaker is None and found.type == QuoteType.non_speech, (found.speaker, found.rule)


def test_a_speech_noun_elsewhere_in_the_sentence_is_not_the_cue(attribute_text):
    """ "his message" says nothing of the quote that qualifies his supporters."""
    text = 'Mayor Paul Brandt is steering his "fiscally responsible" supporters into believing his message.'
    [found] = attribute_text(text).quotes
    assert found.rule != "possessive_speech_noun", (found.speaker, found.rule)


def test_a_quote_that_judges_a_statement_is_not_its_content(attribute_text):
    text = 'PolitiFact then ruled that Mayor Dan Cole\'s statement about crime is "true," but added a caveat.'
    [found] = attribute_text(text).quotes
    assert found.rule != "possessive_speech_noun", (found.speaker, found.rule)


def test_a_quotation_over_several_paragraphs_takes_the_cue_at_its_end(attribute_text):
    text = (
        '"We will fight on," said coach Tom Reyes.\n\n'
        '"I have been suffering a lot of injuries the last two years. So I will stop when my body says so.\n\n'
        '"If that is the last match here, I will be in peace," Rafael Nadal added.'
    )
    quotes = attribute_text(text).quotes
    [first_part] = [q for q in quotes if "suffering" in q.text]
    assert first_part.speaker == "Rafael Nadal", (first_part.speaker, first_part.rule)
    assert first_part.rule == "same_quotation_as_its_cue"


def test_a_second_report_joined_by_but_is_the_nearer_speakers(attribute_text):
    """The quote is in the second "said" clause, so its mention is that clause's "he"."""
    text = (
        'Chief Ray Dunn said that the video did not give "absolute proof," but he said that the footage '
        '"supports what we have heard" about the night.'
    )
    [_, second] = attribute_text(text).quotes
    assert second.speaker == "Ray Dunn"
    assert (second.mention, second.cue) == ("he", "said"), (second.mention, second.cue_start, second.rule)
    assert text[second.cue_start : second.cue_start + 4] == "said" and second.cue_start > text.index("but")


def test_per_a_unit_is_not_a_source(attribute_text):
    [found] = attribute_text('Tickets for the final cost "a small fortune," per person.').quotes
    assert found.speaker is None and found.rule != "according_to", (found.speaker, found.rule)


def test_a_capitalised_thing_is_not_a_person_by_first_name(attribute_text):
    text = 'Opposition Leader Bill Shorten backed the plan. The Bill lets agencies access "metadata" without a warrant.'
    [found] = attribute_text(text).quotes
    assert found.speaker is None, (found.speaker, found.rule)


def test_a_verb_reporting_its_own_clause_is_not_the_cue_of_the_quote_before(attribute_text):
    text = (
        'Mr Ricky Yeo, president of a dog charity, said the practice is exploitative. "It is always bad for the dog," '
        'he said. The Animal Welfare Society is also against it. "Animals have natural coats and should be left '
        'alone." But vet Kenneth Tong said that he would not consider it cruelty.'
    )
    [found] = [q for q in attribute_text(text).quotes if "natural coats" in q.text]
    assert found.speaker != "Kenneth Tong", (found.speaker, found.rule)


def test_the_second_half_of_a_split_quote_is_direct(attribute_text):
    text = '"It is the kind of result that gets people excited," said Priya Natarajan, "but the hard work starts now."'
    [first, second] = attribute_text(text).quotes
    assert first.type == second.type == QuoteType.direct
    assert second.speaker == "Priya Natarajan"


def test_roles_from_either_side_of_an_apposition_without_relative_clauses(attribute_text):
    text = (
        'The state\'s attorney general, Kevin Marsh, said: "We will appeal." "Today is a good day," said Ana Lima, '
        "director of the Voter Access Project, which brought the suit."
    )
    roles = {s.name: s.roles for s in attribute_text(text).speakers}
    assert "state's attorney general" in roles["Kevin Marsh"]
    assert "director of the Voter Access Project" in roles["Ana Lima"]


def test_a_title_ner_ran_into_a_name_is_a_role_not_part_of_it(attribute_text):
    """'Recruiter Shannon Barlow said': CoreNLP tags the sentence's first word a common noun
    inside the PERSON run; the name is Shannon Barlow, the recruiter her role."""
    text = next(c[0] for c in CONSTRUCTIONS if c[0].startswith("Recruiter Shannon Barlow"))
    result = attribute_text(text)
    [found] = [q for q in result.quotes if "difficult couple of years" in q.text]
    assert found.speaker == "Shannon Barlow"
    # printed as a reporter writes it after the name: "Shannon Barlow, recruiter"
    assert "recruiter" in {s.name: s for s in result.speakers}["Shannon Barlow"].roles


def test_a_surname_means_the_person_named_in_full_before_it(attribute_text):
    """Of Aroha and Tama Ngata, the lone "Ngata" before Tama is named is Aroha, a person,
    whatever NER made of the surname alone."""
    text = next(c[0] for c in CONSTRUCTIONS if c[0].startswith("Dr. Aroha Ngata"))
    quotes = attribute_text(text).quotes
    [ward] = [q for q in quotes if "ward is full" in q.text]
    [proud] = [q for q in quotes if "proud of her" in q.text]
    assert (ward.speaker, ward.speaker_type.value) == ("Aroha Ngata", "person")
    assert proud.speaker == "Tama Ngata"


def test_a_surname_tagged_as_an_adjective_is_still_the_inverted_subject(attribute_text):
    """Taggers read some surnames as adjectives ('said Devine', Devine/JJ, hung on the verb
    as xcomp); the entity recogniser's PERSON is what counts."""
    text = 'Tad Devine, a senior adviser, spoke on Tuesday.\n\n"It is not just a campaign. It is a cause," said Devine.'
    [cause] = [q for q in attribute_text(text).quotes if "It is a cause" in q.text]
    assert (cause.speaker, cause.rule) == ("Tad Devine", "speech_verb_with_subject")


# Roles a reporter can print (issue 17), one made-up sentence per rule of quotes/attribution/
# roles.py: (text, speaker, roles it must have, roles it must not have, party). Roles are
# compared by quotes.text.role_key (case, apostrophes, a leading article aside).
ROLE_CONSTRUCTIONS = [
    # an abbreviated title before a name is written out, kept whole with its modifier
    (
        'Retired Lt. Gen. Omar Haddad said the plan was "sound in every part."',
        "Omar Haddad",
        {"retired lieutenant general"},
        {"Retired Lt. Gen."},
        None,
    ),
    # two titles before one name are two roles, neither cut
    (
        'Harlan running mate Gov. Nora Pell told supporters in Dayton, "We will carry this state."',
        "Nora Pell",
        {"Harlan running mate", "governor"},
        {"Harlan running mate Gov."},
        None,
    ),
    # a title whose of-phrase names a body runs into the name; the body's last word is no role
    (
        'Secretary of Homeland Security Dana Whitlow said on Monday that "the border is secure."',
        "Dana Whitlow",
        {"Secretary of Homeland Security"},
        {"Security"},
        None,
    ),
    # a party label after a name is the speaker's party, never a role
    (
        'Sen. Clara Voss (D-Mo.) said the bill was "dead on arrival."',
        "Clara Voss",
        {"senator"},
        {"(D-Mo.)", "D-Mo."},
        "Democratic",
    ),
    # a party name right before an abbreviated title is the party too
    (
        'Republican Rep. Hal Dunmore said the vote was "a betrayal of the district."',
        "Hal Dunmore",
        {"representative"},
        {"Republican Rep.", "Republican representative"},
        "Republican",
    ),
    # a dateline before the title is no part of it
    (
        'ELM CITY, Ore. - State Rep. Tom Brandt is "certain" he will vote for the measure.',
        "Tom Brandt",
        {"state representative"},
        {"ELM CITY", "Ore. - State Rep."},
        None,
    ),
    # a relation is not a role, nor are the words joined to it
    (
        'Paul Vance\'s father, Ed Vance, and other family members said they were "heartbroken."',
        "Ed Vance",
        set(),
        {"Paul Vance's father", "other family members", "father"},
        None,
    ),
    # two descriptions joined by "and" are two roles when the first is whole without the second
    (
        'Lena Ortiz, a physician from Vermont and longtime Green Party activist, said the rally was "only the start."',
        "Lena Ortiz",
        {"physician from Vermont", "longtime Green Party activist"},
        {"physician from Vermont and longtime Green Party activist"},
        None,
    ),
    # a description ends where a relative clause begins
    (
        '"They are on time," said Rafael Ibarra, a Democratic strategist who was the media director for the governor in 2008.',
        "Rafael Ibarra",
        {"Democratic strategist"},
        {"Democratic strategist who was the media director for the governor in 2008", "media director"},
        None,
    ),
    # a courtesy title and a judging adjective are left off the role
    (
        'On Tuesday, magazine editor Dr. Ivo Brandt called the plan "a disgrace."',
        "Ivo Brandt",
        {"magazine editor"},
        {"magazine editor Dr.", "Dr."},
        None,
    ),
    (
        'Powerful union President Greta Lund called the plan "a disgrace."',
        "Greta Lund",
        {"union President"},
        {"Powerful union President"},
        None,
    ),
    # a plural title before names joined by "and" is each one's
    (
        'Sens. Mark Kessler and Ron Tillman said the deal was "a good start."',
        "Ron Tillman",
        {"senator"},
        set(),
        None,
    ),
    # a description set off by a dash, as the parser leaves it
    (
        'A former Republican presidential candidate -- Joe Marlow, who lost in 2008 -- said the speech "offered nothing new."',
        "Joe Marlow",
        {"former Republican presidential candidate"},
        set(),
        None,
    ),
    # the participle after "is" belongs to the clause, not to the title
    (
        'Rep. Ann Corso, who is challenging Sen. Hugo Marsh, said he was "out of touch." Marsh said the charge was "silly."',
        "Hugo Marsh",
        {"senator"},
        {"challenging senator", "is challenging senator"},
        None,
    ),
    # ... and so is a description with its own article after "and", whatever its noun
    (
        'Brad Lowe, pastor of Elm Street Church and a supporter of the mayor\'s campaign, said "we pray for her."',
        "Brad Lowe",
        {"pastor of Elm Street Church"},
        {"pastor of Elm Street Church and a supporter of the mayor's campaign"},
        None,
    ),
    # ... but one title shared by two nouns before "and" stays one role
    (
        'Ines Alder, co-founder and executive chair of Brightline, said the company "will not sell."',
        "Ines Alder",
        {"co-founder and executive chair of Brightline"},
        {"co-founder", "executive chair of Brightline"},
        None,
    ),
    # a noun after "what kind of" is what someone may become, not a title
    (
        'Voters wondered what kind of candidate Ella Ruiz will become. "A strong one," said her aide, Tim Pratt.',
        "Ella Ruiz",
        set(),
        {"candidate"},
        None,
    ),
    # a name the parser hangs on the title before it still has that title, cut at "and"
    (
        "Standing alongside labor leader and civil rights activist Rosa Vidal, who founded the union, "
        'the mayor said "we stand together."',
        "Rosa Vidal",
        {"labor leader", "civil rights activist"},
        {"labor leader and civil rights activist"},
        None,
    ),
    # a verb the parser hangs on a name inside a description is the sentence's, not the role's
    (
        "Staff soon after alerted Harlow's chief of staff, Nina Ortega, to the union's letter.",
        "Nina Ortega",
        {"Harlow's chief of staff"},
        {"alerted Harlow's chief of staff"},
        None,
    ),
    (
        'Her husband, retired astronaut Leo Brandt, said "records matter."',
        "Leo Brandt",
        {"retired astronaut"},
        {"husband"},
        None,
    ),
    # a title after "a" is a hypothetical, held by nobody yet
    (
        'Rita Kohl said the hardest job for a President Voss would be "cleaning up the mess."',
        "Voss",
        set(),
        {"president"},
        None,
    ),
]


@pytest.mark.parametrize(
    "text, speaker, roles, not_roles, party",
    ROLE_CONSTRUCTIONS,
    ids=[c[1] + "-" + (sorted(c[2]) or ["none"])[0] for c in ROLE_CONSTRUCTIONS],
)
def test_roles_a_reporter_can_print(attribute_text, text, speaker, roles, not_roles, party):
    """The roles the article gives a person (its name book), quoted or not."""
    from quotes.attribution.facts import read_article
    from quotes.models import Article
    from quotes.nlp.recorded import load, text_stem
    from quotes.quotefinder import find_quotes
    from quotes.text import role_key
    from tests.conftest import RECORDED_CONSTRUCTIONS

    attribute_text(text)  # the recorded answers (recorded first under QUOTES_RECORD=1)
    article = Article.from_text(text, source="construction.txt")
    document = load(article.text, RECORDED_CONSTRUCTIONS, text_stem(article.text))
    book = read_article(document, find_quotes(document.text)).book
    [person] = [s for name, s in book.speakers.items() if name.endswith(speaker)]
    keys = {role_key(r) for r in person.roles}
    assert {role_key(r) for r in roles} <= keys, person.roles
    assert not ({role_key(r) for r in not_roles} & keys), person.roles
    assert person.party == party
