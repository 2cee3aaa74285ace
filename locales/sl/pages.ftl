## Home (home.html)
home-title = Dobrodošli
home-latest = Novosti
home-partners = Partnerji

## Lists (list.html)
list-empty = Tu še ni ničesar.
list-count = { $count ->
    [one] { $count } dokument
    [two] { $count } dokumenta
    [few] { $count } dokumenti
   *[other] { $count } dokumentov
}
list-next = Naslednja stran
list-shown-in = Jezik prikaza: { $language } – prevoda v vaš jezik še ni.
filter-partner = Partner
filter-theme = Tema
filter-status = Stanje
filter-all = Vse
filter-apply = Prikaži

## Search (search.html)
search-title = Iskanje
search-label = Iskane besede v katerem koli jeziku
search-button = Išči
search-count = { $count ->
    [one] { $count } zadetek
    [two] { $count } zadetka
    [few] { $count } zadetki
   *[other] { $count } zadetkov
}
search-matched-in = Najdeno v jeziku: { $language }

## Signing in (sign_in.html)
sign-in-title = Prijava
sign-in-button = Prijavite se
field-email = E-naslov
field-password = Geslo

## A document (document.html)
document-title = Dokument
document-status = Stanje
document-updated = Posodobljeno { $date }
document-tools = Orodja
document-edit = Uredi
document-history = Zgodovina
document-facts = Osnovni podatki
document-original-language = Izvirni jezik
document-languages = Jeziki
document-translate-into = Prevedi v:
document-attachments = Priloge
banner-fallback = To besedilo še ni prevedeno v vaš jezik, zato je prikazano v drugem jeziku ({ $language }).
banner-outdated = Ta prevod je zastarel: izvirnik ({ $language }) se je od prevoda spremenil.
banner-machine = To besedilo je strojno prevedeno.
document-returned = V osnutek vrnil(a) { $name }, { $date }:
document-section-fallback = Še ni prevedeno: ta razdelek je prikazan v jeziku { $language }.
workflow-heading = Potek odobritve
workflow-comment = Komentar (zakaj se dokument vrača)
move-to-in_review = Pošlji v pregled
move-to-draft = Vrni med osnutke
move-to-published = Objavi
move-to-archived = Arhiviraj
action-progress = Opravljeno: { $percent } %
lineage-heading = Prenos te prakse
lineage-description = { $count ->
    [0] Te prakse še ne navaja noben akcijski načrt.
    [one] Po tej praksi se je zgledoval { $count } ukrep akcijskega načrta.
    [two] Po tej praksi sta se zgledovala { $count } ukrepa akcijskih načrtov.
    [few] Po tej praksi so se zgledovali { $count } ukrepi akcijskih načrtov.
   *[other] Po tej praksi se je zgledovalo { $count } ukrepov akcijskih načrtov.
}
lineage-none = Te prakse še ne navaja noben akcijski načrt.
lineage-inspired-by = Zgled so dale te dobre prakse

## History (history.html)
history-title = Zgodovina
history-of = Zgodovina dokumenta „{ $title }“
history-back = Nazaj na dokument
history-when = Kdaj
history-who = Kdo
history-what = Kaj
history-details = Podrobnosti
history-system = Platforma
history-action-created = Ustvarjeno
history-action-edited = Urejeno
history-action-translated = Prevedeno
history-action-status_changed = Spremenjeno stanje
history-action-attachment_added = Dodana priloga
history-action-attachment_removed = Odstranjena priloga

## Partner (partner.html)
partner-title = Partner
partner-name-en = Ime v angleščini
partner-role = Vloga v projektu
partner-region = Regija
partner-language = Jezik
partner-documents = Dokumenti partnerja

## Account (account.html)
account-title = Vaš račun
account-role = Vaša vloga
field-display-name = Vaše ime
field-language = Jezik strani in e-poštnih sporočil
field-time-zone = Časovni pas
save-button = Shrani

