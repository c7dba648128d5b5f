"""Site text that is not the answer: which blocks to drop, and where a page's answer ends.

Input: one block's plain text. Output: a verdict. Two kinds of junk: the
start of a page's tail (comment form, "Back to top", ad-blocker notice),
after which nothing more is the answer, and single blocks dropped where they
stand (share buttons, menus, promotions, attributions, captchas, greetings,
dates, forum user stats and signatures). Only short blocks are ever judged
junk by their words, so a real paragraph that starts "Join …" is kept.
"""

from __future__ import annotations

import re

from .blocks import EMOJI

TAIL_STARTS = (
    "leave a reply", "leave a comment", "your email address will not be published",
    "back to top", "adblock detected", "ad blocker detected", "please disable the ad blocker",
    "please disable your ad blocker", "post comment", "required fields are marked",
    "you may also like", "related posts", "related articles", "previous article",
    "next article", "previous post", "next post", "previous:", "similar threads", "quick reply",
    "write a comment", "log in to leave a comment", "login to leave a comment",
    "sign in to comment", "add a comment", "add class comment", "post a comment",
    "join the discussion",
    "comments are closed", "premium members only", "members only", "this content is for",
    "subscribe to read", "subscribe to continue", "log in to read", "login to read",
    "unlock the full", "become a member", "already a member", "to read the full answer",
    "about the author",
    # a notes app's links to other notes: Obsidian's backlinks, Notion's linked databases
    "backlinks", "linked mentions", "linked databases",
    "to continue reading", "this answer is for members",
    # An Urdu site's tail: related posts, comments, comment box, share bar.
    "متعلقہ تحریریں", "متعلقہ پوسٹس", "متعلقہ مضامین", "تبصرہ کریں", "اپنا تبصرہ",
    "شیئر کریں", "اس تحریر کو شیئر", "اس پوسٹ کو شیئر", "نیا تبصرہ", "مقبول تحریریں",
    "بلاگ آرکائیو",
)
"""Lines from which the rest of a scraped page is site chrome, not the answer."""

CAPTCHA = re.compile(r"^\s*[\w]+\s*[+\-−×x*]\s*\w+\s*=\s*\??\s*$", re.IGNORECASE)

SIDE_NOTE = r"\(\s*(?:margin|side|my|personal|teacher'?s|sir'?s) notes?\s*\)\W*$"
"""A line marked as the writer's own note ("… (my notes)"); closing a document's title it
says whose the document is ("Pak Affairs — solved Qs (my notes)")."""
SIDE_NOTE_MARK = re.compile(SIDE_NOTE, re.IGNORECASE)

POLL_LINE = re.compile(r"^\W*(?:anonymous |quiz )?poll\s*:\s*\S", re.IGNORECASE)
"""A poll's question, as a channel posts it ("📊 Poll: Which topic should we solve?")."""


