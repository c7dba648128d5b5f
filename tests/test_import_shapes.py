"""studypack import on page shapes met in held-out-16 and the sets before it.

Each input is our own, written in the shape a real page has; each test asserts
the fields a careful reader would take from it.
"""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest

from studypack.content.importing import NoAnswerOnPage, import_file
from studypack.content.importing.blocks import split_marker

BODY = ("This paragraph carries the argument of the point with enough words to read as "
        "prose rather than as a heading, and it ends with a full stop.")


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _headings(answer) -> list[str]:  # type: ignore[no-untyped-def]
    return [p["heading"] for p in answer.data["points"]]


def _post(number: int, author: str, rank: str, content: str, signature: str) -> str:
    return f"""
<div id="p{number}" class="post has-profile">
  <dl class="postprofile"><dt><a href="#">{author}</a></dt><dd class="profile-rank">{rank}</dd>
  <dd><strong>Posts:</strong> 120</dd></dl>
  <div class="postbody">
    <h3><a href="#p{number}">Re: Economics 2019 - Q2 and Q5 please</a></h3>
    <div class="content">{content}
    <div id="sig{number}" class="signature">{signature}</div></div>
  </div>
</div>"""


def _answer_html(number: int, question: str, heads: list[str], closing: str) -> str:
    parts = [f"<strong>Question # {number}: {question} (20 marks)</strong><br><br>",
             f"<strong>Introduction</strong><br>{BODY}<br><br>"]
    parts += [f"<strong>{head}</strong><br>{BODY}<br><br>" for head in heads]
    parts.append(f"<strong>Conclusion</strong><br>{closing}")
    return "".join(parts)


def test_a_thread_answered_in_two_posts_gives_two_answers_without_signatures(tmp_path):
    first = _answer_html(2, "Why has Pakistan's tax base stayed narrow?",
                         ["Exemptions for the powerful", "A large informal economy"],
                         "A broader base needs political will more than new taxes.")
    second = _answer_html(5, "Assess the causes of recurring balance of payments crises.",
                          ["Imports outgrow exports", "Short-term borrowing"],
                          "Without export growth every rescue only buys time.")
    page = f"""<!DOCTYPE html><html><head><meta charset="utf-8">
<title>Economics 2019 - Q2 and Q5 please - Aspirants Board</title></head><body>
<div id="page-body"><h2 class="topic-title">Economics 2019 - Q2 and Q5 please</h2>
{_post(11, "Bilal_K", "Aspirant", "Salam, these two of CSS 2019 beat me. Any help?",
       "CSS 2025 here we come | Economics + IR")}
{_post(12, "Sir Tariq", "Moderator", "Here is Q2; Q5 follows below.<br><br>" + first,
       "Sir Tariq - economics tutor | Please do not copy these notes")}
{_post(13, "Sir Tariq", "Moderator", second,
       "Sir Tariq - economics tutor | Please do not copy these notes")}
{_post(14, "Bilal_K", "Aspirant", "Thank you sir, very clear.", "CSS 2025 here we come")}
</div></body></html>"""
    answers = import_file(_write(tmp_path, "thread.html", page))
    assert [a.data["number"] for a in answers] == [2, 5]
    assert [a.data["year"] for a in answers] == [2019, 2019]
    assert _headings(answers[0]) == ["Exemptions for the powerful", "A large informal economy"]
    assert _headings(answers[1]) == ["Imports outgrow exports", "Short-term borrowing"]
    assert answers[1].data["conclusion"].startswith("Without export growth")
    for answer in answers:
        assert "do not copy" not in answer.yaml_text and "2025" not in answer.yaml_text
        assert not answer.incomplete


def test_group_headings_over_run_in_bold_points_and_a_closing_way_out(tmp_path):
    run_in = ("The ocean's narrow passages carry most of the region's trade, and a closure "
              "of any one of them would be felt in every port within days.")
    page = f"""## CSS 2021 · International Relations · Q4

**Q4.** Discuss the growing rivalry in the Arabian Sea. \\[20\\]

## Introduction

{BODY}

## Geography

**Chokepoints:** {run_in}

**Ports:** {run_in}

## Rivals

**Naval build-up:** {run_in}

**Port finance:** {run_in}

## Way Out

* Build surveillance before ships.
* Open Gwadar to every flag.

## Conclusion

In short, the sea rewards the patient planner.
"""
    answer = import_file(_write(tmp_path, "notes.md", page))[0]
    assert _headings(answer) == ["Chokepoints", "Ports", "Naval build-up", "Port finance"]
    assert [s["heading"] for s in answer.data["sections"]] == ["Way Out"]
    assert answer.data["conclusion"].startswith("In short, the sea")


PDF_HEAD = "Noor CSS Academy, Multan                          Sociology | Solved Paper CSS-2020"


def test_a_pdf_handout_lettered_outline_led_group_and_page_breaks(tmp_path):
    page = f"""{PDF_HEAD}

Q.4 Urban migration is reshaping the Pakistani family. Discuss. (20)

OUTLINE
A. Introduction
B. Pull of the cities
C. Changes inside the family
     i. Smaller households
     ii. Working mothers
D. Conclusion

Introduction
{BODY}

Pull of the cities
Jobs, schools and hospitals draw young men and then whole families to the large cities,
where rents push them into small rented rooms far from their relatives and
their old support of the village, so that the household learns to manage
alone. Wages are paid in cash and the elders lose a part of the say they had in

Noor Academy - for enrolled students only
Page 1 of 2
{PDF_HEAD}

how the money is spent and when the young may marry.

Changes inside the family
Two changes stand out.

i. Smaller households
{BODY}

ii. Working mothers
{BODY}

Conclusion
In the end the family bends to the city rather than breaking under it.
                                                                    Page 2 of 2
"""
    answer = import_file(_write(tmp_path, "handout.txt", page))[0]
    assert len(answer.data["outline"]) == 4
    assert answer.data["outline"][2] == (
        "Changes inside the family (Smaller households; Working mothers)")
    assert _headings(answer) == ["Pull of the cities", "Smaller households", "Working mothers"]
    pull = answer.data["points"][0]["body"]
    assert "the say they had in how the money is spent" in " ".join(pull.split())
    assert answer.data["points"][1]["body"].startswith("Two changes stand out.")
    assert "Noor" not in answer.yaml_text and "Page 1" not in answer.yaml_text
    assert answer.data["year"] == 2020 and answer.data["paper"] == "Sociology"


def test_a_group_post_with_emoji_header_check_outline_and_diamond_headings(tmp_path):
    page = f"""Ali Raza ► CSS Prep Circle
Admin · 2d · 👥

CSS 2020 | Criminology | Q No 3 📝
Wrote this in 35 minutes, corrections welcome 🙏

What is restorative justice? Evaluate its place in Pakistan's criminal justice system. (20 marks)

OUTLINE 👇
✔ Introduction
✔ Meaning of restorative justice
✔ Forms
      ➤ Victim-offender mediation
      ➤ Community panels
✔ Pakistan's practice
✔ Conclusion

INTRODUCTION:
{BODY}

🔸 Meaning of restorative justice
{BODY}

FORMS

1) Victim-offender mediation
{BODY}

2) Community panels
{BODY}

🔸 Pakistan's practice
{BODY}

CONCLUSION:
Restorative justice works best beside the courts, not instead of them.

👍 Like   💬 Comment   ↗ Share
"""
    answer = import_file(_write(tmp_path, "post.txt", page))[0]
    assert answer.data["number"] == 3 and answer.data["marks"] == 20
    assert answer.data["question"] == ("What is restorative justice? Evaluate its place in "
                                       "Pakistan's criminal justice system.")
    assert len(answer.data["outline"]) == 5
    assert _headings(answer) == ["Meaning of restorative justice", "Victim-offender mediation",
                                 "Community panels", "Pakistan's practice"]


def test_an_urdu_outline_with_abjad_letters_and_bare_urdu_headings(tmp_path):
    one = "\u06f1"  # Urdu's digit one
    urdu_body = ("یہ پیراگراف اس نکتے کی وضاحت کرتا ہے اور اتنا طویل ہے کہ اسے عنوان نہیں بلکہ "
                 "متن سمجھا جائے، اور یہ ایک مکمل جملے پر ختم ہوتا ہے۔")
    page = f"""PMS Punjab 2019 – Islamiat – Solved Q5 (Urdu)

سوال نمبر 5: خلافتِ راشدہ کے نظامِ حکومت کی نمایاں خصوصیات بیان کریں۔ (۲۰)

خاکہ
{one}۔ تمہید
۲۔ پس منظر
۳۔ نمایاں خصوصیات
     (الف) شوریٰ
     (ب) عدل
     (ج) مشاورت
۴۔ خلاصۂ کلام

تمہید
{urdu_body}

پس منظر
{urdu_body}

نمایاں خصوصیات

{one}۔ شوریٰ
{urdu_body}

۲۔ عدل
{urdu_body}

۳۔ مشاورت
{urdu_body}

خلاصۂ کلام
{urdu_body}

متعلقہ تحریریں
◄ سی ایس ایس 2021 اسلامیات: تصورِ توحید
تبصرہ کریں
"""
    answer = import_file(_write(tmp_path, "urdu.txt", page))[0]
    assert len(answer.data["outline"]) == 4
    assert _headings(answer) == ["پس منظر", "شوریٰ", "عدل", "مشاورت"]
    assert "متعلقہ تحریریں" not in answer.yaml_text and "تبصرہ کریں" not in answer.yaml_text
    assert not answer.incomplete


def test_urdu_abjad_letters_are_list_markers():
    assert split_marker("(الف) شوریٰ") == ("letter", "الف", "شوریٰ")
    assert split_marker("ج) عدل") == ("letter", "ج", "عدل")
    assert split_marker("(ب)عدل")[0] == "letter"


def test_a_year_wise_table_of_numbered_questions_under_sitting_heads(tmp_path):
    def table(rows: list[tuple[int, str]]) -> str:
        cells = "".join(f"<tr><td>{n}</td><td>{q}</td><td>20</td></tr>" for n, q in rows)
        return ("<table><thead><tr><th>Q.No</th><th>Question</th><th>Marks</th></tr></thead>"
                f"<tbody>{cells}</tbody></table>")
    page = f"""<!DOCTYPE html><html><head><meta charset="utf-8">
<title>Economics Past Papers Year-wise: CSS 2018 and 2019 - Exam Desk</title></head><body>
<main><h1>CSS Economics Past Papers (Year-wise)</h1>
<p>The subjective part of each paper, in short form, for revision before the exam.</p>
<h2>CSS 2018</h2>
{table([(2, "Why has the tax to GDP ratio of Pakistan stayed so low?"),
        (3, "Explain the causes of the recurring balance of payments crises."),
        (4, "Discuss the role of remittances in the economy of Pakistan.")])}
<h2>CSS 2019</h2>
{table([(2, "Evaluate the effect of circular debt on the power sector."),
        (5, "How does inflation hurt the poor more than the rich? Discuss.")])}
</main></body></html>"""
    records = import_file(_write(tmp_path, "yearwise.html", page))
    assert [(r.data["year"], r.data["number"]) for r in records] == [
        (2018, 2), (2018, 3), (2018, 4), (2019, 2), (2019, 5)]
    assert records[0].data["question"] == "Why has the tax to GDP ratio of Pakistan stayed so low?"
    assert all(r.data["paper"] == "Economics" and r.data["exam"] == "CSS" for r in records)


def test_two_answers_under_a_copied_contents_box_a_site_menu_and_lettered_heads(tmp_path):
    page = f"""Exam Notes Hub
Notes | Past Papers | Solved Papers | Current Affairs | Shop
Home » Sociology » Solved Papers
CSS Sociology 2019 Solved Paper: Q4 and Q6

Table of Contents
Q4: Urban poverty
Q6: Social change
Further reading

Q4: What drives urban poverty in Pakistan? Discuss.
Marks: 20

Introduction
{BODY}

Faces of urban poverty

(a) Informal work
{BODY}

(b) Slum housing
{BODY}

Weak safety nets
{BODY}

Conclusion
In short, the city's poor need work before they need charity.

Q6: Explain the main agents of social change in Pakistan.
Marks: 20

Introduction
{BODY}

1. Education
{BODY}

2. Media
{BODY}

Conclusion
All told, change comes faster than the institutions that must absorb it.

Related reading
→ Sociology Syllabus with Book List
Did you find this helpful? 👍 40  👎 2
"""
    answers = import_file(_write(tmp_path, "two.txt", page))
    assert [a.data["number"] for a in answers] == [4, 6]
    assert [a.data["paper"] for a in answers] == ["Sociology", "Sociology"]
    assert _headings(answers[0]) == ["Informal work", "Slum housing", "Weak safety nets"]
    assert _headings(answers[1]) == ["Education", "Media"]
    assert answers[1].data["conclusion"].startswith("All told")
    assert "Related reading" not in answers[1].yaml_text
    assert "helpful" not in answers[1].yaml_text


def test_topic_heads_that_close_in_a_count_of_their_questions(tmp_path):
    page = """<!DOCTYPE html><html><head><meta charset="utf-8">
<title>CSS Sociology Questions Topic-wise - Study Corner</title></head><body><article>
<h1>CSS Sociology Past Questions Topic-wise</h1>
<h2>&#128218; Family and Marriage <span>(2 Questions)</span></h2>
<ol><li>Discuss the decline of the joint family in urban Pakistan. <em>(CSS-2016)</em></li>
<li>Explain the changing patterns of marriage in South Asia. <em>(CSS-2019)</em></li></ol>
<h2>&#128218; Crime and Deviance <span>(2 Questions)</span></h2>
<ol start="3"><li>Evaluate the strain theory of deviance with examples. <em>(CSS-2018)</em></li>
<li>What are the causes of juvenile delinquency in Pakistan? <em>(CSS-2021)</em></li></ol>
</article></body></html>"""
    records = import_file(_write(tmp_path, "topics.html", page))
    assert [r.data["topics"][0] for r in records] == [
        "Family and Marriage", "Family and Marriage", "Crime and Deviance", "Crime and Deviance"]
    assert [r.data["year"] for r in records] == [2016, 2019, 2018, 2021]


def test_an_article_subtitle_header_a_question_label_and_a_closing_plea(tmp_path):
    page = f"""Open in app
Sign in

Why Tax Reform Keeps Failing in Pakistan
CSS 2021 · Economics · Q.3 (20 marks) — an outline and a model answer
Sara Malik
Follow
6 min read

I wrote this paper two years ago; here is how I would answer the question again today.

Question: Pakistan collects too little tax for its needs. Analyse the reasons and suggest reforms.

Outline
1-Introduction
2-Narrow base
3-Weak administration
4-Conclusion

Introduction
{BODY}

Narrow base
{BODY}

Weak administration
{BODY}

Conclusion
In the end, reform is a matter of will rather than of design.

If this helped, give it a few claps and follow me for one answer every week.

Economics
Taxation
Written by Sara Malik
PAS officer. I write model answers for the economics paper on weekends.
Get an email whenever Sara Malik publishes.
"""
    answer = import_file(_write(tmp_path, "article.txt", page))[0]
    assert (answer.data["exam"], answer.data["year"], answer.data["number"],
            answer.data["marks"], answer.data["paper"]) == ("CSS", 2021, 3, 20, "Economics")
    assert answer.data["question"] == ("Pakistan collects too little tax for its needs. "
                                       "Analyse the reasons and suggest reforms.")
    assert len(answer.data["outline"]) == 4
    assert _headings(answer) == ["Narrow base", "Weak administration"]
    assert answer.data["conclusion"].startswith("In the end, reform")
    assert "claps" not in answer.yaml_text and "weekends" not in answer.yaml_text


def test_a_question_box_under_the_page_title_and_a_paywall(tmp_path):
    long = " ".join([BODY] * 3)  # a page of full paragraphs, as such a page is
    page = f"""<!DOCTYPE html><html><head><meta charset="utf-8">
<title>Ageing in Pakistan | Sociology | CSS 2018 - Answer Vault</title></head><body>
<div id="app"><header class="topbar"><a href="/" class="logo">Answer Vault</a>
<nav><a href="/css/">CSS</a><a href="/pricing/">Pricing</a></nav></header>
<div class="crumbs"><a href="/sociology/">Sociology</a> &rsaquo; <span>CSS 2018</span></div>
<article class="answer-page"><div class="badge">PREMIUM</div>
<h1>Ageing in Pakistan</h1>
<p class="meta">Sociology &bull; CSS 2018 &bull; 8 min read &bull; Checked by
<a href="/team/">our panel</a></p>
<div class="question-box">
<span class="qno">Q.No.6</span>
<p>Discuss the problems of the elderly in Pakistan. How is the family's role changing?</p>
<span class="marks">(20)</span>
</div>
<section class="outline"><h2>Outline</h2>
<ol><li>Introduction</li><li>Care at home</li><li>Pensions
<ol><li>Public servants</li><li>The informal sector</li></ol></li><li>Conclusion</li></ol>
</section>
<section class="answer-body">
<h2>Introduction</h2><p>{long}</p>
<h2>Care at home</h2><p>{long}</p>
<h2>Pensions</h2>
<h3>i. Public servants</h3><p>{long}</p>
<h3>ii. The informal sector</h3><p>Only a small share of the old draw a pension, and the
workers of the informal sector who make up most of the labour force</p>
</section>
<div class="paywall"><h3>This answer is for Premium members only</h3>
<p>You have read a third of this answer. Subscribe for the rest.</p></div>
</article></div></body></html>"""
    answer = import_file(_write(tmp_path, "box.html", page))[0]
    assert answer.data["number"] == 6 and answer.data["marks"] == 20
    assert len(answer.data["outline"]) == 4
    assert _headings(answer) == ["Care at home", "Public servants", "The informal sector"]
    assert answer.data["introduction"].startswith("This paragraph carries")
    assert answer.incomplete


def test_lettered_heads_before_a_titled_run_of_roman_points_and_a_rating_row(tmp_path):
    page = f"""GSA – CSS 2020 Solved – Q.No.9
Q.No.9 What is ozone depletion? Explain its causes and effects. (10)
Answer:
{BODY}
(a) Ozone layer
{BODY}
(b) Depleting chemicals
{BODY}
Effects of depletion
i. Skin cancer
{BODY}
ii. Crop damage
{BODY}
Conclusion:
The ozone story shows that a treaty can repair a global harm.
Share: Facebook Twitter WhatsApp
Rate this answer: ★★★★☆ (4.5 / 5, 20 votes)
Previous: Q.No.8 Vaccines | Next: Q.No.10 Energy
"""
    answer = import_file(_write(tmp_path, "gsa.txt", page))[0]
    assert _headings(answer) == ["Ozone layer", "Depleting chemicals", "Skin cancer",
                                 "Crop damage"]
    assert not answer.incomplete
    assert "Rate this" not in answer.yaml_text and "Previous:" not in answer.yaml_text


def test_a_dash_outline_with_double_dash_children_and_bold_lettered_heads(tmp_path):
    page = f"""Question No. 2: Discuss the causes of urban flooding in Karachi and its impact. (20)

**Outline**
- Introduction
- Causes
-- Blocked drains
-- Encroachments
- Impact
-- Trade
-- Health
- Conclusion

**Introduction**

{BODY}

**Causes**

**1. Blocked drains**

{BODY}

**2. Encroachments**

{BODY}

**Impact**

**a) Trade**

{BODY}

**b) Health**

{BODY}

**Conclusion**

In a nutshell, the city floods because it was built over its own drains.
"""
    answer = import_file(_write(tmp_path, "floods.md", page))[0]
    assert answer.data["outline"] == ["Introduction", "Causes (Blocked drains; Encroachments)",
                                      "Impact (Trade; Health)", "Conclusion"]
    assert _headings(answer) == ["Blocked drains", "Encroachments", "Trade", "Health"]


def test_a_blog_share_row_after_the_answer_is_dropped(tmp_path):
    page = f"""Question 2. Discuss the role of the media in a democracy. (20 marks)

Introduction
{BODY}

Watchdog role
{BODY}

Conclusion
Overall, a free press keeps power honest.

Posted by Exam Corner at 9:30 PM
Email This
BlogThis!
Share to X
Share to Pinterest
"""
    answer = import_file(_write(tmp_path, "blog.txt", page))[0]
    assert "BlogThis" not in answer.yaml_text and "Share to" not in answer.yaml_text


def test_an_index_of_solved_papers_is_no_answer(tmp_path):
    page = """Home » Solved Papers
CSS Solved Papers – Subject-wise Index

Pakistan Affairs
CSS 2023 Pakistan Affairs Paper (Solved)
  Q2. Discuss the role of the Objectives Resolution in the constitution
  Q4. Water crisis in Pakistan: causes and remedies
CSS 2022 Pakistan Affairs Paper (Solved)
  Q3. What are the hurdles to provincial autonomy?
  Q5. Evaluate the foreign policy of Pakistan since 2001
CSS 2021 Pakistan Affairs Paper – coming soon

Islamiat
CSS 2023 Islamiat Paper (Solved)
  Q2. Explain the concept of Tawheed
  Q6. Describe the rights of neighbours in Islam
"""
    with pytest.raises(NoAnswerOnPage, match="navigation"):
        import_file(_write(tmp_path, "index.txt", page))


def test_a_category_page_of_post_cards_is_no_answer(tmp_path):
    cards = "".join(
        f"""<div class="post-card"><h3 class="entry-title"><a href="/p{n}/">{title}</a></h3>
<div class="post-meta"><span class="author">Bilal Shah</span> <time>May {n}, 2024</time></div>
<div class="entry-summary"><p>{excerpt} &#8230;</p></div>
<div class="read-more"><a href="/p{n}/">Read more</a></div></div>"""
        for n, (title, excerpt) in enumerate([
            ("CSS 2022 Sociology Q3: The Joint Family",
             "Q.3 Discuss the decline of the joint family in Pakistan. (20) Outline: 1. Intro"),
            ("CSS 2021 Sociology Q5: Urban Poverty",
             "Introduction: Poverty in the cities of Pakistan is growing faster than in"),
            ("Sociology Notes: Theories of Social Change",
             "A short note on the main theories of social change and their thinkers, for"),
            ("PMS 2020: Crime and the Youth",
             "Question: Examine the causes of youth crime in Pakistan. Answer: Young people"),
        ], 1))
    page = f"""<!DOCTYPE html><html><head><meta charset="utf-8">
<title>Sociology Archives - Page 1 of 4 - Study Corner</title></head><body>
<div class="site-header"><a href="/">Study Corner</a></div>
<div class="content-area"><h1 class="category-title">Sociology</h1>
<div class="category-description"><p>Solved papers and notes for the CSS Sociology
paper, with new posts every week.</p></div>
<div class="posts">{cards}</div>
<div class="pagination">Page 1 of 4 <a href="/page/2/">Next</a></div></div>
</body></html>"""
    with pytest.raises(NoAnswerOnPage, match="navigation"):
        import_file(_write(tmp_path, "category.html", page))


def test_a_question_table_with_topic_rows_across_it_and_one_exam_and_year_column(tmp_path):
    def row(n: int, question: str, sitting: str) -> str:
        return f"<tr><td>{n}</td><td>{question}</td><td>{sitting}</td></tr>"
    page = f"""<!DOCTYPE html><html><head><meta charset="utf-8">
<title>Economics Past Questions by Topic - Exam Desk</title></head><body>
<main><h1>Economics Past Questions by Topic</h1>
<p>Each question below carries the exam and the year it was set in its last column.</p>
<table><thead><tr><th>No.</th><th>Question</th><th>Exam / Year</th></tr></thead><tbody>
<tr><td colspan="3"><strong>Public Finance</strong></td></tr>
{row(1, "Why has the tax to GDP ratio of Pakistan stayed so low?", "CSS 2017")}
{row(2, "Discuss the burden of indirect taxes on the poor.", "PMS Sindh 2020")}
<tr><td colspan="3"><strong>Trade and Payments</strong></td></tr>
{row(3, "Explain the causes of the recurring balance of payments crises.", "CSS 2021")}
</tbody></table></main></body></html>"""
    records = import_file(_write(tmp_path, "bytopic.html", page))
    assert [(r.data["exam"], r.data["year"], r.data["topics"][0]) for r in records] == [
        ("CSS", 2017, "Public Finance"), ("PMS", 2020, "Public Finance"),
        ("CSS", 2021, "Trade and Payments")]
    assert records[1].data["question"] == "Discuss the burden of indirect taxes on the poor."
    assert all(r.data["paper"] == "Economics" for r in records)


def test_essay_topics_set_as_statements_under_theme_heads_each_with_its_year(tmp_path):
    page = """Essay Corner
CSS English Essay Topics by Theme (2015-2022)

The topics below were set in past essay papers, grouped by theme, with the year after each.

▶ Cities
• The city that forgets its poor loses its soul (2016)
• Are our cities built for cars or for people? (2019)

▶ Science
• Knowledge without wisdom is a loaded gun (2015)
• Technology: servant or master of the modern age (2022)
"""
    records = import_file(_write(tmp_path, "essay.txt", page))
    assert [(r.data["question"], r.data["year"], r.data["topics"][0]) for r in records] == [
        ("The city that forgets its poor loses its soul", 2016, "Cities"),
        ("Are our cities built for cars or for people?", 2019, "Cities"),
        ("Knowledge without wisdom is a loaded gun", 2015, "Science"),
        ("Technology: servant or master of the modern age", 2022, "Science")]
    assert all(r.data["paper"] == "English Essay" and r.data["exam"] == "CSS" for r in records)


def test_numbered_questions_without_tags_under_year_heads_take_the_heads_year(tmp_path):
    one, two = "1\ufe0f\u20e3", "2\ufe0f\u20e3"
    page = f"""Study Group
Admin · 3d

CSS Psychology Past Questions by Year 📌
Keep this post for revision.

📍 CSS 2018
{one} Explain classical conditioning with an example from the classroom.
{two} What is cognitive dissonance? How do people reduce it?

📍 CSS 2021
{one} Discuss the causes of anxiety disorders among young adults.
{two} Evaluate the trait theory of personality since 1990.

Note: answers will follow in the files section.
"""
    records = import_file(_write(tmp_path, "years.txt", page))
    assert [(r.data["question"], r.data["year"]) for r in records] == [
        ("Explain classical conditioning with an example from the classroom.", 2018),
        ("What is cognitive dissonance? How do people reduce it?", 2018),
        ("Discuss the causes of anxiety disorders among young adults.", 2021),
        ("Evaluate the trait theory of personality since 1990.", 2021)]
    assert all(r.data["paper"] == "Psychology" and r.data["exam"] == "CSS" for r in records)


def test_a_label_page_of_cut_short_snippets_without_their_titles_is_no_answer(tmp_path):
    snippets = [
        "Q.3 Why has local government never taken root in Pakistan? (20) Outline 1. "
        "Introduction 2. Colonial legacy 3. Military regimes and the councils &#8230;",
        "Introduction: Public policy is what a government chooses to do or not to do, and "
        "the gap between a policy on paper and in practice is wide in &#8230;",
        "Question 5: Discuss the role of the civil service in policy making. [20] The "
        "steel frame inherited from the colonial state has served several masters &#8230;",
        "Month one: the basic concepts and the main schools of thought. Month two: the "
        "machinery of government, budgets and their audit &#8230;"]
    posts = "".join(f'<div class="post"><div class="snippet">{s}</div>'
                    '<div class="jump-link"><a href="#">Read more &#187;</a></div></div>'
                    for s in snippets)
    page = f"""<!DOCTYPE html><html><head><meta charset="utf-8">
<title>Policy Notes: Public Administration</title></head><body>
<div class="blog-posts"><p>Showing posts with the label Public Administration.</p>
{posts}</div></body></html>"""
    with pytest.raises(NoAnswerOnPage, match="navigation"):
        import_file(_write(tmp_path, "label.html", page))


def test_a_shop_product_page_quoting_a_sample_question_is_a_sales_page(tmp_path):
    page = f"""<!DOCTYPE html><html><head><meta charset="utf-8">
<title>Economics Solved Papers (Printed) - Book Corner</title></head>
<body class="product-template-default single-product woocommerce">
<main><h1 class="product_title">Economics Solved Papers (Printed)</h1>
<p class="price"><span>Rs 1,800</span></p>
<button class="single_add_to_cart_button">Add to cart</button>
<div class="description"><h2>Description</h2>
<p>Every past question of the last ten years, answered the way examiners like to read it.</p>
<h3>A sample from the book</h3>
<p><strong>Q. Why has the tax to GDP ratio of Pakistan stayed so low? (CSS 2019)</strong></p>
<p>The sample answer runs to three pages with an outline and two tables.</p>
<p>{BODY}</p></div>
<div class="reviews"><p>Reached Lahore in two days, well bound.</p></div>
</main></body></html>"""
    with pytest.raises(NoAnswerOnPage, match="sales"):
        import_file(_write(tmp_path, "product.html", page))


def test_a_guide_to_attempting_a_question_built_round_a_practice_question_is_no_answer(
        tmp_path):
    page = """# How to Attempt a Long Question in Economics

We take one past question and show you what each part of your answer should do.

**Question:** Why has the tax to GDP ratio of Pakistan stayed so low? (20)

## Outline

- Introduction: one line giving your thesis
- Causes: the headings that answer the question
- Conclusion: your thesis again in fresh words

## Introduction

Keep it short. Open with a figure you trust, and tell the examiner where you will go.

## Body

Give each heading one example. If you cannot date your example, you should drop it.

## Conclusion

Do not bring in new points here; return to your thesis and end looking forward.
"""
    with pytest.raises(NoAnswerOnPage, match="guide"):
        import_file(_write(tmp_path, "guide.md", page))


def test_a_title_naming_two_questions_and_a_heading_with_a_lead_in_over_run_in_terms(
        tmp_path):
    page = f"""<!DOCTYPE html><html><head><meta charset="utf-8">
<title>Economics Past Paper 2019 Solved - Q3 &amp; Q5 - Exam Desk</title></head><body>
<main><article><h1>Economics Past Paper 2019 Solved – Q3 &amp; Q5</h1>
<p>Two questions from the same paper, each worth a careful read before the exam.</p>
<h2>Question 3 (20 Marks)</h2>
<p><strong>Why has the tax to GDP ratio of Pakistan stayed so low? Discuss.</strong></p>
<h3>Introduction</h3><p>{BODY}</p>
<h3>Causes of the low ratio</h3>
<p>Three causes stand out.</p>
<p><strong>Exemptions</strong> – whole sectors such as farm income pay next to nothing, and
every budget adds a few more exemptions for those with a voice.</p>
<p><strong>Informal trade</strong> – most retail sales are made in cash and never recorded,
so neither the sales tax nor the income tax reaches them.</p>
<h3>The way the ratio moved</h3><p>{BODY}</p>
<h3>Conclusion</h3><p>{BODY}</p>
<h2>Question 5 (20 Marks)</h2>
<p><strong>Explain the causes of the recurring balance of payments crises.</strong></p>
<h3>Introduction</h3><p>{BODY}</p>
<h3>Imports outgrow exports</h3><p>{BODY}</p>
<h3>Short-term borrowing</h3><p>{BODY}</p>
<h3>Conclusion</h3><p>{BODY}</p>
</article></main></body></html>"""
    first, second = import_file(_write(tmp_path, "two.html", page))
    assert (first.data["number"], first.data["year"], first.data["marks"]) == (3, 2019, 20)
    assert first.data["question"] == "Why has the tax to GDP ratio of Pakistan stayed so low? " \
        "Discuss."
    assert _headings(first) == ["Exemptions", "Informal trade", "The way the ratio moved"]
    assert (second.data["number"], second.data["year"]) == (5, 2019)
    assert _headings(second) == ["Imports outgrow exports", "Short-term borrowing"]


def test_a_handout_outline_with_roman_children_under_a_number_and_its_rights_notice(
        tmp_path):
    page = f"""Q.No.4 Why has the tax to GDP ratio of Pakistan stayed so low? (20)

Outline
1. Introduction
2. Causes
i. Exemptions
ii. Informal trade
3. Conclusion

Introduction
{BODY}

Causes

i. Exemptions
{BODY}

ii. Informal trade
{BODY}

Conclusion
In short, the ratio will rise only when every income is taxed alike.

For registered students of Bright Path Institute only. Not for resale.
"""
    answer, = import_file(_write(tmp_path, "handout.txt", page))
    assert answer.data["outline"] == ["Introduction", "Causes (Exemptions; Informal trade)",
                                      "Conclusion"]
    assert _headings(answer) == ["Exemptions", "Informal trade"]
    assert answer.data["conclusion"].startswith("In short")
    assert "Bright Path" not in answer.yaml_text and not answer.incomplete


def test_marks_written_before_their_number_and_a_teachers_checked_by_remark(tmp_path):
    page = f"""# CSS-2020 -- Economics

**Question No. 3**

Why has the tax to GDP ratio of Pakistan stayed so low? **(Marks 20)**

## Introduction

{BODY}

## Conclusion

In short, the ratio will rise only when every income is taxed alike.

> **Checked by Sir Kamran -- 15/20.** Sound points; cite a newer survey next time.
"""
    answer, = import_file(_write(tmp_path, "notes.md", page))
    assert answer.data["question"] == "Why has the tax to GDP ratio of Pakistan stayed so low?"
    assert (answer.data["number"], answer.data["marks"], answer.data["year"]) == (3, 20, 2020)
    assert "Kamran" not in answer.yaml_text


def test_an_italic_exam_year_and_marks_line_under_the_question_with_a_dash(tmp_path):
    page = f"""<!DOCTYPE html><html><head><meta charset="utf-8">
<title>Islamiat: the concept of Shura - Notes Blog</title></head><body><article>
<h1>Islamiat: the concept of Shura</h1>
<div class="question"><p><b>Q.5</b> Explain the concept of Shura in Islam and its place in
a modern state.</p><p><i>(CSS 2021 – 20 marks)</i></p></div>
<h3>Introduction</h3><p>{BODY}</p>
<h3>Consultation in the Quran</h3><p>{BODY}</p>
<h3>Conclusion</h3><p>{BODY}</p>
</article></body></html>"""
    answer, = import_file(_write(tmp_path, "shura.html", page))
    assert (answer.data["number"], answer.data["year"], answer.data["marks"]) == (5, 2021, 20)
    assert answer.data["introduction"].startswith("This paragraph carries")


def test_a_menu_run_together_naming_several_papers_names_none(tmp_path):
    page = f"""Law Notes Hub
HomeOptional PapersConstitutional LawInternational LawMercantile LawAbout
Home International Law
International Law
Treaties and Their Validity | International Law Solved Paper

Q#2: Explain the grounds on which a treaty may be held invalid. (CSS-2018)
20 Marks

Introduction: {BODY}

Error and fraud
{BODY}

Conclusion: {BODY}
"""
    answer, = import_file(_write(tmp_path, "treaty.txt", page))
    assert answer.data["paper"] == "International Law"
    assert (answer.data["number"], answer.data["year"], answer.data["marks"]) == (2, 2018, 20)


def test_a_thread_asking_without_a_q_marker_names_number_and_marks_above_it(tmp_path):
    page = f"""<!DOCTYPE html><html><head><meta charset="utf-8">
<title>Public Administration 2016 help - Prep Board</title></head><body>
<div id="page-body"><h2 class="topic-title">Public Administration 2016 help</h2>
<div id="p501" class="post has-profile">
  <dl class="postprofile"><dt><a href="#">rabia_k</a></dt>
  <dd class="profile-rank">Junior Member</dd>
  <dd><strong>Posts:</strong> 9</dd></dl>
  <div class="postbody"><h3 class="first"><a href="#p501">Public Administration 2016 help</a></h3>
  <p class="author">by <strong>rabia_k</strong> &raquo; Mon Mar 04, 2024 7:10 pm</p>
  <div class="content">Hello all,<br><br>
  I could not attempt this one. It was question 3 in the CSS 2016 paper and carried
  20 marks:<br><br>
  <strong>Explain the main features of New Public Management. Has it suited
  Pakistan?</strong><br><br>
  My book says little on it, any help is welcome.</div>
  <div id="sig501" class="signature">PAS is the dream<br>Notes index: my shared folder</div>
  </div></div>
<div id="p502" class="post has-profile">
  <dl class="postprofile"><dt><a href="#">Usman Tariq</a></dt>
  <dd class="profile-rank">Senior Member</dd>
  <dd><strong>Posts:</strong> 1822</dd></dl>
  <div class="postbody"><h3><a href="#p502">Re: Public Administration 2016 help</a></h3>
  <p class="author">by <strong>Usman Tariq</strong> &raquo; Tue Mar 05, 2024 9:00 am</p>
  <div class="content">Here is how I would write it, in a hurry.<br><br>
  <strong>Introduction</strong><br>{BODY}<br><br>
  <strong>Markets inside the state</strong><br>{BODY}<br><br>
  <strong>Managers free to manage</strong><br>{BODY}<br><br>
  <strong>Conclusion</strong><br>All in all, the reform travels only where its tools fit the
  local state.</div>
  <div id="sig502" class="signature">&quot;Work in silence, let results speak.&quot;<br>My
  notes thread: all papers</div>
  </div></div>
</div></body></html>"""
    answer, = import_file(_write(tmp_path, "thread.html", page))
    assert answer.data["question"] == ("Explain the main features of New Public Management. "
                                       "Has it suited Pakistan?")
    assert (answer.data["number"], answer.data["marks"], answer.data["year"]) == (3, 20, 2016)
    assert _headings(answer) == ["Markets inside the state", "Managers free to manage"]
    assert answer.data["introduction"].startswith("This paragraph carries")
    for site_text in ("Work in silence", "notes thread", "Usman Tariq", "PAS is the dream"):
        assert site_text not in answer.yaml_text


def test_an_urdu_page_names_exam_year_number_and_marks_in_urdu_words_and_digits(tmp_path):
    # Urdu digits, written as escapes: 2019, 3, 20.
    year, three, twenty = "\u06f2\u06f0\u06f1\u06f9", "\u06f3", "\u06f2\u06f0"
    urdu_body = ("یہ پیراگراف اس نکتے کی وضاحت کرتا ہے اور اتنا طویل ہے کہ اسے عنوان نہیں بلکہ "
                 "متن سمجھا جائے، اور یہ ایک مکمل جملے پر ختم ہوتا ہے۔")
    page = f"""امتحان کی تیاری
سی ایس ایس اور پی ایم ایس کے نوٹس اردو میں

پی ایم ایس پنجاب {year} — اسلامیات — حل شدہ سوال نمبر {three}

سوال نمبر {three}: زکوٰۃ کے معاشی فوائد بیان کریں۔ ({twenty} نمبر)

خاکہ
● تمہید
● معاشی فوائد
     ○ دولت کی گردش
     ○ غربت میں کمی
● خلاصۂ کلام

تمہید
{urdu_body}

دولت کی گردش
{urdu_body}

غربت میں کمی
{urdu_body}

خلاصۂ کلام
{urdu_body}

اس تحریر کو شیئر کریں: فیس بک | واٹس ایپ
3 تبصرے:
بہت اچھی تحریر، شکریہ
"""
    answer, = import_file(_write(tmp_path, "urdu.txt", page))
    assert (answer.data["exam"], answer.data["year"]) == ("PMS", 2019)
    assert (answer.data["number"], answer.data["marks"]) == (3, 20)
    assert answer.data["paper"] == "Islamic Studies"
    assert answer.data["question"] == "زکوٰۃ کے معاشی فوائد بیان کریں۔"
    assert len(answer.data["outline"]) == 3
    assert "شیئر" not in answer.yaml_text and "شکریہ" not in answer.yaml_text


