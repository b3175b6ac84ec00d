-- Example queries over quotes.db (sqlite3 quotes.db < docs/queries.sql, or one at a time in
-- Datasette). tests/test_store.py runs each of them; :speaker is a parameter.

-- 1. Every wording of one speaker's quotes, with where each appeared
SELECT group_id, canonical, variant, outlet, date, source
FROM quote_sheet WHERE speaker = :speaker ORDER BY group_id, date;

-- 2. Speakers by number of quotes, with their most frequent recent role and party
SELECT name, type, quotes, groups, role, party FROM speaker_index ORDER BY quotes DESC LIMIT 20;

-- 3. Quotes whose wording differs between outlets
SELECT group_id, speaker, canonical, wordings, outlets FROM variant_groups
WHERE wordings > 1 AND outlets > 1 ORDER BY outlets DESC, wordings DESC;

-- 4. The most widely reprinted quotes
SELECT speaker, canonical, occurrences, outlets, first_seen, last_seen FROM variant_groups
ORDER BY outlets DESC, occurrences DESC LIMIT 20;

-- 5. Full-text search: quotes mentioning a word, with their speaker
SELECT s.name AS speaker, q.text FROM quotes_fts f JOIN quotes q ON q.rowid = f.rowid
LEFT JOIN speakers s ON s.id = q.speaker_id WHERE quotes_fts MATCH '"cheaper"';

-- 6. Low-confidence attributions to check by hand
SELECT speaker, variant, rule, confidence, source FROM quote_sheet WHERE confidence < 0.6 ORDER BY confidence;

-- 7. How each speaker was recognised across articles (alias evidence and its typed kind)
SELECT s.name, a.alias, a.kind, a.evidence, a.article_id FROM speaker_aliases a JOIN speakers s ON s.id = a.speaker_id ORDER BY s.name;

-- 8. Confident attributions the other articles contradict, to check by hand
SELECT group_id, quote_id, speaker, agreed_speaker, evidence, outlet, source FROM conflicts ORDER BY group_id;

-- 9. Speakers taken from the other occurrences of the same words
SELECT q.id, s.name AS speaker, q.speaker_evidence, q.speaker_confidence FROM quotes q
JOIN speakers s ON s.id = q.speaker_id WHERE q.speaker_basis = 'agreed' ORDER BY q.speaker_confidence;

-- 10. Reported statements (no quote marks) of one speaker, with the quote each paraphrases
SELECT cue, cue_class, content, outlet, date, paraphrases, paraphrase_score FROM reported_sheet WHERE speaker = 'Donald Trump' ORDER BY date;

-- 11. Who is quoted and who is only reported: direct quotes and reported statements counted apart
SELECT name, quotes, statements FROM speaker_index ORDER BY quotes + statements DESC LIMIT 20;

-- 12. The same line said on two occasions (groups kept apart and linked), with why
SELECT group_id, canonical, other_group_id, other_first_seen, evidence FROM repeated_lines ORDER BY group_id;

-- 13. Quotes whose article says they were said before 2016, with the words that say when
SELECT q.text, q.said_from, q.said_to, json_extract(q.setting, '$.occasions[0].phrase') AS said, a.date
FROM quotes q JOIN articles a ON a.id = q.article_id WHERE q.said_to < '2016-01-01' ORDER BY q.said_from;

-- 14. One speaker's every role, once per meaning, the most frequent recent first, with its dates
SELECT m.role, m.articles, m.recent_articles, m.first_date, m.last_date
FROM speaker_role_meanings m JOIN speakers s ON s.id = m.speaker_id
WHERE s.name = :speaker ORDER BY m.recent_articles DESC, m.latest, m.articles DESC;