_JUNK_PATTERNS = (
    # share bars and buttons
    # (Blogger's row: "Email This", "BlogThis!", "Share to X")
    (r"^(?:(?:share(?: this(?: post| article)?| on \w+| via \w+| to \w+)?|tweet|pin it|"
     r"like(?: this)?|blogthis|email this|"
     r"reply|quote|multi-quote|report|print|email|copy link|thanks|facebook|twitter|whatsapp|"
     r"telegram|linkedin|pinterest|reddit)[\s:!|]*)+$"),
    r"^loading\W*$",
    # a rule drawn in text between parts ("---", "~~~~~", "* * *"): a separator, no words
    r"^(?:[-–—_=~*·•]\s?){3,}$",
    # a channel post's views and time, as a Telegram copy sets them under it ("2.4K edited
    # 21:06", "1.1K 21:10")
    r"^\d[\d.,]*[KkM]?\s+(?:edited\s+)?\d{1,2}:\d{2}(?:\s*[ap]\.?m\.?)?$",
    # a post going on from the one above ("(continued from above ⬆️)"), or on in the next
    # ("(continued in next post ⬇️)", the next post copied under it)
    r"^\W*continued from (?:above|the (?:last|previous) (?:post|part|message)|part\s*\d)\W*$",
    r"^\W*continued in next (?:post|part|message)\W*$",
    # a theme's share box title ("Share This Story, Choose Your Platform!")
    r"^share this (?:story|post|article|page)\b[^.]{0,40}$",
    r"^(?:like\s+)?loading\W*$",
    r"^\d{1,2}\s*min(?:ute)?s?\.?\s*read$",
    r"^(?:tags?|categories|category|filed under|posted in|related|labels)\s*:",
    r"^(?:enrol+|register|sign up|book|apply)\s+(?:now|today|here)\W*$",
    r"^(?:read more|continue reading|see more|show more|logo|menu)\W*$",
    # a cut post's button to the rest ("Read the Complete Answer", "Download the full notes")
    (r"^(?:read|view|see|get|download|open)\s+(?:the\s+)?(?:complete|full|whole|entire)\s+"
     r"(?:answer|post|article|notes?|pdf|solution)\W*$"),
    (r"\b(?:join our|enrol+ (?:now|today)|register now|crash course|admissions? (?:are )?open|"
     r"limited seats|shop now|add to cart|buy now|order now)\b"),
    (r"^(?=.*\b(?:buy|order|shop|only|bundle|course|notes|book|enrol\w*|discount|price|"
     r"subscri\w*)\b)"
     r".*\b(?:rs\.?|pkr)\s?\d"),
    r"\b\d{1,3}\s?%\s?off\b|\buse (?:the )?code\b|\bcheckout\b",
    r"^follow us\b",
    (r"^(?:youtube|facebook|instagram|twitter|tiktok|telegram|whatsapp|linkedin)(?: channel|"
     r" page| group| lectures?)?\s*[:\-–]"),
    r"^(?:yes\s+no|👍\s*👎)$",
    r"^\[!\w+\]",  # an Obsidian call-out: a note to oneself, not the answer
    r"^word count\b",
    # a chat post's place in a series ("Part 2/2", "Part 2 below 👇") and its view count
    r"^part\s*\d{1,2}\s*(?:(?:/|of)\s*\d{1,2}|below|follows|in the next post)\W*$",
    r"^\d{1,3}(?:\.\d)?\s?K$",
    r"^words?\s*[:\-–]\s*[\d,]+\b",  # "Words: 742 (target 800)", a word processor's count
    # an email's footer: "You can change your preferences or unsubscribe at any time"
    r"\b(?:(?:update|change|manage) (?:your )?(?:email |subscription )?preferences|"
    r"or unsubscribe|unsubscribe from this list)\b",
    (r"^(?:(?:newer|older|next|previous) posts?|home)(?:\s+(?:(?:newer|older|next|previous) "
     r"posts?|home))+$"),
    r"^subscribe to\s*:",
    r"^pages?\s*:?\s*(?:\d+\s*)+(?:next|»|›)?\W*$|^(?:next|previous|prev)\s*[»›]$",
    (r"^(?:status|created|last edited(?: time)?|reviewed by|aliases|backlinks|daily revision "
     r"log|updated)\s*:"),
    r"^(?:#[\w-]+[\s,]*){1,12}$",  # a line of hashtags
    # a post's calls to its readers: "Save this for revision & tag a friend", "Follow @x …"
    r"^\W*(?:save (?:this|it) for (?:later|revision)|tag (?:your|a) \w+ (?:buddy|friends?))\b",
    r"^\W*follow @\w+",
    r"^last (?:updated|modified|edited)\s*:",
    r"^(?:book|reserve|grab) (?:a|your) (?:seat|place|spot)\W*$",
    r"^[━─═_\-=~*·•]{5,}$",
    (r"\b(?:created group|added you|joined using this group's invite link|changed this "
     r"group's (?:settings|icon|description)|messages and calls are end-to-end encrypted|left$)"),
    r"\bfor (?:enrolled|registered|our) students(?: of [\w .'-]{2,40})? only\b",
    r"\bnot for (?:sale|resale|distribution)\b",  # a handout's notice of its rights
    r"^(?:todo|to do|fixme|note to self)\s*[:\-–]",
    r"^\(?(?:my notes|notes to self|self note)\b",
    # a to-do line of one's notes ("todo → BPSC 2019 Q2 next week")
    r"^(?:todo|to-do|to do)\s*[:→>\-–—]",
    r"^\[\s*(?:insert|add|draw|paste|put|include)\b[^\]]*\]$",  # a place left for a map or figure
    r"^word count\s*:\s*(?:about|around|approx\.?|roughly|~)?\s*\d",
    r"^[~\s]*\[\s*(?:teacher|checker|sir|madam|examiner|remarks?|feedback|comments?)\b[^\]]*\]$",
    r"^(?:date\s*:?\s*_*\s*)?page\s*no\.?\s*\d{1,3}$",  # a notebook's page number
    # a post's attached file, named alone with its type under it ("notes_week6.pdf", "PDF")
    r"^[\w ()\[\].,&'-]{1,80}\.(?:pdf|docx?|pptx?|xlsx?|jpe?g|png)$|^(?:pdf|docx?|pptx?)$",
    r"^(?:note|tip|advice) (?:for|to) (?:the )?(?:students|readers|aspirants|candidates)\b",
    # a magazine's or site's invitation to its readers ("Readers may send their attempts …")
    (r"^\W*(?:readers|students|aspirants|candidates) (?:may|can|should|are (?:invited|"
     r"requested|welcome)(?: to)?) (?:send|submit|e-?mail|mail|share|post)\b"),
    rf"^(?:{EMOJI}\uFE0F?\s*\d+\s*)+$",  # a message's reactions: 👍 11 ❤️ 6
    r"\b(?:that'?s|it'?s) (?:around|about|roughly|nearly) [\d,]+ words\b",
    # "Next handout (No. 15): …", the coming one numbered in brackets too
    r"^next (?:handout|lecture|class|lesson|post|part|topic|episode)(?:\s*\([^()]{1,20}\))?"
    r"\s*[:\-–]",
    # a site's offer to check the reader's own attempt ("Want your attempt checked? Send a
    # clear photo of your answer …")
    (r"\b(?:want|get) your (?:own )?(?:attempts?|answers?|copy|copies) checked\b|\bsend (?:us )?"
     r"(?:a )?(?:clear )?(?:photo|picture|pic|scan) of your (?:answer|attempt|copy)\b"),
    r"^\W*next\s*:\s*\S.{0,80}$",  # "📌 Next: Ibn Khaldun's thought": the coming post
    (r"\bnew batch\b|\bbatch(?:\s+(?:no\.?\s*)?\d{1,3})?\s+(?:starts|starting|begins)\b"
     r"|\badmissions? (?:are )?open\b"),
    r"\b(?:fees?|registration|admission)\s*[:\-–]?\s*(?:rs\.?|pkr)\s*[\d,]+",
    # a call to write to an account by its handle ("DM @admin", "inbox @desk to book")
    r"\b(?:dm|inbox|message|text)\s+(?:us\s+|me\s+)?(?:at\s+|on\s+)?@\w",
    r"\bsharing (?:this|these) (?:handouts?|notes|pdfs?|files?)\b.{0,60}\b(?:breach|not allowed|"
    r"prohibited|strictly)\b",
    r"^[—–-]*\s*end of (?:file|document|notes)\b",
    SIDE_NOTE,  # a note beside the text
    r"^sources?\s*:\s*(?:lecture|class|my notes|notes|sir|madam|teacher)\b",
    # the writer's reading list under the answer ("Books: Muqaddimah, chapter 2 …")
    r"^(?:recommended |suggested )?(?:books?|readings?|further reading|reading list)\s*:\s*\S",
    r"\bback to (?:index|top|home|contents|the list)\b",
    r"^(?:advertisement|sponsored|ad|ads by \w+|continue reading below)$",
    # a post's links to its neighbours, and a rating widget
    r"^(?:«\s*)?(?:previous|prev)\b.{0,80}\|\s*next\b",
    r"^rate this (?:answer|post|article)\b|[★☆]{3,}",
    (r"^share(?: this(?: post| article| answer)?| on| via)?\s*:?\s*(?:(?:facebook|twitter|x|"
     r"whatsapp|telegram|linkedin|pinterest|reddit|email|copy link)[\s,|•·–—-]*)+$"),
    r"^\[[ xX✓]?\]\s",
    r"^(?:also read|read also|see also|read more|related|read next|up next|next read)\s*[:\-–]",
    (r"^[-·•]?\s*\d{1,2}\s?[smhdwy]\s*·?\s*(?:🌍|🌐)?$|^(?:see (?:less|more)|most relevant|"
    r"all reactions:?.*|write a (?:public )?comment.*|like\s+comment\s+share)$"),
    (r"\bsave this post\b|\bshare (?:it |this )?with your (?:study )?(?:partners|friends|group|"
     r"circle|class(?:mates|fellows)?)\b"),
    POLL_LINE.pattern,  # a channel's poll ("📊 Poll: Which topic …?")
    # a teacher's or checker's remarks on the attempt ("Remarks (Sir Adeel): Good …")
    (r"^(?:(?:teacher|checker|examiner|mentor|(?:sir|madam|miss|mr\.?|ms\.?|dr\.?)\s+\w+)"
     r"['’]?s\s+)?(?:remarks?|feedback)\s*(?:\([^()]{2,40}\)|by [\w .]{2,30})?\s*:\s*\S"),
    # the score the checker gave the attempt ("Marks: 14/20", "Awarded 12 / 20")
    r"^(?:marks?|score|awarded|marks awarded)\s*[:\-–]?\s*\d{1,3}(?:\.\d)?\s*/\s*\d{1,3}\s*$",
    r"^[—–-]\s*(?:compiled|written|prepared|edited|curated) by\b",
    r"^\*{0,2}u/[\w-]+\*{0,2}\s*·",
    r"^edit(?:ed)?\s*\d*\s*:\s*(?:formatting|typo|fixed|added|spelling|thanks)",
    r"^<media omitted>$|^this message was deleted$|^(?:📌\s*)?forward(?:ed)? to\b",
    # forum furniture (vBulletin and its kind)
    (r"\bis (?:on a distinguished road|a jewel in the rough|just really nice|a name known to "
     r"all)\b|\bhas a (?:brilliant future|spectacular aura about)\b|\bwill become famous\b"),
    r"^(?:old\s+)?(?:mon|tues|wednes|thurs|fri|satur|sun)day,\s+_M\s+\d{1,2},\s+\d{4}",
    r"'s avatar$|^default\b|^originally posted by\b|^\w[\w.]* is (?:offline|online)$",
    r"^thanked [\d,]+ times?\b|^the following \d* ?users? says? thank",
    r"^(?:senior|junior|new|active|banned|regular|super) member$|^moderator$|^member$",
    r"^last edited by\b",
    r"^(?:(?:facebook|twitter|x|whatsapp|telegram|linkedin|pinterest|reddit|email)[\s,|•]*){2,}$",
    # promotion and calls to action
    (r"^(?:join|subscribe|follow us|download|enrol+|register|buy|order|get (?:our|the|your)|"
     r"click here|read (?:also|more)|also read|see also|for more|visit|contact us|call|"
     r"whatsapp us)\b.*\b(?:course|academy|app|channel|group|pdf|notes|batch|discount|"
     r"admission|link|website|whatsapp|telegram|youtube|newsletter|here|now|updates|free)\b"),
    # An Urdu site's calls to action: "join (our group)", "click here"
    (r"\u062c\u0648\u0627\u0626\u0646 \u06a9\u0631\u06cc\u06ba|"
     r"\u06cc\u06c1\u0627\u06ba \u06a9\u0644\u06a9 \u06a9\u0631\u06cc\u06ba"),
    # "Want your answers checked? Join the … Clinic": a banner's question, then its offer
    (r"^(?:want|need|looking for|struggling with)\b[^?]{0,80}\?\s*(?:join|enrol+|register|"
     r"sign up|book|subscribe)\b"),
    r"\b0\d{3}[- ]?\d{7}\b",
    r"\b(?:order|buy|book|enrol+)\s+(?:now\s+)?(?:on|via|through)\s+(?:whatsapp|telegram|inbox|dm)\b",
    (r"\bcontact (?:us )?(?:on|at|via|through)\s+(?:whatsapp|telegram|facebook|inbox|dm)\b|"
     r"\b(?:courier|home delivery|cash on delivery)\b.{0,30}\b(?:all over|across|nationwide|"
     r"available)\b"),
    # attribution
    (r"^(?:written|posted|compiled|prepared|answered|solved|shared|submitted|published|"
     r"reviewed|edited|uploaded|contributed|checked|marked|evaluated) by\b"),
    # a credit line set over the answer ("Model answer by our faculty"): who wrote it
    r"^(?:(?:model|sample|suggested|specimen)\s+)?(?:answer|solution|attempt)\s+by\b",
    r"^(?:author|courtesy|credits?|by)\s*[:\-–](?!.*[.!?]$)",  # not "Credit: banks ask …."
    # bylines: "by Admin | March 3, 2023", "By Sana Khan on 4 May 2022", "by Admin"
    # … and a forum's "by Name » Thu Feb 22, 2024 10:15 am"
    (r"^by\s+[^|•·»]{2,40}?\s*(?:[|•·»]|\bon\b)\s*(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]{0,6}"
     r",?\s+)?(?:_M|\d|(?:last )?updated|posted|published)"),
    r"^contents\s*\[\s*(?:hide|show)\s*\]$|^table of contents$",
    r"^by\s+(?:the\s+)?(?:admin|administrator|editor|staff|team|moderator)\b[\w .]{0,30}$",
    r"(?:all rights reserved|©|\bcopyright\b)",
    # greetings and sign-offs
    (r"^(?:hi|hello|hey|dear|assalam[- ]?o[- ]?alaikum|aoa|salam|salaam|thanks?(?: you)?|"
     r"best of luck|good luck|jazak ?allah(?: khair)?|welcome)(?:\s+(?:all|everyone|friends|"
     r"students|aspirants|members|readers|guys|brothers|sisters|so much|a lot|in advance|"
     r"bhai|bro|brother|sister|sir|madam|ma'?am|ji|yaar|dear|again|"
     r"for (?:reading|sharing|watching)|to (?:all|everyone)))*[\W_]*$"),
    r"^forwarded(?: many times)?$",
    r"^(?:best |kind |warm )?regards\b[,\s]*[\w .]{0,30}$",
    # dates standing alone, with an optional "posted on"
    (r"^(?:(?:posted|updated|published|last updated)(?: on)?\s*:?\s*)?"
     r"(?:\d{1,2}(?:st|nd|rd|th)?[ /.-](?:\d{1,2}|_M)[ /.-]\d{2,4}|_M \d{1,2}(?:st|nd|rd|th)?,? "
     r"\d{4}|\d{4}-\d{2}-\d{2})(?:,? (?:at )?\d{1,2}:\d{2}\s*(?:am|pm)?)?$"),
    r"^(?:posted|updated|published) (?:on|at)\b",
    # forum user stats and signatures; a dash joined to a word on both sides makes one
    # word of the two ("Gender-Based Violence", "Age-Old Customs"), no field and value
    (r"^(?:posts|joined|join date|reputation|likes?(?: received)?|thanks|points|location|"
     r"member since|messages|rep|karma|views|replies|age|gender)"
     r"(?:\s*:|\s+[\-–]|[\-–](?=\s|\d))\s*\S"),
    r"^\d[\d,]*\s+(?:views|comments?|likes|replies|posts|shares|responses|thoughts)\b",
    # a forum topic's map, its figures run into their words ("createdMar 9", "2replies",
    # "486views"), as Discourse sets it under the first post
    r"^(?:created|last reply|last post)\s*_M\s*\d{1,2}(?:,\s*\d{4})?$",
    r"^[\d.,]+[KkM]?(?:replies|views|users|likes|links)$",
    # a post's reaction counts: "👍❤️ 1.4K   236 comments   88 shares"
    r"^\W*[\d.,]+[KkM]?(?:\s+[\d.,]+[KkM]?\s+(?:comments?|shares?|likes?|views?))+\s*$",
    r"^(?:senior|junior|new|active|banned)? ?member$",
    r"^sent from my\b",
    r"^[_\-=~*]{5,}(?:\s|$)",  # a signature's rule line, and the signature after it
    # menus and page furniture that trafilatura or a copy may leave
    r"^(?:home|menu|search|login|log in|sign in|sign up|skip to content|toggle navigation)$",
)
"""Short blocks matching one of these are site text (see ``is_junk``)."""