def test_a_telegram_channel_post_in_two_parts_with_glyph_titles_over_numbered_points(tmp_path):
    page = f"""Economics Prep Channel
@econprep
2.1K subscribers
Preview channel

Economics Prep Channel
📢 Quiz 3 marks are in your inbox now.
1.2K views 17:05

Economics Prep Channel
📌 CSS-2021 | Economics | Question 4

Explain the causes of inflation in Pakistan and suggest remedies. [20 marks]

OUTLINE
▪️ Introduction
▪️ Causes of inflation
     ◦ Demand side
     ◦ Supply side
▪️ Remedies
▪️ Conclusion

🔹 Introduction
{BODY}

🔹 Causes of inflation

1️⃣ Demand side
{BODY}

2️⃣ Supply side
{BODY}

🔹 Remedies

a) Tighter money
Interest rates that stay above inflation for long enough slowly pull prices back, but the cost

⏬ continued in Part 2
1.9K views edited 18:10

Economics Prep Channel
🔥 ADMISSIONS OPEN for the evening batch, inbox us
1.0K views 18:30
"""
    answer, = import_file(_write(tmp_path, "channel.txt", page))
    assert (answer.data["number"], answer.data["year"], answer.data["marks"]) == (4, 2021, 20)
    assert len(answer.data["outline"]) == 4
    assert _headings(answer) == ["Demand side", "Supply side", "Tighter money"]
    assert answer.incomplete
    assert "conclusion: placeholder, not in the source" in answer.derived
    assert "ADMISSIONS" not in answer.yaml_text and "Quiz 3" not in answer.yaml_text


def test_a_chat_answer_over_several_messages_an_italic_outline_and_a_closing_reply(tmp_path):
    head = "14/05/2024, 20:10 - Sir Naveed: "
    page = f"""14/05/2024, 20:00 - Messages and calls are end-to-end encrypted. Tap to learn more.
{head}*Sociology (CSS 2019) Q.4*

*Discuss the functions of the family in a changing society.*

_Outline_
- Introduction
- Socialisation of the young
   • values
   • language
- Emotional support
- Conclusion
14/05/2024, 20:12 - Sir Naveed: *Introduction*
{BODY}

*Socialisation of the young*
{BODY}
14/05/2024, 20:13 - Amna: JazakAllah sir
14/05/2024, 20:15 - Sir Naveed: *Emotional support*
{BODY}

*Conclusion*
In short, the family still does what no school or screen can do for a child.

Note: Practise this one at home before the test 👍
14/05/2024, 20:16 - Amna: Sir please share the next one also
14/05/2024, 20:18 - Sir Naveed: Tomorrow. Submit the monthly fee by Friday please.
"""
    answer, = import_file(_write(tmp_path, "chat.txt", page))
    assert len(answer.data["outline"]) == 4
    assert _headings(answer) == ["Socialisation of the young", "Emotional support"]
    assert answer.data["conclusion"].startswith("In short, the family")
    assert not answer.incomplete
    assert "monthly fee" not in answer.yaml_text


def _vb_post(number: int, author: str, card: str, message: str) -> str:
    return f"""
<table class="tborder" id="post{number}" width="100%">
<tr><td class="thead">Monday, March 11, 2024, 0{number % 10}:15 PM</td>
<td class="thead" align="right">#<strong>{number % 10}</strong></td></tr>
<tr valign="top"><td class="alt2" width="175">
<a class="bigusername" href="member.php?u={number}">{author}</a>
{card}
<div class="smallfont">Join Date: Jan 2020<br />Posts: 310<br />Thanked 95 Times in 40 Posts</div>
</td><td class="alt1" id="td_post_{number}">
<div id="post_message_{number}">{message}</div>
</td></tr>
<tr><td class="alt2"></td><td class="alt1" align="right">
<a href="newreply.php?p={number}">Reply With Quote</a></td></tr>
</table>"""


def test_a_vbulletin_reply_in_br_lines_answers_a_question_quoted_in_the_first_post(tmp_path):
    heads = ["Weak party structures", "Military interventions", "Dynastic politics"]
    answer_lines = "<br />\n".join(
        ["Walaikum salam. I wrote this for my own practice test last year and my mentor gave "
         "it 12/20, so read it as a sketch only.", "", BODY, "",
         *(f"<b>{head}</b><br />\n{BODY}<br />\n" for head in heads),
         "<b>Conclusion</b>", "Taken together, these causes keep democracy fragile in "
                              "Pakistan."])
    page = f"""<!DOCTYPE html><html><head><meta charset="utf-8">
<title>Democracy in Pakistan - Prep Forum</title></head><body>
<div id="posts">
{_vb_post(701, "hina.s", '<div class="smallfont">Junior Member</div>',
          'Salam seniors,<br /><br />In CSS 2017 Political Science paper this was asked: '
          '&quot;Examine the causes of the weakness of democracy in Pakistan.&quot; I cannot '
          'shape an answer. Please help.')}
{_vb_post(702, "Adeel_R", '<div class="smallfont">Senior Member</div>'
          '<div class="smallfont">PMS 2021 topper</div>', answer_lines)}
{_vb_post(703, "hina.s", '<div class="smallfont">Junior Member</div>', "Thanks a lot!")}
</div></body></html>"""
    answer, = import_file(_write(tmp_path, "vb.html", page))
    assert answer.data["question"] == ("Examine the causes of the weakness of democracy in "
                                       "Pakistan.")
    assert (answer.data["exam"], answer.data["year"]) == ("CSS", 2017)
    assert answer.data["paper"] == "Political Science"
    assert _headings(answer) == heads
    assert answer.data["introduction"].startswith("This paragraph carries")
    assert answer.data["conclusion"].startswith("Taken together")
    assert "topper" not in answer.yaml_text and "12/20" not in answer.yaml_text


def test_a_first_post_quoting_its_own_question_over_a_rule_is_its_answer(tmp_path):
    heads = ["Fiscal transfers", "Provincial autonomy"]
    lines = "<br />\n".join(
        ["Dear seniors, I sit CSS 2026 with Public Administration. Here is my attempt at a "
         "question of the 2020 paper that asked &quot;Evaluate the working of fiscal "
         "federalism in Pakistan after the 18th Amendment.&quot; Please check it.",
         "------------------------------", BODY,
         *(f"<b>{head}</b><br />\n{BODY}" for head in heads),
         "In short, the settlement is sound on paper and weak in practice."])
    page = f"""<!DOCTYPE html><html><head><meta charset="utf-8">
<title>Fiscal federalism attempt - Prep Forum</title></head><body>
<div id="posts">
{_vb_post(801, "saad.m", '<div class="smallfont">Junior Member</div>', lines)}
{_vb_post(802, "Adeel_R", '<div class="smallfont">Senior Member</div>',
          "Good effort, add NFC figures next time.")}
{_vb_post(803, "hina.s", '<div class="smallfont">Junior Member</div>', "Bookmarked, thanks.")}
</div></body></html>"""
    answer, = import_file(_write(tmp_path, "own.html", page))
    assert answer.data["question"] == ("Evaluate the working of fiscal federalism in Pakistan "
                                       "after the 18th Amendment.")
    assert answer.data["year"] == 2020
    assert answer.data["paper"] == "Public Administration"
    assert _headings(answer) == heads
    assert answer.data["introduction"].startswith("This paragraph carries")
    assert "Dear seniors" not in answer.yaml_text


def test_a_card_page_whose_paragraphs_the_extractor_drops_is_read_from_its_markup(tmp_path):
    # A comments card under the answer's card (and a sidebar of cards) leads the
    # extractor to keep the headings and comments and drop the answer's paragraphs.
    para = " ".join(["Growth in jobs, roads and schools has not kept pace with the people of "
                     "the province, and this paragraph says so at the length of prose."] * 4)
    heads = ["(i) Weak local councils", "(ii) Thin municipal finance", "(iii) Land records"]
    cards = "".join(f'<h6 class="text-primary font-weight-bold mt-4">{head}</h6>\n'
                    f"<p>{para}</p>\n" for head in heads)
    page = f"""<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Public Administration 2019 Q6 – City services | PrepCards</title></head><body>
<div class="bg-warning text-center py-2 small">📗 Solved notes, all papers – Rs. 999 only ·
Cash on Delivery · <a href="order.php">Order Now</a></div>
<nav class="navbar navbar-dark"><a class="navbar-brand" href="index.php">PrepCards</a>
<ul class="navbar-nav"><li><a href="index.php">Home</a></li><li><a href="shop.php">Shop</a></li>
</ul></nav>
<div class="container my-4"><div class="row"><div class="col-lg-8">
<a href="papers.php" class="btn btn-sm mb-3">Go Back ›</a>
<div class="card shadow-sm mb-3"><div class="card-header bg-primary text-white">
<span class="badge mr-2">CSS 2019</span> Public Administration · Question No. 6</div>
<div class="card-body"><h5 class="card-title">Why do cities in Pakistan fail to deliver basic
services? Suggest reforms. <span class="text-muted">(20)</span></h5>
<p class="card-text small text-muted">Uploaded by Admin · 2 Feb 2024 · 1,204 views</p>
</div></div>
<div class="card mb-3"><div class="card-header font-weight-bold">Answer to the Question</div>
<div class="card-body answer-body">
<p>{para}</p>
{cards}<h6 class="text-primary font-weight-bold mt-4">Conclusion</h6>
<p>{para}</p>
</div></div>
<div class="alert alert-info small">Was this answer helpful? <a href="#">👍 Yes (31)</a></div>
<div class="card mb-3"><div class="card-header">Discussion (2)</div>
<ul class="list-group list-group-flush small">
<li class="list-group-item"><strong>Hamza Ali</strong> · 3 weeks ago<br>Clear and short, the
point on land records is new to me. Thank you!</li>
<li class="list-group-item"><strong>Sana</strong> · 1 week ago<br>Please add a table next
time 🙏</li></ul>
<div class="card-footer"><a href="login.php">Login to post a comment</a></div></div>
</div><div class="col-lg-4">
<div class="card mb-3"><div class="card-body text-center"><h6 class="card-title">Go Premium</h6>
<p class="small">Every solved paper and weekly tests. Rs. 499 / month.</p></div></div>
<div class="card mb-3"><div class="card-header">More from Public Administration 2019</div>
<div class="list-group small"><a href="a.php?id=1" class="list-group-item">Q1 – Max Weber's
bureaucracy</a><a href="a.php?id=2" class="list-group-item">Q2 – Good governance</a></div></div>
</div></div></div></body></html>"""
    answer, = import_file(_write(tmp_path, "cards.html", page))
    assert (answer.data["number"], answer.data["year"], answer.data["marks"]) == (6, 2019, 20)
    assert answer.data["question"] == ("Why do cities in Pakistan fail to deliver basic "
                                       "services? Suggest reforms.")
    assert _headings(answer) == ["Weak local councils", "Thin municipal finance", "Land records"]
    assert answer.data["introduction"].startswith("Growth in jobs")
    assert answer.data["conclusion"].startswith("Growth in jobs")


def test_a_group_post_whose_preface_quotes_the_question_it_answers(tmp_path):
    preface = ("Salam friends! I am posting my attempt at a question from the CSS 2021 "
               "Pakistan Affairs paper, which asked us to \"Evaluate the role of the Indus "
               "Waters Treaty in Pakistan's water security.\" I wrote it in 30 minutes, "
               "please check my structure. 🙏")
    page = f"""Pak Affairs Aspirants
Private group · 12.4K members

Nida Farooq
Rising Contributor · 3d · 🌍

{preface}

Introduction
{BODY}

1. Storage: {BODY}
2. Equity: {BODY}

Conclusion
In the end, the treaty still holds, but storage decides what it is worth.

👍❤️ 48
12 comments
Most relevant
"""
    answer, = import_file(_write(tmp_path, "post.txt", page))
    assert answer.data["question"] == ("Evaluate the role of the Indus Waters Treaty in "
                                       "Pakistan's water security.")
    assert (answer.data["exam"], answer.data["year"]) == ("CSS", 2021)
    assert answer.data["paper"] == "Pakistan Affairs"
    assert _headings(answer) == ["Storage", "Equity"]
    assert "30 minutes" not in answer.yaml_text


def test_a_teachers_closing_chat_lines_and_a_group_notice_after_the_answer(tmp_path):
    page = f"""[02/09/2024, 7:00 pm] Miss Sadia: *CSS 2018 Gender Studies Q.3*
[02/09/2024, 7:00 pm] Miss Sadia: *Explain the gender wage gap in Pakistan.*
[02/09/2024, 7:02 pm] Miss Sadia: *Introduction*
{BODY}
*1. Occupational segregation*
{BODY}
*2. Unpaid care work*
{BODY}
[02/09/2024, 7:05 pm] Miss Sadia: *Conclusion*
Closing the gap needs childcare, safe transport and equal pay laws that are enforced.
[02/09/2024, 7:06 pm] Miss Sadia: Done, now you may ask.
[02/09/2024, 7:07 pm] Bilal: Sir is the weekend class on?
[02/09/2024, 7:08 pm] Miss Sadia: Yes, same time, bring your attempts
[02/09/2024, 7:09 pm] Miss Sadia changed the group settings to allow only admins to send messages
"""
    answer, = import_file(_write(tmp_path, "chat.txt", page))
    assert _headings(answer) == ["Occupational segregation", "Unpaid care work"]
    assert answer.data["conclusion"].startswith("Closing the gap")
    assert not answer.incomplete
    for chat_text in ("Done, now", "bring your attempts", "group settings"):
        assert chat_text not in answer.yaml_text


def test_an_explainer_under_a_headline_quoting_the_question_candidates_were_asked(tmp_path):
    page = f"""<!DOCTYPE html><html><head><meta charset="utf-8">
<title>Why Karachi floods every monsoon | The Daily Ledger</title></head><body>
<article><h1>Why Karachi floods every monsoon</h1>
<p>Drains, encroachments and a city without one owner. What would fix it?</p>
<p>Candidates who sat the Town Planning and Urban Management paper in the CSS examination of
2022 were asked: “Why does urban flooding recur in Karachi? Suggest a plan to prevent it.”
We put the question to two planners, and their views are joined below.</p>
<p>{BODY}</p>
<p><strong>Choked storm drains</strong></p><p>{BODY}</p>
<p><strong>No single city authority</strong></p><p>{BODY}</p>
<p>In short, the city floods because no one owns its drains.</p>
</article></body></html>"""
    answer, = import_file(_write(tmp_path, "news.html", page))
    assert answer.data["question"] == ("Why does urban flooding recur in Karachi? Suggest a "
                                       "plan to prevent it.")
    assert (answer.data["exam"], answer.data["year"]) == ("CSS", 2022)
    assert answer.data["paper"] == "Town Planning and Urban Management"
    assert _headings(answer) == ["Choked storm drains", "No single city authority"]
    assert answer.data["introduction"].startswith("This paragraph carries")
    assert "two planners" not in answer.yaml_text


def test_a_pdf_copy_with_a_rule_over_each_page_foot_and_a_year_range_in_its_head(tmp_path):
    rule = "_" * 60
    page = f"""GEOGRAPHY — SOLVED PAST PAPERS (CSS 2012–2022)
Prepared by: Atlas Study Circle          For our students only

Geography  CSS 2019

Q. No. 4   Explain the causes of desertification in Thar and suggest remedies.   [20]

Ans.
{BODY}

I. Overgrazing
{BODY}

II. Falling water tables
{BODY}
{rule}
Atlas Study Circle                                       Page 7 of 40

GEOGRAPHY — SOLVED PAST PAPERS (CSS 2012–2022)

III. Shifting dunes
{BODY}

Conclusion
In short, Thar can be held back only by water and grazing rules kept together.
{rule}
Atlas Study Circle                                       Page 8 of 40
"""
    answer, = import_file(_write(tmp_path, "pdf.txt", page))
    assert (answer.data["year"], answer.data["number"], answer.data["marks"]) == (2019, 4, 20)
    assert _headings(answer) == ["Overgrazing", "Falling water tables", "Shifting dunes"]
    assert answer.data["conclusion"].startswith("In short, Thar")


def test_a_group_post_with_marks_in_its_header_dashed_heads_and_a_comments_sort_menu(tmp_path):
    page = f"""Economics Aspirants Circle
Private group · 48K members

Usman Ghani  ·  Admin
3d · 🌐

Economics | CSS 2021 | Marks 20
Sharing my attempt for Q2, corrections welcome.

Q2. Why does Pakistan face recurring balance of payments crises?

{BODY}

1- Narrow exports – a base of textiles alone
{BODY}

2- Costly energy imports
{BODY}

In short, only a wider export base breaks the cycle.

👍❤️ 2.1K     310 comments   45 shares
Like    Comment    Share

Most relevant ▾
Hina Tariq
Great effort, add remittance figures
Like · Reply · 2d
"""
    answer, = import_file(_write(tmp_path, "post.txt", page))
    assert (answer.data["number"], answer.data["year"], answer.data["marks"]) == (2, 2021, 20)
    assert _headings(answer) == ["Narrow exports – a base of textiles alone",
                                 "Costly energy imports"]
    assert answer.data["conclusion"] == "In short, only a wider export base breaks the cycle."
    assert not answer.incomplete
    assert "2.1K" not in answer.yaml_text and "Most relevant" not in answer.yaml_text


def test_a_question_box_whose_marks_and_list_breadcrumb_the_extractor_leaves_out(tmp_path):
    page = f"""<!DOCTYPE html><html><head><meta charset="utf-8">
<title>Press freedom in Pakistan | Solved Paper | PaperDesk</title></head><body>
<header><nav><a href="/">Home</a><a href="/pricing">Go Premium</a></nav></header>
<main class="wrap">
<ol class="crumbs" aria-label="Breadcrumb"><li><a href="/">Home</a></li>
<li><a href="/papers">Solved Papers</a></li><li><a href="/papers/css">CSS</a></li>
<li><a href="/papers/css/ir">International Relations</a></li><li aria-current="page">2019</li>
</ol>
<article class="paper-answer"><h1>Pakistan and the Gulf states</h1>
<div class="qbox"><p class="qno">Q.No.6</p>
<p class="qtext">Examine Pakistan's relations with the Gulf states since 2010.</p>
<p class="qmeta">Marks: 20</p></div>
<h3>Introduction</h3><p>{BODY}</p>
<h3>1) Remittances and labour</h3><p>{BODY}</p>
<h3>2) Oil on deferred payment</h3><p>{BODY}</p>
<h3>Conclusion</h3><p>{BODY}</p>
</article></main></body></html>"""
    answer, = import_file(_write(tmp_path, "box.html", page))
    assert answer.data["question"] == ("Examine Pakistan's relations with the Gulf states "
                                       "since 2010.")
    assert (answer.data["number"], answer.data["marks"]) == (6, 20)
    assert (answer.data["exam"], answer.data["year"]) == ("CSS", 2019)
    assert answer.data["paper"] == "International Relations"


def test_a_title_question_closing_in_a_span_of_years_and_a_promo_box_above_it(tmp_path):
    page = f"""<!DOCTYPE html><html><head><meta charset="utf-8">
<title>CSS 2019 | Pakistan Affairs | Assess the reforms of the Zia era (1977-88) - Desk</title>
</head><body><article>
<h1 class="entry-title">CSS 2019 | Pakistan Affairs | Assess the reforms of the Zia era
(1977-88)</h1>
<div class="promo"><p><strong>Short of time?</strong> Get our solved notes for every paper.
Order on WhatsApp</p></div>
<h3>Introduction</h3><p>{BODY}</p>
<h3>Islamic laws</h3><p>{BODY}</p>
<h3>Local bodies</h3><p>{BODY}</p>
<h3>Conclusion</h3><p>{BODY}</p>
</article></body></html>"""
    answer, = import_file(_write(tmp_path, "zia.html", page))
    assert answer.data["question"] == "Assess the reforms of the Zia era (1977-88)"
    assert (answer.data["year"], answer.data.get("marks")) == (2019, None)
    assert _headings(answer) == ["Islamic laws", "Local bodies"]
    assert answer.data["introduction"].startswith("This paragraph carries")
    assert "WhatsApp" not in answer.yaml_text


def test_a_telegram_desktop_copy_with_ordinal_lead_ins_and_the_teachers_asides(tmp_path):
    page = f"""Sir Adnan, [03.03.2024 19:58]
Salam students. Tonight a question from PMS 2020 (PPSC), Islamic Studies. Write it first.

Sir Adnan, [03.03.2024 19:59]
📌 Q.2 Explain the economic teachings of Islam for a welfare state. (20 marks)

Sana Riaz, [03.03.2024 20:00]
Sir was this asked in 2018 as well?

Sir Adnan, [03.03.2024 20:01]
Not in these words. Answer starting now 👇

Sir Adnan, [03.03.2024 20:03]
{BODY}

Sir Adnan, [03.03.2024 20:05]
Firstly, Zakat and Sadaqat:
{BODY}

Bilal Khan, [03.03.2024 20:06]
Sir riba ka point alag se likhna hai?

Sir Adnan, [03.03.2024 20:07]
Yes, keep it as its own point, it carries weight with examiners.

Sir Adnan, [03.03.2024 20:09]
Secondly, Prohibition of Riba:
{BODY}

Sir Adnan, [03.03.2024 20:11]
Conclusion:
In short, the Islamic economy joins worship to the welfare of all.

Hamid, [03.03.2024 20:14]
[Forwarded from Exam Alerts]
PPSC PMS 2024 written test schedule announced today.

Sir Adnan, [03.03.2024 20:16]
Next class on Friday. Monthly fee is due by the 5th.
"""
    answer, = import_file(_write(tmp_path, "tg.txt", page))
    assert (answer.data["exam"], answer.data["number"], answer.data["marks"]) == ("PMS", 2, 20)
    assert _headings(answer) == ["Zakat and Sadaqat", "Prohibition of Riba"]
    assert answer.data["introduction"].startswith("This paragraph carries")
    assert answer.data["conclusion"].startswith("In short, the Islamic economy")
    for chat_text in ("Answer starting", "carries weight", "schedule announced", "fee is due"):
        assert chat_text not in answer.yaml_text


def test_obsidian_notes_to_oneself_a_todo_callout_a_comment_and_a_dataview_query(tmp_path):
    page = f"""---
exam: CSS
paper: Political Science
year: 2017
q: 3
marks: 20
---

# Al-Farabi

> Discuss Al-Farabi's idea of the virtuous city.

> [!todo] Before the mock
> - reread the part on the ruler
> - keep it under 35 minutes

### Introduction

{BODY}

### The ruler as philosopher

{BODY}

### Conclusion

{BODY}

```dataview
LIST FROM #polsci SORT file.name ASC
```

%% ask Sir Imran whether a diagram helps here %%
"""
    answer, = import_file(_write(tmp_path, "farabi.md", page))
    assert answer.data["question"] == "Discuss Al-Farabi's idea of the virtuous city."
    assert _headings(answer) == ["The ruler as philosopher"]
    assert answer.data["introduction"].startswith("This paragraph carries")
    assert not answer.incomplete
    for note in ("reread the part", "35 minutes", "LIST FROM", "Sir Imran"):
        assert note not in answer.yaml_text


def test_a_teachers_remark_on_a_picture_sent_mid_answer_is_chat(tmp_path):
    head = "05/04/2023, 8:10 pm - Sir Jamil: "
    page = f"""05/04/2023, 8:00 pm - Sir Jamil: *CSS 2020 GSA Q.6 What is acid rain? Explain it.*
{head}*Introduction*
{BODY}
{head}*Formation*
{BODY}
{head}<Media omitted>
{head}👆 sketch this cycle in the exam, it is worth two marks
{head}*Effects on forests*
{BODY}
{head}*Conclusion*
In short, acid rain is a price paid far from where the smoke rises.
05/04/2023, 8:20 pm - Rida: JazakAllah sir
"""
    answer, = import_file(_write(tmp_path, "chat.txt", page))
    assert _headings(answer) == ["Formation", "Effects on forests"]
    assert "sketch this cycle" not in answer.yaml_text


def test_a_previous_post_link_after_the_answer_ends_it(tmp_path):
    page = f"""Q.2 Explain the causes of soil erosion in Pakistan. (CSS 2018)

Introduction:
{BODY}

Deforestation:
{BODY}

Conclusion:
In short, soil holds only where roots and rules hold it.

Previous: CSS 2018 Q1 – Water logging and salinity
Next: CSS 2018 Q3 – Land use planning

Share: Facebook · WhatsApp

Enter your email and get our free "Top 100 MCQs" PDF.

Comments
Hassan Ali · 2 May 2023
Good points. Did the examiner want a map of the Potohar plateau?
"""
    answer, = import_file(_write(tmp_path, "blog.txt", page))
    assert answer.data["conclusion"] == "In short, soil holds only where roots and rules hold it."
    for site_text in ("Water logging", "Land use planning", "Top 100 MCQs", "Potohar"):
        assert site_text not in answer.yaml_text


@pytest.mark.parametrize("tail", [
    "💬 **Comments**\n\n**Sara:** Add the census figures? Sir wanted one number.\n\n"
    "Linked databases: [Tracker](https://www.notion.so/Tracker-1a2b)",
    "**Backlinks**\n- [[CSS 2021 all questions]]\n- [[Revision log March]]",
])
def test_a_notes_apps_comments_and_links_after_the_answer_end_it(tmp_path, tail):
    page = f"""# Q4 Discuss the causes of brain drain from Pakistan. (CSS 2021)

## Introduction

{BODY}

## Low pay at home

{BODY}

## Conclusion

In short, people stay where their work is valued, and Pakistan must value it.

---

{tail}
"""
    answer, = import_file(_write(tmp_path, "note.md", page))
    assert answer.data["conclusion"].startswith("In short, people stay")
    assert not answer.incomplete
    for site_text in ("census", "Tracker", "Backlinks", "Revision log"):
        assert site_text not in answer.yaml_text


def test_a_menu_copied_one_entry_a_line_names_no_exam(tmp_path):
    page = f"""Logo
    Home
    PMS
    Past Papers
    Shop
    Login
Prep Point
Sociology
Solved Past Papers / Sociology / 2021

Q.2 Discuss the changing role of the joint family in Pakistan. (20)

Introduction: {BODY}

Urban migration: {BODY}

Conclusion: {BODY}
"""
    answer, = import_file(_write(tmp_path, "menu.txt", page))
    assert answer.data["exam"] == "CSS"
    assert (answer.data["paper"], answer.data["year"]) == ("Sociology", 2021)


def test_a_paid_pdf_offer_after_the_answer_does_not_cut_it(tmp_path):
    page = f"""Q.5 Explain the concept of Ushr in Islam. (CSS 2019) (20)

Introduction
{BODY}

1) Ushr on rain-fed land
{BODY}

Conclusion
In short, Ushr ties the harvest to the welfare of the village.

Download PDF of Islamiat 2019 (Premium members only - Rs. 199)
"""
    answer, = import_file(_write(tmp_path, "ushr.txt", page))
    assert answer.data["conclusion"].startswith("In short, Ushr")
    assert not answer.incomplete


def test_a_title_naming_the_sitting_after_a_question_that_names_another_year(tmp_path):
    page = f"""<!DOCTYPE html><html><head><meta charset="utf-8">
<title>Assess the 2021 withdrawal from Afghanistan and its effect on Pakistan | CSS 2022
Current Affairs - The Desk</title></head><body><article>
<h1>Assess the 2021 withdrawal from Afghanistan and its effect on Pakistan</h1>
<h3>Introduction</h3><p>{BODY}</p>
<h3>Refugees</h3><p>{BODY}</p>
<h3>Border security</h3><p>{BODY}</p>
<h3>Conclusion</h3><p>{BODY}</p>
</article></body></html>"""
    answer, = import_file(_write(tmp_path, "afg.html", page))
    assert answer.data["year"] == 2022
    assert answer.data["paper"] == "Current Affairs"


def test_a_question_title_naming_a_year_in_its_words_and_the_sitting_in_a_post_tag(tmp_path):
    page = f"""<!DOCTYPE html><html><head><meta charset="utf-8">
<title>Discuss the lessons of the 2005 earthquake for disaster management. - The Desk</title>
</head><body><article class="post category-current-affairs tag-css-2021">
<h1 class="entry-title">Discuss the lessons of the 2005 earthquake for disaster management.</h1>
<div class="entry-content">
<h3>Introduction</h3><p>{BODY}</p>
<h3>Early warning</h3><p>{BODY}</p>
<h3>Building codes</h3><p>{BODY}</p>
<h3>Conclusion</h3><p>{BODY}</p>
</div>
<footer><span class="tags-links">Tags: <a href="/tag/css-2021/" rel="tag">CSS 2021</a>,
<a href="/tag/disasters/" rel="tag">Disasters</a></span></footer>
</article></body></html>"""
    answer, = import_file(_write(tmp_path, "quake.html", page))
    assert answer.data["question"] == ("Discuss the lessons of the 2005 earthquake for disaster "
                                       "management.")
    assert (answer.data["exam"], answer.data["year"]) == ("CSS", 2021)


# Shapes met in held-out-14.

def test_two_digit_years_in_list_tags_are_read_as_full_years(tmp_path):
    page = """MORALITY AND SOCIETY
1. Explain the place of honesty in trade as Islam teaches it. (CSS-14)
2. Discuss the duties of neighbours towards one another in Islam. [PMS Sindh'18]
3. Describe the Islamic view of kindness to animals. (PMS-97)
"""
    asked = import_file(_write(tmp_path, "morals.txt", page))
    assert [(a.data["exam"], a.data["year"]) for a in asked] == [
        ("CSS", 2014), ("PMS", 2018), ("PMS", 1997)]
    assert asked[1].data["question"] == (
        "Discuss the duties of neighbours towards one another in Islam.")


def test_a_list_tag_wrapped_alone_onto_the_next_line_closes_its_question(tmp_path):
    lines = [f"{n}. Discuss question number {n} of this hand-made list for its own sake "
             f"in a long line. (CSS 201{n})" for n in range(1, 6)]
    lines[2] = "3. Explain the idea of trusteeship in public office.\n   (PMS Punjab 2016)"
    asked = import_file(_write(tmp_path, "wrapped.txt", "\n".join(lines) + "\n"))
    assert len(asked) == 5
    third = asked[2].data
    assert (third["question"], third["exam"], third["year"]) == (
        "Explain the idea of trusteeship in public office.", "PMS", 2016)


def test_a_topic_head_closing_in_an_honorific_heads_its_questions(tmp_path):
    page = """A. WORSHIP
1. Explain the spirit of charity in Islam with examples. (CSS 2015)
2. Discuss the social purpose of the Friday prayer in Islam. (CSS 2017)

B. LIFE OF THE PROPHET (PBUH)
3. Describe the Prophet's (PBUH) dealings with traders of Makkah. (CSS 2019)
4. Explain the lessons of the migration to Madinah for our society. (CSS 2021)
"""
    asked = import_file(_write(tmp_path, "topics.txt", page))
    assert [a.data["topics"] for a in asked] == [
        ["Worship"], ["Worship"], ["Life of the Prophet (PBUH)"], ["Life of the Prophet (PBUH)"]]


def test_accordion_titles_naming_sittings_give_their_questions_exam_and_year(tmp_path):
    def panel(title: str, questions: list[str]) -> str:
        lines = "".join(f"<p>{q}</p>" for q in questions)
        return (f'<div class="elementor-accordion-item"><div class="elementor-tab-title" '
                f'role="button"><a class="elementor-accordion-title" tabindex="0">{title}</a>'
                f'</div><div class="elementor-tab-content" role="region">{lines}</div></div>')
    page = f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>Sociology by year</title>
</head><body><article><h1>Sociology Questions by Year</h1>
<p>Open a sitting to see what the examiners asked in that paper, question by question.</p>
<div class="elementor-accordion" role="tablist">
{panel("CSS 2018", ["Q1. What is social stratification? Discuss its main forms.",
                    "Q4. Explain the role of the family in socialisation of children."])}
{panel("PMS Sindh 2020", ["Q2. Discuss the causes of urban crime in large cities.",
                          "Q6. What is deviance? Explain it with examples from Pakistan."])}
</div></article></body></html>"""
    asked = import_file(_write(tmp_path, "years.html", page))
    assert [(a.data["exam"], a.data["year"]) for a in asked] == [
        ("CSS", 2018), ("CSS", 2018), ("PMS", 2020), ("PMS", 2020)]


def _viewer_copy(numbered: str) -> str:
    def prose(subject: str) -> str:
        return (f"The {subject} met in the spring and agreed a plan that would change how "
                f"water\nwas shared by the {subject} among the villages along the canal for a "
                f"whole\ngeneration, and the {subject} is still praised in the schools of the "
                "district as a\nmodel of patient work.\n")
    return f"""Docs Viewer
Read free for 14 days
Sign in
42 views
3 pages
Share this document
Send this file to a friend, opens your mail app
Post this file to your timeline, opens a new tab
Mark this file as helpful to other readers here
Mark this file as unhelpful to other readers here
Original file name: canal-plan-answer-final-v2.pdf
Download now
You are on page 1of 3

Question No. 2                                                       Marks: 20
Discuss the canal water plan of the town council and its lasting effects on the
villages of the district.

Introduction
{prose("town council")}
Background of the plan
{prose("water board")}
1 / 3

{numbered}
{prose("village elders")}
2 / 3

You're Reading a Free Preview
Page 3 is not shown in this preview.
Read free for 14 days
Related documents
""" + "\n".join(f"Notes on the {topic} for the paper, by a reader" for topic in (
        "canal colonies", "barrage works", "flood levees", "tube wells", "water courts",
        "karez channels", "rain harvesting", "river treaties", "dam silting", "lake revival",
        "well digging", "crop rotation", "field terraces"))


def test_a_document_viewers_preview_wall_cuts_the_answer_and_marks_it_incomplete(tmp_path):
    answer, = import_file(_write(tmp_path, "viewer.txt", _viewer_copy("Effects on the villages")))
    assert answer.incomplete
    text = answer.yaml_text
    assert "Free Preview" not in text and "Related documents" not in text


def test_marks_named_after_a_question_number_on_its_line_are_the_marks(tmp_path):
    answer, = import_file(_write(tmp_path, "viewer.txt", _viewer_copy("Effects on the villages")))
    assert (answer.data["number"], answer.data["marks"]) == (2, 20)
    assert answer.data["question"] == ("Discuss the canal water plan of the town council and its "
                                       "lasting effects on the villages of the district.")


def test_a_paged_viewer_copy_is_read_as_hard_wrapped(tmp_path):
    answer, = import_file(_write(tmp_path, "viewer.txt", _viewer_copy("Effects on the villages")))
    assert answer.data["introduction"].startswith("The town council met in the spring and "
                                                  "agreed a plan that would change how water "
                                                  "was shared")
    assert _headings(answer) == ["Background of the plan", "Effects on the villages"]


def test_a_site_builders_bold_style_marks_run_in_points(tmp_path):
    def para(head: str) -> str:
        return (f'<p><span><span style="font-weight:700">{head}</span> – {BODY}</span></p>')
    page = f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>Notes</title></head>
<body><main><h1>Q.4 Explain the benefits of a merit-based civil service. (CSS 2019) (20)</h1>
<h3>Introduction</h3><p>{BODY}</p>
<h3>Benefits</h3>{para("Better decisions")}{para("Public trust")}{para("Lower costs")}
<h3>Conclusion</h3><p>In short, merit pays for itself many times over in every office.</p>
</main></body></html>"""
    answer, = import_file(_write(tmp_path, "sites.html", page))
    assert _headings(answer) == ["Better decisions", "Public trust", "Lower costs"]


def test_an_outline_of_the_answer_label_heads_the_outline(tmp_path):
    page = f"""Q.3 Explain the main aims of land reform in Pakistan. (CSS 2018) (20)

Outline of the answer
I. Introduction
II. Aims of reform
III. Obstacles
IV. Conclusion

Introduction
{BODY}

Aims of reform
{BODY}

Obstacles
{BODY}

Conclusion
In short, the reforms were never carried through on the ground.
"""
    answer, = import_file(_write(tmp_path, "land.txt", page))
    assert answer.data["outline"] == ["Introduction", "Aims of reform", "Obstacles",
                                      "Conclusion"]


def test_a_provincial_commission_or_the_services_full_name_names_the_exam():
    from studypack.content.importing.page_context import read_context

    assert read_context(["SPSC · Combined Competitive Examination · 2019"]).exam == "PMS"
    assert read_context(["Provincial Management Service · Paper of 2020"]).exam == "PMS"
    assert read_context(["Central Superior Services Examination 2018"]).exam == "CSS"


def test_a_site_form_invitation_after_the_answer_ends_it(tmp_path):
    page = f"""Q.2 Explain the causes of inflation in Pakistan. (CSS 2020) (20)

Introduction
{BODY}

Conclusion
In short, prices follow the deficit.

Got a doubt about this topic? Fill in the form below and our team will write back.
Name
Email
"""
    answer, = import_file(_write(tmp_path, "form.txt", page))
    assert "Fill in the form" not in answer.yaml_text


def test_a_header_naming_paper_part_and_question_number_heads_the_question(tmp_path):
    page = f"""Sociology Paper I · Part-II · Question 05

Discuss the role of schools in social change. (20 marks)

Introduction
{BODY}

Conclusion
In short, schools carry change from one generation to the next.
"""
    answer, = import_file(_write(tmp_path, "part.txt", page))
    data = answer.data
    assert (data["question"], data["number"], data["marks"], data["part"], data["paper"]) == (
        "Discuss the role of schools in social change.", 5, 20, "II", "Sociology")


def test_a_banner_asking_a_question_then_offering_a_course_is_dropped(tmp_path):
    page = f"""Q.2 Explain the causes of inflation in Pakistan. (CSS 2020) (20)

Introduction
{BODY}

Need help with your essay outlines? Enrol in the Weekend Writing Lab

Conclusion
In short, prices follow the deficit.
"""
    answer, = import_file(_write(tmp_path, "banner.txt", page))
    assert "Weekend Writing Lab" not in answer.yaml_text


@pytest.mark.parametrize("sentence", ["This question carried 15 marks in the paper.",
                                      "It was a 15-marker in that sitting."])
def test_marks_told_in_a_sentence_before_the_question_are_read(tmp_path, sentence):
    page = f"""Some years ago I sat the CSS 2019 Sociology paper. {sentence}

Question: Discuss the causes of rising divorce rates in our cities.

Introduction
{BODY}

Conclusion
In short, the family is changing faster than the law.
"""
    answer, = import_file(_write(tmp_path, "told.txt", page))
    assert answer.data["marks"] == 15


