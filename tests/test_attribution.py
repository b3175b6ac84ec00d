"""Attribution on the seeds, through the real CoreNLP server, against the hand-checked gold
(tests/gold_seeds.json): every required quote with its canonical speaker, optional ones right
when found, no negative attributed to anyone."""

from __future__ import annotations


import pytest

from quotes.models import QuoteType


def _find(result, gold_quote):
    """The attribution covering the gold quote's first occurrence (same words, allowing
    for trailing punctuation inside or outside the marks)."""
    start = gold_quote["offset"]
    end = start + len(gold_quote["text"].rstrip(" ,."))
    best = None
    for attribution in result.quotes:
        overlap = min(end, attribution.end) - max(start, attribution.start)
        if overlap >= 0.8 * (end - start) and overlap >= 0.5 * (attribution.end - attribution.start):
            best = attribution
            break
    return best


def _speaker_ok(attribution, gold_quote, gold):
    names = {gold_quote["speaker"], *gold["speakers"][gold_quote["speaker"]]["aliases"]}
    return attribution.speaker in names


def test_every_required_quote_has_its_speaker(seed_results, gold_seeds):
    failures = []
    for quote in gold_seeds["quotes"]:
        if not quote["required"]:
            continue
        found = _find(seed_results[quote["article"]], quote)
        if found is None or found.type == QuoteType.non_speech:
            failures.append(f"MISSED {quote['article']} {quote['text'][:50]!r}")
        elif not _speaker_ok(found, quote, gold_seeds):
            failures.append(f"WRONG {quote['article']} {quote['text'][:50]!r}: {found.speaker!r} ({found.rule})")
    assert not failures, "\n".join(failures)


def test_optional_quotes_if_found_have_the_right_speaker(seed_results, gold_seeds):
    failures = []
    for quote in gold_seeds["quotes"]:
        if quote["required"]:
            continue
        found = _find(seed_results[quote["article"]], quote)
        if found is not None and found.speaker is not None and not _speaker_ok(found, quote, gold_seeds):
            failures.append(f"WRONG {quote['article']} {quote['text'][:50]!r}: {found.speaker!r} ({found.rule})")
    assert not failures, "\n".join(failures)


def test_negatives_are_not_attributed(seed_results, gold_seeds):
    for negative in gold_seeds["negatives"]:
        found = _find(seed_results[negative["article"]], negative)
        assert found is None or (found.speaker is None and found.type == QuoteType.non_speech), found


def test_quote_types(seed_results, gold_seeds):
    headline = _find(seed_results["002_e3e3c32f72665433.txt"], next(
        q for q in gold_seeds["quotes"] if q["article"] == "002_e3e3c32f72665433.txt" and q["text"] == "Wake-Up Call"))
    assert headline is not None and headline.type == QuoteType.headline
    partial = _find(seed_results["000_6dc51a80d0405401.txt"], next(
        q for q in gold_seeds["quotes"] if q["article"] == "000_6dc51a80d0405401.txt" and q["text"] == "a wake-up call"))
    assert partial.type == QuoteType.partial
    assert seed_results["003_418d2a035484a13e.txt"].quotes == [] or all(
        q.type == QuoteType.non_speech for q in seed_results["003_418d2a035484a13e.txt"].quotes)


def test_pronoun_speaker_keeps_the_mention_as_written(seed_results, gold_seeds):
    quote = next(q for q in gold_seeds["quotes"] if q["group"] == "liang-pricing" and q["article"].startswith("000"))
    found = _find(seed_results[quote["article"]], quote)
    text = seed_results[quote["article"]].article.text
    assert found.speaker == "Liang Wenfeng"
    assert found.mention == "he" and text[found.mention_start : found.mention_end] == "he"
    assert found.cue == "told" and text[found.cue_start : found.cue_end] == "told"
    assert 0 < found.confidence <= 1 and found.rule


def test_roles_and_canonical_names(seed_results):
    speakers = {s.name: s for s in seed_results["000_6dc51a80d0405401.txt"].speakers}
    assert "US President" in speakers["Donald Trump"].roles
    assert "OpenAI CEO" in speakers["Sam Altman"].roles
    assert any("associate professor" in r for r in speakers["Marina Zhang"].roles)
    liang = seed_results["002_e3e3c32f72665433.txt"]
    assert {s.name for s in liang.speakers} >= {"Liang Wenfeng", "Donald Trump", "Ion Stoica"}