_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]{0,6}\.?"

_SHORT_JUNK = re.compile("|".join(_JUNK_PATTERNS).replace("_M", _MONTH), re.IGNORECASE)

SHORT = 160
"""Blocks up to this many characters may be judged junk by their words."""

_NAV_WORDS = {"home", "about", "about us", "contact", "contact us", "login", "register",
              "privacy", "privacy policy", "menu", "blog", "search", "sitemap", "terms",
              "faq", "faqs", "news", "forum", "forums", "books", "shop", "courses", "jobs"}


COMMENTS_HEADING = re.compile(
    # Google Classroom's "3 class comments"
    r"^\W*(?:(?:\d[\d,]*|no|one|two|three|four|five)\s+(?:(?:class\s+)?comments?|responses?|replies|"
    r"thoughts? on\b.*)|(?:(?:readers?|users?|your|visitors?)[’']?s?\s+)?(?:comments?|"
    r"responses?|replies|discussion|feedback)(?:\s*\(\d+\)|\s+\d+)?"
    # Urdu's "2 comments" (tabsire, tabsira)
    r"|\d[\d,]*\s+\u062a\u0628\u0635\u0631[\u06d2\u06c1])\s*[:.]?$",
    re.IGNORECASE)
"""A comment section's heading ("12 Comments", "5 thoughts on …"): after an answer, the
rest of the page is its comments."""