def test_a_profile_line_naming_two_papers_names_none(tmp_path):
    page = f"""CSS 2020 | Gender Studies Paper | Q2 — A look at the wage gap in our cities
Section Officer | CSS 2019 | Mentor for IR & Pak Affairs

Question: Discuss the causes of the gender wage gap in Pakistan.

Introduction
{BODY}

Conclusion
In short, the gap is a choice that policy can unmake.
"""
    answer, = import_file(_write(tmp_path, "profile.txt", page))
    assert answer.data["paper"] == "Gender Studies"


def test_quotes_around_a_whole_question_are_not_its_own(tmp_path):
    page = f"""Question: "Why did the provinces fail to agree on water sharing? Discuss." (CSS 2016)

Introduction
{BODY}

Conclusion
In short, trust came before any formula.
"""
    answer, = import_file(_write(tmp_path, "quoted.txt", page))
    assert answer.data["question"] == ("Why did the provinces fail to agree on water sharing? "
                                       "Discuss.")


def test_a_pictures_caption_is_not_part_of_the_outline(tmp_path):
    page = f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>Answer</title></head>
<body><article><h2>Q.3 Explain the role of the press in a democracy. (CSS 2017) (20)</h2>
<h3>Outline</h3><ol><li>Introduction</li><li>Watchdog role</li><li>Limits</li>
<li>Conclusion</li></ol>
<div class="image-block"><img src="press.jpg" alt="press">
<figcaption class="image-caption"><p>Picture: archive</p></figcaption></div>
<h3>Introduction</h3><p>{BODY}</p>
<h3>Watchdog role</h3><p>{BODY}</p>
<h3>Limits</h3><p>{BODY}</p>
<h3>Conclusion</h3><p>In short, a free press keeps power honest.</p>
</article></body></html>"""
    answer, = import_file(_write(tmp_path, "caption.html", page))
    assert answer.data["outline"] == ["Introduction", "Watchdog role", "Limits", "Conclusion"]
    assert "archive" not in answer.yaml_text


def test_urdu_total_marks_on_a_line_under_the_question_are_the_marks(tmp_path):
    total = "\u06a9\u0644 \u0646\u0645\u0628\u0631: 15"
    page = f"""Q.3 Explain the place of consultation in an Islamic state. (PMS 2021)
{total}

Introduction
{BODY}

Conclusion
In short, consultation binds ruler and ruled.
"""
    answer, = import_file(_write(tmp_path, "kul.txt", page))
    assert answer.data["marks"] == 15
    assert answer.data["introduction"].startswith("This paragraph carries")


def test_bold_run_in_headings_closed_by_a_full_stop_are_points(tmp_path):
    page = f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>Answer</title></head>
<body><article><h2>Q.6 How can police investigation be improved? (CSS 2022) (20)</h2>
<h3>Introduction</h3><p>{BODY}</p>
<p><strong>Better training.</strong> {BODY}</p>
<p><strong>Modern laboratories.</strong> {BODY}</p>
<p><strong>Independent oversight.</strong> {BODY}</p>
<h3>Conclusion</h3><p>In short, proof must replace pressure in every station.</p>
</article></body></html>"""
    answer, = import_file(_write(tmp_path, "runin.html", page))
    assert _headings(answer) == ["Better training", "Modern laboratories",
                                 "Independent oversight"]


def test_a_bracketed_comment_by_the_checker_is_dropped(tmp_path):
    page = f"""Q.4 Explain the causes of the energy crisis in Pakistan. (CSS 2021) (20)

Introduction
{BODY}
[Comment - Madam Sana: Put a figure on circular debt here.]

Conclusion
In short, the crisis is one of governance more than of supply.
"""
    answer, = import_file(_write(tmp_path, "checked.txt", page))
    assert "circular debt here" not in answer.yaml_text
    assert answer.data["introduction"] == BODY


def test_a_course_platforms_landing_page_is_a_sales_page(tmp_path):
    page = f"""<!DOCTYPE html><html><head><meta charset="utf-8">
<title>Sociology Complete Course | Online Academy</title></head>
<body class="landing-page course-landing-page"><main>
<h2>What a model answer in this course looks like</h2>
<p>Each lesson follows the same frame:</p>
<ol><li>Outline</li><li>Introduction</li><li>Arguments</li><li>Conclusion</li></ol>
<p><em>"Discuss the causes of rising divorce rates in our cities." (CSS 2020, Q.4)</em></p>
<p>{BODY} {BODY}</p>
<h2>Course curriculum</h2><p>{BODY}</p>
</main></body></html>"""
    with pytest.raises(NoAnswerOnPage, match="sales page"):
        import_file(_write(tmp_path, "course.html", page))


def _social_post(closing: str = "") -> str:
    return f"""studyhall.pk
Follow
📌 SOLVED | PMS 2021 | Sociology | Q3 | 15M 📌

❓ Why are joint families breaking up in our cities? Discuss.

✍️ INTRO
{BODY}

🏙️ URBAN HOUSING
{BODY}

💼 NEW KINDS OF WORK
{BODY}

🎯 CONCLUSION
In short, the family is changing its shape, not losing its place.
{closing}"""


def test_marks_shortened_to_a_number_and_m_in_a_post_header_are_the_marks(tmp_path):
    answer, = import_file(_write(tmp_path, "post.txt", _social_post()))
    assert (answer.data["number"], answer.data["marks"], answer.data["year"]) == (3, 15, 2021)


def test_the_emoji_marking_a_question_under_a_post_header_is_not_its_text(tmp_path):
    answer, = import_file(_write(tmp_path, "post.txt", _social_post()))
    assert answer.data["question"] == "Why are joint families breaking up in our cities? Discuss."


def test_a_social_posts_calls_age_and_comments_after_the_answer_are_dropped(tmp_path):
    closing = """
💬 Save this for later & tag your study buddy!
Follow @studyhall for more answers every week 🔔
52w
View all 12 comments
reader.one
Please post Q5 as well 🙏
"""
    answer, = import_file(_write(tmp_path, "post.txt", _social_post(closing)))
    text = answer.yaml_text
    assert not any(x in text for x in ("Save this", "Follow @", "52w", "View all", "Q5"))
    assert not answer.incomplete


def _qa_site_answer(outline: str, closing: str = "") -> str:
    return f"""Home
Answer
How should one attempt the CSS 2018 Sociology question on social change?
Profile photo for A. Teacher
I mark scripts for a study circle; this one was a 15-marker in that paper.
Explain the main theories of social change with examples from Pakistan.
Outline:
{outline}
Introduction
{BODY} {BODY}
Evolutionary theory
{BODY} {BODY}
Conflict theory
{BODY} {BODY}
Conclusion
In short, no single theory explains how our society has changed.
{closing}"""


_FLAT_OUTLINE = "- Introduction\n- Evolutionary theory\n- Conflict theory\n- Conclusion"


def test_a_task_standing_alone_over_the_outline_label_is_the_question(tmp_path):
    answer, = import_file(_write(tmp_path, "qa.txt", _qa_site_answer(_FLAT_OUTLINE)))
    data = answer.data
    assert (data["question"], data["year"], data["paper"], data["marks"]) == (
        "Explain the main theories of social change with examples from Pakistan.", 2018,
        "Sociology", 15)
    assert _headings(answer) == ["Evolutionary theory", "Conflict theory"]


def test_bullets_set_further_in_under_the_same_glyph_fold_into_their_parent(tmp_path):
    outline = ("- Introduction\n- Theories\n    - evolutionary, conflict\n- Cases from Pakistan"
               "\n    - land reform\n    - urban migration\n- Conclusion")
    answer, = import_file(_write(tmp_path, "qa.txt", _qa_site_answer(outline)))
    assert len(answer.data["outline"]) == 4


def test_hope_that_helps_after_the_answer_ends_it(tmp_path):
    closing = """Hope that helps, and all the best for the exam.
2.1K views
Upvote · 40
Sponsored by Pen Pal App
Take notes faster than ever before.
"""
    answer, = import_file(_write(tmp_path, "qa.txt", _qa_site_answer(_FLAT_OUTLINE, closing)))
    assert "Pen Pal" not in answer.yaml_text and "views" not in answer.yaml_text


# Shapes met in held-out-15.

def _plain_answer(above: str = "", below: str = "", tag: str = "(CSS 2019)") -> str:
    return f"""{above}
Q.4 Explain why the export base of Pakistan has stayed narrow. {tag} (20)

Introduction
{BODY}

Reliance on textiles
{BODY}

An expensive energy supply
{BODY}

Conclusion
In short, exports will grow only when costs fall and new goods are made.
{below}"""


def test_a_provinces_pcs_tag_names_the_pms_exam(tmp_path):
    answer, = import_file(_write(tmp_path, "pcs.txt", _plain_answer(tag="(PCS 2018)")))
    assert (answer.data["exam"], answer.data["year"]) == ("PMS", 2018)


def test_a_year_head_opening_with_its_commission_names_exam_and_year(tmp_path):
    page = """Economics questions of recent papers, year by year

KPPSC PMS 2020
1. Why has the tax-to-GDP ratio of Pakistan stayed low for decades?
2. Discuss the causes of the recurring balance of payments crises.

CSS 2021
3. Evaluate the role of remittances in the economy of Pakistan.
4. How far has privatisation helped the state-owned enterprises?
"""
    found = import_file(_write(tmp_path, "years.txt", page))
    assert [(q.data["exam"], q.data["year"]) for q in found] == [
        ("PMS", 2020), ("PMS", 2020), ("CSS", 2021), ("CSS", 2021)]


def test_a_threads_post_number_is_not_part_of_the_topic_head(tmp_path):
    page = """🧵 CSS Economics past questions sorted by topic. 1/3
2/ 📌 PUBLIC DEBT
• Why has the public debt of Pakistan grown so fast in the last decade? (2019)
• How can the country reduce its reliance on external borrowing? (2021)
3/ 📌 TAXATION
• Discuss the reasons for the low tax-to-GDP ratio of Pakistan. (2018)
• Evaluate the share of indirect taxes in the revenue of the state. (2020)
"""
    found = import_file(_write(tmp_path, "thread.txt", page))
    assert [q.data["topics"][0] for q in found] == [
        "Public Debt", "Public Debt", "Taxation", "Taxation"]


def test_a_sites_search_results_page_is_a_navigation_page(tmp_path):
    card = (f"<h2>CSS 2022 Essay: Is our democracy getting stronger?</h2>"
            f"<p>Outline 1. Introduction. {BODY} {BODY} {BODY}</p>")
    page = f"""<!DOCTYPE html><html><head><meta charset="utf-8">
<title>You searched for democracy | Essay Desk</title></head>
<body><main>{card * 2}</main></body></html>"""
    with pytest.raises(NoAnswerOnPage, match="navigation"):
        import_file(_write(tmp_path, "search.html", page))


def test_a_shops_page_with_its_cart_button_and_a_sample_question_is_a_sales_page(tmp_path):
    page = """Books
Solved Economics Papers, 2010 to 2024
Rs. 950
Add to Cart
Buy Now
What is inside: every paper since 2010, solved question by question.
Sample question from the book:
Q. Why has inflation stayed high in Pakistan since 2022? (CSS 2023)
The full answer is on page 88 of the book.
Q: Is the 2024 paper included as well?
A: Yes, the whole paper is solved.
"""
    with pytest.raises(NoAnswerOnPage, match="sales page"):
        import_file(_write(tmp_path, "shop.txt", page))


def test_a_title_less_page_headed_as_a_syllabus_is_a_table_of_topics(tmp_path):
    page = f"""Menu
CSS Psychology Syllabus for the Optional Paper (100 Marks)
{BODY} {BODY} {BODY}

{BODY} {BODY} {BODY}

I. Foundations
• Schools of thought and their founders
• Methods of study in the field

II. Learning and Memory
• Conditioning and its kinds
• How memories are kept and lost
"""
    with pytest.raises(NoAnswerOnPage, match="table of topics"):
        import_file(_write(tmp_path, "syllabus.txt", page))


def test_a_note_title_naming_paper_exam_and_year_beats_a_label_naming_another_paper(tmp_path):
    above = """Labels
CSS – Pak Affairs
Notes to self
Sociology CSS 2019 – Q4 second timed attempt"""
    answer, = import_file(_write(tmp_path, "keep.txt", _plain_answer(above, tag="")))
    assert (answer.data["paper"], answer.data["year"]) == ("Sociology", 2019)


def test_a_notes_apps_edit_stamp_ends_the_answer(tmp_path):
    below = """Edited Jan 3
Archive
Groceries for the week
eggs and milk"""
    answer, = import_file(_write(tmp_path, "keep.txt", _plain_answer(below=below)))
    assert "Groceries" not in answer.yaml_text and "Edited" not in answer.yaml_text
    assert answer.data["conclusion"].startswith("In short, exports")


def test_an_urdu_call_to_join_a_group_between_points_is_dropped(tmp_path):
    # "📲 join the group"
    join = ("\U0001f4f2 \u06af\u0631\u0648\u067e "
            "\u062c\u0648\u0627\u0626\u0646 \u06a9\u0631\u06cc\u06ba")
    energy = "An expensive energy supply"
    page = _plain_answer().replace(energy, f"{join}\n\n{energy}")
    answer, = import_file(_write(tmp_path, "urdu.txt", page))
    assert "\u062c\u0648\u0627\u0626\u0646" not in answer.yaml_text
    assert _headings(answer) == ["Reliance on textiles", "An expensive energy supply"]


@pytest.mark.parametrize("line", [
    "Star Academy, Multan — CSS Batch 9 starting soon",
    "Subscribe to Exam Digest — yearly subscription Rs. 1,800",
    "(Readers may send their own attempts of this question for checking.)",
])
def test_a_magazines_advert_subscription_and_call_to_readers_are_dropped(tmp_path, line):
    answer, = import_file(_write(tmp_path, "mag.txt", _plain_answer(below=f"\n{line}\n")))
    assert line[5:25] not in answer.yaml_text
    assert not answer.incomplete


def test_an_italic_note_above_an_introduction_label_is_not_the_introduction(tmp_path):
    page = f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>Essays</title></head>
<body><article>
<p><strong>Q.2 Discuss the causes of land degradation in Pakistan. (CSS 2020) (20)</strong></p>
<p><em>Editor's note: this attempt was typed in the exam hall's time limit.</em></p>
<p><strong>Introduction:</strong> Land degrades when it loses its soil. {BODY}</p>
<h3>Overgrazing</h3><p>{BODY}</p>
<h3>Cutting of trees</h3><p>{BODY}</p>
<h3>Conclusion</h3><p>In short, the land can recover if it is rested.</p>
</article></body></html>"""
    answer, = import_file(_write(tmp_path, "note.html", page))
    assert answer.data["introduction"].startswith("Land degrades when it loses its soil.")
    # An italic quotation in the same place is the answer's epigraph: nothing is lost.
    quoted = page.replace("Editor's note: this attempt was typed in the exam hall's time "
                          "limit.", "\u201cThe nation that destroys its soil destroys "
                          "itself.\u201d \u2014 a president of another country")
    answer, = import_file(_write(tmp_path, "epigraph.html", quoted))
    assert "The nation that destroys its soil destroys itself." in answer.yaml_text


def test_small_letters_dashed_under_an_outline_line_fold_into_it(tmp_path):
    above = ""
    page = _plain_answer(above).replace("\nIntroduction\n", """
Outline:
1- Introduction
2- Reliance on textiles
    a- cotton yarn
    b- ready-made garments
3- An expensive energy supply
4- Conclusion

Introduction
""")
    answer, = import_file(_write(tmp_path, "outline.txt", page))
    assert len(answer.data["outline"]) == 4


def test_a_bare_heading_put_as_a_question_in_title_case_is_a_point(tmp_path):
    page = _plain_answer().replace("\nConclusion\n", f"""
Which Remedy Should Come First?
{BODY}

But is this enough?
{BODY}

Conclusion
""")
    answer, = import_file(_write(tmp_path, "asks.txt", page))
    assert _headings(answer) == ["Reliance on textiles", "An expensive energy supply",
                                 "Which Remedy Should Come First?"]


def test_a_class_streams_attachment_and_class_comments_are_dropped(tmp_path):
    below = """
economics_week4_notes.pdf
PDF
2 class comments
Sana Feb 3
Sir will this come in Sunday's test?
Add class comment…"""
    answer, = import_file(_write(tmp_path, "classroom.txt", _plain_answer(below=below)))
    text = answer.yaml_text
    assert not any(x in text for x in ("week4", "PDF", "class comment", "Sunday"))


def test_a_published_google_docs_sub_list_folds_into_the_item_above_it(tmp_path):
    def docs_list(level: int, items: list[str], start: int = 1) -> str:
        lines = "".join(f"<li><span>{item}</span></li>" for item in items)
        return f'<ol class="c3 lst-kix_abc-{level}" start="{start}">{lines}</ol>'

    outline = (docs_list(0, ["Introduction", "Reliance on textiles"])
               + docs_list(1, ["cotton yarn", "ready-made garments"])
               + docs_list(0, ["An expensive energy supply", "Conclusion"], start=3))
    page = f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>Doc</title></head>
<body><div id="contents">
<p>Q.4 Explain why the export base of Pakistan has stayed narrow. (CSS 2019) (20)</p>
<p>Outline</p>{outline}
<h2>Introduction</h2><p>{BODY}</p>
<h3>Reliance on textiles</h3><p>{BODY}</p>
<h3>An expensive energy supply</h3><p>{BODY}</p>
<h2>Conclusion</h2><p>In short, exports will grow only when costs fall.</p>
</div></body></html>"""
    answer, = import_file(_write(tmp_path, "doc.html", page))
    assert len(answer.data["outline"]) == 4
    assert _headings(answer) == ["Reliance on textiles", "An expensive energy supply"]


# held-out-16


def _asked(answers) -> list[tuple[str, str, int, str]]:  # type: ignore[no-untyped-def]
    return [(a.data["question"], a.data["exam"], a.data["year"], (a.data["topics"] or [""])[0])
            for a in answers]


def test_small_marks_before_a_dashed_tag_and_short_years_after_a_dash_are_read(tmp_path):
    page = """Everyday Science — Short Questions by Topic

🔋 Energy Sources
▪️ Name two renewable sources of energy. Why are they preferred? (3) — CSS 2015
▪️ How does a solar cell turn light into electricity? (4) — PMS Sindh-2019

🌦 Weather
▪️ What causes the seasons to change over a year? (2) — CSS'21
▪️ Explain how a cyclone forms over warm seas. (5) — PMS Punjab-18
"""
    found = import_file(_write(tmp_path, "gsa.txt", page))
    assert _asked(found) == [
        ("Name two renewable sources of energy. Why are they preferred?", "CSS", 2015,
         "Energy Sources"),
        ("How does a solar cell turn light into electricity?", "PMS", 2019, "Energy Sources"),
        ("What causes the seasons to change over a year?", "CSS", 2021, "Weather"),
        ("Explain how a cyclone forms over warm seas.", "PMS", 2018, "Weather"),
    ]


def test_a_tag_naming_the_commission_or_a_province_first_gives_the_exam(tmp_path):
    page = """# Governance — Questions by Topic

## Accountability

1.  Assess the working of the anti-corruption bodies in the provinces.
    *(KPPSC-2017)*

2.  Why do audit reports seldom lead to action? Explain. ---
    BPSC 2016

3.  Examine the role of the ombudsman in redressing complaints. *\\[Sindh PCS 2021\\]*

4.  Discuss the need for an independent judiciary in a federation.
    *(BPSC CCE-2020)*

5.  Explain how the media can keep a government answerable. *(CSS-2019)*
"""
    found = import_file(_write(tmp_path, "topics.md", page))
    assert [(q, e, y) for q, e, y, _ in _asked(found)] == [
        ("Assess the working of the anti-corruption bodies in the provinces.", "PMS", 2017),
        ("Why do audit reports seldom lead to action? Explain.", "PMS", 2016),
        ("Examine the role of the ombudsman in redressing complaints.", "PMS", 2021),
        ("Discuss the need for an independent judiciary in a federation.", "PMS", 2020),
        ("Explain how the media can keep a government answerable.", "CSS", 2019),
    ]


_HANDOUT_HEAD = ("NORTHSTAR CIVIL SERVICES CENTRE, MULTAN • Economics Handouts • Not for sale "
                 "or sharing")
_HANDOUT_FOOT = "Prepared by Madam Rabia Noor | Cell 0312-0000000 | Page {n} of 3"


def _handout() -> str:
    return f"""{_HANDOUT_HEAD}
ECONOMICS (PAPER-I)
CSS 2020 — SOLVED QUESTION
Question No. 3
"Pakistan's water problem is a problem of management, not of supply." Discuss. (20)
Introduction
Pakistan draws most of its water from a single river system that is fed by glaciers, monsoon
rains and snowmelt from the northern ranges. Its per head supply has fallen sharply since the
nineteen fifties as the population has grown and storage has silted up. Much of what is left
is lost in old canals, and farmers are charged far less than the water costs to deliver.
Structure of Water Use
Farming takes more than nine tenths of the water drawn each year, mostly through flood
irrigation of thirsty crops such as rice and sugarcane, which is the least efficient way to
{_HANDOUT_FOOT.format(n=1)}
{_HANDOUT_HEAD}
use a scarce resource in a dry country with hot summers and long growing seasons.
Weak Pricing and Metering
Water rates on canals have hardly changed in decades and are collected from only part of the
farmers who use the water, so there is no reason for anyone to save a drop of it at all.
Losses in Delivery
Unlined channels and watercourses lose a large share of the water before it reaches the fields,
and the same happens in the leaking pipes of the big cities and their poorly kept networks.
{_HANDOUT_FOOT.format(n=2)}
{_HANDOUT_HEAD}
Conclusion
To conclude, the country has less water than before, but it wastes far more than it needs to,
and better management would do more than any new dam can do within the next ten years.
{_HANDOUT_FOOT.format(n=3)}
"""


def test_a_pdf_handouts_long_running_head_and_credit_foot_line_are_dropped(tmp_path):
    answer, = import_file(_write(tmp_path, "handout.txt", _handout()))
    assert answer.data["paper"] == "Economics"
    assert (answer.data["exam"], answer.data["year"], answer.data["number"]) == ("CSS", 2020, 3)
    assert not any(x in answer.yaml_text for x in ("NORTHSTAR", "Rabia", "Page 2"))


def test_a_question_under_its_number_line_and_closed_by_marks_is_not_run_on(tmp_path):
    answer, = import_file(_write(tmp_path, "handout.txt", _handout()))
    assert answer.data["question"] == ("\"Pakistan's water problem is a problem of management, "
                                       "not of supply.\" Discuss.")
    assert answer.data["marks"] == 20


def test_a_title_case_line_after_a_finished_sentence_in_a_pdf_copy_is_a_head(tmp_path):
    answer, = import_file(_write(tmp_path, "handout.txt", _handout()))
    assert _headings(answer) == ["Structure of Water Use", "Weak Pricing and Metering",
                                 "Losses in Delivery"]
    assert answer.data["introduction"].rstrip().endswith("water costs to deliver.")
    assert answer.data["conclusion"].startswith("To conclude, the country has less water")


def _telegram_message(number: int, time: str, text: str, *, sender: str = "",
                      signature: str = "") -> str:
    """One message of Telegram Desktop's HTML export; without a sender it is "joined"."""
    joined = "" if sender else " joined"
    named = f'<div class="from_name">{sender}</div>' if sender else ""
    signed = f'<div class="signature details">{signature}</div>' if signature else ""
    return f"""<div class="message default clearfix{joined}" id="message{number}">
<div class="body">
<div class="pull_right date details" title="03.02.2024 {time}:10 UTC+05:00">{time}</div>
{named}<div class="text">{text}</div>{signed}
</div></div>"""


def test_a_telegram_desktop_html_export_is_read_as_its_signed_writers_chat(tmp_path):
    channel = "Econ Answers Channel"
    messages = [
        _telegram_message(1, "18:00", "Admissions for the spring batch are open, message us.",
                          sender=channel, signature="Office"),
        _telegram_message(2, "18:05", "<strong>KPPSC PMS 2019 — Economics — solved</strong>"
                          "<br><br><strong>Q.No.4:</strong> Why has inflation stayed high in "
                          "Pakistan? Suggest remedies. (20)", sender=channel,
                          signature="Sir Kamran"),
        _telegram_message(3, "18:07", f"<strong>Introduction:</strong><br>{BODY}",
                          signature="Sir Kamran"),
        _telegram_message(4, "18:09", f"<strong>Money supply</strong><br>{BODY}<br><br>"
                          f"<strong>Import costs</strong><br>{BODY}", signature="Sir Kamran"),
        _telegram_message(5, "18:10", "Reminder: the mock exam is on Sunday at ten.",
                          sender=channel, signature="Office"),
        _telegram_message(6, "18:12", "<strong>Conclusion:</strong><br>In short, prices will "
                          "settle only when the budget and the currency are steady.",
                          signature="Sir Kamran"),
        _telegram_message(7, "18:13", "Share this channel with your classmates."),
    ]
    page = f"""<!DOCTYPE html><html><head><meta charset="utf-8"/><title>Exported Data</title>
</head><body><div class="page_wrap"><div class="page_header"><div class="content">
<div class="text bold">{channel}</div></div></div><div class="page_body chat_page">
<div class="history"><div class="message service" id="message-1">
<div class="body details">3 February 2024</div></div>{"".join(messages)}
</div></div></div></body></html>"""
    answer, = import_file(_write(tmp_path, "messages.html", page))
    assert answer.data["question"] == ("Why has inflation stayed high in Pakistan? "
                                       "Suggest remedies.")
    assert (answer.data["exam"], answer.data["year"], answer.data["number"]) == ("PMS", 2019, 4)
    assert _headings(answer) == ["Money supply", "Import costs"]
    assert answer.data["conclusion"].startswith("In short, prices will settle")
    assert not any(x in answer.yaml_text for x in ("Admissions", "mock exam", "Share this",
                                                   "Sir Kamran", "18:0"))


def test_a_telegram_copys_message_keeps_its_first_line_after_anothers_post(tmp_path):
    page = f"""Study Hub, [03.02.2024 18:00]
Fee for the new batch is due by Friday, pay at the office.

Study Hub, [03.02.2024 18:05]
Economics — PMS Punjab 2018

Q.2 Why has inflation stayed high in Pakistan? Suggest remedies. (20)

Introduction:
{BODY}

Money supply
{BODY}

Import costs
{BODY}

Conclusion:
In short, prices will settle only when the budget and the currency are steady.
"""
    answer, = import_file(_write(tmp_path, "copy.txt", page.replace("Study Hub, [03.02.2024 "
                                                                    "18:00]", "Office, [03.02."
                                                                    "2024 18:00]")))
    assert (answer.data["paper"], answer.data["year"]) == ("Economics", 2018)
    assert "Fee for" not in answer.yaml_text


def test_a_commission_and_its_exams_own_name_before_a_year_give_the_year(tmp_path):
    header = ("**SPSC CCE 2016 (PMS Sindh) — Economics (English Medium) — a question solved in "
              "class**")
    page = _plain_answer(above=header, tag="").replace("Q.4", "Q.No.4:")
    answer, = import_file(_write(tmp_path, "sindh.txt", page))
    assert (answer.data["exam"], answer.data["year"]) == ("PMS", 2016)


_URDU_TITLE = ("\u0645\u0639\u06cc\u0634\u062a \u06a9\u06d2 \u0627\u06c1\u0645 "
               "\u0645\u0633\u0627\u0626\u0644")
_URDU_LEAD = ("\u0627\u0646 \u0645\u0633\u0627\u0626\u0644 \u0645\u06cc\u06ba \u0633\u06d2 "
              "\u0686\u0646\u062f \u06cc\u06c1 \u06c1\u06cc\u06ba:")
_URDU_FIRST = "\u0645\u06c1\u0646\u06af\u0627\u0626\u06cc"
_URDU_SECOND = "\u0628\u06cc\u0631\u0648\u0632\u06af\u0627\u0631\u06cc"
_URDU_BODY = ("\u06cc\u06c1 \u0645\u0633\u0626\u0644\u06c1 \u0639\u0627\u0645 \u0622\u062f"
              "\u0645\u06cc \u06a9\u06cc \u0632\u0646\u062f\u06af\u06cc \u06a9\u0648 \u0645"
              "\u0634\u06a9\u0644 \u0628\u0646\u0627 \u062f\u06cc\u062a\u0627 \u06c1\u06d2 "
              "\u0627\u0648\u0631 \u0627\u0633 \u06a9\u0627 \u062d\u0644 \u062d\u06a9\u0648"
              "\u0645\u062a \u06a9\u06cc \u0630\u0645\u06c1 \u062f\u0627\u0631\u06cc \u06c1"
              "\u06d2\u06d4")
_URDU_SAYS = ("\u0642\u0631\u0622\u0646 \u0645\u06cc\u06ba \u0627\u0631\u0634\u0627"
              "\u062f \u06c1\u06d2:")
_VERSE = ("\u0648\u064e\u0623\u064e\u062d\u064e\u0644\u064e\u0651 \u0627\u0644\u0644\u064e"
          "\u0651\u0647\u064f \u0627\u0644\u0652\u0628\u064e\u064a\u0652\u0639\u064e \u0648"
          "\u064e\u062d\u064e\u0631\u064e\u0651\u0645\u064e \u0627\u0644\u0631\u0650\u0651"
          "\u0628\u064e\u0627")


def _urdu_grouped_answer() -> str:
    return f"""Q.3 Discuss the main economic problems of Pakistan. (CSS 2019) (20)

Introduction:
{BODY}

**{_URDU_TITLE}**
{_URDU_LEAD}

**\u06f1\u06d4 {_URDU_FIRST}**
{_URDU_SAYS}
{_VERSE}
{_URDU_BODY}

**\u06f2\u06d4 {_URDU_SECOND}**
{_URDU_BODY}

Conclusion:
In short, the economy needs steady policies more than new promises.
"""


def test_an_urdu_title_with_a_lead_in_over_urdu_numbered_points_is_a_group_title(tmp_path):
    answer, = import_file(_write(tmp_path, "urdu.txt", _urdu_grouped_answer()))
    assert _headings(answer) == [_URDU_FIRST, _URDU_SECOND]
    assert _URDU_LEAD in answer.data["points"][0]["body"]  # the lead-in opens the first point


def test_a_line_ending_in_a_colon_over_a_verse_stays_in_the_point(tmp_path):
    answer, = import_file(_write(tmp_path, "urdu.txt", _urdu_grouped_answer()))
    body = answer.data["points"][0]["body"]
    assert _URDU_SAYS in body and _VERSE in body


def test_a_word_files_tabbed_header_ending_in_q_no_gives_number_and_marks(tmp_path):
    page = _plain_answer(above="POL SCIENCE – PAPER II – PRACTICE\n\nCSS 2017\tQ.No.8\t\t[20]",
                         tag="").replace("Q.4 ", "").replace(" (20)", "")
    answer, = import_file(_write(tmp_path, "word.txt", page))
    assert (answer.data["number"], answer.data["marks"], answer.data["year"]) == (8, 20, 2017)
    assert answer.data["paper"] == "Political Science"


def test_a_students_notes_under_the_last_line_are_not_the_conclusion(tmp_path):
    below = """
Word count: 942 (outline not counted)
Teacher's remarks: points good, conclusion rushed. 12/20
TODO - add two figures from the survey before Friday"""
    answer, = import_file(_write(tmp_path, "notes.txt", _plain_answer(below=below)))
    assert answer.data["conclusion"].rstrip().endswith("new goods are made.")
    assert not answer.incomplete
    assert not any(x in answer.yaml_text for x in ("Word count", "remarks", "TODO", "Friday"))


def test_a_reminder_in_capitals_in_brackets_is_dropped_and_an_editors_insert_kept(tmp_path):
    body = ("Textile mills were promised cheap power [ADD THE TARIFF FIGURE] and the minister "
            "said they \"[would] not pay more than their rivals\" in the region next door.")
    page = _plain_answer().replace("Reliance on textiles\n" + BODY,
                                   "Reliance on textiles\n" + body)
    answer, = import_file(_write(tmp_path, "draft.txt", page))
    text = answer.data["points"][0]["body"]
    assert "ADD THE TARIFF" not in text
    assert "cheap power and the minister said they \"[would] not pay" in text


def test_a_google_docs_text_exports_comments_and_their_marks_are_dropped(tmp_path):
    page = _plain_answer(below="\n[a]Hina Raza: which year is this from?\n[b]Omar: cut this")
    page = page.replace("In short, exports will grow", "In short,[a] exports will grow")
    page = page.replace("Reliance on textiles\n" + BODY,
                        "Reliance on textiles\n" + BODY.replace("stop.", "stop.[b]"))
    answer, = import_file(_write(tmp_path, "gdoc.txt", page))
    assert answer.data["conclusion"].startswith("In short, exports will grow")
    assert answer.data["points"][0]["body"].rstrip().endswith("full stop.")
    assert not any(x in answer.yaml_text for x in ("Hina", "Omar", "[a]", "[b]"))


def test_a_bracketed_note_between_question_and_introduction_label_is_left_out(tmp_path):
    page = _plain_answer().replace("(20)\n\nIntroduction",
                                   "(20)\n(wrote this one straight away, no outline)\n"
                                   "Introduction")
    answer, = import_file(_write(tmp_path, "note.txt", page))
    assert answer.data["introduction"].startswith("This paragraph carries")
    assert "straight away" not in answer.yaml_text


def test_a_header_naming_only_the_number_does_not_make_its_post_line_the_comments(tmp_path):
    above = ("Economics – CSS 2019 Solved – Q.No.4\n"
             "Posted in Solved Papers · 3 Comments\n")
    answer, = import_file(_write(tmp_path, "post.txt", _plain_answer(above=above, tag="")))
    assert answer.data["question"] == "Explain why the export base of Pakistan has stayed narrow."
    assert _headings(answer) == ["Reliance on textiles", "An expensive energy supply"]


def _forum_thread(asking: str, card: str) -> str:
    answer = _plain_answer(tag="").split("\n", 2)[2]  # the answer without its question line
    return f"""Prep Forum > Optional Papers > Economics
  #1
Old Sunday, May 5, 2024
hamza_k
Junior Member
Join Date: Jan 2024
Posts: 9
{asking}

Q.4 Explain why the export base of Pakistan has stayed narrow. (20)

Any headings will help.
Reply With Quote
  #2
Old Monday, May 6, 2024
Nadia Karim
Senior Member
{card}
Join Date: Feb 2018
Posts: 2,310
{answer}
Reply With Quote
"""


def test_a_sentence_setting_the_asked_question_in_its_paper_gives_the_year(tmp_path):
    page = _forum_thread("Salam all. It came in the CSS 2020 Economics paper:", "Moderator")
    answer, = import_file(_write(tmp_path, "thread.txt", page))
    assert (answer.data["year"], answer.data["number"]) == (2020, 4)


def test_a_members_award_line_on_a_forum_card_is_not_the_introduction(tmp_path):
    card = ("Gold Medal of Merit: Given to members whose posts have helped many others "
            "prepare for the written papers")
    page = _forum_thread("Salam all. It came in the CSS 2020 Economics paper:", card)
    answer, = import_file(_write(tmp_path, "thread.txt", page))
    assert answer.data["introduction"].startswith("This paragraph carries")
    assert "Medal" not in answer.yaml_text


def test_a_post_title_with_the_paper_between_exam_and_year_gives_year_and_number(tmp_path):
    above = "March 3, 2024\nPMS Economics 2017 Solved Q9 | Why Exports Stay Narrow\nShare\n"
    page = _plain_answer(above=above, tag="").replace("Q.4 ", "Question: ")
    answer, = import_file(_write(tmp_path, "blog.txt", page))
    assert (answer.data["exam"], answer.data["year"], answer.data["number"]) == ("PMS", 2017, 9)


def test_a_study_plan_listing_a_few_past_topics_to_practise_is_a_guide(tmp_path):
    page = """# Economics: Eight-Week Study Plan for CSS 2026

## Introduction

You will need steady work on both papers, and this plan tells you what to read each week so
that you reach the exam with every topic revised twice. Your notes should be short, and you
should write one full answer a week and show it to your teacher before the next class.

## What You Will Do Each Week

* You read two chapters of the set book before Saturday.
* You write one timed answer and send it to the class group by Thursday night.

## Past Questions We Will Practise

* Why has inflation stayed high in Pakistan? (CSS 2021)
* Discuss the causes of the fall in the rupee. (CSS 2022)
* Evaluate the role of remittances in the economy. (PMS Punjab 2020)

## Conclusion

If you follow this plan honestly you will find the real paper far easier than you fear, and
you will have a file of checked answers to revise from in your last month.
"""
    with pytest.raises(NoAnswerOnPage, match="study guide"):
        import_file(_write(tmp_path, "plan.md", page))


def test_a_posts_see_more_cut_is_dropped_and_the_answer_marked_incomplete(tmp_path):
    page = f"""Q.4 Explain why the export base of Pakistan has stayed narrow. (CSS 2019) (20)

Introduction
{BODY}

Reliance on textiles
{BODY}

An expensive energy supply
Power for factories costs more here than in most rival countries, and the … See more

12 comments
"""
    answer, = import_file(_write(tmp_path, "fb.txt", page))
    assert "See more" not in answer.yaml_text
    assert answer.data["points"][-1]["body"].rstrip().endswith("rival countries, and the")
    assert answer.incomplete


def test_a_writers_signed_note_to_readers_after_the_conclusion_is_dropped(tmp_path):
    below = ("\n*— Prof. Amna Latif, Economics faculty. If you practise with this answer, "
             "rewrite it in your own words first.*")
    answer, = import_file(_write(tmp_path, "signed.txt", _plain_answer(below=below)))
    assert answer.data["conclusion"].rstrip().endswith("new goods are made.")
    assert "Amna" not in answer.yaml_text


def test_a_quotations_attribution_closing_the_conclusion_stays(tmp_path):
    below = "\"Work, work and only work.\"\n— Quaid-e-Azam, 1947"
    answer, = import_file(_write(tmp_path, "quote.txt", _plain_answer(below=below)))
    assert "Quaid-e-Azam, 1947" in answer.data["conclusion"]


_YEARWISE_HANDOUT = """RIVERSIDE TUTORS - Geography Optional | Past Questions by Year
GEOGRAPHY
Subjective questions, sitting by sitting

CSS 2016
Q.No.2 Explain the formation of fold mountains with examples from northern Pakistan. (20)
Q.No.4 Describe the monsoon winds and their effect on the farming calendar of Sindh. (20)

CSS 2017
Q.No.3 Why do deltas form at the mouths of some rivers and not others? (20)

Riverside Tutors, Canal Road, Faisalabad                                   Page 1 of 2

RIVERSIDE TUTORS - Geography Optional | Past Questions by Year
Q.No.6 Discuss the causes of soil erosion in the Potohar plateau. (20)

CSS 2018
Q.No.2 What is a watershed? How should the watersheds of the upper Indus be managed? (20)
Q.No.5 Evaluate the role of glaciers in the water supply of the plains. (20)

Riverside Tutors, Canal Road, Faisalabad                                   Page 2 of 2
"""


