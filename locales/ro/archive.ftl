## The static archive `mfx archive` writes: the link in the footer of its pages (base.html),
## its about page (archive_about.html) and its search page (archive_search.html).
archive-footer-about = Despre această arhivă
archive-about-title = Despre această arhivă
archive-about-made = Această arhivă a fost realizată pe { $date } cu versiunea { $version } a platformei.
archive-about-static = Este o copie a conținutului public al platformei care nu are nevoie de server: deschideți index.html din dosarul său sau puneți dosarul pe orice serviciu de găzduire web.
archive-about-contents-heading = Ce conține
archive-about-contents = Toate documentele pe care partenerii le-au publicat pentru toată lumea, în fiecare limbă a platformei, cu fișierele atașate și paginile partenerilor. Când un document nu are text într-o limbă, pagina sa arată în ce limbă este afișat.
archive-about-count-documents = Documente în total
archive-about-count-files = Fișiere atașate
archive-about-languages = Limbi
archive-about-search = Căutarea funcționează în browser, fără server, atunci când JavaScript este activat.
archive-about-left-out-heading = Ce nu conține
archive-about-left-out = Ciornele, documentele aflate în revizuire, documentele partajate numai în cadrul parteneriatului, traducerile care așteaptă revizuirea, istoricul modificărilor, precum și numele și adresele persoanelor.
archive-licence-heading = Licență
archive-licence = Documentele din această arhivă pot fi reutilizate sub această licență:
archive-licence-default = Creative Commons Atribuire 4.0 Internațional (CC BY 4.0)
archive-search-help = Tastați începutul cuvintelor, în orice limbă a arhivei; diacriticele și majusculele nu contează, iar un document trebuie să conțină toate cuvintele.
archive-search-noscript = Căutarea are nevoie de JavaScript, care este dezactivat în acest browser. Listele de bune practici, note de ședință și planuri de acțiune duc la fiecare document.
# The browser puts the number in place of $count: no variants by number here.
archive-search-found = Documente găsite: { $count }
archive-search-none = Niciun document nu conține toate aceste cuvinte.