_TRAILING = re.compile(
    # "Ahmed says: …", not a sentence opening on "All said, …" or "That said, …"
    r"^(?:(?!(?:all|that|this|having|enough|much|it)\b)"
    r"[A-Z][\w.'-]*(?: [A-Z][\w.'-]*){0,3} (?:says|said|wrote|commented)\s*:?"
    r"|(?:thanks|thank you|thx|jazak ?allah|great|nice|very (?:nice|helpful|good)|helpful|"
    r"excellent|superb|awesome|well done|good (?:work|job|effort)|masha ?allah|please "
    r"(?:upload|share|post)|plz|pls|kindly (?:upload|share|post))\b"
    r"|(?:facebook|twitter|x|whatsapp|telegram|linkedin|pinterest|reddit|email)\W*$)",
    re.IGNORECASE)
"""Blocks that are site or chat text when they close a page (a comment, a reader's thanks,
a lone share button), though they could start a sentence elsewhere."""

TRAILING_WORDS = 16
"""Closing blocks up to this many words may be judged site text by ``_TRAILING``."""


SERIES_PLACE = r"part\s*(\d{1,2})\s*(?:/|of)\s*(\d{1,2})"
"""A post's place in a series, as its part and the parts in all ("Part 2 of 3")."""
SERIES_PART = re.compile(rf"^{SERIES_PLACE}\W*$", re.IGNORECASE)
"""A post's place in a series ("Part 2/2"): one answer sent as several posts."""