def test_year_heads_of_a_paged_handout_are_not_taken_for_running_heads(tmp_path):
    records = import_file(_write(tmp_path, "handout.txt", _YEARWISE_HANDOUT))
    assert [(r.data["number"], r.data["exam"], r.data["year"]) for r in records] == [
        (2, "CSS", 2016), (4, "CSS", 2016), (3, "CSS", 2017), (6, "CSS", 2017),
        (2, "CSS", 2018), (5, "CSS", 2018)]


def test_a_listed_questions_last_sentence_wrapped_alone_with_its_marks_joins_it(tmp_path):
    page = _YEARWISE_HANDOUT.replace(
        "Q.No.3 Why do deltas form at the mouths of some rivers and not others? (20)",
        "Q.No.3 Why do deltas form at the mouths of some rivers and not others?\n"
        "Give two examples. (20)")
    records = import_file(_write(tmp_path, "handout.txt", page))
    assert [r.data["question"] for r in records][2] == (
        "Why do deltas form at the mouths of some rivers and not others? Give two examples.")
    assert len(records) == 6


def test_a_listed_question_of_lettered_short_parts_gives_one_question_a_part(tmp_path):
    page = _YEARWISE_HANDOUT.replace(
        "Q.No.6 Discuss the causes of soil erosion in the Potohar plateau. (20)",
        "Q.No.8 Answer the following short questions:\n"
        "(a) What is a rain shadow? Name one in Pakistan. (5)\n"
        "(b) Why are the tides higher at new moon? (5)")
    records = import_file(_write(tmp_path, "handout.txt", page))
    assert [(r.data["question"], r.data["year"], r.data.get("marks"), r.data["number"])
            for r in records][3:5] == [
        ("What is a rain shadow? Name one in Pakistan.", 2017, 5, 8),
        ("Why are the tides higher at new moon?", 2017, 5, 8)]
    assert len(records) == 7


_COMMISSION_HEADS = """Exam Prep Circle
5 March at 08:40

📘 GENERAL SCIENCE & ABILITY — PROVINCIAL PAST QUESTIONS BY YEAR

🔵 PMS PUNJAB 2017 (PPSC)
Q1. Explain how vaccines train the immune system against a virus.

🔵 KPPSC 2018
Q2. What causes the seasons on Earth? Explain with a diagram.

🔵 BPSC 2020 (Balochistan)
Q3. Describe the working of a solar cell and its use in remote villages.

🔵 SPSC CCE 2019 (Sindh)
Q4. Discuss the main sources of water pollution in coastal cities.
"""


def test_year_heads_naming_only_a_commission_head_q_numbered_questions(tmp_path):
    records = import_file(_write(tmp_path, "heads.txt", _COMMISSION_HEADS))
    assert [(r.data["exam"], r.data["year"]) for r in records] == [
        ("PMS", 2017), ("PMS", 2018), ("PMS", 2020), ("PMS", 2019)]


def test_a_year_head_with_one_word_leading_in_by_a_dash_is_a_head(tmp_path):
    page = _COMMISSION_HEADS + """
🎁 Extra — CSS 2021
Q5. Evaluate the use of satellites in forecasting floods.
"""
    records = import_file(_write(tmp_path, "heads.txt", page))
    assert [(r.data["question"], r.data["exam"], r.data["year"]) for r in records][3:] == [
        ("Discuss the main sources of water pollution in coastal cities.", "PMS", 2019),
        ("Evaluate the use of satellites in forecasting floods.", "CSS", 2021)]


def test_a_listed_questions_tag_after_its_marks_bracket_without_a_dash(tmp_path):
    page = """*Public Administration - past questions by theme*

*Bureaucracy*
1. Explain Weber's ideal type of bureaucracy and its critics. (2014)
2. Describe the role of the civil service in policy making. (10 marks) PMS Punjab 2022
3. Why do reforms of the civil service in Pakistan fail so often? CSS-2018
"""
    records = import_file(_write(tmp_path, "themes.txt", page))
    assert [(r.data["question"], r.data["exam"], r.data["year"], r.data.get("marks"))
            for r in records][1] == (
        "Describe the role of the civil service in policy making.", "PMS", 2022, 10)
    assert len(records) == 3


def test_a_sponsored_post_selling_notes_with_a_sample_question_is_a_sales_page(tmp_path):
    page = """Facebook
Exam Ace Notes
Sponsored · 🌏

🔥 CSS 2026 ke liye printed notes ab available 🔥
✔ Essay and Precis
✔ Current Affairs (last eight papers)

Each answer gives you:
1️⃣ Outline in the examiner's style
2️⃣ Introduction
3️⃣ Conclusion

Sample from the notes (CSS 2023):
"Why has Pakistan's tax base stayed narrow? Suggest reforms." (20)
👉 The full answer is on page 12 of the set.

Single paper: Rs. 900
Full set: Rs. 3,500
📲 Order now on WhatsApp

Like
Comment
Share
"""
    with pytest.raises(NoAnswerOnPage, match="sales"):
        import_file(_write(tmp_path, "advert.txt", page))


def _xf_post(number: int, author: str, rank: str, body: str) -> str:
    return f"""
<article class="message message--post js-post" data-author="{author}" id="js-post-{number}">
  <div class="message-inner"><div class="message-cell message-cell--user">
    <section class="message-user"><div class="message-userDetails">
    <h4 class="message-name"><a href="#" class="username">{author}</a></h4>
    <h5 class="userTitle message-userTitle">{rank}</h5></div>
    <div class="message-userExtras"><dl class="pairs"><dt>Joined</dt><dd>May 2019</dd></dl>
    <dl class="pairs"><dt>Messages</dt><dd>2,118</dd></dl></div></section></div>
  <div class="message-cell message-cell--main">
    <header class="message-attribution"><ul class="listInline"><li><a href="#">#{number}</a>
    </li></ul></header>
    <div class="message-content js-messageContent"><div class="message-userContent">
    <article class="message-body js-selectToQuote"><div class="bbWrapper">{body}</div>
    </article></div></div>
    <footer class="message-footer"><a href="#" class="actionBar-action">Reply</a></footer>
  </div></div>
</article>"""


def test_a_question_line_in_the_asking_post_of_a_thread_set_in_br_lines(tmp_path):
    sentence = ("Provinces gained new taxing powers and a larger share of the divisible pool, "
                "but their own revenue effort has stayed weak ever since.")
    asking = ("Salam all,<br><br>Could someone share a model answer? Here it is:<br><br>"
              "<b>Question No. 3:</b> How far has the Eighteenth Amendment strengthened "
              "provincial autonomy in Pakistan? <b>[20]</b><br><br>Thanks")
    answering = (f"My attempt below, keep the structure in mind.<br><br><b>Introduction</b><br>"
                 f"{sentence}<br><br><b>Fiscal Powers</b><br>{sentence}<br><br>"
                 f"<b>Administrative Powers</b><br>{sentence}<br><br>"
                 f"<b>Conclusion</b><br>To sum up, {sentence}<br>")
    page = f"""<!DOCTYPE html><html><head><meta charset="utf-8">
<title>CSS 2021 Pakistan Affairs Q3 - autonomy | Prep Forum</title></head><body>
<div class="p-title"><h1 class="p-title-value">CSS 2021 Pakistan Affairs Q3 - autonomy</h1></div>
<div class="block-body">{_xf_post(1, "Areeba", "New Member", asking)}
{_xf_post(2, "Mentor_Q", "Moderator", answering)}</div></body></html>"""
    (answer,) = import_file(_write(tmp_path, "thread.html", page))
    assert answer.data["question"] == ("How far has the Eighteenth Amendment strengthened "
                                       "provincial autonomy in Pakistan?")
    assert (answer.data["number"], answer.data["marks"]) == (3, 20)
    assert "Joined" not in answer.yaml_text and "2,118" not in answer.yaml_text


@pytest.mark.parametrize(("named", "paper"), [
    ("Journalism", "Journalism and Mass Communication"),
    ("US History", "History of USA"),
    ("American History", "History of USA")])
def test_a_paper_named_by_its_short_name_in_the_title(tmp_path, named, paper):
    page = f"""CSS 2018 {named} Solved Paper - my attempt

Question No. 4: Why do some states change faster than others? Discuss. (20)

Introduction
{BODY}

Conclusion
{BODY}
"""
    (answer,) = import_file(_write(tmp_path, "short.txt", page))
    assert (answer.data["paper"], answer.data["year"], answer.data["number"]) == (
        paper, 2018, 4)


def test_a_sample_pdfs_end_of_free_sample_notice_cuts_the_answer_incomplete(tmp_path):
    page = f"""Question No. 3: Why has the jail system failed to reform offenders? Discuss. (20)

Introduction
{BODY}

Overcrowding in Prisons
{BODY}

Lack of Trained Staff
{BODY}

=========== END OF FREE SAMPLE ===========
The remaining headings and the conclusion are in the printed guide. Order on WhatsApp.
"""
    (answer,) = import_file(_write(tmp_path, "sample.txt", page))
    assert answer.incomplete
    assert answer.data["conclusion"] in (None, "") or "Not in the source" in str(
        answer.data["conclusion"])
    assert "FREE SAMPLE" not in answer.yaml_text and "printed guide" not in answer.yaml_text
    assert _headings(answer) == ["Overcrowding in Prisons", "Lack of Trained Staff"]


# Lists of past questions read from their repeated item shape (dev-lists).


def _fields(records) -> list[tuple]:  # type: ignore[no-untyped-def]
    """Each listed question's text, exam, year, paper and topic."""
    assert all(r.data["kind"] == "question" for r in records)
    return [(r.data["question"], r.data["exam"], r.data["year"], r.data["paper"],
             (r.data.get("topics") or [None])[0]) for r in records]


def test_tags_set_before_each_bulleted_question_under_emoji_heads(tmp_path):
    page = """Sociology Circle
2d · 🌏

📘 SOCIOLOGY — PAST QUESTIONS BY TOPIC
Keep this post; the exam and the year come first on every line.

🏠 FAMILY AND KINSHIP
➡️ CSS-2015: Explain how the joint family system is changing in urban Pakistan.
➡️ PMS Sindh 2018: Why do arranged marriages persist among educated youth? Discuss.
➡️ KPPSC-2022: Describe the role of kinship in rural politics.

🏙️ URBAN LIFE
➡️ CSS-2019: What social problems follow rapid urbanisation in Karachi?
➡️ BPSC 2020: Discuss the growth of slums and its effect on public health.

👍 214 · 31 comments
"""
    records = import_file(_write(tmp_path, "tag-first.txt", page))
    assert _fields(records) == [
        ("Explain how the joint family system is changing in urban Pakistan.", "CSS", 2015,
         "Sociology", "Family and Kinship"),
        ("Why do arranged marriages persist among educated youth? Discuss.", "PMS", 2018,
         "Sociology", "Family and Kinship"),
        ("Describe the role of kinship in rural politics.", "PMS", 2022, "Sociology",
         "Family and Kinship"),
        ("What social problems follow rapid urbanisation in Karachi?", "CSS", 2019,
         "Sociology", "Urban Life"),
        ("Discuss the growth of slums and its effect on public health.", "PMS", 2020,
         "Sociology", "Urban Life")]


def test_tags_followed_by_marks_and_short_tags_before_marks_close_listed_questions(tmp_path):
    page = """# Geography — Past Questions

## Climate

- Explain the causes of the monsoon over South Asia. — CSS'17 [10+10]
- Why are heatwaves becoming more frequent in Sindh? (PMS Sindh 2021) (20)
- Describe the effects of El Nino on the rainfall of Pakistan. (CSS 2019)

## Population

- What explains the rapid growth of secondary cities in Punjab? (PPSC 2020) [10+10]
"""
    records = import_file(_write(tmp_path, "marks-after.md", page))
    assert _fields(records) == [
        ("Explain the causes of the monsoon over South Asia.", "CSS", 2017, "Geography",
         "Climate"),
        ("Why are heatwaves becoming more frequent in Sindh?", "PMS", 2021, "Geography",
         "Climate"),
        ("Describe the effects of El Nino on the rainfall of Pakistan.", "CSS", 2019,
         "Geography", "Climate"),
        ("What explains the rapid growth of secondary cities in Punjab?", "PMS", 2020,
         "Geography", "Population")]


def test_a_bare_two_digit_year_and_a_question_wrapped_onto_the_next_line(tmp_path):
    page = """[02/03/2025, 7:10:11 PM] Sir Kamran: CRIMINOLOGY — OLD QUESTIONS
[02/03/2025, 7:10:40 PM] Sir Kamran: A year alone is the CSS paper of that year.
*Topic 1: Theories of Crime*
Q1. Explain the strain theory of crime with examples. ('16)
Q2. How does labelling theory account for the behaviour of repeat
offenders? ('19)
Q3. Compare the classical and positivist schools of criminology. ['21] [10+10]
[02/03/2025, 7:12:05 PM] Ayesha: JazakAllah sir
"""
    records = import_file(_write(tmp_path, "two-digit.txt", page))
    assert _fields(records) == [
        ("Explain the strain theory of crime with examples.", "CSS", 2016, "Criminology",
         "Theories of Crime"),
        ("How does labelling theory account for the behaviour of repeat offenders?", "CSS",
         2019, "Criminology", "Theories of Crime"),
        ("Compare the classical and positivist schools of criminology.", "CSS", 2021,
         "Criminology", "Theories of Crime")]


def test_a_tag_alone_on_the_line_under_its_question_and_a_folio_beside_a_footer(tmp_path):
    page = """Iqra Academy | Political Science Question Bank
POLITICAL SCIENCE
TOPIC-WISE PAST QUESTIONS

STATE AND SOVEREIGNTY
Q.No.1 Define sovereignty and trace how the idea changed after the rise of
international organisations.
[CSS-2017] (20)
Q.No.2 Is the state a natural institution? Give reasons for your answer. [PMS Punjab-2019]
Q.No.3 Explain the theories of the origin of the state and say which one you find
Page 1 of 2                                  Admissions: 051-1111111
Iqra Academy | Political Science Question Bank
most convincing. [CSS-2021]
Q.No.4 Discuss the pluralist attack on the monistic view of sovereignty. [KPPSC-2018]
Page 2 of 2                                  Admissions: 051-1111111
"""
    records = import_file(_write(tmp_path, "tag-below.txt", page))
    assert _fields(records) == [
        ("Define sovereignty and trace how the idea changed after the rise of international "
         "organisations.", "CSS", 2017, "Political Science", "State and Sovereignty"),
        ("Is the state a natural institution? Give reasons for your answer.", "PMS", 2019,
         "Political Science", "State and Sovereignty"),
        ("Explain the theories of the origin of the state and say which one you find most "
         "convincing.", "CSS", 2021, "Political Science", "State and Sovereignty"),
        ("Discuss the pluralist attack on the monistic view of sovereignty.", "PMS", 2018,
         "Political Science", "State and Sovereignty")]


_BLOGGER_YEARS = """<!DOCTYPE html><html><head><meta charset="utf-8">
<title>CSS Criminology Past Papers 2016 to 2018 | Crime Desk</title></head><body>
<div class="widget Blog" id="Blog1"><article class="post-outer-container"><div class="post">
<h3 class="post-title">CSS Criminology Past Papers 2016 to 2018</h3>
<div class="post-body">
<p>Here are the subjective questions of three CSS Criminology papers, year by year.</p>
<h3>Past Papers 2016</h3>
<p>(i) Explain the role of the police in preventing crime in cities. (20)<br />
(ii) Why do young offenders go back to crime? Discuss. <span>Very important!</span><br />
(iii) Describe the main features of the probation system in Pakistan.</p>
<h3>Past Papers 2017</h3>
<div>(i) What is white-collar crime? How can it be controlled?</div>
<div>(ii) Discuss the causes of terrorism in the tribal districts.</div>
<div>(iii) Write short notes on:</div>
<div style="margin-left: 2em;">(a) Victimology (10)</div>
<div style="margin-left: 2em;">(b) Restorative justice (10)</div>
<h3>Past Papers 2018</h3>
<p>(i) Examine the link between poverty and property crime in Pakistan.<br />
(ii) Evaluate the prison reforms introduced since 2000 in Punjab, and say whether \
they have reduced overcrowding in its central jails.<br />
(iii) How far has forensic science helped the courts in Pakistan?</p>
</div></div></article>
<div class="widget PopularPosts"><h2>Popular Posts</h2><ul><li>Crime notes</li></ul></div>
</div></body></html>"""


def test_year_heads_over_roman_items_in_br_lines_and_divs_of_a_blogger_post(tmp_path):
    page = _BLOGGER_YEARS
    records = import_file(_write(tmp_path, "years.html", page))
    assert [(q, exam, year, paper) for q, exam, year, paper, _ in _fields(records)] == [
        ("Explain the role of the police in preventing crime in cities.", "CSS", 2016,
         "Criminology"),
        ("Why do young offenders go back to crime? Discuss.", "CSS", 2016, "Criminology"),
        ("Describe the main features of the probation system in Pakistan.", "CSS", 2016,
         "Criminology"),
        ("What is white-collar crime? How can it be controlled?", "CSS", 2017, "Criminology"),
        ("Discuss the causes of terrorism in the tribal districts.", "CSS", 2017,
         "Criminology"),
        ("Victimology", "CSS", 2017, "Criminology"),
        ("Restorative justice", "CSS", 2017, "Criminology"),
        ("Examine the link between poverty and property crime in Pakistan.", "CSS", 2018,
         "Criminology"),
        ("Evaluate the prison reforms introduced since 2000 in Punjab, and say whether they "
         "have reduced overcrowding in its central jails.", "CSS", 2018, "Criminology"),
        ("How far has forensic science helped the courts in Pakistan?", "CSS", 2018,
         "Criminology")]
    assert not any("Past Papers" in str(r.data.get("topics")) for r in records)  # no topic


def test_a_csv_sheet_of_questions_read_by_its_header_row(tmp_path):
    page = """Economics questions (CSS and provincial PMS),,,,,
Compiled by the Saturday study group,,,,,
,,,,,
Sr,Topic,Exam,Year,Question,Marks
1,Public Finance,CSS,2017,Why is the tax-to-GDP ratio of Pakistan so low?,20
2,Public Finance,SPSC,2020,"Discuss the causes, effects and cures of the fiscal deficit.",10+10
3,Trade,PPSC,2022,"Evaluate the ""export-led growth"" strategy for Pakistan.",20
4,Trade,CSS,2021,Explain the theory of comparative advantage with an example.,20
,,,,,
"Note: SPSC, PPSC and KPPSC rows are PMS papers.",,,,,
"""
    records = import_file(_write(tmp_path, "sheet.txt", page))
    assert _fields(records) == [
        ("Why is the tax-to-GDP ratio of Pakistan so low?", "CSS", 2017, "Economics",
         "Public Finance"),
        ("Discuss the causes, effects and cures of the fiscal deficit.", "PMS", 2020,
         "Economics", "Public Finance"),
        ('Evaluate the "export-led growth" strategy for Pakistan.', "PMS", 2022, "Economics",
         "Trade"),
        ("Explain the theory of comparative advantage with an example.", "CSS", 2021,
         "Economics", "Trade")]


def test_a_notion_call_out_names_the_lists_paper(tmp_path):
    page = """# Old questions

Created by: Hira

<aside>
📌 Paper: **Muslim Law and Jurisprudence** (CSS optional). Answers are on another page.

</aside>

## Sources of law

- What is the place of ijma among the sources of Islamic law? — CSS'18
- Explain the role of qiyas in the growth of fiqh. — CSS'20
- Discuss the conditions for ijtihad in the modern age. — CSS'22
"""
    records = import_file(_write(tmp_path, "callout.md", page))
    assert [(paper, year) for _, _, year, paper, _ in _fields(records)] == [
        ("Muslim Law and Jurisprudence", 2018), ("Muslim Law and Jurisprudence", 2020),
        ("Muslim Law and Jurisprudence", 2022)]


def test_a_forum_post_of_question_lines_in_br_lines_reads_its_paper_from_the_post(tmp_path):
    page = """<!DOCTYPE html><html><head><meta charset="utf-8">
<title>Psych old papers, questions only</title></head><body>
<div class="thread"><h2>Psych old papers, questions only</h2>
<div class="post"><div class="inner">Hello all,<br>Below are the questions of the last
two CSS Psychology papers, typed by hand from the scans so we can talk about them.<br><br>
<strong>CSS 2021</strong><br>
Q.2 Explain the main ideas of the humanistic approach.<br>
Q.4 What is the bystander effect? Give examples from daily life.<br><br>
<strong>CSS 2022</strong><br>
Q.3 Discuss the stages of cognitive development given by Piaget.<br>
Q.6 How is intelligence measured? Discuss the limits of IQ tests.<br>
</div></div></div></body></html>"""
    records = import_file(_write(tmp_path, "post.html", page))
    assert [(q, year, paper) for q, _, year, paper, _ in _fields(records)] == [
        ("Explain the main ideas of the humanistic approach.", 2021, "Psychology"),
        ("What is the bystander effect? Give examples from daily life.", 2021, "Psychology"),
        ("Discuss the stages of cognitive development given by Piaget.", 2022, "Psychology"),
        ("How is intelligence measured? Discuss the limits of IQ tests.", 2022,
         "Psychology")]


def test_a_blogger_posts_own_reading_keeps_the_post_its_widget_holds_and_its_div_lines():
    from studypack.content.importing.html_own_reading import own_reading

    texts = [b.text for b in own_reading(_BLOGGER_YEARS)]
    assert "(ii) Discuss the causes of terrorism in the tribal districts." in texts
    assert "(a) Victimology (10)" in texts and "Popular Posts" not in texts


def test_the_pages_own_reading_is_taken_when_the_extractor_leaves_listed_lines_out(
        tmp_path, monkeypatch):
    import trafilatura

    # The extractor keeps the headings and paragraphs but leaves out the year whose
    # questions are set in bare <div>s.
    body = _BLOGGER_YEARS[_BLOGGER_YEARS.index('<h3 class="post-title">'):
                          _BLOGGER_YEARS.index("</div></div></article>")]
    body = re.sub(r"<div[^>]*>[^<]*</div>\n", "", body)
    kept = re.sub(r"</?span>", "", re.sub(r"<(/?)h3[^>]*>", r"<\1head>", body)).replace(
        "<br />", "<lb/>").replace('<div class="post-body">', "")
    monkeypatch.setattr(trafilatura, "extract",
                        lambda *_, **__: f"<doc><main>{kept}</main></doc>")
    records = import_file(_write(tmp_path, "years.html", _BLOGGER_YEARS))
    assert [r.data["year"] for r in records] == [2016] * 3 + [2017] * 4 + [2018] * 3


def test_a_grid_of_topics_by_sittings_lists_each_cell_under_its_row_and_column(tmp_path):
    page = """<!DOCTYPE html><html><head><meta charset="utf-8">
<title>Criminology Questions Grid - Law Corner</title></head><body>
<main><h1>Criminology Questions Grid</h1>
<p>Each row is an area of the syllabus and each column one year's paper; a dash means the
area was skipped that year.</p>
<table><thead><tr><th>Area</th><th>CSS 2018</th><th>CSS 2019</th><th>PMS Punjab 2020</th>
</tr></thead><tbody>
<tr><th>Theories of Crime</th><td><span>Q.2</span>Compare the strain theory with the
labelling theory of deviance. <span>(20)</span></td><td>—</td>
<td><span>Q.3</span>Why do young men in cities join gangs? Explain with one theory.
<span>(20)</span></td></tr>
<tr><th>Policing</th><td>—</td><td><span>Q.5</span>Suggest reforms that would make the
police answerable to the public. <span>(20)</span></td><td>—</td></tr>
</tbody></table>
<p>More areas will be added after the next paper.</p></main></body></html>"""
    records = import_file(_write(tmp_path, "grid.html", page))
    assert [(r.data["question"], r.data["exam"], r.data["year"], r.data["topics"][0])
            for r in records] == [
        ("Compare the strain theory with the labelling theory of deviance.", "CSS", 2018,
         "Theories of Crime"),
        ("Why do young men in cities join gangs? Explain with one theory.", "PMS", 2020,
         "Theories of Crime"),
        ("Suggest reforms that would make the police answerable to the public.", "CSS", 2019,
         "Policing")]
    assert all(r.data["paper"] == "Criminology" for r in records)


def test_a_grid_with_the_sittings_down_its_side_reads_each_column_as_a_topic(tmp_path):
    page = """# Sociology past questions, one column per area

| Paper | Family | Social Change |
| --- | --- | --- |
| CSS 2019 | How has the joint family changed in urban Pakistan? | - |
| CSS 2020 | - | Discuss the effects of migration on village life. |
| CSS 2021 | Explain the functions of marriage as an institution. | Is technology the main cause? |
"""
    records = import_file(_write(tmp_path, "grid.md", page))
    assert [(r.data["question"], r.data["year"], r.data["topics"][0]) for r in records] == [
        ("How has the joint family changed in urban Pakistan?", 2019, "Family"),
        ("Explain the functions of marriage as an institution.", 2021, "Family"),
        ("Discuss the effects of migration on village life.", 2020, "Social Change"),
        ("Is technology the main cause?", 2021, "Social Change")]
    assert all(r.data["paper"] == "Sociology" and r.data["exam"] == "CSS" for r in records)


def test_signs_a_writer_sets_after_listed_questions_are_not_their_words(tmp_path):
    page = """Geography: questions that keep coming back

I put a ★ after every question that was set more than once.

1. [CSS 2016] Explain the causes of the monsoon over South Asia. ★
2. [PMS Sindh 2019] Why are the glaciers of the Karakoram not shrinking? ⭐🔥
3. [CSS 2021] Discuss the role of ocean currents in shaping climate.
"""
    records = import_file(_write(tmp_path, "stars.txt", page))
    assert [(r.data["question"], r.data["exam"], r.data["year"]) for r in records] == [
        ("Explain the causes of the monsoon over South Asia.", "CSS", 2016),
        ("Why are the glaciers of the Karakoram not shrinking?", "PMS", 2019),
        ("Discuss the role of ocean currents in shaping climate.", "CSS", 2021)]


def test_a_sign_after_a_listed_questions_bracketed_tag_leaves_the_tag_readable(tmp_path):
    page = """Sociology questions by area (the ones marked ✔ came twice)

Socialisation
- What part do schools play in shaping a child's values? [CSS-2015] ✔
- Explain how peer groups influence young people. [PMS Sindh 2017]

Social Stratification
- Why does caste still matter in rural Pakistan? [CSS-2019] ✔✔
- Compare open and closed systems of stratification. [KPPSC-2022]
"""
    records = import_file(_write(tmp_path, "ticked.txt", page))
    assert [(r.data["question"], r.data["exam"], r.data["year"], r.data["topics"][0])
            for r in records] == [
        ("What part do schools play in shaping a child's values?", "CSS", 2015,
         "Socialisation"),
        ("Explain how peer groups influence young people.", "PMS", 2017, "Socialisation"),
        ("Why does caste still matter in rural Pakistan?", "CSS", 2019,
         "Social Stratification"),
        ("Compare open and closed systems of stratification.", "PMS", 2022,
         "Social Stratification")]


def test_a_topic_head_opening_on_a_hyphened_word_like_a_forum_field_is_kept(tmp_path):
    page = """Anthropology past questions arranged by theme

A) Age-Old Customs of Marriage
1. Describe the practice of bride price in tribal societies. (CSS 2016)
2. Why do cousin marriages persist in South Asia? (PMS Punjab 2019)

B) Gender-Neutral Kinship Terms
3. How do kinship terms reveal the structure of a family? (CSS 2021)
4. Discuss descent groups with examples from Pakistan. (CSS 2023)
"""
    records = import_file(_write(tmp_path, "themes.txt", page))
    assert [r.data["topics"][0] for r in records] == [
        "Age-Old Customs of Marriage", "Age-Old Customs of Marriage",
        "Gender-Neutral Kinship Terms", "Gender-Neutral Kinship Terms"]


def test_a_table_rows_bracketed_placeholder_and_a_note_naming_two_questions_are_no_questions(
        tmp_path):
    page = """# Accountancy questions I still have to practise

| No | Question | Year | Exam |
| --- | --- | --- | --- |
| 1 | Explain the purpose of a bank reconciliation statement. | 2018 | CSS |
| 2 | Distinguish between capital and revenue expenditure. | 2020 | CSS |
| 3 | What is the going concern concept? Why does it matter to auditors? | 2021 | CSS |
| 4 | *(2024 paper — to be filled in once it is out)* | 2024 | CSS |

## Reminders

- Q1 and Q2 can be done in one sitting.
- Ask about depreciation methods.
"""
    records = import_file(_write(tmp_path, "tracker.md", page))
    assert [(r.data["question"], r.data["year"]) for r in records] == [
        ("Explain the purpose of a bank reconciliation statement.", 2018),
        ("Distinguish between capital and revenue expenditure.", 2020),
        ("What is the going concern concept? Why does it matter to auditors?", 2021)]


def _board_post(author: str, rank: str, head: str, body: str) -> str:
    return f"""<div class="windowbg"><div class="poster"><h4><a href="#">{author}</a></h4>
<ul class="user_info"><li class="membergroup">{rank}</li><li class="postcount">Posts: 40</li></ul>
</div><div class="postarea"><div class="keyinfo"><div class="postinfo"><a href="#">« <strong>{head}
</strong> March 3, 2025, 10:15:00 AM »</a></div></div>
<div class="post"><div class="inner">{body}</div></div></div></div><hr>"""


_BOARD = f"""<!DOCTYPE html><html><head><meta charset="utf-8">
<title>Philosophy papers, questions only</title></head><body>
<div id="footerfix"><div id="header"><h1 class="forumtitle">Exam Aspirants Board</h1></div>
<div id="main_menu"><ul><li>Home</li><li>Search</li><li>Login</li></ul></div>
<div id="content_section"><h2 class="display_title">Philosophy papers, questions only</h2>
<form action="#" method="post" id="quickModForm">
{_board_post("logic_lover", "Full Member", "on:", '''Salam, here are the questions I copied
from two recent CSS Philosophy papers.<br><br><strong>CSS 2020</strong><br>
Q.2 Explain the difference between deductive and inductive reasoning.<br>
Q.4 Is Descartes right that the mind is better known than the body?<br>
Q.6 Discuss the problem of evil as posed against theism.<br><br>More soon.''')}
{_board_post("thinker_22", "Newbie", "Reply #1 on:", '''<div class="quoteheader"><a href="#">Quote
from: logic_lover on March 3, 2025</a></div><blockquote class="quote">Q.4 Is Descartes right that
the mind is better known than the body? (2020)</blockquote>
<p>Was this question really in 2020? My notes say 2019.</p>''')}
{_board_post("logic_lover", "Full Member", "Reply #2 on:", '''Yes, it was 2020. And here is the
next paper as promised:<br><strong>CSS 2021</strong><br>
Q.3 Compare the ethics of Kant with the ethics of Mill.<br>
Q.5 What did Hume mean by the problem of induction?''')}
</form></div></div>
<div id="footer"><ul><li>Forum software credits</li><li>Terms and Policies</li></ul></div>
</body></html>"""


def test_a_board_thread_whose_later_reply_adds_questions_inside_a_page_wrapper_and_a_form(
        tmp_path):
    records = import_file(_write(tmp_path, "board.html", _BOARD))
    assert [(r.data["question"], r.data["year"]) for r in records] == [
        ("Explain the difference between deductive and inductive reasoning.", 2020),
        ("Is Descartes right that the mind is better known than the body?", 2020),
        ("Discuss the problem of evil as posed against theism.", 2020),
        ("Compare the ethics of Kant with the ethics of Mill.", 2021),
        ("What did Hume mean by the problem of induction?", 2021)]
    assert all(r.data["paper"] == "Philosophy" and r.data["exam"] == "CSS" for r in records)


# held-out-18: heading and question-line shapes of answer pages


def _one(tmp_path: Path, name: str, page: str):  # type: ignore[no-untyped-def]
    records = import_file(_write(tmp_path, name, page))
    assert len(records) == 1
    return records[0]


def test_a_ques_label_under_a_header_naming_the_number_is_not_part_of_the_question(tmp_path):
    page = f"""SPSC PMS-2020 | PAKISTAN AFFAIRS | Q.No.3

Ques: Pakistan buys most of its cooking oil abroad though its farms could grow \
oilseeds. Explain why and suggest a policy. (Marks-20)

Introduction
{BODY}

Conclusion
{BODY}
"""
    answer = _one(tmp_path, "fb.txt", page)
    assert (answer.data["question"], answer.data["number"], answer.data["marks"],
            answer.data["exam"], answer.data["year"], answer.data["paper"]) == (
        "Pakistan buys most of its cooking oil abroad though its farms could grow oilseeds. "
        "Explain why and suggest a policy.", 3, 20, "PMS", 2020, "Pakistan Affairs")


def test_marks_in_brackets_before_the_question_marker_are_its_marks(tmp_path):
    page = f"""<html><head><title>British History CSS 2020 | Solved Q.4</title></head><body>
<div class="post-body">
<p><b>[20 Marks] Q.4:</b> Why did the Long Parliament fall out with Charles I by 1642?</p>
<h3>Introduction</h3><p>{BODY}</p>
<h3>Conclusion</h3><p>{BODY}</p>
</div></body></html>"""
    answer = _one(tmp_path, "post.html", page)
    assert (answer.data["question"], answer.data["number"], answer.data["marks"]) == (
        "Why did the Long Parliament fall out with Charles I by 1642?", 4, 20)


def test_a_dotted_header_names_each_answers_exam_year_paper_number_and_marks(tmp_path):
    page = f"""Weekly digest

ANSWER 1 · CSS 2020 · SOCIOLOGY · Q3 · 20 MARKS

Why do joint families break up as people move to cities? Discuss.

{BODY}

ANSWER 2 · PMS SINDH 2019 · PUBLIC ADMINISTRATION · Q5 · 15 MARKS

Explain the idea of span of control with examples.

{BODY}
"""
    records = import_file(_write(tmp_path, "digest.txt", page))
    assert [(r.data["question"], r.data["exam"], r.data["year"], r.data["paper"],
             r.data["number"], r.data["marks"]) for r in records] == [
        ("Why do joint families break up as people move to cities? Discuss.", "CSS", 2020,
         "Sociology", 3, 20),
        ("Explain the idea of span of control with examples.", "PMS", 2019,
         "Public Administration", 5, 15)]


def test_marks_inside_a_question_labels_brackets_and_english_lit_as_a_paper(tmp_path):
    page = f"""pms 2018 english lit, Q6 — my go at it

question (15 marks): "Hardy's novels show people crushed by chance." Discuss.

{BODY}

{BODY}
"""
    answer = _one(tmp_path, "blog.txt", page)
    assert (answer.data["question"], answer.data["marks"], answer.data["paper"],
            answer.data["number"], answer.data["year"]) == (
        '"Hardy\'s novels show people crushed by chance." Discuss.', 15,
        "English Literature", 6, 2018)


def test_wingdings_bullets_of_a_word_save_and_colon_dash_headings(tmp_path):
    page = (f"SOCIOLOGY – PAPER II\r\n\r\nQuestion 2 — CSS-2017 — 20 marks\r\n"
            f"What is social stratification? Compare caste and class.\r\n \r\n"
            f"Outline\r\nØ\tIntroduction\r\nØ\tMeaning of stratification\r\n"
            f"§\tWeber's three orders\r\nØ\tCaste and class compared\r\n§\tOpen and closed\r\n"
            f"Ø\tConclusion\r\n \r\nIntroduction:-\r\n{BODY}\r\n \r\n"
            f"Meaning of Stratification:-\r\n{BODY}\r\n \r\n"
            f"Caste and Class Compared:-\r\n{BODY}\r\n \r\nConclusion:-\r\n{BODY}\r\n")
    answer = _one(tmp_path, "notes.txt", page)
    assert len(answer.data["outline"]) == 4
    assert _headings(answer) == ["Meaning of Stratification", "Caste and Class Compared"]


def test_split_marker_reads_wingdings_bullets():
    assert split_marker("Ø\tCauses")[:2] == ("bullet", "Ø")
    assert split_marker("§ Effects")[:2] == ("bullet", "§")


def test_dash_lines_under_a_capital_lettered_outline_fold_into_their_parent(tmp_path):
    page = f"""Q.No.2 Describe the features of the Treaty of Hudaybiyyah and its results. (20)

Outline
A. Introduction
B. Terms of the treaty
- Ten years of peace
- Return of fugitives
C. Results
D. Conclusion

Introduction
{BODY}

Conclusion
{BODY}
"""
    answer = _one(tmp_path, "chat.txt", page)
    assert answer.data["outline"][:2] == ["Introduction",
                                          "Terms of the treaty (Ten years of peace; "
                                          "Return of fugitives)"]
    assert len(answer.data["outline"]) == 4


def test_a_title_with_a_lead_in_over_counted_headings_is_not_a_point(tmp_path):
    page = f"""Q.3 Explain the main features of the Objectives Resolution. (20)

*Introduction*
{BODY}

*Main features*
Scholars list them in different ways, but five stand out.

*Feature 1 – Sovereignty of Allah*
{BODY}

*Feature 2 – Democracy and equality*
{BODY}

*Conclusion*
{BODY}
"""
    answer = _one(tmp_path, "wa.txt", page)
    assert _headings(answer) == ["Sovereignty of Allah", "Democracy and equality"]


def test_a_longer_title_with_a_lead_in_over_numbered_points_is_not_a_point(tmp_path):
    page = f"""Q.5 Why did the League of Nations fail to keep the peace? (20)

## Introduction
{BODY}

**How the League Lost Its Hold after 1931**

Three blows, one after another, broke the League's authority.

**1. The Manchurian Crisis**
{BODY}

**2. The Abyssinian War**
{BODY}

## Conclusion
{BODY}
"""
    answer = _one(tmp_path, "league.md", page)
    assert _headings(answer) == ["The Manchurian Crisis", "The Abyssinian War"]
    assert answer.data["points"][0]["body"].startswith("Three blows, one after another")


def test_a_bold_line_over_run_in_bold_paragraphs_titles_them(tmp_path):
    run_in = ("This paragraph gives the reason in full sentences with enough words "
              "to be read as the body of a point.")
    page = f"""Q.2 What did the Treaty of Westphalia settle, and what did it leave open? (20)

{BODY}

**What It Settled**

**Sovereignty of states:** {run_in}

**Religious peace:** {run_in}

**What It Left Open**

**Rivalry of France and Spain:** {run_in}

**The fate of the Empire:** {run_in}

In the final analysis, the treaty set rules that outlived the wars it ended, and a long one.
"""
    answer = _one(tmp_path, "westphalia.md", page)
    assert _headings(answer) == ["Sovereignty of states", "Religious peace",
                                 "Rivalry of France and Spain", "The fate of the Empire"]


