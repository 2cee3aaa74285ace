## Home (home.html)
home-title = Bun venit
home-latest = Noutăți
home-partners = Partenerii

## Lists (list.html)
list-empty = Nu există încă niciun conținut.
list-count = { $count ->
    [one] Un document
    [few] { $count } documente
   *[other] { $count } de documente
}
list-next = Pagina următoare
list-shown-in = Afișat în limba { $language }: încă nu există o traducere în limba dumneavoastră.
filter-partner = Partener
filter-theme = Temă
filter-status = Stare
filter-all = Toate
filter-apply = Afișați

## Search (search.html)
search-title = Căutare
search-label = Cuvinte de căutat, în orice limbă
search-button = Căutați
search-count = { $count ->
    [one] Un rezultat
    [few] { $count } rezultate
   *[other] { $count } de rezultate
}
search-matched-in = Găsit în limba { $language }

## Signing in (sign_in.html)
sign-in-title = Autentificare
sign-in-button = Autentificați-vă
field-email = Adresă de e-mail
field-password = Parolă

## A document (document.html)
document-title = Document
document-status = Stare
document-updated = Actualizat la { $date }
document-tools = Instrumente
document-edit = Modificați
document-history = Istoric
document-facts = Date principale
document-original-language = Limba originală
document-languages = Limbi
document-translate-into = Traduceți în:
document-attachments = Fișiere atașate
banner-fallback = Acest text este afișat în limba { $language } deoarece nu a fost încă tradus în limba dumneavoastră.
banner-outdated = Această traducere nu mai este actuală: originalul în limba { $language } a fost modificat după traducere.
banner-machine = Acest text a fost tradus automat.
document-returned = Returnat la ciornă de { $name } pe { $date }:
document-section-fallback = Netradus încă: această secțiune este afișată în { $language }.
workflow-heading = Flux de aprobare
workflow-comment = Comentariu (motivul returnării)
move-to-in_review = Trimiteți spre revizuire
move-to-draft = Readuceți la stadiul de ciornă
move-to-published = Publicați
move-to-archived = Arhivați
action-progress = Realizat în proporție de { $percent } %
lineage-heading = Transferul acestei practici
lineage-description = { $count ->
    [0] Niciun plan de acțiune nu citează încă această practică.
    [one] O acțiune dintr-un plan de acțiune a fost inspirată de această practică.
    [few] { $count } acțiuni din planuri de acțiune au fost inspirate de această practică.
   *[other] { $count } de acțiuni din planuri de acțiune au fost inspirate de această practică.
}
lineage-none = Niciun plan de acțiune nu citează încă această practică.
lineage-inspired-by = Inspirat de aceste bune practici

## History (history.html)
history-title = Istoric
history-of = Istoricul documentului „{ $title }”
history-back = Înapoi la document
history-when = Când
history-who = Cine
history-what = Ce
history-details = Detalii
history-system = Platforma
history-action-created = Creat
history-action-edited = Modificat
history-action-translated = Tradus
history-action-status_changed = Stare modificată
history-action-attachment_added = Fișier atașat
history-action-attachment_removed = Fișier eliminat

## Partner (partner.html)
partner-title = Partener
partner-name-en = Denumirea în limba engleză
partner-role = Rolul în proiect
partner-region = Regiune
partner-language = Limbă
partner-documents = Documentele partenerului

## Account (account.html)
account-title = Contul dumneavoastră
account-role = Rolul dumneavoastră
field-display-name = Numele dumneavoastră
field-language = Limba paginilor și a mesajelor de e-mail
field-time-zone = Fus orar
save-button = Salvați

