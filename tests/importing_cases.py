"""Expected fields for every importer test input (tests/data/import/, and a .docx built
in the test). Texts are our own; each answer's expectation lists what a careful
reader would take from the page.

Text fields are given as ``(start, paragraphs)``: the field must start with
``start`` and hold that many paragraphs (so text swallowed from elsewhere shows).
``point_bodies`` gives the first words of each point's body.
"""

from __future__ import annotations

from typing import Any

Expected = dict[str, Any]

CASES: dict[str, list[Expected]] = {
    "multi-answer.txt": [
        {"exam": "CSS", "paper": "Pakistan Affairs", "year": 2020, "number": 2, "marks": 20,
         "question": "Explain the role of local government in strengthening democracy in "
                     "Pakistan.",
         "introduction": ("Local councils are the level", 1),
         "points": ["Service delivery", "Political training", "Accountability"],
         "point_bodies": ["Elected councils decide", "Councillors learn to", "A voter can"],
         "conclusion": ("To conclude, regular local elections", 1), "incomplete": False},
        {"exam": "CSS", "paper": "Pakistan Affairs", "year": 2020, "number": 3, "marks": 20,
         "question": "How has the 18th Amendment changed the federation?",
         "introduction": ("The 18th Amendment of 2010", 1),
         "points": ["Concurrent list abolished", "Fiscal room"],
         "point_bodies": ["Subjects such as", "With a larger"],
         "conclusion": ("In a nutshell, the amendment", 1), "incomplete": False},
    ],
    "outline-roman.txt": [
        {"exam": "CSS", "paper": "International Relations", "year": 2018, "number": 2,
         "marks": None,
         "question": "Assess the place of soft power in the foreign policy of middle powers.",
         "outline": ["Introduction",
                     "What soft power means (Culture and values; Education and exchange)",
                     ("Tools of middle powers (Diplomacy – mediation and conferences; "
                     "Aid – targeted development help)"), "Way forward", "Conclusion"],
         "introduction": ("Middle powers cannot match", 1),
         "points": ["Culture as influence", "Education and exchange", "Mediation"],
         "point_bodies": ["Films, music and", "Scholarships bring young", "Hosting talks between"],
         "subpoints": {1: ["**Scholarships** – long-term goodwill",
                           "**Exchange visits** – quick familiarity"]},
         "sections": ["Way forward"],
         "conclusion": ("In a nutshell, soft power", 1), "incomplete": False},
    ],
    "heavy-nav.html": [
        {"exam": "CSS", "paper": "Current Affairs", "year": 2019, "number": 1, "marks": None,
         "question": "What does climate change mean for Pakistan's security?",
         "introduction": ("Pakistan adds little to global emissions", 1),
         "points": ["Water stress", "Floods and displacement"],
         "point_bodies": ["Glaciers feeding the", "Heavier monsoons have"],
         "subpoints": {1: ["**Urban pressure** – slums grow around large cities",
                           "**Lost harvests** – food prices rise"]},
         "sections": ["Analysis"],
         "conclusion": ("Security planning that ignores", 1), "incomplete": False},
    ],
    "notes.md": [
        {"exam": "CSS", "paper": "Political Science", "year": 2016, "number": 6, "marks": None,
         "question": "Compare the presidential and parliamentary systems.",
         "outline": ["Introduction", "Separation of powers", "Stability of government",
                     "Conclusion"],
         "introduction": ("Every democracy must decide", 1),
         "points": ["Separation of powers", "Stability of government"],
         "point_bodies": ["In a presidential", "A president serves"],
         "subpoints": {1: ["**Fixed term** – predictable but rigid",
                           "**Confidence vote** – flexible but fragile"]},
         "conclusion": ("Neither system is better", 1), "incomplete": False},
    ],
    "mojibake.txt": [
        {"exam": "CSS", "paper": "Pakistan Affairs", "year": 2021, "number": 7, "marks": None,
         "question": "Discuss Pakistan’s relations with Central Asia.",
         "introduction": (("Pakistan sees Central Asia as a market and a source of energy, but "
                          "the road runs through Afghanistan – which"), 1),
         "points": ["Trade routes", "Energy", "Culture"],
         "point_bodies": ["Rail and road links through Afghanistan – if peace holds – could",
                          "Power lines such", "Shared faith and"],
         "conclusion": ("Overall, Pakistan’s hopes", 1), "incomplete": False},
    ],
    "islamiat-verse.txt": [
        {"exam": "CSS", "paper": "Islamic Studies", "year": 2017, "number": 4, "marks": None,
         "question": "Explain the Islamic teaching on patience in hardship.",
         "introduction": ("Islam treats hardship as a test", 1),
         "points": ["Relief follows hardship", "Cooperation in good"],
         "point_bodies": ["The Quran tells", "Patience is not"],
         "conclusion": ("To conclude, patience in Islam", 1), "incomplete": False},
    ],
    "pdf-copy.txt": [
        {"exam": "CSS", "paper": "Current Affairs", "year": None, "number": 3, "marks": 20,
         "question": "Why has Pakistan struggled to widen its tax base?",
         "introduction": ("Pakistan collects less tax", 1),
         "points": ["A narrow net", "Reliance on indirect taxes", "Weak documentation"],
         "point_bodies": ["Most tax comes", "Sales taxes and", "Cash dealings leave"],
         "conclusion": ("In short, a wider base", 1), "incomplete": False},
    ],
    "cut-off.txt": [
        {"exam": "PMS", "paper": "Pakistan Affairs", "year": 2015, "number": 1, "marks": None,
         "question": "Describe the causes of the separation of East Pakistan.",
         "introduction": ("The break-up of 1971", 1),
         "points": ["Political exclusion", "Economic disparity"],
         "point_bodies": ["The eastern wing", "Earnings from the"],
         "conclusion": None, "incomplete": True},
    ],
    "topic-wise.txt": [
        {"exam": "CSS", "paper": "Pakistan Affairs", "year": 2017, "number": None,
         "marks": None, "topics": ["Foreign Policy"],
         "question": "Evaluate Pakistan's relations with China in the light of CPEC.",
         "introduction": ("China has been Pakistan's steadiest", 1),
         "points": ["Strategic trust", "Economic stakes"],
         "point_bodies": ["Both states see", "The corridor brought"],
         "conclusion": ("Overall, the relationship is strong", 1), "incomplete": False},
        {"exam": "CSS", "paper": "Pakistan Affairs", "year": 2015, "number": None,
         "marks": None, "topics": ["Foreign Policy"],
         "question": "Discuss the main challenges to Pakistan–Iran relations.",
         "introduction": ("Pakistan and Iran share", 1),
         "points": ["Border security", "Sanctions"],
         "point_bodies": ["Militants cross the", "International sanctions on"],
         "conclusion": ("In conclusion, the neighbours", 1), "incomplete": False},
    ],
    "forum-post.txt": [
        {"exam": "CSS", "paper": "Gender Studies", "year": 2020, "number": 5, "marks": None,
         "question": "What are the barriers to women's participation in Pakistan's workforce?",
         "introduction": ("Only about one in five", 1),
         "points": ["Social norms", "Safe transport", "Childcare"],
         "point_bodies": ["Many families expect", "Crowded buses and", "Few employers offer"],
         "conclusion": ("Overall, opening the workforce", 1), "incomplete": False},
    ],
    "breakdown.txt": [
        {"exam": "CSS", "paper": "Current Affairs", "year": 2022, "number": 4, "marks": 20,
         "part": "II",
         "question": "Critically examine the causes of inflation in Pakistan.",
         "introduction": ("Prices in Pakistan have risen", 1),
         "points": ["Currency fall", "Budget deficits", "Supply shocks"],
         "point_bodies": ["A weaker rupee", "Borrowing from the", "Floods and poor"],
         "sections": ["Suggestions"],
         "conclusion": ("Overall, inflation in Pakistan", 1), "incomplete": False},
    ],
    "mixed-shapes.txt": [
        {"exam": "PMS", "paper": "Sociology", "year": 2014, "number": 9, "marks": 20,
         "question": "Discuss the causes of rural-to-urban migration in Pakistan and suggest "
                     "remedies.",
         "introduction": ("Every year hundreds of thousands", 1),
         # The group titles over the numbered points ("Causes") are not points.
         "points": ["Jobs", "Schools and hospitals", "Rural industry", "Better services"],
         "point_bodies": ["Factories and services", "Villages lack good", "Small agro-processing",
                          "Upgrading district hospitals"],
         "conclusion": ("Migration cannot be stopped", 1), "incomplete": False},
    ],
    "built.docx": [
        {"exam": "PMS", "paper": "Sociology", "year": 2019, "number": 4, "marks": None,
         "question": "Why do joint families persist in urban Pakistan?",
         "outline": ["Introduction", "Shared costs", "Care of elders", "Conclusion"],
         "introduction": ("Moving to a city was expected", 1),
         "points": ["Shared costs", "Care of elders"],
         "point_bodies": ["Rent and school", "With few care"],
         "subpoints": {0: ["**Shared rent** – one lease instead of two",
                           "**Pooled income** – a buffer when one earner loses work"]},
         "conclusion": ("Overall, the joint family survives", 1), "incomplete": False},
    ],
    # Written for the review fixes: site text at a page's end, short bullets, a conclusion
    # after a folio, a reference under a verse inside a point, breadcrumbs, Word groups.
    "trailing-comments.txt": [
        {"exam": "CSS", "paper": "Current Affairs", "year": 2022, "number": 3, "marks": 20,
         "question": "What causes the winter smog in Lahore?",
         "introduction": ("Each winter a grey haze", 1),
         "points": ["Vehicle exhaust", "Crop burning", "Brick kilns"],
         "point_bodies": ["Old engines and", "Farmers on both", "Older kilns burn"],
         "conclusion": (("Overall, cleaner fuel, new kilns and help for farmers would clear the "
                        "air faster than any ban."), 1), "incomplete": False},
    ],
    "share-only.txt": [
        {"exam": "PMS", "paper": "Pakistan Affairs", "year": 2020, "number": 6, "marks": None,
         "question": "Why does Karachi flood after heavy rain?",
         "introduction": ("Karachi floods because", 1),
         "points": ["Blocked drains", "Weak planning"],
         "point_bodies": ["Rubbish and illegal", "New housing is"],
         "conclusion": (("In short, Karachi needs open drains and a planning authority that "
                        "says no."), 1), "incomplete": False},
    ],
    "chat-thanks.txt": [
        {"exam": "CSS", "paper": "Pakistan Affairs", "year": 2023, "number": 7, "marks": 20,
         "question": "How does the brain drain affect Pakistan?",
         "introduction": ("Thousands of doctors", 1),
         "points": ["Lost skills", "Remittances"],
         "point_bodies": ["Hospitals and universities", "Money sent home"],
         "conclusion": (("To conclude, the state gains money but loses talent, and must make "
                        "staying worthwhile."), 1), "incomplete": False},
    ],
    "short-bullets.txt": [
        {"exam": "PMS", "paper": "Economics", "year": 2019, "number": 2, "marks": 20,
         "question": "Why is Pakistan's export base so narrow?",
         "introduction": ("Pakistan sells a few", 1),
         "points": ["Textiles", "Energy prices", "Tariffs"],
         "point_bodies": ["One sector earns most of the export income.", "Costly power makes",
                          "Duties on inputs raise costs."],
         "conclusion": ("To conclude, exports will widen", 1), "incomplete": False},
    ],
    "short-bullets.md": [
        {"exam": "PMS", "paper": "Economics", "year": 2021, "number": 8, "marks": None,
         "question": "What holds back small businesses in Pakistan?",
         "introduction": ("Small firms employ most", 1),
         "points": ["Credit", "Taxes", "Power"],
         "point_bodies": ["Banks ask for collateral.", "Filing is slow",
                          "Outages stop machines."],
         "conclusion": ("To conclude, simple taxes", 1), "incomplete": False},
    ],
    "pdf-sum-up.txt": [
        {"exam": "CSS", "paper": "Pakistan Affairs", "year": 2015, "number": 5, "marks": 20,
         "question": "Why did the One Unit scheme fail?",
         "introduction": ("The One Unit scheme of 1955", 1),
         "points": ["Resentment of the smaller provinces", "Distance from the people"],
         "point_bodies": ["Sindh, Balochistan and", "A single capital"],
         "conclusion": ("To sum up, the scheme ignored", 1), "incomplete": False},
    ],
    "verse-in-point.txt": [
        {"exam": "CSS", "paper": "Islamic Studies", "year": 2019, "number": 6, "marks": 20,
         "question": "Explain the value of time in Islam.",
         "introduction": ("Islam treats time as a trust", 1),
         "points": ["An oath by time", "Prayer at fixed hours"],
         "point_bodies": ["The Quran swears by time", "Five prayers give"],
         "conclusion": ("In conclusion, a Muslim who guards", 1), "incomplete": False},
    ],
    "crumbs.txt": [
        {"exam": "PMS", "paper": "Economics", "year": 2018, "number": 4, "marks": 20,
         "question": "Explain the causes of inflation.",
         "introduction": ("Prices rise when money", 1),
         "points": ["Printed money", "A falling rupee"],
         "point_bodies": ["Borrowing from the", "Imports of fuel"],
         "conclusion": ("Overall, inflation falls", 1), "incomplete": False},
    ],
    "header-only.txt": [
        {"exam": "CSS", "paper": "Current Affairs", "year": 2023, "number": 1, "marks": None,
         "question": "Is the world moving towards a new cold war?",
         "introduction": ("Rivalry between the United States", 1),
         "points": ["Trade limits", "Rival blocs"],
         "point_bodies": ["Both sides restrict", "Alliances are being"],
         "conclusion": ("In short, the rivalry is real", 1), "incomplete": False},
    ],
    "grouped.docx": [
        {"exam": "CSS", "paper": "Environmental Science", "year": 2021, "number": 2,
         "marks": 10, "question": "What is acid rain? Give its causes and two remedies.",
         "introduction": ("Acid rain is rain made acidic", 1),
         "points": ["Power stations", "Traffic", "Remedies"],
         "point_bodies": ["Coal plants release", "Exhaust gases add",
                          "- Fit scrubbers to chimneys.\n- Move buses to cleaner fuel."],
         "conclusion": ("In short, acid rain falls", 1), "incomplete": False},
    ],
}
"""Input file name → the answers it holds, in page order."""