def test_a_bare_caps_line_over_bullets_repeating_an_outline_line_is_a_point(tmp_path):
    page = f"""Q.No.4 Examine the causes and effects of inflation in Pakistan. (20)

OUTLINE
i) Introduction
ii) Causes of inflation
iii) Effects on households
iv) Conclusion

INTRODUCTION
{BODY}

CAUSES OF INFLATION
{BODY}

EFFECTS ON HOUSEHOLDS
• Savings lose their value month by month
• Wage earners cut spending on food and school fees

CONCLUSION
{BODY}
"""
    answer = _one(tmp_path, "post.txt", page)
    assert _headings(answer) == ["CAUSES OF INFLATION", "EFFECTS ON HOUSEHOLDS"]


def test_an_outline_at_a_glance_is_the_answers_outline(tmp_path):
    page = f"""<html><body><div class="content">
<p><strong>Q.7</strong> Discuss the role of the judiciary in a federation. (20)</p>
<p><strong>Outline at a glance</strong></p>
<ul><li>Introduction</li><li>Arbiter between the units</li><li>Guard of rights</li>
<li>Conclusion</li></ul>
<p><strong>Introduction —</strong> {BODY}</p>
<h3>Arbiter Between the Units</h3><p>{BODY}</p>
<h3>Guard of Rights</h3><p>{BODY}</p>
<p><strong>Conclusion —</strong> {BODY}</p>
</div></body></html>"""
    answer = _one(tmp_path, "mail.html", page)
    assert len(answer.data["outline"]) == 4
    assert _headings(answer) == ["Arbiter Between the Units", "Guard of Rights"]


def test_a_word_processors_count_and_an_email_footer_are_not_the_answer(tmp_path):
    page = f"""Q.1 Explain the functions of money. (20)

Introduction
{BODY}

Conclusion
{BODY}

Words: 655 (aim 700)

Not useful any more? You can update your preferences or unsubscribe here.
"""
    answer = _one(tmp_path, "draft.txt", page)
    assert "655" not in answer.yaml_text and "unsubscribe" not in answer.yaml_text
    assert answer.data["conclusion"] == BODY


def test_a_blogs_keep_reading_cut_ends_the_answer_unfinished(tmp_path):
    page = f"""ielts and css diaries

css 2021 english lit, Q4 — attempt

question (20 marks): Is Lear a tragic hero? Discuss.

intro
{BODY}

1. pride before the storm
{BODY} {BODY}

Keep reading

#css #english literature

older post: a sonnet a day
"""
    answer = _one(tmp_path, "tumblr.txt", page)
    assert answer.incomplete
    assert _headings(answer) == ["pride before the storm"]
    assert "older post" not in answer.yaml_text and "Keep reading" not in answer.yaml_text


def test_a_board_threads_answer_post_leaves_out_the_post_date_lines_and_the_next_writers_card(
        tmp_path):
    asked = ("Salam, can someone help with this one from the paper?<br>Q.5 Discuss the role "
             "of the Senate in a federation. (CSS 2019) (20)<br>Thanks in advance.")
    answer = ("<p><strong>Introduction</strong></p><p>The Senate speaks for the units of the "
              f"federation. {BODY}</p><p><strong>Equal Representation</strong></p><p>{BODY}</p>"
              f"<p><strong>A Revising Chamber</strong></p><p>{BODY}</p>"
              "<p><strong>Conclusion</strong></p><p>In short, the Senate keeps the federation "
              f"in balance. {BODY}</p>")
    page = f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>Senate question</title>
</head><body><div id="footerfix"><div id="header"><h1>Exam Aspirants Board</h1></div>
<h2 class="display_title">Senate question</h2><form action="#" method="post" id="quickModForm">
{_board_post("asker_01", "Newbie", "on:", asked)}
{_board_post("mentor_pk", "Moderator", "Reply #1 on:", answer)}
{_board_post("asker_01", "Newbie", "Reply #2 on:", "<p>Thank you sir, this really helps.</p>")}
</form></div></body></html>"""
    (record,) = import_file(_write(tmp_path, "senate.html", page))
    assert record.data["question"] == "Discuss the role of the Senate in a federation."
    assert (record.data["year"], record.data["number"], record.data["marks"]) == (2019, 5, 20)
    assert _headings(record) == ["Equal Representation", "A Revising Chamber"]
    assert record.data["introduction"].startswith("The Senate speaks for the units")
    assert record.data["conclusion"].endswith("with a full stop.")
    assert "Reply #" not in record.yaml_text and "Newbie" not in record.yaml_text


def test_a_grid_copied_as_tab_separated_rows_reads_as_the_saved_grid_does(tmp_path):
    page = ("Ethics in public life: questions by area\n\n"
            "Area\tPMS 2021\tPMS 2022\n"
            "Integrity\tWhy does petty corruption survive every campaign against it?\t—\n"
            "Accountability\tIs an ombudsman enough to check the abuse of power?\t"
            "How can citizens hold district officers to account?\n"
            "\nSource: my own notes from the papers.\n")
    records = import_file(_write(tmp_path, "grid.txt", page))
    assert [(r.data["question"], r.data["exam"], r.data["year"], r.data["topics"][0])
            for r in records] == [
        ("Why does petty corruption survive every campaign against it?", "PMS", 2021,
         "Integrity"),
        ("Is an ombudsman enough to check the abuse of power?", "PMS", 2021, "Accountability"),
        ("How can citizens hold district officers to account?", "PMS", 2022, "Accountability")]


def test_a_grid_cell_holding_two_numbered_questions_lists_each(tmp_path):
    page = """<html><head><title>Islamic History questions grid</title></head><body><main>
<h1>Islamic History questions grid</h1>
<table><tr><th></th><th>CSS 2020</th><th>CSS 2021</th></tr>
<tr><td>The Umayyads</td><td>Q.2 Why did the Umayyad caliphate fall in 750 AD?<br>Q.6 Assess the
reign of Umar bin Abdul Aziz as a reformer.</td><td>—</td></tr>
<tr><td>The Abbasids</td><td>—</td><td>Q.3 Describe the work of the House of Wisdom at Baghdad.
</td></tr></table></main></body></html>"""
    records = import_file(_write(tmp_path, "grid.html", page))
    assert [(r.data["question"], r.data["year"], r.data["topics"][0]) for r in records] == [
        ("Why did the Umayyad caliphate fall in 750 AD?", 2020, "The Umayyads"),
        ("Assess the reign of Umar bin Abdul Aziz as a reformer.", 2020, "The Umayyads"),
        ("Describe the work of the House of Wisdom at Baghdad.", 2021, "The Abbasids")]


def test_an_emoji_before_the_question_marker_and_a_commissions_sitting_header(tmp_path):
    page = f"""CSS Current Affairs Daily
Saved Messages
SPSC CCE-2020 | Sociology Paper-II
❓Q.3 — Why do rural families in Sindh move to Karachi? Discuss. [20]

{BODY}

{BODY}
"""
    answer = _one(tmp_path, "channel.txt", page)
    assert (answer.data["question"], answer.data["number"], answer.data["marks"],
            answer.data["exam"], answer.data["paper"], answer.data["year"]) == (
        "Why do rural families in Sindh move to Karachi? Discuss.", 3, 20, "PMS",
        "Sociology", 2020)


def test_an_answer_sent_as_two_posts_is_read_whole(tmp_path):
    page = f"""Political Science Circle 📘
Part 2/2 ▪️ LOCKE AND LIMITED GOVERNMENT…
Part 1/2
SPSC CCE-2019 | Political Science
Q.2 — Compare the social contract of Hobbes with that of Locke. [20]

📍Introduction
{BODY}

▪️ HOBBES AND THE LEVIATHAN
{BODY}

Part 2 below 👇
1.9K
Sir Kamran
edited 20:15
Part 2/2

▪️ LOCKE AND LIMITED GOVERNMENT
{BODY}

📍Conclusion
{BODY}

📌 Next: Rousseau's general will
1.1K
"""
    answer = _one(tmp_path, "posts.txt", page)
    assert _headings(answer) == ["HOBBES AND THE LEVIATHAN", "LOCKE AND LIMITED GOVERNMENT"]
    assert answer.data.get("part") is None
    assert answer.data["conclusion"] == BODY
    for junk in ("Part 2", "1.9K", "edited 20:15", "Rousseau"):
        assert junk not in answer.yaml_text


def test_a_plan_headlined_page_copied_as_text_is_a_guide(tmp_path):
    advice = ("Each morning you should write one answer against the clock, and then you "
              "compare it with your notes so that you see where your time went.")
    page = f"""Open in app
Sign in

A Six-Week Revision Plan for CSS Islamiat
Notes from my own second attempt, for anyone starting late
Follow

Introduction
{advice}

Week 1: Outlines
{advice} {advice}

Week 2: Timed answers
{advice} For practice take "Explain the concept of Tawheed." (CSS 2018) (20)

Conclusion
{advice}

My outline sheets are on my page for Rs. 500.
"""
    with pytest.raises(NoAnswerOnPage, match="study guide"):
        import_file(_write(tmp_path, "medium.txt", page))


def test_a_grid_of_years_by_exams_takes_each_cells_exam_from_its_column(tmp_path):
    page = """# Local government: the same area in two exams

| Year | CSS | PMS Punjab |
| --- | --- | --- |
| 2019 | Why have elected local councils never lasted in Pakistan? | — |
| 2020 | — | Compare the local government laws of 2013 and 2019. |
| 2021 | Can devolution work without fiscal powers? | Discuss the role of union councils. |
"""
    records = import_file(_write(tmp_path, "grid.md", page))
    assert [(r.data["question"], r.data["exam"], r.data["year"]) for r in records] == [
        ("Why have elected local councils never lasted in Pakistan?", "CSS", 2019),
        ("Can devolution work without fiscal powers?", "CSS", 2021),
        ("Compare the local government laws of 2013 and 2019.", "PMS", 2020),
        ("Discuss the role of union councils.", "PMS", 2021)]


def test_a_short_notes_items_marks_for_each_part_are_no_part_of_the_question(tmp_path):
    page = """CSS 2021 Gender Studies paper, Part-II, questions only

Q.2 Discuss the main waves of the feminist movement in the West. (20)
Q.3 Why is the female labour force participation rate so low in Pakistan? (20)
Q.4 Write short notes on any TWO: (a) Glass ceiling (b) Honour killing (c) Dowry (10 each)
Q.5 Evaluate the laws passed to protect women at the workplace since 2010. (20)
"""
    records = import_file(_write(tmp_path, "paper.txt", page))
    assert [r.data["question"] for r in records] == [
        "Discuss the main waves of the feminist movement in the West.",
        "Why is the female labour force participation rate so low in Pakistan?",
        "Write short notes on any TWO: (a) Glass ceiling (b) Honour killing (c) Dowry",
        "Evaluate the laws passed to protect women at the workplace since 2010."]
    assert all(r.data["year"] == 2021 and r.data["paper"] == "Gender Studies" for r in records)


def _invision_post(number: int, author: str, content: str, signature: str = "") -> str:
    sign = (f'<div data-role="memberSignature" class="ipsBorder_top"><p>{signature}</p></div>'
            if signature else "")
    return f"""<article id="elComment_{number}" class="cPost ipsBox ipsComment ipsClearfix">
<aside class="ipsComment_author cAuthorPane"><h3><strong><a href="#">{author}</a></strong></h3>
<ul class="cAuthorPane_info"><li>Members</li><li>9 posts</li></ul></aside>
<div class="ipsColumn"><div id="comment-{number}_wrap" class="ipsComment_content">
<div class="ipsComment_meta"><div>Posted <time>March 4</time></div></div>
<div class="cPost_contentWrap"><div data-role="commentContent" class="ipsType_richText">
{content}</div></div>{sign}</div></div></article>"""


@pytest.mark.parametrize("title", ["Public Administration 2019 Q4 – New Public Management "
                                   "(need help)",
                                   "New Public Management – please help"])
def test_an_invision_thread_reads_the_question_from_the_first_post_and_the_answer_post(
        tmp_path, title):
    asking = ("<p>Salam all. I cannot crack Q4 of the CSS 2019 Public Administration paper:</p>"
              "<blockquote><p><em>Explain the main features of New Public Management and "
              "its critics.</em></p></blockquote><p>It carried 20 marks. Please guide me "
              "on how to begin it properly.</p>")
    answering = (f"<p>Here is a short way to set it out.</p>"
                 f"<p><strong>Outline:</strong> Introduction – Market ideas – Managers free "
                 f"to manage – Criticism – Conclusion</p>"
                 f"<p><strong>Introduction</strong></p><p>{BODY}</p>"
                 f"<p><strong>Market ideas</strong></p><p>{BODY}</p>"
                 f"<p><strong>Criticism</strong></p><p>{BODY}</p>"
                 f"<p><strong>Conclusion</strong></p><p>{BODY}</p>")
    page = f"""<!DOCTYPE html><html><head><meta charset="utf-8">
<title>{title} - Exam Forum</title>
</head><body><nav><a href="#">Forums</a></nav>
<div class="cTopic"><h1>{title}</h1>
<div data-role="commentFeed">
{_invision_post(1, "Aqsa", asking)}
{_invision_post(2, "Mentor Sahib", answering, "Retired civil servant | Paid checking on request")}
</div></div>
<div class="cTopicPostArea"><h2>Create an account or sign in to comment</h2></div>
</body></html>"""
    answer = _one(tmp_path, "thread.html", page)
    assert (answer.data["question"], answer.data["number"], answer.data["marks"],
            answer.data["year"], answer.data["paper"]) == (
        "Explain the main features of New Public Management and its critics.", 4, 20, 2019,
        "Public Administration")
    assert answer.data["outline"] == ["Introduction", "Market ideas",
                                      "Managers free to manage", "Criticism", "Conclusion"]
    assert _headings(answer) == ["Market ideas", "Criticism"]
    assert answer.data["conclusion"] == BODY and not answer.incomplete
    assert "Paid checking" not in answer.yaml_text and "Posted" not in answer.yaml_text


def test_a_threads_question_line_with_its_words_beats_a_title_naming_only_the_number():
    from studypack.content.importing.blocks import Block
    from studypack.content.importing.forum import answer_post

    blocks = tuple(Block(kind, text) for kind, text in [
        ("heading", "Economics 2018 Q3 – inflation targeting (need help)"),
        ("paragraph", "Posted March 4"),
        ("paragraph", "I am stuck on this one from the CSS 2018 Economics paper:"),
        ("paragraph", "Explain inflation targeting and judge whether it suits Pakistan."),
        ("paragraph", "It carried 20 marks. Any help is welcome."),
        ("paragraph", "Posted March 5"),
        ("paragraph", BODY + " " + BODY + " " + BODY + " " + BODY),
    ])
    texts = [b.text for b in answer_post(blocks)]
    assert texts[-2] == ("Q. Explain inflation targeting and judge whether it suits Pakistan. "
                         "(CSS 2018) (20 marks)")
    assert "Posted March 5" not in texts


def test_a_time_note_and_a_documents_footnote_and_comment_after_the_answer_are_dropped(
        tmp_path):
    page = f"""Q.6 Discuss the causes of urban flooding in Karachi. (20)

Introduction
{BODY}

Conclusion
{BODY}

Time spent: 41 minutes. Redo the outline before Sunday.

[1]Confirm the rainfall figure for August 2020.

[b]Miss Sana: Fine. Name one nullah that was cleared.
"""
    answer = _one(tmp_path, "doc.txt", page)
    assert answer.data["conclusion"] == BODY
    for note in ("41 minutes", "rainfall figure", "Miss Sana"):
        assert note not in answer.yaml_text



def _wrapped(topic: str) -> str:
    """A paragraph on ``topic`` hard-wrapped as a PDF's copy gives it."""
    return (f"The paragraph on {topic} runs on over several hard-wrapped lines of a\n"
            f"copied PDF about {topic}, each close to the width of the page, so that\n"
            f"the reader joins them into one paragraph again, as set about {topic}.")


def test_a_pdf_copys_title_block_running_heads_and_page_breaks(tmp_path):
    head = "Noor Academy Quetta | Economics | Solved Answers"
    foot = "For enrolled students only. Do not forward."
    page = f"""NOOR ACADEMY QUETTA
Subject: Economics (Paper II) Exam: BPSC PMS 2021
Question: 05 Marks: 20
Compiled by: Professor Zaman Khan Kakar (M.Phil Economics, UoB Quetta)
Why has Pakistan failed to raise its tax-to-GDP ratio? Suggest measures to
raise it.
OUTLINE
1. Introduction
2. Narrow base
3. Conclusion
1. Introduction
{_wrapped("revenue")}
{head} Page 1 of 3
{foot}

{head}
2. Narrow Base
{_wrapped("the base")} Only a small share of earners files a return,
and the traders of the big markets
{head} Page 2 of 3
{foot}

{head}
pay far less than salaried people do on the same income, which the
answer sets out with the figures of the last survey and one basic
question: who should pay more?
3. Conclusion
{_wrapped("reform")}
{head} Page 3 of 3
{foot}
"""
    answer = _one(tmp_path, "handout.txt", page)
    assert (answer.data["question"], answer.data["number"], answer.data["marks"]) == (
        "Why has Pakistan failed to raise its tax-to-GDP ratio? Suggest measures to raise it.",
        5, 20)
    assert _headings(answer) == ["Narrow Base"]
    body = answer.data["points"][0]["body"]
    assert "the traders of the big markets pay far less than salaried people" in body
    assert "one basic question: who should pay more?" in body
    assert "Noor Academy" not in answer.yaml_text


def test_a_numbered_title_over_decimal_points_is_not_a_point(tmp_path):
    page = f"""Q.4 Explain the main kinds of market structure. (20)

1. Introduction
{BODY}

2. Meaning of Market Structure
{BODY}

3. Kinds of Market Structure
Economists sort markets by how many firms sell and how alike their goods are.

3.1 Perfect Competition
{BODY}

3.2 Monopoly
{BODY}

4. Conclusion
{BODY}
"""
    answer = _one(tmp_path, "handout.txt", page)
    assert _headings(answer) == ["Meaning of Market Structure", "Perfect Competition",
                                 "Monopoly"]
    assert answer.data["points"][1]["body"].startswith("Economists sort markets")


# held-out-19: question lists in a page's own tag code, with source lines and chapter times


def test_a_key_line_teaches_the_pages_own_tag_code(tmp_path):
    page = """Economics Corner
2h ·

ECONOMICS: questions by topic (CSS and PMS)

Code used below: F = CSS (FPSC), B = PMS Balochistan (BPSC), N = PMS Sindh. The number \
after the letter is the year.

➤ Money and Banking
a. Why do central banks raise interest rates to fight inflation? Discuss. [F19]
b. Explain the functions of a commercial bank in a developing economy. [B21]

➤ Public Finance
a. What makes a tax system progressive? Give examples from Pakistan. [N2018]
b. Discuss the causes of the circular debt in the power sector. [F22]

Drop a 👍 if this helped.
"""
    records = import_file(_write(tmp_path, "post.txt", page))
    assert _fields(records) == [
        ("Why do central banks raise interest rates to fight inflation? Discuss.", "CSS", 2019,
         "Economics", "Money and Banking"),
        ("Explain the functions of a commercial bank in a developing economy.", "PMS", 2021,
         "Economics", "Money and Banking"),
        ("What makes a tax system progressive? Give examples from Pakistan.", "PMS", 2018,
         "Economics", "Public Finance"),
        ("Discuss the causes of the circular debt in the power sector.", "CSS", 2022,
         "Economics", "Public Finance")]


def test_a_source_line_under_each_question_gives_its_sitting_and_the_papers_number(tmp_path):
    page = """Sociology Drill, [03.03.2025 20:10]
Tonight's drill: four sociology questions, attempt one in 35 minutes.

Sociology Drill, [03.03.2025 20:11]
Q1) Why do joint families break up when people move to big cities?
→ CSS 2017 · Q4 · 20 marks

Q2) Explain the role of the school in passing culture from one generation to the next.
→ PMS Punjab 2019 · Q.6 · 20 marks

Q3) Discuss the link between poverty and crime in urban slums.
→ SPSC 2021 · Q2

Q4) What is social stratification? How does caste shape it in rural areas?
→ CSS 2023 · Q7 · 10 marks

Sociology Drill, [03.03.2025 21:00]
Post your attempts in the group.
"""
    records = import_file(_write(tmp_path, "drill.txt", page))
    assert [(r.data["question"], r.data["exam"], r.data["year"], r.data.get("number"))
            for r in records] == [
        ("Why do joint families break up when people move to big cities?", "CSS", 2017, 4),
        ("Explain the role of the school in passing culture from one generation to the next.",
         "PMS", 2019, 6),
        ("Discuss the link between poverty and crime in urban slums.", "PMS", 2021, 2),
        ("What is social stratification? How does caste shape it in rural areas?", "CSS",
         2023, 7)]


def test_a_chapter_time_before_each_listed_question_is_its_marker(tmp_path):
    page = """Skip navigation
Pakistan Affairs for CSS and PMS: six questions to master
Civil Prep Lectures
12K subscribers
Subscribe
In this class we go through six questions from past papers.

CHAPTERS
00:00 Welcome
══ IDEOLOGY (FOUNDATIONS) ══
02:10 Q1 Explain the role of Allama Iqbal in shaping the idea of Pakistan. [CSS 2016]
09:45 Q2 What did the Lahore Resolution demand? Discuss its significance. [PPSC 2019]
16:30 Q3 Discuss the two-nation theory in the light of Quaid's speeches. [CSS 2021]
══ ECONOMY ══
24:05 Q4 Why has Pakistan's tax-to-GDP ratio stayed low? Suggest reforms. [KPPSC 2020]
31:40 Q5 Evaluate the role of remittances in Pakistan's economy. [CSS 2022]
1:02:15 Q6 How can Pakistan reduce its circular debt? Discuss. [BPSC 2023]
1:09:00 Closing remarks

Show less
"""
    records = import_file(_write(tmp_path, "video.txt", page))
    assert [(q, exam, year, topic) for q, exam, year, _, topic in _fields(records)] == [
        ("Explain the role of Allama Iqbal in shaping the idea of Pakistan.", "CSS", 2016,
         "Ideology (Foundations)"),
        ("What did the Lahore Resolution demand? Discuss its significance.", "PMS", 2019,
         "Ideology (Foundations)"),
        ("Discuss the two-nation theory in the light of Quaid's speeches.", "CSS", 2021,
         "Ideology (Foundations)"),
        ("Why has Pakistan's tax-to-GDP ratio stayed low? Suggest reforms.", "PMS", 2020,
         "Economy"),
        ("Evaluate the role of remittances in Pakistan's economy.", "CSS", 2022, "Economy"),
        ("How can Pakistan reduce its circular debt? Discuss.", "PMS", 2023, "Economy")]
    assert {r.data["paper"] for r in records} == {"Pakistan Affairs"}


def test_a_polls_vote_count_between_list_messages_heads_no_topic(tmp_path):
    page = """Botany Notes, [05.04.2025 19:00]
Revision set (1/2)
1. Explain the process of photosynthesis in C4 plants. (CSS 2016)
2. Discuss the role of mycorrhiza in plant nutrition. (CSS 2018)

Botany Notes, [05.04.2025 19:05]
Poll: Should we post a set on genetics?
— Yes please
— Later
96 votes

Botany Notes, [05.04.2025 19:10]
Revision set (2/2)
3. What is transpiration? Describe the factors that affect it. (CSS 2020)
4. Describe the structure of a dicot root. (CSS 2021)
"""
    records = import_file(_write(tmp_path, "set.txt", page))
    assert [(r.data["question"], r.data["year"], r.data["topics"]) for r in records] == [
        ("Explain the process of photosynthesis in C4 plants.", 2016, ["Unsorted"]),
        ("Discuss the role of mycorrhiza in plant nutrition.", 2018, ["Unsorted"]),
        ("What is transpiration? Describe the factors that affect it.", 2020, ["Unsorted"]),
        ("Describe the structure of a dicot root.", 2021, ["Unsorted"])]


# held-out-19: how answer pages mark their heads, labels and sittings.

LONG = ("This paragraph gives the point its reasons and one example from the country, and it "
        "runs long enough to be read as the body under a heading rather than as a heading. A "
        "second sentence adds the figures a careful student would quote in the exam hall.")


def _answer_text(marker: str, middle: str, *, above: str = "", outline: str = "") -> str:
    return f"""{above}
{marker} Explain why the canal system of Punjab loses so much water. Suggest reforms. (20)

{outline}Introduction
{LONG}

{middle}

Conclusion
Canal losses are a problem of upkeep and of pricing, and both can be fixed.
"""


def test_a_question_number_spelled_out_is_the_question_line(tmp_path):
    answer = _one(tmp_path, "a.txt", _answer_text(
        "Question Seven:", f"Seepage from unlined channels\n{LONG}"))
    assert (answer.data["number"], answer.data["marks"]) == (7, 20)
    assert answer.data["question"] == ("Explain why the canal system of Punjab loses so much "
                                       "water. Suggest reforms.")


def test_a_skeleton_label_heads_the_outline(tmp_path):
    outline = ("Skeleton:\n- Intro\n- Seepage from unlined channels\n- Theft at the outlets\n"
               "- Conclusion\n\n")
    answer = _one(tmp_path, "a.txt", _answer_text(
        "Q.3", f"Seepage from unlined channels\n{LONG}\n\nTheft at the outlets\n{LONG}",
        outline=outline))
    assert answer.data["outline"] == ["Intro", "Seepage from unlined channels",
                                      "Theft at the outlets", "Conclusion"]
    assert _headings(answer) == ["Seepage from unlined channels", "Theft at the outlets"]


def test_an_opening_head_labels_the_introduction(tmp_path):
    page = f"""Q.3 Explain why the canal system of Punjab loses so much water. (20)

Opening
The canals of Punjab were dug for a smaller population and a wetter climate.

Seepage from unlined channels
{LONG}

Conclusion
Canal losses are a problem of upkeep and of pricing, and both can be fixed.
"""
    answer = _one(tmp_path, "a.txt", page)
    assert answer.data["introduction"].startswith("The canals of Punjab were dug")
    assert _headings(answer) == ["Seepage from unlined channels"]


@pytest.mark.parametrize("heads", [
    ["(a) Seepage from unlined channels", "(b) Theft at the outlets"],
    ["🔻 Seepage from unlined channels", "🔻 Theft at the outlets"],
])
def test_a_title_with_a_lead_in_over_marked_heads_is_no_point(tmp_path, heads):
    middle = (f"Silting of the main canals\n{LONG}\n\nWhere the water goes\n"
              "Two leaks explain most of the loss between the headworks and the farm.\n\n"
              f"{heads[0]}\n{LONG}\n\n{heads[1]}\n{LONG}")
    answer = _one(tmp_path, "a.txt", _answer_text("Q.3", middle))
    assert _headings(answer) == ["Silting of the main canals", "Seepage from unlined channels",
                                 "Theft at the outlets"]
    # The lead-in opens the first point under the title; nothing is lost.
    assert "Two leaks explain most" in answer.yaml_text


def test_a_title_with_a_lead_in_over_run_in_heads_is_no_point(tmp_path):
    middle = (f"Seepage from unlined channels: {LONG}\n\nTheft at the outlets: {LONG}\n\n"
              "How the Reforms Can Work\n"
              "Three changes would pay for themselves within a decade, and each has been tried "
              "somewhere in the province already.\n\n"
              f"Lining the channels: {LONG}\n\nMetering the outlets: {LONG}")
    answer = _one(tmp_path, "a.txt", _answer_text("Q.3", middle))
    assert _headings(answer) == ["Seepage from unlined channels", "Theft at the outlets",
                                 "Lining the channels", "Metering the outlets"]
    assert "Three changes would pay" in answer.yaml_text


def test_a_title_with_a_two_sentence_lead_in_over_numbered_heads_is_no_point(tmp_path):
    middle = ("Where the water goes\n"
              "The loss does not happen at one place along the way. It is spread over the "
              "whole length of the system, from the headworks down to the last watercourse "
              "that feeds a farm.\n\n"
              f"i. Seepage from unlined channels\n{LONG}\n\nii. Theft at the outlets\n{LONG}")
    answer = _one(tmp_path, "a.txt", _answer_text("Q.3", middle))
    assert _headings(answer) == ["Seepage from unlined channels", "Theft at the outlets"]


def test_bold_run_in_heads_outnumbering_bold_lines_are_the_points(tmp_path):
    body = f"""<html><head><title>Canals answer</title></head><body><article>
<p><b>Q.3 Explain why the canal system of Punjab loses so much water. (20)</b></p>
<p>{LONG}</p>
<p><b>Seepage:</b> {LONG}</p>
<p><b>Theft at the outlets:</b> {LONG}</p>
<p><b>Silting:</b> {LONG}</p>
<p><b>What Can Be Done</b></p>
<p>Two reforms stand out among the many that have been proposed.</p>
<p><b>Lining the channels:</b> {LONG}</p>
<p><b>Metering the outlets:</b> {LONG}</p>
<p>All said, the canals can carry far more water to farms than they do now.</p>
</article></body></html>"""
    answer = _one(tmp_path, "a.html", body)
    assert _headings(answer) == ["Seepage", "Theft at the outlets", "Silting",
                                 "Lining the channels", "Metering the outlets"]
    assert answer.data["conclusion"].startswith("All said, the canals")


def test_a_clipped_email_is_cut_off_and_its_footer_left_out(tmp_path):
    page = _answer_text("Q.3", f"Seepage from unlined channels\n{LONG}").replace(
        "Conclusion\nCanal losses are a problem of upkeep and of pricing, and both can be "
        "fixed.\n", "Theft at the outlets\nLarge farmers widen their outlets at night and the "
        "tail of the channel\n\n[Message clipped]  View entire message\n\nReply\nForward\n"
        "Last account activity: 3 minutes ago\n")
    answer = _one(tmp_path, "a.txt", page)
    assert answer.incomplete
    assert _headings(answer) == ["Seepage from unlined channels", "Theft at the outlets"]
    assert "View entire message" not in answer.yaml_text
    assert "account activity" not in answer.yaml_text


def test_a_tags_line_after_the_answer_ends_it(tmp_path):
    page = _answer_text("Q.3", f"Seepage from unlined channels\n{LONG}\n\nTheft at the "
                        f"outlets\n{LONG}") + (
        "\nTags: Canals Punjab Water\nShare:\nFacebook\nAli Raza\n"
        "Teaches geography to CSS candidates in Multan since 2015.\n")
    answer = _one(tmp_path, "a.txt", page)
    assert answer.data["conclusion"].strip() == ("Canal losses are a problem of upkeep and of "
                                                 "pricing, and both can be fixed.")
    assert "Teaches geography" not in answer.yaml_text


def test_a_box_of_post_tags_is_left_out():
    from lxml import html

    from studypack.content.importing.html_prepare import drop_tag_boxes

    tree = html.fromstring(
        '<article><div class="entry"><p>Canal losses are a problem of upkeep.</p></div>'
        '<div class="entry-tags"><a href="/t/1" rel="tag">Canal Reform</a> '
        '<a href="/t/2" rel="tag">Irrigation Notes</a></div>'
        '<p>See also <a href="/t/3" rel="tag">Water</a> and <a href="/t/4" rel="tag">Dams</a>'
        ' for more.</p></article>')
    drop_tag_boxes(tree)
    assert " ".join(" ".join(tree.itertext()).split()) == (
        "Canal losses are a problem of upkeep. See also Water and Dams for more.")


def test_bracketed_notes_to_self_are_left_out_of_a_paragraph(tmp_path):
    page = _answer_text("Q.3", f"Seepage from unlined channels\n{LONG} [check: the canal's "
                        f"length in km] It is worst in sandy soil. [todo: add one figure]")
    answer = _one(tmp_path, "a.txt", page)
    assert "[check" not in answer.yaml_text and "[todo" not in answer.yaml_text
    assert "It is worst in sandy soil." in answer.yaml_text


def test_an_offer_to_check_the_readers_attempt_is_not_the_answer(tmp_path):
    page = _answer_text("Q.3", f"Seepage from unlined channels\n{LONG}\n\nWant your own "
                        "attempt checked? Send a clear photo of your answer to our number.\n\n"
                        f"Theft at the outlets\n{LONG}")
    answer = _one(tmp_path, "a.txt", page)
    assert "Send a clear photo" not in answer.yaml_text
    assert _headings(answer) == ["Seepage from unlined channels", "Theft at the outlets"]


def test_an_outline_on_one_line_keeps_a_parts_bracketed_sub_list_in_it(tmp_path):
    outline = ("Outline: Introduction → Causes of loss (seepage, theft, silting and old "
               "gates) → Reforms → Conclusion\n\n")
    answer = _one(tmp_path, "a.txt", _answer_text(
        "Q.3", f"Seepage from unlined channels\n{LONG}", outline=outline))
    assert answer.data["outline"] == [
        "Introduction", "Causes of loss (seepage, theft, silting and old gates)", "Reforms",
        "Conclusion"]


def test_a_news_line_opening_on_a_commission_names_no_sitting(tmp_path):
    above = ("Latest:\nPPSC announces interview dates for PMS 2025\nHome\n"
             "SPSC CCE 2021 Geography Q3 Solved: Canal Losses\n")
    answer = _one(tmp_path, "a.txt", _answer_text(
        "Q.3", f"Seepage from unlined channels\n{LONG}", above=above))
    assert (answer.data["exam"], answer.data["year"], answer.data["paper"]) == (
        "PMS", 2021, "Geography")


def test_a_sitting_named_in_a_sentence_above_the_question_gives_its_year(tmp_path):
    above = ("Dear students,\n\nThis answer is from the Town Planning paper of CSS 2022, which "
             "many of you found hard. Read it twice and then write your own.\n")
    answer = _one(tmp_path, "a.txt", _answer_text(
        "Q.3", f"Seepage from unlined channels\n{LONG}", above=above))
    assert (answer.data["exam"], answer.data["year"], answer.data["paper"]) == (
        "CSS", 2022, "Town Planning and Urban Management")


def test_a_space_lost_after_a_bold_run_in_head_is_put_back():
    from lxml import etree

    from studypack.content.importing.markup import walk

    root = etree.fromstring('<main><p><hi rend="#b">Seepage:</hi>Water soaks into the sand '
                            'of the channel bed.</p><p><hi rend="#b">canal</hi>s run dry.</p>'
                            '</main>')
    assert [b.text for b in walk(root)] == [
        "**Seepage:** Water soaks into the sand of the channel bed.", "**canal**s run dry."]


def test_an_all_said_paragraph_after_a_way_forward_is_the_conclusion(tmp_path):
    page = _answer_text("Q.3", f"Seepage from unlined channels\n{LONG}\n\nWay forward\n"
                        "- Line the main channels first\n- Meter every outlet").replace(
        "Conclusion\nCanal losses", "All said, canal losses")
    answer = _one(tmp_path, "a.txt", page)
    assert answer.data["conclusion"].startswith("All said, canal losses are a problem")
    assert [s["heading"] for s in answer.data["sections"]] == ["Way forward"]


def test_a_closing_all_said_paragraph_is_no_readers_comment(tmp_path):
    page = _answer_text("Q.3", f"Seepage from unlined channels\n{LONG}").replace(
        "Conclusion\nCanal losses", "All said, canal losses")
    answer = _one(tmp_path, "a.txt", page)
    assert answer.data["conclusion"].startswith("All said, canal losses are a problem")


def test_a_next_handout_line_numbered_in_brackets_is_no_second_question(tmp_path):
    page = _answer_text("Q.3", f"Seepage from unlined channels\n{LONG}") + (
        "\nNext handout (No. 8): Indus Waters Treaty — CSS 2020 Q6\n")
    records = import_file(_write(tmp_path, "a.txt", page))
    assert [r.data["number"] for r in records] == [3]


def _docs_page(comment: bool) -> str:
    mark = '<sup><a href="#cmnt1" id="cmnt_ref1">[a]</a></sup>' if comment else ""
    note = ('<div class="c9"><p class="c2"><a href="#cmnt_ref1" id="cmnt1">[a]</a><span>Give '
            'one figure for the Sukkur barrage here. – Saima</span></p></div>') if comment else ""
    return f"""<html><head><meta content="text/html; charset=UTF-8" http-equiv="content-type">
</head><body class="c5 doc-content"><p class="c1 title"><span>Geography – CSS 2021</span></p>
<table class="c4"><tr><td><p><span>Q. No.</span></p></td><td><p><span>6</span></p></td></tr>
<tr><td><p><span>Question</span></p></td><td><p><span>Explain why the canal system of Punjab
loses so much water.</span></p></td></tr>
<tr><td><p><span>Marks</span></p></td><td><p><span>20</span></p></td></tr></table>
<h2><span>Introduction</span></h2><p><span>{LONG}</span>{mark}</p>
<h2><span>Seepage from unlined channels</span></h2><p><span>{LONG}</span></p>
<h2><span>Conclusion</span></h2><p><span>Canal losses are a problem of upkeep.</span></p>
{note}</body></html>"""


def test_a_question_box_set_as_a_docs_table_is_the_question_line(tmp_path):
    answer = _one(tmp_path, "a.html", _docs_page(comment=False))
    assert (answer.data["number"], answer.data["marks"], answer.data["year"]) == (6, 20, 2021)
    assert answer.data["question"] == ("Explain why the canal system of Punjab loses so much "
                                       "water.")


def test_a_docs_comment_and_its_mark_are_left_out(tmp_path):
    answer = _one(tmp_path, "a.html", _docs_page(comment=True))
    assert "Sukkur" not in answer.yaml_text and "[a]" not in answer.yaml_text
    assert not answer.incomplete
    assert answer.data["conclusion"].strip() == "Canal losses are a problem of upkeep."


def test_suggestions_for_someone_after_the_points_is_a_section(tmp_path):
    page = _answer_text("Q.3", f"Seepage from unlined channels\n{LONG}\n\nSuggestions for "
                        "Farmers\n- Level the fields before sowing\n- Share the watercourse "
                        "repairs")
    answer = _one(tmp_path, "a.txt", page)
    assert _headings(answer) == ["Seepage from unlined channels"]
    assert [s["heading"] for s in answer.data["sections"]] == ["Suggestions for Farmers"]


def test_a_posts_words_alone_in_a_box_or_after_its_quote_box_are_kept():
    from lxml import html

    from studypack.content.importing.markup import walk

    thread = html.fromstring(
        '<div id="thread">'
        '<div class="post"><div class="body">Is the Indus Waters Treaty still workable after '
        'the 2023 notice?</div></div>'
        '<div class="post"><div class="body"><blockquote class="quote">still workable after '
        'the notice?</blockquote>Yes, if both sides go back to the neutral expert.</div></div>'
        '<div class="post"><div class="body">Thank you, that settles my outline.</div></div>'
        '<a class="float-button" href="https://wa.me/1">Message the tutor</a></div>')
    texts = [b.text for b in walk(thread)]
    assert texts == ["Is the Indus Waters Treaty still workable after the 2023 notice?",
                     "still workable after the notice?",
                     "Yes, if both sides go back to the neutral expert.",
                     "Thank you, that settles my outline."]


