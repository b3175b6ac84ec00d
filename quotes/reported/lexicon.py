"""Words that report a statement without quotation marks, by cue class. Closed classes of
English news usage (lemmas, lowercase), not knowledge of any article or person.

Speech verbs are the attribution's own (quotes/attribution/lexicon.py); reported speech adds
the verbs of thought and intention that PolNeAR also counts ("Trump believes ...", "she
wants to ...") and the verbs with which a study or poll reports what it found.
"""

from quotes.attribution.lexicon import SPEECH_NOUNS, SPEECH_VERBS

ATTITUDE_VERBS = frozenset(
    """
    believe think feel know hope fear worry expect doubt suspect assume guess figure reckon
    imagine consider understand realize realise recognize recognise see view regard suppose
    want wish prefer plan intend aim seek refuse decline decide choose hesitate
    agree disagree support oppose favor favour endorse like love hate dislike
    trust bet forget remember learn discover notice sense acknowledge accept
    anticipate envision predict insist
    """.split()
)

FINDING_VERBS = frozenset(
    """
    find show suggest indicate reveal demonstrate estimate conclude prove report project
    """.split()
)

# Verbs whose to-infinitive is what the source wants, plans or says: "she wants to run",
# "he declined to comment on the report", "the governor vowed to veto it".
INTENTION_VERBS = frozenset(
    """
    want wish plan intend aim seek refuse decline hope decide choose promise vow pledge
    threaten offer agree expect vote prefer hesitate urge ask tell call
    """.split()
)

# Nouns whose that-clause is what was said or thought: "his claim that the vote was rigged".
CLAUSE_NOUNS = SPEECH_NOUNS | frozenset(
    """
    belief view hope fear concern worry argument allegation accusation assertion suggestion
    idea notion assumption insistence expectation prediction assurance contention charge
    criticism complaint admission acknowledgment acknowledgement denial doubt sense
    impression conviction thought opinion position theory suspicion finding conclusion
    estimate report news rumor rumour speculation
    """.split()
)

REPORTING_VERBS = SPEECH_VERBS | ATTITUDE_VERBS | FINDING_VERBS

# Subjects that read as the source of a finding, not a speaker: "a study found that ...".
FINDING_SOURCES = frozenset(
    """
    study survey poll report analysis research data review audit investigation figures
    numbers statistics census estimate estimates model polls surveys studies reports
    """.split()
)
