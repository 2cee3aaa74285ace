## Collegamenti all’informativa sulla privacy (piè di pagina di base.html, sign_in.html)
footer-privacy = Privacy
sign-in-privacy = Come vengono trattati i tuoi dati personali

## Informativa sulla privacy (privacy.html)
privacy-title = Informativa sulla privacy
privacy-intro = Questa informativa spiega quali dati la piattaforma conserva sulle persone che la usano, perché, per quanto tempo e che cosa puoi chiedere.
privacy-controller-heading = Chi è responsabile dei tuoi dati
privacy-controller = Il titolare del trattamento dei tuoi dati personali, per conto del partenariato del progetto, è:
privacy-contact = Per qualsiasi domanda sui tuoi dati, o per esercitare i tuoi diritti, scrivi a:
privacy-contact-lead = Per qualsiasi domanda sui tuoi dati, o per esercitare i tuoi diritti, contatta il capofila, { $lead }, tramite il coordinatore della tua organizzazione nel progetto.
privacy-kept-heading = Che cosa viene conservato su di te
privacy-kept-account = Il tuo account: indirizzo e-mail, nome, organizzazione partner, ruolo, lingua, fuso orario e preferenze per il riepilogo.
privacy-kept-password = La tua password, solo come hash Argon2id: nessuno, nemmeno gli amministratori, può risalire alla password.
privacy-kept-sessions = Le tue sessioni: quando hai effettuato l’accesso, fino a quando ogni sessione è valida e quando sei uscito.
privacy-kept-sign-in = I tentativi di accesso: per rallentare chi cerca di indovinare le password, i tentativi recenti vengono contati in base all’indirizzo e-mail inserito e all’indirizzo di rete (IP) di provenienza.
privacy-kept-activity = La tua attività: ciò che hai fatto sui documenti e sul piano di lavoro (creazione, modifica, traduzione, revisione, cambio di stato) e le modifiche agli account, con data e ora. Nessun indirizzo di rete viene registrato con la tua attività.
privacy-kept-digests = I riepiloghi inviati via e-mail: quando è stato inviato ciascuno, o perché non è stato possibile inviarlo.
privacy-kept-calendar = Il tuo indirizzo di calendario personale, se ne hai creato uno: viene conservato solo come hash.
privacy-kept-content = I documenti, le traduzioni e i commenti che scrivi: fanno parte del lavoro comune del partenariato e riportano il tuo nome come autore.
privacy-kept-cookies = La piattaforma usa solo i cookie necessari per mantenere l’accesso e proteggere i moduli. Non usa strumenti di tracciamento statistici o pubblicitari.
privacy-why-heading = Perché vengono conservati
privacy-why-work = Per svolgere il lavoro comune del partenariato: il tuo account ti permette di accedere, scrivere, tradurre e rivedere documenti, seguire il piano di lavoro e ricevere i riepiloghi che hai scelto. Rientra nel compito di interesse pubblico che i partner svolgono nel loro progetto Interreg Europe.
privacy-why-records = Per conservare la documentazione del progetto: le regole Interreg obbligano i partner a conservare la documentazione del progetto per cinque anni dopo il pagamento finale al progetto. I documenti, la loro cronologia e l’attività che li riguarda ne fanno parte.
privacy-why-security = Per proteggere gli account: le sessioni e i tentativi di accesso sono conservati solo per il tempo necessario a proteggere gli account da usi impropri.
privacy-retention-heading = Per quanto tempo vengono conservati
privacy-retention-intro = Il tuo account e ciò che hai scritto sono conservati finché l’account esiste e, come documentazione del progetto, per tutto il tempo richiesto dalle regole Interreg. I dati non più necessari vengono cancellati automaticamente, ogni ora, trascorsi i periodi indicati qui sotto.
privacy-retention-record = Dati
privacy-retention-period = Cancellati dopo
privacy-period-sessions = Sessioni concluse (uscita o scadenza), dalla loro conclusione
privacy-period-sign-in-attempts = Conteggi dei tentativi di accesso, con gli indirizzi e-mail e di rete a cui sono associati, dall’inizio del conteggio
privacy-period-digests = Registrazioni dei riepiloghi inviati, dall’invio o dalla data prevista
privacy-period-account-changes = Nomi e indirizzi e-mail nella cronologia delle modifiche agli account (resta traccia di che cosa è cambiato, chi l’ha cambiato e quando)
privacy-period-calendar-tokens = Indirizzi di calendario che hai revocato, dalla revoca
privacy-hours = { $count ->
    [one] { $count } ora
   *[other] { $count } ore
}
privacy-days = { $count ->
    [one] { $count } giorno
   *[other] { $count } giorni
}
privacy-years = { $count ->
    [one] { $count } anno
   *[other] { $count } anni
}
privacy-rights-heading = I tuoi diritti
privacy-right-access = Accesso e portabilità: puoi scaricare tutto ciò che la piattaforma conserva su di te.
privacy-right-access-link = Scarica i tuoi dati
privacy-right-erasure = Cancellazione: nella stessa pagina puoi chiedere la cancellazione del tuo account. Quando un coordinatore o un amministratore la conferma, il tuo indirizzo e-mail, il nome, la password, le sessioni, i riepiloghi e le registrazioni di accesso vengono cancellati; ciò che hai scritto resta nel lavoro del partenariato, senza il tuo nome.
privacy-right-rectification = Rettifica: puoi correggere tu stesso nome, lingua, fuso orario e preferenze per il riepilogo; il coordinatore della tua organizzazione corregge indirizzo e-mail, partner o ruolo.
privacy-right-rectification-link = Area personale
privacy-right-objection = Opposizione e limitazione: puoi opporti all’uso dei tuoi dati o chiederne la limitazione, tramite il contatto indicato sopra.
privacy-right-complaint = Reclamo: puoi presentare un reclamo a un’autorità di controllo per la protezione dei dati, in particolare nel paese in cui vivi o lavori.
privacy-licence-heading = Contenuti pubblici
privacy-licence = I documenti che i partner pubblicano per tutti possono essere riutilizzati con questa licenza:
privacy-licence-default = Creative Commons Attribuzione 4.0 Internazionale (CC BY 4.0)
privacy-licence-internal = I documenti condivisi solo all’interno del partenariato non sono coperti da questa licenza.

## Cronologia di un account (admin_user.html), dopo la cancellazione dei valori vecchi e nuovi di un nome
admin-event-change-cleared = { $field }: modificato (i valori non sono più conservati)
