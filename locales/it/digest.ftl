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
outbox-intro = Ogni account riceve un riepilogo per periodo. Un riepilogo che non è potuto partire viene ritentato dopo 1, 2, 4 e fino a 60 minuti. Quello che il server di posta rifiuta definitivamente viene messo da parte dopo otto tentativi; finché il server non è raggiungibile, i riepiloghi attendono e vengono messi da parte solo tre giorni dopo la fine del loro periodo. Rinvialo da qui quando il server di posta funziona di nuovo.
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
# Why a digest waits or was set aside (outbox.html, from src/web/outbox.rs)
outbox-why-rejected = Il server di posta ha rifiutato il messaggio definitivamente
outbox-why-unwritable = Non è stato possibile comporre il messaggio
outbox-why-refused = Il server di posta ha rifiutato la connessione
outbox-why-timed-out = Il server di posta non ha risposto in tempo
outbox-why-tls = Non è stato possibile stabilire la connessione cifrata al server di posta
outbox-why-deferred = Il server di posta ha chiesto di riprovare più tardi
outbox-why-connection = La connessione al server di posta non è riuscita
outbox-why-folder = Non è stato possibile scrivere nella cartella della posta
notice-digest-queued = Il riepilogo verrà inviato di nuovo entro un minuto.
notice-digest-not-queued = Si può inviare di nuovo solo un riepilogo non riuscito o messo da parte.