def paragraphs(text: str) -> int:
    return len([p for p in text.split("\n\n") if p.strip()])


def check_fields(data: dict[str, Any], incomplete: bool, expected: Expected
                 ) -> list[tuple[str, bool, object]]:
    """``(field, right?, what was found)`` for every expected field of one answer.

    ``number: None`` means "not given on the page": the file leaves it to write (null).
    ``conclusion: None`` means the source has none: the file must hold the placeholder.
    """
    expected = {"sections": [], "outline": None, "subpoints": {}, **expected}
    results: list[tuple[str, bool, object]] = []
    points = data.get("points", [])
    for name, want in expected.items():
        if name == "incomplete":
            got: object = incomplete
            ok = got == want
        elif name in ("introduction", "conclusion"):
            got = data.get(name, "")
            ok = (str(got).startswith("[Not in the source") if want is None
                  else str(got).startswith(want[0]) and paragraphs(str(got)) == want[1])
        elif name == "points":
            got = [p["heading"] for p in points]
            ok = got == want
        elif name == "point_bodies":
            got = [p.get("body", "") for p in points]
            ok = len(got) == len(want) and all(str(b).startswith(w)
                                               for b, w in zip(got, want, strict=True))
        elif name == "subpoints":
            got = {i: points[i].get("subpoints") if i < len(points) else None for i in want}
            ok = got == want and sum(1 for p in points if p.get("subpoints")) == len(want)
        elif name == "sections":
            got = [s["heading"] for s in data.get("sections", [])]
            ok = got == want
        else:
            got = data.get(name)
            ok = got == want or (want is None and got == "")
        results.append((name, ok, got))
    return results


