## The email digest (crates/api/src/digest_mail.rs)
digest-subject = { -brand }: noutățile de la { $date }
digest-greeting = Bună ziua, { $name },
digest-intro = iată ce este nou pe { -brand } de la { $date }.
digest-section-practice = Bune practici
digest-section-meeting_note = Note de ședință
digest-section-action_plan = Planuri de acțiune
digest-section-translation = Traduceri ale documentelor partenerului dumneavoastră
digest-section-deliverable = Livrabilele partenerului dumneavoastră
digest-section-action_item = Sarcinile partenerului dumneavoastră
digest-overdue = Întârziate
digest-due-soon = Cu termen în următoarele 14 zile
digest-change-new = noutate
digest-change-updated = actualizare
digest-change-translation = traducere în limba { $language }
digest-change-outdated = originalul a fost modificat după traducere
digest-change-work = { $detail }
digest-changes = { $count ->
    [one] o modificare
    [few] { $count } modificări
   *[other] { $count } de modificări
}
digest-more = { $count ->
    [one] și încă un element
    [few] și încă { $count } elemente
   *[other] și încă { $count } de elemente
}
digest-in-language = în limba { $language }
digest-due-on = termen: { $date }
digest-open = Deschideți { -brand }
digest-footer = Primiți acest rezumat conform setărilor dumneavoastră. Le puteți modifica din contul dumneavoastră sau puteți renunța la aceste mesaje:
digest-unsubscribe = Dezabonare

## Unsubscribing (unsubscribe.html)
unsubscribe-title = Oprirea rezumatului prin e-mail
unsubscribe-question = Doriți să nu mai primiți rezumatul prin e-mail la adresa { $email }?
unsubscribe-button = Opriți rezumatul
unsubscribe-done = Nu veți mai primi rezumatul prin e-mail. Îl puteți reactiva din contul dumneavoastră.
unsubscribe-invalid = Această legătură nu este validă.

## The digest outbox (administrators)
nav-outbox = Rezumate prin e-mail
outbox-title = Rezumate trimise și în așteptare
outbox-intro = Fiecare cont primește un rezumat pe perioadă. Un rezumat care nu a putut fi trimis este retrimis după 1, 2, 4 și până la 60 de minute. Cel pe care serverul de e-mail îl refuză definitiv este pus deoparte după opt încercări; cât timp serverul nu poate fi contactat, rezumatele așteaptă și sunt puse deoparte abia la trei zile după sfârșitul perioadei lor. Retrimiteți-l de aici când serverul funcționează din nou.
outbox-all = Toate
outbox-show = Afișează
outbox-none = Niciun rezumat nu corespunde.
outbox-account = Cont
outbox-period-end = Sfârșitul perioadei
outbox-attempts = Încercări
outbox-next = Următoarea încercare
outbox-error = Ultima eroare
outbox-actions = Acțiuni
outbox-retry = Retrimite
outbox-status-pending = În așteptare
outbox-status-sending = Se trimite
outbox-status-sent = Trimis
outbox-status-empty = Nimic nou
outbox-status-failed = Eșuat, se va reîncerca
outbox-status-parked = Pus deoparte
# Why a digest waits or was set aside (outbox.html, from src/web/outbox.rs)
outbox-why-rejected = Serverul de e-mail a refuzat definitiv mesajul
outbox-why-unwritable = Mesajul nu a putut fi compus
outbox-why-refused = Serverul de e-mail a refuzat conexiunea
outbox-why-timed-out = Serverul de e-mail nu a răspuns la timp
outbox-why-tls = Conexiunea criptată cu serverul de e-mail nu a putut fi stabilită
outbox-why-deferred = Serverul de e-mail a cerut o nouă încercare mai târziu
outbox-why-connection = Conexiunea cu serverul de e-mail a eșuat
outbox-why-folder = Dosarul de e-mail nu a putut fi scris
notice-digest-queued = Rezumatul va fi retrimis în cel mult un minut.
notice-digest-not-queued = Doar un rezumat eșuat sau pus deoparte poate fi retrimis.
