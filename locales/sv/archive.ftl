## The static archive `mfx archive` writes: the link in the footer of its pages (base.html),
## its about page (archive_about.html) and its search page (archive_search.html).
archive-footer-about = Om det här arkivet
archive-about-title = Om det här arkivet
archive-about-made = Det här arkivet skapades den { $date } med version { $version } av plattformen.
archive-about-static = Det är en kopia av plattformens offentliga innehåll som inte behöver någon server: öppna index.html i dess mapp, eller lägg mappen på valfritt webbhotell.
archive-about-contents-heading = Vad det innehåller
archive-about-contents = Alla dokument som partnerna har publicerat för alla, på varje språk på plattformen, med bifogade filer och partnernas sidor. När ett dokument saknar text på ett språk anger dess sida på vilket språk det visas.
archive-about-count-documents = Dokument totalt
archive-about-count-files = Bifogade filer
archive-about-languages = Språk
archive-about-search = Sökningen fungerar i webbläsaren, utan server, när JavaScript är påslaget.
archive-about-left-out-heading = Vad det inte innehåller
archive-about-left-out = Utkast, dokument under granskning, dokument som bara delas inom partnerskapet, översättningar som väntar på granskning, ändringshistoriken samt personers namn och adresser.
archive-licence-heading = Licens
archive-licence = Dokumenten i det här arkivet får återanvändas under denna licens:
archive-licence-default = Creative Commons Erkännande 4.0 Internationell (CC BY 4.0)
archive-search-help = Skriv början av orden, på valfritt språk i arkivet; accenter och versaler spelar ingen roll, och ett dokument måste innehålla alla orden.
archive-search-noscript = Sökningen kräver JavaScript, som är avstängt i den här webbläsaren. Listorna över goda exempel, mötesanteckningar och handlingsplaner leder till varje dokument.
# The browser puts the number in place of $count: no variants by number here.
archive-search-found = Hittade dokument: { $count }
archive-search-none = Inget dokument innehåller alla dessa ord.