def test_a_narrow_side_column_of_the_layout_is_left_out_of_the_pages_own_reading():
    from studypack.content.importing.html_own_reading import own_reading

    answer = " ".join([BODY] * 4)
    page = (f'<html><body><div class="row"><div class="col-md-9"><h1>Canal losses</h1>'
            f'<p>{answer}</p><p>{answer}</p></div>'
            '<div class="col-md-3"><h4>Our toppers</h4>'
            '<p>Nine of our students passed in 2024.</p></div></div>'
            '<div class="row"><div class="col-sm-6"><p>Left half of a two-column table of '
            'contents.</p></div><div class="col-sm-6"><p>Right half of it.</p></div></div>'
            '</body></html>')
    texts = [b.text for b in own_reading(page)]
    assert "Our toppers" not in texts and "Nine of our students passed in 2024." not in texts
    assert texts[0] == "Canal losses" and "Right half of it." in texts


def _mybb_post(number: int, author: str, rank: str, body: str, signature: str = "") -> str:
    sign = (f'<div class="signature scaleimages"><hr size="1" width="25%" />{signature}</div>'
            if signature else "")
    return f"""<div class="post classic" id="post_{number}">
<div class="post_author"><div class="author_information"><strong><span class="largetext">
<a href="#">{author}</a></span></strong><br /><span class="smalltext">{rank}</span></div>
<div class="author_statistics">Posts: 41<br />Joined: Feb 2022</div></div>
<div class="post_content"><div class="post_head"><div class="float_right"><strong>
<a href="#pid{number}">#{number}</a></strong></div><span class="post_date">05-06-2024,
09:{10 + number} PM</span></div>
<div class="post_body scaleimages" id="pid_{number}">{body}</div>{sign}</div>
<div class="post_controls"><a class="postbit_quote"><span>Reply</span></a></div></div>"""


def _bold(text: str) -> str:
    return f'<span style="font-weight: bold;" class="mycode_b">{text}</span>'


def test_a_mybb_thread_joins_the_first_posts_question_to_the_answering_post(tmp_path):
    asking = ("Salam everyone.<br />\n<br />\nIt was Q.5 in the PMS Punjab 2021 Sociology "
              "paper and it carried 20 marks. I only listed the functions. How should it be "
              "set out?<br />\n<blockquote class=\"mycode_quote\"><cite>Quote:</cite>Explain "
              "how the joint family is changing in urban Pakistan and what drives the change."
              "</blockquote>\nThank you in advance.")
    answering = "<br />\n<br />\n".join([
        BODY, f"{_bold('Rising cost of city housing')}<br />\n{BODY}",
        f"{_bold('Women in paid work')}<br />\n{BODY}",
        f"{_bold('Migration for study and jobs')}<br />\n{BODY}",
        "In short, the joint family is bending to the city rather than breaking, and the "
        "change it goes through is one of form more than of feeling."])
    follow_up = ('<blockquote class="mycode_quote"><cite><span>(05-06-2024, 09:12 PM)Hina_R '
                 'Wrote:</span></cite>Thank you in advance.</blockquote>\nDo I need a case '
                 'study from Lahore too?')
    page = f"""<!DOCTYPE html><html><head><meta charset="utf-8">
<title>Joint family question - Sociology Board</title></head><body>
<div id="header"><ul class="menu top_links"><li><a href="#">Search</a></li></ul></div>
<div id="posts">
{_mybb_post(1, "Hina_R", "Member", asking)}
{_mybb_post(2, "Prof_Tariq", "Moderator", answering, "Checking sessions every Friday.")}
{_mybb_post(3, "Hina_R", "Member", follow_up)}
</div><div id="footer">Powered By MyBB</div></body></html>"""
    answer = _one(tmp_path, "thread.html", page)
    assert (answer.data["question"], answer.data["exam"], answer.data["year"],
            answer.data["number"], answer.data["marks"], answer.data["paper"]) == (
        "Explain how the joint family is changing in urban Pakistan and what drives the "
        "change.", "PMS", 2021, 5, 20, "Sociology")
    assert _headings(answer) == ["Rising cost of city housing", "Women in paid work",
                                 "Migration for study and jobs"]
    assert answer.data["conclusion"].startswith("In short, the joint family")
    for left_out in ("Checking sessions", "Wrote:", "case study from Lahore", "Posts: 41"):
        assert left_out not in answer.yaml_text


def test_a_question_number_written_q_dot_in_the_asking_sentence_is_the_questions():
    from studypack.content.importing.blocks import Block
    from studypack.content.importing.forum import answer_post

    blocks = tuple(Block(kind, text) for kind, text in [
        ("paragraph", "#1"),
        ("paragraph", "This was Q.7 in the CSS 2022 Gender Studies paper, for 20 marks. "
                      "My attempt was weak."),
        ("paragraph", "Discuss the causes of the low share of women in Pakistan's workforce."),
        ("paragraph", "#2"),
        ("paragraph", " ".join([BODY] * 4)),
    ])
    texts = [b.text for b in answer_post(blocks)]
    assert texts[-2] == ("Q.7 Discuss the causes of the low share of women in Pakistan's "
                         "workforce. (CSS 2022) (20 marks)")


def _blog_index_post(slug: str, title: str, opening: str) -> str:
    return f"""<h2 class="date-header"><span>Sunday, March 2, 2025</span></h2>
<div class="post-outer"><div class="post hentry">
<h3 class="post-title entry-title"><a href="https://notes.example.pk/2025/03/{slug}.html">{title}
</a></h3><div class="post-body entry-content">{opening}</div>
<div class="jump-link"><a href="https://notes.example.pk/2025/03/{slug}.html#more"
title="{title}">Read more &#187;</a></div>
<div class="post-footer">Labels: Solved Papers</div></div></div>"""


def test_posts_each_cut_at_their_jump_break_make_an_index_page(tmp_path):
    posts = "\n".join([
        _blog_index_post("canal-losses", "CSS 2021 Geography Q3: Canal Losses",
                         "<p><b>Q.No.3:</b> Explain why the canal system of Punjab loses so "
                         "much water. Suggest reforms. (20)</p><p><b>Introduction:</b> "
                         f"{BODY} {BODY}</p>"),
        _blog_index_post("urban-floods", "PMS 2022 Geography Q5: Urban Floods",
                         "<p><b>Question:</b> Why do the cities of Sindh flood after every "
                         f"monsoon? [20 marks]</p><p>{BODY} {BODY}</p>"),
        _blog_index_post("glacier-melt", "CSS 2023 Geography Q2: Glacier Melt",
                         f"<p><b>Q2.</b> Assess the threat of glacier melt to the Indus basin. "
                         f"[20 Marks]</p><p>{BODY}</p>"),
    ])
    page = f"""<!DOCTYPE html><html><head><meta charset="utf-8">
<title>Geography Notes</title></head><body><div class="main-inner"><div class="blog-posts">
{posts}
</div><div class="blog-pager"><a class="blog-pager-newer-link" href="/">Newer Posts</a>
<a class="blog-pager-older-link" href="/search?updated-max=2025">Older Posts</a></div>
</div></body></html>"""
    with pytest.raises(NoAnswerOnPage, match="navigation"):
        import_file(_write(tmp_path, "index.html", page))


def test_a_posts_own_page_past_its_jump_break_is_an_answer(tmp_path):
    related = "".join(f'<li><a href="https://notes.example.pk/2025/0{n}/post-{n}.html">'
                      f"Read more</a></li>" for n in (1, 2))
    page = f"""<!DOCTYPE html><html><head><meta charset="utf-8">
<title>CSS 2021 Geography Q3: Canal Losses</title></head><body><div class="post hentry">
<h3 class="post-title entry-title">CSS 2021 Geography Q3: Canal Losses</h3>
<div class="post-body entry-content"><p><b>Q.No.3:</b> Explain why the canal system of Punjab
loses so much water. Suggest reforms. (20)</p><p><b>Introduction:</b> {BODY}</p>
<a name="more"></a><p><b>Seepage from unlined channels</b></p><p>{BODY}</p>
<p><b>Theft at the outlets</b></p><p>{BODY}</p><p><b>Conclusion:</b> {BODY}</p></div></div>
<div class="related-posts"><ul>{related}</ul></div></body></html>"""
    answer = _one(tmp_path, "post.html", page)
    assert answer.data["number"] == 3 and _headings(answer) == [
        "Seepage from unlined channels", "Theft at the outlets"]


_TWO_ASKED = """Geography: two past questions for this week's class

1. Explain why the canal system of Punjab loses so much water. (CSS 2021)
2. Assess the threat of glacier melt to the Indus basin. (PMS Sindh 2022)
"""


def test_two_questions_each_naming_its_sitting_and_nothing_else_are_a_list(tmp_path):
    asked = import_file(_write(tmp_path, "two.txt", _TWO_ASKED))
    assert [(a.data["kind"], a.data["exam"], a.data["year"]) for a in asked] == [
        ("question", "CSS", 2021), ("question", "PMS", 2022)]
    assert asked[1].data["question"] == "Assess the threat of glacier melt to the Indus basin."


@pytest.mark.parametrize("page", [
    # an answer under each of the two
    _TWO_ASKED.replace("(CSS 2021)\n", f"(CSS 2021)\n\nIntroduction\n{LONG}\n\nConclusion\n"
                       f"{BODY}\n\n").rstrip() + f"\n\nIntroduction\n{LONG}\n\nConclusion\n"
                                                 f"{BODY}\n",
    # an answer under its title above them, naming them as related past questions
    f"Why does the canal system of Punjab lose so much water?\n\nIntroduction\n{LONG}\n\n"
    f"Seepage from unlined channels\n{LONG}\n\nConclusion\n{BODY}\n\nRelated past "
    "questions\n" + _TWO_ASKED.split("\n", 2)[2],
])
def test_two_sitting_tagged_questions_with_an_answer_on_the_page_are_no_list(tmp_path, page):
    answers = import_file(_write(tmp_path, "page.txt", page))
    assert answers and all(a.data.get("kind") != "question" for a in answers)


def test_two_questions_tagged_with_a_year_alone_are_not_listed(tmp_path):
    page = _TWO_ASKED.replace("CSS 2021", "2021").replace("PMS Sindh 2022", "2022")
    assert all(a.data.get("kind") != "question"
               for a in import_file(_write(tmp_path, "two.txt", page)))


# held-out-20: a channel copied from Telegram Desktop, an answer sent in two posts.

def _channel(*posts: str) -> str:
    return "\n\n".join(f"Economy Desk PK, [0{n}.03.2024 19:0{n}]\n{post}"
                       for n, post in enumerate(posts, 1)) + "\n"


_FIRST_PART = f"""📌 CSS 2022 | Economics | Q.No.5 (Part 1/2)

❓ Why has Pakistan's tax-to-GDP ratio stayed low? Suggest reforms. (20 marks)

✍️ Introduction
{BODY}

🔹 A Narrow Base
{BODY}"""

_SECOND_PART = f"""📌 CSS 2022 | Economics | Q.No.5 (Part 2/2)

🔹 Exemptions for the Powerful
{BODY}

✅ Conclusion
{BODY}"""


def test_a_header_repeated_over_each_part_of_an_answer_joins_the_parts(tmp_path):
    answer = _one(tmp_path, "channel.txt", _channel(_FIRST_PART, _SECOND_PART))
    assert (answer.data["question"], answer.data["number"], answer.data["marks"],
            answer.data["year"], answer.data["paper"]) == (
        "Why has Pakistan's tax-to-GDP ratio stayed low? Suggest reforms.", 5, 20, 2022,
        "Economics")
    assert _headings(answer) == ["A Narrow Base", "Exemptions for the Powerful"]
    assert answer.data.get("part") is None and "Part 2" not in answer.yaml_text


def test_a_message_forwarded_from_another_channel_is_not_the_answer(tmp_path):
    forwarded = ("Forwarded from Budget Watch\n🗞 This week's budget digest: five charts on "
                 "the new sales tax slabs, a short read for the weekend.")
    answer = _one(tmp_path, "channel.txt", _channel(
        _FIRST_PART.replace(" (Part 1/2)", ""), _SECOND_PART.split("\n\n", 1)[1], forwarded))
    assert answer.data["conclusion"] == BODY
    assert "Budget Watch" not in answer.yaml_text and "digest" not in answer.yaml_text


@pytest.mark.parametrize("notice", [
    "🎯 Weekend essay clinic, two hours online with a checked attempt. Registration: Rs. 900",
    "📣 A timed mock on Friday evening, papers checked by qualifiers. Inbox @mock_desk to join.",
])
def test_a_notice_naming_its_fee_or_a_handle_to_write_to_is_a_promotion(tmp_path, notice):
    answer = _one(tmp_path, "channel.txt", _channel(
        _FIRST_PART.replace(" (Part 1/2)", ""), notice, _SECOND_PART.split("\n\n", 1)[1]))
    assert _headings(answer) == ["A Narrow Base", "Exemptions for the Powerful"]
    assert "clinic" not in answer.yaml_text and "mock" not in answer.yaml_text


def test_a_bracketed_note_on_the_attempt_over_an_unlabelled_opening_is_not_the_introduction(
        tmp_path):
    page = f"""Q.3 Why do price controls on wheat fail in Pakistan? (20)

(skipped the outline here, the bell was about to ring)

{LONG}

Hoarding by Middlemen
{LONG}

Smuggling across the Border
{LONG}

Conclusion
{BODY}
"""
    answer = _one(tmp_path, "attempt.txt", page)
    assert answer.data["introduction"] == LONG and "bell" not in answer.yaml_text


def _saved_attempt(first: str) -> str:
    heads = "".join(f"<p><strong>{head}</strong></p><p>{LONG}</p>"
                    for head in ("Hoarding by Middlemen", "Smuggling across the Border"))
    return f"""<html><head><title>Wheat prices</title></head><body><article>
<p><strong>Q.3 Why do price controls on wheat fail in Pakistan? (20)</strong></p>
<p><em>{first}</em></p><p>{LONG}</p>{heads}
<p><strong>Conclusion</strong></p><p>{BODY}</p></article></body></html>"""


def test_an_italic_note_over_an_unlabelled_opening_is_left_out_but_an_epigraph_stays(tmp_path):
    noted = _one(tmp_path, "noted.html", _saved_attempt(
        "Typed straight into the mock paper, no outline this time."))
    assert noted.data["introduction"] == LONG and "mock paper" not in noted.yaml_text
    quoted = _one(tmp_path, "quoted.html", _saved_attempt(
        "\u201cBread is the first of the people\u2019s rights.\u201d \u2014 a market saying"))
    assert quoted.data["introduction"].startswith("*\u201cBread is the first")


_HANDOUT_FOOTER = "Crescent Study Circle, Quetta | Sociology Notes | Not for sale    Page {n} of 3"
_HANDOUT_TOP = "CRESCENT STUDY CIRCLE - CSS 2021 SOCIOLOGY - Q.7 URBAN MIGRATION"
_HANDOUT_PARAS = [
    "Young men from the districts of the province have moved to the port city for decades, "
    "and each census counts more of them in its crowded settlements along the coast, where "
    "rents are low and relatives from home already live in rooms shared by many workers.",
    "Wells have run dry across the valleys after years of weak rain, and orchards that once "
    "fed large families now give a fraction of their old harvest, so sons are sent away to "
    "earn the cash that the land no longer brings in during a normal season.",
    "Outside farming there is little paid work in small towns: a few shops, a school and "
    "the levies employ a handful of people, while factories and offices are almost absent, "
    "and a young man with some schooling finds nothing that matches what he learnt.",
    "Daily wages at the docks, on building sites and in transport are several times what a "
    "labourer earns at home, and the money orders sent back each month pay for weddings, "
    "debts and the education of younger brothers and sisters left behind in the village.",
    "Migration will slow only when the province offers water, roads and work of its own; "
    "until then the city will keep drawing its young men, and the villages will keep "
    "losing the hands and minds they need most for their own development.",
]


def test_a_running_head_atop_only_two_pages_is_not_taken_into_a_heading(tmp_path):
    import textwrap
    para = ["\n".join(textwrap.wrap(text, 86)) for text in _HANDOUT_PARAS]
    page = f"""CRESCENT STUDY CIRCLE, QUETTA
CSS 2021 — SOCIOLOGY

Q. No. 7 Why do young men leave the villages of Balochistan for Karachi? (20)

INTRODUCTION
{para[0]}

Scarce Water for Farming
{para[1]}

{_HANDOUT_FOOTER.format(n=1)}

{_HANDOUT_TOP}
Few Jobs off the Farm
{para[2]}

{_HANDOUT_FOOTER.format(n=2)}

{_HANDOUT_TOP}
Pull of the City's Wages
{para[3]}

CONCLUSION
{para[4]}

{_HANDOUT_FOOTER.format(n=3)}
"""
    answer = _one(tmp_path, "handout.txt", page)
    assert _headings(answer) == [
        "Scarce Water for Farming", "Few Jobs off the Farm", "Pull of the City's Wages"]
    assert "URBAN MIGRATION" not in answer.yaml_text


def _vb4_post(number: int, author: str, rank: str, message: str, signature: str = "") -> str:
    sign = (f'<div class="after_content"><blockquote class="signature restore"><div '
            f'class="signaturecontainer">{signature}</div></blockquote></div>'
            if signature else "")
    return f"""<li class="postbitlegacy postcontainer" id="post_{700 + number}">
<div class="posthead"><span class="date">03-04-2024,&nbsp;<span class="time">08:1{number}
PM</span></span><a href="#post{700 + number}" class="postcounter">#{number}</a></div>
<div class="postdetails"><div class="userinfo"><a class="username"><strong>{author}</strong>
</a><span class="usertitle">{rank}</span><dl class="userinfo_extra"><dt>Join Date</dt>
<dd>Mar 2021</dd><dt>Posts</dt><dd>3{number}4</dd></dl></div>
<div class="postbody"><div class="postrow"><h2 class="title icon">Re: Sociology 2022 Q.6</h2>
<div class="content"><div id="post_message_{700 + number}"><blockquote class="postcontent
restore">{message}</blockquote></div></div></div>{sign}</div></div>
<div class="postfoot"><a class="newreply" title="Reply With Quote">Reply With Quote</a></div>
</li>"""


_VB_QUOTES = {
    "vBulletin 4": ('<div class="bbcode_container"><div class="bbcode_quote"><div '
                    'class="bbcode_postedby">Originally Posted by <strong>{who}</strong></div>'
                    '<div class="message">{said}</div></div></div>'),
    "vBulletin 3": ('<div style="margin:20px; margin-top:5px"><div class="smallfont">Quote:</div>'
                    '<table cellpadding="6" width="100%"><tr><td class="alt2">Originally Posted '
                    'by <strong>{who}</strong><div style="font-style:italic">{said}</div></td>'
                    '</tr></table></div>'),
}


@pytest.mark.parametrize("quote", _VB_QUOTES.values(), ids=_VB_QUOTES.keys())
def test_a_vbulletin_thread_joins_the_first_posts_question_to_the_answering_post(
        tmp_path, quote):
    asking = ("Aoa. This was set in the Sociology paper of CSS 2022 as Q.6 and carried 20 "
              "marks. My notes only give the theories of Parsons and Goode, not the local "
              "side of it, and I have a class test on the family next week. Could a senior "
              "share how to set it out in forty minutes?<br />\n<br />\n<b>Explain the rise "
              "of nuclear families in Pakistan's large cities and discuss what drives the "
              "change.</b><br />\n<br />\nThanks a lot.")
    # The answer opens by quoting the asking post, all its lines.
    quoted = quote.format(who="rida_k", said=asking)
    answering = quoted + "<br /><br />".join([
        "Here is my attempt; I wrote it in a class test last week.",
        f"<b>Introduction</b><br />{BODY}",
        f"<b>Costly City Housing</b><br />{BODY}",
        f"<b>Salaried Work Away from Home</b><br />{BODY}",
        f"<b>Conclusion</b><br />{BODY}",
        "Hope it helps, add a survey figure if you remember one."])
    follow_up = quote.format(who="Sir Adeel", said="Hope it helps, add a survey figure if "
                             "you remember one.") + "Which survey would you quote here?"
    page = f"""<!DOCTYPE html><html><head><meta charset="utf-8">
<title>Sociology 2022 Q.6 - nuclear families (help)</title></head><body>
<div id="breadcrumb"><ul><li class="navbit"><a href="#">Forum</a></li><li class="navbit">
<a href="#">Sociology</a></li></ul></div>
<ol id="posts" class="posts">
{_vb4_post(1, "rida_k", "Junior Member", asking)}
{_vb4_post(2, "Sir Adeel", "Senior Member", answering, "Answers are my own, CSS 2019")}
{_vb4_post(3, "rida_k", "Junior Member", follow_up)}
</ol><div id="footer">Powered by vBulletin</div></body></html>"""
    answer = _one(tmp_path, "thread.html", page)
    assert (answer.data["question"], answer.data["year"], answer.data["number"],
            answer.data["marks"], answer.data["paper"]) == (
        "Explain the rise of nuclear families in Pakistan's large cities and discuss what "
        "drives the change.", 2022, 6, 20, "Sociology")
    assert _headings(answer) == ["Costly City Housing", "Salaried Work Away from Home"]
    assert answer.data["introduction"] == BODY and answer.data["conclusion"] == BODY
    for left_out in ("Reply With Quote", "Answers are my own", "Which survey", "Join Date"):
        assert left_out not in answer.yaml_text


_NOTES_SHOP = """Skip to content
Roshni Civil Services Institute, Karachi
Home
Books
Contact
🛒 Basket (0)
PMS SINDH ESSAY AND PRECIS WORKBOOK 2025
Spiral-bound workbook | Second edition
Forty essays and sixty precis passages, each marked the way the commission's examiners mark.
Order Now

INSIDE EACH ESSAY
1. Outline – twelve to fifteen lines set out before the essay
2. Introduction – a hook, the background and a clear thesis
3. Arguments – eight to ten paragraphs with evidence
4. Conclusion – a closing that returns to the thesis

A SAMPLE TOPIC
"Is social media making us lonelier?" (PMS Sindh 2022)
The workbook gives this topic five pages, a full outline and a teacher's notes on each part.

Workbook only: Rs. 2,200  Rs. 1,800
PDF only (instant download): Rs. 900
Workbook + PDF bundle: Rs. 2,600 (Best Value)
Cash on Delivery available across Sindh.

Still unsure? Call 03XX-XXXXXXX between 10 am and 6 pm.
© 2025 Roshni Civil Services Institute
"""


def test_a_copied_shop_page_whose_price_lines_are_site_text_is_a_sales_page(tmp_path):
    with pytest.raises(NoAnswerOnPage, match="sales"):
        import_file(_write(tmp_path, "workbook.txt", _NOTES_SHOP))


def test_an_answer_page_with_priced_banners_around_a_full_answer_is_an_answer(tmp_path):
    paragraphs = "\n\n".join([LONG] * 8)  # an answer of some 350 words
    head, _, rest = _NOTES_SHOP.partition("INSIDE EACH ESSAY")
    prices = "Workbook only:" + rest.partition("Workbook only:")[2]
    page = f"{head}Why Social Media Leaves Us Lonelier\n\n{paragraphs}\n\n{prices}"
    answers = import_file(_write(tmp_path, "essay.txt", page))
    assert len(answers) == 1 and LONG in answers[0].yaml_text


def test_a_credit_line_under_the_question_is_site_text_not_a_point(tmp_path):
    page = f"""<html><head><title>Water disputes – CSS 2021 Geography Solved</title></head>
<body><article>
<p><strong>Q.6:</strong> Why do the provinces quarrel over river water? <strong>(20)</strong></p>
<p><strong>Solution by a Riverside Academy faculty member</strong></p>
<h2>Outline</h2>
<ol><li>Introduction</li><li>Upstream storage</li><li>Canal losses</li><li>Conclusion</li></ol>
<h2>Introduction</h2><p>Opening words of the introduction. {BODY}</p>
<h2>Upstream Storage</h2><p>{BODY}</p>
<h2>Canal Losses</h2><p>{BODY}</p>
<h2>Conclusion</h2><p>Closing words of the answer. {BODY}</p>
</article></body></html>"""
    (answer,) = import_file(_write(tmp_path, "water.html", page))
    assert _headings(answer) == ["Upstream Storage", "Canal Losses"]
    assert len(answer.data["outline"]) == 4
    assert answer.data["introduction"].startswith("Opening words")
    assert answer.data["conclusion"].startswith("Closing words")
    assert "Riverside Academy" not in answer.yaml_text


def _phpbb_post(number: int, author: str, content: str) -> str:
    return f"""
<div id="p{number}" class="post has-profile">
  <div class="inner">
  <dl class="postprofile"><dt><a href="#" class="username">{author}</a></dt>
  <dd class="profile-rank">Member</dd>
  <dd class="profile-posts"><strong>Posts:</strong> 212</dd></dl>
  <div class="postbody"><div id="post_content{number}">
    <p class="author"><a href="#p{number}"><span class="sr-only">Post</span></a><span>by
    <strong><a href="#">{author}</a></strong> &raquo; </span>
    <time>Tue Feb 06, 2024 8:15 pm</time></p>
    <div class="content">{content}</div>
  </div></div>
  </div>
</div>"""


def test_a_phpbb_answer_in_br_lines_keeps_the_text_under_its_bold_heads(tmp_path):
    bold = '<span style="font-weight: bold">{}</span><br>\n'
    plan = ('<span style="font-weight: bold">Outline</span><ol><li>Introduction</li>'
            "<li>Joint families shrink</li><li>Dowry grows costlier</li>"
            "<li>Women enter paid work</li><li>Conclusion</li></ol>\n")
    answer = "Here is my attempt, I kept it short.<br><br>\n" + plan + "".join(
        bold.format(head) + f"{opening} {BODY}<br><br>\n"
        for head, opening in (("Introduction", "Cities loosen old ties."),
                              ("1) Joint Families Shrink", "Flats are small."),
                              ("2) Dowry Grows Costlier", "Display spreads."),
                              ("3) Women Enter Paid Work", "Two incomes matter."),
                              ("Conclusion", "Customs bend slowly.")))
    asking = ('Can anyone help with this one?<br><br>\n<span style="font-weight: bold">Q.3'
              "</span> How is urban life changing marriage customs in Pakistan? (20)")
    page = f"""<html><head><title>Sociology 2020 Q3, help needed - Exam Forum</title></head>
<body><div id="page-body">
{_phpbb_post(11, "newbie_22", asking)}
{_phpbb_post(12, "OldHand", answer)}
</div></body></html>"""
    (found,) = import_file(_write(tmp_path, "thread.html", page))
    assert _headings(found) == ["Joint Families Shrink", "Dowry Grows Costlier",
                                "Women Enter Paid Work"]
    assert found.data["introduction"].startswith("Cities loosen")
    assert found.data["conclusion"].startswith("Customs bend")
    assert "OldHand" not in found.yaml_text and "8:15 pm" not in found.yaml_text


_WRAPPED_HANDOUT = """Q.4 Why do Pakistan's cities flood after every heavy monsoon? Suggest a
way out. (20)

INTRODUCTION
Urban flooding has become a yearly event in the large cities of the country. Drains
choked with plastic, houses built on the beds of seasonal streams and a weak civic
budget turn an ordinary downpour into a disaster for the people living nearby.

1. Encroached Natural Drains
Seasonal streams that once carried rainwater to the river have been narrowed by
housing and markets, so the water has nowhere to go and spreads into the streets.

2. Solid Waste in the Sewers
Plastic bags and household rubbish block the sewers long before the rains arrive,
because collection is irregular and the drains are cleaned only after a flood.

3. Paved Ground Everywhere
Concrete and asphalt leave no soil to soak up the rain, so every drop runs off at
once and the drains receive in an hour what they were built to take in a day.

CONCLUSION
To sum up, the floods are made by people more than by the sky, and the remedy lies
in clearing the drains, enforcing building rules and leaving room for the water.

Reminder: revise the examples before the mock test on Friday, and bring questions
for the next class. Coming next in this series, as promised last week, will be our
Q.7 (PMS 2019) on the governance of water in the Indus basin.
"""


def test_a_question_named_inside_a_wrapped_closing_note_starts_no_answer(tmp_path):
    answers = import_file(_write(tmp_path, "handout.txt", _WRAPPED_HANDOUT))
    assert len(answers) == 1
    assert _headings(answers[0]) == ["Encroached Natural Drains", "Solid Waste in the Sewers",
                                     "Paved Ground Everywhere"]
    assert "Indus basin" not in answers[0].data["question"]


_MY_SCHEDULE_MD = """# Islamiat: my three-week revision schedule (PMS 2026)

_notes from the Saturday class, for our group only_

## Introduction

Islamiat carries a hundred marks and I keep losing time on it, so this schedule splits the
syllabus into three parts and leaves the last days for writing whole answers under a clock.

## Week one

- Beliefs and worship, with the verses I must quote
- The Prophet's life in Makkah and Madinah, as a timeline

## Week two

- Islamic state and its institutions, and the rights of citizens
- The economic system: zakat, the ban on interest, inheritance

## Week three

- Write two full answers every evening and time each one
- Ask the teacher to mark at least five of them

## Conclusion

If I hold to this I should reach the mock with every topic read once and the timing fixed,
which is what went wrong for me last year.
"""


def test_markdown_notes_titled_as_a_revision_schedule_are_a_guide(tmp_path):
    with pytest.raises(NoAnswerOnPage, match="study guide"):
        import_file(_write(tmp_path, "schedule.md", _MY_SCHEDULE_MD))


def test_emoji_bullets_set_against_their_words_head_points_beside_numbered_ones(tmp_path):
    post = f"""Q#5: Compare the views of Locke and Rousseau on the social contract. (20)

Introduction: Both thinkers begin from a state of nature. {BODY}

🔷Locke's Contract
{BODY}

🔷Rousseau's General Will
{BODY}

🔷Where They Part 👇
{BODY}

1) Sovereignty
{BODY}

2) Property
{BODY}

Conclusion: Each answered a different fear. {BODY}
"""
    (answer,) = import_file(_write(tmp_path, "post.txt", post))
    assert _headings(answer) == ["Locke's Contract", "Rousseau's General Will", "Sovereignty",
                                 "Property"]



def test_keycap_numbers_on_lines_of_their_own_over_their_headings(tmp_path):
    page = f"""CSS 2020 Economics Q.3 Explain why farm output stays low and suggest remedies. (20)

Introduction
{BODY}

Reasons for low output
Several things hold the fields back, and each is taken in turn below.

1️⃣
Scarce canal water
{BODY}

2️⃣
Old seed varieties
{BODY}

3️⃣
Small scattered holdings
{BODY}

Conclusion
{BODY}
"""
    answer, = import_file(_write(tmp_path, "farms.txt", page))
    assert _headings(answer) == ["Scarce canal water", "Old seed varieties",
                                 "Small scattered holdings"]


def test_an_emailed_answer_ends_at_the_signature_delimiter(tmp_path):
    page = f"""CSS 2021 Public Administration Q.6 Discuss what holds back local services. (20)

Introduction
{BODY} {BODY}

Thin budgets
{BODY} {BODY}

Untrained staff
{BODY} {BODY}

Conclusion
{BODY} {BODY}

Warm wishes,
Saad

--
Everything in this message is private to the people it was sent to; if it reached you
by mistake, erase it.
You are on the mailing list of the Weekend Study Circle; leave it by writing to the
organiser.
"""
    answer, = import_file(_write(tmp_path, "mail.txt", page))
    assert "Weekend Study Circle" not in answer.yaml_text
    assert "private to the people" not in answer.yaml_text
    assert _headings(answer) == ["Thin budgets", "Untrained staff"]


def test_a_bracketed_word_count_and_a_note_to_the_teacher_after_the_conclusion(tmp_path):
    page = f"""CSS 2019 Criminology Q.2 Discuss why juvenile offenders reoffend. (20)

Introduction
{BODY} {BODY}

Idle streets
{BODY} {BODY}

Harsh lockups
{BODY} {BODY}

Conclusion
{BODY} {BODY}

(Word count - 742)

Note to sir: should the probation figures go in a table instead?
"""
    answer, = import_file(_write(tmp_path, "attempt.txt", page))
    assert "742" not in answer.yaml_text
    assert "probation figures" not in answer.yaml_text
    assert _headings(answer) == ["Idle streets", "Harsh lockups"]


def test_a_channels_poll_after_the_answer_is_left_out(tmp_path):
    """A Telegram web preview's poll ("Which question next?", "Anonymous Poll", options
    with their shares) after the post that closes the answer asks the reader something.
    """
    post = ("<b>PMS Punjab 2021 | Environmental Science</b><br><br><b>Q.No.3</b> Why do "
            "Punjab's rivers carry more untreated sewage each year? Suggest remedies. "
            f"<b>(20)</b><br><br><b>Introduction</b><br>{BODY}<br><br><b>Open drains</b><br>"
            f"{BODY}<br><br><b>Idle treatment plants</b><br>{BODY}<br><br><b>Conclusion</b>"
            "<br>Clean rivers need working plants before new ones are announced.")
    poll = ('<div class="tgme_widget_message_poll js-poll">'
            '<div class="tgme_widget_message_poll_question">Which paper should we take up '
            'after this one?</div><div class="tgme_widget_message_poll_type">Anonymous Poll'
            '</div><div class="tgme_widget_message_poll_option"><div class="tgme_widget_'
            'message_poll_option_percent">57%</div><div class="tgme_widget_message_poll_'
            'option_text">Glacier melt (CSS 2018)</div></div><div class="tgme_widget_message'
            '_poll_option"><div class="tgme_widget_message_poll_option_percent">43%</div>'
            '<div class="tgme_widget_message_poll_option_text">Urban heat (CSS 2021)</div>'
            '</div></div>')
    page = f"""<!DOCTYPE html><html><head><meta charset="utf-8">
<title>River Notes – Telegram</title></head><body><main class="tgme_channel_history">
<div class="tgme_widget_message_wrap"><div class="tgme_widget_message">
<div class="tgme_widget_message_text js-message_text">{post}</div>
<span class="tgme_widget_message_views">2.1K</span></div></div>
<div class="tgme_widget_message_wrap"><div class="tgme_widget_message">{poll}
<span class="tgme_widget_message_views">1.8K</span></div></div>
</main></body></html>"""
    answer, = import_file(_write(tmp_path, "channel.html", page))
    assert _headings(answer) == ["Open drains", "Idle treatment plants"]
    assert answer.data["conclusion"] == ("Clean rivers need working plants before new ones "
                                         "are announced.")
    assert not any(x in answer.yaml_text for x in ("Which paper", "Anonymous Poll", "57%",
                                                   "Glacier melt"))


@pytest.mark.parametrize("notices", [
    ["Spotted an error in this answer? Tell us in the comments and we will correct it."],
    ["Made for the members of this page. Please don't copy without credit!",
     "Follow the page for Q#6 (Rousseau) on Friday."],
])
def test_a_pages_notices_to_readers_after_the_conclusion_are_dropped(tmp_path, notices):
    """Corrections invited, copying forbidden, the page to follow for the next question:
    the page speaks to its readers, the answer is over.
    """
    closing = "\n\n".join(notices)
    page = f"""Political Science — CSS 2019

Q.4 Compare the views of Locke and Hobbes on the state of nature. (20)

Introduction:
{BODY}

Human nature
{BODY}

The social contract
{BODY}

Conclusion:
Hobbes feared disorder more than tyranny; Locke feared tyranny more than disorder.

{closing}

👍 312   41 comments
"""
    answer, = import_file(_write(tmp_path, "post.txt", page))
    assert _headings(answer) == ["Human nature", "The social contract"]
    assert answer.data["conclusion"] == ("Hobbes feared disorder more than tyranny; Locke "
                                         "feared tyranny more than disorder.")
    assert not any(x in answer.yaml_text for x in ("comments", "credit", "Follow the page"))


def _xenforo_post(number: int, author: str, stats: str, body: str, signature: str = "") -> str:
    """One post of a saved XenForo 2 thread: the writer's card, the date, the message."""
    signed = (f'<aside class="message-signature"><div class="bbWrapper">{signature}</div>'
              "</aside>") if signature else ""
    return f"""<article class="message message--post js-post" data-author="{author}">
<div class="message-inner"><div class="message-cell message-cell--user"><section
class="message-user"><h4 class="message-name"><a class="username">{author}</a></h4>
<div class="message-userExtras"><dl class="pairs"><dt>Joined</dt><dd>May 2, 2019</dd></dl>
<dl class="pairs"><dt>Messages</dt><dd>{stats}</dd></dl></div></section></div>
<div class="message-cell message-cell--main"><header class="message-attribution"><a>#{number}
</a></header><div class="message-content"><article class="message-body"><div
class="bbWrapper">{body}</div></article></div><footer class="message-footer"><a>Like</a>
<a>Reply</a>{signed}</footer></div></div></article>"""


def test_a_xenforo_thread_reads_the_question_and_marks_from_the_asking_post(tmp_path):
    """The question and its marks are in the student's post; the answer in a senior's,
    under a card ("Joined", "Messages") that is no part of its introduction.
    """
    asking = ("Salam. This came in the 2019 paper and it was a 20 marks question. Please "
              "help.<br /><br /><b>Q4.</b> Why has local government failed to take root in "
              "Pakistan?")
    answer = (f"Here is how I would attempt it.<br /><br /><h3 class=\"bbHeading\">"
              f"Introduction</h3>{BODY}<br /><h3 class=\"bbHeading\">Military patronage</h3>"
              f"{BODY}<br /><h3 class=\"bbHeading\">Provincial reluctance</h3>{BODY}<br />"
              "<h3 class=\"bbHeading\">Conclusion</h3>Councils last only as long as the "
              "government that made them.")
    reply = ('<blockquote data-quote="Senior_A" class="bbCodeBlock bbCodeBlock--quote">'
             '<div class="bbCodeBlock-title">Senior_A said:</div><div class="bbCodeBlock-'
             'content">Here is how I would attempt it.</div></blockquote>Could you do Q7 too?')
    page = f"""<!DOCTYPE html><html><head><meta charset="utf-8">
<title>Pub Ad 2019 Q4 local government | Aspirants Forum</title></head><body>
<div class="p-body"><h1 class="p-title-value">Pub Ad 2019 Q4 local government</h1>
<div class="block-body">
{_xenforo_post(1, "hamza_r", "12", asking)}
{_xenforo_post(2, "Senior_A", "3,905", answer, "PAS 2017 | no private messages")}
{_xenforo_post(3, "noor.f", "40", reply)}
</div></div></body></html>"""
    found, = import_file(_write(tmp_path, "thread.html", page))
    assert found.data["question"] == ("Why has local government failed to take root in "
                                      "Pakistan?")
    assert (found.data["year"], found.data["number"], found.data["marks"]) == (2019, 4, 20)
    assert found.data["introduction"] == BODY
    assert _headings(found) == ["Military patronage", "Provincial reluctance"]
    assert not any(x in found.yaml_text for x in ("Joined", "Messages", "3,905", "Q7",
                                                   "no private messages"))


