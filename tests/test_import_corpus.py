"""studypack import on the scored corpus of realistic pages (bench/import_corpus/dev).

Each page's expected fields were written by hand before the importer ran on it.
The pages listed here are read right in every field; the rest are measured by
bench/import_accuracy.py, whose floor is asserted below.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from studypack.cli import app

BENCH = Path(__file__).parents[1] / "bench" / "import_accuracy.py"
_spec = importlib.util.spec_from_file_location("import_accuracy", BENCH)
assert _spec and _spec.loader
accuracy = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(accuracy)
DEV = accuracy.CORPUS / "dev"

EXACT = {
    "a01-judiciary-democracy.html": "the question only in <title> and <h1>; an h3 over h4s",
    "a02-climate-water-food.txt": "the question only in a 'Site | Question' title line",
    "a03-eighteenth-amendment.txt": "'<Paper> - <Exam>' and a lone year above 'Q1.'",
    "a04-population-growth-pms.html": "a question heading outside the article; group titles",
    "a05-afghan-border.txt": "a breadcrumb opening with 'Go Back' and a site's name",
    "a07-women-labour-force.txt": "a site-name line, '6 min read', '(CSS 2020, 20 marks)'",
    "a08-foreign-policy-determinants.md": "an attribution naming exam, paper and year",
    "a10-balance-of-payments-blog.txt": "a first-person blog preface and sign-off",
    "a11-local-government-sales.txt": "a 'Logo' menu, price banners, social links",
    "a12-smog-everyday-science.html": "sales banners, social links, a 'Logo' menu",
    "a16-juvenile-delinquency-blog.html": "a blog preface, 'Answer to the Question', Part-II",
    "b02-governance-nested-outline.html": "an outline typed with line breaks, nested 4.1-",
    "b03-climate-outline-8-conclusion.html": "an outline ending '8-Conclusion'",
    "b07-tauheed-islamiat-verses.html": "verses with 'Translation:' labels; 'Paper – Q.2'",
    "b09-national-integration-urdu-cutoff.txt": "a page cut off in Urdu",
    "b10-energy-mojibake-thai.txt": "'โ' as apostrophe and as dash; run-in points",
    "b11-landing-navigation.html": "a navigation page: no answer",
    "b12-notes-bundle-sales.txt": "a sales page: no answer",
    "b14-css-prep-guide.md": "a study guide: no answer",
    "b15-pak-affairs-topicwise-questions.txt": "a topic-wise list of questions",
    "b16-ir-topicwise-questions.html": "a topic-wise list as HTML lists",
    "c01-forum-fall-of-dhaka.txt": "a forum thread: the answering post only",
    "c02-whatsapp-fatf-greylist.txt": "a WhatsApp export: the teacher's messages only",
    "c08-fb-gender-studies-topicwise.txt": "a group post listing questions behind emoji",
    "c09-logo-menu-journalism-two-answers.txt": "two answers under a nested 'Logo' menu",
    "c10-gsa-vaccines-cutoff.txt": "'‹ Go Back ›', 'Everyday Science', cut off mid-sentence",
    "c11-blogger-early-problems-part2.html": "lettered h4 points, Part-II in the title",
    "c13-pms-brain-drain-roman.html": "a flat outline with 'Causes:' parents, roman h4 points",
    "c15-md-reddit-agriculture-cutoff.md": "a Reddit post cut off, its comments dropped",
}


def _want(name: str) -> dict:
    stem = name.rsplit(".", 1)[0]
    return yaml.safe_load((DEV / f"{stem}.expected.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", sorted(EXACT))
def test_each_shape_gives_its_expected_fields(name):
    _, wrong, no_file = accuracy.score_page(DEV / name, _want(name))
    assert wrong == [] and not no_file, EXACT[name]


READ_EXACTLY = {
    "held-out-1": ["h01-pressure-groups.html", "h04-cpec-mojibake.txt",
                   "h05-current-affairs-guide.html", "h06-ir-topicwise-questions.html",
                   "h07-gsa-multi-cut.txt", "h08-juvenile-delinquency-paywall.html",
                   "h10-water-scarcity.html", "h12-realism-forum.txt"],
    "held-out-2": ["g01-pms-polsci-title.html", "g02-cpec-goback.txt",
                   "g04-current-affairs-notes.md", "g06-sales-bundle.html", "g07-qlist-ir.txt",
                   "g08-qlist-islamiat.html", "g10-wp-criminology.html",
                   "g12-cutoff-paywall.html", "g13-guide-sociology.md",
                   "g14-gsa-part2-ozone.md", "g15-history-sirsyed.html"],
    "held-out-3": ["k01-water-crisis.txt", "k02-women-labour.html", "k03-minority-rights.md",
                   "k04-unsc-reform-forum.txt", "k05-pak-affairs-archive.html",
                   "k06-juvenile-delinquency.md", "k07-local-govt.txt",
                   "k08-parliamentary-presidential.html",
                   "k09-current-affairs-tracker.md", "k10-inflation-whatsapp.txt",
                   "k11-smog-explainer.html",
                   "k12-current-affairs-topicwise.html", "k13-islamiat-topicwise.txt",
                   "k15-pak-china-pdf.txt", "k16-family-socialisation.html"],
    "held-out-4": ["m01-fata-merger.txt", "m02-climate-water.html", "m03-tawheed-islamiat.html",
                   "m04-women-politics-facebook.txt", "m05-circular-debt-whatsapp.txt",
                   "m07-npm-forum.html",
                   "m08-gsa-multi.html", "m09-bop-cutoff.txt",
                   "m11-18th-amendment-news.html",
                   "m13-pakaffairs-topicwise.md", "m15-course-sales.txt",
                   "m16-gsa-questions-table.md"],
    "held-out-5": ["n01-climate-threat-wp.html", "n02-18th-amendment-php.txt",
                   "n04-plato-aristotle-obsidian.md",
                   "n05-circular-debt-fb.txt", "n06-inflation-bootstrap.html",
                   "n07-gender-handout-pdf.txt", "n08-urbanisation-notion.md",
                   "n09-greenhouse-whatsapp.txt", "n10-league-vbulletin.html",
                   "n12-juvenile-cutoff.txt",
                   "n11-npm-medium.html", "n14-academy-admissions.txt",
                   "n16-ir-topicwise-notes.md"],
    "held-out-6": ["p01-cpec-hurdles.txt", "p02-whatsapp-federalism.txt",
                   "p03-islamiat-zakat.txt", "p04-pdf-heat-island.txt",
                   "p05-facebook-labour-gap.txt", "p06-wp-floods-recovery.html",
                   "p07-blogger-gsa-two.html", "p09-news-civil-service.html",
                   "p10-category-pakaffairs.html", "p12-notes-urbanization.md",
                   "p13-pakaffairs-topic-list.md"],
    # The vBulletin thread whose reply is the answer, and a category page of excerpts.
    "held-out-7": ["p01-qno-css2019-numbered-headings.html",
                   "p02-question-hash-pms-allcaps.txt",
                   "p03-breadcrumb-year-bullets-final-thoughts.html",
                   "p04-outline-nested-roman-part2.txt",
                   "p05-forum-thread-teacher-answer.html",
                   "p06-whatsapp-chat-no-exam-named.txt", "p07-paywall-firstly-leadins.html",
                   "p09-two-answers-toc-year-range.html",
                   "p11-category-archive-excerpts.html", "p12-course-sales-page.txt",
                   "p13-how-to-prepare-guide.html", "p14-topicwise-past-questions.txt",
                   "p16-tutor-notes-causes-remedies.md"],
    # Lists tagged "— *CSS 2016*" and "[PMS Punjab 2018]" under "TOPIC 1: …" heads.
    "held-out-8": ["p01-question-only-in-h1-title-wp.html",
                   "p03-phpbb-thread-two-answers-question-hash.html",
                   "p04-paywall-outline-numbered-paren-heads.html",
                   "p06-islamiat-arabic-urdu-site-brackets-marks.html",
                   "p07-telegram-copy-firstly-leadins-pms-kp.txt",
                   "p09-colon-heads-under-group-titles-envsci.txt",
                   "p10-topicwise-ir-questions-mixed-tags.txt",
                   "p11-answer-checking-service-sales.txt",
                   "p12-pdf-handout-running-headers-pubad.txt",
                   "p13-obsidian-frontmatter-meta-h3-points-pms.md",
                   "p14-notion-export-two-answers-sociology.md",
                   "p15-hugo-guide-how-to-write-20-marker.md",
                   "p16-github-readme-gender-studies-question-bank.md"],
    # A meta table of facts, pandoc Markdown, an Urdu-medium answer, bulleted and ticked
    # question lists, a topics page whose lines close in years.
    "held-out-9": ["p02-blogger-number-in-title-nested-bullets-bold-paren-heads.html",
                   "p04-pdftotext-handout-wrapped-question-lettered-heads-intl-law.txt",
                   "p05-word-txt-export-two-answers-indo-pak-history.txt",
                   "p06-urdu-medium-islamiat-hajj-urdu-numbered-heads.html",
                   "p07-academy-paywall-meta-table-runin-bold-heads-ir.html",
                   "p08-scribd-viewer-copy-colon-heads-pms-punjab-pakstudies.txt",
                   "p10-pandoc-docx-md-underline-spans-lettered-outline-pakaffairs.md",
                   "p13-most-repeated-topics-current-affairs-topics.txt",
                   "p14-islamiat-topicwise-html-table-year-exam-columns.html",
                   "p15-telegram-channel-current-affairs-emoji-topics-year-only.txt",
                   "p16-joplin-checklist-sociology-questions-code-tags.md"],
    # Discord, a Google Sheet, OCR of handwritten notes, an Elementor accordion of three
    # answers, a year-wise list, an English Essay on Medium, pandoc notes with comments.
    "held-out-10": ["p03-medium-essay-social-media-wisdom.html",
                    "p05-substack-paywall-saudi-iran.txt", "p06-gpp-syllabus-academy.html",
                    "p07-discord-psychology-conditioning.txt",
                    "p08-bilingual-islamiat-accountability.html",
                    "p10-google-sheet-economics-topicwise.txt",
                    "p11-ocr-handwritten-sociology-family.txt",
                    "p12-word-notes-setext-ir-non-state-actors.md",
                    "p13-essay-books-list-guide.txt",
                    "p14-accordion-three-answers-islamic-history.html",
                    "p15-wp-pubad-npm-roman-heads.html",
                    "p16-blogger-gender-studies-by-year.txt"],
    # A typical folder: WordPress, Blogger, Facebook with emoji markers, a PDF handout,
    # Word notes, an Urdu answer, a past paper and topic-wise lists.
    "held-out-11": ["p02-blogger-current-affairs-afghan-takeover-part2.html",
                    "p03-facebook-group-gender-studies-womens-movement.txt",
                    "p05-pdf-handout-pubad-e-governance-roman-outline.txt",
                    "p07-docx-pandoc-ir-ukraine-war-order.md",
                    "p08-wp-criminology-two-answers-toc.html",
                    "p09-blogger-urdu-pms-pakaffairs-objectives-resolution.html",
                    "p10-premium-paywall-economics-smes-cutoff.html",
                    "p12-academy-admissions-page-sales.txt",
                    "p13-wp-guide-attempt-current-affairs-topper-tips.html",
                    "p14-wp-css-2023-pakistan-affairs-past-paper.html",
                    "p15-facebook-current-affairs-topicwise-questions.txt",
                    "p16-docx-md-gsa-topicwise-past-questions.md"],
    # A Way Out section, Markdown group headings over run-in bold points, a PDF handout
    # with capital-lettered outline and running heads, a group post with ✔/➤/🔸, Urdu.
    # Then a year-wise table, two answers under a copied contents box, a paywalled question
    # box, mojibake, a forum thread, a topic-wise list, a solved-papers index, a Medium
    # article and a category archive.
    "held-out-12": ["q01-wp-water-crisis-pak-affairs.html",
                    "q02-blogger-copy-pak-afghan-roman.txt",
                    "q03-gdocs-indian-ocean-ir-part2.md",
                    "q04-category-gender-studies-archive.html",
                    "q05-pdf-handout-gender-violence.txt",
                    "q06-fb-post-npm-pms-kpk.txt",
                    "q07-urdu-riyasat-e-madina-pms-punjab.txt",
                    "q08-yearwise-table-current-affairs.html",
                    "q09-two-answers-criminology.txt",
                    "q10-paywall-family-sociology.html",
                    "q11-academy-admissions-sales.html",
                    "q12-mojibake-acid-rain-gsa.txt",
                    "q13-forum-sindh-floods-pms-sindh.html",
                    "q14-wp-islamic-history-topicwise-questions.html",
                    "q15-solved-papers-index-navigation.txt",
                    "q16-medium-governance-local-government.txt"],
    "held-out-13": ["r01-wp-oceanwp-circular-debt-economics.html",
                    "r02-wp-newspaper-copy-icj-intl-law.txt",
                    "r03-whatsapp-export-asabiyyah-polsci.txt",
                    "r04-telegram-greenhouse-envsci-part1.txt",
                    "r05-pdf-handout-sco-current-affairs-pms-punjab.txt",
                    "r06-pandoc-docx-women-labour-gender-studies.md",
                    "r07-phpbb-forum-media-socialization-sociology.html",
                    "r08-urdu-blogger-lahore-resolution-pms-sindh.txt",
                    "r09-blogger-soho-ihtisab-islamiat-arabic.html",
                    "r10-wp-kadence-two-answers-gpp-2020.html",
                    "r11-tablepress-topicwise-pak-affairs-questions.html",
                    "r12-copy-topicwise-essay-topics-css.txt",
                    "r13-facebook-yearwise-criminology-questions.txt",
                    "r14-woocommerce-polsci-notes-product-sales.html",
                    "r15-notion-export-how-to-attempt-20-marker-guide.md",
                    "r16-blogger-label-sociology-navigation.html"],
    "held-out-14": ["s01-wix-fiscal-deficit-economics-part2.html",
                    "s02-ghost-casper-two-answers-criminology-2022.html",
                    "s03-google-sites-npm-public-admin-pms-kp.html",
                    "s04-linkedin-article-new-cold-war-ir.txt",
                    "s05-quora-answer-freud-psychology.txt",
                    "s06-instagram-caption-smog-envsci.txt",
                    "s07-scribd-preview-objectives-resolution-pms-punjab.txt",
                    "s08-word-txt-afghanistan-current-affairs.txt",
                    "s09-squarespace-urdu-zakat-islamiat-pms-kp.html",
                    "s10-pandoc-notes-topicwise-ir-questions.md",
                    "s11-elementor-accordion-yearwise-economics-questions.html",
                    "s12-pdf-viewer-topicwise-islamiat-questions.txt",
                    "s13-thinkific-criminology-course-sales.html",
                    "s14-blog-copy-important-topics-psychology-2025.txt"],
    "held-out-15": ["t01-blogger-contempo-khilafat-indo-pak-history.html",
                    "t02-wp-blocksy-two-answers-biodiversity-desertification-envsci.html",
                    "t03-pdf-magazine-remittances-economics-pms-sindh.txt",
                    "t04-google-keep-note-honour-killing-gender-studies.txt",
                    "t05-wp-jannah-urdu-ijtihad-islamiat-bpsc.html",
                    "t06-tutor-lms-upper-house-uk-pakistan-polsci-cutoff.html",
                    "t07-joomla-breadcrumb-debt-trap-current-affairs.html",
                    "t08-google-classroom-stratification-sociology.txt",
                    "t09-wordpress-com-delegated-legislation-pubad-ppsc-part2.html",
                    "t10-gdocs-published-probation-parole-criminology.html",
                    "t11-studocu-preview-topicwise-ir-questions.txt",
                    "t12-wp-colormag-yearwise-pak-affairs-questions.html",
                    "t13-x-thread-topicwise-gpp-questions.txt",
                    "t14-wp-divi-search-results-essay-navigation.html",
                    "t15-daraz-product-gsa-solved-papers-book-sales.txt",
                    "t16-edu-portal-gender-studies-syllabus-topics.txt"],
    "held-out-16": ["u01-wp-neve-cci-federalism-pak-affairs.html",
                    "u02-blogger-copy-central-asia-current-affairs.txt",
                    "u03-fb-group-climate-women-gender-studies.txt",
                    "u04-whatsapp-ios-tax-base-economics-pms-punjab.txt",
                    "u05-fb-page-see-more-rule-of-law-gpp-cutoff.txt",
                    "u06-pdf-notes-academy-nuclear-deterrence-ir.txt",
                    "u07-word-txt-iqbal-khudi-polsci-part2.txt",
                    "u08-gdoc-txt-export-two-answers-sociology.txt",
                    "u09-telegram-export-urdu-last-sermon-islamiat-pms-sindh.html",
                    "u10-forum-copy-e-waste-envsci.txt",
                    "u11-wp-2021-cybercrime-peca-criminology.html",
                    "u12-blogger-yearwise-indo-pak-history-questions.html",
                    "u13-word-md-topicwise-public-admin-questions.md",
                    "u14-telegram-copy-topicwise-gsa-questions.txt",
                    "u15-wp-sydney-category-ir-archive.html",
                    "u16-gdocs-md-essay-precis-study-plan.md"],
    "held-out-17": ["v01-wp-mh-magazine-media-ethics-journalism.html",
                    "v03-fb-group-descartes-doubt-philosophy.txt",
                    "v09-xenforo-thread-nap-counter-terrorism-current-affairs-part2.html",
                    "v11-whatsapp-android-topicwise-polsci-questions.txt",
                    "v12-pdf-copy-yearwise-envsci-questions.txt",
                    "v13-wp-zakra-topicwise-sociology-questions.html",
                    "v14-fb-page-yearwise-pms-pak-affairs-questions.txt",
                    "v15-wp-hestia-tag-archive-css-2022-navigation.html",
                    "v16-fb-page-paid-notes-advert-pms-sales.txt"],
    # A MyBB thread asked in its first post and answered in its second; a blog's page of
    # older posts, each cut at its jump break.
    "held-out-19": ["v09-mybb-thread-maslow-business-admin-pms-kp.html",
                    "v14-blogger-awesome-inc-older-posts-navigation.html"],
}
"""Pages of the sets used for development after their one unseen run, read exactly."""


@pytest.mark.parametrize(("folder", "name"), [(f, n) for f, names in READ_EXACTLY.items()
                                              for n in names])
def test_pages_of_the_spent_held_out_sets_stay_exact(folder, name):
    page = accuracy.CORPUS / folder / name
    want = yaml.safe_load(page.with_name(name.rsplit(".", 1)[0] + ".expected.yaml")
                          .read_text(encoding="utf-8"))
    _, wrong, no_file = accuracy.score_page(page, want)
    assert wrong == [] and not no_file


@pytest.mark.parametrize(("folder", "floor"), [("dev", 0.98), ("held-out-1", 0.97),
                                               ("held-out-2", 0.98), ("held-out-3", 0.99),
                                               ("held-out-4", 1.0), ("held-out-5", 0.99),
                                               ("held-out-6", 0.98), ("held-out-7", 0.98),
                                               ("held-out-8", 0.98), ("held-out-9", 0.99),
                                               ("held-out-10", 0.98), ("held-out-11", 0.98),
                                               ("held-out-12", 1.0), ("held-out-13", 1.0),
                                               ("held-out-14", 1.0), ("held-out-15", 1.0),
                                               ("held-out-16", 1.0), ("held-out-17", 0.97),
                                               ("held-out-18", 0.99), ("dev-lists", 0.98),
                                               ("held-out-19", 1.0), ("held-out-20", 1.0),
                                               ("held-out-21", 0.99), ("held-out-22", 1.0),
                                               ("held-out-23", 0.99), ("held-out-24", 1.0),
                                               ("held-out-25", 1.0), ("held-out-26", 1.0),
                                               ("held-out-27", 1.0)])
def test_each_development_set_stays_above_its_measured_floor(folder, floor):
    # Measured when this was written: dev 98.4 % (789/802), held-out-1 97.1 % (235/242),
    # held-out-2 98.7 % (304/308), held-out-3 98.8 % (321/325), held-out-4 96.3 %
    # (284/295), held-out-5 90.6 % (270/298), held-out-6 88.4 % (245/277), held-out-7
    # 96.4 % (243/252; 89.3 % at its one unseen run), held-out-8 85.0 % (260/306; 55.6 %
    # unseen, when a Reddit thread, its answer in a comment, gave no file; 85.3 % later),
    # held-out-9 99.7 % (315/316; 54.1 % unseen: two question lists it did not see as
    # lists lost 99 fields), held-out-10 97.7 % (344/352; 42.9 % unseen, scored after the
    # work on held-out-9). Later: dev 98.5 %, held-out-4 96.6 %, -5 92.6 %, -6 89.5 %,
    # -8 86.3 %; held-out-11 98.2 % (334/340; 82.9 % unseen, scored after held-out-10's
    # work). Later: held-out-8 92.5 %, held-out-12 100 % (284/284; 64.4 % unseen);
    # held-out-6 93.1 %, -8 93.5 %, held-out-13 94.7 % (337/356; 42.1 % unseen).
    # Later: held-out-13 100 % (356/356), held-out-1 97.9 %, -3 99.4 %, -4 100 %, -5 99.3 %,
    # -6 98.6 %, -7 98.4 %, -8 98.4 %, -10 98.0 %; held-out-14 100 % (330/330; 70.9 %
    # unseen, scored after held-out-13's work); held-out-15 100 % (341/341; 90.9 % unseen,
    # scored after held-out-14's work); held-out-16 100 % (355/355; 68.7 % unseen, scored
    # after held-out-15's work); held-out-17 97.0 % (390/402; 86.3 % unseen, scored after
    # held-out-16's work). dev-lists (twelve question lists written apart from the
    # importer): 58.6 % (398/679) before lists were read from their item shape, 98.7 %
    # (670/679) after. held-out-18 99.7 % (376/377; 58.9 % unseen, scored after
    # held-out-17's work). held-out-19 100 % (331/331; 47.4 % unseen, scored after
    # held-out-18's work). held-out-20 100 % (311/311; 88.4 % unseen, a folder of common
    # sites, scored after held-out-19's work). held-out-21 98.7 % (302/306; 93.8 % unseen,
    # a second folder of common sites, scored after held-out-20's work). Later: held-out-21
    # 99.7 % (305/306); held-out-22 100 % (311/311; 96.5 % unseen, a third folder of common
    # sites, scored after held-out-21's work). held-out-23 99.7 % (305/306; 91.8 % unseen,
    # a fourth folder of common sites, scored after held-out-22's work). held-out-24 100 %
    # (311/311; 92.0 % unseen, a fifth folder of common sites, after held-out-23's work).
    # held-out-25 98.7 % (307/311; 97.7 % unseen, a sixth, after held-out-24's work).
    # Later: held-out-25 100 %; held-out-26 100 % (307/307; 87.9 % unseen, a seventh
    # folder of common sites, after held-out-25's work).
    # held-out-27 100 % (319/319; 94.0 % unseen, an eighth, after held-out-26's work).
    right = total = empty = 0
    for page, want in accuracy.pages(accuracy.CORPUS / folder):
        results, _, no_file = accuracy.score_page(page, want)
        right += sum(sum(r) for r in results.values())
        total += sum(len(r) for r in results.values())
        empty += no_file
    assert empty == 0
    assert right / total >= floor, f"{right}/{total}"


def test_listed_questions_load_list_and_stay_out_of_booklets(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    listed = runner.invoke(app, ["import", str(DEV / "b15-pak-affairs-topicwise-questions.txt")])
    assert listed.exit_code == 0, listed.output
    files = sorted((tmp_path / "content" / "pakistan-affairs" / "questions").glob("*.yaml"))
    assert len(files) == 12
    first = yaml.safe_load(files[0].read_text(encoding="utf-8"))
    assert first["kind"] == "question" and "introduction" not in first
    answer = runner.invoke(app, ["import", str(DEV / "a03-eighteenth-amendment.txt")])
    assert answer.exit_code == 0, answer.output
    checked = runner.invoke(app, ["check", "content"])
    assert checked.exit_code == 0, checked.output
    assert "1 answer file, 12 questions without answers" in " ".join(checked.output.split())
    shown = runner.invoke(app, ["list", "content"])
    assert shown.output.count("\t–\t") == 12  # piped: a question without an answer has no Q
    built = runner.invoke(app, ["build"])
    assert built.exit_code == 0, built.output
    from pypdf import PdfReader

    text = "".join(p.extract_text() for p in PdfReader(tmp_path / "out" / "booklet.pdf").pages)
    assert "Eighteenth Amendment" in text and "Allama Iqbal" not in text


def test_a_page_with_no_answer_says_what_it_seems_to_be(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, ["import", str(DEV / "b12-notes-bundle-sales.txt")])
    assert result.exit_code == 1
    assert "seems to be a sales page; there is no answer on it, so nothing was written" in \
        " ".join(result.output.split())
    assert not (tmp_path / "content").exists()


def test_a_draft_is_named_by_check_and_refused_by_strict(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    runner.invoke(app, ["import", str(DEV / "a03-eighteenth-amendment.txt")])
    drafted = runner.invoke(app, ["import", str(DEV / "a02-climate-water-food.txt")])
    assert drafted.exit_code == 4, drafted.output  # the page never gives its year or number
    draft = next(p for p in (tmp_path / "content").rglob("*.yaml")
                 if "# not in the source" in p.read_text(encoding="utf-8"))
    text = draft.read_text(encoding="utf-8")
    line = next(n for n, x in enumerate(text.splitlines(), 1) if "# not in the source" in x)
    checked = runner.invoke(app, ["check", "content"])
    assert f"{draft.relative_to(tmp_path).as_posix()}:{line}:" in checked.output
    strict = runner.invoke(app, ["build", "--strict"])
    assert strict.exit_code == 1 and not (tmp_path / "out" / "booklet.pdf").exists()
    built = runner.invoke(app, ["build"])
    assert built.exit_code == 0 and "left out of booklets" in built.output


def test_a_folder_of_drafts_and_questions_says_why_there_is_nothing_to_build(
        tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    runner.invoke(app, ["import", str(DEV / "a02-climate-water-food.txt"),
                        str(DEV / "b15-pak-affairs-topicwise-questions.txt")])
    built = runner.invoke(app, ["build"])
    assert built.exit_code == 2 and not (tmp_path / "out" / "booklet.pdf").exists()
    out = " ".join(built.output.split())
    assert "holds no answer ready to build, only 1 draft(s) with fields to write and 12 " \
        "question(s) without answers" in out
    assert "year: not in the source; write the year" in out  # the warnings still show


def test_list_piped_into_a_reader_that_stops_is_no_error(tmp_path, monkeypatch):
    import subprocess
    import sys

    monkeypatch.chdir(tmp_path)
    CliRunner().invoke(app, ["import", str(DEV / "b15-pak-affairs-topicwise-questions.txt")])
    run = subprocess.run(f"'{sys.executable}' -m studypack.cli list content | head -1; "
                         "exit ${PIPESTATUS[0]}", shell=True, capture_output=True, text=True,
                         check=False,
                         timeout=60, executable="/bin/bash")
    assert run.stdout.count("\n") == 1 and "internal error" not in run.stderr
    assert run.returncode == 0