def test_outlets_and_audiences_are_never_speakers(seed_results):
    for result in seed_results.values():
        for quote in result.quotes:
            assert quote.speaker not in {"BBC", "CNBC", "Sensor Tower"}, quote


# One sentence per construction the sieve has a rule for, through the real server. The
# sentences are made up for the test; each rule's docstring names the construction.
CONSTRUCTIONS = [
    ('"He would be a great senator. Not good, great. One of the brightest members of the entire Congress," '
     'Rep. Elijah E. Cummings (D-Md.) said in a phone interview.', "One of the brightest", "Elijah E. Cummings", None),
    ('"This is a big year for our potential United States senator, Bobby Scott!" Scott\'s niece, state Del. Marcia "Cia" '
     'Price (D-Newport News), shouted to the crowd.', "This is a big year", "Marcia", None),
    ('Protesters marching through the streets chanted "What curfew?" and kept going until nearly 2 a.m. Friday in '
     'defiance the curfew.', "What curfew", "Protesters", None),
    ('Prince Rolf, the king\'s younger brother, gave a television interview on Saturday.\n\n"He is not entitled to any '
     'immunity," said one legal expert.\n\n"His friendship with the banker is under investigation," the expert warned.',
     "His friendship", "one legal expert", None),
    ('Reporters asked Lena Cole about the trial. Her voice drops. "That is the past."', "That is the past", "Lena Cole",
     "subject_of_the_sentence_before"),
    ('Actor Maya Lind grew up in Ohio. "I was not a good student," she says.\n\nHow social was she? Suspended?\n\n'
     '"Um. Not for more than a couple of days. There were suspensions."', "Not for more than", "Maya Lind",
     "answer_to_the_question_before"),
    ('A 2019 study by the Harbor Institute found that the program was "a total failure."',
     "a total failure", "Harbor Institute", "speech_verb_with_subject"),
    ('President Zorvak met Prime Minister Anna Lindqvist in Stockholm on Monday.\n\nPresident Zorvak hailed the '
     '"long-established friendly" ties between the two countries.\n\nMs Lindqvist said the visit was meant to "relaunch" '
     'the relationship.\n\n"Both sides face important opportunities for mutual development," he said.',
     "Both sides face", "Zorvak", None),
    ('Two soldiers were killed in a helicopter crash, the US military said in a statement on Wednesday.\n\n'
     '"The cause of the crash is under investigation," the statement said.', "cause of the crash", "US military", None),
    ('In its latest annual report, the Harbor Commission cut its forecast. Koen Mertens, an economist, told the BBC\'s '
     'World Business Report that prices would fall.\n\nHowever, the report warned: "It remains to be seen whether '
     'demand will recover."', "remains to be seen", "Harbor Commission", None),
    ('The UN High Commissioner for Human Rights, Volker Hahn, on Friday called for action on behalf of stranded sailors.\n\n'
     '"Many are unaccounted for," said Anna Berg, spokesperson for the High Commissioner.\n\n'
     'Ships have been attacked for months.\n\nPorts remain closed.\n\nFood is running short.\n\n'
     'The High Commissioner called on all parties "to urgently ensure the protection of stranded seafarers".',
     "to urgently ensure", "Volker Hahn", None),
    ('Police chief Michael Webb said the suspect fled on foot. "We got her, we got her!" officers shouted as they '
     'carried the girl out.', "We got her", "officers", None),
    ('Detective Michael Webb said the girl was found on Sunday. The victim\'s mother called her "brave, strong, and smart."',
     "brave, strong", "victim's mother", None),
    ('Donald Trump unveiled a child-care plan on Tuesday, promising six weeks of paid leave. Trump campaign spokesman '
     'Jason Miller told The Washington Post that the policy would extend to single mothers. Miller said details would '
     'follow. However, he could not explain why a marriage requirement is cited on the campaign website. '
     '"We don\'t have the exact legislation written down," he said.', "exact legislation", "Jason Miller", None),
    ('Bill Clinton campaigned in Ohio on Monday. Hillary Clinton has released a new book about her years in office. '
     'After saying her right foot was "so swollen I could barely get my shoe on," she was taken to hospital.',
     "so swollen", "Hillary Clinton", None),
    ('Governor Ann Lee used unusually blunt language to denounce the "reckless and cruel" budget cuts.',
     "reckless and cruel", "Ann Lee", None),
    ('Sonia Marsh, his attorney, told The Hill in a statement that her client meant no harm. '
     '"He is passionate about his beliefs and he regrets his words," she said.', "passionate about", "Sonia Marsh", None),
    ('The rule was "unfair to small donors," per a statement from the Harbor Commission.',
     "unfair to small donors", "Harbor Commission", "according_to"),
    ('Proxy votes are barred when voting "to fill a vacancy on the ticket," per the party\'s bylaws.',
     "to fill a vacancy", "bylaws", "according_to"),
    ('Readers wrote in.\n“I grew up here and I will not leave,” said Tom Hale.\n“My town changed when the mill closed. '
     'Nobody came to help.” And that is all we ask for, “a fair chance.” ― Maria Lopez\n',
     "My town changed", "Maria Lopez", "dash_signature"),
    ('Mayor Jane Roe openly admires Governor Tim Bell as a "true partner," comparing him to her predecessor.',
     "true partner", "Jane Roe", "characterised_as"),
    ('The advert uses footage of Senator Ann Lee asking, "Where is all the money going?"',
     "Where is all the money", "Ann Lee", None),
    ('Governor Tim Bell is rolling out a new and more personal campaign message: "We finish what we start."',
     "We finish", "Tim Bell", "speech_noun_before_colon"),
    ('"We will not back down on pensions," Maria Gomez, the union\'s regional director and a veteran of three strikes, '
     'told the Daily Planet.', "We will not back down", "Maria Gomez", None),
    ('The Harbor Commission issued a statement calling the plan "a reckless gamble with public money."',
     "a reckless gamble", "Harbor Commission", None),
    ('The Liberal Democrats described the plan as "short-sighted and cruel".',
     "short-sighted", "Liberal Democrats", None),
    ('Sarah Jones, who chairs the Friends of Eastgate Library, opposes the cuts. "It is a sad day," a council '
     'spokesperson said.', "a sad day", "council spokesperson", None),
    ("'We have no choice, the money has simply run out,' said Mr Hughes, who has led the council since 2019.",
     "We have no choice", "Hughes", None),
    ('"It\'s a wake-up call," the chief executive of the chemicals group BASF, Martin Brudermüller, wrote on LinkedIn.',
     "wake-up call", "Martin Brudermüller", None),
    ('Carsten Brzeski of ING was gloomy. Brzeski\'s colleague, economist Inga Fechner, said: "Consumers are still cautious."',
     "Consumers are still", "Inga Fechner", None),
    ('The European Space Agency\'s director general, Josef Aschbacher, posted on X: "Great science. Europe will be part of this."',
     "Great science", "Josef Aschbacher", None),
    ('"This is a betrayal," said Tom Becker, head of the union branch. Analysts at Morgan Stanley called the move '
     '"overdue" in a note to clients.', "overdue", "Morgan Stanley", None),
    ('Mayor Lisa Ortiz faced sharp questions. "People keep telling me it can\'t be done," she said. Asked about the cost, '
     'Ortiz replied that prices had risen. City councillor James Okafor, a longtime critic, was unimpressed. '
     '"The mayor is selling a dream," he wrote in a post on X.', "selling a dream", "James Okafor", None),
    ('Host Dan Rivers pressed the mayor on the cost. "You said in March it would cost $2 billion. Now it is $3.1 billion. '
     'Which is it?"', "Which is it", "Dan Rivers", "subject_of_the_sentence_before"),
    ('A federal judge on Monday blocked the law, calling it "a solution in search of a problem." In her ruling, '
     'U.S. District Judge Maria Delgado wrote that the state had shown no evidence of fraud.',
     "a solution in search", "Maria Delgado", None),
    ('Senator Tom Reyes met Governor Anna Kim and Mayor Paul Brandt on Monday.\n\nBrandt left early. '
     '"We are not there yet," the congresswoman told reporters afterwards.', "not there yet", "Anna Kim", None),
    ('State media quoted Defence Minister Rajnath Singh as saying the army was "fully prepared for any eventuality".',
     "fully prepared", "Rajnath Singh", "quoted_as_saying"),
    ('Mayor Ann Cole spoke first. The recent spate of closures has been described as "heartbreaking" by the health '
     'department.', "heartbreaking", "health department", None),
    ('Keir Starmer visited the estate on Friday. "We have been let down," one resident, who did not want to be named, '
     'told the BBC.', "let down", "resident", None),
    ('Mikel Arteta praised his side. "It is a tough one to take," conceded the Leeds captain.',
     "a tough one", "Leeds captain", None),
    ('Police chief Tom Reyes spoke on Monday. China\'s ambassador to Britain Liu Xiaming has said that China has the '
     '"resolution and power" to end the unrest.', "resolution and power", "Liu Xiaming", None),
    ('According to a 2018 survey by Penelope Muse Abernathy of the University of North Carolina, the chain tends to '
     '"consolidate copy editing and page design" at a corporate center.', "consolidate copy", "Penelope Muse Abernathy", None),
    ('Whole Foods chief executive John Mackey said in an internal memo that the "price distinction between the two '
     'brands has become less relevant," Yahoo Finance reported.', "price distinction", "John Mackey", None),
    ('Education secretary Keith Joseph pressed on. In one briefing note Margaret Thatcher was warned by her policy unit '
     'that "GCSE is an exam nobody will fail."', "nobody will fail", "policy unit", None),
    ("IDcare counsellor Christine Jackson spoke to the ABC.\n\n'So often it will be phone accounts,' she told the ABC."
     "\n\n'They'll also apply for credit cards and keep going until your credit history is in a mess."
     "\n\n'And then they'll lay low for a while.'", "apply for credit cards", "Christine Jackson", "continues_previous_quote"),
    ("President Barack Obama met leaders in Nairobi. However, he defended his decision to engage with those governments."
     '\n\n"Well, they\'re not ideal institutions. But engagement gives us the best opportunity."',
     "not ideal institutions", "Barack Obama", "subject_of_the_sentence_before"),
    ('Tim Cook walked the stage. Cook remembered Steve Jobs rehearsing there and "going way off script in a way that '
     'only he could do, making everyone laugh."', "going way off script", "Tim Cook", "subject_of_the_clause"),
    ('Sir Keir Starmer has promised to cut waiting lists.\n\n"We are heartbroken and devastated." Those were the words '
     'of the family of Amy Clarke, 34, in a statement released by police.', "heartbroken", "family of Amy Clarke",
     "words_of_in_the_next_sentence"),
    ('The family of Amy Clarke paid tribute on Monday. The family added: \'She lit up every room she walked into.\'\n\n'
     'Home Secretary Yvette Cooper said she was "appalled" by the attack.', "lit up every room", "family of Amy Clarke", None),
    ('Japan branded North Korea an "outlaw nation in the neighborhood." Russia insisted that Pyongyang "stop its '
     'dangerous escapades."', "outlaw nation", "Japan", None),
    ('Egypt and Jordan also sharply criticised the US policy shift, with Jordanian Foreign Minister Ayman Safadi warning '
     'of "dangerous consequences".', "dangerous consequences", "Ayman Safadi", "possessive_speech_noun"),
    ('Jiang Hui, whose mother was on MH370, said: "I don\'t know how to describe the feeling I had when I heard."',
     "how to describe", "Jiang Hui", None),
    ('"This is mainly due to the change in wind direction," Kurinji Selvaraj, a research analyst at the Delhi-based '
     'Council on Energy, Environment and Water think tank told CBS News.', "wind direction", "Kurinji Selvaraj", None),
    ('"That second injury is almost the bigger injury," a neuroscientist and Argenica chief executive Dr Liz Dallimore '
     'explains.', "bigger injury", "Liz Dallimore", None),
    ('Six-year-old Franklin Taylor loves reading about outer space. Franklin Taylor was born in Sydney.\n\n'
     'His mother Sarah-Ann Taylor says their world stopped that day.\n\n'
     '"Initially we thought he was going to pull through," Ms Taylor told AAP.', "pull through", "Sarah-Ann Taylor", None),
    ('Homeland Security Secretary Jeh Johnson spoke on Friday. Libertarian candidate Gary Johnson campaigned in Ohio. '
     'Gary Johnson drew a crowd.\n\nLater, Jeh Johnson says hackers are targeting election officials. Johnson tells '
     'MSNBC that "exactly who did it" remains under investigation.', "exactly who did it", "Jeh Johnson", None),
    ('In a panel discussion this weekend in Washington, Marc H. Morial, the chief executive of the National Urban '
     'League, forcefully told a young woman who suggested that some people may not vote because of frustration that '
     '"this is not the first generation to be frustrated and not voting is not a viable nor intelligent strategy."',
     "first generation", "Marc H. Morial", None),
    ('"We have thoroughly tested the candidates," said UKA chief executive David Moorcroft. "I believe David will make a '
     'great leader." Collins said: "It\'s a great challenge."', "make a great leader", "David Moorcroft", None),
    ('BT has launched its Connected World initiative. The idea, says BT, is to shape a "21st Century model" for the arts.',
     "21st Century model", "BT", None),
    ('Liberal Democrat spokeswoman for women Sandra Gidley said: "While mothers would welcome any extra maternity pay, '
     'this money is being misdirected."', "misdirected", "Sandra Gidley", None),
    ('Mayor Ann Cole will speak on Friday. Cole\'s campaign is seeking to contrast her approach with what they call '
     'Governor Tom Reyes\'s "self-centered message."', "self-centered", "campaign", None),
    ('Prime Minister Anthony Albanese spoke in Canberra. Foreign Minister Wang Yi met his counterpart in Beijing. '
     '"China is ready to work with all parties," the minister added.', "ready to work", "Wang Yi", None),
    ('According to a statement from the Ministry of Health, the outbreak is "under control".', "under control",
     "Ministry of Health", None),
    ('"Nobody is above the law."\n\u2014 Chief Justice Dipak Misra', "above the law", "Dipak Misra", "dash_signature"),
    ('Calling it "a shocking embarrassment" for members of the party, John McGuinness said the election has underlined '
     'the need for the party to "reinvent itself" for the future.', "reinvent itself", "John McGuinness", None),
    ('Whale expert Hori Parata has overseen 500 strandings.\n\nBut for Parata and his family the slow, painful deaths '
     'are personal.\n\n"It\'s very emotional. Our ancestors tell us the strandings are a sign from the sea."',
     "very emotional", "Hori Parata", "subject_of_the_sentence_before"),
    ('Recruiter Shannon Barlow said candidates weighed many factors.\n\nShe said most job seekers valued security.\n\n'
     '"It\'s been a difficult couple of years for many job seekers. Competition for roles remains strong.\n\n'
     '"That said, any additional benefit is viewed favourably."', "difficult couple of years", "Shannon Barlow",
     "subject_of_the_sentence_before"),
    ('In her book, Senator Ann Lee described the clot. After saying her right foot was "so swollen I could barely get my '
     'shoe on," she was rushed to hospital for tests.', "so swollen", "Ann Lee", "participle_clause_then_subject"),
    ('At the rally, Senator Ann Lee spoke of "a new era for the city."', "a new era", "Ann Lee", None),
]