def test_a_run_in_paragraph_the_outline_names_is_a_point(tmp_path):
    """'Shared history: …' set like the labelled 'Introduction: …' above it, for the
    outline's 'ii. Shared history', is the answer's first part, not more introduction.
    """
    page = f"""Current Affairs — CSS 2020

Q.6 Assess the state of Pakistan's relations with Iran. (20)

Outline:
i. Introduction
ii. Shared history
iii. Border security
iv. Gas pipeline
v. Conclusion

Introduction: {BODY}

Shared history: {BODY}

1. Border Security: {BODY}

2. Gas Pipeline: {BODY}

Conclusion: Good neighbours need a border that is guarded and a pipe that is finished.
"""
    answer, = import_file(_write(tmp_path, "post.txt", page))
    assert answer.data["introduction"] == BODY
    assert _headings(answer) == ["Shared history", "Border Security", "Gas Pipeline"]


def test_a_photos_short_caption_in_a_telegram_export_is_left_with_the_photo(tmp_path):
    """A picture sent after the answer with a line under it ("Diagram of the cycle, copy
    it with labels") captions the picture, which the import leaves behind.
    """
    channel = "Science Daily"
    photo = ('<div class="media_wrap clearfix"><a class="media photo_wrap" href="photos/'
             'p1.jpg"><img class="photo" src="photos/p1_thumb.jpg"/></a></div>')
    answer = ("<strong>CSS 2021 | General Science and Ability | Q.No.8</strong><br><br>"
              "<strong>How does the water cycle work?</strong> (10 marks)<br><br>"
              f"<strong>Introduction</strong><br>{BODY}<br><br><strong>Evaporation</strong>"
              f"<br>{BODY}<br><br><strong>Condensation</strong><br>{BODY}<br><br>"
              "<strong>Conclusion</strong><br>The same water falls again and again.")
    messages = [_telegram_message(1, "19:00", answer, sender=channel),
                _telegram_message(2, "19:02", "Diagram of the cycle, copy it with labels.")
                .replace('<div class="text">', f'{photo}<div class="text">')]
    page = f"""<!DOCTYPE html><html><head><meta charset="utf-8"/><title>Exported Data</title>
</head><body><div class="page_body chat_page"><div class="history">{"".join(messages)}
</div></div></body></html>"""
    found, = import_file(_write(tmp_path, "messages.html", page))
    assert found.data["conclusion"] == "The same water falls again and again."
    assert "Diagram" not in found.yaml_text


def _card(slug: str, title: str, excerpt: str) -> str:
    """One post card of a news theme's category page: picture, title, byline, excerpt."""
    return (f'<article class="post type-post has-post-thumbnail"><div class="card"><figure '
            f'class="post-thumb"><a href="/{slug}/"><img src="/{slug}.jpg" alt=""></a>'
            f'</figure><div class="post-content"><h2 class="post-title"><a href="/{slug}/">'
            f'{title}</a></h2><div class="post-meta"><span class="byline">Admin</span>'
            f'<span class="posted-on">March 3, 2024</span><span class="read-time">5 mins'
            f'</span></div><div class="post-excerpt"><p>{excerpt}</p></div><a class="post-'
            f'link-button" href="/{slug}/">Read More</a></div></div></article>')


def test_a_wordpress_archive_of_answer_cards_is_a_navigation_page(tmp_path):
    """WordPress marks a category page in its body class; its cards open like answers
    ("Q.No.2: … Outline: …") but each is cut short and leads to its post.
    """
    cards = [
        _card("css-2021-eco-q2", "CSS 2021 Economics Q2: Inflation", "Q.No.2: Why do prices "
              "keep rising in Pakistan? (20) Outline: 1. Introduction 2. Money supply […]"),
        _card("css-2020-eco-q5", "CSS 2020 Economics Q5: The Tax Base", "Introduction: Only "
              "a small share of earners file returns, and the state leans on indirect […]"),
        _card("eco-optional-tips", "Choosing Economics as an Optional", "Economics rewards "
              "students who like numbers and graphs; begin with the basic models and […]"),
        _card("css-2019-eco-q3", "CSS 2019 Economics Q3: The Rupee", "Question No. 3: Is the "
              "rupee overvalued? Discuss. [20 Marks] Answer: A currency is overvalued […]"),
    ]
    page = f"""<!DOCTYPE html><html><head><meta charset="utf-8">
<title>Economics Archives - Prep Desk</title></head>
<body class="archive category category-economics category-9 right-sidebar">
<header class="site-header"><div class="top-header"><span class="date">Monday, March 4,
2024</span><ul class="ticker"><li><a href="/news/">Exam dates for the written part are
out</a></li></ul></div><div class="site-branding"><p class="site-title"><a href="/">Prep
Desk</a></p><p class="site-description">Notes and solved papers for CSS and PMS</p></div>
<nav class="main-navigation"><ul><li><a href="/">Home</a></li><li><a href="/economics/">
Economics</a></li></ul></nav></header><main class="site-main"><header class="page-header">
<h1 class="page-title">Category: Economics</h1><div class="archive-description"><p>Solved
past questions and notes for the Economics optional, both papers.</p></div></header>
{cards[0]}{cards[1]}<div class="advertisement-block"><a href="/shop/"><img src="/ad.jpg"
alt=""></a><p>Economics solved papers 2010 to 2023, now in print.</p></div>{cards[2]}
{cards[3]}<nav class="pagination"><a>1</a> <a>2</a> <a>Next</a></nav></main>
<aside class="widget-area"><h2>Categories</h2><ul><li>Economics (41)</li></ul></aside>
</body></html>"""
    with pytest.raises(NoAnswerOnPage, match="navigation"):
        import_file(_write(tmp_path, "category.html", page))


def test_a_plan_headlined_as_one_whose_steps_are_orders_is_a_guide(tmp_path):
    """A copied article headlined as a plan, its weeks' bullets telling the reader what
    to do ("Read …", "Keep …") without saying "you", is a study guide.
    """
    page = f"""Skip to main content
Articles
Sign in
Criminology for CSS: My 6-Week Plan
Published Jan 9, 2024
I was asked how I prepared, so here is the plan I followed, step by step.

Week 1–2: Basics
• Read the introductory chapters of one textbook only
• Make a glossary of twenty key terms
• Keep a notebook of cases from the news

Week 3–4: Theories
• Cover the classical, positivist and sociological schools
• Note one Pakistani example under each theory
• Avoid long quotations from the books

Week 5–6: Practice
• Attempt three past papers in timed conditions
• Get them checked by a senior and revise the weak topics
• Focus on structure: outline, headings and a short conclusion

Closing thoughts
{BODY} Six weeks of steady work is enough for this paper.
"""
    with pytest.raises(NoAnswerOnPage, match="guide"):
        import_file(_write(tmp_path, "article.txt", page))


def test_marks_told_as_a_marks_question_in_a_sentence():
    from studypack.content.importing.question_tags import marks_in_prose

    assert marks_in_prose("It was a 20 marks question in the 2021 paper.") == 20
    assert marks_in_prose("A 10 mark question, so keep it short.") == 10
    assert marks_in_prose("He scored 20 marks in the question.") is None


def test_a_wordpress_lms_course_page_is_a_sales_page(tmp_path):
    """LearnPress marks a course's own page in its body class; a past question quoted in
    its description is a sample of the class, not an answer.
    """
    page = f"""<!DOCTYPE html><html><head><meta charset="utf-8">
<title>CSS Written Batch 2025 – Civil Prep Academy</title></head>
<body class="lp_course-template-default single single-lp_course postid-77 learnpress">
<header><nav><a href="/">Home</a> <a href="/courses/">Courses</a></nav></header>
<main><h1 class="course-title">CSS Written Batch 2025</h1>
<div class="course-description"><h2>How We Teach Answer Writing</h2><p>{BODY}</p>
<h3>Outline first</h3><p>{BODY}</p><h3>Headings that carry the argument</h3><p>{BODY}</p>
<p>In week two we take up: “Discuss the causes of the energy crisis in Pakistan.” (CSS
2021) (20)</p><h3>Conclusion</h3><p>{BODY}</p></div>
<div class="course-price">Rs. 18,000</div><button>Enroll Now</button></main></body></html>"""
    with pytest.raises(NoAnswerOnPage, match="sales"):
        import_file(_write(tmp_path, "course.html", page))


@pytest.mark.parametrize(("closing", "gone"), [
    ("*If this helped, follow me for one Economics answer each Sunday.*", "follow me"),
    ("— End of Batch 4 notes document —\nComments (1)\nAli: Sir Q3 next please.", "Q3 next"),
    ("Share This Story, Choose Your Platform!", "Choose Your Platform"),
    ("*Next in this series: CSS 2017 Economics Q6 on the circular debt.*", "circular debt"),
    ("Copy with credit please. Next post: Q.8 (fiscal deficit) on Monday.", "fiscal deficit"),
    ("— End of Set 5 —\nNext set: Q.2 and Q.4.\nRevise the tax figures before the exam.",
     "tax figures"),
    ("2.3K edited 20:41\n↩️ Next post tomorrow: CSS 2019 Q1 on the IMF", "20:41"),
    ("*~ 820 words. Time: 40 min. The figures need checking.*", "820 words"),
    ("---\n*note to self: add one line on the 1973 Constitution.*\ntodo → PMS 2020 Q4 next "
     "week", "1973 Constitution"),
])
def test_site_and_writers_lines_after_the_conclusion_leave_the_answer(tmp_path, closing, gone):
    """A writer's invitation to follow, a share box's title, the next post announced, a
    document's end mark, a channel post's views and time, the attempt's length and time,
    notes to self and to-dos.
    """
    page = f"""Economics — CSS 2018

Q.3 Why does Pakistan borrow abroad every few years? (20)

Introduction:
{BODY}

Low savings
{BODY}

Weak exports
{BODY}

Conclusion:
Borrowing stops when the country earns what it spends.

{closing}
"""
    answer, = import_file(_write(tmp_path, "notes.txt", page))
    assert answer.data["conclusion"] == "Borrowing stops when the country earns what it spends."
    assert answer.data.get("incomplete") is not True
    assert gone not in answer.yaml_text


def test_bold_leads_closed_by_a_full_stop_are_points_beside_a_closing_heading(tmp_path):
    """'**Asabiyyah as a bond.** Ibn Khaldun …' paragraphs, with a 'Critical Appraisal'
    heading after them: the paragraphs are run-in points and the heading one more.
    """
    leads = ["Group feeling as a bond", "Desert life", "Religion as a multiplier"]
    paragraphs = "".join(f"<p><strong>{lead}.</strong> {BODY}</p>" for lead in leads)
    page = f"""<!DOCTYPE html><html><head><meta charset="utf-8">
<title>Political Science 2018 Q6 | Notes Hub</title></head><body><article>
<h2>Q6. Critically examine Ibn Khaldun's theory of the rise and fall of dynasties. (20)</h2>
<p>{BODY} Ibn Khaldun wrote the Muqaddimah in the fourteenth century.</p>
{paragraphs}<h4>Critical Appraisal</h4><p>{BODY}</p>
<p>To sum up, his cycle does not fit every state, but its logic of cohesion still holds.</p>
</article></body></html>"""
    answer, = import_file(_write(tmp_path, "post.html", page))
    assert _headings(answer) == [*leads, "Critical Appraisal"]


def test_a_line_naming_the_sitting_and_question_it_solves_gives_the_number(tmp_path):
    page = f"""Home
Groups
Prof. Asif Raza
2 March at 21:47
CSS 2023 Islamiat paper — Question 6, solved the way I teach it in class. Save it. 🙏

Q. What is Zakat? Discuss its role in the economic system of Islam. (20 marks)

Introduction:
{BODY}

Purification of wealth
{BODY}

Circulation of money
{BODY}

Conclusion:
Zakat keeps wealth moving from those who have it to those who need it.
"""
    answer, = import_file(_write(tmp_path, "post.txt", page))
    assert (answer.data["exam"], answer.data["year"], answer.data["number"]) == ("CSS", 2023, 6)


def test_a_whatsapp_web_copy_with_the_time_before_the_date_is_read_as_a_chat(tmp_path):
    page = f"""[20:56, 11/05/2023] Sir Kamal: Tonight's answer, read before class.
[20:58, 11/05/2023] Sir Kamal: *PMS Punjab 2020 — ECONOMICS*

*Q 3:* Why has Pakistan's tax-to-GDP ratio stayed low? *(20)*

*Introduction*
{BODY}
[21:01, 11/05/2023] Sana Tariq: Sir was this 2020 or 2021?
[21:02, 11/05/2023] Sir Kamal: *Exemptions*
{BODY}

*Informal economy*
{BODY}

*Conclusion*
A wider base needs fewer favours and more records.
[21:05, 11/05/2023] Sana Tariq: JazakAllah sir
"""
    answer, = import_file(_write(tmp_path, "chat.txt", page))
    assert (answer.data["year"], answer.data["number"]) == (2020, 3)
    assert _headings(answer) == ["Exemptions", "Informal economy"]
    assert answer.data["conclusion"] == "A wider base needs fewer favours and more records."
    assert not any(x in answer.yaml_text for x in ("2020 or 2021", "JazakAllah", "21:0"))


def test_a_channel_copys_continued_mark_is_not_the_answers_text(tmp_path):
    page = f"""Green Notes
CSS 2019 | Environmental Science

Q.No.4 Discuss the causes of water scarcity in Pakistan. (20)

Introduction
{BODY}

Overuse of groundwater
{BODY}
1.8K 21:02
(continued from above ⬆️)

Canal losses
{BODY}

Conclusion
Saving water is cheaper than finding more of it.
"""
    answer, = import_file(_write(tmp_path, "channel.txt", page))
    assert _headings(answer) == ["Overuse of groundwater", "Canal losses"]
    assert not any(x in answer.yaml_text for x in ("continued", "1.8K", "21:02"))


def test_a_statement_and_the_task_set_on_it_above_the_outline_is_the_question(tmp_path):
    page = f"""<!DOCTYPE html><html><head><meta charset="utf-8">
<title>Urban Poverty – CSS Sociology 2019 Solved (Q.4) – Socio Notes</title></head><body>
<article><h1>Urban Poverty – CSS Sociology 2019 Solved (Q.4)</h1>
<blockquote><p><strong>Poverty in Pakistan's cities has grown with their size. Discuss its
causes and suggest remedies.</strong></p></blockquote>
<h3>Outline</h3><ol><li>Introduction</li><li>Migration</li><li>Housing</li>
<li>Conclusion</li></ol><h3>Introduction</h3><p>{BODY}</p><h3>Migration</h3><p>{BODY}</p>
<h3>Housing</h3><p>{BODY}</p><h3>Conclusion</h3><p>Cities grow rich only when their poor
can grow with them.</p></article></body></html>"""
    answer, = import_file(_write(tmp_path, "post.html", page))
    assert answer.data["question"] == ("Poverty in Pakistan's cities has grown with their "
                                       "size. Discuss its causes and suggest remedies.")
    assert _headings(answer) == ["Migration", "Housing"]


def test_notes_titled_as_the_writers_own_keep_their_title_for_the_paper(tmp_path):
    page = f"""# Pak Affairs — solved Qs (my notes)

## BPSC CCE 2019 — Q3

**Q3. Discuss the significance of the Gwadar port for Balochistan.** (20 marks)

### Introduction

{BODY}

### Trade

{BODY}

### Jobs

{BODY}

### Conclusion

The port matters most if the province feels it is its own.
"""
    answer, = import_file(_write(tmp_path, "notes.md", page))
    assert (answer.data["paper"], answer.data["year"], answer.data["number"]) == (
        "Pakistan Affairs", 2019, 3)


def test_a_discourse_topic_map_after_the_first_post_is_site_text(tmp_path):
    page = f"""<!DOCTYPE html><html><head><meta charset="utf-8">
<title>CSS 2022 Gender Studies Q5 - my attempt - Aspirants Forum</title></head><body>
<div class="topic-post"><div class="cooked">
<p><strong>Q5.</strong> Discuss the barriers to girls' education in Pakistan. (20)</p>
<h3>Introduction</h3><p>{BODY}</p><h3>Poverty</h3><p>{BODY}</p><h3>Distance</h3>
<p>{BODY}</p><h3>Conclusion</h3><p>Schools near home keep girls in class.</p>
<p><em>~ 760 words. Time: 30 min. The figures are rough.</em></p></div>
<div class="topic-map"><ul><li>created<span>Mar 9</span></li><li>last reply<span>Mar 11
</span></li><li><span>2</span>replies</li><li><span>486</span>views</li>
<li><span>3</span>users</li></ul></div></div></body></html>"""
    answer, = import_file(_write(tmp_path, "topic.html", page))
    assert answer.data["conclusion"] == "Schools near home keep girls in class."
    assert not any(x in answer.yaml_text for x in ("760 words", "views", "replies"))


def test_a_teachers_message_naming_the_sitting_after_a_picture_is_read(tmp_path):
    """After "<Media omitted>", the teacher's short message naming the paper's sitting,
    number and marks is no remark on the picture: it says what the answer is.
    """
    page = f"""09/03/2024, 9:10 pm - Sir Adeel: <Media omitted>
09/03/2024, 9:12 pm - Sir Adeel: Tonight's model answer is from the PPSC PMS 2022 Current Affairs paper, Question 3, carrying 20 marks 👇
09/03/2024, 9:13 pm - Sir Adeel: _Why does Pakistan keep returning to the IMF?_
09/03/2024, 9:14 pm - Sir Adeel: *Introduction*
{BODY}

*Twin deficits*
{BODY}

*Weak exports*
{BODY}

*Conclusion*
Pakistan leaves the IMF only when it earns its own dollars.
09/03/2024, 9:20 pm - Hina: JazakAllah sir
"""  # noqa: E501
    answer, = import_file(_write(tmp_path, "chat.txt", page))
    assert (answer.data["exam"], answer.data["year"], answer.data["number"],
            answer.data["marks"]) == ("PMS", 2022, 3, 20)


def test_a_commission_and_its_exam_written_out_in_full_give_the_sitting(tmp_path):
    page = f"""SINDH PUBLIC SERVICE COMMISSION
COMBINED COMPETITIVE EXAMINATION (CCE) 2021
ECONOMICS – SOLVED QUESTION

Q-4:\tWhy has inflation stayed high in Pakistan? (20 marks)

Introduction
{BODY}

Money supply
{BODY}

Import costs
{BODY}

Conclusion
Prices settle when the budget and the rupee do.
"""
    answer, = import_file(_write(tmp_path, "handout.txt", page))
    assert (answer.data["exam"], answer.data["year"], answer.data["paper"]) == (
        "PMS", 2021, "Economics")


def test_a_label_with_an_arrow_and_a_titled_group_of_lettered_dash_points(tmp_path):
    """'OUTLINE ⬇️' is the outline's label; 'Challenges:' over a lead-in pointing down
    ('… 👇') and 'a) Term – …' lines titles those lettered points.
    """
    page = f"""IR | CSS 2019 | Q.5

Q. Is the balance of power still useful for explaining South Asia? (20)

OUTLINE ⬇️
1) Introduction
2) Meaning of the balance of power
3) Challenges to a stable balance
4) Conclusion

Introduction:
{BODY}

Meaning of the Balance of Power:
{BODY}

Challenges to a Stable Balance:
Several trends make the balance harder to keep 👇
a) Arms race – {BODY}
b) Outside powers – {BODY}

Conclusion:
The balance still explains more than it is given credit for.
"""
    answer, = import_file(_write(tmp_path, "post.txt", page))
    assert answer.data["outline"] == ["Introduction", "Meaning of the balance of power",
                                      "Challenges to a stable balance", "Conclusion"]
    assert _headings(answer) == ["Meaning of the Balance of Power", "Arms race",
                                 "Outside powers"]


def test_a_telegram_phone_copy_with_a_glyph_title_over_glyph_points(tmp_path):
    """The phone's copy heads each message 'Channel, [5/4/2024 8:47 PM]'; a sign before
    the question ('❓') is no part of it; '🔷 Sources 👇' over '☀️ Solar', '💧 Water' is
    a title, its glyph used again for the answer's next head; '(continued in next post
    ⬇️)' only joins two posts.
    """
    page = f"""Science Corner, [5/4/2024 6:05 PM]
Free mock test on Sunday, register through the bot.

Science Corner, [5/4/2024 8:47 PM]
⚡ CSS-2023 | GSA | Question 6 ⚡ (1/2)

❓ What is renewable energy? Describe its main sources. [10 marks]

🔷 Introduction
{BODY}

🔷 Sources of Renewable Energy 👇
Each source is explained briefly below.

☀️ Solar Energy
{BODY}

(continued in next post ⬇️)

Science Corner, [5/4/2024 8:49 PM]
⚡ CSS-2023 | GSA | Question 6 ⚡ (2/2)

💧 Water Power
{BODY}

🔷 Why Pakistan Lags Behind
{BODY}

🔷 Conclusion
Sun and water are free; the wires and the will are not.
"""
    answer, = import_file(_write(tmp_path, "copy.txt", page))
    assert answer.data["question"] == ("What is renewable energy? Describe its main "
                                       "sources.")
    assert _headings(answer) == ["Solar Energy", "Water Power", "Why Pakistan Lags Behind"]
    assert not any(x in answer.yaml_text for x in ("continued", "mock test", "8:49"))


def test_a_cut_posts_button_to_the_complete_answer_is_site_text(tmp_path):
    page = f"""<!DOCTYPE html><html><head><meta charset="utf-8">
<title>CSS 2018 Gender Studies Q2 | Notes</title></head><body><div class="post-body">
<p><b>Q2.</b> Trace the shift from WID to GAD. (20)</p><h3>Introduction</h3><p>{BODY}</p>
<h3>Women in Development</h3><p>{BODY}</p><h3>Gender and Development</h3><p>{BODY} The
critique from the South argued that</p><div class="download-box"><b>📄 Read the Complete
Answer</b><br>The rest of this answer is in our solved papers PDF.<br><a class="button"
href="/wid-gad.pdf">Download PDF</a></div></div></body></html>"""
    answer, = import_file(_write(tmp_path, "post.html", page))
    assert "Complete Answer" not in answer.yaml_text


def _smf_post(msg: int, author: str, subject: str, body: str) -> str:
    return f"""<div class="windowbg"><div class="post_wrapper"><div class="poster"><h4>
<a>{author}</a></h4><ul class="user_info"><li class="postgroup">Hero Member</li>
<li class="postcount">Posts: 2,140</li></ul></div><div class="postarea"><div
class="keyinfo"><h5><a>{subject}</a></h5><div class="smalltext">« <strong>on:</strong>
March 19, 2024, 08:14:12 AM »</div></div><div class="post"><div class="inner"
id="msg_{msg}">{body}</div></div></div><div class="signature">Criminology mentor</div>
</div></div>"""


def test_an_smf_thread_keeps_the_answer_and_leaves_the_replies(tmp_path):
    answer_post = (f"<b>Q.3</b> Discuss the causes of juvenile delinquency in Pakistan. (20)"
                   f"<br><br><b>Introduction</b><br>{BODY}<br><br><b>Broken homes</b><br>"
                   f"{BODY}<br><br><b>Street economy</b><br>{BODY}<br><br><b>Conclusion</b>"
                   "<br>A child's first court should be a home and a school.")
    reply = ('<blockquote class="bbc_standard_quote"><cite>Quote from: Asad on March 19, '
             "2024</cite>A child's first court</blockquote>Sir was this 2021 or 2022? "
             "Also please do Q5 on probation next.")
    page = f"""<!DOCTYPE html><html><head><meta charset="utf-8">
<title>CSS 2021 Criminology Q3 - Aspirants Circle</title></head><body>
<div id="forumposts">{_smf_post(1001, "Asad", "CSS 2021 Criminology Q3", answer_post)}
{_smf_post(1002, "Noor", "Re: CSS 2021 Criminology Q3", reply)}</div></body></html>"""
    found, = import_file(_write(tmp_path, "thread.html", page))
    assert found.data["conclusion"] == "A child's first court should be a home and a school."
    assert not any(x in found.yaml_text for x in ("probation", "2021 or 2022", "Hero Member"))


def test_a_heading_over_a_lead_in_and_run_in_bullets_titles_them(tmp_path):
    page = f"""## BPSC 2017 — Q2

**Q2. Assess the Eighteenth Amendment's effect on the provinces.** (20 marks)

### Introduction

{BODY}

### Powers Devolved

The amendment made these changes:

**1) The concurrent list abolished**
{BODY}

**2) A stronger council**
{BODY}

### Criticism

The amendment has drawn several criticisms:

- **Weak provincial capacity** — {BODY}
- **Fiscal pressure on the centre** — {BODY}

### Conclusion

Power moved down faster than the ability to use it.
"""
    answer, = import_file(_write(tmp_path, "notes.md", page))
    assert _headings(answer) == ["The concurrent list abolished", "A stronger council",
                                 "Weak provincial capacity", "Fiscal pressure on the centre"]


def test_a_province_named_before_cce_tags_a_pms_question():
    from studypack.content.importing.question_tags import read_item_tags

    rest, year, _, exam = read_item_tags("Religion unites and divides. Discuss. (Sindh CCE 2021)")
    assert (rest, year, exam) == ("Religion unites and divides. Discuss.", 2021, "PMS")


def test_a_page_titled_as_important_topics_quoting_one_past_question_is_topics(tmp_path):
    areas = "".join(f"<h2>{n}. {area}</h2><ul><li>{area} since 2020</li><li>What it means for "
                    f"Pakistan</li></ul>" for n, area in enumerate(
                        ("The economy and the IMF", "Afghanistan and the TTP",
                         "Climate and water", "India and Kashmir"), 1))
    page = f"""<!DOCTYPE html><html><head><meta charset="utf-8">
<title>Most Important Topics for CSS 2026 Current Affairs – Prep Desk</title></head><body>
<article><p>Each winter our inbox fills with one message: “Sir, which topics should I
prepare for Current Affairs?” Nobody can promise what will come, but the paper keeps
returning to a few areas, and this post lists them with their sub-topics.</p>
<h2>Introduction</h2><p>{BODY}</p>{areas}<h2>How to Use Past Papers</h2><p>Look at how a
topic was asked before. Take this one:</p><p>“Discuss the effects of the 2022 floods on
Pakistan's economy.” (CSS 2023)</p><p>{BODY}</p><h2>Conclusion</h2><p>{BODY}</p>
</article></body></html>"""
    with pytest.raises(NoAnswerOnPage, match="topics"):
        import_file(_write(tmp_path, "topics.html", page))


def test_a_title_over_a_lead_in_pointing_down_and_lettered_points():
    """'Challenges to Strategic Stability:' (a colon after it) over 'Several trends … 👇'
    and 'a) Term – …' lines titles them; a chat's '🔷 Sources 👇' over '☀️ Solar' titles
    its points when its glyph heads the answer again below, and '💧 Water' over its
    paragraph and '🌾 Biomass' is one point of a run.
    """
    from studypack.content.importing.blocks import Block
    from studypack.content.importing.pieces import to_piece
    from studypack.content.importing.shapes import led_group_title

    def pieces(*texts: str) -> list:  # type: ignore[type-arg]
        return [to_piece(Block("paragraph", t)) for t in texts]

    title, *later = pieces("Challenges to Strategic Stability:",
                           "Several trends make deterrence less stable than it was 👇",
                           f"a) Arms race – {BODY}", f"b) Outside powers – {BODY}")
    assert led_group_title(title, None, later)
    title, *later = pieces("🔷 Sources of Renewable Energy 👇", "Each source is explained "
                           "briefly below.", "☀️ Solar Energy", BODY, "💧 Water Power", BODY,
                           "🔷 Why Pakistan Lags Behind", BODY)
    assert led_group_title(title, None, later)
    point, *later = pieces("💧 Water Power", "Falling water turns the turbines of dams and "
                           "canal plants across the north.", "🌾 Biomass", BODY,
                           "🔷 Why Pakistan Lags Behind", BODY)
    assert not led_group_title(point, None, later)


def test_a_download_boxs_title_to_the_complete_answer_is_site_text():
    from studypack.content.importing.blocks import split_marker
    from studypack.content.importing.junk import is_junk

    assert is_junk(split_marker("📄 Read the Complete Answer")[2])
    assert is_junk("Download the full notes")
    assert not is_junk("Read the complete answer of the Quaid to the Cabinet Mission before")


def test_a_title_promising_important_topics_is_no_answers():
    from studypack.content.importing.pagekind import promises_topics

    assert promises_topics("Most Important Topics for CSS 2025 Current Affairs (With "
                           "Sub-Topics) – Aspirants Desk")
    assert promises_topics("Expected Areas for PMS 2024 Pakistan Affairs")
    assert not promises_topics("Discuss the most important topics of the 1973 Constitution.")
    assert not promises_topics("CSS 2021 Current Affairs Q3: The Afghan Peace Process")


def test_a_notes_pages_fields_after_its_question_number_give_the_marks(tmp_path):
    """A notes export's properties under its title ("Question No: 4", then "Marks: 20")
    are read together, the marks with the number.
    """
    page = f"""# EVS – Urban Air (past paper answer)

Exam: CSS 2016
Paper: Environmental Science
Question No: 6
Marks: 20
Status: Revised

**Question:** Why is the air of Pakistan's big cities so polluted? Suggest remedies.

### Introduction

{BODY}

### Traffic

{BODY}

### Industry

{BODY}

### Conclusion

Clean air is a policy before it is a season.
"""
    answer, = import_file(_write(tmp_path, "notes.md", page))
    assert (answer.data["number"], answer.data["marks"]) == (6, 20)


def test_marks_in_brackets_on_a_title_naming_the_attempted_question(tmp_path):
    page = f"""<!DOCTYPE html><html><head><meta charset="utf-8">
<title>r/CSSPrep</title></head><body><main><h1>Attempted Q4 of CSS 2021 Journalism (20
marks) – the role of social media. Please check</h1><blockquote><p><em>Social media has
made journalism more democratic. Discuss.</em></p></blockquote><p><b>Outline</b></p><ol>
<li>Introduction</li><li>Citizen reporting</li><li>Fake news</li><li>Conclusion</li></ol>
<p><b>Introduction</b></p>
<p>{BODY}</p><p><b>Citizen reporting</b></p><p>{BODY}</p><p><b>Fake news</b></p><p>{BODY}
</p><p><b>Conclusion</b></p><p>More voices need more checking, not fewer voices.</p>
</main></body></html>"""
    answer, = import_file(_write(tmp_path, "post.html", page))
    assert (answer.data["year"], answer.data["number"], answer.data["marks"]) == (2021, 4, 20)


def test_a_question_cards_marks_badge_between_number_and_question():
    from studypack.content.importing.questions import parse_question

    found = parse_question("Question 5 20 Marks Public-private partnership is promoted as a "
                           "cure for Pakistan's roads. Examine its hurdles.")
    assert found is not None
    assert (found.number, found.marks) == (5, 20)
    assert found.text.startswith("Public-private partnership")


@pytest.mark.parametrize("prefix", ["", "[21:05, 14/04/2023] Sir Ahmed: ",
                                    "14/04/2023, 9:05 pm - Sir Ahmed: "])
def test_a_conclusion_label_on_its_own_line_closes_a_compact_answer(tmp_path, prefix):
    """Notes with no blank lines, or a chat with one message a line: "Conclusion: …" after
    the last point's sentence opens the conclusion, and a chat's last message so labelled
    is no closing remark to drop.
    """
    lines = ["Q.5 Discuss the causes of the energy crisis in Pakistan. (CSS 2019) (20)",
             "Introduction: The energy crisis has held back growth for two decades and it "
             "touches every household.",
             "1. Circular debt: Unpaid bills pile up between distributors and producers, so "
             "that plants sit idle.",
             "2. Imported fuel: Oil and gas bought abroad drain reserves and raise the price "
             "of every unit.",
             "3. Weak grids: Old lines lose a fifth of the power they carry before it reaches "
             "the homes.",
             "Conclusion: In conclusion, reform of pricing and grids together can end the "
             "crisis within a decade."]
    chat = ["[21:01, 14/04/2023] Sana: sir Q.5 ka answer?",
            "14/04/2023, 9:01 pm - Sana: sir Q.5 ka answer?"]
    head = [c for c in chat if c[:1] == prefix[:1]] if prefix else []
    page = "\n".join([*head, *(prefix + line for line in lines)]) + "\n"
    answer, = import_file(_write(tmp_path, "notes.txt", page))
    assert answer.data["conclusion"] == ("In conclusion, reform of pricing and grids together "
                                         "can end the crisis within a decade.")
    assert _headings(answer) == ["Circular debt", "Imported fuel", "Weak grids"]


