## The static archive `mfx archive` writes: the link in the footer of its pages (base.html),
## its about page (archive_about.html) and its search page (archive_search.html).
archive-footer-about = O tem arhivu
archive-about-title = O tem arhivu
archive-about-made = Ta arhiv je bil izdelan dne { $date } z različico { $version } platforme.
archive-about-static = Je kopija javnih vsebin platforme, ki ne potrebuje strežnika: odprite index.html iz njegove mape ali mapo objavite pri katerem koli spletnem gostitelju.
archive-about-contents-heading = Kaj vsebuje
archive-about-contents = Vse dokumente, ki so jih partnerji objavili za vse, v vsakem jeziku platforme, s priponkami in stranmi partnerjev. Kadar dokument v nekem jeziku nima besedila, njegova stran pove, v katerem jeziku je prikazan.
archive-about-count-documents = Vseh dokumentov
archive-about-count-files = Priponke
archive-about-languages = Jeziki
archive-about-search = Iskanje deluje v brskalniku, brez strežnika, kadar je JavaScript vklopljen.
archive-about-left-out-heading = Česa ne vsebuje
archive-about-left-out = Ne vsebuje osnutkov, dokumentov v pregledu, dokumentov, deljenih samo znotraj partnerstva, prevodov, ki čakajo na pregled, zgodovine sprememb ter imen in naslovov oseb.
archive-licence-heading = Licenca
archive-licence = Dokumente tega arhiva je mogoče ponovno uporabiti pod to licenco:
archive-licence-default = Creative Commons Priznanje avtorstva 4.0 Mednarodna (CC BY 4.0)
archive-search-help = Vpišite začetke besed v katerem koli jeziku arhiva; naglasi in velike črke niso pomembni, dokument pa mora vsebovati vse besede.
archive-search-noscript = Iskanje potrebuje JavaScript, ki je v tem brskalniku izklopljen. Seznami dobrih praks, zapisnikov sestankov in akcijskih načrtov vodijo do vseh dokumentov.
# The browser puts the number in place of $count: no variants by number here.
archive-search-found = Najdeni dokumenti: { $count }
archive-search-none = Noben dokument ne vsebuje vseh teh besed.