NAMES_NOT_SPEECH = [
    ('Senator Ann Lee told CBS\'s "Face the Nation" on Sunday that the bill would pass.', "Face the Nation"),
    ('State Del. Marcia "Cia" Price spoke first at the rally in Richmond.', "Cia"),
    ('The bill, known as the "Clean Harbors Act," passed the Senate on Tuesday.', "Clean Harbors Act"),
]


def _attribute(pipeline, text):
    from quotes.models import Article

    return pipeline.attribute(Article.from_text(text, source="construction.txt"))





@pytest.mark.parametrize("text, quote, speaker, rule", CONSTRUCTIONS, ids=[c[3] or c[2] for c in CONSTRUCTIONS])
def test_constructions_get_their_speaker(pipeline, text, quote, speaker, rule):
    [found] = [q for q in _attribute(pipeline, text).quotes if quote in q.text]
    assert found.speaker and speaker in found.speaker, (found.speaker, found.rule)
    if rule:
        assert found.rule == rule


@pytest.mark.parametrize("text, quote", NAMES_NOT_SPEECH, ids=[n[1] for n in NAMES_NOT_SPEECH])
def test_names_in_quote_marks_have_no_speaker(pipeline, text, quote):
    [found] = [q for q in _attribute(pipeline, text).quotes if quote in q.text]
    assert found.speaker is None and found.type == QuoteType.non_speech, (found.speaker, found.rule)