## Forms (doc_form.html, macros.html)
new-practice = Nova dobra praksa
new-meeting_note = Nov zapisnik sestanka
new-action_plan = Nov akcijski načrt
edit-title = Urejanje
edit-of = Urejanje: „{ $title }“
form-markdown-hint = V daljših besedilih lahko uporabite Markdown: **krepko**, *ležeče*, sezname z vrsticami, ki se začnejo z „- “, in povezave.
form-has-errors = Nekatera polja potrebujejo vašo pozornost; vsako je označeno spodaj.
form-refused = Vaš račun nima dovoljenja za shranjevanje. Nič od vnesenega ni izgubljeno: besedilo kopirajte ali pa za pravico do pisanja prosite koordinatorja svojega partnerja.
form-add-action = Dodaj še en ukrep
form-add-item = Dodaj še eno nalogo
form-about = O dokumentu
form-practice-text = Praksa
form-evidence = Dokazila
form-meeting = Sestanek
form-minutes = Zapisnik
form-plan = Načrt
form-none = Brez
field-original-language = Izvirni jezik
field-visibility = Kdo ga lahko bere po objavi
field-themes = Teme
field-title = Naslov
field-summary = Povzetek
field-problem = Obravnavani problem
field-description = Opis
field-resources = Potrebni viri
field-timescale = Časovni okvir
field-evidence_of_success = Dokazi o uspešnosti
field-difficulties = Težave pri izvajanju
field-transfer_potential = Možnosti za učenje ali prenos
field-stakeholders = Deležniki
field-agenda = Dnevni red
field-discussion = Razprava
field-decisions = Sklepi
field-policy_context = Okvir javnih politik
field-background = Ozadje: kaj smo se naučili in od koga
field-players = Vključeni akterji
field-funding_sources = Viri financiranja
field-indicators = Kazalniki
hint-summary = Dva ali trije stavki o tem, kaj je praksa.
hint-problem = Izziv, na katerega se praksa odziva.
hint-description = Kaj se izvaja, kako in kdo to izvaja.
hint-resources = Ljudje, sredstva in partnerji, ki jih potrebuje.
hint-timescale = Koliko časa trajata vzpostavitev in izvajanje.
hint-evidence_of_success = Oprijemljivi, merljivi rezultati.
hint-difficulties = Kaj je bilo težko in kako je bilo rešeno.
hint-transfer_potential = Kaj bi potrebovala druga regija, da bi jo prevzela.
hint-stakeholders = Kdo sodeluje in kdo ima od nje korist.
field-location = Lokacija
field-country = Država
hint-country = Dve črki, na primer FR ali SE.
field-region = Regija
field-city = Mesto
field-start_year = Od
field-end_year = Do
hint-end_year = Pustite prazno, dokler se izvaja.
field-target_groups = Ciljne skupine
field-instruments = Instrumenti
field-instrument_type = Glavni instrument
field-loan_size_min_eur = Najmanjše posojilo (EUR)
field-loan_size_max_eur = Največje posojilo (EUR)
field-beneficiaries_reached = Dosežene osebe
field-repayment_rate_percent = Stopnja vračila (%)
field-funding_source = Vir financiranja
field-contact = Kontakt
field-contact_name = Kontaktna oseba
field-contact_organisation = Organizacija
field-contact_email = E-naslov za stike
field-links = Povezave
hint-links = En spletni naslov v vsaki vrstici.
field-meeting_type = Vrsta sestanka
field-starts_at = Začetek
field-ends_at = Konec
field-place = Kraj
field-online_url = Povezava do spletnega sestanka
field-attendees = Udeleženci
field-attendee-name = Ime udeleženca
hint-attendees = Ena oseba v vsaki vrstici: ime — organizacija.
field-action_items = Naloge
hint-action_items = Vrstico pustite prazno, če je ne potrebujete; označite »Odstrani to nalogo«, da odstranite nalogo.
field-item = Naloga
field-item-title = Kaj je treba narediti
field-assignee = Odgovorni partner
field-due_on = Rok
field-status = Stanje
field-policy_instrument = Instrument politike
field-actions = Ukrepi
field-action = Ukrep
field-progress_percent = Napredek (%)
field-starts_on = Datum začetka
field-ends_on = Datum konca
field-estimated_cost_eur = Ocenjeni stroški (EUR)
field-inspired_by = Zgled so dale te dobre prakse

## Translation editor (translate.html)
translate-title = Prevod
translate-into = Prevod v jezik: { $language }
translate-of = Izvirnik: „{ $title }“
translate-changed = Spremenjeno od zadnjega prevoda
field-origin = Prevedel

## Notices shown after a form was sent
notice-signed-out = Odjavljeni ste.
notice-created = Dokument je bil ustvarjen kot osnutek.
notice-saved = Vaše spremembe so shranjene.
notice-translation-saved = Prevod je shranjen.
notice-moved = Stanje je spremenjeno.
notice-move-needs-comment = Navedite, zakaj se dokument vrača med osnutke.
notice-changed-meanwhile = Nekdo je medtem spremenil dokument; preverite ga znova.
notice-account-saved = Vaše nastavitve so shranjene.

## Error pages (error.html)
error-page-not-found = Strani ni mogoče najti
error-page-not-found-text = Ta stran ne obstaja ali pa je ne smete videti.
error-page-forbidden = Ni dovoljeno
error-page-forbidden-text = Vaš račun nima dovoljenja za to dejanje.
error-page-unauthorized = Prijavite se
error-page-unauthorized-text = Za nadaljevanje se prijavite.
error-page-failed = Prišlo je do napake
error-page-failed-text = Strani ni bilo mogoče prikazati. Poskusite znova čez nekaj trenutkov.
error-page-unavailable = Storitev je začasno nedosegljiva
error-page-unavailable-text = Podatkovna zbirka se ta trenutek ne odziva, zato nič od poslanega ni bilo shranjeno. Brskalnik še hrani, kar ste vnesli: vrnite se in pošljite znova čez nekaj sekund.
error-page-storage-full = Prostor za shranjevanje na strežniku je poln
error-page-storage-full-text = Za shranjevanje spremembe ni več prostora, zato nič od nje ni bilo shranjeno. Branje deluje kot običajno. Brskalnik še hrani, kar ste vnesli: vrnite se in besedilo shranite, dokler upravljavec platforme ne sprosti prostora.

## Digest settings (account.html)
account-digest = Povzetek po e-pošti
field-digest-frequency = Pogostost
digest-frequency-off = Nikoli
digest-frequency-daily = Vsak dan
digest-frequency-weekly = Vsak teden
field-digest-weekday = Dan v tednu
weekday-1 = ponedeljek
weekday-2 = torek
weekday-3 = sreda
weekday-4 = četrtek
weekday-5 = petek
weekday-6 = sobota
weekday-7 = nedelja
field-digest-hour = Ura
field-digest-hour-hint = V vašem časovnem pasu.
