## I tuoi dati: la pagina dei dati dell’account, la sintesi contenuta nello scaricamento e la cancellazione di un account.

data-title = I tuoi dati
data-intro = Puoi scaricare tutto ciò che la piattaforma conserva su di te e chiedere la cancellazione del tuo account. L’informativa sulla privacy spiega che cosa viene conservato, perché e per quanto tempo.
data-privacy-link = Leggi l’informativa sulla privacy
data-account-link = I tuoi dati: scaricali o chiedi la cancellazione del tuo account
data-download-heading = Scarica i tuoi dati
data-download-text = Un unico file ZIP con il tuo account, le impostazioni, gli accessi, i documenti che hai creato, le tue modifiche, traduzioni e commenti, la tua attività e i riepiloghi che ti sono stati inviati: una sintesi da leggere nella tua lingua e gli stessi dati in file JSON, destinati ai programmi informatici.
data-download-button = Scarica i miei dati
data-erase-heading = Cancellazione del tuo account
data-erase-text = Quando il tuo account viene cancellato, il tuo indirizzo e-mail, il nome, la password, gli accessi, l’indirizzo di calendario e i riepiloghi vengono eliminati definitivamente e non puoi più accedere. I documenti che hai scritto restano al partenariato e sono mostrati con il nome del tuo partner: fanno parte della documentazione del progetto. La cancellazione viene confermata da un coordinatore.
data-erase-confirm-label = Ho capito che il mio account sarà cancellato e che non potrà essere ripristinato.
data-erase-button = Chiedi la cancellazione del mio account
data-erase-requested = Hai chiesto la cancellazione del tuo account il { $date }. Un coordinatore la confermerà; fino ad allora puoi cambiare idea.
data-erase-requested-on = Richiesta il { $date }
data-erase-withdraw-button = Mantieni il mio account
data-erase-last-admin = Sei l’unico amministratore attivo: assegna il ruolo di amministratore a un altro account prima di chiedere la cancellazione del tuo.
data-erase-confirm-required = Spunta la casella per confermare.
notice-erasure-requested = La tua richiesta è stata registrata. Un coordinatore la confermerà.
notice-erasure-withdrawn = La tua richiesta è stata ritirata: il tuo account resta attivo.

data-summary-title = I tuoi dati su MICROFUTURE Exchange
data-summary-made = Preparato il { $date } per { $name }.
data-summary-files = Questa cartella contiene questa sintesi e gli stessi dati in file JSON, destinati ai programmi informatici (orari in UTC); il file index.json li elenca.
data-summary-account = Il tuo account
data-account-since = Creazione dell’account
data-count = { $count ->
    [0] Nessun dato registrato.
    [one] Una voce.
   *[other] { $count } voci.
}
data-none = —
data-section-sessions = Accessi
data-section-calendar = Indirizzi di calendario
data-section-documents = Documenti che hai creato
data-section-revisions = Modifiche che hai apportato ai documenti
data-section-translations = Traduzioni che hai scritto
data-section-drafts = Bozze su cui hai lavorato
data-section-proposals = Traduzioni che hai proposto
data-section-deliverables = Prodotti di cui hai cambiato lo stato
data-section-activity = La tua attività
data-section-digests = Riepiloghi che ti sono stati inviati
data-col-signed-in = Accesso
data-col-ends = Fine (avvenuta o prevista)
data-col-how = Modalità
data-col-made = Creato
data-col-stopped = Disattivato
data-col-title = Titolo
data-col-kind = Tipo
data-col-status = Stato
data-col-when = Quando
data-col-language = Lingua
data-col-comment = Commento
data-col-from = Stato precedente
data-col-to = Nuovo stato
data-col-what = Che cosa
data-col-period = Periodo
data-col-sent = Inviato
data-session-browser = Nel browser
data-session-api = Tramite l’API
data-event-account_created = Account creato
data-event-account_changed = Account modificato
data-event-account_deactivated = Account disattivato
data-event-account_reactivated = Account riattivato
data-event-account_password_reset = Nuova password monouso assegnata
data-event-erasure_requested = Cancellazione dell’account richiesta
data-event-erasure_withdrawn = Richiesta di cancellazione ritirata
data-event-document_created = Documento creato
data-event-document_updated = Documento modificato
data-event-document_status_changed = Stato del documento cambiato
data-event-draft_updated = Bozza salvata
data-event-translation_created = Traduzione aggiunta
data-event-translation_updated = Traduzione modificata
data-event-translation_proposed = Traduzione proposta
data-event-attachment_added = Allegato aggiunto
data-event-attachment_proposed = Allegato proposto
data-event-other = Altra modifica

admin-erasures-title = Richieste di cancellazione di un account
admin-erasures-intro = Queste persone hanno chiesto la cancellazione del proprio account. La cancellazione elimina definitivamente indirizzo e-mail, nome, password, accessi e riepiloghi; i documenti che hanno scritto restano, mostrati con il nome del loro partner.
admin-erasures-none = Nessuna richiesta in attesa.
admin-erasures-link = Richieste di cancellazione di un account ({ $count })
admin-erasure-asked = Richiesta il { $date }
admin-erasure-button = Cancella l’account di { $name }
admin-erasure-done = L’account è stato cancellato.
admin-erasure-last-admin = È l’unico amministratore attivo: occorre prima assegnare il ruolo di amministratore a un altro account.
admin-erasure-gone = La richiesta è stata ritirata, oppure l’account era già stato cancellato.
history-former-member = Un ex membro di { $partner }