TAIL_LINE = re.compile(
    r"^(?:related|related (?:posts?|reading|links)|you might also like|more from\b.{0,40}|"
    r"popular posts|recent posts|read next|tagged\b.*|posted in\b.*|share this\W*|top comments|"
    r"most (?:viewed|read|popular)|trending(?: now)?|latest posts|popular notes|"
    r"all comments|view (?:all|more) comments|sort by\b.*|\d+ comments? so far|"
    r"(?:most relevant|newest|oldest|top)(?: first)?\s*[▾▼⌄]?|"  # a comments sort menu
    # a shared document's closing mark ("— End of Group 3 document —", "— End of Set 3 —");
    # its comments and notes follow
    r"[\W_]*end of (?:the )?(?:[\w-]+ ){0,4}(?:document|file|handout|notes|set|part|answer|"
    r"post|chapter|lesson)(?: \d{1,3})?[\W_]*"
    # A notes app's stamp under an open note ("Edited Mar 14"): its toolbar and the
    # other notes follow.
    rf"|edited\s+(?:{_MONTH}\s+\d{{1,2}}(?:,?\s+\d{{4}})?|\d{{1,2}}\s+{_MONTH}(?:\s+\d{{4}})?"
    r"|yesterday|today|\d{1,2}:\d{2}\s*(?:am|pm)?))$",
    re.IGNORECASE)
