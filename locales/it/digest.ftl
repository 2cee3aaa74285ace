## The email digest (crates/api/src/digest_mail.rs)
digest-subject = { -brand }: le novità dal { $date }
digest-greeting = Gentile { $name },
digest-intro = ecco le novità su { -brand } dal { $date }.
digest-section-practice = Buone pratiche
digest-section-meeting_note = Resoconti delle riunioni
digest-section-action_plan = Piani d’azione
digest-section-translation = Traduzioni dei documenti del partner di appartenenza
digest-section-deliverable = Prodotti del partner di appartenenza
digest-section-action_item = Attività da svolgere a cura del partner di appartenenza
digest-overdue = In ritardo
digest-due-soon = In scadenza nei prossimi 14 giorni
digest-change-new = novità
digest-change-updated = aggiornamento
digest-change-translation = traduzione in { $language }
digest-change-outdated = originale modificato dopo la traduzione
digest-change-work = { $detail }
digest-changes = { $count ->
    [one] una modifica
   *[other] { $count } modifiche
}
digest-more = { $count ->
    [one] e un altro elemento
   *[other] e altri { $count } elementi
}
digest-in-language = in { $language }
digest-due-on = scadenza: { $date }
digest-open = Apri { -brand }
digest-footer = Questo riepilogo viene inviato in base alle impostazioni scelte, che si possono modificare nell’area personale. È anche possibile interrompere l’invio di questi messaggi:
digest-unsubscribe = Annulla l’iscrizione

## Unsubscribing (unsubscribe.html)
unsubscribe-title = Disattivazione del riepilogo via e-mail
unsubscribe-question = Interrompere l’invio del riepilogo via e-mail all’indirizzo { $email }?
unsubscribe-button = Disattiva il riepilogo
unsubscribe-done = Il riepilogo via e-mail non verrà più inviato. È possibile riattivarlo nell’area personale.
unsubscribe-invalid = Questo collegamento non è valido.

## The digest outbox (administrators)
nav-outbox = Riepiloghi via email
outbox-title = Riepiloghi inviati e in attesa
outbox-intro = Ogni account riceve un riepilogo per periodo. Un riepilogo rifiutato dal server di posta viene ritentato dopo 1, 2, 4 e fino a 60 minuti, e messo da parte dopo otto tentativi; rinvialo da qui quando il server di posta funziona di nuovo.
outbox-all = Tutti
outbox-show = Mostra
outbox-none = Nessun riepilogo corrisponde.
outbox-account = Account
outbox-period-end = Fine del periodo
outbox-attempts = Tentativi
outbox-next = Prossimo tentativo
outbox-error = Ultimo errore
outbox-actions = Azioni
outbox-retry = Invia di nuovo
outbox-status-pending = In attesa
outbox-status-sending = In invio
outbox-status-sent = Inviato
outbox-status-empty = Niente da segnalare
outbox-status-failed = Non riuscito, verrà ritentato
outbox-status-parked = Messo da parte
notice-digest-queued = Il riepilogo verrà inviato di nuovo entro un minuto.
notice-digest-not-queued = Si può inviare di nuovo solo un riepilogo non riuscito o messo da parte.
