## Vaši podatki: stran s podatki računa, zbirni prikaz v prenesenem arhivu in izbris računa.

data-title = Vaši podatki
data-intro = Vse, kar platforma hrani o vas, lahko prenesete, lahko pa tudi zahtevate izbris svojega računa. V obvestilu o varstvu zasebnosti je pojasnjeno, kaj se hrani, zakaj in kako dolgo.
data-privacy-link = Preberite obvestilo o varstvu zasebnosti
data-account-link = Vaši podatki: prenesite jih ali zahtevajte izbris svojega računa
data-download-heading = Prenesite svoje podatke
data-download-text = Ena datoteka ZIP z vašim računom, nastavitvami, prijavami, dokumenti, ki ste jih ustvarili, vašimi spremembami, prevodi in komentarji, vašo dejavnostjo in povzetki, ki so vam bili poslani: zbirni prikaz za branje v vašem jeziku in isti podatki kot datoteke JSON za računalniške programe.
data-download-button = Prenesi moje podatke
data-erase-heading = Izbris računa
data-erase-text = Ko je vaš račun izbrisan, se vaš e-poštni naslov, ime, geslo, prijave, naslov koledarja in povzetki trajno odstranijo in se ne morete več prijaviti. Dokumenti, ki ste jih napisali, ostanejo partnerstvu in so prikazani pod imenom vašega partnerja: so del projektne dokumentacije. Izbris potrdi koordinator.
data-erase-confirm-label = Razumem, da bo moj račun izbrisan in ga ne bo mogoče obnoviti.
data-erase-button = Zahtevaj izbris mojega računa
data-erase-requested = Izbris računa ste zahtevali dne { $date }. Koordinator ga bo potrdil; do takrat si lahko še premislite.
data-erase-requested-on = Zahtevano dne { $date }
data-erase-withdraw-button = Obdrži moj račun
data-erase-last-admin = Ste edini aktivni skrbnik: preden zahtevate izbris svojega računa, dodelite vlogo skrbnika drugemu računu.
data-erase-confirm-required = Za potrditev označite polje.
notice-erasure-requested = Vaša zahteva je zabeležena. Potrdil jo bo koordinator.
notice-erasure-withdrawn = Vaša zahteva je preklicana: vaš račun ostaja.

data-summary-title = Vaši podatki na platformi MICROFUTURE Exchange
data-summary-made = Pripravljeno dne { $date } za osebo { $name }.
data-summary-files = Ta mapa vsebuje ta zbirni prikaz in iste podatke kot datoteke JSON za računalniške programe (časi so v UTC); seznam datotek je v index.json.
data-summary-account = Vaš račun
data-account-since = Račun ustvarjen
data-count = { $count ->
    [0] Nič ni zabeleženo.
    [one] { $count } vnos.
    [two] { $count } vnosa.
    [few] { $count } vnosi.
   *[other] { $count } vnosov.
}
data-none = —
data-section-sessions = Prijave
data-section-calendar = Naslovi koledarja
data-section-documents = Dokumenti, ki ste jih ustvarili
data-section-revisions = Spremembe, ki ste jih naredili v dokumentih
data-section-translations = Prevodi, ki ste jih napisali
data-section-drafts = Osnutki, na katerih ste delali
data-section-proposals = Prevodi, ki ste jih predlagali
data-section-deliverables = Dosežki, ki ste jim spremenili stanje
data-section-activity = Vaša dejavnost
data-section-digests = Povzetki, ki so vam bili poslani
data-col-signed-in = Prijava
data-col-ends = Konec (dejanski ali predviden)
data-col-how = Način
data-col-made = Ustvarjen
data-col-stopped = Ustavljen
data-col-title = Naslov
data-col-kind = Vrsta
data-col-status = Stanje
data-col-when = Kdaj
data-col-language = Jezik
data-col-comment = Komentar
data-col-from = Prejšnje stanje
data-col-to = Novo stanje
data-col-what = Kaj
data-col-period = Obdobje
data-col-sent = Poslano
data-session-browser = V brskalniku
data-session-api = Prek API-ja
data-event-account_created = Račun ustvarjen
data-event-account_changed = Račun spremenjen
data-event-account_deactivated = Račun onemogočen
data-event-account_reactivated = Račun znova omogočen
data-event-account_password_reset = Dodeljeno novo enkratno geslo
data-event-erasure_requested = Zahtevan izbris računa
data-event-erasure_withdrawn = Zahteva za izbris preklicana
data-event-document_created = Dokument ustvarjen
data-event-document_updated = Dokument spremenjen
data-event-document_status_changed = Spremenjeno stanje dokumenta
data-event-draft_updated = Osnutek shranjen
data-event-translation_created = Prevod dodan
data-event-translation_updated = Prevod spremenjen
data-event-translation_proposed = Prevod predlagan
data-event-attachment_added = Dodana priloga
data-event-attachment_proposed = Predlagana priloga
data-event-other = Druga sprememba

admin-erasures-title = Zahteve za izbris računa
admin-erasures-intro = Te osebe so zahtevale izbris svojih računov. Izbris trajno odstrani njihov e-poštni naslov, ime, geslo, prijave in povzetke; dokumenti, ki so jih napisale, ostanejo in so prikazani pod imenom njihovega partnerja.
admin-erasures-none = Nobena zahteva ne čaka.
admin-erasures-link = Zahteve za izbris računa ({ $count })
admin-erasure-asked = Zahtevano dne { $date }
admin-erasure-button = Izbriši račun osebe { $name }
admin-erasure-done = Račun je izbrisan.
admin-erasure-last-admin = To je edini aktivni skrbnik: najprej dodelite vlogo skrbnika drugemu računu.
admin-erasure-gone = Zahteva je bila preklicana ali pa je bil račun že izbrisan.
history-former-member = Nekdanji član partnerja { $partner }