## Forms (doc_form.html, macros.html)
new-practice = Bună practică nouă
new-meeting_note = Notă de ședință nouă
new-action_plan = Plan de acțiune nou
edit-title = Modificare
edit-of = Modificare: „{ $title }”
form-markdown-hint = Textele lungi pot folosi Markdown: **aldin**, *cursiv*, liste cu rânduri care încep cu „- ” și legături.
form-has-errors = Unele câmpuri necesită atenția dumneavoastră; fiecare este marcat mai jos.
form-refused = Contul dumneavoastră nu are permisiunea de a salva. Nimic din ce ați scris nu s-a pierdut: copiați textul sau cereți dreptul de a scrie coordonatorului partenerului dumneavoastră.
form-add-action = Adăugați încă o acțiune
form-add-item = Adăugați încă o sarcină
form-about = Despre document
form-practice-text = Practica
form-evidence = Dovezi
form-meeting = Reuniunea
form-minutes = Procesul-verbal
form-plan = Planul
form-none = Niciunul
field-original-language = Limba originală
field-visibility = Cine îl poate citi după publicare
field-themes = Teme
field-title = Titlu
field-summary = Rezumat
field-problem = Problema abordată
field-description = Descriere
field-resources = Resurse necesare
field-timescale = Calendar
field-evidence_of_success = Dovezi ale succesului
field-difficulties = Dificultăți întâmpinate
field-transfer_potential = Potențial de învățare sau de transfer
field-stakeholders = Părți interesate
field-agenda = Ordinea de zi
field-discussion = Discuții
field-decisions = Decizii
field-policy_context = Contextul politicilor publice
field-background = Context: ce s-a învățat și de la cine
field-players = Actori implicați
field-funding_sources = Surse de finanțare
field-indicators = Indicatori
hint-summary = Două sau trei fraze care descriu practica.
hint-problem = Provocarea la care răspunde practica.
hint-description = Ce se face, cum și de către cine.
hint-resources = Personalul, fondurile și partenerii necesari.
hint-timescale = Cât durează punerea în aplicare și funcționarea.
hint-evidence_of_success = Rezultate concrete și măsurabile.
hint-difficulties = Ce a fost dificil și cum s-a rezolvat.
hint-transfer_potential = De ce ar avea nevoie o altă regiune pentru a o adopta.
hint-stakeholders = Cine este implicat și cine beneficiază.
field-location = Localizare
field-country = Țară
hint-country = Două litere, de exemplu FR sau SE.
field-region = Regiune
field-city = Oraș
field-start_year = Din
field-end_year = Până în
hint-end_year = Lăsați necompletat dacă este încă în desfășurare.
field-target_groups = Grupuri țintă
field-instruments = Instrumente
field-instrument_type = Instrument principal
field-loan_size_min_eur = Cel mai mic împrumut (EUR)
field-loan_size_max_eur = Cel mai mare împrumut (EUR)
field-beneficiaries_reached = Persoane sprijinite
field-repayment_rate_percent = Rata de rambursare (%)
field-funding_source = Sursă de finanțare
field-contact = Contact
field-contact_name = Persoană de contact
field-contact_organisation = Organizație
field-contact_email = Adresă de e-mail de contact
field-links = Adrese web
hint-links = Câte o adresă web pe rând.
field-meeting_type = Tipul reuniunii
field-starts_at = Începe la
field-ends_at = Se încheie la
field-place = Locul
field-online_url = Adresa reuniunii virtuale
field-attendees = Participanți
field-attendee-name = Numele participantului
hint-attendees = Câte o persoană pe rând: nume — organizație.
field-action_items = Sarcini de îndeplinit
hint-action_items = Lăsați un rând gol pentru a-l omite; bifați „Eliminați această sarcină” pentru a elimina o sarcină.
field-item = Sarcină
field-item-title = Ce trebuie făcut
field-assignee = Partener responsabil
field-due_on = Termen
field-status = Stare
field-policy_instrument = Instrument de politici publice
field-actions = Acțiuni
field-action = Acțiune
field-progress_percent = Progres (%)
field-starts_on = Data de început
field-ends_on = Data de încheiere
field-estimated_cost_eur = Cost estimat (EUR)
field-inspired_by = Inspirat de aceste bune practici

## Translation editor (translate.html)
translate-title = Traducere
translate-into = Traducere în limba { $language }
translate-of = Original: „{ $title }”
translate-changed = Modificat de la ultima traducere
field-origin = Tradus de

## Notices shown after a form was sent
notice-signed-out = V-ați deconectat.
notice-created = Documentul a fost creat ca ciornă.
notice-saved = Modificările dumneavoastră au fost salvate.
notice-translation-saved = Traducerea a fost salvată.
notice-moved = Starea a fost modificată.
notice-move-needs-comment = Vă rugăm să precizați de ce documentul revine la stadiul de ciornă.
notice-changed-meanwhile = Cineva a modificat documentul între timp; vă rugăm să îl verificați din nou.
notice-account-saved = Setările dumneavoastră au fost salvate.

## Error pages (error.html)
error-page-not-found = Pagina nu a fost găsită
error-page-not-found-text = Această pagină nu există sau nu aveți permisiunea de a o vedea.
error-page-forbidden = Acțiune nepermisă
error-page-forbidden-text = Contul dumneavoastră nu are permisiunea pentru această acțiune.
error-page-unauthorized = Vă rugăm să vă autentificați
error-page-unauthorized-text = Autentificați-vă pentru a continua.
error-page-failed = A apărut o eroare
error-page-failed-text = Pagina nu a putut fi afișată. Vă rugăm să încercați din nou peste câteva momente.
error-page-unavailable = Serviciul este temporar indisponibil
error-page-unavailable-text = Baza de date nu poate fi accesată acum și nimic din ce ați trimis nu a fost salvat. Browserul păstrează ce ați scris: reveniți și trimiteți din nou peste câteva secunde.
error-page-storage-full = Spațiul de stocare al serverului este plin
error-page-storage-full-text = Nu mai există loc pentru a salva modificarea, deci nimic din ea nu a fost salvat. Citirea continuă ca de obicei. Browserul păstrează ce ați scris: reveniți și păstrați textul până când operatorul platformei eliberează spațiu.

## Digest settings (account.html)
account-digest = Rezumat prin e-mail
field-digest-frequency = Frecvență
digest-frequency-off = Niciodată
digest-frequency-daily = În fiecare zi
digest-frequency-weekly = În fiecare săptămână
field-digest-weekday = Ziua săptămânii
weekday-1 = luni
weekday-2 = marți
weekday-3 = miercuri
weekday-4 = joi
weekday-5 = vineri
weekday-6 = sâmbătă
weekday-7 = duminică
field-digest-hour = Ora
field-digest-hour-hint = În fusul dumneavoastră orar.