"""Whole lines that start a page's tail after an answer (a related-posts block)."""

_SIGN_OFF = re.compile(r"\b(?:let me know in the comments|comment below|share (?:it|this) "
                       r"with|do share it|happy (?:learning|studying)|best of luck|"
                       r"(?:was|is|found|find) this (?:answer |article |post )?helpful|"
                       r"did (?:this|it) help\b|"
                       r"hope (?:this|it|that) helps|masha ?allah|join now|that'?s it for today|"
                       r"that is all for today|see you (?:in the next|next)|stay tuned|"
                       r"feel free to (?:reach out|contact|message|dm)|"
                       r"(?:give|leave) (?:it|this|me) (?:a few |some )?claps?|"
                       r"reach out (?:to me )?on "
                       r"(?:instagram|facebook|whatsapp|twitter|x|linkedin)|"
                       # a page's notice to readers: corrections, copying, following it
                       r"tell us in the comments|(?:found|spotted|see) (?:a|an|any) "
                       r"(?:mistake|error|typo)s?|don'?t copy (?:it |this )?without|"
                       r"follow (?:the|our|this|my) (?:page|channel|group|blog|account)"
                       r" for|follow me for|if (?:this|it) helped|copy with credit|"
                       # the next post announced ("Next in this series: Q7 …", "Next set:
                       # Q.3 and Q.7", "↩️ Next post tomorrow: …")
                       r"next (?:in this series|post|set|handout|lecture|class)"
                       r"(?: (?:tomorrow|today|on \w+day))?\s*[:–—-])"
                       # "📚 Tomorrow: Q.7 Acid rain (CSS 2020)": the series' next post
                       r"|^\W*(?:tomorrow|up next|coming (?:up|next))\s*[:–—-]",
                       re.IGNORECASE)


MEMBER_RANK = re.compile(r"^(?:(?:senior|junior|new|active|banned|regular|super)?\s?member|"
                         r"moderator|administrator)$", re.IGNORECASE)
"""A forum member's rank: the short line above it is the member's name."""