HELD_OUT: dict[str, list[Expected]] = {
    "held-out/blog-post.html": [
        {"exam": "CSS", "paper": "Constitutional Law", "year": 2021, "number": 5, "marks": None,
         "question": "Has judicial activism strengthened or weakened constitutional governance "
                     "in Pakistan? Discuss.",
         "outline": ["Introduction", "Meaning of judicial activism", "Positive effects",
                     "Negative effects", "Conclusion"],
         "introduction": ("Courts in Pakistan have moved", 1),
         "points": ["Meaning of judicial activism", "Positive effects", "Negative effects"],
         "point_bodies": ["Judicial activism describes", "Public interest cases",
                          "Frequent interventions in"],
         "subpoints": {2: ["**Policy paralysis** – officers avoid signing files",
                           "**Backlog** – ordinary cases wait longer"]},
         "conclusion": ("Judicial activism has served", 1), "incomplete": False},
    ],
    "held-out/notes-2.md": [
        {"exam": "CSS", "paper": "Islamic Studies", "year": 2023, "number": 2, "marks": None,
         "question": "Describe the place of justice in the Islamic state.",
         "introduction": ("Justice is the purpose", 1),
         "points": ["Equality before the law", "Command of the Quran", "Independent judges"],
         "point_bodies": ["Ruler and ruled", "Believers are told", "Judges were to"],
         "conclusion": ("To sum up, an Islamic state", 1), "incomplete": False},
    ],
    "held-out/whatsapp-copy.txt": [
        {"exam": "CSS", "paper": None, "year": 2021, "number": 3, "marks": None,
         "question": "Examine the impact of social media on politics in Pakistan.",
         "introduction": ("Social media has given", 1),
         "points": ["Mobilisation", "Misinformation", "Youth participation"],
         "point_bodies": ["Rallies and protests", "False stories spread", "Young voters who"],
         "conclusion": ("Social media has widened", 1), "incomplete": False},
    ],
}
"""Inputs written after the importer was tuned, expectations written before the first run:
their score shows how the importer does on shapes it was not fitted to."""


