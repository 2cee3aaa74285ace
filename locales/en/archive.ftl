## The static archive `mfx archive` writes: the link in the footer of its pages (base.html),
## its about page (archive_about.html) and its search page (archive_search.html).
archive-footer-about = About this archive
archive-about-title = About this archive
archive-about-made = This archive was made on { $date } with version { $version } of the platform.
archive-about-static = It is a copy of the platform's public content that needs no server: open index.html from its folder, or put the folder on any web host.
archive-about-contents-heading = What it holds
archive-about-contents = Every document the partners published for everyone, in each language of the platform, with its attached files and the pages of the partners. Where a document has no text in a language, its page says in which language it is shown.
archive-about-count-documents = Documents in all
archive-about-count-files = Attached files
archive-about-languages = Languages
archive-about-search = Search works in the browser, without a server, when JavaScript is on.
archive-about-left-out-heading = What it leaves out
archive-about-left-out = Drafts, documents under review, documents shared only within the partnership, translations waiting for review, the history of changes, and the names and addresses of people.
archive-licence-heading = Licence
archive-licence = The documents of this archive may be reused under this licence:
archive-licence-default = Creative Commons Attribution 4.0 International (CC BY 4.0)
archive-search-help = Type the beginnings of words, in any language of the archive; accents and capitals do not matter, and a document must hold every word.
archive-search-noscript = Search needs JavaScript, which is off in this browser. The lists of good practices, meeting notes and action plans lead to every document.
# The browser puts the number in place of $count: no variants by number here.
archive-search-found = Documents found: { $count }
archive-search-none = No document holds all these words.