def signs_off(text: str) -> bool:
    """The writer's closing words to readers ("Hope this helps! Give it a few claps"):
    after the answer, what follows is the site's (tags, the writer's card, responses).
    """
    line = " ".join(text.split())
    return len(line.split()) <= 40 and bool(_SIGN_OFF.search(line))


def is_trailing_junk(text: str) -> bool:
    """True when ``text`` is site or chat text if it comes after the answer's last line.

    Examples: ``"Ahmed says: very helpful"``, ``"thanks bhai 👍"``, ``"Twitter"``, and all
    that ``is_junk`` finds.
    """
    line = " ".join(text.split())
    return is_junk(line) or (len(line.split()) <= TRAILING_WORDS and bool(_TRAILING.match(line))
                             ) or signs_off(line) or (
        len(line.split()) <= TRAILING_WORDS and bool(_WRITERS_NOTE.match(line))) or (
        len(line.split()) <= 50 and bool(_SIGNED_NOTE.match(line))
        and bool(re.search(r"\byou(?:r)?\b", line, re.IGNORECASE)))


_SIGNED_NOTE = re.compile(r"^[*_]*\s*[—–]\s*(?:(?:Dr|Prof|Sir|Mr|Ms|Mrs)\.?\s+)?[A-Z][\w.'-]+"
                          r"(?:\s+[A-Z][\w.'-]+){0,3}\s*,")
"""The writer's signed note to readers after the answer ("— Dr. A. Khan, Lecturer. If you
use this answer, …"); a quotation's attribution ("— Iqbal, 1930") speaks to no "you"."""


_WRITERS_NOTE = re.compile(
    r"^[*_]*[\[(]?(?:word count\s*[:\-–]?\s*[\d,]+|(?:to-?do|to do)\s*[:\-–]|"
    # the student's line to whoever marks the attempt ("Note for sir: …")
    r"note (?:for|to) (?:sir|ma'?am|miss|teacher|the checker)\s*[:\-–]|"
    r"time (?:taken|spent|used)\s*[:\-–]\s*(?:about\s*)?\d|"
    # the attempt's length and time told in a line ("~ 780 words. Time: 35 min.",
    # "Approx 750 words.")
    r"(?:~|about|around|approx\.?|approximately|roughly)\s*[\d,]{3,5}\s+words\b|"
    # a document's footnote or comment, set at its end after its anchor ("[1]", "[a]")
    r"\[(?:\d{1,2}|[a-z])\]\s*\S|"
    r"(?:sir|ma'?am|miss|teacher|examiner|checker)(?:'s|’s)?\s+(?:remarks?|comments?|feedback)"
    r"\b)", re.IGNORECASE)
"""A student's own notes on an attempt, under its last line: the word count, the teacher's
remarks and score, a to-do ("TODO – learn two couplets"); not part of the answer."""


_PAYWALL = re.compile(r"^\W*the rest of (?:this|the) (?:model )?answer\b|"
                      # not a reader's "keep the rest of the answer in paragraphs"
                      r"\b(?:(?:read|see|view|access) the rest of (?:this|the) answer|"
                      r"(?:for|to) (?:our )?premium members|"
                      r"free previews? left|end of (?:the|your) free preview|premium answer|"
                      r"premium members only|subscribe to (?:read|unlock|continue)|"
                      r"(?:post|answer|article) is for paid subscribers|keep reading with a|"
                      # a blog's cut ("Keep reading" alone): the rest is on another page
                      r"^\W*keep reading(?=\W*$)|"
                      r"upgrade to (?:paid|premium) to|unlock the "
                      r"(?:full|complete|rest)|"
                      # a document viewer's preview wall (Scribd): the pages after it are hidden
                      r"reading an? (?:free )?preview|not shown in this preview|"
                      # a sample of a paid book or PDF: "——— END OF FREE SAMPLE ———"
                      r"end of (?:the |this )?(?:free )?sample|"
                      # Gmail's cut of a long email: "[Message clipped]  View entire message"
                      r"message clipped|"
                      # a channel's answer in parts: "Part 2 (…) will be posted tomorrow"
                      r"part\s*\d\b.{0,60}\bwill be (?:posted|shared|uploaded|sent))\b",
                      re.IGNORECASE)


_CONTINUED = re.compile(r"^\W*(?:to be continued|continued (?:in|on) (?:part\s*\d|the next "
                        r"(?:post|part))|part\s*\d\s+(?:in|on) the next post)\b", re.IGNORECASE)