HELD_OUT_2: dict[str, list[Expected]] = {
    "held-out/document-site.txt": [
        {"exam": "CSS", "paper": "Pakistan Affairs", "year": None, "number": 1, "marks": 20,
         "question": "Trace the evolution of Pakistan's foreign policy towards Afghanistan "
                     "since 1979.",
         "outline": ["Introduction", "The Soviet war years", "The Taliban period",
                     "After 2001", "Conclusion"],
         "introduction": ("Afghanistan has shaped Pakistan's", 1),
         "points": ["The Soviet war years", "The Taliban period", "After 2001"],
         "point_bodies": ["Pakistan became the", "Islamabad recognised the", "Pakistan joined the"],
         "conclusion": ("Pakistan's Afghan policy has swung", 1), "incomplete": False},
        {"exam": "CSS", "paper": "Pakistan Affairs", "year": 2019, "number": 2, "marks": None,
         "question": "What are the main sources of Pakistan's soft power?",
         "introduction": ("Pakistan's soft power rests", 1),
         "points": ["Diaspora", "Music and sport"],
         "point_bodies": ["Millions of Pakistanis", "Qawwali and cricket"],
         "conclusion": ("In short, Pakistan has more", 1), "incomplete": False},
    ],
    "held-out/forum-thread.html": [
        {"exam": "PMS", "paper": None, "year": 2018, "number": 2, "marks": None,
         "question": "How can Pakistan ensure food security for its growing population?",
         "introduction": ("Pakistan grows enough wheat", 1),
         "points": ["Raise yields", "Cut waste", "Protect the poor"],
         "point_bodies": ["Better seed, timely", "A large share", "Cash transfers tied"],
         "conclusion": ("In conclusion, food security", 1), "incomplete": False},
    ],
}
"""A second held-out round, written and scored the same way (see ``HELD_OUT``)."""