def test_a_speech_noun_elsewhere_in_the_sentence_is_not_the_cue(pipeline):
    """"his message" says nothing of the quote that qualifies his supporters."""
    text = 'Mayor Paul Brandt is steering his "fiscally responsible" supporters into believing his message.'
    [found] = _attribute(pipeline, text).quotes
    assert found.rule != "possessive_speech_noun", (found.speaker, found.rule)


def test_a_quote_that_judges_a_statement_is_not_its_content(pipeline):
    text = 'PolitiFact then ruled that Mayor Dan Cole\'s statement about crime is "true," but added a caveat.'
    [found] = _attribute(pipeline, text).quotes
    assert found.rule != "possessive_speech_noun", (found.speaker, found.rule)


def test_a_quotation_over_several_paragraphs_takes_the_cue_at_its_end(pipeline):
    text = ('"We will fight on," said coach Tom Reyes.\n\n'
            '"I have been suffering a lot of injuries the last two years. So I will stop when my body says so.\n\n'
            '"If that is the last match here, I will be in peace," Rafael Nadal added.')
    quotes = _attribute(pipeline, text).quotes
    [first_part] = [q for q in quotes if "suffering" in q.text]
    assert first_part.speaker == "Rafael Nadal", (first_part.speaker, first_part.rule)
    assert first_part.rule == "same_quotation_as_its_cue"


