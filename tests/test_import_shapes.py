"""studypack import on page shapes met in held-out-12 and the sets before it.

Each input is our own, written in the shape a real page has; each test asserts
the fields a careful reader would take from it.
"""

from __future__ import annotations

from pathlib import Path

from studypack.content.importing import import_file
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
