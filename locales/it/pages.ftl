## Home (home.html)
home-title = Benvenuti
home-latest = Novità
home-partners = I partner

## Lists (list.html)
list-empty = Ancora nessun contenuto.
list-count = { $count ->
    [one] Un documento
   *[other] { $count } documenti
}
list-next = Pagina successiva
list-shown-in = Mostrato in { $language }: non è ancora disponibile una traduzione nella lingua scelta.
filter-partner = Partner
filter-theme = Tema
filter-status = Stato
filter-all = Tutti
filter-apply = Mostra

## Search (search.html)
search-title = Ricerca
search-label = Parole da cercare, in qualsiasi lingua
search-button = Cerca
search-count = { $count ->
    [one] Un risultato
   *[other] { $count } risultati
}
search-matched-in = Trovato in { $language }

## Signing in (sign_in.html)
sign-in-title = Accesso
sign-in-button = Accedi
field-email = Indirizzo di posta elettronica
field-password = Password

## A document (document.html)
document-title = Documento
document-status = Stato
document-updated = Aggiornato il { $date }
document-tools = Strumenti
document-edit = Modifica
document-history = Cronologia
document-facts = Dati principali
document-original-language = Scritto in
document-languages = Lingue
document-translate-into = Tradurre in:
document-attachments = Allegati
banner-fallback = Questo testo è mostrato in { $language } perché non è ancora stato tradotto nella lingua scelta.
banner-outdated = Questa traduzione non è aggiornata: l’originale in { $language } è stato modificato dopo la traduzione.
banner-machine = Questo testo è stato tradotto automaticamente.
document-returned = Rimandato in bozza da { $name } il { $date }:
document-section-fallback = Non ancora tradotto: questa sezione è mostrata in { $language }.
workflow-heading = Iter di approvazione
workflow-comment = Commento (motivo del rinvio)
move-to-in_review = Invia in revisione
move-to-draft = Riporta in bozza
move-to-published = Pubblica
move-to-archived = Archivia
action-progress = Completato al { $percent } %
lineage-heading = Trasferimento di questa pratica
lineage-description = { $count ->
    [0] Nessun piano d’azione cita ancora questa pratica.
    [one] Un’azione di un piano d’azione si è ispirata a questa pratica.
   *[other] { $count } azioni di piani d’azione si sono ispirate a questa pratica.
}
lineage-none = Nessun piano d’azione cita ancora questa pratica.
lineage-inspired-by = Ispirato a queste buone pratiche

## History (history.html)
history-title = Cronologia
history-of = Cronologia di “{ $title }”
history-back = Torna al documento
history-when = Quando
history-who = Chi
history-what = Che cosa
history-details = Dettagli
history-system = La piattaforma
history-action-created = Creazione
history-action-edited = Modifica
history-action-translated = Traduzione
history-action-status_changed = Cambio di stato
history-action-attachment_added = Allegato aggiunto
history-action-attachment_removed = Allegato rimosso

## Partner (partner.html)
partner-title = Partner
partner-name-en = Nome in inglese
partner-role = Ruolo nel progetto
partner-region = Regione
partner-language = Lingua
partner-documents = Documenti del partner

## Account (account.html)
account-title = Area personale
account-role = Ruolo assegnato
field-display-name = Nome
field-language = Lingua delle pagine e dei messaggi di posta elettronica
field-time-zone = Fuso orario
save-button = Salva

