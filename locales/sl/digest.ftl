## The email digest (crates/api/src/digest_mail.rs)
digest-subject = { -brand }: novosti od { $date }
digest-greeting = Pozdravljeni, { $name },
digest-intro = pošiljamo vam pregled novosti na platformi { -brand } od { $date }.
digest-section-practice = Dobre prakse
digest-section-meeting_note = Zapisniki sestankov
digest-section-action_plan = Akcijski načrti
digest-section-translation = Prevodi dokumentov vašega partnerja
digest-section-deliverable = Dosežki vašega partnerja
digest-section-action_item = Naloge vašega partnerja
digest-overdue = Zamujeno
digest-due-soon = Rok v naslednjih 14 dneh
digest-change-new = novo
digest-change-updated = posodobljeno
digest-change-translation = nov prevod: { $language }
digest-change-outdated = izvirnik se je od prevoda spremenil
digest-change-work = { $detail }
digest-changes = { $count ->
    [one] { $count } sprememba
    [two] { $count } spremembi
    [few] { $count } spremembe
   *[other] { $count } sprememb
}
digest-more = { $count ->
    [one] in še { $count } vnos
    [two] in še { $count } vnosa
    [few] in še { $count } vnosi
   *[other] in še { $count } vnosov
}
digest-in-language = v jeziku: { $language }
digest-due-on = rok: { $date }
digest-open = Odprite platformo { -brand }
digest-footer = Ta povzetek prejemate v skladu s svojimi nastavitvami. Spremenite jih lahko v svojem računu ali pa se odjavite od prejemanja teh sporočil:
digest-unsubscribe = Odjava od prejemanja

## Unsubscribing (unsubscribe.html)
unsubscribe-title = Odjava od povzetka po e-pošti
unsubscribe-question = Ali želite prenehati prejemati povzetek po e-pošti na naslov { $email }?
unsubscribe-button = Odjava od povzetka
unsubscribe-done = Povzetka po e-pošti ne boste več prejemali. Ponovno ga lahko vklopite v svojem računu.
unsubscribe-invalid = Ta povezava ni veljavna.

## The digest outbox (administrators)
nav-outbox = Povzetki po e-pošti
outbox-title = Poslani povzetki in povzetki v čakanju
outbox-intro = Vsak račun prejme en povzetek na obdobje. Povzetek, ki ga ni bilo mogoče poslati, se ponovno pošlje po 1, 2, 4 in do 60 minutah. Tistega, ki ga poštni strežnik dokončno zavrne, se po osmih poskusih odloži; dokler strežnik ni dosegljiv, povzetki čakajo in se odložijo šele tri dni po koncu svojega obdobja. Ko strežnik spet deluje, ga pošljite znova od tod.
outbox-all = Vsi
outbox-show = Prikaži
outbox-none = Noben povzetek ne ustreza.
outbox-account = Račun
outbox-period-end = Konec obdobja
outbox-attempts = Poskusi
outbox-next = Naslednji poskus
outbox-error = Zadnja napaka
outbox-actions = Dejanja
outbox-retry = Pošlji znova
outbox-status-pending = V čakanju
outbox-status-sending = V pošiljanju
outbox-status-sent = Poslano
outbox-status-empty = Nič novega
outbox-status-failed = Neuspešno, poskus bo ponovljen
outbox-status-parked = Odloženo
# Why a digest waits or was set aside (outbox.html, from src/web/outbox.rs)
outbox-why-rejected = Poštni strežnik je sporočilo dokončno zavrnil
outbox-why-unwritable = Sporočila ni bilo mogoče sestaviti
outbox-why-refused = Poštni strežnik je zavrnil povezavo
outbox-why-timed-out = Poštni strežnik ni odgovoril pravočasno
outbox-why-tls = Šifrirane povezave s poštnim strežnikom ni bilo mogoče vzpostaviti
outbox-why-deferred = Poštni strežnik je prosil za poznejši poskus
outbox-why-connection = Povezava s poštnim strežnikom ni uspela
outbox-why-folder = V mapo za pošto ni bilo mogoče pisati
notice-digest-queued = Povzetek bo ponovno poslan v eni minuti.
notice-digest-not-queued = Znova je mogoče poslati le neuspešen ali odložen povzetek.