def test_tags_close_a_long_paragraph_or_a_long_run_without_spaces():
    from studypack.content.importing.question_tags import LONG_TEXT, read_tags

    prose = "Word. " * (LONG_TEXT // 3)
    assert read_tags(f"{prose}Discuss the rupee. (CSS 2019) (20)")[1:3] == (2019, 20)
    unbroken = "x" * (LONG_TEXT * 2)
    assert read_tags(unbroken) == (unbroken, None, None, None)


def test_a_next_question_line_between_two_answers_ends_neither(tmp_path):
    page = f"""Economics — CSS 2018

Q.3 Why does Pakistan borrow abroad every few years? (20)

Introduction:
{BODY} {BODY}

Low savings
{BODY} {BODY}

Weak exports
{BODY} {BODY}

Conclusion:
Borrowing stops when the country earns what it spends.

Next question: the one on taxes.

Q.5 Why is Pakistan's tax base narrow? (20)

Introduction:
{BODY}

Exemptions
{BODY}

Conclusion:
A wide base needs fewer favours.
"""
    first, second = import_file(_write(tmp_path, "notes.txt", page))
    assert (first.data["number"], second.data["number"]) == (3, 5)
    assert second.data["conclusion"] == "A wide base needs fewer favours."


def test_a_readers_comment_naming_a_question_is_no_question_of_a_list(tmp_path):
    items = "".join(f"<li>{q} <strong>[{tag}]</strong></li>" for q, tag in [
        ("Define public goods and explain why markets under-supply them.", "CSS 2019"),
        ("Assess the causes of Pakistan's recurring current account deficits.", "PPSC 2021"),
        ("How does inflation redistribute income between debtors and creditors?", "CSS 2023"),
    ])
    intro = ("Past questions are sorted here under the topics of the syllabus, each with "
             "the sitting that set it, so that a student can see at a glance which parts "
             "of the paper come back year after year and plan revision around them. ") * 2
    outro = ("Attempt each question in forty minutes, then compare your outline with the "
             "notes for that topic and mark what you left out before you move on. ") * 2
    page = f"""<!DOCTYPE html><html><head><meta charset="utf-8">
<title>Economics Questions by Topic - Notes Hub</title></head>
<body class="single right-sidebar"><div class="main-wrap"><article class="post">
<h1 class="post-title">Economics Questions by Topic</h1>
<div class="post-content"><p>{intro}</p>
<h3>Macroeconomics</h3><ol>{items}</ol><p>{outro}</p></div></article>
<div class="comments-area"><ul class="commentslist"><li class="comment"><div
class="comment-text"><h5>Areeba Khan</h5><p>Q2 on deficits came in CSS 2014 as well, if I
remember right.</p></div></li></ul></div></div></body></html>"""
    records = import_file(_write(tmp_path, "topics.html", page))
    assert [(r.data["exam"], r.data["year"]) for r in records] == [
        ("CSS", 2019), ("PMS", 2021), ("CSS", 2023)]
    assert all(r.data["topics"] == ["Macroeconomics"] for r in records)


def test_a_chats_bullets_under_a_square_glyph_outline_line_fold_into_it(tmp_path):
    page = f"""Civics With Sir Tahir, [12.05.2024 20:15]
📘 PMS 2022 | Pakistan Affairs | Q.No.4

❓ Discuss the causes of the slow growth of local government in Pakistan. (20 marks)

🔸 Outline
▫️ Introduction
▫️ Local Government in the Constitution
▫️ Causes of Slow Growth
      • Provincial reluctance
      • Irregular elections
      • Weak finances
▫️ Way Forward
▫️ Conclusion

📍 Introduction
{BODY}

📍 Local Government in the Constitution
{BODY}

📍 Causes of Slow Growth
{BODY}

📍 Way Forward
{BODY}

📍 Conclusion
In short, power handed down to the districts is what makes a federation work for its people.
"""
    answer, = import_file(_write(tmp_path, "tg.txt", page))
    assert answer.data["outline"] == [
        "Introduction", "Local Government in the Constitution",
        "Causes of Slow Growth (Provincial reluctance; Irregular elections; Weak finances)",
        "Way Forward", "Conclusion"]


def test_a_question_card_with_a_marks_badge_in_a_wrapped_post_gives_the_question_alone(
        tmp_path):
    long = " ".join([BODY] * 3)
    page = f"""<!DOCTYPE html><html><head><meta charset="utf-8">
<title>Water Governance in Pakistan – CSS 2022 GPP Solved Question | Civil Desk</title>
</head><body class="single right-sidebar"><div class="main-wrap">
<div class="main-content col-8"><div class="the-post">
<article class="post type-post"><div class="post-content entry-content">
<div class="question-card"><div class="question-card-head"><span>Question 3</span>
<span class="marks-badge">20 Marks</span></div>
<p>Pakistan is fast becoming a water-scarce country. Examine the weaknesses of its water
governance and suggest reforms.</p></div>
<p><strong>Outline</strong></p>
<ul><li>Introduction</li><li>Scarcity in numbers</li><li>Weak institutions</li>
<li>Reforms</li><li>Conclusion</li></ul>
<h2>Introduction</h2><p>{long}</p>
<h2>Scarcity in numbers</h2><p>{long}</p>
<h2>Weak institutions</h2><p>{long}</p>
</div></article></div></div>
<div class="sidebar"><h3>Popular</h3><ul><li><a href="/a">CPEC notes</a></li></ul></div>
</div></body></html>"""
    answer, = import_file(_write(tmp_path, "card.html", page))
    assert answer.data["question"] == (
        "Pakistan is fast becoming a water-scarce country. Examine the weaknesses of its "
        "water governance and suggest reforms.")
    assert (answer.data["number"], answer.data["marks"]) == (3, 20)
    assert len(answer.data["outline"]) == 5


def test_a_lists_solved_mark_after_a_questions_tag_is_the_sites_link(tmp_path):
    page = """Islamiat Questions by Topic

Worship
1. Explain the spiritual and social benefits of fasting. (CSS 2019) – Solved
2. Describe the place of Zakat in the economic system of Islam. (PPSC 2021)
3. Discuss the importance of Hajj as a gathering of the Ummah. [CSS 2017] (answered)
"""
    records = import_file(_write(tmp_path, "islamiat.txt", page))
    assert [(r.data["exam"], r.data["year"], r.data["question"]) for r in records] == [
        ("CSS", 2019, "Explain the spiritual and social benefits of fasting."),
        ("PMS", 2021, "Describe the place of Zakat in the economic system of Islam."),
        ("CSS", 2017, "Discuss the importance of Hajj as a gathering of the Ummah.")]


def test_an_essay_post_with_a_sitting_line_the_topic_restated_and_a_thesis_in_its_outline(
        tmp_path):
    long = " ".join([BODY] * 3)
    outline = "".join(f"<p>{line}</p>" for line in [
        "1. Introduction",
        "Thesis statement: Pakistan's young people are its largest asset only if they are "
        "educated, employed and heard, and today most of them are none of the three.",
        "2. The size of the bulge", "3. What stands in the way", "a. Schools that fail",
        "b. Jobs that never come", "4. Way forward", "5. Conclusion"])
    page = f"""<!DOCTYPE html><html><head><meta charset="utf-8">
<title>Essay Hall: CSS 2024 Essay: Youth Bulge, Blessing or Curse?</title></head><body>
<div class="post hentry"><h3 class="post-title">CSS 2024 Essay: Youth Bulge, Blessing or
Curse?</h3><div class="post-body entry-content">
<p>CSS 2024 – English Essay – Marks: 100</p>
<p>Youth bulge: blessing or curse?</p>
<h3>Outline</h3>{outline}
<h3>Introduction</h3><p>{long}</p>
<h3>The Size of the Bulge</h3><p>{long}</p>
<h3>What Stands in the Way</h3><p>{long}</p>
<h3>Way Forward</h3><p>{long}</p>
<h3>Conclusion</h3><p>In the end, a young country is an old country's envy only when its
young have work.</p></div></div></body></html>"""
    answer, = import_file(_write(tmp_path, "essay.html", page))
    assert (answer.data["paper"], answer.data["year"], answer.data["marks"]) == (
        "English Essay", 2024, 100)
    assert answer.data["question"] == "Youth bulge: blessing or curse?"
    assert len(answer.data["outline"]) == 5
    assert answer.data["outline"][0].startswith("Introduction (Thesis statement: Pakistan")
    assert answer.data["introduction"].startswith("This paragraph carries")


@pytest.mark.parametrize(("line", "facts"), [
    ("CSS 2025 – English Essay – Marks: 100",
     {"exam": "CSS", "year": 2025, "paper": "English Essay", "marks": 100}),
    ("PMS 2019 | Economics | 20 marks",
     {"exam": "PMS", "year": 2019, "paper": "Economics", "marks": 20}),
    ("Islamiat (Compulsory) — Question No. 4 — Marks 20",
     {"paper": "Islamic Studies", "number": 4, "marks": 20}),
    ("CSS 2021 – Solved", None),  # a word that is no fact: the line is something else
    ("Home - About - Contact", None),
    ("20 marks", None),  # marks alone name no sitting or paper
])
def test_a_line_of_sitting_facts_is_read_whole_or_not_at_all(line, facts):
    from studypack.content.importing.question_tags import sitting_line
    assert sitting_line(line) == facts


def test_a_thread_whose_posts_sit_in_wrappers_of_their_own_gives_the_answering_post(tmp_path):
    def post(number: int, author: str, body: str) -> str:
        return f"""<div class="Stream-item" data-number="{number}">
<article class="Post CommentPost"><header class="Post-header"><h3>{author}</h3>
<span>#{number}</span></header><div class="Post-body">{body}</div>
<aside class="Post-footer">Like · Reply</aside></article></div>"""
    long = " ".join([BODY] * 3)
    answer_body = f"""<p>Here is how I would attempt it.</p><h3>Outline</h3>
<ol><li>Introduction</li><li>Who rules</li><li>Why it lasts</li><li>Conclusion</li></ol>
<h3>Introduction</h3><p>{long}</p><h3>Who Rules</h3><p>{long}</p>
<h3>Why It Lasts</h3><p>{long}</p><h3>Conclusion</h3><p>In the end, an elite that renews
itself keeps its place longer than one that closes its doors.</p><hr>
<p><em>Books: Mosca's The Ruling Class, chapter 2; any good notes will do for the rest.</em></p>"""
    page = f"""<!doctype html><html><head><meta charset="utf-8">
<title>CSS 2019 Political Science Q4 - the elite theory of Mosca and Pareto (need a full
answer) - Prep Forum</title></head>
<body><div id="app"><header class="App-header"><a href="/">Prep Forum</a></header>
<main><header class="Hero"><h1>CSS 2019 Political Science Q4 - elite theory (need help)</h1>
</header><div class="Stream">
{post(1, "sana_pk", '''<p>Salam all. I am preparing Political Science for CSS 2026 and this
question from the 2019 paper keeps tripping me up. Can someone share an answer?</p>
<blockquote><p><strong>Q.4</strong> Explain the elite theory of Mosca and Pareto. (20)</p>
</blockquote>''')}
{post(2, "hamza_rk", answer_body)}
{post(3, "sana_pk", "<p>Thank you so much, the part on renewal finally makes sense now.</p>")}
{post(4, "ali_91", '''<p>Good answer. One addition: set Michels and his iron law of oligarchy
beside the two in the last part, as examiners like a third view.</p>''')}
</div></main></div></body></html>"""
    answer, = import_file(_write(tmp_path, "thread.html", page))
    assert (answer.data["year"], answer.data["number"], answer.data["marks"]) == (2019, 4, 20)
    assert _headings(answer) == ["Who Rules", "Why It Lasts"]
    assert answer.data["conclusion"].startswith("In the end, an elite")
    for other in ("finally makes sense", "iron law", "The Ruling Class", "Like · Reply"):
        assert other not in answer.yaml_text


def test_the_writers_own_coming_sitting_is_not_the_papers(tmp_path):
    page = f"""My Economics attempts

I am preparing Economics for CSS 2026, so here is my attempt at Question 3 of the CSS 2021
paper, written in timed conditions.

Q. Explain the causes of the circular debt in Pakistan's power sector.

Introduction
{BODY}

Subsidies Paid Late
{BODY}

Theft and Losses
{BODY}

Conclusion
In short, the debt will keep growing until the losses are cut at their source.
"""
    answer, = import_file(_write(tmp_path, "attempt.txt", page))
    assert (answer.data["exam"], answer.data["year"], answer.data["number"]) == ("CSS", 2021, 3)


@pytest.mark.parametrize("header", [
    "Economics notes of a student preparing for CSS 2026",
    "Cleared CSS 2021 – my Economics notes",
])
def test_a_header_naming_the_writers_own_sitting_gives_no_year(header):
    from studypack.content.importing.page_context import read_context
    assert read_context([header]).year is None


def test_a_question_header_naming_its_paper_and_sitting_over_the_question_quoted_below(
        tmp_path):
    long = " ".join([BODY] * 3)
    page = f"""<!DOCTYPE html><html><head><meta charset="utf-8">
<title>Criminology Q3 Solved | Weekly Notes</title></head><body><main><article>
<h1>Criminology Q3 Solved</h1>
<h2>Question No. 3 – CSS Criminology 2021 (20 Marks)</h2>
<blockquote><p>What is white-collar crime? Why is it so rarely punished in Pakistan?</p>
</blockquote>
<h3>Introduction</h3><p>{long}</p>
<h3>Meaning of White-Collar Crime</h3><p>{long}</p>
<h3>Why Few Are Punished</h3><p>{long}</p>
<h3>Conclusion</h3><p>In the end, the law reaches the rich only when its agencies are
free to follow the money.</p></article></main></body></html>"""
    answer, = import_file(_write(tmp_path, "q3.html", page))
    assert answer.data["question"] == (
        "What is white-collar crime? Why is it so rarely punished in Pakistan?")
    assert (answer.data["exam"], answer.data["paper"], answer.data["year"],
            answer.data["number"], answer.data["marks"]) == ("CSS", "Criminology", 2021, 3, 20)
    assert answer.data["introduction"].startswith("This paragraph carries")


def test_an_attribution_under_the_question_and_a_background_point_after_the_introduction(
        tmp_path):
    long = " ".join([BODY] * 3)
    page = f"""<!DOCTYPE html><html><head><meta charset="utf-8">
<title>CSS 2020 Pakistan Affairs Solved: The NFC Award | Exam Desk</title></head><body>
<main><article><h1>CSS 2020 Pakistan Affairs Solved: The NFC Award</h1>
<p><strong>Question No. 6</strong> Evaluate the working of the National Finance Commission
Award since 2010. (20)</p>
<p>This answer was written by a candidate of our mock series and then checked by the
Desk's panel before it went up.</p>
<h2>Introduction</h2><p>{long}</p>
<h2>Background</h2><p>{long}</p>
<h2>Shares of the Provinces</h2><p>{long}</p>
<h2>Conclusion</h2><p>In short, the award has made the provinces richer but not yet more
careful with what they spend.</p></article></main></body></html>"""
    answer, = import_file(_write(tmp_path, "nfc.html", page))
    assert answer.data["introduction"].startswith("This paragraph carries")
    assert "mock series" not in answer.yaml_text
    assert _headings(answer) == ["Background", "Shares of the Provinces"]


def test_a_header_line_of_facts_under_the_commissions_line_gives_number_and_marks():
    from studypack.content.importing.page_context import read_context
    found = read_context(["Punjab Public Service Commission — PMS 2021\n"
                          "Economics — Q. 3 — Marks 20"])
    assert (found.exam, found.year, found.paper, found.number, found.marks) == (
        "PMS", 2021, "Economics", 3, 20)


def test_run_in_leads_under_a_group_title_with_no_point_after_them_are_never_dropped():
    from studypack.content.importing.blocks import Block
    from studypack.content.importing.parse import parse_answer
    body = ("Asthma and heart trouble rise sharply every winter, and the children and the "
            "old suffer most of all.")
    blocks = [Block("paragraph", "Introduction", bold=True), Block("paragraph", BODY),
              Block("paragraph", "Vehicle emissions", bold=True), Block("paragraph", BODY),
              Block("paragraph", "Consequences", bold=True),
              Block("paragraph", f"*Health crisis:* {body}"),
              Block("paragraph", f"*Economic losses:* Schools and markets close. {body}"),
              Block("paragraph", f"*Daily life:* Roads fog over. {body}"),
              Block("paragraph", "Recommendations", bold=True),
              Block("paragraph", "- Test every vehicle's exhaust each year."),
              Block("paragraph", "Conclusion", bold=True),
              Block("paragraph", "In short, clean air needs work all year round.")]
    draft = parse_answer(blocks)
    kept = " ".join([*draft.introduction, *(b for p in draft.points for b in p.body),
                     *(b for _, body in draft.sections for b in body), *draft.conclusion])
    assert draft.conclusion == ("In short, clean air needs work all year round.",)
    for words in ("Health crisis", "Schools and markets close", "Roads fog over"):
        assert words in kept


def test_a_chats_one_star_bold_leads_under_a_group_title_are_run_in_points(tmp_path):
    body = ("Asthma and heart trouble rise sharply every winter, and the children and the "
            "old suffer most of all.")
    page = f"""Q.3 Discuss the effects of smog in Punjab and suggest remedies. (20)

*Introduction*
{BODY}

*Effects*
*Health crisis:* {body}
*Economic losses:* Schools and markets close. {body}
*Daily life:* Roads fog over. {body}

*Conclusion*
In short, clean air needs work all year round.
"""
    answer, = import_file(_write(tmp_path, "chat.txt", page))
    assert _headings(answer) == ["Health crisis", "Economic losses", "Daily life"]
    assert answer.data["conclusion"] == "In short, clean air needs work all year round."


def test_a_books_preview_wall_between_rule_lines_cuts_the_answer(tmp_path):
    rule = "-" * 70
    body = textwrap.fill(BODY, 80)  # a PDF copy keeps the page's line width
    page = f"""Q.4 Explain the causes of inflation in Pakistan. (20)

Introduction
{body}

1. Rising import prices
{body}

2. Printing of money
The government borrowed from the central bank for years, and the money it spent
chased the same goods, so that every

{rule}
PREVIEW ENDS HERE. The other 52 pages, with this answer in full, come in the printed
guide "Economics Past Papers Solved", which you can order from our academy today.
Price Rs 950 with delivery.
{rule}
"""
    answer, = import_file(_write(tmp_path, "preview.txt", page))
    assert answer.incomplete
    assert answer.data["conclusion"].startswith("[Not in the source")
    assert "PREVIEW ENDS" not in answer.yaml_text and "-----" not in answer.yaml_text


def test_a_numbered_title_over_roman_points_heads_them_and_is_no_point(tmp_path):
    page = f"""Q.4 Explain the causes of inflation in Pakistan. (20)

Introduction
{BODY}

1. Demand-Pull Inflation
{BODY}

2. Evidence from Pakistan
i. Exchange Rate Depreciation
{BODY}
ii. Energy Prices
{BODY}

Conclusion
In short, prices will stay high until the rupee and the power sector are put right.
"""
    answer, = import_file(_write(tmp_path, "numbered.txt", page))
    assert _headings(answer) == ["Demand-Pull Inflation", "Exchange Rate Depreciation",
                                 "Energy Prices"]


@pytest.mark.parametrize("tail", [
    "🔁 Share with your study circle: t.me/civicsdaily",
    "📊 Poll: Which question should we solve on Friday?",
    "Did this help? Our mentors check two answers a week for enrolled students.",
    "Remarks (Sir Waqas): Neat outline. Add a map of the canal system next time. 15/20",
])
def test_a_channels_share_line_poll_a_did_it_help_note_and_a_teachers_remarks_end_it(
        tmp_path, tail):
    page = f"""Q.2 Discuss the water crisis in Pakistan. (20)

Introduction
{BODY}

Falling Storage
{BODY}

Conclusion
In short, the country must store more of its water and waste less of it.

{tail}
"""
    answer, = import_file(_write(tmp_path, "tail.txt", page))
    assert answer.data["conclusion"] == (
        "In short, the country must store more of its water and waste less of it.")
    assert not answer.incomplete
    assert tail.split()[1] not in answer.yaml_text


def test_a_chats_teacher_is_the_one_who_posts_the_answers_parts_not_the_longest_talker(
        tmp_path):
    ramble = " ".join(["Sir I have a long doubt about how many examples to give, because my",
                       "academy teacher says one thing and the books say another, and in the",
                       "mock I wrote four pages but got low marks and I do not understand why",
                       "this happens when others write less and score more."] * 6)
    page = f"""12/03/2024, 9:00 pm - Sir Nadeem: Today's question, PMS 2022 Pakistan Affairs.
12/03/2024, 9:01 pm - Sir Nadeem: Q.3 Discuss the role of the judiciary in Pakistan. (20)
12/03/2024, 9:02 pm - Hira Baig: {ramble}
12/03/2024, 9:03 pm - Hira Baig: {ramble}
12/03/2024, 9:05 pm - Sir Nadeem: *Introduction*
{BODY}
12/03/2024, 9:06 pm - Sir Nadeem: *Judicial Review*
{BODY}
12/03/2024, 9:07 pm - Sir Nadeem: *Judicial Activism*
{BODY}
12/03/2024, 9:08 pm - Sir Nadeem: *Conclusion*
In short, courts serve the people best when they keep to their own lane.
12/03/2024, 9:09 pm - Hira Baig: Thank you sir
"""
    answer, = import_file(_write(tmp_path, "chat.txt", page))
    assert (answer.data["exam"], answer.data["year"], answer.data["number"]) == ("PMS", 2022, 3)
    assert _headings(answer) == ["Judicial Review", "Judicial Activism"]
    assert answer.data["conclusion"].startswith("In short, courts serve")
    assert "long doubt" not in answer.yaml_text


def test_a_vanilla_thread_gives_the_replys_answer_and_the_question_quoted_in_the_first_post(
        tmp_path):
    def post(tag: str, kind: str, author: str, body: str) -> str:
        return f"""<{tag} class="Item {kind} pageBox"><div class="Item-Header">
<span class="Author"><a class="Username">{author}</a></span>
<span class="AuthorInfo"><span class="MItem RoleTitle">Member</span>
<span class="MItem PostCount">Posts: 12</span></span></div>
<div class="Item-BodyWrap"><div class="Item-Body"><div class="Message userContent">{body}
</div></div></div></{tag}>"""
    long = " ".join([BODY] * 3)
    answer_body = f"""<p>Here is how I would set it out.</p><h3>Outline</h3>
<ol><li>Introduction</li><li>Terms of the award<ol><li>Shares</li><li>Transfers</li></ol></li>
<li>Conclusion</li></ol><h3>Introduction</h3><p>{long}</p>
<h3>Terms of the Award</h3><h4>Shares</h4><p>{long}</p><h4>Transfers</h4><p>{long}</p>
<h3>Conclusion</h3><p>In short, the award gave the provinces money before it gave them
the means to spend it well.</p>"""
    reply = """<blockquote class="Quote UserQuote"><p>Farhan said: In short, the award gave
the provinces money.</p></blockquote><p>Agree, and add the figures for the divisible pool
next time, as examiners like numbers.</p>"""
    page = f"""<!DOCTYPE html><html><head><meta charset="utf-8">
<title>CSS 2021 Pakistan Affairs Q7 - NFC Award, answer needed - Prep Lounge</title></head>
<body><div id="Frame"><div class="Column ContentColumn"><div class="MessageList Discussion">
<h1>CSS 2021 Pakistan Affairs Q7 - NFC Award, answer needed</h1>
{post("div", "ItemDiscussion", "sara_k", '''<p>Salam, this came in the 2021 Pakistan
Affairs paper (Q7, 20 marks):</p><blockquote class="blockquote"><p>"Explain the seventh NFC
Award. How did it change the finances of the provinces?"</p></blockquote>
<p>Mine runs to three pages and is a mess.</p>''')}</div>
<div class="CommentsWrap"><h2 class="CommentHeading">Comments</h2>
<ul class="MessageList DataList Comments">
{post("li", "ItemComment", "Farhan", answer_body)}
{post("li", "ItemComment", "ali_r", reply)}
</ul></div></div></div></body></html>"""
    answer, = import_file(_write(tmp_path, "thread.html", page))
    assert answer.data["question"] == ("Explain the seventh NFC Award. How did it change the "
                                       "finances of the provinces?")
    assert (answer.data["year"], answer.data["number"], answer.data["marks"]) == (2021, 7, 20)
    assert answer.data["outline"][1] == "Terms of the award (Shares; Transfers)"
    assert "divisible pool" not in answer.yaml_text


def test_a_guide_copied_as_text_whose_headline_promises_advice_is_no_answer(tmp_path):
    page = """Prep Portal
Home › Guides
How to Attempt the Pakistan Affairs Paper: Structure and Timing
By the Prep Portal team · 7 min read
Pakistan Affairs is where you can gain marks quickly if you plan your three hours. This
guide shows you how to choose questions, outline them and keep to time on the day.
Choosing your questions
Read the whole paper before you pick. A question such as "Evaluate the role of the
Objectives Resolution in the making of the constitution" (CSS 2021) wants a verdict from
you, so pick it only if you can argue both sides.
How to write the opening and the close
Introduction: Open with the context and state your view in one sentence.
Conclusion: Restate your view in fresh words and look ahead; add nothing new.
Keeping to time
Give yourself thirty minutes for each question and ten for reading, and keep the last
twenty minutes for checking what you have written.
"""
    with pytest.raises(NoAnswerOnPage, match="guide"):
        import_file(_write(tmp_path, "guide.txt", page))


def test_a_series_post_announcing_tomorrows_question_ends_with_its_answer(tmp_path):
    page = f"""📌 Solved Past Paper Series (Day 9)
CSS 2021 | General Science & Ability | Q.4 | 10 Marks
Q.4 What is acid rain? Explain its causes and effects.

Introduction:
{BODY}

1. Sulphur dioxide: {BODY}

2. Nitrogen oxides: {BODY}

Conclusion:
In short, cleaner fuels are the only lasting cure for acid rain.

📚 Tomorrow: Q.5 Greenhouse effect (CSS 2021)
All reactions:
120
"""
    answer, = import_file(_write(tmp_path, "series.txt", page))
    assert answer.data["conclusion"] == (
        "In short, cleaner fuels are the only lasting cure for acid rain.")


def test_a_channels_note_that_part_two_comes_tomorrow_marks_the_answer_cut(tmp_path):
    page = f"""Civics Hub, [10.02.2025 21:00]
CSS 2023 | Pakistan Affairs | Q.3
Q.3 Discuss the causes of political instability in Pakistan. (20)

Civics Hub, [10.02.2025 21:02]
Introduction
{BODY}

Weak Parties
{BODY}

Civil-Military Imbalance
Where the army has ruled for half the country's life, the parties have learnt to look to it
for power rather than to the

⏩ Part 2 (the remaining causes, way forward and conclusion) will be posted tomorrow at 9 pm.
"""
    answer, = import_file(_write(tmp_path, "channel.txt", page))
    assert answer.incomplete
    assert "will be posted" not in answer.yaml_text


def test_fields_over_a_question_heading_leave_the_question_its_own_words(tmp_path):
    long = " ".join([BODY] * 3)
    page = f"""<!DOCTYPE html><html><head><meta charset="utf-8">
<title>PPSC 2019 Sociology Solved: Urban Poverty | Punjab Aspirants</title></head><body>
<main><article><h1>PPSC 2019 Sociology Solved: Urban Poverty</h1>
<p>Exam: PMS 2019</p><p>Subject: Sociology</p><p>Question No.: 4</p><p>Marks: 20</p>
<h2>Question</h2><p>Why is poverty growing in the cities of Punjab? Suggest remedies.</p>
<h2>Answer</h2><h3>Introduction</h3><p>{long}</p>
<h3>Migration From Villages</h3><p>{long}</p>
<h3>Conclusion</h3><p>In short, the cities need jobs before they need more roads.</p>
</article></main></body></html>"""
    answer, = import_file(_write(tmp_path, "fields.html", page))
    assert answer.data["question"] == (
        "Why is poverty growing in the cities of Punjab? Suggest remedies.")
    assert (answer.data["number"], answer.data["marks"]) == (4, 20)
    assert answer.data["introduction"].startswith("This paragraph carries")


def test_a_tab_table_copied_under_a_heading_stays_a_table_in_that_points_body(tmp_path):
    page = f"""Q.4 Compare the ideas of Hobbes and Locke on the state of nature. (20)

Introduction
{BODY}

Points of Difference
Basis\tHobbes\tLocke
Human nature\tSelfish and fearful\tReasonable and social
State of nature\tWar of all against all\tPeace under natural law
Purpose of the state\tSecurity\tProtection of rights

Conclusion
In short, Locke's state asks less of its citizens and gives them more.
"""
    answer, = import_file(_write(tmp_path, "table.txt", page))
    point, = answer.data["points"]
    assert point["heading"] == "Points of Difference"
    assert point["body"].splitlines() == [
        "| Basis | Hobbes | Locke |", "| --- | --- | --- |",
        "| Human nature | Selfish and fearful | Reasonable and social |",
        "| State of nature | War of all against all | Peace under natural law |",
        "| Purpose of the state | Security | Protection of rights |"]


def test_a_readers_remark_about_the_rest_of_the_answer_is_no_paywall(tmp_path):
    page = f"""Q.2 Discuss the causes of inflation in Pakistan. (20)

Introduction
{BODY}

Imported Fuel
{BODY}

Conclusion
In short, prices follow the rupee and the price of oil.

A short table of causes is fine; keep the rest of the answer in paragraphs.
"""
    answer, = import_file(_write(tmp_path, "remark.txt", page))
    assert not answer.incomplete


def test_a_bare_heading_over_a_lead_in_sentence_and_its_bullets_is_a_point(tmp_path):
    page = f"""Q.5 Discuss the forms of social stratification in Pakistan. (20)

Introduction
{BODY}

Meaning of Stratification
{BODY}

Stratification in Rural Sindh
Rural Sindh ranks people in three ways at once:
·\tLand: a few families own most of the fields and the water that feeds them.
·\tKinship: the biradari decides whom one may marry and for whom one votes.
·\tGender: women seldom own land or work for a wage of their own.

Conclusion
In short, birth still counts for more than merit in the villages of Sindh.
"""
    answer, = import_file(_write(tmp_path, "strat.txt", page))
    assert _headings(answer) == ["Meaning of Stratification", "Stratification in Rural Sindh"]


def test_bold_lettered_heads_set_over_their_paragraphs_by_a_line_break(tmp_path):
    long = " ".join([BODY] * 2)
    page = f"""<!DOCTYPE html><html><head><meta charset="utf-8">
<title>PMS 2022 Current Affairs Q3 | Exam Notes</title></head><body><main><article>
<h2>Question No. 3</h2>
<p><em>What does the war in Ukraine mean for poorer countries? (20 marks)</em></p>
<p>Introduction</p><p>{long}</p>
<h4>Effects on Importing Countries</h4>
<p><strong>a) Dearer wheat</strong><br>{long}</p>
<p><strong>b) Dearer fuel</strong><br>{long}</p>
<p>Conclusion</p><p>In short, the poor paid for a war far from their own borders.</p>
</article></main></body></html>"""
    answer, = import_file(_write(tmp_path, "lettered.html", page))
    assert _headings(answer) == ["Dearer wheat", "Dearer fuel"]


@pytest.mark.parametrize("main_tag", ["article", "div"])
def test_a_newsletter_sign_up_box_after_the_answer_is_left_out(tmp_path, main_tag):
    long = " ".join([BODY] * 3)
    page = f"""<!DOCTYPE html><html><head><meta charset="utf-8">
<title>CSS 2024 IR Q3 Solved | World Desk</title></head><body>
<{main_tag} class="entry-content"><h1>CSS 2024 IR Q3 Solved</h1>
<p>Q.3 Is the balance of power still a useful idea? Discuss. (20)</p>
<h3>Introduction</h3><p>{long}</p><h3>Europe After 2022</h3><p>{long}</p>
<h3>Asia and the Quad</h3><p>{long}</p>
<h3>Conclusion</h3><p>In short, the balance of power is one lens among several.</p>
<div class="wp-block-group"><div class="inner"><h3>Get the Sunday digest</h3>
<p>One letter a week: two past questions and a model outline, nothing else.</p>
<form class="signup" method="post"><p><input type="email" name="EMAIL">
<input type="submit" value="Join"></p></form></div></div></{main_tag}>
</body></html>"""
    answer, = import_file(_write(tmp_path, "digest.html", page))
    assert answer.data["conclusion"] == "In short, the balance of power is one lens among several."
    assert "Sunday digest" not in answer.yaml_text and "One letter a week" not in answer.yaml_text


def test_a_question_over_its_sitting_header_keeps_its_words_when_a_label_follows(tmp_path):
    page = f"""Explain the causes of the delay in framing the first constitution of Pakistan.
Question No. 6 – CSS Pakistan Affairs 2019 (20 Marks)

Introduction
{BODY}

Weak Successors
{BODY}

Conclusion
In short, the delay cost the country its first decade of democracy.
"""
    answer, = import_file(_write(tmp_path, "mughal.txt", page))
    assert answer.data["question"] == (
        "Explain the causes of the delay in framing the first constitution of Pakistan.")
    assert (answer.data["year"], answer.data["number"], answer.data["marks"]) == (2019, 6, 20)
    assert answer.data["introduction"].startswith("This paragraph carries")


def test_a_long_thesis_set_as_a_bullet_under_the_outlines_introduction_folds_into_it(
        tmp_path):
    thesis = ("Thesis statement: Pakistan's cities are growing faster than their governments "
              "can plan for them, and only elected, funded local councils with powers of "
              "their own can close that gap before the next census doubles it again.")
    long = " ".join([BODY] * 3)
    page = f"""CSS 2024 – English Essay – Marks: 100

Outline
1. Introduction
   - {thesis}
2. How the cities grew
   - Migration from villages
3. Who runs the city
4. Conclusion

Introduction
{long}

How the cities grew
{long}

Who runs the city
{long}

Conclusion
In short, a city run from the provincial capital is a city run by no one.
"""
    answer, = import_file(_write(tmp_path, "essay.txt", page))
    assert len(answer.data["outline"]) == 4
    assert answer.data["outline"][0].startswith("Introduction (Thesis statement: Pakistan's")
    assert answer.data["conclusion"].startswith("In short, a city run")


def test_a_checkers_named_remarks_and_score_on_two_lines_are_left_out(tmp_path):
    page = f"""Q.3 Evaluate the working of the Council of Common Interests. (20)

Introduction
{BODY}

Irregular Meetings
{BODY}

Conclusion
In short, the council needs regular sessions and a secretariat of its own.
Sir Waqar's remarks: Good examples, but the conclusion is thin.
Marks: 13/20
"""
    answer, = import_file(_write(tmp_path, "checked.txt", page))
    assert answer.data["conclusion"] == (
        "In short, the council needs regular sessions and a secretariat of its own.")
    assert "13/20" not in answer.yaml_text and "remarks" not in answer.yaml_text


def test_a_books_preview_wall_after_a_short_answer_ends_it_and_its_teaser_is_no_answer(
        tmp_path):
    page = """Q.5 Evaluate the Council of Common Interests since 2010. (20) (CSS 2021)

Introduction
The council was meant to settle quarrels between the provinces and the centre.

1. Failures
i. Irregular meetings
Years passed without a single meeting despite the deadline in the constitution.
ii. Weak secretariat
The secretariat has too few experts to prepare serious briefs for the

PREVIEW ENDS HERE

Q.6 Discuss the role of the Senate in protecting provincial rights. (20) (CSS 2021)
To read this answer and 140 more, order the complete book.
"""
    answer, = import_file(_write(tmp_path, "preview.txt", page))
    assert answer.data["number"] == 5 and answer.incomplete
    assert "Senate" not in answer.yaml_text


def test_a_thread_answer_quoting_a_students_attempt_leaves_the_quote_out(tmp_path):
    def post(number: int, body: str) -> str:
        return f"""<div class="Stream-item"><article class="Post CommentPost">
<div class="Post-body">{body}</div></article></div>"""
    long = " ".join([BODY] * 3)
    answer_body = f"""<blockquote class="uncited"><div><p><a class="PostMention">hina</a>
said:</p><p>Introduction</p><p>Judges should be fair because the law says so and that is
why courts exist in every country of the world.</p></div></blockquote>
<p>Your attempt misses the structure. Here is a model answer.</p>
<h3>Introduction</h3><p>{long}</p><h3>Judicial Review</h3><p>{long}</p>
<h3>Conclusion</h3><p>In short, courts keep their power by using it sparingly.</p>"""
    page = f"""<!doctype html><html><head><meta charset="utf-8">
<title>CSS 2021 Pakistan Affairs Q8 - judiciary, my attempt - and a long forum name here
- Prep Forum</title></head><body><main><div class="Stream">
{post(1, '''<p>Salam. This came in the 2021 Pakistan Affairs paper (Q8, 20 marks):</p>
<blockquote><p>Evaluate the role of the judiciary in Pakistan's politics.</p></blockquote>
<p>Please check my attempt below.</p>''')}
{post(2, "<p>Introduction</p><p>Judges should be fair because the law says so.</p>")}
{post(3, answer_body)}
</div></main></body></html>"""
    answer, = import_file(_write(tmp_path, "quoted.html", page))
    assert answer.data["introduction"].startswith("This paragraph carries")
    assert "should be fair" not in answer.yaml_text and "misses the structure" not in (
        answer.yaml_text)


def test_a_students_attempt_posted_for_checking_is_not_taken_for_the_teachers_answer(
        tmp_path):
    page = f"""[14/10/2023, 8:01 pm] Hina PMS: Sir please check, PMS 2022 Pakistan Affairs Q3.
[14/10/2023, 8:02 pm] Hina PMS: My attempt:
*Introduction*
Judges should be fair because the law says so.
*1. Review*
Courts can strike down laws.
*2. Activism*
Courts sometimes go too far.
*3. Delay*
Cases take years to decide.
*Conclusion*
So courts are important.
[14/10/2023, 8:05 pm] Sir Nadeem: Q.3 Discuss the role of the judiciary in Pakistan. (20)
[14/10/2023, 8:06 pm] Sir Nadeem: *Introduction*
{BODY}
[14/10/2023, 8:07 pm] Sir Nadeem: *Judicial Review*
{BODY}
[14/10/2023, 8:08 pm] Sir Nadeem: *Conclusion*
In short, courts serve the people best when they keep to their own lane.
[14/10/2023, 8:09 pm] Hina PMS: JazakAllah sir
"""
    answer, = import_file(_write(tmp_path, "chat.txt", page))
    assert answer.data["question"] == "Discuss the role of the judiciary in Pakistan."
    assert _headings(answer) == ["Judicial Review"]
    assert "strike down" not in answer.yaml_text


def test_a_long_reply_after_a_threads_answer_does_not_take_its_place(tmp_path):
    def post(body: str) -> str:
        return f"""<div class="Stream-item"><article class="Post CommentPost">
<div class="Post-body">{body}</div></article></div>"""
    reply = " ".join(["One addition from my side: examiners like a table of the gaps, and I",
                      "always add the figures from the latest survey, because a number",
                      "written with its year shows you have read beyond the book."] * 5)
    answer_body = f"""<h3>Introduction</h3><p>{BODY}</p><h3>Judicial Review</h3><p>{BODY}</p>
<h3>Conclusion</h3><p>In short, courts keep their power by using it sparingly.</p>"""
    page = f"""<!doctype html><html><head><meta charset="utf-8">
<title>CSS 2021 Pakistan Affairs Q8 - the judiciary, please help with a full answer -
Prep Forum</title></head><body><main><div class="Stream">
{post('''<p>Salam. This came in the 2021 Pakistan Affairs paper (Q8, 20 marks):</p>
<blockquote><p>Evaluate the role of the judiciary in Pakistan's politics.</p></blockquote>''')}
{post(answer_body)}
{post(f"<p>{reply}</p>")}
</div></main></body></html>"""
    answer, = import_file(_write(tmp_path, "reply.html", page))
    assert _headings(answer) == ["Judicial Review"]
    assert "One addition" not in answer.yaml_text


def test_an_essays_topic_put_as_a_question_over_its_introduction_is_the_question(tmp_path):
    long = " ".join([BODY] * 3)
    page = f"""CSS 2024 – English Essay – Marks: 100

Cities Without Councils: Who Runs Urban Pakistan?

Introduction
{long}

How the Cities Grew
{long}

Conclusion
In short, a city run from the provincial capital is a city run by no one.
"""
    answer, = import_file(_write(tmp_path, "essay.txt", page))
    assert answer.data["question"] == "Cities Without Councils: Who Runs Urban Pakistan?"
    assert (answer.data["paper"], answer.data["marks"]) == ("English Essay", 100)


def test_two_answers_each_under_a_header_of_facts_naming_its_number_are_two(tmp_path):
    page = f"""Islamiat (Compulsory) — Question No. 4 — Marks 20
Explain the concept of Tauheed and its effect on a believer's life.

Introduction
{BODY}

Belief in One God
{BODY}

Conclusion
In short, Tauheed shapes every part of a believer's day.

Islamiat (Compulsory) — Question No. 6 — Marks 20
Describe the rights of non-Muslims in an Islamic state.

Introduction
{BODY}

Protection of Life and Property
{BODY}

Conclusion
In short, the Islamic state owes its minorities the safety it owes all citizens.
"""
    first, second = import_file(_write(tmp_path, "two.txt", page))
    assert (first.data["number"], second.data["number"]) == (4, 6)
    assert second.data["question"] == "Describe the rights of non-Muslims in an Islamic state."
    assert first.data["conclusion"] == "In short, Tauheed shapes every part of a believer's day."


@pytest.mark.parametrize(("head", "kept"), [
    ("Related posts in the federal cabinet", True),  # a point's heading
    ("Related posts", False),  # the site's block of links
    ("Next post: Q.7 Acid rain", False),
    ("Previous: CSS 2019 Q6 – Ozone layer", False),  # a phrase closed by its colon
])
def test_a_heading_that_opens_with_a_sites_short_phrase_is_kept_unless_it_is_the_phrase(
        tmp_path, head, kept):
    page = f"""Q.2 Discuss the growth of the federal cabinet in Pakistan. (20)

Introduction
{BODY}

Ministers Without Portfolios
{BODY}

{head}
Portfolios were split so that every party of the coalition could be given a ministry of
its own, and posts multiplied with every new partner that joined the government.

Conclusion
In short, the cabinet grew with the coalition and not with the work.
"""
    answer, = import_file(_write(tmp_path, "cabinet.txt", page))
    assert ("Portfolios were split" in answer.yaml_text) == kept


def test_a_polls_options_and_count_are_left_out_with_its_question(tmp_path):
    page = f"""📊 Poll: Which paper was the hardest this year?
• Precis – 55%
• Essay – 45%
318 votes

Q.5 Evaluate the Council of Common Interests since 2010. (20)

Introduction
{BODY}

Irregular Meetings
{BODY}

Conclusion
In short, the council needs regular sessions and a secretariat of its own.
"""
    answer, = import_file(_write(tmp_path, "poll.txt", page))
    assert answer.data["paper"] is None
    assert "55%" not in answer.yaml_text and "votes" not in answer.yaml_text


def test_a_threads_answer_continued_in_the_next_post_is_one_answer(tmp_path):
    def post(body: str) -> str:
        return f"""<div class="Stream-item"><article class="Post CommentPost">
<div class="Post-body">{body}</div></article></div>"""
    first = f"""<h3>Introduction</h3><p>{BODY}</p><h3>Judicial Review</h3><p>{BODY}</p>
<h3>Judicial Activism</h3><p>{BODY}</p>"""
    second = f"""<p>(continued)</p><h3>Delays in Justice</h3><p>{BODY}</p>
<h3>Conclusion</h3><p>In short, courts keep their power by using it sparingly.</p>"""
    page = f"""<!doctype html><html><head><meta charset="utf-8">
<title>CSS 2021 Pakistan Affairs Q8 - the judiciary, please help with a full answer -
Prep Forum</title></head><body><main><div class="Stream">
{post('''<p>Salam. This came in the 2021 Pakistan Affairs paper (Q8, 20 marks):</p>
<blockquote><p>Evaluate the role of the judiciary in Pakistan's politics.</p></blockquote>''')}
{post(first)}
{post(second)}
{post("<p>JazakAllah sir, saving this for my notes.</p>")}
</div></main></body></html>"""
    answer, = import_file(_write(tmp_path, "parts.html", page))
    assert _headings(answer) == ["Judicial Review", "Judicial Activism", "Delays in Justice"]
    assert answer.data["conclusion"] == "In short, courts keep their power by using it sparingly."
    assert "continued" not in answer.yaml_text and "JazakAllah" not in answer.yaml_text