def test_a_second_report_joined_by_but_is_the_nearer_speakers(pipeline):
    """The quote is in the second "said" clause, so its mention is that clause's "he"."""
    text = ('Chief Ray Dunn said that the video did not give "absolute proof," but he said that the footage '
            '"supports what we have heard" about the night.')
    [_, second] = _attribute(pipeline, text).quotes
    assert second.speaker == "Ray Dunn"
    assert (second.mention, second.cue) == ("he", "said"), (second.mention, second.cue_start, second.rule)
    assert text[second.cue_start:second.cue_start + 4] == "said" and second.cue_start > text.index("but")


def test_per_a_unit_is_not_a_source(pipeline):
    [found] = _attribute(pipeline, 'Tickets for the final cost "a small fortune," per person.').quotes
    assert found.speaker is None and found.rule != "according_to", (found.speaker, found.rule)


def test_a_capitalised_thing_is_not_a_person_by_first_name(pipeline):
    text = 'Opposition Leader Bill Shorten backed the plan. The Bill lets agencies access "metadata" without a warrant.'
    [found] = _attribute(pipeline, text).quotes
    assert found.speaker is None, (found.speaker, found.rule)


def test_a_verb_reporting_its_own_clause_is_not_the_cue_of_the_quote_before(pipeline):
    text = ('Mr Ricky Yeo, president of a dog charity, said the practice is exploitative. "It is always bad for the dog," '
            'he said. The Animal Welfare Society is also against it. "Animals have natural coats and should be left '
            'alone." But vet Kenneth Tong said that he would not consider it cruelty.')
    [found] = [q for q in _attribute(pipeline, text).quotes if "natural coats" in q.text]
    assert found.speaker != "Kenneth Tong", (found.speaker, found.rule)


def test_the_second_half_of_a_split_quote_is_direct(pipeline):
    text = ('"It is the kind of result that gets people excited," said Priya Natarajan, "but the hard work starts now."')
    [first, second] = _attribute(pipeline, text).quotes
    assert first.type == second.type == QuoteType.direct
    assert second.speaker == "Priya Natarajan"


def test_roles_from_either_side_of_an_apposition_without_relative_clauses(pipeline):
    text = ('The state\'s attorney general, Kevin Marsh, said: "We will appeal." "Today is a good day," said Ana Lima, '
            'director of the Voter Access Project, which brought the suit.')
    roles = {s.name: s.roles for s in _attribute(pipeline, text).speakers}
    assert "state's attorney general" in roles["Kevin Marsh"]
    assert "director of the Voter Access Project" in roles["Ana Lima"]