## Forms (doc_form.html, macros.html)
new-practice = Nuova buona pratica
new-meeting_note = Nuovo resoconto di riunione
new-action_plan = Nuovo piano d’azione
edit-title = Modifica
edit-of = Modifica di “{ $title }”
form-markdown-hint = Nei testi lunghi si può usare il Markdown: **grassetto**, *corsivo*, elenchi con righe che iniziano con “- ” e collegamenti.
form-has-errors = Alcuni campi richiedono attenzione; ciascuno è segnalato qui sotto.
form-refused = Il profilo in uso non consente di salvare. Nulla di quanto scritto è andato perso: copiatelo, oppure chiedete il diritto di scrittura al coordinamento del vostro partner.
form-add-action = Aggiungi un'altra azione
form-add-item = Aggiungi un'altra attività
form-about = Informazioni sul documento
form-practice-text = La pratica
form-evidence = Risultati e riscontri
form-meeting = La riunione
form-minutes = Verbale
form-plan = Il piano
form-none = Nessuno
field-original-language = Lingua originale
field-visibility = Chi può leggerlo dopo la pubblicazione
field-themes = Temi
field-title = Titolo
field-summary = Sintesi
field-problem = Problema affrontato
field-description = Descrizione
field-resources = Risorse necessarie
field-timescale = Tempistica
field-evidence_of_success = Prove dei risultati ottenuti
field-difficulties = Difficoltà incontrate
field-transfer_potential = Potenziale di apprendimento o di trasferimento
field-stakeholders = Portatori di interesse
field-agenda = Ordine del giorno
field-discussion = Discussione
field-decisions = Decisioni
field-policy_context = Contesto delle politiche
field-background = Contesto: che cosa si è appreso, e da chi
field-players = Soggetti coinvolti
field-funding_sources = Fonti di finanziamento
field-indicators = Indicatori
hint-summary = Due o tre frasi che descrivono la pratica.
hint-problem = La sfida a cui risponde la pratica.
hint-description = Che cosa si fa, come e da parte di chi.
hint-resources = Persone, risorse economiche e partner necessari.
hint-timescale = Tempo necessario per l’avvio e per il funzionamento.
hint-evidence_of_success = Risultati concreti e misurabili.
hint-difficulties = Che cosa è stato difficile e come è stato risolto.
hint-transfer_potential = Che cosa servirebbe a un’altra regione per adottarla.
hint-stakeholders = Chi è coinvolto e chi ne beneficia.
field-location = Localizzazione
field-country = Paese
hint-country = Due lettere, ad esempio FR o SE.
field-region = Regione
field-city = Città
field-start_year = Dal
field-end_year = Fino al
hint-end_year = Lasciare vuoto se è ancora in corso.
field-target_groups = Gruppi destinatari
field-instruments = Strumenti
field-instrument_type = Strumento principale
field-loan_size_min_eur = Prestito minimo (EUR)
field-loan_size_max_eur = Prestito massimo (EUR)
field-beneficiaries_reached = Persone raggiunte
field-repayment_rate_percent = Tasso di rimborso (%)
field-funding_source = Fonte di finanziamento
field-contact = Contatto
field-contact_name = Referente
field-contact_organisation = Organizzazione
field-contact_email = Indirizzo di posta elettronica del referente
field-links = Collegamenti
hint-links = Un indirizzo web per riga.
field-meeting_type = Tipo di riunione
field-starts_at = Inizio
field-ends_at = Fine
field-place = Luogo
field-online_url = Collegamento alla riunione a distanza
field-attendees = Partecipanti
field-attendee-name = Nome del partecipante
hint-attendees = Una persona per riga: nome — organizzazione.
field-action_items = Attività da svolgere
hint-action_items = Lasciare vuota una riga per ometterla; spuntare «Elimina questa voce» per eliminare una voce.
field-item = Voce
field-item-title = Che cosa va fatto
field-assignee = Partner responsabile
field-due_on = Scadenza
field-status = Stato
field-policy_instrument = Strumento delle politiche pubbliche
field-actions = Azioni
field-action = Azione
field-progress_percent = Avanzamento (%)
field-starts_on = Data di inizio
field-ends_on = Data di fine
field-estimated_cost_eur = Costo stimato (EUR)
field-inspired_by = Ispirato a queste buone pratiche

## Translation editor (translate.html)
translate-title = Traduzione
translate-into = Traduzione in { $language }
translate-of = Originale: “{ $title }”
translate-changed = Modificato dopo l’ultima traduzione
field-origin = Tradotto da

## Notices shown after a form was sent
notice-signed-out = Disconnessione effettuata.
notice-created = Il documento è stato creato come bozza.
notice-saved = Le modifiche sono state salvate.
notice-translation-saved = La traduzione è stata salvata.
notice-moved = Lo stato è stato modificato.
notice-move-needs-comment = Indicare il motivo per cui il documento torna in bozza.
notice-changed-meanwhile = Nel frattempo il documento è stato modificato da un’altra persona; si prega di ricontrollarlo.
notice-account-saved = Le impostazioni sono state salvate.

## Error pages (error.html)
error-page-not-found = Pagina non trovata
error-page-not-found-text = Questa pagina non esiste oppure non si dispone dell’autorizzazione per visualizzarla.
error-page-forbidden = Operazione non consentita
error-page-forbidden-text = Il profilo in uso non consente questa operazione.
error-page-unauthorized = Accesso richiesto
error-page-unauthorized-text = Accedere per continuare.
error-page-failed = Si è verificato un errore
error-page-failed-text = Non è stato possibile visualizzare la pagina. Riprovare tra qualche istante.
error-page-unavailable = Il servizio è momentaneamente non disponibile
error-page-unavailable-text = Il database non risponde in questo momento e nulla di ciò che avete inviato è stato salvato. Il browser conserva ciò che avete scritto: tornate indietro e inviatelo di nuovo tra qualche secondo.
error-page-storage-full = Lo spazio di archiviazione del server è pieno
error-page-storage-full-text = Non c’è più spazio per salvare la modifica, quindi nulla è stato salvato. La lettura continua come sempre. Il browser conserva ciò che avete scritto: tornate indietro e conservatelo finché il gestore della piattaforma non avrà liberato spazio.

## Digest settings (account.html)
account-digest = Riepilogo via e-mail
field-digest-frequency = Frequenza
digest-frequency-off = Mai
digest-frequency-daily = Ogni giorno
digest-frequency-weekly = Ogni settimana
field-digest-weekday = Giorno della settimana
weekday-1 = lunedì
weekday-2 = martedì
weekday-3 = mercoledì
weekday-4 = giovedì
weekday-5 = venerdì
weekday-6 = sabato
weekday-7 = domenica
field-digest-hour = Ora
field-digest-hour-hint = Nel fuso orario impostato.
