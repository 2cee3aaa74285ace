## The static archive `mfx archive` writes: the link in the footer of its pages (base.html),
## its about page (archive_about.html) and its search page (archive_search.html).
archive-footer-about = Informazioni su questo archivio
archive-about-title = Informazioni su questo archivio
archive-about-made = Questo archivio è stato creato in data { $date } con la versione { $version } della piattaforma.
archive-about-static = È una copia dei contenuti pubblici della piattaforma che non ha bisogno di un server: aprite index.html dalla sua cartella, oppure pubblicate la cartella su qualsiasi hosting web.
archive-about-contents-heading = Che cosa contiene
archive-about-contents = Tutti i documenti che i partner hanno pubblicato per tutti, in ogni lingua della piattaforma, con i loro allegati e le pagine dei partner. Quando un documento non ha un testo in una lingua, la sua pagina indica in quale lingua è mostrato.
archive-about-count-documents = Documenti in totale
archive-about-count-files = Allegati
archive-about-languages = Lingue
archive-about-search = La ricerca funziona nel browser, senza server, quando JavaScript è attivo.
archive-about-left-out-heading = Che cosa non contiene
archive-about-left-out = Le bozze, i documenti in revisione, i documenti condivisi solo all’interno del partenariato, le traduzioni in attesa di revisione, la cronologia delle modifiche, e i nomi e gli indirizzi delle persone.
archive-licence-heading = Licenza
archive-licence = I documenti di questo archivio possono essere riutilizzati con questa licenza:
archive-licence-default = Creative Commons Attribuzione 4.0 Internazionale (CC BY 4.0)
archive-search-help = Digitate l’inizio delle parole, in qualsiasi lingua dell’archivio; accenti e maiuscole non contano, e un documento deve contenere tutte le parole.
archive-search-noscript = La ricerca ha bisogno di JavaScript, che in questo browser è disattivato. Gli elenchi delle buone pratiche, dei resoconti delle riunioni e dei piani d’azione portano a ogni documento.
# The browser puts the number in place of $count: no variants by number here.
archive-search-found = Documenti trovati: { $count }
archive-search-none = Nessun documento contiene tutte queste parole.