"""A post of several parts: "⏬ continued in Part 2", "(to be continued)"."""


_WALL_OPENS = re.compile(r"^\W*(?:preview ends here|end of (?:the |this )?(?:free )?preview)\b",
                         re.IGNORECASE)
"""A sample's wall, opening the notice that says where the rest is ("PREVIEW ENDS HERE. The
remaining 46 pages … are in the printed book"), however long that notice runs."""


def is_paywall(text: str) -> bool:
    """A notice that the rest of the answer is not here: for paying members, or in the
    post's next part (the answer is cut).
    """
    # "Download the PDF (premium members only)" sells a file: the answer is all there.
    return bool(_WALL_OPENS.match(text)) or (len(text.split()) <= 20 and bool(_PAYWALL.search(text))
            and not re.match(r"^\W*download\b", text, re.IGNORECASE)) or (
        len(text.split()) <= 8 and bool(_CONTINUED.match(text)))


def starts_tail(text: str) -> bool:
    """True when ``text`` begins the site's tail (comment form, ad-blocker notice, …)."""
    line = text.strip().lower().lstrip("←→«»‹›<>-–—•·|*🔒 ")
    return any(_tail_phrase(line, phrase) for phrase in TAIL_STARTS) or (
        len(line.split()) <= 30 and bool(_FORM_INVITE.search(line) or _ALL_COMMENTS.match(line)))


def _tail_phrase(line: str, phrase: str) -> bool:
    """``line`` opens with ``phrase``: a short one ("Related posts") only as the whole
    line, or before a colon or a count; "Related posts in the federal government" heads
    a point of the answer.
    """
    if not line.startswith(phrase):
        return False
    rest = line[len(phrase):]
    return len(phrase.split()) >= TAIL_PHRASE_WORDS or not phrase[-1].isalnum() or not re.match(
        r"\s+[^\W\d_]", rest)


TAIL_PHRASE_WORDS = 3
"""A site's phrase of three words or more ("You may also like") opens its tail however
the line goes on."""


_ALL_COMMENTS = re.compile(r"^view (?:all )?[\d,]+ (?:comments|replies)$")
"""A social post's link to its comments ("View all 48 comments"), which follow it."""


_FORM_INVITE = re.compile(r"\b(?:use|fill (?:in|out)|submit) the (?:form|box) below\b")
"""A site's invitation to write to it ("Questions? Use the form below …"): its form follows."""


_TIP = re.compile(r"^\**\s*(?:sir|ma'?am|miss|teacher|mentor|exam|pro|examiner'?s?)(?:'s| ki| ka)?"
                  r"\s+tips?\s*\**\s*[:\-–]", re.IGNORECASE)
"""A tip boxed beside the answer ("Sir ki tip: …", "Exam tip: …"): advice, not the answer."""


def is_junk(text: str) -> bool:
    """True when the block ``text`` (plain) is site text to drop where it stands.

    Examples: ``"Share on Facebook"``, ``"18 + eleven ="``, ``"Posted on March 3, 2024"``,
    ``"Posts: 1,204"``, ``"Home | About | Contact"``, ``"Assalam o Alaikum friends!"``.
    """
    line = " ".join(text.split())
    if _TIP.match(line) and len(line.split()) <= 80:
        return True
    if not line or len(line) > SHORT:
        return False
    if CAPTCHA.match(line):
        return True
    if is_menu(line):
        return True
    return bool(_SHORT_JUNK.search(line))


def menu_entry(lines: list[str], k: int) -> bool:
    """``lines[k]`` is one entry of a menu copied one entry a line: a run of four or more
    lines of at most three words around it, two of them a menu's usual words.
    """
    start = end = k
    while start > 0 and 0 < len(lines[start - 1].split()) <= 3:
        start -= 1
    while end + 1 < len(lines) and 0 < len(lines[end + 1].split()) <= 3:
        end += 1
    run = [x.strip().lower() for x in lines[start:end + 1]]
    return 0 < len(lines[k].split()) <= 3 and len(run) >= 4 and sum(
        x in _NAV_WORDS or x in ("login / register", "log in / register") for x in run) >= 2


def is_menu(line: str) -> bool:
    """A navigation menu: three or more short entries split by ``|``, ``•`` or ``»``, half of them
    usual menu words.
    """
    parts = [p.strip().lower() for p in re.split(r"\s*[|•»›]\s*", line) if p.strip()]
    return len(parts) >= 3 and all(len(p.split()) <= 3 for p in parts) and sum(
        p in _NAV_WORDS for p in parts) * 2 >= len(parts)
